#include "core/jsonapi/relationship.h"

#include <QJsonArray>
#include <QStringList>

namespace ascend::jsonapi {

Relationship Relationship::toOne(const ResourceIdentifier &identifier)
{
    Relationship relationship;
    relationship.kind = Kind::ToOne;
    relationship.data = {identifier};
    return relationship;
}

Relationship Relationship::toMany(const QList<ResourceIdentifier> &identifiers)
{
    Relationship relationship;
    relationship.kind = Kind::ToMany;
    relationship.data = identifiers;
    return relationship;
}

Relationship Relationship::null()
{
    Relationship relationship;
    relationship.kind = Kind::Null;
    return relationship;
}

std::optional<ResourceIdentifier> Relationship::single() const
{
    if (kind != Kind::ToOne || data.isEmpty())
        return std::nullopt;
    return data.first();
}

QString Relationship::singleId() const
{
    const auto identifier = single();
    return identifier ? identifier->id : QString();
}

QStringList Relationship::ids() const
{
    QStringList out;
    for (const auto &identifier : data)
        out << identifier.id;
    return out;
}

Relationship Relationship::fromJson(const QJsonValue &value)
{
    Relationship relationship;
    if (!value.isObject())
        return relationship;
    const QJsonObject object = value.toObject();
    relationship.links = Links::fromJson(object.value(QLatin1String("links")));
    relationship.meta = object.value(QLatin1String("meta")).toObject();
    if (!object.contains(QLatin1String("data")))
        return relationship;
    const QJsonValue data = object.value(QLatin1String("data"));
    if (data.isNull()) {
        relationship.kind = Kind::Null;
    } else if (data.isArray()) {
        relationship.kind = Kind::ToMany;
        for (const QJsonValue &item : data.toArray()) {
            if (auto identifier = ResourceIdentifier::fromJson(item))
                relationship.data << *identifier;
        }
    } else if (auto identifier = ResourceIdentifier::fromJson(data)) {
        relationship.kind = Kind::ToOne;
        relationship.data = {*identifier};
    }
    return relationship;
}

QJsonObject Relationship::toJson() const
{
    QJsonObject object;
    switch (kind) {
    case Kind::NoData:
        break;
    case Kind::Null:
        object.insert(QStringLiteral("data"), QJsonValue::Null);
        break;
    case Kind::ToOne:
        object.insert(QStringLiteral("data"),
                      data.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(data.first().toJson()));
        break;
    case Kind::ToMany: {
        QJsonArray array;
        for (const auto &identifier : data)
            array.append(identifier.toJson());
        object.insert(QStringLiteral("data"), array);
        break;
    }
    }
    if (!links.isEmpty())
        object.insert(QStringLiteral("links"), links.toJson());
    if (!meta.isEmpty())
        object.insert(QStringLiteral("meta"), meta);
    return object;
}

} // namespace ascend::jsonapi

#include "core/jsonapi/resource.h"

#include "core/jsonapi/datetime.h"

#include <QCoreApplication>
#include <cmath>

namespace ascend::jsonapi {

std::optional<bool> Resource::boolAttribute(const QString &name) const
{
    const QJsonValue value = attributes.value(name);
    if (!value.isBool())
        return std::nullopt;
    return value.toBool();
}

std::optional<qint64> Resource::integerAttribute(const QString &name) const
{
    const QJsonValue value = attributes.value(name);
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number != std::floor(number))
        return std::nullopt;
    return value.toInteger();
}

QDateTime Resource::dateTimeAttribute(const QString &name) const
{
    return parseDateTime(attributes.value(name).toString());
}

std::optional<Resource> Resource::fromJson(const QJsonValue &value, QString *errorString)
{
    const auto fail = [errorString](const QString &message) -> std::optional<Resource> {
        if (errorString)
            *errorString = message;
        return std::nullopt;
    };
    if (!value.isObject())
        return fail(QCoreApplication::translate("ascend::jsonapi", "a resource is not a JSON object"));
    const QJsonObject object = value.toObject();
    const QJsonValue type = object.value(QLatin1String("type"));
    if (!type.isString() || type.toString().isEmpty())
        return fail(QCoreApplication::translate("ascend::jsonapi", "a resource has no \"type\""));
    const QJsonValue id = object.value(QLatin1String("id"));
    if (!id.isUndefined() && !id.isString())
        return fail(
            QCoreApplication::translate("ascend::jsonapi", "the \"id\" of a %1 resource is not a string")
                .arg(type.toString()));

    Resource resource;
    resource.type = type.toString();
    resource.id = id.toString();
    resource.attributes = object.value(QLatin1String("attributes")).toObject();
    const QJsonObject relationships = object.value(QLatin1String("relationships")).toObject();
    for (auto it = relationships.begin(); it != relationships.end(); ++it)
        resource.relationships.insert(it.key(), Relationship::fromJson(it.value()));
    resource.links = Links::fromJson(object.value(QLatin1String("links")));
    resource.meta = object.value(QLatin1String("meta")).toObject();
    return resource;
}

QJsonObject Resource::toJson() const
{
    QJsonObject object{{QStringLiteral("type"), type}};
    if (!id.isEmpty())
        object.insert(QStringLiteral("id"), id);
    if (!attributes.isEmpty())
        object.insert(QStringLiteral("attributes"), attributes);
    if (!relationships.isEmpty()) {
        QJsonObject related;
        for (auto it = relationships.begin(); it != relationships.end(); ++it)
            related.insert(it.key(), it.value().toJson());
        object.insert(QStringLiteral("relationships"), related);
    }
    if (!links.isEmpty())
        object.insert(QStringLiteral("links"), links.toJson());
    if (!meta.isEmpty())
        object.insert(QStringLiteral("meta"), meta);
    return object;
}

} // namespace ascend::jsonapi

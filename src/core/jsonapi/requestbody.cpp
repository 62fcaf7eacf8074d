#include "core/jsonapi/requestbody.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ascend::jsonapi {

ResourceBody::ResourceBody(const QString &type, const QString &id)
    : m_type(type)
    , m_id(id)
{}

ResourceBody &ResourceBody::setAttribute(const QString &name, const QJsonValue &value)
{
    m_attributes.insert(name, value);
    return *this;
}

ResourceBody &ResourceBody::setAttributes(const QJsonObject &attributes)
{
    for (auto it = attributes.begin(); it != attributes.end(); ++it)
        m_attributes.insert(it.key(), it.value());
    return *this;
}

ResourceBody &ResourceBody::setToOne(const QString &relationship, const ResourceIdentifier &identifier)
{
    m_relationships.insert(relationship, linkageBody(identifier));
    return *this;
}

ResourceBody &ResourceBody::setToMany(const QString &relationship,
                                      const QList<ResourceIdentifier> &identifiers)
{
    m_relationships.insert(relationship, linkageBody(identifiers));
    return *this;
}

QJsonObject ResourceBody::toJson() const
{
    QJsonObject data{{QStringLiteral("type"), m_type}};
    if (!m_id.isEmpty())
        data.insert(QStringLiteral("id"), m_id);
    if (!m_attributes.isEmpty())
        data.insert(QStringLiteral("attributes"), m_attributes);
    if (!m_relationships.isEmpty())
        data.insert(QStringLiteral("relationships"), m_relationships);
    return QJsonObject{{QStringLiteral("data"), data}};
}

QByteArray ResourceBody::toBytes() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

QJsonObject linkageBody(const QList<ResourceIdentifier> &identifiers)
{
    QJsonArray data;
    for (const auto &identifier : identifiers)
        data.append(identifier.toJson());
    return QJsonObject{{QStringLiteral("data"), data}};
}

QJsonObject linkageBody(const ResourceIdentifier &identifier)
{
    return QJsonObject{{QStringLiteral("data"), identifier.toJson()}};
}

QJsonObject errorBody(const QList<Error> &errors)
{
    QJsonArray array;
    for (const auto &error : errors)
        array.append(error.toJson());
    return QJsonObject{{QStringLiteral("errors"), array}};
}

} // namespace ascend::jsonapi

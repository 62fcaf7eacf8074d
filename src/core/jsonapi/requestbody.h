#pragma once
// Builders for request bodies: resource bodies {"data": {type, id?, attributes, relationships}}
// for create/update, and linkage bodies {"data": [{type, id}, ...]} for relationship endpoints.

#include "core/jsonapi/error.h"
#include "core/jsonapi/resourceidentifier.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace ascend::jsonapi {

class ResourceBody {
public:
    // id stays empty for create requests and is required by ASC for updates.
    explicit ResourceBody(const QString &type, const QString &id = {});

    ResourceBody &setAttribute(const QString &name, const QJsonValue &value);
    ResourceBody &setAttributes(const QJsonObject &attributes);
    ResourceBody &setToOne(const QString &relationship, const ResourceIdentifier &identifier);
    ResourceBody &setToMany(const QString &relationship, const QList<ResourceIdentifier> &identifiers);

    // Empty "attributes" / "relationships" objects are left out.
    QJsonObject toJson() const;
    QByteArray toBytes() const;

private:
    QString m_type;
    QString m_id;
    QJsonObject m_attributes;
    QJsonObject m_relationships;
};

// {"data": [{"type": ..., "id": ...}, ...]} for POST/DELETE /v1/<type>/{id}/relationships/<rel>.
QJsonObject linkageBody(const QList<ResourceIdentifier> &identifiers);
// {"data": {"type": ..., "id": ...}} for to-one relationship endpoints.
QJsonObject linkageBody(const ResourceIdentifier &identifier);
// {"errors": [...]}
QJsonObject errorBody(const QList<Error> &errors);

} // namespace ascend::jsonapi

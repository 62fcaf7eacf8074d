#pragma once
// A JSON:API resource object: type, id, attributes, relationships, links, meta.

#include "core/jsonapi/links.h"
#include "core/jsonapi/relationship.h"
#include "core/jsonapi/resourceidentifier.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <optional>

namespace ascend::jsonapi {

struct Resource {
    QString type;
    QString id; // empty in create request bodies
    QJsonObject attributes;
    QMap<QString, Relationship> relationships;
    Links links;
    QJsonObject meta;

    ResourceIdentifier identifier() const { return {type, id}; }
    bool isNull() const { return type.isEmpty(); }

    QJsonValue attribute(const QString &name) const { return attributes.value(name); }
    QString stringAttribute(const QString &name) const { return attributes.value(name).toString(); }
    std::optional<bool> boolAttribute(const QString &name) const;
    std::optional<qint64> integerAttribute(const QString &name) const;
    QDateTime dateTimeAttribute(const QString &name) const;

    bool hasRelationship(const QString &name) const { return relationships.contains(name); }
    Relationship relationship(const QString &name) const { return relationships.value(name); }
    // The id of a to-one relationship, or empty when absent, null or without data.
    QString relatedId(const QString &name) const { return relationships.value(name).singleId(); }

    // "type" must be a string; every other member is optional and unknown members are ignored.
    static std::optional<Resource> fromJson(const QJsonValue &value, QString *errorString = nullptr);
    QJsonObject toJson() const;
};

} // namespace ascend::jsonapi

#pragma once
// The part of the App Store Connect OpenAPI document the simulator serves, extracted by spec/extract_spec.py
// into spec/simspec.json and embedded as a resource. Accepted parameters, their allowed values and
// maximums, and the attributes and relationships of each resource type all come from here.

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace ascend::sim {

struct ParameterSpec {
    QString name;        // "filter[platform]", "limit", "fields[builds]", "include", "exists[...]"
    QString type;        // "array", "integer", "boolean", "string"
    QStringList allowed; // enum values; empty = any
    int maximum = -1;    // for integers; -1 = none
    bool required = false;
};

struct OperationSpec {
    QString operationId;
    QByteArray method;
    QString pathTemplate; // "/v1/apps/{id}/builds"
    QList<ParameterSpec> parameters;
    QMap<int, QString> responses; // status → schema name ("" for no body)

    const ParameterSpec *parameter(const QString &name) const;
    bool isList() const; // has a "limit" parameter: a paged list
};

struct AttributeSpec {
    QString name;
    QString type; // JSON schema type: "string", "boolean", "integer", "number", "object", "array"
    QStringList allowed;
    QString format;
    bool nullable = false;
};

struct RelationshipSpec {
    QString name;
    QString targetType; // empty when the spec gives the relationship links only
    bool toMany = false;
    bool hasLinks = false;
    bool hasData = false;
    bool hasMeta = false;
};

struct ResourceSpec {
    QString type;   // "builds"
    QString schema; // "Build"
    QList<AttributeSpec> attributes;
    QList<RelationshipSpec> relationships;

    const AttributeSpec *attribute(const QString &name) const;
    const RelationshipSpec *relationship(const QString &name) const;
};

class SpecCatalog {
public:
    // The embedded catalog; loaded on first use. A broken embedded file is a build error, so this aborts.
    static const SpecCatalog &embedded();
    // For tests and tools: parse a document with the same layout as simspec.json.
    static SpecCatalog fromJson(const QJsonObject &document, QString *error = nullptr);

    QString specVersion() const { return m_specVersion; }
    const OperationSpec *operation(const QString &operationId) const;
    const ResourceSpec *resource(const QString &type) const;
    QStringList operationIds() const { return m_operations.keys(); }
    QStringList resourceTypes() const { return m_resources.keys(); }

private:
    QString m_specVersion;
    QMap<QString, OperationSpec> m_operations;
    QMap<QString, ResourceSpec> m_resources;
};

} // namespace ascend::sim

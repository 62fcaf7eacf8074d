#include "sim/speccatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace ascend::sim {
namespace {

QStringList toStringList(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &item : value.toArray())
        out << item.toString();
    return out;
}

ParameterSpec parseParameter(const QJsonObject &object)
{
    ParameterSpec parameter;
    parameter.name = object.value(QLatin1String("name")).toString();
    parameter.type = object.value(QLatin1String("type")).toString();
    parameter.allowed = toStringList(object.value(QLatin1String("enum")));
    parameter.maximum = object.value(QLatin1String("maximum")).toInt(-1);
    parameter.required = object.value(QLatin1String("required")).toBool();
    return parameter;
}

AttributeSpec parseAttribute(const QJsonObject &object)
{
    return {object.value(QLatin1String("name")).toString(), object.value(QLatin1String("type")).toString(),
            toStringList(object.value(QLatin1String("enum"))),
            object.value(QLatin1String("format")).toString(),
            object.value(QLatin1String("nullable")).toBool()};
}

RelationshipSpec parseRelationship(const QJsonObject &object)
{
    RelationshipSpec relationship;
    relationship.name = object.value(QLatin1String("name")).toString();
    relationship.targetType = object.value(QLatin1String("type")).toString();
    relationship.toMany = object.value(QLatin1String("toMany")).toBool();
    relationship.hasLinks = object.value(QLatin1String("links")).toBool();
    relationship.hasData = object.value(QLatin1String("data")).toBool();
    relationship.hasMeta = object.value(QLatin1String("meta")).toBool();
    return relationship;
}

} // namespace

const ParameterSpec *OperationSpec::parameter(const QString &name) const
{
    for (const ParameterSpec &candidate : parameters) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

bool OperationSpec::isList() const
{
    return parameter(QStringLiteral("limit")) != nullptr;
}

const AttributeSpec *ResourceSpec::attribute(const QString &name) const
{
    for (const AttributeSpec &candidate : attributes) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

const RelationshipSpec *ResourceSpec::relationship(const QString &name) const
{
    for (const RelationshipSpec &candidate : relationships) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

const SpecCatalog &SpecCatalog::embedded()
{
    static const SpecCatalog catalog = [] {
        QFile file(QStringLiteral(":/ascend-sim/simspec.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("ascend-sim: the embedded spec extract is missing from the binary");
        QString error;
        SpecCatalog parsed = fromJson(QJsonDocument::fromJson(file.readAll()).object(), &error);
        if (!error.isEmpty())
            qFatal("ascend-sim: the embedded spec extract is broken: %s", qPrintable(error));
        return parsed;
    }();
    return catalog;
}

SpecCatalog SpecCatalog::fromJson(const QJsonObject &document, QString *error)
{
    SpecCatalog catalog;
    catalog.m_specVersion = document.value(QLatin1String("specVersion")).toString();
    const QJsonObject operations = document.value(QLatin1String("operations")).toObject();
    const QJsonObject resources = document.value(QLatin1String("resources")).toObject();
    if (operations.isEmpty() || resources.isEmpty()) {
        if (error)
            *error = QStringLiteral("no operations or resources");
        return catalog;
    }
    for (auto it = operations.begin(); it != operations.end(); ++it) {
        const QJsonObject object = it.value().toObject();
        OperationSpec operation;
        operation.operationId = it.key();
        operation.method = object.value(QLatin1String("method")).toString().toLatin1();
        operation.pathTemplate = object.value(QLatin1String("path")).toString();
        for (const QJsonValue &parameter : object.value(QLatin1String("parameters")).toArray())
            operation.parameters << parseParameter(parameter.toObject());
        const QJsonObject responses = object.value(QLatin1String("responses")).toObject();
        for (auto response = responses.begin(); response != responses.end(); ++response)
            operation.responses.insert(response.key().toInt(), response.value().toString());
        catalog.m_operations.insert(operation.operationId, operation);
    }
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        const QJsonObject object = it.value().toObject();
        ResourceSpec resource;
        resource.type = it.key();
        resource.schema = object.value(QLatin1String("schema")).toString();
        for (const QJsonValue &attribute : object.value(QLatin1String("attributes")).toArray())
            resource.attributes << parseAttribute(attribute.toObject());
        for (const QJsonValue &relationship : object.value(QLatin1String("relationships")).toArray())
            resource.relationships << parseRelationship(relationship.toObject());
        catalog.m_resources.insert(resource.type, resource);
    }
    return catalog;
}

const OperationSpec *SpecCatalog::operation(const QString &operationId) const
{
    const auto it = m_operations.constFind(operationId);
    return it == m_operations.constEnd() ? nullptr : &it.value();
}

const ResourceSpec *SpecCatalog::resource(const QString &type) const
{
    const auto it = m_resources.constFind(type);
    return it == m_resources.constEnd() ? nullptr : &it.value();
}

} // namespace ascend::sim

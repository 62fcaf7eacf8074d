#include "sim/writebody.h"

#include <QJsonArray>

namespace ascend::sim::body {

ApiError entityError(int status, const QString &code, const QString &title, const QString &detail,
                     const QString &pointer)
{
    ApiError error;
    error.status = status;
    error.code = code;
    error.title = title;
    error.detail = detail;
    if (!pointer.isEmpty()) {
        error.sourcePointer = pointer;
        error.hasSourcePointer = true;
    }
    return error;
}

ApiError attributeRequired(const QString &attribute)
{
    return entityError(
        422, QStringLiteral("ENTITY_ERROR.ATTRIBUTE.REQUIRED"),
        QStringLiteral("You must provide a value for the attribute '%1' with this request").arg(attribute),
        QStringLiteral("The attribute '%1' is required.").arg(attribute),
        QStringLiteral("/data/attributes/%1").arg(attribute));
}

ApiError attributeInvalid(const QString &attribute, const QString &detail)
{
    return entityError(422, QStringLiteral("ENTITY_ERROR.ATTRIBUTE.INVALID"),
                       QStringLiteral("An attribute value is invalid."), detail,
                       QStringLiteral("/data/attributes/%1").arg(attribute));
}

ApiError relationshipRequired(const QString &relationship)
{
    return entityError(422, QStringLiteral("ENTITY_ERROR.RELATIONSHIP.REQUIRED"),
                       QStringLiteral("You must provide a value for the relationship '%1' with this request")
                           .arg(relationship),
                       QStringLiteral("The relationship '%1' is required.").arg(relationship),
                       QStringLiteral("/data/relationships/%1").arg(relationship));
}

ApiError relationshipInvalid(const QString &relationship, const QString &detail)
{
    return entityError(422, QStringLiteral("ENTITY_ERROR.RELATIONSHIP.INVALID"),
                       QStringLiteral("The provided entity includes a relationship with an invalid value"),
                       detail, QStringLiteral("/data/relationships/%1").arg(relationship));
}

ApiError stateConflict(const QString &code, const QString &detail, const QString &pointer)
{
    return entityError(409, code,
                       QStringLiteral("The request cannot be fulfilled because of the state of another "
                                      "resource."),
                       detail, pointer);
}

std::optional<QJsonObject> resourceData(const QJsonObject &document, const QString &type, const QString &id,
                                        QList<ApiError> *errors)
{
    const QJsonValue dataValue = document.value(QStringLiteral("data"));
    if (!dataValue.isObject()) {
        errors->append(entityError(422, QStringLiteral("ENTITY_ERROR.INVALID_REQUEST"),
                                   QStringLiteral("The request entity is invalid."),
                                   QStringLiteral("The body must be {\"data\": {...}}."),
                                   QStringLiteral("/data")));
        return std::nullopt;
    }
    const QJsonObject data = dataValue.toObject();
    if (data.value(QStringLiteral("type")).toString() != type) {
        errors->append(stateConflict(QStringLiteral("ENTITY_ERROR.INCORRECT_TYPE"),
                                     QStringLiteral("The type must be '%1'.").arg(type),
                                     QStringLiteral("/data/type")));
        return std::nullopt;
    }
    if (!id.isEmpty() && data.value(QStringLiteral("id")).toString() != id) {
        errors->append(
            stateConflict(QStringLiteral("ENTITY_ERROR.INCORRECT_ID"),
                          QStringLiteral("The id in the body must be the id in the URL ('%1').").arg(id),
                          QStringLiteral("/data/id")));
        return std::nullopt;
    }
    return data;
}

QString toOneId(const QJsonObject &data, const QString &relationship, const QString &targetType,
                QList<ApiError> *errors, bool required)
{
    const QJsonValue linkage = data.value(QStringLiteral("relationships"))
                                   .toObject()
                                   .value(relationship)
                                   .toObject()
                                   .value(QStringLiteral("data"));
    if (!linkage.isObject()) {
        if (required)
            errors->append(relationshipRequired(relationship));
        return {};
    }
    const QJsonObject object = linkage.toObject();
    const QString id = object.value(QStringLiteral("id")).toString();
    if (object.value(QStringLiteral("type")).toString() != targetType || id.isEmpty()) {
        errors->append(relationshipInvalid(
            relationship,
            QStringLiteral("'%1' must name a resource of type '%2'.").arg(relationship, targetType)));
        return {};
    }
    return id;
}

QStringList toManyIds(const QJsonObject &data, const QString &relationship, const QString &targetType,
                      QList<ApiError> *errors)
{
    const QJsonValue linkage = data.value(QStringLiteral("relationships"))
                                   .toObject()
                                   .value(relationship)
                                   .toObject()
                                   .value(QStringLiteral("data"));
    QStringList ids;
    if (linkage.isUndefined() || linkage.isNull())
        return ids;
    if (!linkage.isArray()) {
        errors->append(relationshipInvalid(
            relationship, QStringLiteral("'%1' must be a list of resource identifiers.").arg(relationship)));
        return ids;
    }
    for (const QJsonValue &value : linkage.toArray()) {
        const QJsonObject object = value.toObject();
        const QString id = object.value(QStringLiteral("id")).toString();
        if (object.value(QStringLiteral("type")).toString() != targetType || id.isEmpty()) {
            errors->append(relationshipInvalid(
                relationship, QStringLiteral("Every entry of '%1' must name a resource of type '%2'.")
                                  .arg(relationship, targetType)));
            return {};
        }
        if (!ids.contains(id))
            ids.append(id);
    }
    return ids;
}

std::optional<QStringList> linkageIds(const QJsonObject &document, const QString &targetType,
                                      QList<ApiError> *errors)
{
    const QJsonValue data = document.value(QStringLiteral("data"));
    if (!data.isArray() || data.toArray().isEmpty()) {
        errors->append(
            entityError(422, QStringLiteral("ENTITY_ERROR.INVALID_REQUEST"),
                        QStringLiteral("The request entity is invalid."),
                        QStringLiteral("The body must be {\"data\": [{\"type\": \"%1\", \"id\": ...}]} "
                                       "with at least one entry.")
                            .arg(targetType),
                        QStringLiteral("/data")));
        return std::nullopt;
    }
    QStringList ids;
    const QJsonArray array = data.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject object = array.at(i).toObject();
        const QString id = object.value(QStringLiteral("id")).toString();
        if (object.value(QStringLiteral("type")).toString() != targetType || id.isEmpty()) {
            errors->append(entityError(
                422, QStringLiteral("ENTITY_ERROR.INVALID_REQUEST"),
                QStringLiteral("The request entity is invalid."),
                QStringLiteral("Entry %1 must name a resource of type '%2'.").arg(i).arg(targetType),
                QStringLiteral("/data/%1").arg(i)));
            return std::nullopt;
        }
        if (!ids.contains(id))
            ids.append(id);
    }
    return ids;
}

} // namespace ascend::sim::body

#pragma once
// Reading JSON:API write bodies ({"data": {...}} and linkage lists) and the 409/422 errors App Store
// Connect answers them with. Shared by the TestFlight endpoints.

#include "sim/apierror.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace ascend::sim::body {

ApiError entityError(int status, const QString &code, const QString &title, const QString &detail,
                     const QString &pointer = {});
ApiError attributeRequired(const QString &attribute);
ApiError attributeInvalid(const QString &attribute, const QString &detail);
ApiError relationshipRequired(const QString &relationship);
ApiError relationshipInvalid(const QString &relationship, const QString &detail);
// 409: the request conflicts with the state of a resource (a duplicate, a build that is not ready).
ApiError stateConflict(const QString &code, const QString &detail, const QString &pointer = {});

// data of {"data": {...}} when its type is `type`; nullopt with a 409/422 error otherwise.
std::optional<QJsonObject> resourceData(const QJsonObject &document, const QString &type, const QString &id,
                                        QList<ApiError> *errors);
// The id of a to-one relationship of `data`; empty (with an error) when missing or of the wrong type.
QString toOneId(const QJsonObject &data, const QString &relationship, const QString &targetType,
                QList<ApiError> *errors, bool required = true);
// The ids of a to-many relationship of `data` ({"relationships": {rel: {"data": [...]}}}).
QStringList toManyIds(const QJsonObject &data, const QString &relationship, const QString &targetType,
                      QList<ApiError> *errors);
// The ids of a linkage body {"data": [{"type", "id"}, ...]}; nullopt with a 422 when it is malformed.
std::optional<QStringList> linkageIds(const QJsonObject &document, const QString &targetType,
                                      QList<ApiError> *errors);

} // namespace ascend::sim::body

#pragma once
// A JSON:API error as App Store Connect returns it (components.schemas.ErrorResponse), plus the
// constructors for the errors the simulator produces.

#include "core/http/httpmessage.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace ascend::sim {

struct ApiError {
    int status = 500;
    QString code; // hierarchical, e.g. "PARAMETER_ERROR.INVALID"
    QString title;
    QString detail;
    QString sourceParameter; // set → source: {"parameter": ...}
    QString sourcePointer;   // set → source: {"pointer": ...} (a JSON pointer into the request body)
    bool hasSourcePointer = false;

    QJsonObject toJson() const; // one entry of errors[], with a fresh id
};

// {"errors": [...]} with Content-Type application/json.
http::HttpResponse errorResponse(const QList<ApiError> &errors);
http::HttpResponse errorResponse(const ApiError &error);

namespace errors {
ApiError notAuthorized(const QString &detail);
ApiError rateLimitExceeded(int limit);
ApiError pathNotFound(const QString &path);
ApiError resourceNotFound(const QString &type, const QString &id);
ApiError methodNotAllowed(const QByteArray &method, const QString &path);
ApiError parameterNotAllowed(const QString &parameter);
ApiError parameterInvalid(const QString &parameter, const QString &detail);
ApiError parameterRequired(const QString &parameter);
ApiError bodyNotJson(const QString &parserMessage);
ApiError bodyInvalid(const QString &pointer, const QString &detail);
ApiError internalError();
ApiError serviceUnavailable();
} // namespace errors

} // namespace ascend::sim

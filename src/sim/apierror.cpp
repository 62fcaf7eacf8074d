#include "sim/apierror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace ascend::sim {

QJsonObject ApiError::toJson() const
{
    QJsonObject error{
        {QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("status"), QString::number(status)},
        {QStringLiteral("code"), code},
        {QStringLiteral("title"), title},
        {QStringLiteral("detail"), detail},
    };
    if (!sourceParameter.isEmpty())
        error.insert(QStringLiteral("source"), QJsonObject{{QStringLiteral("parameter"), sourceParameter}});
    else if (hasSourcePointer)
        error.insert(QStringLiteral("source"), QJsonObject{{QStringLiteral("pointer"), sourcePointer}});
    return error;
}

http::HttpResponse errorResponse(const QList<ApiError> &errors)
{
    QJsonArray array;
    for (const ApiError &error : errors)
        array.append(error.toJson());
    const int status = errors.isEmpty() ? 500 : errors.first().status;
    return http::HttpResponse::json(
        status, QJsonDocument(QJsonObject{{QStringLiteral("errors"), array}}).toJson(QJsonDocument::Compact));
}

http::HttpResponse errorResponse(const ApiError &error)
{
    return errorResponse(QList<ApiError>{error});
}

namespace errors {
namespace {
ApiError make(int status, const QString &code, const QString &title, const QString &detail)
{
    ApiError error;
    error.status = status;
    error.code = code;
    error.title = title;
    error.detail = detail;
    return error;
}
} // namespace

ApiError notAuthorized(const QString &detail)
{
    return make(401, QStringLiteral("NOT_AUTHORIZED"),
                QStringLiteral("Authentication credentials are missing or invalid."), detail);
}

ApiError rateLimitExceeded(int limit)
{
    return make(429, QStringLiteral("RATE_LIMIT_EXCEEDED"),
                QStringLiteral("The request rate limit has been reached."),
                QStringLiteral("This API key has made %1 requests in the last hour, the most it may. "
                               "Wait before making more requests.")
                    .arg(limit));
}

ApiError pathNotFound(const QString &path)
{
    return make(404, QStringLiteral("NOT_FOUND"), QStringLiteral("The specified resource does not exist"),
                QStringLiteral("The path provided does not match a defined resource type: %1").arg(path));
}

ApiError resourceNotFound(const QString &type, const QString &id)
{
    return make(404, QStringLiteral("NOT_FOUND"), QStringLiteral("The specified resource does not exist"),
                QStringLiteral("There is no resource of type '%1' with id '%2'").arg(type, id));
}

ApiError methodNotAllowed(const QByteArray &method, const QString &path)
{
    return make(405, QStringLiteral("METHOD_NOT_ALLOWED"),
                QStringLiteral("The request method is not valid for the resource path."),
                QStringLiteral("The resource path %1 does not allow %2 requests.")
                    .arg(path, QString::fromLatin1(method)));
}

ApiError parameterNotAllowed(const QString &parameter)
{
    ApiError error =
        make(400, QStringLiteral("PARAMETER_ERROR.ILLEGAL"),
             QStringLiteral("A given parameter is not allowed for this request"),
             QStringLiteral("The parameter '%1' can not be used with this request").arg(parameter));
    error.sourceParameter = parameter;
    return error;
}

ApiError parameterInvalid(const QString &parameter, const QString &detail)
{
    ApiError error = make(400, QStringLiteral("PARAMETER_ERROR.INVALID"),
                          QStringLiteral("A parameter has an invalid value"), detail);
    error.sourceParameter = parameter;
    return error;
}

ApiError parameterRequired(const QString &parameter)
{
    ApiError error = make(400, QStringLiteral("PARAMETER_ERROR.REQUIRED"),
                          QStringLiteral("A required parameter is missing"),
                          QStringLiteral("The parameter '%1' is required for this request").arg(parameter));
    error.sourceParameter = parameter;
    return error;
}

ApiError bodyNotJson(const QString &parserMessage)
{
    ApiError error =
        make(400, QStringLiteral("ENTITY_ERROR"), QStringLiteral("The request entity is not valid JSON"),
             QStringLiteral("The request body could not be parsed as JSON: %1").arg(parserMessage));
    error.hasSourcePointer = true; // the whole document
    return error;
}

ApiError bodyInvalid(const QString &pointer, const QString &detail)
{
    ApiError error = make(409, QStringLiteral("ENTITY_ERROR.ATTRIBUTE.INVALID"),
                          QStringLiteral("An attribute value is invalid."), detail);
    error.sourcePointer = pointer;
    error.hasSourcePointer = true;
    return error;
}

ApiError internalError()
{
    return make(
        500, QStringLiteral("UNEXPECTED_ERROR"), QStringLiteral("An unexpected error occurred."),
        QStringLiteral("An unexpected error occurred on the server side. If this issue continues, contact "
                       "us."));
}

ApiError serviceUnavailable()
{
    return make(503, QStringLiteral("SERVICE_UNAVAILABLE"),
                QStringLiteral("The service is temporarily unavailable."),
                QStringLiteral("The service is temporarily unavailable. Try again later."));
}

} // namespace errors
} // namespace ascend::sim

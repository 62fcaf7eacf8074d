#include "core/api/apirequest.h"

#include <QUrl>

namespace ascend::api {

bool ApiRequest::isAbsolute() const
{
    return path.startsWith(QLatin1String("https://"), Qt::CaseInsensitive) ||
           path.startsWith(QLatin1String("http://"), Qt::CaseInsensitive);
}

QString ApiRequest::describe() const
{
    QString where = path;
    if (isAbsolute()) {
        const QUrl url(path);
        where = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveUserInfo | QUrl::RemoveFragment).toString();
    } else {
        const qsizetype question = where.indexOf(QLatin1Char('?'));
        if (question >= 0)
            where.truncate(question);
    }
    return QString::fromLatin1(method) + QLatin1Char(' ') + where;
}

ApiRequest ApiRequest::get(const QString &path, const Query &query)
{
    ApiRequest request;
    request.path = path;
    request.query = query;
    return request;
}

ApiRequest ApiRequest::post(const QString &path, const QJsonObject &body)
{
    ApiRequest request;
    request.method = "POST";
    request.path = path;
    request.body = body;
    return request;
}

ApiRequest ApiRequest::patch(const QString &path, const QJsonObject &body)
{
    ApiRequest request = post(path, body);
    request.method = "PATCH";
    return request;
}

ApiRequest ApiRequest::put(const QString &path, const QJsonObject &body)
{
    ApiRequest request = post(path, body);
    request.method = "PUT";
    return request;
}

ApiRequest ApiRequest::remove(const QString &path, const std::optional<QJsonObject> &body)
{
    ApiRequest request;
    request.method = "DELETE";
    request.path = path;
    request.body = body;
    return request;
}

QString pathSegment(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

} // namespace ascend::api

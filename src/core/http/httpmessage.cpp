#include "core/http/httpmessage.h"

namespace ascend::http {

QByteArray headerValue(const HeaderList &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (qstrnicmp(key.constData(), key.size(), name.data(), name.size()) == 0)
            return value;
    }
    return {};
}

HttpResponse HttpResponse::json(int status, const QByteArray &jsonBody)
{
    HttpResponse response;
    response.status = status;
    response.body = jsonBody;
    response.setHeader("Content-Type", "application/json");
    return response;
}

HttpResponse HttpResponse::text(int status, const QByteArray &plain)
{
    HttpResponse response;
    response.status = status;
    response.body = plain;
    response.setHeader("Content-Type", "text/plain; charset=utf-8");
    return response;
}

HttpResponse HttpResponse::empty(int status)
{
    HttpResponse response;
    response.status = status;
    return response;
}

HttpResponse HttpResponse::connectionReset()
{
    HttpResponse response;
    response.status = 0;
    response.resetConnection = true;
    return response;
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : headers) {
        if (qstrnicmp(header.first.constData(), header.first.size(), name.constData(), name.size()) == 0) {
            header.second = value;
            return;
        }
    }
    headers.append({name, value});
}

} // namespace ascend::http

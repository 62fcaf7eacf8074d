#include "core/http/responsewriter.h"

#include "core/http/httplog.h"

#include <QDateTime>
#include <QLocale>
#include <http_parser.h>

namespace ascend::http {

namespace {

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return qstrnicmp(a.data(), a.size(), b.data(), b.size()) == 0;
}

bool isServerOwnedHeader(QByteArrayView name)
{
    return sameName(name, "content-length") || sameName(name, "date") || sameName(name, "connection") ||
           sameName(name, "transfer-encoding");
}

bool isValidHeaderName(QByteArrayView name)
{
    if (name.isEmpty())
        return false;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == ':')
            return false;
    }
    return true;
}

bool isValidHeaderValue(QByteArrayView value)
{
    for (char c : value) {
        if (c == '\r' || c == '\n' || c == '\0')
            return false;
    }
    return true;
}

// No body and no Content-Length for these (RFC 9110 sections 6.4.1 and 8.6).
bool statusForbidsBody(int status)
{
    return (status >= 100 && status < 200) || status == 204 || status == 304;
}

} // namespace

QByteArray reasonPhrase(int status)
{
    const char *known = http_status_str(static_cast<http_status>(status));
    if (known && qstrcmp(known, "<unknown>") != 0)
        return QByteArray(known);
    switch (status / 100) {
    case 1:
        return "Informational";
    case 2:
        return "Success";
    case 3:
        return "Redirection";
    case 4:
        return "Client Error";
    default:
        return "Server Error";
    }
}

QByteArray httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

QByteArray serializeResponse(const HttpResponse &response, const ResponseFraming &framing)
{
    const int status = (response.status >= 100 && response.status <= 999) ? response.status : 500;
    const bool noBody = statusForbidsBody(status);

    QByteArray out;
    out.reserve(256 + (framing.headRequest || noBody ? 0 : response.body.size()));
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : response.headers) {
        if (isServerOwnedHeader(name))
            continue;
        if (!isValidHeaderName(name) || !isValidHeaderValue(value)) {
            qCWarning(lcHttp) << "dropping malformed response header" << name;
            continue;
        }
        out += name + ": " + value + "\r\n";
    }
    out += "Date: " + httpDate() + "\r\n";
    if (!noBody)
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (framing.closeConnection)
        out += "Connection: close\r\n";
    else if (framing.http10KeepAlive)
        out += "Connection: keep-alive\r\n";
    out += "\r\n";
    if (!framing.headRequest && !noBody)
        out += response.body;
    return out;
}

bool responseRequestsClose(const HttpResponse &response)
{
    const QByteArray connection = headerValue(response.headers, "connection");
    for (const QByteArray &token : connection.split(',')) {
        if (sameName(token.trimmed(), "close"))
            return true;
    }
    return false;
}

} // namespace ascend::http

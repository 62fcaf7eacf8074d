#pragma once
// Plain data types passed between the HTTP server's sockets and a RequestHandler.

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>
#include <functional>
#include <optional>

namespace ascend::http {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// Case-insensitive lookup of the first header with that name; empty when absent.
QByteArray headerValue(const HeaderList &headers, QByteArrayView name);

struct HttpRequest {
    QByteArray method;  // "GET", "POST", ...
    QByteArray target;  // raw request target as sent: "/v1/apps?limit=2"
    QString path;       // percent-decoded path without the query: "/v1/apps"
    QUrlQuery query;    // decoded query parameters
    HeaderList headers; // in arrival order, names as sent
    QHostAddress peerAddress;
    quint16 localPort = 0;

    // The body is either in memory (body) or spooled to a file (bodyFilePath), never both.
    QByteArray body;
    QString bodyFilePath; // owned by the server; deleted after the response has been sent
    qint64 bodyLength = 0;

    QByteArray header(QByteArrayView name) const { return headerValue(headers, name); }
};

struct HttpResponse {
    int status = 200;
    HeaderList headers; // Content-Length, Date, Connection are added by the server
    QByteArray body;
    // Set: nothing is sent and the TCP connection is reset, as when a network drops (for fault simulation).
    bool resetConnection = false;

    static HttpResponse json(int status, const QByteArray &jsonBody);
    static HttpResponse text(int status, const QByteArray &plain);
    static HttpResponse empty(int status);
    static HttpResponse connectionReset();
    void setHeader(const QByteArray &name, const QByteArray &value);
};

// What the handler decides after the request head is parsed and before any body byte is read.
struct HeadDecision {
    std::optional<HttpResponse>
        reject;                   // set = answer now with this (e.g. 413, 405, 401); the body is not read
    qint64 maxBodyBytes = -1;     // -1 = the server's limit; larger bodies get 413 before they are read
    bool spoolBodyToFile = false; // stream the body into a temporary file instead of memory
    // >= 0: reset the connection without an answer once this many body bytes have arrived (0 = at once, and
    // at the latest when the body is complete); the request never reaches handle(). For fault simulation.
    qint64 resetAfterBodyBytes = -1;
};

using Responder = std::function<void(HttpResponse)>;

// Business logic sits behind this interface; socket code never sees it.
class RequestHandler {
public:
    virtual ~RequestHandler() = default;
    virtual HeadDecision inspectHead(const HttpRequest &head)
    {
        Q_UNUSED(head);
        return {};
    }
    // Called on the server's thread with the complete request. respond may be called later (asynchronously),
    // exactly once. Calling it after the client went away is harmless.
    virtual void handle(const HttpRequest &request, Responder respond) = 0;
};

struct ServerLimits {
    qint64 maxHeaderBytes = 64 * 1024;        // request line + headers; beyond → 431
    qint64 maxBodyBytes = 1024 * 1024;        // default body cap; beyond → 413
    qint64 memoryBodyBytes = 4 * 1024 * 1024; // spooled bodies above this go to a file even if not asked
    int headerTimeoutMs = 10000;              // the whole head must arrive within this (slowloris)
    int idleTimeoutMs = 30000;                // keep-alive connection with nothing happening
    int bodyStallTimeoutMs = 30000;           // no body bytes for this long → connection closed
    int maxConnections = 256;
};

} // namespace ascend::http

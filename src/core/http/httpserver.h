#pragma once
// A small HTTP/1.1 server: QTcpServer front, libhttp-parser for parsing, limits enforced while parsing,
// bodies streamed to memory or a file, keep-alive, pipelining, Expect: 100-continue, timeouts.

#include "core/http/httpmessage.h"

#include <QHostAddress>
#include <QObject>
#include <memory>

namespace ascend::http {

class HttpServer : public QObject {
    Q_OBJECT
public:
    // handler must outlive the server.
    explicit HttpServer(RequestHandler *handler, ServerLimits limits = {}, QObject *parent = nullptr);
    ~HttpServer() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    void close();
    bool isListening() const;
    quint16 port() const;
    QHostAddress address() const;
    QString errorString() const;
    const ServerLimits &limits() const;
    int openConnectionCount() const;

signals:
    // One per answered request (after the response was queued on the socket); for logs and counters.
    void requestServed(const QByteArray &method, const QString &path, int status);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace ascend::http

#include "core/http/httpserver.h"

#include "core/http/httpconnection.h"
#include "core/http/httplog.h"
#include "core/http/responsewriter.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <http_parser.h>

namespace ascend::http {

namespace {
constexpr qint64 kParserDefaultHeaderLimit = 80 * 1024; // HTTP_MAX_HEADER_SIZE of the packaged library
}

class HttpServer::Private {
public:
    HttpServer *q;
    RequestHandler *handler;
    ServerLimits limits;
    QTcpServer tcp;
    QList<HttpConnection *> connections;

    void acceptPending();
    void refuseOverCapacity(QTcpSocket *socket);
};

void HttpServer::Private::acceptPending()
{
    while (QTcpSocket *socket = tcp.nextPendingConnection()) {
        if (connections.size() >= limits.maxConnections) {
            refuseOverCapacity(socket);
            continue;
        }
        auto *connection = new HttpConnection(socket, handler, limits, q);
        connections.append(connection);
        QObject::connect(connection, &HttpConnection::served, q, &HttpServer::requestServed);
        QObject::connect(connection, &HttpConnection::closed, q, [this, connection] {
            connections.removeOne(connection);
            connection->deleteLater();
        });
    }
}

void HttpServer::Private::refuseOverCapacity(QTcpSocket *socket)
{
    qCWarning(lcHttp) << "connection limit of" << limits.maxConnections << "reached; refusing"
                      << socket->peerAddress().toString();
    ResponseFraming framing;
    framing.closeConnection = true;
    HttpResponse response = HttpResponse::text(503, "too many connections\n");
    response.setHeader("Retry-After", "1");
    socket->write(serializeResponse(response, framing));
    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
}

HttpServer::HttpServer(RequestHandler *handler, ServerLimits limits, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->handler = handler;
    d->limits = limits;
    // The packaged parser refuses heads beyond its compiled-in size; our own cap is enforced separately.
    if (limits.maxHeaderBytes > kParserDefaultHeaderLimit)
        http_parser_set_max_header_size(uint32_t(qMin<qint64>(limits.maxHeaderBytes, UINT32_MAX)));
    connect(&d->tcp, &QTcpServer::newConnection, this, [this] { d->acceptPending(); });
}

HttpServer::~HttpServer()
{
    close();
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    if (!d->tcp.listen(address, port)) {
        qCWarning(lcHttp).noquote() << "cannot listen on" << address.toString() << port << ":"
                                    << d->tcp.errorString();
        return false;
    }
    qCInfo(lcHttp).noquote() << "listening on" << d->tcp.serverAddress().toString() << d->tcp.serverPort();
    return true;
}

void HttpServer::close()
{
    d->tcp.close();
    const auto connections = std::exchange(d->connections, {});
    for (HttpConnection *connection : connections) {
        connection->disconnect(this);
        connection->abort();
        connection->deleteLater(); // may be in the middle of a call on the stack
    }
}

bool HttpServer::isListening() const
{
    return d->tcp.isListening();
}

quint16 HttpServer::port() const
{
    return d->tcp.serverPort();
}

QHostAddress HttpServer::address() const
{
    return d->tcp.serverAddress();
}

QString HttpServer::errorString() const
{
    return d->tcp.errorString();
}

const ServerLimits &HttpServer::limits() const
{
    return d->limits;
}

int HttpServer::openConnectionCount() const
{
    return int(d->connections.size());
}

} // namespace ascend::http

#include "scriptedserver.h"

#include <QTcpSocket>
#include <QTimer>

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

bool RecordedRequest::hasHeader(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray RecordedRequest::path() const
{
    const qsizetype question = target.indexOf('?');
    return question < 0 ? target : target.left(question);
}

QByteArray RecordedRequest::query() const
{
    const qsizetype question = target.indexOf('?');
    return question < 0 ? QByteArray() : target.mid(question + 1);
}

ScriptedResponse ScriptedResponse::json(int status, const QByteArray &body,
                                        const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    ScriptedResponse response;
    response.status = status;
    response.body = body;
    response.headers = headers;
    response.headers.emplaceBack("Content-Type", "application/json");
    return response;
}

ScriptedResponse ScriptedResponse::error(int status, const QByteArray &code, const QByteArray &title,
                                         const QByteArray &detail,
                                         const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    const QByteArray body = "{\"errors\":[{\"status\":\"" + QByteArray::number(status) + "\",\"code\":\"" +
                            code + "\",\"title\":\"" + title + "\",\"detail\":\"" + detail + "\"}]}";
    return json(status, body, headers);
}

ScriptedResponse ScriptedResponse::closeConnection()
{
    ScriptedResponse response;
    response.action = Action::Close;
    return response;
}

ScriptedResponse ScriptedResponse::hang()
{
    ScriptedResponse response;
    response.action = Action::Hang;
    return response;
}

ScriptedServer::ScriptedServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedServer::onNewConnection);
}

bool ScriptedServer::listen()
{
    m_clock.start();
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl ScriptedServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

void ScriptedServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void ScriptedServer::onReadyRead(QTcpSocket *socket)
{
    auto it = m_buffers.find(socket);
    if (it == m_buffers.end())
        return;
    it.value() += socket->readAll();
    RecordedRequest request;
    while (m_buffers.contains(socket) && takeRequest(m_buffers[socket], request)) {
        request.receivedAtMs = m_clock.elapsed();
        m_requests.append(request);
        Q_EMIT requestReceived(request);
        respond(socket, request);
    }
}

bool ScriptedServer::takeRequest(QByteArray &buffer, RecordedRequest &request)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request = RecordedRequest();
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    qint64 contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            contentLength = value.toLongLong();
    }
    const qsizetype bodyStart = headerEnd + 4;
    if (buffer.size() - bodyStart < contentLength)
        return false;
    request.body = buffer.mid(bodyStart, contentLength);
    buffer.remove(0, bodyStart + contentLength);
    return true;
}

void ScriptedServer::respond(QTcpSocket *socket, const RecordedRequest &request)
{
    ScriptedResponse response;
    if (!m_queue.isEmpty())
        response = m_queue.takeFirst();
    else if (m_handler)
        response = m_handler(request);
    else
        response = ScriptedResponse::error(500, "SCRIPT_EXHAUSTED", "No scripted response left",
                                           "The test did not expect this request");

    switch (response.action) {
    case ScriptedResponse::Action::Hang:
        return;
    case ScriptedResponse::Action::Close:
        m_buffers.remove(socket);
        socket->abort();
        socket->deleteLater();
        return;
    case ScriptedResponse::Action::Respond:
        break;
    }
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " Scripted\r\n";
    for (const auto &header : response.headers)
        out += header.first + ": " + header.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "Connection: keep-alive\r\n\r\n";
    out += response.body;
    socket->write(out);
    if (response.closeAfterResponse) {
        QTimer::singleShot(50, socket, [this, socket] {
            m_buffers.remove(socket);
            socket->disconnectFromHost();
        });
    }
}

#pragma once
// A tiny HTTP/1.1 server on loopback for client tests: it records every request and answers from a
// script (a queue of responses, or a handler), including misbehaviour: closing without an answer or
// never answering.

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>
#include <functional>
#include <utility>

class QTcpSocket;

struct RecordedRequest {
    QByteArray method;
    QByteArray target; // path and query exactly as received
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    qint64 receivedAtMs = 0; // since the server started listening

    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    QByteArray path() const;
    QByteArray query() const;
};

struct ScriptedResponse {
    enum class Action { Respond, Close, Hang };

    Action action = Action::Respond;
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // Respond, then drop the kept-alive connection a moment later, as servers do with idle connections.
    bool closeAfterResponse = false;

    static ScriptedResponse json(int status, const QByteArray &body,
                                 const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    static ScriptedResponse error(int status, const QByteArray &code, const QByteArray &title,
                                  const QByteArray &detail,
                                  const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    static ScriptedResponse closeConnection();
    static ScriptedResponse hang();
};

class ScriptedServer : public QObject {
    Q_OBJECT

public:
    using Handler = std::function<ScriptedResponse(const RecordedRequest &)>;

    explicit ScriptedServer(QObject *parent = nullptr);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QUrl baseUrl() const;

    void enqueue(const ScriptedResponse &response) { m_queue.append(response); }
    // Used once the queue is empty.
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    const QList<RecordedRequest> &requests() const { return m_requests; }

Q_SIGNALS:
    void requestReceived(const RecordedRequest &request);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    bool takeRequest(QByteArray &buffer, RecordedRequest &request);
    void respond(QTcpSocket *socket, const RecordedRequest &request);

    QTcpServer m_server;
    QElapsedTimer m_clock;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<ScriptedResponse> m_queue;
    Handler m_handler;
    QList<RecordedRequest> m_requests;
};

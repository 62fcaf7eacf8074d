#pragma once
// One accepted TCP connection: feeds http-parser, enforces the limits, hands complete requests to the
// RequestHandler one at a time (pipelined requests wait in the socket buffer) and writes the responses.
//
// States:  Head ──head ok──▶ Body ──message complete──▶ Handling ──response──▶ Head (keep-alive)
//            │                 │                                      │
//            └──── 400/408/413/417/431, reject with body, close ──────┴──▶ Closing ──▶ Closed
// Closing flushes the response, shuts down the sending side, and drains what the client still sends for a
// moment so that the client reads the response instead of a connection reset.
// A reset (HeadDecision::resetAfterBodyBytes, HttpResponse::resetConnection) skips all that on purpose: the
// socket is closed with SO_LINGER 0, so the client gets a TCP RST and no answer, as when a network drops.

#include "core/http/httpmessage.h"

#include <QObject>
#include <QTimer>
#include <http_parser.h>
#include <memory>

class QTcpSocket;

namespace ascend::http {

class BodySink;

class HttpConnection : public QObject {
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, RequestHandler *handler, const ServerLimits &limits,
                   QObject *parent = nullptr);
    ~HttpConnection() override;

    void abort();
    bool isClosed() const { return m_state == State::Closed; }

    // Called through a Responder. sequence identifies the request the response belongs to.
    void deliver(quint64 sequence, HttpResponse response);
    // The handler released every copy of the Responder without calling it.
    void responderDropped(quint64 sequence);

signals:
    void served(const QByteArray &method, const QString &path, int status);
    void closed(); // emitted once; the owner deletes the connection afterwards

private:
    enum class State { Head, Body, Handling, Closing, Closed };
    enum class TimerMode { None, FirstHead, Idle, Head, BodyStall, Flush, Linger };
    enum class Event { None, HeadComplete, MessageComplete, BodyTooLarge, SinkFailed, ResetRequested };

    static int onMessageBegin(http_parser *parser);
    static int onUrl(http_parser *parser, const char *at, size_t length);
    static int onHeaderField(http_parser *parser, const char *at, size_t length);
    static int onHeaderValue(http_parser *parser, const char *at, size_t length);
    static int onHeadersComplete(http_parser *parser);
    static int onBody(http_parser *parser, const char *at, size_t length);
    static int onMessageComplete(http_parser *parser);
    static int onChunkHeader(http_parser *parser);
    static const http_parser_settings &parserSettings();

    void processInput();
    void feedParser();
    void handleParserEvent(Event event);
    void handleHeadComplete();
    void handleMessageComplete();
    bool buildRequestHead();
    void answerEarly(HttpResponse response, bool close);
    void fail(int status, const QByteArray &detail);
    void resetConnection(const QByteArray &why);
    void writeResponse(const HttpResponse &response, bool close);
    void resetForNextRequest();
    void beginClose();
    void shutdownSending();
    void drainInput();
    void onBytesWritten();
    void onDisconnected();
    void onTimeout();
    void startTimer(TimerMode mode);
    QByteArray describePeer() const;

    QTcpSocket *m_socket;
    RequestHandler *m_handler;
    ServerLimits m_limits;
    http_parser m_parser{};
    State m_state = State::Head;
    TimerMode m_timerMode = TimerMode::None;
    QTimer m_timer;
    bool m_processing = false;
    bool m_sendingShut = false;

    // Bytes read from the socket but not yet consumed by the parser (pipelined data waits here).
    QByteArray m_input;
    qint64 m_inputPos = 0;
    qint64 m_inputLen = 0;

    // The request being parsed or handled.
    Event m_event = Event::None;
    qint64 m_headBytes = 0;
    QByteArray m_url;
    QByteArray m_headerField;
    bool m_lastWasValue = false;
    HttpRequest m_request;
    qint64 m_bodyCap = 0;
    qint64 m_resetAfter = -1; // body bytes after which the connection is reset; -1 = never
    bool m_bodyExpected = false;
    bool m_answeredEarly = false;
    bool m_closeAfterResponse = false;
    bool m_http10KeepAlive = false;
    std::unique_ptr<BodySink> m_sink;
    quint64 m_sequence = 0;
};

} // namespace ascend::http

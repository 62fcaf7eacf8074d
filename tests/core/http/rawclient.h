#pragma once
// A test client that writes raw bytes on a loopback socket (so a test controls exactly what is sent and
// when) and decodes what comes back with http-parser in response mode.

#include "core/http/httpmessage.h"

#include <QList>
#include <QObject>
#include <QTcpSocket>
#include <functional>
#include <http_parser.h>

struct ParsedResponse {
    int status = 0;
    ascend::http::HeaderList headers;
    QByteArray body;
    QByteArray header(QByteArrayView name) const { return ascend::http::headerValue(headers, name); }
};

class RawClient : public QObject {
    Q_OBJECT
public:
    explicit RawClient(quint16 port, QObject *parent = nullptr);
    ~RawClient() override;

    bool connectToServer(int timeoutMs = 3000);
    void send(const QByteArray &bytes) { m_socket.write(bytes); }
    // Responses to HEAD carry a Content-Length but no body; tell the decoder.
    void setHeadMode(bool on) { m_headMode = on; }

    bool waitForResponses(int count, int timeoutMs = 5000);
    bool waitForDisconnected(int timeoutMs = 5000);
    bool waitForWritten(qint64 maxPending = 0, int timeoutMs = 5000);

    const QList<ParsedResponse> &responses() const { return m_responses; }
    bool isDisconnected() const { return m_disconnected; }
    bool decodeFailed() const { return m_decodeFailed; }
    QAbstractSocket::SocketError lastError() const { return m_lastError; }
    QByteArray received() const { return m_received; }
    QTcpSocket &socket() { return m_socket; }

signals:
    void progressed(); // data arrived or the connection ended

private:
    bool waitUntil(const std::function<bool()> &done, int timeoutMs);
    void onReadyRead();
    void feed(const char *data, size_t length);

    static int onStatus(http_parser *parser, const char *at, size_t length);
    static int onHeaderField(http_parser *parser, const char *at, size_t length);
    static int onHeaderValue(http_parser *parser, const char *at, size_t length);
    static int onHeadersComplete(http_parser *parser);
    static int onBody(http_parser *parser, const char *at, size_t length);
    static int onMessageComplete(http_parser *parser);

    quint16 m_port;
    QTcpSocket m_socket;
    http_parser m_parser{};
    http_parser_settings m_settings{};
    ParsedResponse m_current;
    bool m_lastWasValue = false;
    bool m_headMode = false;
    bool m_decodeFailed = false;
    bool m_disconnected = false;
    QAbstractSocket::SocketError m_lastError = QAbstractSocket::UnknownSocketError;
    QList<ParsedResponse> m_responses;
    QByteArray m_received;
};

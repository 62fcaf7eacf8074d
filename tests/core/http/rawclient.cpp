#include "rawclient.h"

#include <QEventLoop>
#include <QTest>
#include <QTimer>

namespace {
RawClient *clientOf(http_parser *parser)
{
    return static_cast<RawClient *>(parser->data);
}
} // namespace

RawClient::RawClient(quint16 port, QObject *parent)
    : QObject(parent)
    , m_port(port)
{
    http_parser_init(&m_parser, HTTP_RESPONSE);
    m_parser.data = this;
    http_parser_settings_init(&m_settings);
    m_settings.on_status = &RawClient::onStatus;
    m_settings.on_header_field = &RawClient::onHeaderField;
    m_settings.on_header_value = &RawClient::onHeaderValue;
    m_settings.on_headers_complete = &RawClient::onHeadersComplete;
    m_settings.on_body = &RawClient::onBody;
    m_settings.on_message_complete = &RawClient::onMessageComplete;

    connect(&m_socket, &QTcpSocket::readyRead, this, &RawClient::onReadyRead);
    connect(&m_socket, &QTcpSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError error) { m_lastError = error; });
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
        onReadyRead();
        feed(nullptr, 0); // end of stream
        m_disconnected = true;
        emit progressed();
    });
}

RawClient::~RawClient()
{
    m_socket.disconnect(this);
}

bool RawClient::connectToServer(int timeoutMs)
{
    m_socket.connectToHost(QHostAddress::LocalHost, m_port);
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, timeoutMs);
}

bool RawClient::waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    // An event loop woken by socket activity; QTest::qWaitFor sleeps between polls, which throttles bulk
    // transfers.
    if (done())
        return true;
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    const auto check = [&] {
        if (done())
            loop.quit();
    };
    connect(this, &RawClient::progressed, &loop, check);
    connect(&m_socket, &QTcpSocket::bytesWritten, &loop, check);
    timeout.start(timeoutMs);
    loop.exec();
    return done();
}

bool RawClient::waitForResponses(int count, int timeoutMs)
{
    return waitUntil([&] { return m_responses.size() >= count || m_decodeFailed || m_disconnected; },
                     timeoutMs) &&
           m_responses.size() >= count;
}

bool RawClient::waitForDisconnected(int timeoutMs)
{
    return waitUntil([this] { return m_disconnected; }, timeoutMs);
}

bool RawClient::waitForWritten(qint64 maxPending, int timeoutMs)
{
    return waitUntil([&] { return m_socket.bytesToWrite() <= maxPending || m_disconnected; }, timeoutMs);
}

void RawClient::onReadyRead()
{
    if (!m_socket.isOpen())
        return;
    const QByteArray data = m_socket.readAll();
    if (data.isEmpty())
        return;
    m_received += data;
    feed(data.constData(), size_t(data.size()));
    emit progressed();
}

void RawClient::feed(const char *data, size_t length)
{
    if (m_decodeFailed)
        return;
    const size_t parsed = http_parser_execute(&m_parser, &m_settings, data, length);
    if (HTTP_PARSER_ERRNO(&m_parser) != HPE_OK || parsed != length)
        m_decodeFailed = true;
}

int RawClient::onStatus(http_parser *parser, const char *, size_t)
{
    clientOf(parser)->m_current.status = int(parser->status_code);
    return 0;
}

int RawClient::onHeaderField(http_parser *parser, const char *at, size_t length)
{
    RawClient *c = clientOf(parser);
    auto &headers = c->m_current.headers;
    if (c->m_lastWasValue || headers.isEmpty())
        headers.append({QByteArray(at, qsizetype(length)), QByteArray()});
    else
        headers.last().first.append(at, qsizetype(length));
    c->m_lastWasValue = false;
    return 0;
}

int RawClient::onHeaderValue(http_parser *parser, const char *at, size_t length)
{
    RawClient *c = clientOf(parser);
    c->m_current.headers.last().second.append(at, qsizetype(length));
    c->m_lastWasValue = true;
    return 0;
}

int RawClient::onHeadersComplete(http_parser *parser)
{
    RawClient *c = clientOf(parser);
    c->m_current.status = int(parser->status_code);
    return (c->m_headMode && parser->status_code >= 200) ? 1 : 0; // 1 = no body follows
}

int RawClient::onBody(http_parser *parser, const char *at, size_t length)
{
    clientOf(parser)->m_current.body.append(at, qsizetype(length));
    return 0;
}

int RawClient::onMessageComplete(http_parser *parser)
{
    RawClient *c = clientOf(parser);
    c->m_responses.append(std::exchange(c->m_current, ParsedResponse()));
    c->m_lastWasValue = false;
    return 0;
}

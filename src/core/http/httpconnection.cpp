#include "core/http/httpconnection.h"

#include "core/http/bodysink.h"
#include "core/http/httplog.h"
#include "core/http/responsewriter.h"

#include <QFile>
#include <QPointer>
#include <QTcpSocket>
#include <QUrl>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

namespace ascend::http {

namespace {

constexpr qint64 kReadChunk = 64 * 1024;
constexpr qint64 kSocketReadBuffer = 256 * 1024; // bounds memory and pushes back on fast uploaders
constexpr int kLingerMs = 2000;

#ifdef Q_OS_WIN
constexpr int kShutdownSending = SD_SEND;
#else
constexpr int kShutdownSending = SHUT_WR;
#endif

// State shared by every copy of one Responder. Owns the spooled body file until the response is sent or
// the handler lets go of the Responder.
struct PendingResponse {
    QPointer<HttpConnection> connection;
    quint64 sequence = 0;
    bool answered = false;
    QString spoolPath;

    void removeSpool()
    {
        if (!spoolPath.isEmpty())
            QFile::remove(std::exchange(spoolPath, QString()));
    }

    ~PendingResponse()
    {
        removeSpool();
        if (!answered && connection) {
            QPointer<HttpConnection> target = connection;
            const quint64 seq = sequence;
            QMetaObject::invokeMethod(
                target.data(),
                [target, seq] {
                    if (target)
                        target->responderDropped(seq);
                },
                Qt::QueuedConnection);
        }
    }
};

HttpConnection *connectionOf(http_parser *parser)
{
    return static_cast<HttpConnection *>(parser->data);
}

// RFC 9110 token characters, the only ones allowed in a field name.
bool isToken(QByteArrayView name)
{
    if (name.isEmpty())
        return false;
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

// Decoded query items; '%' is escaped again because QUrlQuery reads its input as percent-encoded.
QUrlQuery decodeQuery(const QByteArray &rawQuery)
{
    const QUrlQuery raw(QString::fromUtf8(rawQuery));
    QUrlQuery decoded;
    const auto escape = [](QString text) { return text.replace(QLatin1Char('%'), QLatin1String("%25")); };
    for (const auto &[key, value] : raw.queryItems(QUrl::FullyDecoded))
        decoded.addQueryItem(escape(key), escape(value));
    return decoded;
}

QByteArray sizeText(qint64 bytes)
{
    return QByteArray::number(bytes) + " bytes";
}

} // namespace

const http_parser_settings &HttpConnection::parserSettings()
{
    static const http_parser_settings settings = [] {
        http_parser_settings s;
        http_parser_settings_init(&s);
        s.on_message_begin = &HttpConnection::onMessageBegin;
        s.on_url = &HttpConnection::onUrl;
        s.on_header_field = &HttpConnection::onHeaderField;
        s.on_header_value = &HttpConnection::onHeaderValue;
        s.on_headers_complete = &HttpConnection::onHeadersComplete;
        s.on_body = &HttpConnection::onBody;
        s.on_message_complete = &HttpConnection::onMessageComplete;
        s.on_chunk_header = &HttpConnection::onChunkHeader;
        return s;
    }();
    return settings;
}

HttpConnection::HttpConnection(QTcpSocket *socket, RequestHandler *handler, const ServerLimits &limits,
                               QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(handler)
    , m_limits(limits)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kSocketReadBuffer);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
    m_input.resize(kReadChunk);

    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::processInput);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    startTimer(TimerMode::FirstHead);

    if (m_socket->state() != QAbstractSocket::ConnectedState)
        QMetaObject::invokeMethod(this, &HttpConnection::onDisconnected, Qt::QueuedConnection);
    else if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::abort()
{
    m_socket->abort();
    onDisconnected();
}

// --- parser callbacks: they only record what happened; decisions are taken once execute() returns ---

int HttpConnection::onMessageBegin(http_parser *parser)
{
    HttpConnection *c = connectionOf(parser);
    c->m_request = HttpRequest();
    c->m_url.clear();
    c->m_lastWasValue = false;
    return 0;
}

int HttpConnection::onUrl(http_parser *parser, const char *at, size_t length)
{
    connectionOf(parser)->m_url.append(at, qsizetype(length));
    return 0;
}

int HttpConnection::onHeaderField(http_parser *parser, const char *at, size_t length)
{
    HttpConnection *c = connectionOf(parser);
    HeaderList &headers = c->m_request.headers;
    if (c->m_lastWasValue || headers.isEmpty())
        headers.append({QByteArray(at, qsizetype(length)), QByteArray()});
    else
        headers.last().first.append(at, qsizetype(length));
    c->m_lastWasValue = false;
    return 0;
}

int HttpConnection::onHeaderValue(http_parser *parser, const char *at, size_t length)
{
    HttpConnection *c = connectionOf(parser);
    if (c->m_request.headers.isEmpty())
        return 1;
    c->m_request.headers.last().second.append(at, qsizetype(length));
    c->m_lastWasValue = true;
    return 0;
}

int HttpConnection::onHeadersComplete(http_parser *parser)
{
    connectionOf(parser)->m_event = Event::HeadComplete;
    http_parser_pause(parser, 1);
    return 0;
}

int HttpConnection::onChunkHeader(http_parser *parser)
{
    HttpConnection *c = connectionOf(parser);
    // parser->content_length holds the announced size of this chunk: refuse it before reading it.
    if (c->m_sink && parser->content_length > quint64(c->m_bodyCap - c->m_sink->size())) {
        c->m_event = Event::BodyTooLarge;
        http_parser_pause(parser, 1);
    }
    return 0;
}

int HttpConnection::onBody(http_parser *parser, const char *at, size_t length)
{
    HttpConnection *c = connectionOf(parser);
    if (!c->m_sink)
        return 0;
    if (c->m_resetAfter >= 0 && c->m_sink->size() + qint64(length) >= c->m_resetAfter) {
        c->m_event = Event::ResetRequested;
        http_parser_pause(parser, 1);
    } else if (c->m_sink->size() + qint64(length) > c->m_bodyCap) {
        c->m_event = Event::BodyTooLarge;
        http_parser_pause(parser, 1);
    } else if (!c->m_sink->write(at, qint64(length))) {
        c->m_event = Event::SinkFailed;
        http_parser_pause(parser, 1);
    }
    return 0;
}

int HttpConnection::onMessageComplete(http_parser *parser)
{
    connectionOf(parser)->m_event = Event::MessageComplete;
    http_parser_pause(parser, 1);
    return 0;
}

// --- input ---

void HttpConnection::processInput()
{
    if (m_state == State::Closing) {
        drainInput();
        return;
    }
    if (m_processing || m_state == State::Closed)
        return;
    m_processing = true;
    while (m_state == State::Head || m_state == State::Body) {
        if (m_inputPos >= m_inputLen) {
            m_inputPos = 0;
            m_inputLen = qMax<qint64>(0, m_socket->read(m_input.data(), kReadChunk));
            if (m_inputLen == 0)
                break;
            if (m_state == State::Body)
                startTimer(TimerMode::BodyStall);
            else if (m_timerMode == TimerMode::Idle)
                startTimer(TimerMode::Head);
        }
        feedParser();
    }
    m_processing = false;
    if (m_state == State::Closing)
        drainInput();
}

void HttpConnection::feedParser()
{
    const bool inHead = m_state == State::Head;
    qint64 length = m_inputLen - m_inputPos;
    if (inHead) {
        // Never hand the parser more head bytes than the cap allows.
        const qint64 room = m_limits.maxHeaderBytes - m_headBytes;
        if (room <= 0) {
            fail(431, "request head larger than " + sizeText(m_limits.maxHeaderBytes));
            return;
        }
        length = qMin(length, room);
    }

    m_event = Event::None;
    const size_t consumed =
        http_parser_execute(&m_parser, &parserSettings(), m_input.constData() + m_inputPos, size_t(length));
    m_inputPos += qint64(consumed);
    if (inHead)
        m_headBytes += qint64(consumed);

    const auto error = HTTP_PARSER_ERRNO(&m_parser);
    if (error == HPE_PAUSED) {
        http_parser_pause(&m_parser, 0);
        handleParserEvent(std::exchange(m_event, Event::None));
        return;
    }
    if (error != HPE_OK) {
        qCInfo(lcHttp).noquote() << describePeer() << "malformed request:" << http_errno_description(error);
        if (error == HPE_HEADER_OVERFLOW)
            fail(431, "request head too large");
        else
            fail(400, QByteArray("malformed request: ") + http_errno_description(error));
        return;
    }
    if (m_state == State::Head && m_headBytes >= m_limits.maxHeaderBytes)
        fail(431, "request head larger than " + sizeText(m_limits.maxHeaderBytes));
}

void HttpConnection::handleParserEvent(Event event)
{
    switch (event) {
    case Event::HeadComplete:
        handleHeadComplete();
        break;
    case Event::MessageComplete:
        handleMessageComplete();
        break;
    case Event::BodyTooLarge:
        fail(413, "request body larger than " + sizeText(m_bodyCap));
        break;
    case Event::SinkFailed:
        qCWarning(lcHttp).noquote() << describePeer()
                                    << "cannot store request body:" << m_sink->errorString();
        fail(500, "the request body could not be stored");
        break;
    case Event::ResetRequested:
        resetConnection("once " + sizeText(m_resetAfter) + " of the body had arrived");
        break;
    case Event::None:
        break;
    }
}

bool HttpConnection::buildRequestHead()
{
    m_request.method = http_method_str(static_cast<http_method>(m_parser.method));
    m_request.target = m_url;
    m_request.peerAddress = m_socket->peerAddress();
    m_request.localPort = m_socket->localPort();
    for (auto &header : m_request.headers) {
        // The packaged parser is lenient about field names; a name with spaces or controls is malformed.
        if (!isToken(header.first)) {
            fail(400, "malformed request: invalid header name");
            return false;
        }
        header.second = header.second.trimmed();
    }

    const bool hasHost =
        std::any_of(m_request.headers.cbegin(), m_request.headers.cend(),
                    [](const auto &header) { return qstricmp(header.first.constData(), "host") == 0; });
    if (!hasHost && m_parser.http_major == 1 && m_parser.http_minor >= 1) { // RFC 9112 section 3.2
        fail(400, "malformed request: HTTP/1.1 request without Host header");
        return false;
    }
    if (m_url.size() > 0xffff) { // http_parser_url stores 16-bit offsets
        fail(414, "request target too long");
        return false;
    }
    http_parser_url url;
    http_parser_url_init(&url);
    if (http_parser_parse_url(m_url.constData(), size_t(m_url.size()), m_parser.method == HTTP_CONNECT,
                              &url) != 0) {
        fail(400, "malformed request target");
        return false;
    }
    const auto field = [&](http_parser_url_fields f) {
        if (!(url.field_set & (1 << f)))
            return QByteArray();
        return m_url.mid(url.field_data[f].off, url.field_data[f].len);
    };
    m_request.path = QUrl::fromPercentEncoding(field(UF_PATH));
    m_request.query = decodeQuery(field(UF_QUERY));
    return true;
}

void HttpConnection::handleHeadComplete()
{
    if (!buildRequestHead())
        return;
    const bool chunked = m_parser.flags & F_CHUNKED;
    const bool lengthKnown = !chunked && m_parser.content_length != ULLONG_MAX;
    const quint64 contentLength = lengthKnown ? m_parser.content_length : 0;
    m_bodyExpected = chunked || contentLength > 0;
    m_closeAfterResponse = !http_should_keep_alive(&m_parser) || m_parser.upgrade;
    m_http10KeepAlive = !m_closeAfterResponse && m_parser.http_major == 1 && m_parser.http_minor == 0;
    m_state = State::Body;
    startTimer(TimerMode::BodyStall);

    HeadDecision decision = m_handler->inspectHead(m_request);
    if (decision.reject) {
        // The body was not read, so the connection cannot be reused if one was announced.
        answerEarly(std::move(*decision.reject), m_bodyExpected || m_closeAfterResponse);
        return;
    }
    if (decision.resetAfterBodyBytes == 0) {
        resetConnection("before the body");
        return;
    }
    m_resetAfter = decision.resetAfterBodyBytes;
    m_bodyCap = decision.maxBodyBytes >= 0 ? decision.maxBodyBytes : m_limits.maxBodyBytes;
    if (contentLength > quint64(m_bodyCap)) {
        fail(413, "request body larger than " + sizeText(m_bodyCap));
        return;
    }

    const QByteArray expect = m_request.header("expect");
    if (!expect.isEmpty() && qstricmp(expect.constData(), "100-continue") != 0) {
        fail(417, "unsupported expectation");
        return;
    }

    const bool toFile = decision.spoolBodyToFile || qint64(contentLength) > m_limits.memoryBodyBytes;
    m_sink = std::make_unique<BodySink>(m_limits.memoryBodyBytes, toFile,
                                        lengthKnown ? qint64(contentLength) : -1);
    if (!m_sink->errorString().isEmpty()) {
        qCWarning(lcHttp).noquote() << describePeer()
                                    << "cannot store request body:" << m_sink->errorString();
        fail(500, "the request body could not be stored");
        return;
    }

    if (!expect.isEmpty() && m_bodyExpected && m_parser.http_major == 1 && m_parser.http_minor >= 1)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
}

void HttpConnection::handleMessageComplete()
{
    if (m_answeredEarly) {
        resetForNextRequest();
        return;
    }
    if (m_resetAfter >= 0) { // the body was shorter than the reset point
        resetConnection("after the whole body (" + sizeText(m_sink->size()) + ")");
        return;
    }
    if (m_parser.upgrade)
        m_closeAfterResponse = true; // protocol switches are not supported; what follows is not HTTP
    if (!m_sink->finish()) {
        qCWarning(lcHttp).noquote() << describePeer()
                                    << "cannot store request body:" << m_sink->errorString();
        fail(500, "the request body could not be stored");
        return;
    }

    auto pending = std::make_shared<PendingResponse>();
    pending->connection = this;
    pending->sequence = ++m_sequence;
    m_request.bodyLength = m_sink->size();
    if (m_sink->isFile()) {
        m_request.bodyFilePath = m_sink->takeFilePath();
        pending->spoolPath = m_request.bodyFilePath;
    } else {
        m_request.body = m_sink->takeBody();
    }
    m_sink.reset();
    m_state = State::Handling;
    startTimer(TimerMode::None);

    qCDebug(lcHttp).noquote() << describePeer() << m_request.method << m_request.target << "body"
                              << m_request.bodyLength
                              << (m_request.bodyFilePath.isEmpty() ? "in memory" : "in file");

    Responder respond = [pending](HttpResponse response) {
        if (pending->answered) {
            qCWarning(lcHttp) << "a request was answered twice; the second response is ignored";
            return;
        }
        pending->answered = true;
        if (pending->connection)
            pending->connection->deliver(pending->sequence, std::move(response));
        pending->removeSpool();
    };
    const HttpRequest request =
        m_request; // the handler's copy stays valid whatever happens to the connection
    pending.reset();
    m_handler->handle(request, std::move(respond));
}

// --- output ---

void HttpConnection::deliver(quint64 sequence, HttpResponse response)
{
    if (m_state != State::Handling || sequence != m_sequence) {
        qCDebug(lcHttp) << "response for a connection that is gone dropped";
        return;
    }
    if (response.resetConnection) {
        resetConnection("instead of an answer");
        return;
    }
    const bool close = m_closeAfterResponse || responseRequestsClose(response);
    writeResponse(response, close);
    if (m_state == State::Closed) // a slot connected to served() may have closed the server
        return;
    if (close) {
        beginClose();
        return;
    }
    resetForNextRequest();
    // Continue with pipelined input from the event loop, not from inside the handler's call.
    if (!m_processing)
        QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
}

void HttpConnection::responderDropped(quint64 sequence)
{
    if (m_state != State::Handling || sequence != m_sequence)
        return;
    qCWarning(lcHttp).noquote() << describePeer() << m_request.method << m_request.path
                                << "was never answered by its handler";
    deliver(sequence, HttpResponse::text(500, "the request was not answered\n"));
}

void HttpConnection::answerEarly(HttpResponse response, bool close)
{
    m_answeredEarly = true;
    m_sink.reset();
    writeResponse(response, close);
    if (close && m_state != State::Closed)
        beginClose();
    // Otherwise the parser goes on to the end of this body-less message and then to the next request.
}

void HttpConnection::fail(int status, const QByteArray &detail)
{
    if (m_state == State::Closing || m_state == State::Closed)
        return;
    qCInfo(lcHttp).noquote() << describePeer() << "answering" << status << detail;
    writeResponse(HttpResponse::text(status, detail + '\n'), true);
    beginClose();
}

void HttpConnection::resetConnection(const QByteArray &why)
{
    if (m_state == State::Closed)
        return;
    qCInfo(lcHttp).noquote() << describePeer() << m_request.method << m_request.path
                             << "connection reset on purpose" << why;
    const qintptr descriptor = m_socket->socketDescriptor();
    if (descriptor != -1) {
        // With a zero linger time, closing the socket discards unsent data and sends RST instead of FIN.
        const linger option{1, 0};
        ::setsockopt(descriptor, SOL_SOCKET, SO_LINGER, reinterpret_cast<const char *>(&option),
                     sizeof option);
    }
    abort();
}

void HttpConnection::writeResponse(const HttpResponse &response, bool close)
{
    ResponseFraming framing;
    framing.headRequest = m_request.method == "HEAD";
    framing.closeConnection = close;
    framing.http10KeepAlive = !close && m_http10KeepAlive;
    m_socket->write(serializeResponse(response, framing));
    qCDebug(lcHttp).noquote() << describePeer() << m_request.method << m_request.path << "->"
                              << response.status << (close ? "(closing)" : "");
    emit served(m_request.method, m_request.path, response.status);
}

void HttpConnection::resetForNextRequest()
{
    m_request = HttpRequest();
    m_url.clear();
    m_lastWasValue = false;
    m_headBytes = 0;
    m_sink.reset();
    m_bodyExpected = false;
    m_resetAfter = -1;
    m_answeredEarly = false;
    m_closeAfterResponse = false;
    m_http10KeepAlive = false;
    m_state = State::Head;
    const bool moreInput = m_inputPos < m_inputLen || m_socket->bytesAvailable() > 0;
    startTimer(moreInput ? TimerMode::Head : TimerMode::Idle);
}

// --- closing ---

void HttpConnection::beginClose()
{
    if (m_state == State::Closing || m_state == State::Closed)
        return;
    m_state = State::Closing;
    m_sink.reset();
    m_inputPos = m_inputLen;
    if (m_socket->bytesToWrite() == 0)
        shutdownSending();
    else
        startTimer(TimerMode::Flush);
}

void HttpConnection::shutdownSending()
{
    if (m_sendingShut)
        return;
    m_sendingShut = true;
    const qintptr descriptor = m_socket->socketDescriptor();
    if (descriptor == -1 || ::shutdown(descriptor, kShutdownSending) != 0) {
        m_socket->disconnectFromHost();
        return;
    }
    // The client sees the end of the response; give it a moment to stop sending and close its side.
    startTimer(TimerMode::Linger);
    drainInput();
}

void HttpConnection::drainInput()
{
    while (m_socket->bytesAvailable() > 0) {
        if (m_socket->read(m_input.data(), kReadChunk) <= 0)
            break;
    }
}

void HttpConnection::onBytesWritten()
{
    if (m_state != State::Closing || m_sendingShut)
        return;
    if (m_socket->bytesToWrite() == 0)
        shutdownSending();
    else
        startTimer(TimerMode::Flush); // still making progress
}

void HttpConnection::onDisconnected()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_timer.stop();
    m_timerMode = TimerMode::None;
    m_sink.reset();
    emit closed();
}

void HttpConnection::onTimeout()
{
    switch (std::exchange(m_timerMode, TimerMode::None)) {
    case TimerMode::FirstHead:
    case TimerMode::Head:
        if (m_headBytes > 0 || m_inputPos < m_inputLen)
            fail(408,
                 "request head not received within " + QByteArray::number(m_limits.headerTimeoutMs) + " ms");
        else
            beginClose();
        break;
    case TimerMode::Idle:
        qCDebug(lcHttp).noquote() << describePeer() << "idle keep-alive connection closed";
        beginClose();
        break;
    case TimerMode::BodyStall:
        fail(408, "request body stalled for " + QByteArray::number(m_limits.bodyStallTimeoutMs) + " ms");
        break;
    case TimerMode::Flush:
    case TimerMode::Linger:
        abort();
        break;
    case TimerMode::None:
        break;
    }
}

void HttpConnection::startTimer(TimerMode mode)
{
    m_timerMode = mode;
    int interval = 0;
    switch (mode) {
    case TimerMode::None:
        m_timer.stop();
        return;
    case TimerMode::FirstHead:
    case TimerMode::Head:
        interval = m_limits.headerTimeoutMs;
        break;
    case TimerMode::Idle:
        interval = m_limits.idleTimeoutMs;
        break;
    case TimerMode::BodyStall:
        interval = m_limits.bodyStallTimeoutMs;
        break;
    case TimerMode::Flush:
        interval = qMax(m_limits.idleTimeoutMs, kLingerMs);
        break;
    case TimerMode::Linger:
        interval = kLingerMs;
        break;
    }
    m_timer.start(interval);
}

QByteArray HttpConnection::describePeer() const
{
    return m_socket->peerAddress().toString().toLatin1() + ':' + QByteArray::number(m_socket->peerPort());
}

} // namespace ascend::http

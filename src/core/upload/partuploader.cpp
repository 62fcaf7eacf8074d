#include "core/upload/partuploader.h"

#include "core/upload/fileslicedevice.h"
#include "core/upload/uploadlogging.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <atomic>
#include <http_parser.h>

namespace ascend::upload {

namespace {

// Socket buffers hold at most this much beyond what the kernel took; then the next block is read.
constexpr qint64 kPendingLimit = PartUploader::BlockSize;
// Reusable block buffers per uploader; more are allocated (and freed) only while others are still shared.
constexpr size_t kPooledBuffers = 4;
constexpr qint64 kProgressIntervalMs = 50;

PartUploader *uploaderOf(http_parser *parser)
{
    return static_cast<PartUploader *>(parser->data);
}

bool isToken(QByteArrayView name)
{
    if (name.isEmpty())
        return false;
    for (char c : name) {
        if (c <= ' ' || c >= 127 || c == ':')
            return false;
    }
    return true;
}

bool isFieldValue(QByteArrayView value)
{
    for (char c : value) {
        if (c == '\r' || c == '\n' || c == '\0')
            return false;
    }
    return true;
}

// The framing headers are the client's: they describe this very request, not the operation.
bool isFramingHeader(QByteArrayView name)
{
    for (const char *reserved : {"Host", "Content-Length", "Transfer-Encoding", "Connection", "Expect"}) {
        if (name.compare(QByteArrayView(reserved), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// The request target exactly as written in the URL (presigned signatures cover the query's bytes), or the
// encoded form when the URL holds characters that cannot go on the wire as they are.
QByteArray requestTarget(const QString &url, const QUrl &parsed)
{
    const QByteArray raw = url.toUtf8();
    bool plain = true;
    for (char c : raw)
        plain = plain && c > ' ' && c < 127;
    const qsizetype schemeEnd = raw.indexOf("://");
    if (plain && schemeEnd > 0) {
        qsizetype start = schemeEnd + 3;
        while (start < raw.size() && raw[start] != '/' && raw[start] != '?' && raw[start] != '#')
            ++start;
        QByteArray target = raw.mid(start);
        const qsizetype fragment = target.indexOf('#');
        if (fragment >= 0)
            target.truncate(fragment);
        if (target.isEmpty() || target.startsWith('?'))
            target.prepend('/');
        return target;
    }
    QByteArray target = parsed.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    if (!target.startsWith('/'))
        target.prepend('/');
    return target;
}

QString sizeText(qint64 bytes)
{
    return QStringLiteral("%1 bytes").arg(bytes);
}

} // namespace

PartUploader::PartUploader(QObject *parent)
    : QObject(parent)
    , m_parser(std::make_unique<http_parser>())
{
    m_stallTimer.setSingleShot(true);
    connect(&m_stallTimer, &QTimer::timeout, this, &PartUploader::onTimeout);
}

PartUploader::~PartUploader()
{
    m_active = false;
    dropConnection();
}

QByteArray PartUploader::header(QByteArrayView name) const
{
    for (const auto &[key, value] : m_headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

void PartUploader::start(const Request &request)
{
    if (m_active)
        abort();
    ++m_run;
    m_phase = Phase::Idle;
    m_request = request;
    m_active = true;
    m_reopened = false;
    m_error = Error::None;
    m_errorString.clear();
    m_status = 0;
    m_reason.clear();
    m_headers.clear();
    m_body.clear();
    m_sent = 0;

    m_url = QUrl(request.url);
    const QString scheme = m_url.scheme().toLower();
    if (!m_url.isValid() || m_url.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        finishLater(Error::Protocol, tr("%1 is not an http(s) URL.").arg(m_url.toDisplayString()));
        return;
    }
    if (!isToken(request.method)) {
        finishLater(Error::Protocol,
                    tr("\"%1\" is not an HTTP method.").arg(QString::fromLatin1(request.method)));
        return;
    }
    for (const auto &[name, value] : request.headers) {
        if (!isToken(name) || !isFieldValue(value)) {
            finishLater(Error::Protocol,
                        tr("The header \"%1\" cannot be sent as it is.").arg(QString::fromLatin1(name)));
            return;
        }
    }
    if (scheme == QLatin1String("https") && !QSslSocket::supportsSsl()) {
        finishLater(Error::Tls, tr("TLS is not available, so %1 cannot be reached.").arg(m_url.host()));
        return;
    }
    m_target = requestTarget(request.url, m_url);
    m_slice = std::make_unique<FileSliceDevice>(request.filePath, request.offset, request.length);
    if (!m_slice->open(QIODevice::ReadOnly)) {
        const QString reason = m_slice->errorString();
        m_slice.reset();
        finishLater(Error::LocalFile, reason);
        return;
    }
    const int port = m_url.port(scheme == QLatin1String("https") ? 443 : 80);
    m_connectionKey =
        (scheme + QLatin1String("://") + m_url.host().toLower() + QLatin1Char(':') + QString::number(port))
            .toUtf8();
    begin();
}

void PartUploader::begin()
{
    m_headBytes = 0;
    m_written = 0;
    m_queued = 0;
    m_received = 0;
    m_messageComplete = false;
    m_lastWasValue = false;
    m_keepAlive = false;
    m_status = 0;
    m_reason.clear();
    m_headers.clear();
    m_body.clear();
    http_parser_init(m_parser.get(), HTTP_RESPONSE);
    m_parser->data = this;
    m_progressClock.start();
    m_runClock.start();
    if (m_socket && m_socketKey == m_connectionKey && m_socket->state() == QAbstractSocket::ConnectedState &&
        m_socket->bytesAvailable() == 0) {
        m_reused = true;
        sendHead();
        return;
    }
    m_reused = false;
    openConnection();
}

void PartUploader::openConnection()
{
    dropConnection();
    m_phase = Phase::Connecting;
    m_requestsOnConnection = 0;
    m_socketKey = m_connectionKey;
    const bool tls = m_url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
    const quint16 port = quint16(m_url.port(tls ? 443 : 80));
    QTcpSocket *socket = nullptr;
    if (tls) {
        auto *ssl = new QSslSocket(this);
        ssl->setSslConfiguration(m_sslConfiguration);
        ssl->setPeerVerifyName(m_url.host());
        connect(ssl, &QSslSocket::encrypted, this, &PartUploader::sendHead);
        connect(ssl, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            QStringList texts;
            for (const QSslError &error : errors)
                texts << error.errorString();
            m_errorString = texts.join(QStringLiteral("; "));
        });
        socket = ssl;
    } else {
        socket = new QTcpSocket(this);
        connect(socket, &QTcpSocket::connected, this, &PartUploader::sendHead);
    }
    m_socket = socket;
    connect(socket, &QTcpSocket::bytesWritten, this, &PartUploader::onBytesWritten);
    connect(socket, &QTcpSocket::readyRead, this, &PartUploader::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &PartUploader::onSocketGone);
    connect(socket, &QTcpSocket::errorOccurred, this, &PartUploader::onSocketGone);
    touch();
    if (auto *ssl = qobject_cast<QSslSocket *>(socket))
        ssl->connectToHostEncrypted(m_url.host(), port);
    else
        socket->connectToHost(m_url.host(), port);
}

void PartUploader::sendHead()
{
    if (!m_active || !m_socket)
        return;
    m_phase = Phase::Sending;
    ++m_requestsOnConnection;
    QByteArray head;
    head.reserve(512 + m_target.size());
    head += m_request.method + ' ' + m_target + " HTTP/1.1\r\nHost: " +
            m_url.adjusted(QUrl::RemoveUserInfo).authority(QUrl::FullyEncoded).toUtf8() + "\r\n";
    bool hasUserAgent = false;
    for (const auto &[name, value] : m_request.headers) {
        if (isFramingHeader(name))
            continue;
        hasUserAgent = hasUserAgent || QByteArrayView(name).compare("User-Agent", Qt::CaseInsensitive) == 0;
        head += name + ": " + value + "\r\n";
    }
    if (!hasUserAgent && !m_userAgent.isEmpty())
        head += "User-Agent: " + m_userAgent + "\r\n";
    head += "Content-Length: " + QByteArray::number(m_request.length) + "\r\n\r\n";
    m_headBytes = head.size();
    touch();
    m_socket->write(head);
    pump();
}

QByteArray PartUploader::takeFreeBuffer()
{
    for (QByteArray &buffer : m_buffers) {
        if (buffer.isDetached()) {
            // The last other holder (socket buffer or checksum thread) let go; see its writes before ours.
            std::atomic_thread_fence(std::memory_order_acquire);
            return std::exchange(buffer, QByteArray());
        }
    }
    return QByteArray(BlockSize, Qt::Uninitialized);
}

void PartUploader::pump()
{
    while (m_active && m_socket && m_phase == Phase::Sending && m_queued < m_request.length &&
           m_socket->bytesToWrite() < kPendingLimit) {
        const qint64 n = std::min(BlockSize, m_request.length - m_queued);
        QByteArray block = takeFreeBuffer();
        block.resize(n);
        qint64 got = 0;
        while (got < n) {
            const qint64 read = m_slice->read(block.data() + got, n - got);
            if (read <= 0) {
                finish(Error::LocalFile,
                       tr("Cannot read %1 at offset %2: %3")
                           .arg(m_request.filePath)
                           .arg(m_request.offset + m_queued + got)
                           .arg(read < 0 ? m_slice->errorString() : tr("the file is shorter than before")));
                return;
            }
            got += read;
        }
        if (m_observer)
            m_observer(m_request.offset + m_queued, block);
        m_queued += n;
        m_socket->write(block);
        // Keep the buffer for reuse once the socket (and the observer) are done with it.
        for (QByteArray &slot : m_buffers) {
            if (slot.isNull()) {
                slot = std::move(block);
                break;
            }
        }
        if (!block.isNull() && m_buffers.size() < kPooledBuffers)
            m_buffers.push_back(std::move(block));
    }
}

void PartUploader::onBytesWritten(qint64 bytes)
{
    if (!m_active || m_phase != Phase::Sending)
        return;
    m_written += bytes;
    m_sent = std::clamp(m_written - m_headBytes, qint64(0), m_request.length);
    touch();
    if (m_sent == m_request.length)
        qCDebug(lcUpload).noquote() << "body of" << m_request.length << "bytes to" << m_url.host()
                                    << "written in" << m_runClock.elapsed() << "ms";
    if (m_sent == m_request.length || m_progressClock.elapsed() >= kProgressIntervalMs) {
        m_progressClock.restart();
        emit progress(m_sent, m_request.length);
        if (!m_active)
            return;
    }
    pump();
}

void PartUploader::onReadyRead()
{
    if (!m_socket)
        return;
    if (!m_active) {
        // Nothing is expected on an idle kept connection: it cannot be trusted for another request.
        dropConnection();
        return;
    }
    const QByteArray data = m_socket->readAll();
    if (data.isEmpty())
        return;
    m_received += data.size();
    touch();
    if (!feed(data.constData(), data.size()) || !m_active)
        return;
    if (!m_messageComplete)
        return;
    // An answer before the whole body went out (an early refusal) ends the request, and the connection.
    const bool bodyOut = m_queued == m_request.length && m_socket && m_socket->bytesToWrite() == 0;
    m_keepAlive = m_keepAlive && bodyOut;
    qCDebug(lcUpload).noquote() << "HTTP" << m_status << "from" << m_url.host() << "after"
                                << m_runClock.elapsed() << "ms" << (m_reused ? "(kept connection)" : "");
    finish(Error::None);
}

bool PartUploader::feed(const char *data, qsizetype size)
{
    const size_t consumed = http_parser_execute(m_parser.get(), &parserSettings(), data, size_t(size));
    const auto error = HTTP_PARSER_ERRNO(m_parser.get());
    if (error == HPE_PAUSED) {
        // Paused at the end of the answer: anything after it is unexpected, so the connection is not reused.
        m_keepAlive = m_keepAlive && consumed == size_t(size);
        return true;
    }
    if (error != HPE_OK) {
        finish(Error::Protocol, tr("The answer from %1 is not valid HTTP (%2).")
                                    .arg(m_url.host(), QString::fromLatin1(http_errno_description(error))));
        return false;
    }
    return true;
}

void PartUploader::onSocketGone()
{
    if (!m_active) {
        dropConnection();
        return;
    }
    if (m_socket && m_socket->bytesAvailable() > 0)
        onReadyRead();
    if (!m_active)
        return;
    if (m_received > 0 && !m_messageComplete) {
        // An answer without a length ends with the connection; any other one was cut short (below).
        http_parser_execute(m_parser.get(), &parserSettings(), nullptr, 0);
        if (m_messageComplete) {
            m_keepAlive = false;
            finish(Error::None);
            return;
        }
    }
    if (m_reused && m_received == 0 && !m_reopened) {
        // The kept connection was closed by the server while idle: the request never reached it.
        qCDebug(lcUpload).noquote() << "kept connection to" << m_url.host() << "was closed; reconnecting";
        m_reopened = true;
        m_slice->seek(0);
        m_sent = 0;
        dropConnection();
        begin();
        return;
    }
    const QString reason = describeSocketError();
    if (m_phase == Phase::Connecting) {
        const bool tls = m_socket && m_socket->error() == QAbstractSocket::SslHandshakeFailedError;
        finish(tls ? Error::Tls : Error::Connect,
               tls ? tr("The TLS handshake with %1 failed: %2").arg(m_url.host(), reason)
                   : tr("Cannot connect to %1: %2").arg(m_url.host(), reason));
        return;
    }
    finish(Error::ConnectionClosed,
           m_received > 0 ? tr("The connection to %1 was closed in the middle of the answer (%2).")
                                .arg(m_url.host(), reason)
                          : tr("The connection to %1 was closed after %2 of %3 were sent (%4).")
                                .arg(m_url.host(), sizeText(m_sent), sizeText(m_request.length), reason));
}

QString PartUploader::describeSocketError() const
{
    if (!m_errorString.isEmpty())
        return m_errorString;
    if (!m_socket || m_socket->error() == QAbstractSocket::UnknownSocketError)
        return tr("closed by the peer");
    return m_socket->errorString();
}

void PartUploader::onTimeout()
{
    if (!m_active)
        return;
    finish(Error::Timeout, tr("Nothing was sent to or received from %1 for %2 s (%3 of %4 sent).")
                               .arg(m_url.host())
                               .arg(double(m_timeout.count()) / 1000.0, 0, 'g', 3)
                               .arg(sizeText(m_sent), sizeText(m_request.length)));
}

void PartUploader::touch()
{
    if (m_timeout.count() > 0)
        m_stallTimer.start(int(m_timeout.count()));
}

void PartUploader::finish(Error error, const QString &message)
{
    if (!m_active)
        return;
    m_active = false;
    m_stallTimer.stop();
    m_phase = Phase::Done;
    m_error = error;
    if (error != Error::None) {
        m_errorString = message;
        m_status = 0; // a status line without its complete answer is no answer
    }
    if (error != Error::None || !m_keepAlive)
        dropConnection();
    m_slice.reset();
    emit finished();
}

void PartUploader::finishLater(Error error, const QString &message)
{
    QMetaObject::invokeMethod(
        this,
        [this, error, message, run = m_run] {
            if (m_active && m_run == run)
                finish(error, message);
        },
        Qt::QueuedConnection);
}

void PartUploader::abort()
{
    ++m_run;
    m_active = false;
    m_stallTimer.stop();
    m_phase = Phase::Idle;
    dropConnection();
    m_slice.reset();
}

void PartUploader::dropConnection()
{
    if (!m_socket)
        return;
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    m_socketKey.clear();
    m_keepAlive = false;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

// --- answer parsing ---

const http_parser_settings &PartUploader::parserSettings()
{
    static const http_parser_settings settings = [] {
        http_parser_settings s;
        http_parser_settings_init(&s);
        s.on_status = &PartUploader::onStatus;
        s.on_header_field = &PartUploader::onHeaderField;
        s.on_header_value = &PartUploader::onHeaderValue;
        s.on_headers_complete = &PartUploader::onHeadersComplete;
        s.on_body = &PartUploader::onBody;
        s.on_message_complete = &PartUploader::onMessageComplete;
        return s;
    }();
    return settings;
}

int PartUploader::onStatus(http_parser *parser, const char *at, size_t length)
{
    uploaderOf(parser)->m_reason.append(at, qsizetype(length));
    return 0;
}

int PartUploader::onHeaderField(http_parser *parser, const char *at, size_t length)
{
    PartUploader *u = uploaderOf(parser);
    if (u->m_lastWasValue || u->m_headers.isEmpty())
        u->m_headers.append({QByteArray(at, qsizetype(length)), QByteArray()});
    else
        u->m_headers.last().first.append(at, qsizetype(length));
    u->m_lastWasValue = false;
    return 0;
}

int PartUploader::onHeaderValue(http_parser *parser, const char *at, size_t length)
{
    PartUploader *u = uploaderOf(parser);
    if (u->m_headers.isEmpty())
        return 1;
    u->m_headers.last().second.append(at, qsizetype(length));
    u->m_lastWasValue = true;
    return 0;
}

int PartUploader::onHeadersComplete(http_parser *parser)
{
    PartUploader *u = uploaderOf(parser);
    u->m_status = int(parser->status_code);
    u->m_keepAlive = http_should_keep_alive(parser) != 0;
    return 0;
}

int PartUploader::onBody(http_parser *parser, const char *at, size_t length)
{
    PartUploader *u = uploaderOf(parser);
    const qsizetype room = MaxBodyKept - u->m_body.size();
    if (room > 0)
        u->m_body.append(at, std::min(room, qsizetype(length)));
    return 0;
}

int PartUploader::onMessageComplete(http_parser *parser)
{
    PartUploader *u = uploaderOf(parser);
    if (parser->status_code >= 100 && parser->status_code < 200 && parser->status_code != 101) {
        // An interim answer (100 Continue, 103 Early Hints): the final one follows.
        u->m_status = 0;
        u->m_reason.clear();
        u->m_headers.clear();
        u->m_body.clear();
        u->m_lastWasValue = false;
        return 0;
    }
    u->m_messageComplete = true;
    http_parser_pause(parser, 1);
    return 0;
}

} // namespace ascend::upload

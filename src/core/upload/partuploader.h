#pragma once
// A small HTTP/1.1 client for one upload operation at a time: METHOD url with the operation's headers and a
// Content-Length body streamed from a slice of a file on disk. The body goes out in large blocks that are
// handed to the socket without copying (QTcpSocket shares a written QByteArray until it is flushed), with
// at most two blocks waiting in the socket's buffer, so memory stays flat whatever the part size.
//
// Why not QNetworkAccessManager: it moves an upload body from the caller's thread to its HTTP thread in
// 16 KiB steps, one thread round trip each (about 65,000 per GiB, ~2.3 s of CPU), which made a 1 GiB
// loopback part upload about 3x slower than curl -T on two cores. This client needs about as much CPU as
// curl (one read from the page cache and one socket write per block).
//
// The connection is kept for the next request to the same scheme, host and port when the server allows it.
// A kept connection that turns out to be closed before any answer arrives is reopened once, silently.
// Every run ends with exactly one finished(), unless abort() comes first: then nothing is emitted.

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>
#include <chrono>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

class QTcpSocket;
struct http_parser;
struct http_parser_settings;

namespace ascend::upload {

class FileSliceDevice;

class PartUploader : public QObject {
    Q_OBJECT
public:
    enum class Error {
        None,
        Connect,          // the connection could not be opened (refused, unknown host, ...)
        Tls,              // the TLS handshake failed (certificate, protocol)
        ConnectionClosed, // the peer closed or reset the connection before a complete answer
        Timeout,          // nothing moved for the transfer timeout
        Protocol,         // the answer is not HTTP/1.x, or the request cannot be expressed
        LocalFile,        // the file slice cannot be read
    };
    Q_ENUM(Error)

    using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

    struct Request {
        QByteArray method = "PUT";
        QString url; // absolute http:// or https:// URL; path and query are sent byte for byte
        HeaderList headers;
        QString filePath;
        qint64 offset = 0;
        qint64 length = 0;
    };

    // Called with every block read from the file, before it is sent (fileOffset is within the whole file).
    using BlockObserver = std::function<void(qint64 fileOffset, const QByteArray &block)>;

    static constexpr qint64 BlockSize = 256 * 1024;
    static constexpr qsizetype MaxBodyKept = 64 * 1024; // of the answer; the rest is read and dropped

    explicit PartUploader(QObject *parent = nullptr);
    ~PartUploader() override;

    // No bytes sent or received for this long ends the request with Error::Timeout; 0 = never.
    void setTransferTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void setSslConfiguration(const QSslConfiguration &configuration) { m_sslConfiguration = configuration; }
    void setUserAgent(const QByteArray &userAgent) { m_userAgent = userAgent; }
    void setBlockObserver(BlockObserver observer) { m_observer = std::move(observer); }

    // Starts a request; finished() follows, also for errors found at once (never from inside start()).
    void start(const Request &request);
    // Stops the request and closes the connection; no finished() follows.
    void abort();
    bool isActive() const { return m_active; }

    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    // The answer (valid after finished() when error() is None).
    int status() const { return m_status; }
    QByteArray reasonPhrase() const { return m_reason; }
    QByteArray header(QByteArrayView name) const;
    const HeaderList &headers() const { return m_headers; }
    QByteArray body() const { return m_body; }
    qint64 bytesSent() const { return m_sent; }
    // Whether the last request went over a connection kept from an earlier one.
    bool reusedConnection() const { return m_reused; }
    // Requests sent over the current connection so far.
    int requestsOnConnection() const { return m_requestsOnConnection; }

signals:
    void progress(qint64 sent, qint64 total);
    void finished();

private:
    enum class Phase { Idle, Connecting, Sending, Done };

    void begin();
    void openConnection();
    void sendHead();
    void pump();
    void onBytesWritten(qint64 bytes);
    void onReadyRead();
    void onSocketGone();
    void onTimeout();
    void finish(Error error, const QString &message = {});
    void finishLater(Error error, const QString &message);
    void dropConnection();
    void touch();
    bool feed(const char *data, qsizetype size);
    QByteArray takeFreeBuffer();
    QString describeSocketError() const;

    static const http_parser_settings &parserSettings();
    static int onStatus(http_parser *parser, const char *at, size_t length);
    static int onHeaderField(http_parser *parser, const char *at, size_t length);
    static int onHeaderValue(http_parser *parser, const char *at, size_t length);
    static int onHeadersComplete(http_parser *parser);
    static int onBody(http_parser *parser, const char *at, size_t length);
    static int onMessageComplete(http_parser *parser);

    Request m_request;
    QUrl m_url;
    QByteArray m_target;
    QByteArray m_connectionKey;
    std::chrono::milliseconds m_timeout{60000};
    QSslConfiguration m_sslConfiguration = QSslConfiguration::defaultConfiguration();
    QByteArray m_userAgent = "Ascend";
    BlockObserver m_observer;

    QPointer<QTcpSocket> m_socket;
    QByteArray m_socketKey;
    bool m_keepAlive = false;
    int m_requestsOnConnection = 0;
    std::unique_ptr<http_parser> m_parser;
    std::unique_ptr<FileSliceDevice> m_slice;
    std::vector<QByteArray> m_buffers;
    QTimer m_stallTimer;
    QElapsedTimer m_progressClock;
    QElapsedTimer m_runClock;

    Phase m_phase = Phase::Idle;
    bool m_active = false;
    quint64 m_run = 0; // start() and abort() make errors deferred by an earlier start() stale
    bool m_reused = false;
    bool m_reopened = false;
    qint64 m_headBytes = 0;
    qint64 m_written = 0; // head + body bytes the socket handed to the kernel
    qint64 m_queued = 0;  // body bytes given to the socket
    qint64 m_sent = 0;
    qint64 m_received = 0;
    bool m_messageComplete = false;
    bool m_lastWasValue = false;

    Error m_error = Error::None;
    QString m_errorString;
    int m_status = 0;
    QByteArray m_reason;
    HeaderList m_headers;
    QByteArray m_body;
};

} // namespace ascend::upload

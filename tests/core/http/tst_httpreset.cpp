// Connections reset on purpose (fault simulation): in the middle of a request body
// (HeadDecision::resetAfterBodyBytes) and instead of an answer (HttpResponse::connectionReset()). The client
// here is a plain non-blocking POSIX socket, because only errno tells a reset (ECONNRESET) from an orderly
// close, which QTcpSocket reports the same way.

#include "core/http/httpserver.h"
#include "rawclient.h"
#include "testhandler.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace ascend::http;

namespace {

#ifdef Q_OS_UNIX
class FdClient {
public:
    enum class End { Open, Closed, Reset };

    explicit FdClient(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        // A loopback connect completes in the kernel without the server's event loop.
        if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
            ::close(m_fd);
            m_fd = -1;
            return;
        }
        ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
    }
    ~FdClient()
    {
        if (m_fd != -1)
            ::close(m_fd);
    }
    FdClient(const FdClient &) = delete;
    FdClient &operator=(const FdClient &) = delete;

    bool isConnected() const { return m_fd != -1; }
    qint64 sent() const { return m_sent; }
    QByteArray received() const { return m_received; }

    // Sends data, letting the server's event loop run while the socket buffer is full. False once the
    // connection is gone (the error is kept for end()).
    bool send(const QByteArray &data, int timeoutMs = 10000)
    {
        qint64 pos = 0;
        QElapsedTimer clock;
        clock.start();
        while (pos < data.size() && m_end == End::Open && clock.elapsed() < timeoutMs) {
            const ssize_t n = ::send(m_fd, data.constData() + pos, size_t(data.size() - pos), MSG_NOSIGNAL);
            if (n > 0) {
                pos += n;
                m_sent += n;
            } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
                QTest::qWait(2);
            } else {
                noteError(errno);
            }
        }
        return pos == data.size();
    }

    // Reads until the server closes (recv() == 0) or resets (ECONNRESET) the connection, or the time is up.
    End waitForEnd(int timeoutMs = 5000)
    {
        QElapsedTimer clock;
        clock.start();
        char buffer[4096];
        while (m_end == End::Open && clock.elapsed() < timeoutMs) {
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n > 0)
                m_received.append(buffer, n);
            else if (n == 0)
                m_end = End::Closed;
            else if (errno == EAGAIN || errno == EWOULDBLOCK)
                QTest::qWait(2);
            else
                noteError(errno);
        }
        return m_end;
    }

private:
    void noteError(int error)
    {
        // After a reset the first call reports ECONNRESET; a send() that comes later gets EPIPE.
        m_end = error == ECONNRESET || error == EPIPE ? End::Reset : End::Closed;
    }

    int m_fd = -1;
    qint64 m_sent = 0;
    End m_end = End::Open;
    QByteArray m_received;
};
#endif

QByteArray putHead(qint64 length, const QByteArray &extraHeaders = {})
{
    return "PUT /part/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + QByteArray::number(length) +
           "\r\n" + extraHeaders + "\r\n";
}

QStringList spoolFiles()
{
    return QDir(QDir::tempPath()).entryList({QStringLiteral("ascend-http-*.body")}, QDir::Files);
}

} // namespace

class TestHttpReset : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
#ifndef Q_OS_UNIX
        QSKIP("needs POSIX sockets to tell a reset from a close");
#endif
        m_handler = std::make_unique<TestHandler>();
    }

    void resetInTheMiddleOfTheBody();
    void resetBeforeTheBody();
    void resetWhenTheBodyEndsEarly();
    void resetInsteadOfAnAnswer();
    void otherConnectionsUnaffected();

private:
    std::unique_ptr<HttpServer> start(ServerLimits limits = {})
    {
        auto server = std::make_unique<HttpServer>(m_handler.get(), limits);
        if (!server->listen())
            qFatal("cannot listen: %s", qPrintable(server->errorString()));
        return server;
    }

    std::unique_ptr<TestHandler> m_handler;
};

#ifdef Q_OS_UNIX

void TestHttpReset::resetInTheMiddleOfTheBody()
{
    constexpr qint64 total = 64ll * 1024 * 1024; // more than loopback socket buffers can hold
    constexpr qint64 resetAt = 1024 * 1024;
    m_handler->onHead = [](const HttpRequest &) {
        HeadDecision decision;
        decision.maxBodyBytes = total;
        decision.spoolBodyToFile = true;
        decision.resetAfterBodyBytes = resetAt;
        return decision;
    };
    const QStringList spoolBefore = spoolFiles();
    auto server = start();
    FdClient client(server->port());
    QVERIFY(client.isConnected());
    QVERIFY(client.send(putHead(total)));
    const QByteArray block(256 * 1024, 'b');
    while (client.sent() < total && client.send(block)) {
    }
    // The client could not send the whole body: the server stopped it midway with a reset.
    QVERIFY2(client.sent() < total, qPrintable(QString::number(client.sent())));
    QVERIFY2(client.sent() > resetAt, qPrintable(QString::number(client.sent())));
    QCOMPARE(client.waitForEnd(), FdClient::End::Reset);
    QVERIFY(client.received().isEmpty());
    QCOMPARE(m_handler->heads.size(), 1);
    QVERIFY(m_handler->requests.isEmpty());
    QTRY_COMPARE(server->openConnectionCount(), 0);
    QCOMPARE(spoolFiles(), spoolBefore);
}

void TestHttpReset::resetBeforeTheBody()
{
    m_handler->onHead = [](const HttpRequest &) {
        HeadDecision decision;
        decision.resetAfterBodyBytes = 0;
        return decision;
    };
    auto server = start();
    FdClient client(server->port());
    QVERIFY(client.isConnected());
    // No 100 Continue: the connection goes away right after the head.
    QVERIFY(client.send(putHead(5, "Expect: 100-continue\r\n")));
    QCOMPARE(client.waitForEnd(), FdClient::End::Reset);
    QVERIFY2(client.received().isEmpty(), client.received().constData());
    QVERIFY(m_handler->requests.isEmpty());
}

void TestHttpReset::resetWhenTheBodyEndsEarly()
{
    // The reset point lies beyond the body: the connection is reset once the body is complete, and the
    // handler never sees the request.
    m_handler->onHead = [](const HttpRequest &) {
        HeadDecision decision;
        decision.resetAfterBodyBytes = 1000;
        return decision;
    };
    auto server = start();
    FdClient client(server->port());
    QVERIFY(client.isConnected());
    QVERIFY(client.send(putHead(10) + "0123456789"));
    QCOMPARE(client.waitForEnd(), FdClient::End::Reset);
    QVERIFY(client.received().isEmpty());
    QVERIFY(m_handler->requests.isEmpty());
}

void TestHttpReset::resetInsteadOfAnAnswer()
{
    // A keep-alive connection answers its first request and resets instead of answering the second one, later
    // (a held Responder). The body was read completely, so only SO_LINGER 0 turns the close into a reset.
    m_handler->onRequest = [](const HttpRequest &request, Responder respond) {
        if (request.path == QLatin1String("/first")) {
            respond(HttpResponse::text(200, "first"));
            return;
        }
        QTimer::singleShot(100, [respond] { respond(HttpResponse::connectionReset()); });
    };
    auto server = start();
    FdClient client(server->port());
    QVERIFY(client.isConnected());
    QVERIFY(client.send("GET /first HTTP/1.1\r\nHost: x\r\n\r\n"));
    QTRY_VERIFY(client.waitForEnd(50) == FdClient::End::Open && client.received().endsWith("first"));
    const qsizetype firstAnswer = client.received().size();
    QVERIFY(client.send("POST /second HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"));
    QCOMPARE(client.waitForEnd(), FdClient::End::Reset);
    QCOMPARE(client.received().size(), firstAnswer); // nothing at all for the second request
    QCOMPARE(m_handler->requests.size(), 2);
    QCOMPARE(m_handler->requests.last().body, QByteArray("abc"));
    QTRY_COMPARE(server->openConnectionCount(), 0);
}

void TestHttpReset::otherConnectionsUnaffected()
{
    m_handler->onHead = [](const HttpRequest &head) {
        HeadDecision decision;
        if (head.path == QLatin1String("/drop"))
            decision.resetAfterBodyBytes = 2;
        return decision;
    };
    auto server = start();
    RawClient healthy(server->port());
    QVERIFY(healthy.connectToServer());
    FdClient dropped(server->port());
    QVERIFY(dropped.isConnected());
    QVERIFY(dropped.send("POST /drop HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nabcd"));
    QCOMPARE(dropped.waitForEnd(), FdClient::End::Reset);
    healthy.send("POST /keep HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nabcd");
    QVERIFY(healthy.waitForResponses(1));
    QCOMPARE(healthy.responses().first().status, 200);
    QCOMPARE(healthy.responses().first().body, QByteArray("POST /keep 4"));
    QCOMPARE(m_handler->requests.size(), 1);
}

#else

void TestHttpReset::resetInTheMiddleOfTheBody() {}
void TestHttpReset::resetBeforeTheBody() {}
void TestHttpReset::resetWhenTheBodyEndsEarly() {}
void TestHttpReset::resetInsteadOfAnAnswer() {}
void TestHttpReset::otherConnectionsUnaffected() {}

#endif

QTEST_GUILESS_MAIN(TestHttpReset)
#include "tst_httpreset.moc"

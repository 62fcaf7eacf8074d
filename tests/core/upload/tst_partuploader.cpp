// PartUploader against a scripted raw TCP server on loopback: the exact request (method, target byte for
// byte, headers, Content-Length, body = the file slice), 2xx/4xx answers with their bodies (Content-Length,
// chunked, until close), an early refusal, a connection dropped in the middle of the body, a server that
// never answers (timeout), connection refused, keep-alive reuse, a kept connection found closed, bad input.

#include "core/upload/partuploader.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QtTest>
#include <functional>

using namespace ascend::upload;

namespace {

struct Seen {
    int connection = 0;
    int onConnection = 0; // 0 = the connection's first request
    QByteArray method;
    QByteArray target;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool complete = false;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    int count(QByteArrayView name) const
    {
        int n = 0;
        for (const auto &header : headers)
            n += QByteArrayView(header.first).compare(name, Qt::CaseInsensitive) == 0 ? 1 : 0;
        return n;
    }
};

struct Plan {
    enum Mode {
        Answer,      // read the whole body, then write response
        AnswerEarly, // write response right after the head, then read (and drop) the body, then close
        DropAfter,   // reset the connection once dropAfter body bytes arrived
        Silent,      // read everything, never answer
        CloseOnHead, // close as soon as the head arrived
    };
    Mode mode = Answer;
    QByteArray response = "HTTP/1.1 200 OK\r\nETag: \"abc\"\r\nContent-Length: 0\r\n\r\n";
    qint64 dropAfter = 0;
};

// Speaks just enough HTTP/1.1 to receive Content-Length requests, several per connection.
class ScriptedServer : public QObject {
public:
    QList<Seen> seen;
    int connections = 0;
    std::function<Plan(const Seen &)> planner = [](const Seen &) { return Plan(); };

    // With a TLS configuration the server speaks https (connections are handed over once encrypted).
    explicit ScriptedServer(const QSslConfiguration &tls = {})
    {
        if (!tls.isNull()) {
            auto *server = new QSslServer(this);
            server->setSslConfiguration(tls);
            m_server = server;
        } else {
            m_server = new QTcpServer(this);
        }
        m_server->listen(QHostAddress::LocalHost, 0);
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection())
                accept(socket);
        });
    }
    quint16 port() const { return m_server->serverPort(); }
    QString url(const QByteArray &target) const
    {
        return QStringLiteral("%1://127.0.0.1:%2")
                   .arg(qobject_cast<QSslServer *>(m_server) ? QStringLiteral("https")
                                                             : QStringLiteral("http"))
                   .arg(port()) +
               QString::fromLatin1(target);
    }

private:
    struct Connection {
        int number = 0;
        int requests = 0;
        QByteArray input;
        bool inBody = false;
        qint64 bodyLeft = 0;
        int current = -1; // index into seen
        Plan plan;
    };

    void accept(QTcpSocket *socket)
    {
        auto connection = std::make_shared<Connection>();
        connection->number = connections++;
        connect(socket, &QTcpSocket::readyRead, this,
                [this, socket, connection] { read(socket, *connection); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

    void read(QTcpSocket *socket, Connection &c)
    {
        c.input += socket->readAll();
        for (;;) {
            if (!c.inBody) {
                const qsizetype end = c.input.indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                Seen request;
                request.connection = c.number;
                request.onConnection = c.requests++;
                const QList<QByteArray> lines = c.input.left(end).split('\n');
                const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
                request.method = first.value(0);
                request.target = first.value(1);
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const QByteArray line = lines[i].trimmed();
                    const qsizetype colon = line.indexOf(':');
                    request.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
                }
                c.input.remove(0, end + 4);
                c.bodyLeft = request.header("Content-Length").toLongLong();
                c.inBody = true;
                c.plan = planner(request);
                seen.append(request);
                c.current = int(seen.size()) - 1;
                if (c.plan.mode == Plan::CloseOnHead) {
                    socket->abort();
                    return;
                }
                if (c.plan.mode == Plan::AnswerEarly)
                    socket->write(c.plan.response);
            }
            const qint64 take = std::min<qint64>(c.bodyLeft, c.input.size());
            Seen &request = seen[c.current];
            request.body += c.input.left(take);
            c.input.remove(0, take);
            c.bodyLeft -= take;
            if (c.plan.mode == Plan::DropAfter && request.body.size() >= c.plan.dropAfter) {
                socket->abort();
                return;
            }
            if (c.bodyLeft > 0)
                return;
            request.complete = true;
            c.inBody = false;
            if (c.plan.mode == Plan::Answer) {
                socket->write(c.plan.response);
                if (c.plan.response.contains("Connection: close"))
                    socket->disconnectFromHost();
            } else if (c.plan.mode == Plan::AnswerEarly) {
                socket->disconnectFromHost();
            }
            if (c.input.isEmpty())
                return;
        }
    }

    QTcpServer *m_server = nullptr;
};

} // namespace

class TestPartUploader : public QObject {
    Q_OBJECT

private:
    QTemporaryFile m_file;
    QByteArray m_content;
    QTemporaryDir m_tlsDir;
    QSslConfiguration m_serverTls;
    QSslCertificate m_certificate;

    PartUploader::Request request(const QString &url, qint64 offset, qint64 length) const
    {
        PartUploader::Request r;
        r.method = "PUT";
        r.url = url;
        r.headers = {{"Content-Type", "application/octet-stream"}, {"x-amz-meta-part", "7"}};
        r.filePath = m_file.fileName();
        r.offset = offset;
        r.length = length;
        return r;
    }

    static bool run(PartUploader &uploader, const PartUploader::Request &r, int timeoutMs = 20000)
    {
        QSignalSpy finished(&uploader, &PartUploader::finished);
        uploader.start(r);
        if (!finished.wait(timeoutMs))
            return false;
        QTest::qWait(20); // no second finished() may follow
        return finished.count() == 1;
    }

    // A self-signed certificate for 127.0.0.1, made with the openssl command line.
    void makeCertificate()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty() || !QSslSocket::supportsSsl())
            return;
        const QString key = m_tlsDir.filePath(QStringLiteral("key.pem"));
        const QString cert = m_tlsDir.filePath(QStringLiteral("cert.pem"));
        QProcess process;
        process.start(openssl,
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert, QStringLiteral("-days"),
                       QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                       QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
        if (!process.waitForFinished(30000) || process.exitCode() != 0)
            return;
        QFile keyFile(key);
        QFile certFile(cert);
        if (!keyFile.open(QIODevice::ReadOnly) || !certFile.open(QIODevice::ReadOnly))
            return;
        m_certificate = QSslCertificate(certFile.readAll());
        m_serverTls = QSslConfiguration::defaultConfiguration();
        m_serverTls.setLocalCertificate(m_certificate);
        m_serverTls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
        m_serverTls.setPeerVerifyMode(QSslSocket::VerifyNone);
    }

private slots:
    void initTestCase()
    {
        m_content.resize(6 * 1024 * 1024 + 12345);
        QRandomGenerator random(42);
        random.fillRange(reinterpret_cast<quint32 *>(m_content.data()), m_content.size() / 4);
        QVERIFY(m_file.open());
        QCOMPARE(m_file.write(m_content), m_content.size());
        QVERIFY(m_file.flush());
        makeCertificate();
    }

    void sendsTheExactRequestAndSlice()
    {
        ScriptedServer server;
        PartUploader uploader;
        // Presigned-style query: the signature covers these bytes, so they must arrive unchanged.
        const QByteArray target = "/up/part%201?X-Sig=ab%2Fcd%7E&b=1&empty=";
        const qint64 offset = 1000003;
        const qint64 length = 3 * 1024 * 1024 + 17; // several blocks and a short last one
        QList<std::pair<qint64, qint64>> blocks;
        uploader.setBlockObserver([&](qint64 at, const QByteArray &block) {
            blocks.append({at, qint64(block.size())});
        });
        QSignalSpy progress(&uploader, &PartUploader::progress);
        QVERIFY(run(uploader, request(server.url(target), offset, length)));

        QCOMPARE(uploader.error(), PartUploader::Error::None);
        QCOMPARE(uploader.status(), 200);
        QCOMPARE(uploader.header("etag"), QByteArray("\"abc\""));
        QCOMPARE(server.seen.size(), 1);
        const Seen &seen = server.seen.first();
        QCOMPARE(seen.method, QByteArray("PUT"));
        QCOMPARE(seen.target, target);
        QCOMPARE(seen.header("Host"), QByteArray("127.0.0.1:") + QByteArray::number(server.port()));
        QCOMPARE(seen.header("Content-Type"), QByteArray("application/octet-stream"));
        QCOMPARE(seen.header("x-amz-meta-part"), QByteArray("7"));
        QCOMPARE(seen.header("Content-Length"), QByteArray::number(length));
        QVERIFY(seen.header("Authorization").isEmpty());
        QVERIFY(seen.body == m_content.mid(offset, length));

        // The observer saw the slice once, in order, in blocks.
        QVERIFY(blocks.size() > 1);
        qint64 next = offset;
        for (const auto &[at, size] : blocks) {
            QCOMPARE(at, next);
            QVERIFY(size <= PartUploader::BlockSize);
            next += size;
        }
        QCOMPARE(next, offset + length);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toLongLong(), length);
        QCOMPARE(progress.last().at(1).toLongLong(), length);
        QCOMPARE(uploader.bytesSent(), length);
    }

    void operationHeadersCannotDuplicateFraming()
    {
        ScriptedServer server;
        PartUploader uploader;
        auto r = request(server.url("/p"), 0, 100);
        r.headers.append(std::pair<QByteArray, QByteArray>("Content-Length", "100"));
        r.headers.append(std::pair<QByteArray, QByteArray>("host", "elsewhere.example"));
        r.headers.append(std::pair<QByteArray, QByteArray>("User-Agent", "Custom/1"));
        QVERIFY(run(uploader, r));
        QCOMPARE(uploader.status(), 200);
        const Seen &seen = server.seen.first();
        QCOMPARE(seen.count("Content-Length"), 1);
        QCOMPARE(seen.count("Host"), 1);
        QVERIFY(seen.header("Host").startsWith("127.0.0.1:"));
        QCOMPARE(seen.count("User-Agent"), 1);
        QCOMPARE(seen.header("User-Agent"), QByteArray("Custom/1"));
    }

    void clientErrorWithBody()
    {
        ScriptedServer server;
        const QByteArray xml =
            "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>";
        server.planner = [&](const Seen &) {
            Plan plan;
            plan.response = "HTTP/1.1 403 Forbidden\r\nContent-Type: application/xml\r\nContent-Length: " +
                            QByteArray::number(xml.size()) + "\r\n\r\n" + xml;
            return plan;
        };
        PartUploader uploader;
        QVERIFY(run(uploader, request(server.url("/p"), 0, 5000)));
        QCOMPARE(uploader.error(), PartUploader::Error::None); // an answer, not a transport error
        QCOMPARE(uploader.status(), 403);
        QCOMPARE(uploader.reasonPhrase(), QByteArray("Forbidden"));
        QCOMPARE(uploader.body(), xml);
        QCOMPARE(uploader.header("Content-Type"), QByteArray("application/xml"));
    }

    void chunkedAndCloseDelimitedAnswers()
    {
        ScriptedServer server;
        int n = 0;
        server.planner = [&](const Seen &) {
            Plan plan;
            plan.response = n++ == 0
                                ? QByteArray("HTTP/1.1 500 Internal Server Error\r\nTransfer-Encoding: "
                                             "chunked\r\n\r\n5\r\nslow \r\n5\r\ndown!\r\n0\r\n\r\n")
                                : QByteArray("HTTP/1.0 503 Service Unavailable\r\nConnection: close\r\n\r\n"
                                             "try again later");
            return plan;
        };
        PartUploader uploader;
        QVERIFY(run(uploader, request(server.url("/p"), 0, 10)));
        QCOMPARE(uploader.status(), 500);
        QCOMPARE(uploader.body(), QByteArray("slow down!"));
        QVERIFY(run(uploader, request(server.url("/p"), 0, 10)));
        QCOMPARE(uploader.error(), PartUploader::Error::None);
        QCOMPARE(uploader.status(), 503);
        QCOMPARE(uploader.body(), QByteArray("try again later"));
    }

    void answerCutShort()
    {
        ScriptedServer server;
        server.planner = [](const Seen &) {
            Plan plan;
            plan.response = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\nonly part";
            return plan;
        };
        PartUploader uploader;
        QVERIFY(run(uploader, request(server.url("/p"), 0, 10)));
        QCOMPARE(uploader.error(), PartUploader::Error::ConnectionClosed);
        QCOMPARE(uploader.status(), 0); // not a success, although the status line said 200
        QVERIFY2(uploader.errorString().contains(QLatin1String("middle of the answer")),
                 qPrintable(uploader.errorString()));
    }

    void interimAnswerIsSkipped()
    {
        ScriptedServer server;
        server.planner = [](const Seen &) {
            Plan plan;
            plan.response =
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok";
            return plan;
        };
        PartUploader uploader;
        QVERIFY(run(uploader, request(server.url("/p"), 0, 10)));
        QCOMPARE(uploader.status(), 201);
        QCOMPARE(uploader.body(), QByteArray("ok"));
    }

    void earlyRefusalStopsTheBody()
    {
        ScriptedServer server;
        server.planner = [](const Seen &) {
            Plan plan;
            plan.mode = Plan::AnswerEarly;
            plan.response =
                "HTTP/1.1 413 Payload Too Large\r\nContent-Length: 8\r\nConnection: close\r\n\r\ntoo big!";
            return plan;
        };
        PartUploader uploader;
        QVERIFY(run(uploader, request(server.url("/p"), 0, m_content.size())));
        QCOMPARE(uploader.error(), PartUploader::Error::None);
        QCOMPARE(uploader.status(), 413);
        QCOMPARE(uploader.body(), QByteArray("too big!"));
        // The rest of the body was not sent, so that connection cannot carry another request.
        QVERIFY(run(uploader, request(server.url("/q"), 0, 10)));
        QVERIFY(!uploader.reusedConnection());
        QCOMPARE(server.connections, 2);
    }

    void connectionDroppedMidBody()
    {
        ScriptedServer server;
        server.planner = [](const Seen &) {
            Plan plan;
            plan.mode = Plan::DropAfter;
            plan.dropAfter = 512 * 1024;
            return plan;
        };
        PartUploader uploader;
        QVERIFY(run(uploader, request(server.url("/p"), 0, m_content.size())));
        QCOMPARE(uploader.error(), PartUploader::Error::ConnectionClosed);
        QCOMPARE(uploader.status(), 0);
        QVERIFY2(uploader.errorString().contains(QLatin1String("closed")),
                 qPrintable(uploader.errorString()));
        QVERIFY(!server.seen.first().complete);
    }

    void serverThatNeverAnswersTimesOut()
    {
        ScriptedServer server;
        server.planner = [](const Seen &) {
            Plan plan;
            plan.mode = Plan::Silent;
            return plan;
        };
        PartUploader uploader;
        uploader.setTransferTimeout(std::chrono::milliseconds(300));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(run(uploader, request(server.url("/p"), 0, 64 * 1024)));
        QCOMPARE(uploader.error(), PartUploader::Error::Timeout);
        QVERIFY(timer.elapsed() >= 290);
        QVERIFY(timer.elapsed() < 5000);
        QVERIFY(server.seen.first().complete); // the body went out; the answer never came
        QVERIFY(uploader.errorString().contains(QLatin1String("0.3 s")));
    }

    void connectionRefused()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        PartUploader uploader;
        QVERIFY(run(uploader, request(QStringLiteral("http://127.0.0.1:%1/p").arg(port), 0, 10)));
        QCOMPARE(uploader.error(), PartUploader::Error::Connect);
        QVERIFY(!uploader.errorString().isEmpty());
    }

    void keepsTheConnectionForTheNextRequest()
    {
        ScriptedServer server;
        PartUploader uploader;
        for (int i = 0; i < 3; ++i) {
            QVERIFY(run(uploader, request(server.url("/p/" + QByteArray::number(i)), i * 1000, 1000)));
            QCOMPARE(uploader.status(), 200);
            QCOMPARE(uploader.reusedConnection(), i > 0);
        }
        QCOMPARE(server.connections, 1);
        QCOMPARE(server.seen.size(), 3);
        QCOMPARE(server.seen[2].onConnection, 2);
        QVERIFY(server.seen[2].body == m_content.mid(2000, 1000));
        QCOMPARE(uploader.requestsOnConnection(), 3);
    }

    void closedKeptConnectionIsReopenedOnce()
    {
        ScriptedServer server;
        // The kept connection dies when the next request arrives on it (as when the server timed it out).
        server.planner = [](const Seen &seen) {
            Plan plan;
            if (seen.onConnection > 0)
                plan.mode = Plan::CloseOnHead;
            return plan;
        };
        PartUploader uploader;
        QVERIFY(run(uploader, request(server.url("/a"), 0, 1000)));
        QCOMPARE(uploader.status(), 200);
        QVERIFY(run(uploader, request(server.url("/b"), 5000, 300000)));
        QCOMPARE(uploader.error(), PartUploader::Error::None);
        QCOMPARE(uploader.status(), 200);
        QCOMPARE(server.connections, 2);
        QCOMPARE(server.seen.last().target, QByteArray("/b"));
        QVERIFY(server.seen.last().body == m_content.mid(5000, 300000));
        QCOMPARE(uploader.bytesSent(), qint64(300000));
    }

    void otherHostGetsItsOwnConnection()
    {
        ScriptedServer one;
        ScriptedServer two;
        PartUploader uploader;
        QVERIFY(run(uploader, request(one.url("/a"), 0, 10)));
        QVERIFY(run(uploader, request(two.url("/b"), 0, 10)));
        QCOMPARE(uploader.status(), 200);
        QVERIFY(!uploader.reusedConnection());
        QCOMPARE(one.seen.size(), 1);
        QCOMPARE(two.seen.size(), 1);
    }

    void notHttpAtAll()
    {
        ScriptedServer server;
        server.planner = [](const Seen &) {
            Plan plan;
            plan.response = "SSH-2.0-OpenSSH_9.2\r\n\r\n";
            return plan;
        };
        PartUploader uploader;
        QVERIFY(run(uploader, request(server.url("/p"), 0, 10)));
        QCOMPARE(uploader.error(), PartUploader::Error::Protocol);
    }

    void badInputFailsBeforeAnyByteIsSent()
    {
        ScriptedServer server;
        PartUploader uploader;

        auto injected = request(server.url("/p"), 0, 10);
        injected.headers.append(std::pair<QByteArray, QByteArray>("X-Evil", "a\r\nInjected: yes"));
        QVERIFY(run(uploader, injected));
        QCOMPARE(uploader.error(), PartUploader::Error::Protocol);

        QVERIFY(run(uploader, request(QStringLiteral("ftp://127.0.0.1/p"), 0, 10)));
        QCOMPARE(uploader.error(), PartUploader::Error::Protocol);

        QVERIFY(run(uploader, request(server.url("/p"), m_content.size() - 5, 10)));
        QCOMPARE(uploader.error(), PartUploader::Error::LocalFile);
        QVERIFY(uploader.errorString().contains(QLatin1String("shorter")));

        QCOMPARE(server.connections, 0);
    }

    void tlsWithATrustedCertificate()
    {
        if (m_certificate.isNull())
            QSKIP("no openssl command line or no TLS backend to make a test certificate");
        ScriptedServer server(m_serverTls);
        PartUploader uploader;
        QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        trusting.setCaCertificates({m_certificate});
        uploader.setSslConfiguration(trusting);
        const qint64 length = 2 * 1024 * 1024 + 5;
        QVERIFY(run(uploader, request(server.url("/tls?sig=1"), 333, length)));
        QCOMPARE(uploader.error(), PartUploader::Error::None);
        QCOMPARE(uploader.status(), 200);
        QCOMPARE(server.seen.size(), 1);
        QCOMPARE(server.seen.first().target, QByteArray("/tls?sig=1"));
        QVERIFY(server.seen.first().body == m_content.mid(333, length));
        // The encrypted connection is kept too.
        QVERIFY(run(uploader, request(server.url("/tls?sig=2"), 0, 100)));
        QCOMPARE(uploader.status(), 200);
        QVERIFY(uploader.reusedConnection());
        QCOMPARE(server.connections, 1);
    }

    void tlsWithAnUntrustedCertificate()
    {
        if (m_certificate.isNull())
            QSKIP("no openssl command line or no TLS backend to make a test certificate");
        ScriptedServer server(m_serverTls);
        PartUploader uploader; // system CAs only: the self-signed certificate is refused
        QVERIFY(run(uploader, request(server.url("/tls"), 0, 100)));
        QCOMPARE(uploader.error(), PartUploader::Error::Tls);
        QVERIFY2(uploader.errorString().contains(QLatin1String("certificate"), Qt::CaseInsensitive),
                 qPrintable(uploader.errorString()));
        QVERIFY(server.seen.isEmpty());
    }

    void abortEmitsNothingAndStopsSending()
    {
        ScriptedServer server;
        server.planner = [](const Seen &) {
            Plan plan;
            plan.mode = Plan::Silent;
            return plan;
        };
        PartUploader uploader;
        QSignalSpy finished(&uploader, &PartUploader::finished);
        uploader.start(request(server.url("/p"), 0, m_content.size()));
        QTRY_VERIFY(!server.seen.isEmpty());
        uploader.abort();
        QVERIFY(!uploader.isActive());
        QTest::qWait(200);
        QCOMPARE(finished.count(), 0);
        // The uploader is ready for the next request at once.
        server.planner = [](const Seen &) { return Plan(); };
        QVERIFY(run(uploader, request(server.url("/next"), 0, 10)));
        QCOMPARE(uploader.status(), 200);
        QVERIFY(!uploader.reusedConnection());
    }
};

QTEST_GUILESS_MAIN(TestPartUploader)
#include "tst_partuploader.moc"

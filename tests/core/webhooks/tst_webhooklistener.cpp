#include "core/store/eventlog.h"
#include "core/webhooks/signature.h"
#include "core/webhooks/webhooklistener.h"
#include "rawclient.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ascend;
using namespace ascend::webhooks;

namespace {

const QByteArray Secret = "listener test secret";

QByteArray envelope(const QString &id, const QString &type = QStringLiteral("buildUploadStateUpdated"))
{
    return QStringLiteral(R"({"data":{"type":"%1","id":"%2","version":1,"attributes":{"newState":"COMPLETE",)"
                          R"("timestamp":"2025-05-08T01:29:36.16Z"},"relationships":{"instance":{"data":)"
                          R"({"type":"buildUploads","id":"up-%2"}}}}})")
        .arg(type, id)
        .toUtf8();
}

QByteArray request(const QByteArray &method, const QByteArray &path, const QByteArray &body,
                   const QByteArray &signature, bool withLength = true)
{
    QByteArray out =
        method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
    if (!signature.isNull())
        out += "X-Apple-Signature: " + signature + "\r\n";
    if (withLength)
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return out + "\r\n" + body;
}

QByteArray signedPost(const QByteArray &body, const QByteArray &secret = Secret)
{
    return request("POST", "/webhooks/asc", body, signatureHeaderValue(secret, body));
}

} // namespace

class TstWebhookListener : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::EventLog> m_log;
    std::unique_ptr<WebhookListener> m_listener;

    ParsedResponse exchange(const QByteArray &bytes)
    {
        RawClient client(m_listener->port());
        if (!client.connectToServer())
            return {};
        client.send(bytes);
        if (!client.waitForResponses(1))
            return {};
        return client.responses().first();
    }

private slots:
    void init()
    {
        m_log = std::make_unique<store::EventLog>();
        QString error;
        static int counter = 0;
        QVERIFY2(m_log->open(m_dir.filePath(QStringLiteral("events-%1.sqlite").arg(++counter)), &error),
                 qPrintable(error));
        m_listener = std::make_unique<WebhookListener>(m_log.get());
        m_listener->setSecrets({"another webhook's secret", Secret});
        QVERIFY2(m_listener->start({}, &error), qPrintable(error));
        QVERIFY(m_listener->localUrl().endsWith(QStringLiteral("/webhooks/asc")));
    }

    void cleanup()
    {
        m_listener.reset();
        m_log.reset();
    }

    void validEventIsStoredBeforeTheAnswer()
    {
        QSignalSpy received(m_listener.get(), &WebhookListener::eventReceived);
        const QByteArray body = envelope(QStringLiteral("7c813492-9516-4c79-903e-224effdd57ac"));
        const ParsedResponse response = exchange(signedPost(body));
        QCOMPARE(response.status, 200);
        // Stored by the time the answer arrived.
        const auto stored = m_log->event(QStringLiteral("7c813492-9516-4c79-903e-224effdd57ac"));
        QVERIFY(stored);
        QCOMPARE(stored->body, body);
        QCOMPARE(stored->eventType, QStringLiteral("BUILD_UPLOAD_STATE_UPDATED"));
        QCOMPARE(stored->instanceId, QStringLiteral("up-7c813492-9516-4c79-903e-224effdd57ac"));
        QCOMPARE(stored->verdict, QStringLiteral("valid"));
        QVERIFY(!stored->headers.isEmpty());
        QCOMPARE(received.size(), 1);
        const auto event = received.first().first().value<ReceivedEvent>();
        QCOMPARE(event.notification.newState(), QStringLiteral("COMPLETE"));
        QCOMPARE(m_listener->counters().stored, 1);
    }

    void uppercaseHexIsAccepted()
    {
        const QByteArray body = envelope(QStringLiteral("upper"));
        const QByteArray header = "hmacsha256=" + hmacSha256Hex(Secret, body).toUpper();
        QCOMPARE(exchange(request("POST", "/webhooks/asc", body, header)).status, 200);
        QCOMPARE(m_log->eventCount(), 1);
    }

    void redeliveryIsCountedOnce()
    {
        const QByteArray body = envelope(QStringLiteral("dup-1"));
        QSignalSpy duplicates(m_listener.get(), &WebhookListener::duplicateReceived);
        QCOMPARE(exchange(signedPost(body)).status, 200);
        QCOMPARE(exchange(signedPost(body)).status, 200);
        QCOMPARE(exchange(signedPost(body)).status, 200);
        QCOMPARE(m_log->eventCount(), 1);
        QCOMPARE(m_log->event(QStringLiteral("dup-1"))->duplicates, 2);
        QCOMPARE(m_listener->counters().duplicates, 2);
        QCOMPARE(m_listener->counters().stored, 1);
        QCOMPARE(duplicates.size(), 2);
        QCOMPARE(m_log->counter(QStringLiteral("duplicates")), 2);
    }

    void badInputs_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        const QByteArray body = envelope(QStringLiteral("bad"));
        QTest::newRow("GET") << request("GET", "/webhooks/asc", {}, {}) << 405;
        QTest::newRow("PUT signed") << request("PUT", "/webhooks/asc", body,
                                               signatureHeaderValue(Secret, body))
                                    << 405;
        QTest::newRow("wrong path") << request("POST", "/other", body, signatureHeaderValue(Secret, body))
                                    << 404;
        QTest::newRow("missing signature") << request("POST", "/webhooks/asc", body, QByteArray()) << 401;
        QTest::newRow("empty signature") << request("POST", "/webhooks/asc", body, "") << 401;
        QTest::newRow("wrong secret") << signedPost(body, "not the secret") << 401;
        QTest::newRow("garbled signature") << request("POST", "/webhooks/asc", body, "hmacsha256=zz") << 401;
        QTest::newRow("signature of another body")
            << request("POST", "/webhooks/asc", body, signatureHeaderValue(Secret, body + " ")) << 401;
        // Declared over 1 MiB: refused from the head alone; the body is never sent.
        QTest::newRow("too large") << QByteArray("POST /webhooks/asc HTTP/1.1\r\nHost: x\r\nContent-Length: "
                                                 "1048577\r\nX-Apple-Signature: hmacsha256=00\r\n\r\n")
                                   << 413;
    }

    void badInputs()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QCOMPARE(exchange(bytes).status, status);
        QCOMPARE(m_log->eventCount(), 0);
        QCOMPARE(m_log->malformedCount(), 0);
        QCOMPARE(m_listener->counters().stored, 0);
        QCOMPARE(m_listener->counters().rejected(), 1);
        if (status == 401)
            QCOMPARE(m_listener->counters().badSignature, 1);
    }

    void bodyOverOneMebibyteWithoutLength()
    {
        // Chunked, so the size is only known while reading: the server's cap answers 413.
        QByteArray big(1024 * 1024 + 10, 'a');
        QByteArray bytes = "POST /webhooks/asc HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                           "X-Apple-Signature: " +
                           signatureHeaderValue(Secret, big) + "\r\n\r\n";
        bytes += QByteArray::number(big.size(), 16) + "\r\n" + big + "\r\n0\r\n\r\n";
        QCOMPARE(exchange(bytes).status, 413);
        QCOMPARE(m_log->eventCount(), 0);
    }

    void malformedIsKeptForInspection_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not json") << QByteArray("Hello, World!");
        QTest::newRow("no id") << QByteArray(R"({"data":{"type":"buildUploadStateUpdated"}})");
        QTest::newRow("no data") << QByteArray(R"({"type":"buildUploadStateUpdated","id":"x"})");
    }

    void malformedIsKeptForInspection()
    {
        QFETCH(QByteArray, body);
        QCOMPARE(exchange(signedPost(body)).status, 400);
        QCOMPARE(m_log->eventCount(), 0);
        QCOMPARE(m_log->malformedCount(), 1);
        QCOMPARE(m_log->malformed().first().body, body);
        QCOMPARE(m_listener->counters().malformed, 1);
    }

    void keepAliveAndManyConnections()
    {
        // Several keep-alive connections each sending a few events, all answered and stored once.
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int c = 0; c < 8; ++c) {
            clients.push_back(std::make_unique<RawClient>(m_listener->port()));
            QVERIFY(clients.back()->connectToServer());
        }
        for (int round = 0; round < 5; ++round)
            for (int c = 0; c < 8; ++c)
                clients[c]->send(signedPost(envelope(QStringLiteral("k-%1-%2").arg(c).arg(round))));
        for (auto &client : clients) {
            QVERIFY(client->waitForResponses(5));
            for (const auto &response : client->responses())
                QCOMPARE(response.status, 200);
        }
        QCOMPARE(m_log->eventCount(), 40);
    }

    void rejectionCountersArePersisted()
    {
        QCOMPARE(exchange(signedPost(envelope(QStringLiteral("x")), "wrong")).status, 401);
        QCOMPARE(exchange(request("GET", "/webhooks/asc", {}, {})).status, 405);
        m_listener->stop();
        QCOMPARE(m_log->counter(QStringLiteral("rejected.signature")), 1);
        QCOMPARE(m_log->counter(QStringLiteral("rejected.method")), 1);
    }

    // The listener process is killed (SIGKILL) the moment its 200 arrives; the event is there afterwards.
    void survivesAKillRightAfterAnswering()
    {
        const QString dbPath = m_dir.filePath(QStringLiteral("killed.sqlite"));
        for (int round = 0; round < 3; ++round) {
            QProcess helper;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("LISTENER_SECRET"), QString::fromLatin1(Secret));
            helper.setProcessEnvironment(env);
            helper.start(QStringLiteral(LISTENER_HELPER), {dbPath});
            QVERIFY(helper.waitForStarted());
            QTRY_VERIFY_WITH_TIMEOUT(helper.canReadLine(), 10000);
            const QByteArray line = helper.readLine().trimmed();
            QVERIFY(line.startsWith("PORT "));
            const quint16 port = quint16(line.mid(5).toUInt());

            const QString id = QStringLiteral("durable-%1").arg(round);
            RawClient client(port);
            QVERIFY(client.connectToServer());
            client.send(signedPost(envelope(id)));
            QVERIFY(client.waitForResponses(1));
            QCOMPARE(client.responses().first().status, 200);
            helper.kill();
            QVERIFY(helper.waitForFinished());

            store::EventLog reopened;
            QString error;
            QVERIFY2(reopened.open(dbPath, &error), qPrintable(error));
            QVERIFY(reopened.event(id));
            QCOMPARE(reopened.eventCount(), round + 1);
        }
    }
};

QTEST_GUILESS_MAIN(TstWebhookListener)
#include "tst_webhooklistener.moc"

// The part scheduler against a real loopback HTTP server: exact method, URL and headers per operation,
// bodies equal to the file's slices, no Authorization, N in flight, retries of 5xx and timeouts with the
// other parts undisturbed, permanent failures, expired operations, parts already done, abort.

#include "core/http/httpserver.h"
#include "core/upload/partscheduler.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTimer>
#include <QtTest>

using namespace ascend;
using namespace ascend::upload;

namespace {

struct Received {
    QByteArray method;
    int part = 0;
    http::HeaderList headers;
    QByteArray body;
};

class PartServer : public http::RequestHandler {
public:
    QList<Received> received;
    QHash<int, QList<int>> script; // part → statuses to answer before a 200 (0 = never answer)
    int inFlight = 0;
    int maxInFlight = 0;
    int delayMs = 20;

    http::HeadDecision inspectHead(const http::HttpRequest &) override
    {
        http::HeadDecision decision;
        decision.maxBodyBytes = 16 * 1024 * 1024;
        return decision;
    }
    void handle(const http::HttpRequest &request, http::Responder respond) override
    {
        Received r;
        r.method = request.method;
        r.part = request.path.section(QLatin1Char('/'), -1).toInt();
        r.headers = request.headers;
        if (!request.bodyFilePath.isEmpty()) {
            QFile file(request.bodyFilePath);
            if (file.open(QIODevice::ReadOnly))
                r.body = file.readAll();
        } else {
            r.body = request.body;
        }
        received.append(r);
        int status = 200;
        QList<int> &plan = script[r.part];
        if (!plan.isEmpty())
            status = plan.takeFirst();
        if (status == 0)
            return; // hold the request: the client's transfer timeout fires
        ++inFlight;
        maxInFlight = std::max(maxInFlight, inFlight);
        const int part = r.part;
        QTimer::singleShot(delayMs, [this, status, part, respond] {
            --inFlight;
            http::HttpResponse response =
                status == 200 ? http::HttpResponse::empty(status)
                              : http::HttpResponse::text(status, "busy, part " + QByteArray::number(part));
            if (status == 200)
                response.setHeader("ETag", "\"tag\"");
            respond(response);
        });
    }
};

} // namespace

class TestPartScheduler : public QObject {
    Q_OBJECT

private:
    QTemporaryFile m_file;
    QByteArray m_content;
    PartServer m_handler;
    std::unique_ptr<http::HttpServer> m_server;

    QList<api::DeliveryFileUploadOperation> operations(qint64 partSize,
                                                       const QByteArray &method = "PUT") const
    {
        QList<api::DeliveryFileUploadOperation> list;
        int part = 1;
        for (qint64 offset = 0; offset < m_content.size(); offset += partSize, ++part) {
            api::DeliveryFileUploadOperation operation;
            operation.method = method;
            operation.url =
                QStringLiteral("http://127.0.0.1:%1/part/%2?sig=x%2").arg(m_server->port()).arg(part);
            operation.offset = offset;
            operation.length = std::min<qint64>(partSize, m_content.size() - offset);
            operation.partNumber = part;
            operation.expiration = QDateTime::currentDateTimeUtc().addSecs(3600);
            operation.requestHeaders = {{"Content-Type", "application/octet-stream"},
                                        {"x-amz-meta-part", QByteArray::number(part)}};
            list.append(operation);
        }
        return list;
    }

    static PartRetryPolicy fastRetry()
    {
        PartRetryPolicy policy;
        policy.baseDelay = std::chrono::milliseconds(10);
        policy.maxDelay = std::chrono::milliseconds(40);
        policy.transferTimeout = std::chrono::milliseconds(2000);
        return policy;
    }

    bool runToEnd(PartScheduler &scheduler, int timeoutMs = 30000)
    {
        QSignalSpy finished(&scheduler, &PartScheduler::finished);
        scheduler.start();
        return finished.count() == 1 || finished.wait(timeoutMs);
    }

private slots:
    void initTestCase()
    {
        m_content.resize(300 * 1024 + 77);
        for (qsizetype i = 0; i < m_content.size(); ++i)
            m_content[i] = char((i * 31 + i / 7) % 256);
        QVERIFY(m_file.open());
        m_file.write(m_content);
        m_file.flush();
        m_server = std::make_unique<http::HttpServer>(&m_handler);
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    }

    void init()
    {
        m_handler.received.clear();
        m_handler.script.clear();
        m_handler.maxInFlight = 0;
        m_handler.delayMs = 20;
    }

    void sendsExactlyEachOperation()
    {
        auto ops = operations(32 * 1024);
        ops[1].method = "POST"; // the operation's method, whatever it is
        PartScheduler scheduler(m_file.fileName(), ops);
        scheduler.setRetryPolicy(fastRetry());
        QSignalSpy done(&scheduler, &PartScheduler::partDone);
        QVERIFY(runToEnd(scheduler));
        QVERIFY(scheduler.isFinished());
        QCOMPARE(scheduler.failure(), PartScheduler::Failure::None);
        QCOMPARE(done.count(), ops.size());
        QCOMPARE(done.first().at(1).toByteArray(), QByteArray("\"tag\""));
        QCOMPARE(m_handler.received.size(), ops.size());
        QCOMPARE(scheduler.bytesSent(), qint64(m_content.size()));
        for (const Received &r : std::as_const(m_handler.received)) {
            const auto &op = ops[r.part - 1];
            QCOMPARE(r.method, op.method);
            QVERIFY(r.body == m_content.mid(op.offset, op.length));
            QCOMPARE(http::headerValue(r.headers, "Content-Type"), QByteArray("application/octet-stream"));
            QCOMPARE(http::headerValue(r.headers, "x-amz-meta-part"), QByteArray::number(r.part));
            QVERIFY(http::headerValue(r.headers, "Authorization").isEmpty());
            QCOMPARE(http::headerValue(r.headers, "Content-Length"), QByteArray::number(op.length));
        }
        for (int i = 0; i < scheduler.partCount(); ++i) {
            QCOMPARE(scheduler.state(i), PartState::Done);
            QCOMPARE(scheduler.attempts(i), 1);
        }
        QCOMPARE(scheduler.resendCount(), 0);
    }

    void blockObserverSeesEveryByte()
    {
        PartScheduler scheduler(m_file.fileName(), operations(64 * 1024));
        scheduler.setRetryPolicy(fastRetry());
        scheduler.setParallelism(3);
        QByteArray rebuilt(m_content.size(), '\0');
        qint64 bytes = 0;
        scheduler.setBlockObserver([&](qint64 offset, const QByteArray &block) {
            QVERIFY(offset >= 0 && offset + block.size() <= rebuilt.size());
            std::copy(block.begin(), block.end(), rebuilt.begin() + offset);
            bytes += block.size();
        });
        QVERIFY(runToEnd(scheduler));
        QCOMPARE(scheduler.failure(), PartScheduler::Failure::None);
        QCOMPARE(bytes, qint64(m_content.size()));
        QVERIFY(rebuilt == m_content);
    }

    void keepsNInFlight_data()
    {
        QTest::addColumn<int>("parallelism");
        QTest::newRow("1") << 1;
        QTest::newRow("3") << 3;
        QTest::newRow("8 (more than one connection pool)") << 8;
    }
    void keepsNInFlight()
    {
        QFETCH(int, parallelism);
        m_handler.delayMs = 300; // long enough for every connection to open while the first parts wait
        PartScheduler scheduler(m_file.fileName(), operations(32 * 1024));
        scheduler.setParallelism(parallelism);
        scheduler.setRetryPolicy(fastRetry());
        int maxInFlightSeen = 0;
        connect(&scheduler, &PartScheduler::partStateChanged, this, [&] {
            int n = 0;
            for (int i = 0; i < scheduler.partCount(); ++i)
                n += scheduler.state(i) == PartState::InFlight ? 1 : 0;
            maxInFlightSeen = std::max(maxInFlightSeen, n);
        });
        QVERIFY(runToEnd(scheduler));
        QCOMPARE(scheduler.failure(), PartScheduler::Failure::None);
        QCOMPARE(maxInFlightSeen, parallelism);
        QCOMPARE(m_handler.maxInFlight, parallelism); // the server saw that many at once
    }

    void parallelismIsClamped()
    {
        PartScheduler scheduler(m_file.fileName(), operations(64 * 1024));
        scheduler.setParallelism(0);
        QCOMPARE(scheduler.parallelism(), 1);
        scheduler.setParallelism(99);
        QCOMPARE(scheduler.parallelism(), 16);
    }

    void retriesServerErrorsAndTimeouts()
    {
        const auto ops = operations(32 * 1024);
        m_handler.script[2] = {503, 500};
        m_handler.script[5] = {0}; // no answer: the transfer timeout fires, then it is sent again
        m_handler.script[7] = {502};
        PartScheduler scheduler(m_file.fileName(), ops);
        PartRetryPolicy policy = fastRetry();
        policy.transferTimeout = std::chrono::milliseconds(400);
        scheduler.setRetryPolicy(policy);
        QList<PartState> part2States;
        connect(&scheduler, &PartScheduler::partStateChanged, this, [&](int index, PartState state) {
            if (index == 1)
                part2States << state;
        });
        QVERIFY(runToEnd(scheduler));
        QCOMPARE(scheduler.failure(), PartScheduler::Failure::None);
        QCOMPARE(scheduler.attempts(1), 3);
        QCOMPARE(scheduler.attempts(4), 2);
        QCOMPARE(scheduler.attempts(6), 2);
        QCOMPARE(scheduler.resendCount(), 4);
        QCOMPARE(part2States, (QList<PartState>{PartState::InFlight, PartState::Retrying, PartState::Waiting,
                                                PartState::InFlight, PartState::Retrying, PartState::Waiting,
                                                PartState::InFlight, PartState::Done}));
        for (int i : {0, 2, 3, 5, 7, 8})
            QCOMPARE(scheduler.attempts(i), 1); // the others were not disturbed
        // The last good copy of each part is byte-exact.
        QHash<int, QByteArray> last;
        for (const Received &r : std::as_const(m_handler.received))
            last[r.part] = r.body;
        for (const auto &op : ops)
            QVERIFY(last.value(int(op.partNumber)) == m_content.mid(op.offset, op.length));
    }

    void givesUpAfterMaxAttempts()
    {
        m_handler.script[1] = {500, 500, 500};
        PartScheduler scheduler(m_file.fileName(), operations(128 * 1024));
        PartRetryPolicy policy = fastRetry();
        policy.maxAttempts = 3;
        scheduler.setRetryPolicy(policy);
        QVERIFY(runToEnd(scheduler));
        QCOMPARE(scheduler.failure(), PartScheduler::Failure::Exhausted);
        QCOMPARE(scheduler.state(0), PartState::Failed);
        QCOMPARE(scheduler.state(1), PartState::Done);
        QVERIFY(scheduler.errorString().contains(QLatin1String("3 times")));
        QVERIFY2(scheduler.errorString().contains(QLatin1String("HTTP 500: busy, part 1")),
                 qPrintable(scheduler.errorString())); // the server's own words
    }

    void clientErrorsFailThatPartOnly()
    {
        m_handler.script[2] = {404};
        PartScheduler scheduler(m_file.fileName(), operations(64 * 1024));
        scheduler.setRetryPolicy(fastRetry());
        QSignalSpy finished(&scheduler, &PartScheduler::finished);
        QVERIFY(runToEnd(scheduler));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(scheduler.failure(), PartScheduler::Failure::Rejected);
        QCOMPARE(scheduler.state(1), PartState::Failed);
        QCOMPARE(scheduler.attempts(1), 1);
        for (int i : {0, 2, 3, 4})
            QCOMPARE(scheduler.state(i), PartState::Done);
    }

    void expiredOperationsAreNotSent()
    {
        auto ops = operations(100 * 1024);
        ops[2].expiration = QDateTime::currentDateTimeUtc().addSecs(-5);
        PartScheduler scheduler(m_file.fileName(), ops);
        scheduler.setRetryPolicy(fastRetry());
        QVERIFY(runToEnd(scheduler));
        QCOMPARE(scheduler.failure(), PartScheduler::Failure::Expired);
        QCOMPARE(scheduler.state(2), PartState::Failed);
        for (const Received &r : std::as_const(m_handler.received))
            QVERIFY(r.part != 3);
    }

    void skipsPartsAlreadyDone()
    {
        const auto ops = operations(64 * 1024);
        PartScheduler scheduler(m_file.fileName(), ops);
        scheduler.setCompleted({0, 2});
        QCOMPARE(scheduler.bytesSent(), ops[0].length + ops[2].length);
        QVERIFY(runToEnd(scheduler));
        QCOMPARE(scheduler.failure(), PartScheduler::Failure::None);
        QSet<int> sent;
        for (const Received &r : std::as_const(m_handler.received))
            sent.insert(r.part);
        QCOMPARE(sent, (QSet<int>{2, 4, 5}));
        QCOMPARE(scheduler.bytesSent(), qint64(m_content.size()));
    }

    void abortStopsEverything()
    {
        m_handler.delayMs = 2000;
        PartScheduler scheduler(m_file.fileName(), operations(16 * 1024));
        QSignalSpy finished(&scheduler, &PartScheduler::finished);
        scheduler.start();
        QTRY_VERIFY(m_handler.received.size() >= 2);
        scheduler.abort();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(scheduler.failure(), PartScheduler::Failure::Aborted);
        const int before = int(m_handler.received.size());
        QTest::qWait(300);
        QCOMPARE(int(m_handler.received.size()), before);
    }
};

QTEST_GUILESS_MAIN(TestPartScheduler)
#include "tst_partscheduler.moc"

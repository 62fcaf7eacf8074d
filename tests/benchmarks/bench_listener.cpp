// bench_listener: the webhook listener under load. 32 keep-alive connections send 10,000 signed deliveries
// (9,500 distinct events and 500 redeliveries of earlier ones) with 1,000 badly signed requests mixed in.
// Every answer arrives only after the durable (synchronous=FULL) write of its event. Prints deliveries per
// second, p50/p99 latency, events stored, duplicates and rejected. `--quick` (what ctest runs) sends a
// tenth of that on 8 connections. The exit status checks counts only, never timings.

#include "core/store/eventlog.h"
#include "core/webhooks/signature.h"
#include "core/webhooks/webhooklistener.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSemaphore>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <algorithm>
#include <cstdio>

using namespace ascend;

namespace {

const QByteArray Secret = "bench listener secret";

QByteArray envelope(int n)
{
    return QStringLiteral(
               R"({"data":{"type":"buildUploadStateUpdated","id":"00000000-0000-4000-8000-%1",)"
               R"("version":1,"attributes":{"newState":"COMPLETE","timestamp":"2025-05-08T01:29:36.16Z"},)"
               R"("relationships":{"instance":{"data":{"type":"buildUploads","id":"upload-%2"}}}}})")
        .arg(n, 12, 10, QLatin1Char('0'))
        .arg(n)
        .toUtf8();
}

QByteArray request(const QByteArray &body, const QByteArray &signature)
{
    return "POST /webhooks/asc HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           "x-apple-signature: " +
           signature + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

struct Item {
    QByteArray bytes;
    bool valid = true;
};

// One keep-alive connection sending its queue one request at a time.
class Connection : public QObject {
public:
    Connection(quint16 port, QList<Item> queue, QList<qint64> *latencies, QHash<int, int> *statuses,
               int *done)
        : m_queue(std::move(queue))
        , m_latencies(latencies)
        , m_statuses(statuses)
        , m_done(done)
    {
        connect(&m_socket, &QTcpSocket::connected, this, [this] { sendNext(); });
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
            if (m_next <= m_queue.size() && m_socket.error() != QAbstractSocket::UnknownSocketError)
                std::fprintf(stderr, "connection closed early after %lld requests\n", qint64(m_next));
        });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }

private:
    void sendNext()
    {
        if (m_next >= m_queue.size()) {
            ++*m_done;
            m_next = m_queue.size() + 1;
            m_socket.disconnectFromHost();
            return;
        }
        m_timer.start();
        m_socket.write(m_queue.at(m_next).bytes);
        ++m_next;
    }
    void onReadyRead()
    {
        m_buffer += m_socket.readAll();
        for (;;) {
            const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            const QByteArray head = m_buffer.left(headEnd).toLower();
            const qsizetype lengthAt = head.indexOf("content-length:");
            const qint64 length = lengthAt < 0
                                      ? 0
                                      : head.mid(lengthAt + 15, head.indexOf('\r', lengthAt) - lengthAt - 15)
                                            .trimmed()
                                            .toLongLong();
            if (m_buffer.size() < headEnd + 4 + length)
                return;
            const int status = head.mid(9, 3).toInt();
            m_buffer.remove(0, headEnd + 4 + length);
            m_latencies->append(m_timer.nsecsElapsed() / 1000);
            (*m_statuses)[status] += 1;
            sendNext();
        }
    }

    QTcpSocket m_socket;
    QList<Item> m_queue;
    qsizetype m_next = 0;
    QByteArray m_buffer;
    QElapsedTimer m_timer;
    QList<qint64> *m_latencies;
    QHash<int, int> *m_statuses;
    int *m_done;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("ascend.*.debug=false\nascend.*.info=false"));
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const int distinct = quick ? 950 : 9500;
    const int redeliveries = quick ? 50 : 500;
    const int bad = quick ? 100 : 1000;
    const int connections = quick ? 8 : 32;
    QTextStream out(stdout);

    QTemporaryDir dir;
    const QString dbPath = dir.filePath(QStringLiteral("bench-events.sqlite"));

    // The listener runs on its own thread with its own event loop, as a server would.
    QThread serverThread;
    serverThread.start();
    QObject anchor;
    anchor.moveToThread(&serverThread);
    store::EventLog *log = nullptr;
    webhooks::WebhookListener *listener = nullptr;
    quint16 port = 0;
    QString error;
    QMetaObject::invokeMethod(
        &anchor,
        [&] {
            log = new store::EventLog;
            if (!log->open(dbPath, &error))
                return;
            listener = new webhooks::WebhookListener(log);
            listener->setSecrets({"some other webhook's secret", Secret});
            webhooks::ListenerConfig config;
            if (listener->start(config, &error))
                port = listener->port();
        },
        Qt::BlockingQueuedConnection);
    if (port == 0) {
        std::fprintf(stderr, "listener did not start: %s\n", qPrintable(error));
        return 1;
    }

    // Build every request up front so signing is not measured.
    QList<Item> items;
    for (int i = 0; i < distinct; ++i) {
        const QByteArray body = envelope(i);
        items.append({request(body, webhooks::signatureHeaderValue(Secret, body)), true});
    }
    QRandomGenerator random(20251127);
    for (int i = 0; i < redeliveries; ++i) {
        const QByteArray body = envelope(random.bounded(distinct));
        items.append({request(body, webhooks::signatureHeaderValue(Secret, body)), true});
    }
    for (int i = 0; i < bad; ++i) {
        const QByteArray body = envelope(distinct + i);
        items.append({request(body, webhooks::signatureHeaderValue("wrong secret", body)), false});
    }
    std::shuffle(items.begin(), items.end(), std::mt19937(42));
    // Whichever copy of a redelivered event arrives first is stored; the other is the duplicate.

    QList<QList<Item>> queues(connections);
    for (qsizetype i = 0; i < items.size(); ++i)
        queues[i % connections].append(items.at(i));

    QList<qint64> latencies;
    latencies.reserve(items.size());
    QHash<int, int> statuses;
    int done = 0;
    QElapsedTimer wall;
    wall.start();
    std::vector<std::unique_ptr<Connection>> clients;
    for (int c = 0; c < connections; ++c)
        clients.push_back(std::make_unique<Connection>(port, queues.at(c), &latencies, &statuses, &done));
    QElapsedTimer guard;
    guard.start();
    while (done < connections && guard.elapsed() < 600000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    const double seconds = wall.nsecsElapsed() / 1e9;
    clients.clear();

    webhooks::ListenerCounters counters;
    qint64 storedRows = 0;
    QMetaObject::invokeMethod(
        &anchor,
        [&] {
            listener->stop();
            counters = listener->counters();
            storedRows = log->eventCount();
            delete listener;
            delete log;
        },
        Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();

    std::sort(latencies.begin(), latencies.end());
    const auto percentile = [&](double p) {
        return latencies.isEmpty()
                   ? 0.0
                   : latencies.at(qMin(latencies.size() - 1, qsizetype(p * latencies.size()))) / 1000.0;
    };
    const int valid = distinct + redeliveries;
    out << QStringLiteral(
               "bench_listener%1: %2 signed deliveries + %3 bad signatures over %4 keep-alive connections\n")
               .arg(quick ? QStringLiteral(" (quick)") : QString())
               .arg(valid)
               .arg(bad)
               .arg(connections);
    out << QStringLiteral("  wall time        %1 s\n").arg(seconds, 0, 'f', 2);
    out << QStringLiteral("  deliveries/s     %1 valid (%2 requests/s overall)\n")
               .arg(valid / seconds, 0, 'f', 0)
               .arg((valid + bad) / seconds, 0, 'f', 0);
    out << QStringLiteral("  latency          p50 %1 ms, p99 %2 ms, max %3 ms\n")
               .arg(percentile(0.50), 0, 'f', 2)
               .arg(percentile(0.99), 0, 'f', 2)
               .arg(percentile(1.0), 0, 'f', 2);
    out << QStringLiteral("  stored           %1 (rows in the log: %2)\n")
               .arg(counters.stored)
               .arg(storedRows);
    out << QStringLiteral("  duplicates       %1\n").arg(counters.duplicates);
    out << QStringLiteral("  rejected         %1 (401: %2)\n")
               .arg(counters.rejected())
               .arg(statuses.value(401));
    out << QStringLiteral("  answers          200: %1, 401: %2, other: %3\n")
               .arg(statuses.value(200))
               .arg(statuses.value(401))
               .arg(latencies.size() - statuses.value(200) - statuses.value(401));
    out.flush();

    // Counts only: every valid delivery answered 200, every distinct event stored exactly once, every
    // redelivery a duplicate, every bad signature refused and none stored.
    bool ok = true;
    const auto check = [&](bool condition, const char *what) {
        if (!condition) {
            std::fprintf(stderr, "FAILED: %s\n", what);
            ok = false;
        }
    };
    check(statuses.value(200) == valid, "every signed delivery answered 200");
    check(statuses.value(401) == bad, "every bad signature answered 401");
    check(counters.stored == distinct && storedRows == distinct, "each distinct event stored exactly once");
    check(counters.duplicates == redeliveries, "each redelivery counted as a duplicate");
    check(counters.badSignature == bad, "each bad signature counted");
    return ok ? 0 : 1;
}

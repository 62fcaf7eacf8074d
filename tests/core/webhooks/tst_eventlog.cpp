#include "core/store/eventlog.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ascend::store;

namespace {
LoggedEvent makeEvent(const QString &id, const QString &type = QStringLiteral("BUILD_UPLOAD_STATE_UPDATED"))
{
    LoggedEvent e;
    e.eventId = id;
    e.notificationType = QStringLiteral("buildUploadStateUpdated");
    e.eventType = type;
    e.instanceType = QStringLiteral("buildUploads");
    e.instanceId = QStringLiteral("u-") + id;
    e.eventTimestamp = QDateTime(QDate(2025, 5, 8), QTime(1, 2, 3, 160), Qt::UTC);
    e.receivedAt = QDateTime::currentDateTimeUtc();
    e.verdict = QStringLiteral("valid");
    e.body = QByteArray("{\"data\":{\"id\":\"") + id.toUtf8() + "\"}}";
    e.headers = {{"Content-Type", "application/json"}, {"x-apple-signature", "hmacsha256=00"}};
    return e;
}
} // namespace

class TstEventLog : public QObject {
    Q_OBJECT

private slots:
    void storesAndDeduplicates()
    {
        EventLog log;
        QString error;
        QVERIFY2(log.open(QStringLiteral(":memory:"), &error), qPrintable(error));
        qint64 seq = 0;
        QCOMPARE(log.append(makeEvent("a"), &error, &seq), AppendResult::Stored);
        QVERIFY(seq > 0);
        QCOMPARE(log.append(makeEvent("b"), &error), AppendResult::Stored);
        QCOMPARE(log.append(makeEvent("a"), &error), AppendResult::Duplicate);
        QCOMPARE(log.append(makeEvent("a"), &error), AppendResult::Duplicate);
        QCOMPARE(log.eventCount(), 2);
        const auto a = log.event(QStringLiteral("a"));
        QVERIFY(a);
        QCOMPARE(a->duplicates, 2);
        QCOMPARE(a->seq, seq);
        QCOMPARE(a->body, makeEvent("a").body);
        QCOMPARE(a->headers, makeEvent("a").headers);
        QCOMPARE(a->eventTimestamp, makeEvent("a").eventTimestamp);
        QCOMPARE(a->instanceId, QStringLiteral("u-a"));
    }

    // A ping has no event type, instance or timestamp: still a new event, never mistaken for a duplicate.
    void sparseEventIsStored()
    {
        EventLog log;
        QString error;
        QVERIFY(log.open(QStringLiteral(":memory:"), &error));
        LoggedEvent ping;
        ping.eventId = QStringLiteral("ping-1");
        ping.notificationType = QStringLiteral("webhookPingCreated");
        ping.ping = true;
        QCOMPARE(log.append(ping, &error), AppendResult::Stored);
        QCOMPARE(log.append(ping, &error), AppendResult::Duplicate);
        QCOMPARE(log.eventCount(), 1);
        LoggedEvent noId;
        QCOMPARE(log.append(noId, &error), AppendResult::Failed);
        QVERIFY(!error.isEmpty());
    }

    void queriesByTypeAndSequence()
    {
        EventLog log;
        QString error;
        QVERIFY(log.open(QStringLiteral(":memory:"), &error));
        QVERIFY(log.begin(&error));
        for (int i = 0; i < 10; ++i)
            log.append(makeEvent(QString::number(i), i % 2 ? QStringLiteral("X") : QStringLiteral("Y")),
                       &error);
        QVERIFY(log.commit(&error));
        QCOMPARE(log.events().size(), 10);
        EventQuery byType;
        byType.eventType = QStringLiteral("X");
        QCOMPARE(log.events(byType).size(), 5);
        EventQuery after;
        after.afterSeq = log.events().at(6).seq;
        QCOMPARE(log.events(after).size(), 3);
        EventQuery newest;
        newest.newestFirst = true;
        newest.limit = 2;
        const auto two = log.events(newest);
        QCOMPARE(two.size(), 2);
        QCOMPARE(two.first().eventId, QStringLiteral("9"));
    }

    void rollbackStoresNothing()
    {
        EventLog log;
        QString error;
        QVERIFY(log.open(QStringLiteral(":memory:"), &error));
        QVERIFY(log.begin(&error));
        log.append(makeEvent("z"), &error);
        log.rollback();
        QCOMPARE(log.eventCount(), 0);
    }

    void malformedAndCounters()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("events.sqlite"));
        QString error;
        {
            EventLog log;
            QVERIFY(log.open(path, &error));
            MalformedRecord record;
            record.reason = QStringLiteral("not JSON");
            record.body = "Hello";
            record.headers = {{"a", "b"}};
            QVERIFY(log.appendMalformed(record, &error));
            QVERIFY(log.addToCounter(QStringLiteral("rejected.signature"), 3, &error));
            QVERIFY(log.addToCounter(QStringLiteral("rejected.signature"), 2, &error));
            QVERIFY(log.append(makeEvent("kept"), &error) == AppendResult::Stored);
        }
        EventLog reopened;
        QVERIFY(reopened.open(path, &error));
        QCOMPARE(reopened.counter(QStringLiteral("rejected.signature")), 5);
        QCOMPARE(reopened.counter(QStringLiteral("never")), 0);
        QCOMPARE(reopened.malformedCount(), 1);
        QCOMPARE(reopened.malformed().first().body, QByteArray("Hello"));
        QCOMPARE(reopened.malformed().first().reason, QStringLiteral("not JSON"));
        QVERIFY(reopened.event(QStringLiteral("kept")));
    }
};

QTEST_GUILESS_MAIN(TstEventLog)
#include "tst_eventlog.moc"

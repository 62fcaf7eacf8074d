#include "core/webhooks/eventtypes.h"
#include "core/webhooks/notification.h"
#include "examples.h"

#include <QSet>
#include <QtTest>

using namespace ascend;
using namespace ascend::webhooks;

class TstNotification : public QObject {
    Q_OBJECT

private slots:
    void twelveEventTypesAreMapped()
    {
        QCOMPARE(eventTypes().size(), 12);
        QCOMPARE(asc::allNames<asc::WebhookEventType>().size(), 12);
        QSet<QString> notificationTypes;
        for (const EventTypeInfo &info : eventTypes()) {
            QCOMPARE(info.name, asc::toString(info.type));
            QVERIFY(!info.description.isEmpty());
            QVERIFY(!info.area.isEmpty());
            QVERIFY(eventTypeForNotificationType(info.notificationType) == info.type);
            notificationTypes.insert(info.notificationType);
        }
        QCOMPARE(notificationTypes.size(), 12);
        QCOMPARE(notificationTypeOf(asc::WebhookEventType::BUILD_UPLOAD_STATE_UPDATED),
                 QStringLiteral("buildUploadStateUpdated"));
        QCOMPARE(notificationTypeOf(asc::WebhookEventType::BUILD_BETA_DETAIL_EXTERNAL_BUILD_STATE_UPDATED),
                 QStringLiteral("buildBetaDetailExternalBuildStateUpdated"));
        QCOMPARE(notificationTypeOf(
                     asc::WebhookEventType::ALTERNATIVE_DISTRIBUTION_TERRITORY_AVAILABILITY_UPDATED),
                 QStringLiteral("alternativeDistributionTerritoryAvailabilityUpdated"));
        QVERIFY(!eventTypeForNotificationType(QStringLiteral("BUILD_UPLOAD_STATE_CHANGED")));
    }

    // Verbatim from Apple's webhook-events page.
    void documentedExamples_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("instanceType");
        QTest::addColumn<QString>("instanceId");
        QTest::addColumn<QString>("newState");
        QTest::addColumn<QDateTime>("timestamp");
        for (const DocumentedExample &e : ::documentedExamples())
            QTest::newRow(e.name) << e.body << int(e.type) << e.id << e.instanceType << e.instanceId
                                  << e.newState << e.timestamp;
    }

    void documentedExamples()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, type);
        QFETCH(QString, id);
        QFETCH(QString, instanceType);
        QFETCH(QString, instanceId);
        QFETCH(QString, newState);
        QFETCH(QDateTime, timestamp);
        QString error;
        const auto n = decodeNotification(body, &error);
        QVERIFY2(n, qPrintable(error));
        QVERIFY(n->eventType);
        QCOMPARE(int(*n->eventType), type);
        QCOMPARE(n->id, id);
        QCOMPARE(n->version, 1);
        QCOMPARE(n->instanceType, instanceType);
        QCOMPARE(n->instanceId, instanceId);
        QCOMPARE(n->newState(), newState);
        QCOMPARE(n->timestamp, timestamp);
        QVERIFY(!n->ping);
        if (n->eventType == asc::WebhookEventType::BETA_FEEDBACK_CRASH_SUBMISSION_CREATED)
            QVERIFY(n->instanceUrl.endsWith(
                QStringLiteral("/betaFeedbackCrashSubmissions/AK7UjG-qL5QxXf3gIOGjbpQ")));
        // The instance type documented for the event type matches.
        QCOMPARE(eventTypeInfo(*n->eventType).instanceType, instanceType);
    }

    void alternativeDistributionTerritory()
    {
        const QByteArray body =
            R"({"data":{"type":"alternativeDistributionTerritoryAvailabilityUpdated","id":"u1",
            "attributes":{"available":true,"territories":["FRA"],"appId":"123","timestamp":"2025-01-02T03:04:05Z"},
            "relationships":{"marketplaceApp":{"data":{"type":"apps","id":"123"}}}}})";
        QString error;
        const auto n = decodeNotification(body, &error);
        QVERIFY2(n, qPrintable(error));
        QVERIFY(n->eventType ==
                asc::WebhookEventType::ALTERNATIVE_DISTRIBUTION_TERRITORY_AVAILABILITY_UPDATED);
        QCOMPARE(n->appId, QStringLiteral("123"));
        QVERIFY(n->instanceType.isEmpty());
        QCOMPARE(n->timestamp, QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5), Qt::UTC));
        QCOMPARE(n->version, 0); // an absent version is not an error
    }

    void pingAndUnknownTypes()
    {
        QString error;
        const auto ping = decodeNotification(R"({"data":{"type":"webhookPingCreated","id":"p1","version":1,
            "attributes":{"timestamp":"2025-01-01T00:00:00Z"}}})",
                                             &error);
        QVERIFY(ping);
        QVERIFY(ping->ping);
        QVERIFY(!ping->eventType);
        const auto future =
            decodeNotification(R"({"data":{"type":"somethingNewUpdated","id":"n1"}})", &error);
        QVERIFY(future);
        QVERIFY(!future->eventType);
        QVERIFY(!future->ping);
    }

    void lenientTimestamps_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const QDate d(2025, 5, 8);
        QTest::newRow("2 digits") << "2025-05-08T01:29:36.16Z"
                                  << QDateTime(d, QTime(1, 29, 36, 160), Qt::UTC);
        QTest::newRow("6 digits") << "2025-05-08T01:29:36.541411Z"
                                  << QDateTime(d, QTime(1, 29, 36, 541), Qt::UTC);
        QTest::newRow("none") << "2025-05-08T01:29:45Z" << QDateTime(d, QTime(1, 29, 45), Qt::UTC);
        QTest::newRow("1 digit") << "2025-05-08T01:29:45.5Z" << QDateTime(d, QTime(1, 29, 45, 500), Qt::UTC);
        QTest::newRow("offset") << "2025-05-08T03:29:45.000+02:00" << QDateTime(d, QTime(1, 29, 45), Qt::UTC);
        QTest::newRow("offset no colon")
            << "2025-05-07T20:29:45-0500" << QDateTime(d, QTime(1, 29, 45), Qt::UTC);
        QTest::newRow("lowercase z") << "2025-05-08t01:29:45z" << QDateTime(d, QTime(1, 29, 45), Qt::UTC);
        QTest::newRow("garbage") << "yesterday" << QDateTime();
        QTest::newRow("bad month") << "2025-13-08T01:29:45Z" << QDateTime();
    }

    void lenientTimestamps()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const QDateTime parsed = parseLenientTimestamp(text);
        QCOMPARE(parsed.isValid(), expected.isValid());
        if (expected.isValid())
            QCOMPARE(parsed, expected);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArray("Hello, World!");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("no data") << QByteArray(R"({"type":"buildUploadStateUpdated","id":"x"})");
        QTest::newRow("data not object") << QByteArray(R"({"data":[]})");
        QTest::newRow("no type") << QByteArray(R"({"data":{"id":"x"}})");
        QTest::newRow("type not string") << QByteArray(R"({"data":{"type":3,"id":"x"}})");
        QTest::newRow("no id") << QByteArray(R"({"data":{"type":"buildUploadStateUpdated"}})");
        QTest::newRow("id not string") << QByteArray(R"({"data":{"type":"buildUploadStateUpdated","id":7}})");
        QTest::newRow("attributes not object")
            << QByteArray(R"({"data":{"type":"buildUploadStateUpdated","id":"x","attributes":[]}})");
        QTest::newRow("version not number")
            << QByteArray(R"({"data":{"type":"buildUploadStateUpdated","id":"x","version":"1"}})");
    }

    void malformed()
    {
        QFETCH(QByteArray, body);
        QString error;
        QVERIFY(!decodeNotification(body, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstNotification)
#include "tst_notification.moc"

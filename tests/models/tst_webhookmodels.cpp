// The webhook, delivery and event-timeline models under QAbstractItemModelTester, the form checks, and the
// listener controller receiving a real signed POST over loopback.

#include "core/store/eventlog.h"
#include "core/webhooks/signature.h"
#include "models/deliverylistmodel.h"
#include "models/eventlogmodel.h"
#include "models/listenercontroller.h"
#include "models/webhookform.h"
#include "models/webhooklistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace ascend;
using namespace ascend::models;

namespace {
api::Webhook makeWebhook(const QString &id, const QString &name, bool enabled = true)
{
    api::Webhook w;
    w.id = id;
    w.name = name;
    w.url = QStringLiteral("https://example.com/") + id;
    w.enabled = enabled;
    w.eventTypes = {asc::WebhookEventType::BUILD_UPLOAD_STATE_UPDATED,
                    asc::WebhookEventType::BETA_FEEDBACK_CRASH_SUBMISSION_CREATED};
    return w;
}

store::LoggedEvent makeEvent(const QString &id, const QString &type, int minute)
{
    store::LoggedEvent e;
    e.eventId = id;
    e.eventType = type;
    e.notificationType = QStringLiteral("x");
    e.instanceType = QStringLiteral("buildUploads");
    e.instanceId = QStringLiteral("u-") + id;
    e.receivedAt = QDateTime(QDate(2025, 1, 1), QTime(10, minute), Qt::UTC);
    e.verdict = QStringLiteral("valid");
    e.body = R"({"data":{"type":"x","id":")" + id.toUtf8() + R"("}})";
    e.headers = {{"Content-Type", "application/json"}};
    return e;
}
} // namespace

class TstWebhookModels : public QObject {
    Q_OBJECT

private slots:
    void webhookListModel()
    {
        WebhookListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWebhooks({makeWebhook("1", "alpha"), makeWebhook("2", "beta", false)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(WebhookListModel::ColumnCount));
        QCOMPARE(model.index(0, WebhookListModel::Name).data().toString(), QStringLiteral("alpha"));
        QCOMPARE(model.index(1, WebhookListModel::Enabled).data(WebhookListModel::RawDataRole).toBool(),
                 false);
        QCOMPARE(
            model.index(0, WebhookListModel::EventTypes).data(WebhookListModel::RawDataRole).toStringList(),
            (QStringList{"BUILD_UPLOAD_STATE_UPDATED", "BETA_FEEDBACK_CRASH_SUBMISSION_CREATED"}));
        QCOMPARE(model.index(1, 0).data(WebhookListModel::WebhookRole).value<api::Webhook>().url,
                 QStringLiteral("https://example.com/2"));
        model.upsert(makeWebhook("2", "beta renamed"));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, WebhookListModel::Name).data().toString(), QStringLiteral("beta renamed"));
        model.upsert(makeWebhook("3", "gamma"));
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.removeWebhook(QStringLiteral("1")));
        QVERIFY(!model.removeWebhook(QStringLiteral("1")));
        QCOMPARE(model.rowOfId(QStringLiteral("3")), 1);
        QVERIFY(!model.headerData(WebhookListModel::Url, Qt::Horizontal).toString().isEmpty());
    }

    void deliveryListModel()
    {
        DeliveryListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        api::WebhookDelivery ok;
        ok.id = QStringLiteral("d1");
        ok.createdDate = QDateTime(QDate(2025, 1, 2), QTime(3, 4), Qt::UTC);
        ok.sentDate = ok.createdDate.addSecs(1);
        ok.deliveryState = asc::WebhookDeliveryState::SUCCEEDED;
        ok.httpStatusCode = 200;
        ok.responseBody = QStringLiteral("stored");
        api::WebhookEvent event;
        event.ping = true;
        event.payload = QStringLiteral(R"({"data":{"type":"webhookPingCreated","id":"p"}})");
        ok.event = event;
        api::WebhookDelivery failed;
        failed.id = QStringLiteral("d2");
        failed.deliveryState = asc::WebhookDeliveryState::FAILED;
        failed.errorMessage = QStringLiteral("Connection refused");
        failed.redelivery = true;
        model.setDeliveries({ok, failed});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, DeliveryListModel::State).data().toString(), QStringLiteral("SUCCEEDED"));
        QCOMPARE(model.index(0, DeliveryListModel::HttpStatus).data(DeliveryListModel::RawDataRole).toInt(),
                 200);
        QCOMPARE(model.index(1, DeliveryListModel::HttpStatus).data(DeliveryListModel::RawDataRole).toInt(),
                 0);
        QCOMPARE(model.index(0, DeliveryListModel::Created).data(DeliveryListModel::RawDataRole).toDateTime(),
                 ok.createdDate);
        QCOMPARE(model.index(0, DeliveryListModel::Event).data().toString(), QStringLiteral("ping"));
        QVERIFY(
            model.index(0, 0).data(DeliveryListModel::PayloadRole).toString().contains(QStringLiteral("\n")));
        QVERIFY(model.index(0, 0)
                    .data(DeliveryListModel::ResponseRole)
                    .toString()
                    .startsWith(QStringLiteral("HTTP 200")));
        QCOMPARE(model.index(1, 0).data(DeliveryListModel::ResponseRole).toString(),
                 QStringLiteral("Connection refused"));
        QCOMPARE(model.index(1, 0).data(DeliveryListModel::StateRole).toString(), QStringLiteral("FAILED"));
        failed.deliveryState = asc::WebhookDeliveryState::SUCCEEDED;
        model.upsert(failed);
        QCOMPARE(model.index(1, DeliveryListModel::State).data().toString(), QStringLiteral("SUCCEEDED"));
        api::WebhookDelivery third;
        third.id = QStringLiteral("d3");
        model.upsert(third);
        QCOMPARE(model.rowCount(), 3);
    }

    void eventLogModelLoadsAppendsAndFilters()
    {
        store::EventLog log;
        QString error;
        QVERIFY(log.open(QStringLiteral(":memory:"), &error));
        log.append(makeEvent("a", "BUILD_UPLOAD_STATE_UPDATED", 1), &error);
        log.append(makeEvent("b", "BETA_FEEDBACK_CRASH_SUBMISSION_CREATED", 2), &error);
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.load(log);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, EventLogModel::Type).data().toString(),
                 QStringLiteral("BUILD_UPLOAD_STATE_UPDATED"));
        QCOMPARE(model.index(0, EventLogModel::Instance).data().toString(),
                 QStringLiteral("buildUploads/u-a"));
        QCOMPARE(model.index(0, 0).data(EventLogModel::InstanceIdRole).toString(), QStringLiteral("u-a"));
        QVERIFY(
            model.index(0, 0).data(EventLogModel::PrettyJsonRole).toString().contains(QStringLiteral("\n")));
        QCOMPARE(model.index(0, 0).data(EventLogModel::HeadersRole).toString(),
                 QStringLiteral("Content-Type: application/json"));
        QCOMPARE(model.index(1, EventLogModel::Received).data(EventLogModel::RawDataRole).toDateTime(),
                 QDateTime(QDate(2025, 1, 1), QTime(10, 2), Qt::UTC));

        store::LoggedEvent ping = makeEvent("c", QString(), 3);
        ping.ping = true;
        model.appendEvent(ping);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(2, EventLogModel::Type).data().toString(), QStringLiteral("ping"));
        model.noteDuplicate(QStringLiteral("a"));
        QCOMPARE(model.index(0, EventLogModel::Duplicates).data().toInt(), 1);
        model.appendEvent(
            makeEvent("a", "BUILD_UPLOAD_STATE_UPDATED", 4)); // same id: a duplicate, no new row
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, EventLogModel::Duplicates).data().toInt(), 2);

        // The timeline's type filter is a proxy on EventTypeRole.
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setFilterRole(EventLogModel::EventTypeRole);
        proxy.setFilterFixedString(QStringLiteral("BETA_FEEDBACK_CRASH_SUBMISSION_CREATED"));
        QCOMPARE(proxy.rowCount(), 1);
    }

    void formChecks()
    {
        api::WebhookFields fields;
        FormCheck check = checkWebhookForm(fields, true, false);
        QCOMPARE(check.errors.size(), 4);
        fields.name = QStringLiteral("n");
        fields.url = QStringLiteral("not a url");
        fields.eventTypes = QList<asc::WebhookEventType>{};
        fields.secret = QByteArray("s");
        check = checkWebhookForm(fields, true, false);
        QCOMPARE(check.errors.size(), 2); // URL and event types
        fields.url = QStringLiteral("http://127.0.0.1:8080/webhooks/asc");
        fields.eventTypes = QList<asc::WebhookEventType>{asc::WebhookEventType::BUILD_UPLOAD_STATE_UPDATED};
        check = checkWebhookForm(fields, true, false);
        QVERIFY(check.ok());
        QCOMPARE(check.warnings.size(), 1);                               // not HTTPS
        QVERIFY(checkWebhookForm(fields, true, true).warnings.isEmpty()); // the simulator account
        fields.url = QStringLiteral("https://hooks.example.com/asc");
        QVERIFY(checkWebhookForm(fields, true, false).warnings.isEmpty());
        // An update checks only what it changes.
        api::WebhookFields rename;
        rename.name = QStringLiteral("new");
        QVERIFY(checkWebhookForm(rename, false, false).ok());
        rename.name = QStringLiteral("  ");
        QVERIFY(!checkWebhookForm(rename, false, false).ok());

        const auto groups = eventTypeGroups();
        int total = 0;
        for (const auto &group : groups)
            total += int(group.types.size());
        QCOMPARE(total, 12);
        QCOMPARE(groups.size(), 5);
    }

    void listenerControllerReceivesASignedPost()
    {
        QTemporaryDir dir;
        ListenerController controller;
        QString error;
        QVERIFY2(controller.openLog(dir.filePath(QStringLiteral("events.sqlite")), &error),
                 qPrintable(error));
        QAbstractItemModelTester tester(controller.events(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!controller.start({}, &error)); // no secrets yet
        controller.setSecrets({"k"});
        QVERIFY2(controller.start({}, &error), qPrintable(error));
        QVERIFY(controller.isListening());
        QStringList uploads;
        controller.bus()->subscribe(asc::WebhookEventType::BUILD_UPLOAD_STATE_UPDATED, this,
                                    [&](const webhooks::Notification &n) { uploads << n.instanceId; });

        const QByteArray body = R"({"data":{"type":"buildUploadStateUpdated","id":"e-1","version":1,)"
                                R"("attributes":{"newState":"COMPLETE"},"relationships":{"instance":{"data":)"
                                R"({"type":"buildUploads","id":"u-9"}}}}})";
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, QUrl(controller.localUrl()).port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST /webhooks/asc HTTP/1.1\r\nHost: x\r\nx-apple-signature: " +
                     webhooks::signatureHeaderValue("k", body) +
                     "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QTRY_COMPARE_WITH_TIMEOUT(controller.events()->rowCount(), 1, 5000);
        QCOMPARE(uploads, QStringList{"u-9"});
        QCOMPARE(controller.counters().stored, 1);
        controller.stop();
        QVERIFY(!controller.isListening());

        // Reopening loads the timeline from disk.
        ListenerController again;
        QVERIFY(again.openLog(dir.filePath(QStringLiteral("events.sqlite")), &error));
        QCOMPARE(again.events()->rowCount(), 1);
    }
};

QTEST_MAIN(TstWebhookModels)
#include "tst_webhookmodels.moc"

// The typed webhook endpoints of core/api: every builder's method, path, query and body, and decoding of
// Webhook / WebhookDelivery / WebhookEvent resources (with the event taken from `included`).

#include "core/api/webhookdeliveries.h"
#include "core/api/webhooks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

QByteArray expectedPingBody();
QByteArray deliveriesDocument();

using namespace ascend;
using namespace ascend::api;

class TstWebhookRequests : public QObject {
    Q_OBJECT

private slots:
    void builders()
    {
        QCOMPARE(listAppWebhooks(QStringLiteral("123")).path, QStringLiteral("/v1/apps/123/webhooks"));
        QCOMPARE(listAppWebhooks(QStringLiteral("123")).method, QByteArray("GET"));
        QCOMPARE(getWebhook(QStringLiteral("w/1")).path, QStringLiteral("/v1/webhooks/w%2F1"));
        QCOMPARE(deleteWebhook(QStringLiteral("w1")).method, QByteArray("DELETE"));
        QCOMPARE(deleteWebhook(QStringLiteral("w1")).path, QStringLiteral("/v1/webhooks/w1"));

        WebhookFields fields;
        fields.name = QStringLiteral("CI");
        fields.url = QStringLiteral("https://hooks.example.com/asc");
        fields.enabled = true;
        fields.eventTypes = QList<asc::WebhookEventType>{asc::WebhookEventType::BUILD_UPLOAD_STATE_UPDATED};
        fields.secret = QByteArray("s3");
        QVERIFY(missingCreateFields(fields).isEmpty());
        const ApiRequest create = createWebhook(QStringLiteral("app1"), fields);
        QCOMPARE(create.method, QByteArray("POST"));
        QCOMPARE(create.path, QStringLiteral("/v1/webhooks"));
        const QJsonObject data = create.body->value("data").toObject();
        QCOMPARE(data.value("type").toString(), QStringLiteral("webhooks"));
        QVERIFY(!data.contains("id"));
        const QJsonObject attributes = data.value("attributes").toObject();
        QCOMPARE(attributes.value("name").toString(), QStringLiteral("CI"));
        QCOMPARE(attributes.value("enabled").toBool(), true);
        QCOMPARE(attributes.value("secret").toString(), QStringLiteral("s3"));
        QCOMPARE(attributes.value("eventTypes").toArray(), QJsonArray{"BUILD_UPLOAD_STATE_UPDATED"});
        QCOMPARE(data.value("relationships").toObject().value("app").toObject().value("data").toObject(),
                 (QJsonObject{{"type", "apps"}, {"id", "app1"}}));

        WebhookFields rename;
        rename.name = QStringLiteral("New");
        const ApiRequest update = updateWebhook(QStringLiteral("w1"), rename);
        QCOMPARE(update.method, QByteArray("PATCH"));
        QCOMPARE(update.path, QStringLiteral("/v1/webhooks/w1"));
        QCOMPARE(update.body->value("data").toObject().value("id").toString(), QStringLiteral("w1"));
        QCOMPARE(update.body->value("data").toObject().value("attributes").toObject(),
                 (QJsonObject{{"name", "New"}}));
        QCOMPARE(missingCreateFields(rename), (QStringList{"url", "enabled", "eventTypes", "secret"}));

        const ApiRequest ping = pingWebhook(QStringLiteral("w1"));
        QCOMPARE(ping.path, QStringLiteral("/v1/webhookPings"));
        QCOMPARE(QJsonDocument(*ping.body).toJson(QJsonDocument::Compact), expectedPingBody());

        const ApiRequest again = redeliver(QStringLiteral("d1"));
        QCOMPARE(again.path, QStringLiteral("/v1/webhookDeliveries"));
        QCOMPARE(again.body->value("data")
                     .toObject()
                     .value("relationships")
                     .toObject()
                     .value("template")
                     .toObject()
                     .value("data")
                     .toObject(),
                 (QJsonObject{{"type", "webhookDeliveries"}, {"id", "d1"}}));

        DeliveryFilter filter;
        filter.state = asc::WebhookDeliveryState::FAILED;
        filter.createdFrom = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
        filter.createdUntil = QDateTime(QDate(2025, 1, 8), QTime(0, 0), Qt::UTC);
        const ApiRequest list = listWebhookDeliveries(QStringLiteral("w1"), filter);
        QCOMPARE(list.path, QStringLiteral("/v1/webhooks/w1/deliveries"));
        QCOMPARE(list.query.value(QStringLiteral("filter[deliveryState]")), QStringLiteral("FAILED"));
        QCOMPARE(list.query.value(QStringLiteral("filter[createdDateGreaterThanOrEqualTo]")),
                 QStringLiteral("2025-01-01T00:00:00.000Z"));
        QCOMPARE(list.query.value(QStringLiteral("filter[createdDateLessThan]")),
                 QStringLiteral("2025-01-08T00:00:00.000Z"));
        QCOMPARE(list.query.value(QStringLiteral("include")), QStringLiteral("event"));
        QCOMPARE(list.query.value(QStringLiteral("limit")), QStringLiteral("200"));
        const DeliveryFilter recent = recentDeliveries(7);
        QVERIFY(qAbs(recent.createdFrom.secsTo(QDateTime::currentDateTimeUtc()) - 7 * 86400) < 60);
    }

    void decoding()
    {
        const QByteArray body = deliveriesDocument();
        QString error;
        const auto document = jsonapi::Document::parse(body, &error);
        QVERIFY2(document, qPrintable(error));
        const auto deliveries = WebhookDelivery::listFromDocument(*document);
        QCOMPARE(deliveries.size(), 1);
        const WebhookDelivery &d = deliveries.first();
        QVERIFY(d.deliveryState == asc::WebhookDeliveryState::FAILED);
        QCOMPARE(d.httpStatusCode, std::optional<int>(500));
        QCOMPARE(d.responseBody, QStringLiteral("oops"));
        QCOMPARE(d.requestUrl, QStringLiteral("https://e.com/h"));
        QVERIFY(d.redelivery);
        QCOMPARE(d.createdDate, QDateTime(QDate(2025, 5, 8), QTime(1, 29, 36, 160), Qt::UTC));
        QVERIFY(d.event);
        QVERIFY(d.event->eventType == asc::WebhookEventType::BUILD_UPLOAD_STATE_UPDATED);
        QCOMPARE(d.event->payload, QStringLiteral("the body as sent"));

        jsonapi::Resource webhook;
        webhook.type = QStringLiteral("webhooks");
        webhook.id = QStringLiteral("w1");
        webhook.attributes =
            QJsonObject{{"name", "n"},
                        {"url", "https://e.com"},
                        {"enabled", true},
                        {"eventTypes", QJsonArray{"BUILD_UPLOAD_STATE_UPDATED", "NOT_A_TYPE"}}};
        const auto decoded = Webhook::fromResource(webhook);
        QVERIFY(decoded);
        QCOMPARE(decoded->eventTypes.size(), 1);
        QVERIFY(decoded->enabled);
        webhook.type = QStringLiteral("apps");
        QVERIFY(!Webhook::fromResource(webhook));
    }
};

QTEST_GUILESS_MAIN(TstWebhookRequests)
#include "tst_webhookrequests.moc"

// The simulator's webhook endpoints and emitter, in-process, delivering over loopback to a real listener
// (core/webhooks), which verifies the signatures independently of the simulator's own signing code.

#include "core/store/eventlog.h"
#include "core/webhooks/eventtypes.h"
#include "core/webhooks/notification.h"
#include "core/webhooks/webhooklistener.h"
#include "sim/apikeys.h"
#include "sim/endpoints.h"
#include "sim/relations.h"
#include "sim/resourceendpoints.h"
#include "sim/seeder.h"
#include "sim/simevents.h"
#include "sim/simservice.h"
#include "sim/speccatalog.h"
#include "sim/store.h"
#include "sim/webhookemitter.h"
#include "sim/webhooksendpoints.h"
#include "testtokens.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

using namespace ascend;
using namespace ascend::sim;
using namespace ascend::sim::test;

namespace {
const QString KeyId = QStringLiteral("WEBHOOKK01");
const QString Issuer = QStringLiteral("0b3c7a3e-3a5e-4c54-9a7e-2b4d1f6f9a10");
const QByteArray Secret = "simulator webhook secret";

QJsonObject json(const http::HttpResponse &response)
{
    return QJsonDocument::fromJson(response.body).object();
}
QJsonObject data(const http::HttpResponse &response)
{
    return json(response).value(QLatin1String("data")).toObject();
}
QJsonObject firstError(const http::HttpResponse &response)
{
    return json(response).value(QLatin1String("errors")).toArray().first().toObject();
}
} // namespace

class TstSimWebhooks : public QObject {
    Q_OBJECT

    KeyPtr m_key;
    KeyRing m_keys;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ResourceEndpoints> m_resources;
    std::unique_ptr<WebhookEmitter> m_emitter;
    std::unique_ptr<SimService> m_service;
    SimEvents m_events;
    store::EventLog m_log;
    std::unique_ptr<webhooks::WebhookListener> m_listener;
    QString m_appId, m_otherAppId;

    http::HttpResponse call(const QByteArray &method, const QString &target, const QJsonObject &body = {})
    {
        http::HttpRequest r;
        r.method = method;
        r.target = target.toUtf8();
        const qsizetype question = target.indexOf(QLatin1Char('?'));
        r.path = question < 0 ? target : target.left(question);
        r.query = QUrlQuery(question < 0 ? QString() : target.mid(question + 1));
        r.headers.append({"Authorization", "Bearer " + teamToken(m_key, KeyId, Issuer)});
        if (!body.isEmpty())
            r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        r.bodyLength = r.body.size();
        return m_service->process(r);
    }

    QJsonObject webhookBody(const QString &appId, const QString &url, const QStringList &types,
                            bool enabled = true, const QString &name = QStringLiteral("hook"))
    {
        return QJsonObject{
            {"data", QJsonObject{{"type", "webhooks"},
                                 {"attributes", QJsonObject{{"enabled", enabled},
                                                            {"eventTypes", QJsonArray::fromStringList(types)},
                                                            {"name", name},
                                                            {"secret", QString::fromLatin1(Secret)},
                                                            {"url", url}}},
                                 {"relationships",
                                  QJsonObject{{"app", QJsonObject{{"data", QJsonObject{{"type", "apps"},
                                                                                       {"id", appId}}}}}}}}}};
    }

    QString createWebhook(const QStringList &types, bool enabled = true, QString url = {}, QString appId = {})
    {
        if (url.isEmpty())
            url = m_listener->localUrl();
        if (appId.isEmpty())
            appId = m_appId;
        const auto response =
            call("POST", QStringLiteral("/v1/webhooks"), webhookBody(appId, url, types, enabled));
        if (response.status != 201)
            qWarning() << response.body;
        return data(response).value(QLatin1String("id")).toString();
    }

    QJsonObject delivery(const QString &id)
    {
        const Record *record = m_store->find(QStringLiteral("webhookDeliveries"), id);
        return record ? record->attributes : QJsonObject();
    }

    bool waitFinished(const QString &deliveryId)
    {
        return QTest::qWaitFor(
            [&] {
                return delivery(deliveryId).value(QLatin1String("deliveryState")).toString() !=
                       QLatin1String("PENDING");
            },
            10000);
    }

private slots:
    void initTestCase()
    {
        m_key = generateKey();
        QString error;
        m_keys.add(ApiKey{KeyId, Issuer, false, crypto::loadPublicKeyPem(publicKeyPem(m_key), &error)});
        QVERIFY2(m_log.open(QStringLiteral(":memory:"), &error), qPrintable(error));
        m_listener = std::make_unique<webhooks::WebhookListener>(&m_log);
        m_listener->setSecrets({Secret});
        QVERIFY2(m_listener->start({}, &error), qPrintable(error));
    }

    void init()
    {
        m_store = std::make_unique<Store>();
        defineRelations(*m_store);
        seedStore(*m_store, SeedOptions{});
        const auto apps = m_store->all(QStringLiteral("apps"));
        QVERIFY(apps.size() >= 2);
        m_appId = apps.at(0)->id;
        m_otherAppId = apps.at(1)->id;
        m_resources = std::make_unique<ResourceEndpoints>(*m_store, SpecCatalog::embedded());
        m_emitter = std::make_unique<WebhookEmitter>(*m_store);
        m_emitter->setBaseUrl(QStringLiteral("http://127.0.0.1:1"));
        m_emitter->subscribeTo(m_events);
        m_service = std::make_unique<SimService>(*m_store, m_keys, SpecCatalog::embedded(), ServiceOptions{});
        registerAllEndpoints(m_service->router(), *m_resources);
        registerWebhookEndpoints(m_service->router(), *m_resources, *m_emitter);
        m_service->setBaseUrl(QStringLiteral("http://127.0.0.1:1"));
    }

    void cleanup()
    {
        m_service.reset();
        m_emitter.reset();
        m_resources.reset();
        m_store.reset();
    }

    void notificationTypesMatchTheDigest()
    {
        // Two implementations (client decoder and simulator emitter) must agree on all 12.
        for (const auto &info : webhooks::eventTypes())
            QCOMPARE(WebhookEmitter::notificationType(info.type), info.notificationType);
    }

    void crudNeverReturnsTheSecret()
    {
        const auto created = call(
            "POST", QStringLiteral("/v1/webhooks"),
            webhookBody(m_appId, QStringLiteral("https://example.com/hook"), {"BUILD_UPLOAD_STATE_UPDATED"}));
        QCOMPARE(created.status, 201);
        QVERIFY(!created.body.contains(Secret));
        const QJsonObject webhook = data(created);
        const QString id = webhook.value("id").toString();
        QCOMPARE(webhook.value("type").toString(), QStringLiteral("webhooks"));
        const QJsonObject attributes = webhook.value("attributes").toObject();
        QCOMPARE(attributes.value("url").toString(), QStringLiteral("https://example.com/hook"));
        QCOMPARE(attributes.value("enabled").toBool(), true);
        QVERIFY(!attributes.contains("secret"));

        const auto fetched = call("GET", QStringLiteral("/v1/webhooks/") + id);
        QCOMPARE(fetched.status, 200);
        QVERIFY(!fetched.body.contains(Secret));
        const auto list = call("GET", QStringLiteral("/v1/apps/%1/webhooks").arg(m_appId));
        QCOMPARE(list.status, 200);
        QCOMPARE(json(list).value("data").toArray().size(), 1);
        QCOMPARE(json(call("GET", QStringLiteral("/v1/apps/%1/webhooks").arg(m_otherAppId)))
                     .value("data")
                     .toArray()
                     .size(),
                 0);

        const QJsonObject patch{
            {"data", QJsonObject{{"type", "webhooks"},
                                 {"id", id},
                                 {"attributes", QJsonObject{{"name", "renamed"}, {"enabled", false}}}}}};
        const auto updated = call("PATCH", QStringLiteral("/v1/webhooks/") + id, patch);
        QCOMPARE(updated.status, 200);
        QCOMPARE(data(updated).value("attributes").toObject().value("name").toString(),
                 QStringLiteral("renamed"));
        QCOMPARE(data(updated).value("attributes").toObject().value("enabled").toBool(), false);
        QCOMPARE(data(updated).value("attributes").toObject().value("url").toString(),
                 QStringLiteral("https://example.com/hook"));

        QJsonObject wrongId = patch;
        wrongId["data"] = QJsonObject{{"type", "webhooks"}, {"id", "other"}};
        QCOMPARE(call("PATCH", QStringLiteral("/v1/webhooks/") + id, wrongId).status, 409);
        QCOMPARE(call("PATCH", QStringLiteral("/v1/webhooks/nope"), patch).status, 404);

        QCOMPARE(call("DELETE", QStringLiteral("/v1/webhooks/") + id).status, 204);
        QCOMPARE(call("GET", QStringLiteral("/v1/webhooks/") + id).status, 404);
        QCOMPARE(call("DELETE", QStringLiteral("/v1/webhooks/") + id).status, 404);
    }

    void createValidation_data()
    {
        QTest::addColumn<QString>("attribute");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("pointer");
        QTest::newRow("unknown event type")
            << "eventTypes" << QJsonValue(QJsonArray{"BUILD_UPLOAD_STATE_CHANGED"})
            << "/data/attributes/eventTypes";
        QTest::newRow("eventTypes missing")
            << "eventTypes" << QJsonValue(QJsonValue::Undefined) << "/data/attributes/eventTypes";
        QTest::newRow("bad url") << "url" << QJsonValue("not a url") << "/data/attributes/url";
        QTest::newRow("ftp url") << "url" << QJsonValue("ftp://example.com/") << "/data/attributes/url";
        QTest::newRow("secret missing")
            << "secret" << QJsonValue(QJsonValue::Undefined) << "/data/attributes/secret";
        QTest::newRow("enabled not bool") << "enabled" << QJsonValue("yes") << "/data/attributes/enabled";
    }

    void createValidation()
    {
        QFETCH(QString, attribute);
        QFETCH(QJsonValue, value);
        QFETCH(QString, pointer);
        QJsonObject body =
            webhookBody(m_appId, QStringLiteral("https://example.com/"), {"BUILD_UPLOAD_STATE_UPDATED"});
        QJsonObject d = body.value("data").toObject();
        QJsonObject attributes = d.value("attributes").toObject();
        if (value.isUndefined())
            attributes.remove(attribute);
        else
            attributes.insert(attribute, value);
        d.insert("attributes", attributes);
        body.insert("data", d);
        const auto response = call("POST", QStringLiteral("/v1/webhooks"), body);
        QCOMPARE(response.status, 409);
        QCOMPARE(firstError(response).value("source").toObject().value("pointer").toString(), pointer);
        QCOMPARE(m_store->count(QStringLiteral("webhooks")), 0);
    }

    void unknownAppIsNotFound()
    {
        const auto response = call("POST", QStringLiteral("/v1/webhooks"),
                                   webhookBody(QStringLiteral("999999"), QStringLiteral("https://e.com/"),
                                               {"BUILD_UPLOAD_STATE_UPDATED"}));
        QCOMPARE(response.status, 404);
    }

    void atMostTenPerApp()
    {
        for (int i = 0; i < MaxWebhooksPerApp; ++i)
            QVERIFY(!createWebhook({"BUILD_UPLOAD_STATE_UPDATED"}, true,
                                   QStringLiteral("https://e.com/%1").arg(i))
                         .isEmpty());
        const auto eleventh =
            call("POST", QStringLiteral("/v1/webhooks"),
                 webhookBody(m_appId, QStringLiteral("https://e.com/x"), {"BUILD_UPLOAD_STATE_UPDATED"}));
        QCOMPARE(eleventh.status, 409);
        QCOMPARE(m_store->count(QStringLiteral("webhooks")), MaxWebhooksPerApp);
        // Another app still may.
        QVERIFY(!createWebhook({"BUILD_UPLOAD_STATE_UPDATED"}, true, QStringLiteral("https://e.com/y"),
                               m_otherAppId)
                     .isEmpty());
    }

    void pingIsDeliveredAndVerified()
    {
        const QString webhookId = createWebhook({"BUILD_UPLOAD_STATE_UPDATED"});
        QSignalSpy received(m_listener.get(), &webhooks::WebhookListener::eventReceived);
        const QJsonObject body{
            {"data",
             QJsonObject{{"type", "webhookPings"},
                         {"relationships",
                          QJsonObject{{"webhook", QJsonObject{{"data", QJsonObject{{"type", "webhooks"},
                                                                                   {"id", webhookId}}}}}}}}}};
        const auto response = call("POST", QStringLiteral("/v1/webhookPings"), body);
        QCOMPARE(response.status, 201);
        QCOMPARE(data(response).value("type").toString(), QStringLiteral("webhookPings"));
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);
        const auto event = received.first().first().value<webhooks::ReceivedEvent>();
        QVERIFY(event.notification.ping);

        // The delivery is recorded as SUCCEEDED with the listener's answer.
        const auto list =
            call("GET", QStringLiteral("/v1/webhooks/%1/deliveries?include=event").arg(webhookId));
        QCOMPARE(list.status, 200);
        const QJsonArray deliveries = json(list).value("data").toArray();
        QCOMPARE(deliveries.size(), 1);
        const QString deliveryId = deliveries.first().toObject().value("id").toString();
        QVERIFY(waitFinished(deliveryId));
        const auto listed =
            call("GET", QStringLiteral("/v1/webhooks/%1/deliveries?include=event").arg(webhookId));
        const QJsonObject attributes =
            json(listed).value("data").toArray().first().toObject().value("attributes").toObject();
        QCOMPARE(attributes.value("deliveryState").toString(), QStringLiteral("SUCCEEDED"));
        QCOMPARE(attributes.value("response").toObject().value("httpStatusCode").toInt(), 200);
        QVERIFY(!attributes.value("sentDate").toString().isEmpty());
        QCOMPARE(attributes.value("redelivery").toBool(), false);
        const QJsonObject included = json(listed).value("included").toArray().first().toObject();
        QCOMPARE(included.value("type").toString(), QStringLiteral("webhookEvents"));
        QCOMPARE(included.value("attributes").toObject().value("ping").toBool(), true);
        QCOMPARE(included.value("attributes").toObject().value("payload").toString().toUtf8(),
                 event.logged.body);
    }

    void simEventsReachSubscribedEnabledWebhooksOnly()
    {
        const QString subscribed =
            createWebhook({"BUILD_UPLOAD_STATE_UPDATED", "BETA_FEEDBACK_CRASH_SUBMISSION_CREATED"});
        createWebhook({"BUILD_UPLOAD_STATE_UPDATED"}, false);           // disabled
        createWebhook({"BETA_FEEDBACK_SCREENSHOT_SUBMISSION_CREATED"}); // other type
        createWebhook({"BUILD_UPLOAD_STATE_UPDATED"}, true, m_listener->localUrl(),
                      m_otherAppId); // other app
        QSignalSpy received(m_listener.get(), &webhooks::WebhookListener::eventReceived);
        QSignalSpy finished(m_emitter.get(), &WebhookEmitter::deliveryFinished);
        m_events.publish(SimEvent{asc::WebhookEventType::BUILD_UPLOAD_STATE_UPDATED, m_appId,
                                  QStringLiteral("buildUploads"), QStringLiteral("upload-1"),
                                  QJsonObject{{"newState", "COMPLETE"}}});
        QVERIFY(finished.wait(10000));
        QTest::qWait(200); // nothing else may arrive
        QCOMPARE(finished.size(), 1);
        QCOMPARE(received.size(), 1);
        const auto event = received.first().first().value<webhooks::ReceivedEvent>();
        const webhooks::Notification &n = event.notification;
        QVERIFY(n.eventType == asc::WebhookEventType::BUILD_UPLOAD_STATE_UPDATED);
        QCOMPARE(n.notificationType, QStringLiteral("buildUploadStateUpdated"));
        QCOMPARE(n.version, 1);
        QCOMPARE(n.instanceType, QStringLiteral("buildUploads"));
        QCOMPARE(n.instanceId, QStringLiteral("upload-1"));
        QCOMPARE(n.instanceUrl, QStringLiteral("http://127.0.0.1:1/v1/buildUploads/upload-1"));
        QCOMPARE(n.newState(), QStringLiteral("COMPLETE"));
        QVERIFY(n.timestamp.isValid());
        QVERIFY(!QUuid::fromString(n.id).isNull());
        const Record *webhook = m_store->find(QStringLiteral("webhooks"), subscribed);
        QCOMPARE(m_store->related(*webhook, QStringLiteral("deliveries")).size(), 1);
    }

    void failuresAreRecordedWithoutRetry()
    {
        // A port nobody listens on, and the listener with a secret it does not know.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 closedPort = probe.serverPort();
        probe.close();
        const QString unreachable = createWebhook({"BUILD_UPLOAD_STATE_UPDATED"}, true,
                                                  QStringLiteral("http://127.0.0.1:%1/x").arg(closedPort));
        const QJsonObject body = webhookBody(m_appId, m_listener->localUrl(), {"BUILD_UPLOAD_STATE_UPDATED"});
        QJsonObject d = body.value("data").toObject();
        QJsonObject attributes = d.value("attributes").toObject();
        attributes.insert("secret", "a secret the listener does not have");
        d.insert("attributes", attributes);
        QCOMPARE(call("POST", QStringLiteral("/v1/webhooks"), QJsonObject{{"data", d}}).status, 201);

        QSignalSpy finished(m_emitter.get(), &WebhookEmitter::deliveryFinished);
        const QStringList ids =
            m_emitter->emitEvent(SimEvent{asc::WebhookEventType::BUILD_UPLOAD_STATE_UPDATED,
                                          m_appId,
                                          QStringLiteral("buildUploads"),
                                          QStringLiteral("u2"),
                                          {}});
        QCOMPARE(ids.size(), 2);
        for (const QString &id : ids)
            QVERIFY(waitFinished(id));
        QTest::qWait(300);
        QCOMPARE(finished.size(), 2); // no retries
        int failedWith401 = 0, failedUnreachable = 0;
        for (const QString &id : ids) {
            const QJsonObject a = delivery(id);
            QCOMPARE(a.value("deliveryState").toString(), QStringLiteral("FAILED"));
            QVERIFY(!a.value("errorMessage").toString().isEmpty());
            if (a.value("response").toObject().value("httpStatusCode").toInt() == 401)
                ++failedWith401;
            else if (!a.contains("response"))
                ++failedUnreachable;
        }
        QCOMPARE(failedWith401, 1);
        QCOMPARE(failedUnreachable, 1);
        // Filter by state and date.
        const auto failed =
            call("GET",
                 QStringLiteral("/v1/webhooks/%1/deliveries?filter[deliveryState]=FAILED").arg(unreachable));
        QCOMPARE(json(failed).value("data").toArray().size(), 1);
        const auto succeeded = call(
            "GET",
            QStringLiteral("/v1/webhooks/%1/deliveries?filter[deliveryState]=SUCCEEDED").arg(unreachable));
        QCOMPARE(json(succeeded).value("data").toArray().size(), 0);
        const QString tomorrow = QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODateWithMs);
        const QString yesterday = QDateTime::currentDateTimeUtc().addDays(-1).toString(Qt::ISODateWithMs);
        QCOMPARE(json(call("GET", QStringLiteral(
                                      "/v1/webhooks/%1/deliveries?filter[createdDateGreaterThanOrEqualTo]=%2")
                                      .arg(unreachable, tomorrow)))
                     .value("data")
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(json(call("GET", QStringLiteral("/v1/webhooks/%1/"
                                                 "deliveries?filter[createdDateGreaterThanOrEqualTo]=%2&"
                                                 "filter[createdDateLessThan]=%3")
                                      .arg(unreachable, yesterday, tomorrow)))
                     .value("data")
                     .toArray()
                     .size(),
                 1);
        QCOMPARE(call("GET", QStringLiteral("/v1/webhooks/%1/deliveries?filter[createdDateLessThan]=soon")
                                 .arg(unreachable))
                     .status,
                 400);
    }

    void redeliveryResendsTheSameEvent()
    {
        const QString webhookId = createWebhook({"BETA_FEEDBACK_CRASH_SUBMISSION_CREATED"});
        const QStringList first =
            m_emitter->emitEvent(SimEvent{asc::WebhookEventType::BETA_FEEDBACK_CRASH_SUBMISSION_CREATED,
                                          m_appId,
                                          QStringLiteral("betaFeedbackCrashSubmissions"),
                                          QStringLiteral("crash-1"),
                                          {}});
        QCOMPARE(first.size(), 1);
        QVERIFY(waitFinished(first.first()));
        const qint64 duplicatesBefore = m_listener->counters().duplicates;
        const QJsonObject body{
            {"data",
             QJsonObject{
                 {"type", "webhookDeliveries"},
                 {"relationships",
                  QJsonObject{{"template", QJsonObject{{"data", QJsonObject{{"type", "webhookDeliveries"},
                                                                            {"id", first.first()}}}}}}}}}};
        const auto response = call("POST", QStringLiteral("/v1/webhookDeliveries"), body);
        QCOMPARE(response.status, 201);
        const QString again = data(response).value("id").toString();
        QVERIFY(again != first.first());
        QCOMPARE(data(response).value("attributes").toObject().value("redelivery").toBool(), true);
        QVERIFY(waitFinished(again));
        QCOMPARE(delivery(again).value("deliveryState").toString(), QStringLiteral("SUCCEEDED"));
        // The listener saw the same data.id again: a duplicate, stored once.
        QCOMPARE(m_listener->counters().duplicates, duplicatesBefore + 1);
        const Record *webhook = m_store->find(QStringLiteral("webhooks"), webhookId);
        QCOMPARE(m_store->related(*webhook, QStringLiteral("deliveries")).size(), 2);

        QJsonObject unknown = body;
        unknown["data"] = QJsonObject{
            {"type", "webhookDeliveries"},
            {"relationships",
             QJsonObject{{"template", QJsonObject{{"data", QJsonObject{{"type", "webhookDeliveries"},
                                                                       {"id", "nope"}}}}}}}};
        QCOMPARE(call("POST", QStringLiteral("/v1/webhookDeliveries"), unknown).status, 404);
    }
};

QTEST_GUILESS_MAIN(TstSimWebhooks)
#include "tst_simwebhooks.moc"

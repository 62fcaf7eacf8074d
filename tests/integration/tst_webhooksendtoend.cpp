// Webhooks end to end over loopback: the real ascend-sim binary delivers signed notifications to the
// listener (in-process here, and the real `ascendctl listen` binary), which verifies them, stores them
// durably and hands them on; deliveries and redeliveries are read back through the API and the CLI.

#include "core/api/apiclient.h"
#include "core/api/apps.h"
#include "core/api/webhookdeliveries.h"
#include "core/api/webhooks.h"
#include "core/auth/filesecretstore.h"
#include "core/store/eventlog.h"
#include "core/webhooks/eventbus.h"
#include "core/webhooks/webhooklistener.h"
#include "models/listenercontroller.h"
#include "models/webhookscontroller.h"
#include "simfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ascend;

namespace {
const QByteArray Secret = "end-to-end webhook secret";
}

class TstWebhooksEndToEnd : public QObject {
    Q_OBJECT

    testing::SimFixture m_sim;
    QTemporaryDir m_dir;
    QString m_appId;
    QString m_bundleId;
    QString m_keyPath;
    QString m_recordPath;

    std::unique_ptr<api::ApiReply> call(const api::ApiRequest &request)
    {
        std::unique_ptr<api::ApiReply> reply(m_sim.client()->send(request));
        QSignalSpy finished(reply.get(), &api::ApiReply::finished);
        if (!reply->isFinished())
            finished.wait(30000);
        return reply;
    }

    QString createWebhook(const QString &url, const QList<asc::WebhookEventType> &types)
    {
        api::WebhookFields fields;
        fields.name = QStringLiteral("end to end");
        fields.url = url;
        fields.enabled = true;
        fields.eventTypes = types;
        fields.secret = Secret;
        const auto reply = call(api::createWebhook(m_appId, fields));
        if (reply->httpStatus() != 201) {
            qWarning() << reply->rawBody();
            return {};
        }
        return reply->document().resource()->id;
    }

    QList<api::WebhookDelivery> deliveries(const QString &webhookId)
    {
        const auto reply = call(api::listWebhookDeliveries(webhookId, api::recentDeliveries()));
        return api::WebhookDelivery::listFromDocument(reply->document());
    }

    QProcessEnvironment cliEnvironment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        const auto &info = m_sim.info();
        environment.insert(QStringLiteral("ASCEND_SECRET_STORE"), QStringLiteral("file"));
        environment.insert(QStringLiteral("ASCEND_CONFIG_DIR"), m_dir.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("ASC_KEY_ID"), info.keyId);
        environment.insert(QStringLiteral("ASC_ISSUER_ID"), info.issuerId);
        environment.insert(QStringLiteral("ASC_PRIVATE_KEY_PATH"), m_keyPath);
        environment.insert(QStringLiteral("ASC_BASE_URL"), info.baseUrl);
        environment.insert(QStringLiteral("LISTENER_SECRET"), QString::fromLatin1(Secret));
        return environment;
    }

    QPair<int, QByteArray> ascendctl(const QStringList &arguments)
    {
        QProcess process;
        process.setProcessEnvironment(cliEnvironment());
        process.start(QStringLiteral(ASCENDCTL_BINARY), arguments);
        process.closeWriteChannel();
        if (!process.waitForFinished(60000))
            process.kill();
        const QByteArray err = process.readAllStandardError();
        if (process.exitCode() != 0)
            qWarning() << arguments << err;
        // Secrets never reach the output.
        const QByteArray out = process.readAllStandardOutput();
        if (out.contains(Secret) || err.contains(Secret))
            qFatal("ascendctl printed a webhook secret");
        return {process.exitCode(), out};
    }

private slots:
    void initTestCase()
    {
        m_recordPath = m_dir.filePath(QStringLiteral("sim-record.jsonl"));
        QVERIFY(m_sim.start({QStringLiteral("--record"), m_recordPath}));
        const auto apps = call(api::listApps());
        QVERIFY(apps->ok());
        const auto app = api::App::fromResource(apps->document().resources().first());
        m_appId = app->id;
        m_bundleId = app->bundleId;
        m_keyPath = m_dir.filePath(QStringLiteral("AuthKey.p8"));
        QFile key(m_keyPath);
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(m_sim.info().privateKeyPem);
    }

    void pingReachesTheListenerVerified()
    {
        store::EventLog log;
        QString error;
        QVERIFY2(log.open(m_dir.filePath(QStringLiteral("inprocess.sqlite")), &error), qPrintable(error));
        webhooks::WebhookListener listener(&log);
        listener.setSecrets({Secret});
        QVERIFY2(listener.start({}, &error), qPrintable(error));
        webhooks::EventBus bus;
        connect(&listener, &webhooks::WebhookListener::eventReceived, &bus,
                [&bus](const webhooks::ReceivedEvent &event) { bus.publish(event.notification); });
        QStringList pings;
        bus.subscribePings(this, [&](const webhooks::Notification &n) { pings << n.id; });

        const QString webhookId =
            createWebhook(listener.localUrl(), {asc::WebhookEventType::BUILD_UPLOAD_STATE_UPDATED});
        QVERIFY(!webhookId.isEmpty());
        const auto ping = call(api::pingWebhook(webhookId));
        QCOMPARE(ping->httpStatus(), 201);
        QTRY_COMPARE_WITH_TIMEOUT(pings.size(), 1, 15000);
        QVERIFY(log.event(pings.first()));
        QCOMPARE(log.event(pings.first())->verdict, QStringLiteral("valid"));

        // ASC's record of the attempt: SUCCEEDED with our 200 and the payload we stored.
        QList<api::WebhookDelivery> list;
        QTRY_VERIFY_WITH_TIMEOUT(
            (list = deliveries(webhookId),
             !list.isEmpty() && list.first().deliveryState == asc::WebhookDeliveryState::SUCCEEDED),
            15000);
        const api::WebhookDelivery &delivery = list.first();
        QCOMPARE(delivery.httpStatusCode, std::optional<int>(200));
        QVERIFY(delivery.event);
        QVERIFY(delivery.event->ping);
        QCOMPARE(delivery.event->payload.toUtf8(), log.event(pings.first())->body);
        QCOMPARE(delivery.requestUrl, listener.localUrl());

        // Redelivery: the same event again, counted as a duplicate, stored once.
        const auto again = call(api::redeliver(delivery.id));
        QCOMPARE(again->httpStatus(), 201);
        QTRY_COMPARE_WITH_TIMEOUT(listener.counters().duplicates, 1, 15000);
        QCOMPARE(log.eventCount(), 1);
        QCOMPARE(pings.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(deliveries(webhookId).size() == 2, 15000);

        // A wrong secret on the webhook: the listener refuses, ASC records FAILED 401.
        api::WebhookFields change;
        change.secret = QByteArray("rotated on ASC but not here");
        QCOMPARE(call(api::updateWebhook(webhookId, change))->httpStatus(), 200);
        QCOMPARE(call(api::pingWebhook(webhookId))->httpStatus(), 201);
        QTRY_COMPARE_WITH_TIMEOUT(listener.counters().badSignature, 1, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const auto &d : deliveries(webhookId))
                    if (d.deliveryState == asc::WebhookDeliveryState::FAILED && d.httpStatusCode == 401)
                        return true;
                return false;
            }(),
            15000);
        QCOMPARE(log.eventCount(), 1);
        QCOMPARE(call(api::deleteWebhook(webhookId))->httpStatus(), 204);
    }

    void ascendctlListenAndWebhooksCommands()
    {
        const QString db = m_dir.filePath(QStringLiteral("cli-events.sqlite"));
        QProcess listen;
        listen.setProcessEnvironment(cliEnvironment());
        listen.start(QStringLiteral(ASCENDCTL_BINARY),
                     {QStringLiteral("listen"), QStringLiteral("--port"), QStringLiteral("0"),
                      QStringLiteral("--secret-env"), QStringLiteral("LISTENER_SECRET"),
                      QStringLiteral("--db"), db});
        QVERIFY(listen.waitForStarted());
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += listen.readAllStandardError(), err.contains("listening on http")),
                                 15000);
        const int at = err.indexOf("listening on http") + 13;
        const QString url = QString::fromUtf8(err.mid(at, err.indexOf(' ', at) - at));
        QVERIFY2(url.startsWith(QStringLiteral("http://127.0.0.1:")), qPrintable(url));

        const QString secretFile = m_dir.filePath(QStringLiteral("secret.txt"));
        QFile file(secretFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(Secret + '\n');
        file.close();
        const auto created =
            ascendctl({QStringLiteral("--json"), QStringLiteral("webhooks"), QStringLiteral("create"),
                       QStringLiteral("--app"), m_bundleId, QStringLiteral("--name"), QStringLiteral("cli"),
                       QStringLiteral("--url"), url, QStringLiteral("--events"),
                       QStringLiteral("BUILD_UPLOAD_STATE_UPDATED,BETA_FEEDBACK_CRASH_SUBMISSION_CREATED"),
                       QStringLiteral("--secret-file"), secretFile});
        QCOMPARE(created.first, 0);
        const QJsonObject webhook = QJsonDocument::fromJson(created.second).object();
        const QString webhookId = webhook.value("id").toString();
        QVERIFY(!webhookId.isEmpty());
        QCOMPARE(webhook.value("attributes").toObject().value("eventTypes").toArray().size(), 2);

        const auto listed = ascendctl(
            {QStringLiteral("webhooks"), QStringLiteral("list"), QStringLiteral("--app"), m_bundleId});
        QCOMPARE(listed.first, 0);
        QVERIFY(listed.second.contains(webhookId.toUtf8()));

        QCOMPARE(ascendctl({QStringLiteral("webhooks"), QStringLiteral("ping"), webhookId}).first, 0);
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += listen.readAllStandardOutput(), out.contains('\n')), 15000);
        const QJsonObject line = QJsonDocument::fromJson(out.left(out.indexOf('\n'))).object();
        QCOMPARE(line.value("ping").toBool(), true);
        QCOMPARE(line.value("type").toString(), QStringLiteral("webhookPingCreated"));
        const QString eventId = line.value("id").toString();

        QJsonArray deliveriesJson;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto run = ascendctl({QStringLiteral("--json"), QStringLiteral("webhooks"),
                                            QStringLiteral("deliveries"), webhookId,
                                            QStringLiteral("--state"), QStringLiteral("SUCCEEDED")});
                deliveriesJson = QJsonDocument::fromJson(run.second).object().value("data").toArray();
                return run.first == 0 && deliveriesJson.size() == 1;
            }(),
            15000);
        const QString deliveryId = deliveriesJson.first().toObject().value("id").toString();
        QCOMPARE(ascendctl({QStringLiteral("webhooks"), QStringLiteral("redeliver"), deliveryId}).first, 0);

        // Kill the listener outright, then read the log from another process.
        QTest::qWait(1000);
        listen.kill();
        QVERIFY(listen.waitForFinished());
        const auto events = ascendctl({QStringLiteral("--json"), QStringLiteral("events"),
                                       QStringLiteral("list"), QStringLiteral("--db"), db});
        QCOMPARE(events.first, 0);
        const QJsonArray stored = QJsonDocument::fromJson(events.second).array();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().toObject().value("id").toString(), eventId);
        QCOMPARE(stored.first().toObject().value("duplicates").toInt(), 1);
        QCOMPARE(stored.first().toObject().value("signature").toString(), QStringLiteral("valid"));
        const auto filtered =
            ascendctl({QStringLiteral("--json"), QStringLiteral("events"), QStringLiteral("list"),
                       QStringLiteral("--db"), db, QStringLiteral("--type"),
                       QStringLiteral("BUILD_UPLOAD_STATE_UPDATED")});
        QCOMPARE(QJsonDocument::fromJson(filtered.second).array().size(), 0);

        QCOMPARE(ascendctl({QStringLiteral("webhooks"), QStringLiteral("delete"), webhookId}).first, 0);
    }

    void secretsAreNeverCommandLineArguments()
    {
        // There is no option that takes a secret value.
        const auto help =
            ascendctl({QStringLiteral("webhooks"), QStringLiteral("create"), QStringLiteral("--help")});
        QVERIFY(help.second.contains("--secret-file"));
        QVERIFY(!help.second.contains("--secret "));
        const auto usage =
            ascendctl({QStringLiteral("listen"), QStringLiteral("--port"), QStringLiteral("0")});
        QCOMPARE(usage.first, 2);
    }

    // Every exchange with the simulator in this test, checked against the spec's response schemas.
    void recordedExchangesMatchTheSpec()
    {
        QFile record(m_recordPath);
        QTRY_VERIFY_WITH_TIMEOUT(record.size() > 0, 5000);
        QVERIFY(record.open(QIODevice::ReadOnly));
        const QByteArray content = record.readAll();
        for (const char *path : {"/v1/webhooks", "/v1/webhookPings", "/v1/webhookDeliveries", "/deliveries"})
            QVERIFY2(content.contains(path), path);
        // No response ever carries a secret (request bodies are the recorder's business).
        for (const QByteArray &line : content.split('\n')) {
            const QJsonObject exchange = QJsonDocument::fromJson(line).object();
            QVERIFY(!QJsonDocument(exchange.value("responseBody").toObject()).toJson().contains(Secret));
        }
        QProcess validator;
        validator.setProcessChannelMode(QProcess::MergedChannels);
        validator.start(QStringLiteral("/usr/bin/python3"),
                        {QStringLiteral(ASCEND_RECORD_VALIDATOR), QStringLiteral("--spec"),
                         QStringLiteral(ASCEND_SPEC_FILE), QStringLiteral("--record"), m_recordPath});
        QVERIFY(validator.waitForStarted());
        QVERIFY(validator.waitForFinished(120000));
        const QByteArray output = validator.readAll();
        QVERIFY2(validator.exitStatus() == QProcess::NormalExit && validator.exitCode() == 0,
                 output.constData());
    }
};

QTEST_GUILESS_MAIN(TstWebhooksEndToEnd)
#include "tst_webhooksendtoend.moc"

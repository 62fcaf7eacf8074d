#include "core/webhooks/eventbus.h"

#include <QtTest>

using namespace ascend;
using namespace ascend::webhooks;

class TstEventBus : public QObject {
    Q_OBJECT

private slots:
    void deliversByType()
    {
        EventBus bus;
        QObject uploads, feedback;
        QStringList uploadIds, feedbackIds, all, pings;
        bus.subscribe(asc::WebhookEventType::BUILD_UPLOAD_STATE_UPDATED, &uploads,
                      [&](const Notification &n) { uploadIds << n.instanceId; });
        bus.subscribe(asc::WebhookEventType::BETA_FEEDBACK_CRASH_SUBMISSION_CREATED, &feedback,
                      [&](const Notification &n) { feedbackIds << n.instanceId; });
        bus.subscribeAll(&uploads, [&](const Notification &n) { all << n.id; });
        bus.subscribePings(&uploads, [&](const Notification &n) { pings << n.id; });

        Notification upload;
        upload.id = QStringLiteral("e1");
        upload.eventType = asc::WebhookEventType::BUILD_UPLOAD_STATE_UPDATED;
        upload.instanceId = QStringLiteral("u1");
        Notification crash;
        crash.id = QStringLiteral("e2");
        crash.eventType = asc::WebhookEventType::BETA_FEEDBACK_CRASH_SUBMISSION_CREATED;
        crash.instanceId = QStringLiteral("c1");
        Notification ping;
        ping.id = QStringLiteral("e3");
        ping.ping = true;
        bus.publish(upload);
        bus.publish(crash);
        bus.publish(ping);
        QCOMPARE(uploadIds, QStringList{"u1"});
        QCOMPARE(feedbackIds, QStringList{"c1"});
        QCOMPARE(all, (QStringList{"e1", "e2", "e3"}));
        QCOMPARE(pings, QStringList{"e3"});
    }

    void subscriptionEndsWithContext()
    {
        EventBus bus;
        int calls = 0;
        {
            QObject context;
            bus.subscribeAll(&context, [&](const Notification &) { ++calls; });
            bus.publish(Notification{});
        }
        bus.publish(Notification{});
        QCOMPARE(calls, 1);
    }
};

QTEST_GUILESS_MAIN(TstEventBus)
#include "tst_eventbus.moc"

#pragma once
// Hands verified notifications to the parts of the application that care about one event type
// (the uploads pane for BUILD_UPLOAD_STATE_UPDATED, TestFlight for external build state, the feedback inbox
// for new feedback). It only distributes; subscribers fetch whatever they need themselves.

#include "core/webhooks/notification.h"

#include <QObject>
#include <functional>

namespace ascend::webhooks {

class EventBus : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const Notification &)>;

    explicit EventBus(QObject *parent = nullptr);

    // callback runs in context's thread for every published event of that type, until context is destroyed
    // or the returned connection is disconnected.
    QMetaObject::Connection subscribe(asc::WebhookEventType type, QObject *context, Callback callback);
    // Every event, pings and unknown types included.
    QMetaObject::Connection subscribeAll(QObject *context, Callback callback);
    // Only pings (data.type "webhookPingCreated").
    QMetaObject::Connection subscribePings(QObject *context, Callback callback);

public slots:
    void publish(const ascend::webhooks::Notification &notification);

signals:
    void published(const ascend::webhooks::Notification &notification);
};

} // namespace ascend::webhooks

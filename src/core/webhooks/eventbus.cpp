#include "core/webhooks/eventbus.h"

namespace ascend::webhooks {

EventBus::EventBus(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ascend::webhooks::Notification>();
}

QMetaObject::Connection EventBus::subscribe(asc::WebhookEventType type, QObject *context, Callback callback)
{
    return connect(this, &EventBus::published, context,
                   [type, callback = std::move(callback)](const Notification &notification) {
                       if (notification.eventType == type)
                           callback(notification);
                   });
}

QMetaObject::Connection EventBus::subscribeAll(QObject *context, Callback callback)
{
    return connect(
        this, &EventBus::published, context,
        [callback = std::move(callback)](const Notification &notification) { callback(notification); });
}

QMetaObject::Connection EventBus::subscribePings(QObject *context, Callback callback)
{
    return connect(this, &EventBus::published, context,
                   [callback = std::move(callback)](const Notification &notification) {
                       if (notification.ping)
                           callback(notification);
                   });
}

void EventBus::publish(const Notification &notification)
{
    emit published(notification);
}

} // namespace ascend::webhooks

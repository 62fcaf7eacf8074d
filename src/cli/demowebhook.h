#pragma once
// The demo's own webhook: a listener on a free loopback port with its own event log, and a webhook in the
// simulator pointing at it, so every later step can wait for the verified event it causes.

#include "core/store/eventlog.h"
#include "core/webhooks/notification.h"
#include "core/webhooks/webhooklistener.h"

#include <QList>
#include <QTemporaryDir>
#include <functional>

namespace ascend::api {
class ApiClient;
}

namespace ascend::cli {

class DemoWebhook {
public:
    using Predicate = std::function<bool(const webhooks::Notification &)>;

    DemoWebhook();
    // Stops the listener first: answering its last deliveries still reports them here.
    ~DemoWebhook();

    // Starts the listener and creates a webhook for every event type of the app, with a fresh secret.
    bool start(api::ApiClient *client, const QString &appId, QString *error);
    QString webhookId() const { return m_webhookId; }
    QString listenerUrl() const { return m_listener ? m_listener->localUrl() : QString(); }
    webhooks::ListenerCounters counters() const { return m_listener->counters(); }

    // The first verified event (already received or arriving within timeoutMs) that matches; events are
    // only consumed by a successful match.
    std::optional<webhooks::Notification> waitFor(const Predicate &matches, int timeoutMs);

private:
    QTemporaryDir m_dir;
    store::EventLog m_log;
    std::unique_ptr<webhooks::WebhookListener> m_listener;
    QList<webhooks::Notification> m_received;
    QString m_webhookId;
};

} // namespace ascend::cli

#include "demowebhook.h"

#include "core/api/apiclient.h"
#include "core/api/apireply.h"
#include "core/api/webhooks.h"
#include "core/webhooks/webhooksecrets.h"

#include <QEventLoop>
#include <QTimer>
#include <memory>

namespace ascend::cli {

DemoWebhook::DemoWebhook() = default;

DemoWebhook::~DemoWebhook()
{
    m_listener.reset();
}

bool DemoWebhook::start(api::ApiClient *client, const QString &appId, QString *error)
{
    if (!m_dir.isValid() || !m_log.open(m_dir.filePath(QStringLiteral("events.sqlite")), error)) {
        if (error->isEmpty())
            *error = QStringLiteral("Cannot create a temporary folder for the demo's event log.");
        return false;
    }
    const QByteArray secret = webhooks::generateSecret();
    m_listener = std::make_unique<webhooks::WebhookListener>(&m_log);
    m_listener->setSecrets({secret});
    QObject::connect(m_listener.get(), &webhooks::WebhookListener::eventReceived, m_listener.get(),
                     [this](const webhooks::ReceivedEvent &event) { m_received << event.notification; });
    if (!m_listener->start(webhooks::ListenerConfig{}, error))
        return false;

    api::WebhookFields fields;
    fields.name = QStringLiteral("Ascend demo");
    fields.url = m_listener->localUrl();
    fields.enabled = true;
    QList<asc::WebhookEventType> all;
    for (const QString &name : asc::allNames<asc::WebhookEventType>())
        all << *asc::fromString<asc::WebhookEventType>(name);
    fields.eventTypes = all;
    fields.secret = secret;
    std::unique_ptr<api::ApiReply> created(client->send(api::createWebhook(appId, fields)));
    if (!api::waitForFinished(created.get()) || !created->ok()) {
        *error = QStringLiteral("Creating the demo webhook failed: %1").arg(created->error().message());
        return false;
    }
    const auto resource = created->document().resource();
    m_webhookId = resource ? resource->id : QString();
    return true;
}

std::optional<webhooks::Notification> DemoWebhook::waitFor(const Predicate &matches, int timeoutMs)
{
    QTimer deadline;
    deadline.setSingleShot(true);
    deadline.start(timeoutMs);
    QEventLoop loop;
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(m_listener.get(), &webhooks::WebhookListener::eventReceived, &loop, &QEventLoop::quit,
                     Qt::QueuedConnection);
    while (true) {
        for (qsizetype i = 0; i < m_received.size(); ++i) {
            if (matches(m_received.at(i)))
                return m_received.takeAt(i);
        }
        if (!deadline.isActive())
            return std::nullopt;
        loop.exec();
    }
}

} // namespace ascend::cli

#include "models/listenercontroller.h"

#include "core/webhooks/webhooksecrets.h"

namespace ascend::models {

ListenerController::ListenerController(QObject *parent)
    : QObject(parent)
    , m_listener(&m_log)
{
    connect(&m_listener, &webhooks::WebhookListener::listeningChanged, this,
            &ListenerController::listeningChanged);
    connect(&m_listener, &webhooks::WebhookListener::countersChanged, this,
            &ListenerController::countersChanged);
    connect(&m_listener, &webhooks::WebhookListener::requestRejected, this,
            &ListenerController::requestRejected);
    connect(&m_listener, &webhooks::WebhookListener::eventReceived, this,
            [this](const webhooks::ReceivedEvent &event) {
                m_model.appendEvent(event.logged);
                m_bus.publish(event.notification);
                emit eventArrived(event.notification);
            });
    connect(&m_listener, &webhooks::WebhookListener::duplicateReceived, &m_model,
            &EventLogModel::noteDuplicate);
}

ListenerController::~ListenerController()
{
    m_listener.stop();
}

bool ListenerController::openLog(const QString &path, QString *error)
{
    m_listener.stop();
    m_log.close();
    if (!m_log.open(path, error))
        return false;
    m_model.load(m_log);
    return true;
}

void ListenerController::setWebhookSecrets(auth::SecretStore &store, const QStringList &webhookIds,
                                           QStringList *missing)
{
    webhooks::WebhookSecrets secrets(store);
    m_listener.setSecrets(secrets.secretsFor(webhookIds, missing));
}

void ListenerController::setSecrets(const QList<QByteArray> &secrets)
{
    m_listener.setSecrets(secrets);
}

bool ListenerController::start(const webhooks::ListenerConfig &config, QString *error)
{
    if (!m_log.isOpen()) {
        *error = tr("Open the event log first.");
        return false;
    }
    if (m_listener.secretCount() == 0) {
        *error = tr("No webhook secret is known to this computer, so no notification could be verified. "
                    "Create the webhook here or give its secret again.");
        return false;
    }
    return m_listener.start(config, error);
}

void ListenerController::stop()
{
    m_listener.stop();
}

bool ListenerController::isListening() const
{
    return m_listener.isListening();
}

QString ListenerController::localUrl() const
{
    return m_listener.localUrl();
}

webhooks::ListenerCounters ListenerController::counters() const
{
    return m_listener.counters();
}

} // namespace ascend::models

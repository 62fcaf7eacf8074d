#pragma once
// The local listener as the GUI runs it: opens the event log, starts/stops the WebhookListener with the
// secrets of the chosen webhooks (from the SecretStore), keeps the EventLogModel live, and republishes each
// verified event on the EventBus for the panes (uploads, TestFlight, feedback).

#include "core/store/eventlog.h"
#include "core/webhooks/eventbus.h"
#include "core/webhooks/webhooklistener.h"
#include "models/eventlogmodel.h"

#include <QObject>

namespace ascend::auth {
class SecretStore;
}

namespace ascend::models {

class ListenerController : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool listening READ isListening NOTIFY listeningChanged)
    Q_PROPERTY(QString localUrl READ localUrl NOTIFY listeningChanged)
public:
    explicit ListenerController(QObject *parent = nullptr);
    ~ListenerController() override;

    // Opens (creating) the event log and loads the timeline from it.
    bool openLog(const QString &path, QString *error);
    // Secrets: those kept for these webhook ids; ids without one are returned in *missing.
    void setWebhookSecrets(auth::SecretStore &store, const QStringList &webhookIds,
                           QStringList *missing = nullptr);
    void setSecrets(const QList<QByteArray> &secrets);

    bool start(const webhooks::ListenerConfig &config, QString *error);
    void stop();
    bool isListening() const;
    QString localUrl() const;
    webhooks::ListenerCounters counters() const;

    EventLogModel *events() { return &m_model; }
    webhooks::EventBus *bus() { return &m_bus; }
    store::EventLog *log() { return &m_log; }

signals:
    void listeningChanged(bool listening);
    void countersChanged();
    // A new verified event (after it is stored): for desktop notifications.
    void eventArrived(const ascend::webhooks::Notification &notification);
    void requestRejected(int status, const QString &reason);

private:
    store::EventLog m_log;
    webhooks::WebhookListener m_listener;
    webhooks::EventBus m_bus;
    EventLogModel m_model;
};

} // namespace ascend::models

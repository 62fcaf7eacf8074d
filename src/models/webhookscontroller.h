#pragma once
// What the webhooks pane drives: the webhooks of one app (list, create, update, delete, test ping) and the
// deliveries of one webhook (load with a date range and state filter, redeliver). Secrets go to the
// SecretStore under the webhook's id after a successful save and are never read back into the UI.
// Every failure is reported through failed() with the server's title/detail in words.

#include "core/api/webhookdeliveries.h"
#include "core/api/webhooks.h"
#include "models/deliverylistmodel.h"
#include "models/webhooklistmodel.h"

#include <QObject>
#include <functional>

namespace ascend::api {
class ApiClient;
class ApiReply;
} // namespace ascend::api
namespace ascend::auth {
class SecretStore;
}

namespace ascend::models {

class WebhooksController : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
public:
    // client and secrets must outlive the controller; secrets may be null (nothing is kept).
    WebhooksController(api::ApiClient *client, auth::SecretStore *secrets, QObject *parent = nullptr);

    WebhookListModel *webhooks() { return &m_webhooks; }
    DeliveryListModel *deliveries() { return &m_deliveries; }
    bool isBusy() const { return m_pending > 0; }
    QString appId() const { return m_appId; }

public slots:
    void setAppId(const QString &appId); // reloads
    void reload();
    void create(const ascend::api::WebhookFields &fields);
    void update(const QString &webhookId, const ascend::api::WebhookFields &fields);
    void remove(const QString &webhookId);
    void ping(const QString &webhookId);
    void loadDeliveries(const QString &webhookId, const ascend::api::DeliveryFilter &filter);
    void redeliver(const QString &deliveryId);

signals:
    void busyChanged(bool busy);
    void failed(const QString &message);
    void saved(const QString &webhookId);
    void removed(const QString &webhookId);
    void pingSent(const QString &webhookId);
    void redelivered(const QString &deliveryId);
    void deliveriesLoaded(const QString &webhookId);

private:
    void run(const api::ApiRequest &request, const QString &what,
             std::function<void(api::ApiReply *)> onSuccess);

    api::ApiClient *m_client;
    auth::SecretStore *m_secrets;
    QString m_appId;
    QString m_deliveriesWebhookId;
    WebhookListModel m_webhooks;
    DeliveryListModel m_deliveries;
    int m_pending = 0;
};

} // namespace ascend::models

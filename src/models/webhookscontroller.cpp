#include "models/webhookscontroller.h"

#include "core/api/apiclient.h"
#include "core/api/apireply.h"
#include "core/auth/secretstore.h"
#include "core/webhooks/webhooksecrets.h"

namespace ascend::models {

WebhooksController::WebhooksController(api::ApiClient *client, auth::SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_secrets(secrets)
{}

void WebhooksController::run(const api::ApiRequest &request, const QString &what,
                             std::function<void(api::ApiReply *)> onSuccess)
{
    api::ApiReply *reply = m_client->send(request);
    if (m_pending++ == 0)
        emit busyChanged(true);
    connect(reply, &api::ApiReply::finished, this, [this, reply, what, onSuccess = std::move(onSuccess)] {
        reply->deleteLater();
        if (reply->ok())
            onSuccess(reply);
        else
            emit failed(tr("%1 failed: %2").arg(what, reply->error().message()));
        if (--m_pending == 0)
            emit busyChanged(false);
    });
}

void WebhooksController::setAppId(const QString &appId)
{
    m_appId = appId;
    m_webhooks.clear();
    m_deliveries.clear();
    reload();
}

void WebhooksController::reload()
{
    if (m_appId.isEmpty())
        return;
    const QString appId = m_appId;
    run(api::listAppWebhooks(appId, api::Query().limit(200)), tr("Loading the webhooks"),
        [this, appId](api::ApiReply *reply) {
            if (appId != m_appId)
                return;
            QList<api::Webhook> list;
            for (const auto &resource : reply->document().resources()) {
                if (const auto webhook = api::Webhook::fromResource(resource))
                    list.append(*webhook);
            }
            m_webhooks.setWebhooks(list);
        });
}

void WebhooksController::create(const api::WebhookFields &fields)
{
    run(api::createWebhook(m_appId, fields), tr("Creating the webhook"),
        [this, fields](api::ApiReply *reply) {
            const auto resource = reply->document().resource();
            const auto webhook = resource ? api::Webhook::fromResource(*resource) : std::nullopt;
            if (!webhook)
                return;
            if (m_secrets && fields.secret) {
                QString error;
                if (!webhooks::WebhookSecrets(*m_secrets).save(webhook->id, *fields.secret, &error))
                    emit failed(
                        tr("The webhook was created but its secret could not be kept: %1").arg(error));
            }
            m_webhooks.upsert(*webhook);
            emit saved(webhook->id);
        });
}

void WebhooksController::update(const QString &webhookId, const api::WebhookFields &fields)
{
    run(api::updateWebhook(webhookId, fields), tr("Saving the webhook"),
        [this, webhookId, fields](api::ApiReply *reply) {
            if (m_secrets && fields.secret) {
                QString error;
                if (!webhooks::WebhookSecrets(*m_secrets).save(webhookId, *fields.secret, &error))
                    emit failed(tr("The webhook was saved but its secret could not be kept: %1").arg(error));
            }
            if (const auto resource = reply->document().resource()) {
                if (const auto webhook = api::Webhook::fromResource(*resource))
                    m_webhooks.upsert(*webhook);
            }
            emit saved(webhookId);
        });
}

void WebhooksController::remove(const QString &webhookId)
{
    run(api::deleteWebhook(webhookId), tr("Deleting the webhook"), [this, webhookId](api::ApiReply *) {
        if (m_secrets) {
            QString error;
            webhooks::WebhookSecrets(*m_secrets).remove(webhookId, &error);
        }
        m_webhooks.removeWebhook(webhookId);
        if (m_deliveriesWebhookId == webhookId)
            m_deliveries.clear();
        emit removed(webhookId);
    });
}

void WebhooksController::ping(const QString &webhookId)
{
    run(api::pingWebhook(webhookId), tr("Sending the test notification"),
        [this, webhookId](api::ApiReply *) { emit pingSent(webhookId); });
}

void WebhooksController::loadDeliveries(const QString &webhookId, const api::DeliveryFilter &filter)
{
    m_deliveriesWebhookId = webhookId;
    run(api::listWebhookDeliveries(webhookId, filter), tr("Loading the deliveries"),
        [this, webhookId](api::ApiReply *reply) {
            if (webhookId != m_deliveriesWebhookId)
                return;
            m_deliveries.setDeliveries(api::WebhookDelivery::listFromDocument(reply->document()));
            emit deliveriesLoaded(webhookId);
        });
}

void WebhooksController::redeliver(const QString &deliveryId)
{
    run(api::redeliver(deliveryId), tr("Redelivering"), [this](api::ApiReply *reply) {
        if (const auto resource = reply->document().resource()) {
            if (const auto delivery = api::WebhookDelivery::fromResource(*resource)) {
                m_deliveries.upsert(*delivery);
                emit redelivered(delivery->id);
            }
        }
    });
}

} // namespace ascend::models

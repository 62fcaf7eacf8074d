#pragma once
// The "webhooks" resource and its endpoints. There is no GET /v1/webhooks: a webhook list is always the
// webhooks of one app (GET /v1/apps/{id}/webhooks).

#include "core/api/apirequest.h"
#include "core/asc/ascenums.h"
#include "core/jsonapi/resource.h"

#include <QList>
#include <QString>
#include <optional>

namespace ascend::api {

struct Webhook {
    static constexpr char Type[] = "webhooks";

    QString id;
    QString name;
    QString url;
    bool enabled = false;
    QList<asc::WebhookEventType> eventTypes; // unknown values are skipped
    QString appId;                           // from relationships.app.data, when sent

    static std::optional<Webhook> fromResource(const jsonapi::Resource &resource);
};

// What a create or update sends. Only the fields that are set go into an update.
struct WebhookFields {
    std::optional<QString> name;
    std::optional<QString> url;
    std::optional<bool> enabled;
    std::optional<QList<asc::WebhookEventType>> eventTypes;
    std::optional<QByteArray> secret; // never logged; ASC never returns it
};

// GET /v1/apps/{id}/webhooks (apps_webhooks_getToManyRelated): fields[webhooks], fields[apps], include=app,
// limit ≤ 200.
ApiRequest listAppWebhooks(const QString &appId, const Query &query = {});
// GET /v1/webhooks/{id} (webhooks_getInstance).
ApiRequest getWebhook(const QString &id, const Query &query = {});
// POST /v1/webhooks (webhooks_createInstance): name, url, enabled, eventTypes and secret are required.
ApiRequest createWebhook(const QString &appId, const WebhookFields &fields);
// PATCH /v1/webhooks/{id} (webhooks_updateInstance).
ApiRequest updateWebhook(const QString &id, const WebhookFields &fields);
// DELETE /v1/webhooks/{id} (webhooks_deleteInstance) → 204.
ApiRequest deleteWebhook(const QString &id);
// POST /v1/webhookPings (webhookPings_createInstance): "Test your webhook".
ApiRequest pingWebhook(const QString &webhookId);

// The missing required fields of a create ("name", "url", ...); empty when complete.
QStringList missingCreateFields(const WebhookFields &fields);

} // namespace ascend::api

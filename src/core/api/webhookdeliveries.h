#pragma once
// Webhook deliveries (every attempt App Store Connect made to reach a webhook), their events, and
// redelivery.

#include "core/api/apirequest.h"
#include "core/asc/ascenums.h"
#include "core/jsonapi/document.h"
#include "core/jsonapi/resource.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace ascend::api {

struct WebhookEvent {
    static constexpr char Type[] = "webhookEvents";

    QString id;
    std::optional<asc::WebhookEventType> eventType;
    QString payload; // the notification body exactly as sent
    bool ping = false;
    QDateTime createdDate;

    static std::optional<WebhookEvent> fromResource(const jsonapi::Resource &resource);
};

struct WebhookDelivery {
    static constexpr char Type[] = "webhookDeliveries";

    QString id;
    QDateTime createdDate;
    QDateTime sentDate;
    std::optional<asc::WebhookDeliveryState> deliveryState;
    QString errorMessage;
    bool redelivery = false;
    QString requestUrl;                // request.url
    std::optional<int> httpStatusCode; // response.httpStatusCode
    QString responseBody;              // response.body
    QString eventId;                   // relationships.event.data.id, when sent
    std::optional<WebhookEvent> event; // from `included` when asked for with include=event

    static std::optional<WebhookDelivery> fromResource(const jsonapi::Resource &resource);
    // Every delivery of a list document, with its included event attached.
    static QList<WebhookDelivery> listFromDocument(const jsonapi::Document &document);
};

struct DeliveryFilter {
    std::optional<asc::WebhookDeliveryState> state;
    QDateTime createdFrom;  // filter[createdDateGreaterThanOrEqualTo]
    QDateTime createdUntil; // filter[createdDateLessThan]
    bool includeEvent = true;
    int limit = 200;
};

// GET /v1/webhooks/{id}/deliveries (webhooks_deliveries_getToManyRelated).
ApiRequest listWebhookDeliveries(const QString &webhookId, const DeliveryFilter &filter = {});
// The usual view: the last `days` days up to now, optionally one state.
DeliveryFilter recentDeliveries(int days = 7, std::optional<asc::WebhookDeliveryState> state = std::nullopt);
// POST /v1/webhookDeliveries (webhookDeliveries_createInstance): a new attempt cloned from the template.
ApiRequest redeliver(const QString &templateDeliveryId);

} // namespace ascend::api

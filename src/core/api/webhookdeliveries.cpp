#include "core/api/webhookdeliveries.h"

#include "core/jsonapi/datetime.h"
#include "core/jsonapi/requestbody.h"

namespace ascend::api {

std::optional<WebhookEvent> WebhookEvent::fromResource(const jsonapi::Resource &resource)
{
    if (resource.type != QLatin1String(Type))
        return std::nullopt;
    WebhookEvent event;
    event.id = resource.id;
    event.eventType =
        asc::fromString<asc::WebhookEventType>(resource.stringAttribute(QStringLiteral("eventType")));
    event.payload = resource.stringAttribute(QStringLiteral("payload"));
    event.ping = resource.boolAttribute(QStringLiteral("ping")).value_or(false);
    event.createdDate = resource.dateTimeAttribute(QStringLiteral("createdDate"));
    return event;
}

std::optional<WebhookDelivery> WebhookDelivery::fromResource(const jsonapi::Resource &resource)
{
    if (resource.type != QLatin1String(Type))
        return std::nullopt;
    WebhookDelivery delivery;
    delivery.id = resource.id;
    delivery.createdDate = resource.dateTimeAttribute(QStringLiteral("createdDate"));
    delivery.sentDate = resource.dateTimeAttribute(QStringLiteral("sentDate"));
    delivery.deliveryState =
        asc::fromString<asc::WebhookDeliveryState>(resource.stringAttribute(QStringLiteral("deliveryState")));
    delivery.errorMessage = resource.stringAttribute(QStringLiteral("errorMessage"));
    delivery.redelivery = resource.boolAttribute(QStringLiteral("redelivery")).value_or(false);
    delivery.requestUrl =
        resource.attribute(QStringLiteral("request")).toObject().value(QStringLiteral("url")).toString();
    const QJsonObject response = resource.attribute(QStringLiteral("response")).toObject();
    const QJsonValue status = response.value(QStringLiteral("httpStatusCode"));
    if (status.isDouble())
        delivery.httpStatusCode = status.toInt();
    delivery.responseBody = response.value(QStringLiteral("body")).toString();
    delivery.eventId = resource.relatedId(QStringLiteral("event"));
    return delivery;
}

QList<WebhookDelivery> WebhookDelivery::listFromDocument(const jsonapi::Document &document)
{
    QList<WebhookDelivery> out;
    for (const jsonapi::Resource &resource : document.resources()) {
        auto delivery = fromResource(resource);
        if (!delivery)
            continue;
        if (!delivery->eventId.isEmpty()) {
            if (const jsonapi::Resource *event =
                    document.findIncluded(QLatin1String(WebhookEvent::Type), delivery->eventId))
                delivery->event = WebhookEvent::fromResource(*event);
        }
        out.append(*delivery);
    }
    return out;
}

ApiRequest listWebhookDeliveries(const QString &webhookId, const DeliveryFilter &filter)
{
    Query query;
    if (filter.state)
        query.filter(QStringLiteral("deliveryState"), asc::toString(*filter.state));
    if (filter.createdFrom.isValid())
        query.filter(QStringLiteral("createdDateGreaterThanOrEqualTo"),
                     jsonapi::formatDateTime(filter.createdFrom));
    if (filter.createdUntil.isValid())
        query.filter(QStringLiteral("createdDateLessThan"), jsonapi::formatDateTime(filter.createdUntil));
    if (filter.includeEvent)
        query.include({QStringLiteral("event")});
    query.limit(filter.limit);
    return ApiRequest::get(QStringLiteral("/v1/webhooks/%1/deliveries").arg(pathSegment(webhookId)), query);
}

DeliveryFilter recentDeliveries(int days, std::optional<asc::WebhookDeliveryState> state)
{
    DeliveryFilter filter;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    filter.createdFrom = now.addDays(-days);
    filter.state = state;
    return filter;
}

ApiRequest redeliver(const QString &templateDeliveryId)
{
    jsonapi::ResourceBody body(QLatin1String(WebhookDelivery::Type));
    body.setToOne(QStringLiteral("template"), {QLatin1String(WebhookDelivery::Type), templateDeliveryId});
    return ApiRequest::post(QStringLiteral("/v1/webhookDeliveries"), body.toJson());
}

} // namespace ascend::api

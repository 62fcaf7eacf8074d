#include "core/api/webhooks.h"

#include "core/jsonapi/requestbody.h"

#include <QJsonArray>

namespace ascend::api {

std::optional<Webhook> Webhook::fromResource(const jsonapi::Resource &resource)
{
    if (resource.type != QLatin1String(Type))
        return std::nullopt;
    Webhook webhook;
    webhook.id = resource.id;
    webhook.name = resource.stringAttribute(QStringLiteral("name"));
    webhook.url = resource.stringAttribute(QStringLiteral("url"));
    webhook.enabled = resource.boolAttribute(QStringLiteral("enabled")).value_or(false);
    for (const QJsonValue &value : resource.attribute(QStringLiteral("eventTypes")).toArray()) {
        if (const auto type = asc::fromString<asc::WebhookEventType>(value.toString()))
            webhook.eventTypes.append(*type);
    }
    webhook.appId = resource.relatedId(QStringLiteral("app"));
    return webhook;
}

namespace {

QJsonObject attributesOf(const WebhookFields &fields)
{
    QJsonObject attributes;
    if (fields.enabled)
        attributes.insert(QStringLiteral("enabled"), *fields.enabled);
    if (fields.eventTypes) {
        QJsonArray types;
        for (const asc::WebhookEventType type : *fields.eventTypes)
            types.append(asc::toString(type));
        attributes.insert(QStringLiteral("eventTypes"), types);
    }
    if (fields.name)
        attributes.insert(QStringLiteral("name"), *fields.name);
    if (fields.secret)
        attributes.insert(QStringLiteral("secret"), QString::fromUtf8(*fields.secret));
    if (fields.url)
        attributes.insert(QStringLiteral("url"), *fields.url);
    return attributes;
}

} // namespace

ApiRequest listAppWebhooks(const QString &appId, const Query &query)
{
    return ApiRequest::get(QStringLiteral("/v1/apps/%1/webhooks").arg(pathSegment(appId)), query);
}

ApiRequest getWebhook(const QString &id, const Query &query)
{
    return ApiRequest::get(QStringLiteral("/v1/webhooks/") + pathSegment(id), query);
}

ApiRequest createWebhook(const QString &appId, const WebhookFields &fields)
{
    jsonapi::ResourceBody body(QLatin1String(Webhook::Type));
    body.setAttributes(attributesOf(fields));
    body.setToOne(QStringLiteral("app"), {QStringLiteral("apps"), appId});
    return ApiRequest::post(QStringLiteral("/v1/webhooks"), body.toJson());
}

ApiRequest updateWebhook(const QString &id, const WebhookFields &fields)
{
    jsonapi::ResourceBody body(QLatin1String(Webhook::Type), id);
    body.setAttributes(attributesOf(fields));
    return ApiRequest::patch(QStringLiteral("/v1/webhooks/") + pathSegment(id), body.toJson());
}

ApiRequest deleteWebhook(const QString &id)
{
    ApiRequest request = ApiRequest::remove(QStringLiteral("/v1/webhooks/") + pathSegment(id));
    request.expectJsonApi = false;
    return request;
}

ApiRequest pingWebhook(const QString &webhookId)
{
    jsonapi::ResourceBody body(QStringLiteral("webhookPings"));
    body.setToOne(QStringLiteral("webhook"), {QLatin1String(Webhook::Type), webhookId});
    return ApiRequest::post(QStringLiteral("/v1/webhookPings"), body.toJson());
}

QStringList missingCreateFields(const WebhookFields &fields)
{
    QStringList missing;
    if (!fields.name || fields.name->trimmed().isEmpty())
        missing << QStringLiteral("name");
    if (!fields.url || fields.url->trimmed().isEmpty())
        missing << QStringLiteral("url");
    if (!fields.enabled)
        missing << QStringLiteral("enabled");
    if (!fields.eventTypes || fields.eventTypes->isEmpty())
        missing << QStringLiteral("eventTypes");
    if (!fields.secret || fields.secret->isEmpty())
        missing << QStringLiteral("secret");
    return missing;
}

} // namespace ascend::api

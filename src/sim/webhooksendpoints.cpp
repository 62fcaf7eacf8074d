#include "sim/webhooksendpoints.h"

#include "core/asc/ascenums.h"
#include "sim/apierror.h"
#include "sim/documentbuilder.h"
#include "sim/queryengine.h"
#include "sim/resourceendpoints.h"
#include "sim/speccatalog.h"
#include "sim/store.h"
#include "sim/webhookemitter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUrl>
#include <QUuid>

namespace ascend::sim {

namespace {

const QString Webhooks = QStringLiteral("webhooks");
const QString Apps = QStringLiteral("apps");

// Validation problems of a request body, reported all at once like App Store Connect does.
using Problems = QList<ApiError>;

QJsonObject dataOf(const ApiRequest &request)
{
    return request.body.object().value(QStringLiteral("data")).toObject();
}

bool checkType(const QJsonObject &data, const QString &type, Problems *problems)
{
    if (data.value(QStringLiteral("type")).toString() != type) {
        problems->append(errors::bodyInvalid(QStringLiteral("/data/type"),
                                             QStringLiteral("The resource type must be '%1'.").arg(type)));
        return false;
    }
    return true;
}

// The id of relationships.<name>.data when it names a resource of type; empty (with a problem) otherwise.
QString relatedId(const QJsonObject &data, const QString &name, const QString &type, Problems *problems)
{
    const QJsonObject linkage = data.value(QStringLiteral("relationships"))
                                    .toObject()
                                    .value(name)
                                    .toObject()
                                    .value(QStringLiteral("data"))
                                    .toObject();
    const QString id = linkage.value(QStringLiteral("id")).toString();
    if (linkage.value(QStringLiteral("type")).toString() != type || id.isEmpty()) {
        problems->append(errors::bodyInvalid(
            QStringLiteral("/data/relationships/%1").arg(name),
            QStringLiteral("The relationship '%1' must name a resource of type '%2'.").arg(name, type)));
        return {};
    }
    return id;
}

bool validUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}

// Checks the attributes that are present; required ones must be present when `required`.
void checkAttributes(const QJsonObject &attributes, bool required, Problems *problems)
{
    const auto pointer = [](const char *name) {
        return QStringLiteral("/data/attributes/%1").arg(QLatin1String(name));
    };
    const auto present = [&](const char *name) {
        const QJsonValue value = attributes.value(QLatin1String(name));
        if (value.isUndefined() || (!required && value.isNull())) {
            if (required)
                problems->append(errors::bodyInvalid(
                    pointer(name),
                    QStringLiteral("The attribute '%1' is required.").arg(QLatin1String(name))));
            return false;
        }
        return true;
    };
    if (present("enabled") && !attributes.value(QStringLiteral("enabled")).isBool())
        problems->append(
            errors::bodyInvalid(pointer("enabled"), QStringLiteral("'enabled' must be a boolean.")));
    if (present("name")) {
        const QJsonValue name = attributes.value(QStringLiteral("name"));
        if (!name.isString() || name.toString().trimmed().isEmpty())
            problems->append(
                errors::bodyInvalid(pointer("name"), QStringLiteral("'name' must be a non-empty string.")));
    }
    if (present("url")) {
        const QJsonValue url = attributes.value(QStringLiteral("url"));
        if (!url.isString() || !validUrl(url.toString()))
            problems->append(errors::bodyInvalid(pointer("url"),
                                                 QStringLiteral("'url' must be an absolute http(s) URL.")));
    }
    if (present("secret")) {
        const QJsonValue secret = attributes.value(QStringLiteral("secret"));
        if (!secret.isString() || secret.toString().isEmpty())
            problems->append(errors::bodyInvalid(pointer("secret"),
                                                 QStringLiteral("'secret' must be a non-empty string.")));
    }
    if (present("eventTypes")) {
        const QJsonValue types = attributes.value(QStringLiteral("eventTypes"));
        bool ok = types.isArray();
        for (const QJsonValue &type : types.toArray())
            ok = ok && asc::fromString<asc::WebhookEventType>(type.toString()).has_value();
        if (!ok) {
            problems->append(errors::bodyInvalid(
                pointer("eventTypes"),
                QStringLiteral("'eventTypes' must be an array of: %1.")
                    .arg(asc::allNames<asc::WebhookEventType>().join(QStringLiteral(", ")))));
        }
    }
}

http::HttpResponse single(ResourceEndpoints &resources, const ApiRequest &request, int status,
                          const Record &record)
{
    const DocumentBuilder builder(resources.store(), resources.catalog(), request.operation, request.query,
                                  request.baseUrl);
    return jsonResponse(status,
                        builder.single(record, QStringLiteral("/v1/%1/%2").arg(record.type, record.id)));
}

Handler createWebhook(ResourceEndpoints &resources)
{
    return [&resources](const ApiRequest &request) {
        Store &store = resources.store();
        const QJsonObject data = dataOf(request);
        Problems problems;
        checkType(data, Webhooks, &problems);
        const QJsonObject attributes = data.value(QStringLiteral("attributes")).toObject();
        checkAttributes(attributes, true, &problems);
        const QString appId = relatedId(data, QStringLiteral("app"), Apps, &problems);
        if (!problems.isEmpty())
            return errorResponse(problems);
        const Record *app = store.find(Apps, appId);
        if (!app)
            return errorResponse(errors::resourceNotFound(Apps, appId));
        if (store.related(*app, Webhooks).size() >= MaxWebhooksPerApp) {
            ApiError error;
            error.status = 409;
            error.code = QStringLiteral("ENTITY_ERROR");
            error.title = QStringLiteral("The request entity is not valid.");
            error.detail = QStringLiteral("An app can have at most %1 webhooks; delete one first.")
                               .arg(MaxWebhooksPerApp);
            return errorResponse(error);
        }
        Record webhook;
        webhook.type = Webhooks;
        webhook.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        for (const char *name : {"enabled", "eventTypes", "name", "url", "secret"})
            webhook.attributes.insert(QLatin1String(name), attributes.value(QLatin1String(name)));
        webhook.relationships.insert(QStringLiteral("app"), {appId});
        store.put(webhook);
        return single(resources, request, 201, *store.find(Webhooks, webhook.id));
    };
}

Handler updateWebhook(ResourceEndpoints &resources)
{
    return [&resources](const ApiRequest &request) {
        Store &store = resources.store();
        const QString id = request.pathParameter(QStringLiteral("id"));
        const Record *existing = store.find(Webhooks, id);
        if (!existing)
            return errorResponse(errors::resourceNotFound(Webhooks, id));
        const QJsonObject data = dataOf(request);
        Problems problems;
        checkType(data, Webhooks, &problems);
        if (data.value(QStringLiteral("id")).toString() != id) {
            problems.append(
                errors::bodyInvalid(QStringLiteral("/data/id"),
                                    QStringLiteral("The id in the body must be the id in the path.")));
        }
        const QJsonObject attributes = data.value(QStringLiteral("attributes")).toObject();
        checkAttributes(attributes, false, &problems);
        if (!problems.isEmpty())
            return errorResponse(problems);
        Record updated = *existing;
        for (const char *name : {"enabled", "eventTypes", "name", "url", "secret"}) {
            const QJsonValue value = attributes.value(QLatin1String(name));
            if (!value.isUndefined() && !value.isNull())
                updated.attributes.insert(QLatin1String(name), value);
        }
        store.put(updated);
        return single(resources, request, 200, *store.find(Webhooks, id));
    };
}

Handler deleteWebhook(ResourceEndpoints &resources)
{
    return [&resources](const ApiRequest &request) {
        Store &store = resources.store();
        const QString id = request.pathParameter(QStringLiteral("id"));
        const Record *webhook = store.find(Webhooks, id);
        if (!webhook)
            return errorResponse(errors::resourceNotFound(Webhooks, id));
        QStringList deliveries, events;
        for (const Record *delivery : store.related(*webhook, QStringLiteral("deliveries"))) {
            deliveries << delivery->id;
            events << store.relatedIds(*delivery, QStringLiteral("event"));
        }
        for (const QString &delivery : std::as_const(deliveries))
            store.remove(QStringLiteral("webhookDeliveries"), delivery);
        for (const QString &event : std::as_const(events))
            store.remove(QStringLiteral("webhookEvents"), event);
        store.remove(Webhooks, id);
        return http::HttpResponse::empty(204);
    };
}

// GET /v1/webhooks/{id}/deliveries: the createdDate range filters compare dates, the rest is generic.
Handler listDeliveries(ResourceEndpoints &resources)
{
    return [&resources](const ApiRequest &request) {
        Store &store = resources.store();
        const QString id = request.pathParameter(QStringLiteral("id"));
        const Record *webhook = store.find(Webhooks, id);
        if (!webhook)
            return errorResponse(errors::resourceNotFound(Webhooks, id));
        ResourceQuery query = request.query;
        QDateTime from, until;
        for (qsizetype i = query.filters.size() - 1; i >= 0; --i) {
            const FilterTerm &term = query.filters.at(i);
            const bool lower = term.parameter == QLatin1String("filter[createdDateGreaterThanOrEqualTo]");
            const bool upper = term.parameter == QLatin1String("filter[createdDateLessThan]");
            if (!lower && !upper)
                continue;
            const QDateTime value = QDateTime::fromString(term.values.value(0), Qt::ISODateWithMs);
            if (!value.isValid() || term.values.size() != 1) {
                return errorResponse(errors::parameterInvalid(
                    term.parameter,
                    QStringLiteral("'%1' is not a date-time.").arg(term.values.join(QLatin1Char(',')))));
            }
            (lower ? from : until) = value;
            query.filters.removeAt(i);
        }
        QList<const Record *> candidates;
        for (const Record *delivery : store.related(*webhook, QStringLiteral("deliveries"))) {
            const QDateTime created = QDateTime::fromString(
                delivery->attributes.value(QStringLiteral("createdDate")).toString(), Qt::ISODateWithMs);
            if (from.isValid() && created < from)
                continue;
            if (until.isValid() && created >= until)
                continue;
            candidates.append(delivery);
        }
        const Page page = QueryEngine(store).select(candidates, query);
        const DocumentBuilder builder(store, resources.catalog(), request.operation, query, request.baseUrl);
        return jsonResponse(200, builder.list(page, QString::fromUtf8(request.http->target),
                                              request.http->path, request.http->query));
    };
}

Handler createPing(ResourceEndpoints &resources, WebhookEmitter &emitter)
{
    return [&resources, &emitter](const ApiRequest &request) {
        Store &store = resources.store();
        const QJsonObject data = dataOf(request);
        Problems problems;
        checkType(data, QStringLiteral("webhookPings"), &problems);
        const QString webhookId = relatedId(data, QStringLiteral("webhook"), Webhooks, &problems);
        if (!problems.isEmpty())
            return errorResponse(problems);
        if (!store.find(Webhooks, webhookId))
            return errorResponse(errors::resourceNotFound(Webhooks, webhookId));
        Record ping;
        ping.type = QStringLiteral("webhookPings");
        ping.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        store.put(ping);
        emitter.ping(webhookId, ping.id);
        return single(resources, request, 201, *store.find(ping.type, ping.id));
    };
}

Handler createDelivery(ResourceEndpoints &resources, WebhookEmitter &emitter)
{
    return [&resources, &emitter](const ApiRequest &request) {
        Store &store = resources.store();
        const QJsonObject data = dataOf(request);
        Problems problems;
        checkType(data, QStringLiteral("webhookDeliveries"), &problems);
        const QString templateId =
            relatedId(data, QStringLiteral("template"), QStringLiteral("webhookDeliveries"), &problems);
        if (!problems.isEmpty())
            return errorResponse(problems);
        const auto delivery = emitter.redeliver(templateId);
        if (!delivery)
            return errorResponse(errors::resourceNotFound(QStringLiteral("webhookDeliveries"), templateId));
        return single(resources, request, 201, *store.find(QStringLiteral("webhookDeliveries"), *delivery));
    };
}

Route writeRoute(const char *method, const QString &path, const QString &operationId, const QString &type,
                 Handler handler)
{
    Route route;
    route.method = method;
    route.pathTemplate = path;
    route.operationId = operationId;
    route.resourceType = type;
    route.handler = std::move(handler);
    route.body = BodyPolicy::Json;
    return route;
}

} // namespace

void registerWebhookEndpoints(Router &router, ResourceEndpoints &resources, WebhookEmitter &emitter)
{
    router.get(QStringLiteral("/v1/apps/{id}/webhooks"), QStringLiteral("apps_webhooks_getToManyRelated"),
               Webhooks, resources.toManyRelated(Apps, Webhooks));
    router.get(QStringLiteral("/v1/webhooks/{id}"), QStringLiteral("webhooks_getInstance"), Webhooks,
               resources.instance(Webhooks));
    router.get(QStringLiteral("/v1/webhooks/{id}/deliveries"),
               QStringLiteral("webhooks_deliveries_getToManyRelated"), QStringLiteral("webhookDeliveries"),
               listDeliveries(resources));
    router.add(writeRoute("POST", QStringLiteral("/v1/webhooks"), QStringLiteral("webhooks_createInstance"),
                          Webhooks, createWebhook(resources)));
    router.add(writeRoute("PATCH", QStringLiteral("/v1/webhooks/{id}"),
                          QStringLiteral("webhooks_updateInstance"), Webhooks, updateWebhook(resources)));
    Route remove = writeRoute("DELETE", QStringLiteral("/v1/webhooks/{id}"),
                              QStringLiteral("webhooks_deleteInstance"), Webhooks, deleteWebhook(resources));
    remove.body = BodyPolicy::None;
    router.add(remove);
    router.add(writeRoute("POST", QStringLiteral("/v1/webhookPings"),
                          QStringLiteral("webhookPings_createInstance"), QStringLiteral("webhookPings"),
                          createPing(resources, emitter)));
    router.add(writeRoute("POST", QStringLiteral("/v1/webhookDeliveries"),
                          QStringLiteral("webhookDeliveries_createInstance"),
                          QStringLiteral("webhookDeliveries"), createDelivery(resources, emitter)));
}

} // namespace ascend::sim

#include "sim/webhookemitter.h"

#include "sim/simlogging.h"
#include "sim/store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUuid>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace ascend::sim {

namespace {

const QString Webhooks = QStringLiteral("webhooks");
const QString Deliveries = QStringLiteral("webhookDeliveries");
const QString Events = QStringLiteral("webhookEvents");

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QByteArray signature(const QByteArray &secret, const QByteArray &body)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    static const unsigned char empty = 0;
    HMAC(EVP_sha256(), secret.isEmpty() ? static_cast<const void *>(&empty) : secret.constData(),
         int(secret.size()), reinterpret_cast<const unsigned char *>(body.constData()), size_t(body.size()),
         digest, &length);
    return QByteArrayLiteral("hmacsha256=") +
           QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex();
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

WebhookEmitter::WebhookEmitter(Store &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    // Webhook URLs are used as given: no system proxy, no redirects followed.
    m_network.setProxy(QNetworkProxy::NoProxy);
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    // Deliveries still pending in a store loaded from disk were cut short when the simulator stopped.
    QList<Record> interrupted;
    for (const Record *delivery : m_store.all(Deliveries)) {
        if (delivery->attributes.value(QStringLiteral("deliveryState")).toString() ==
            QLatin1String("PENDING"))
            interrupted.append(*delivery);
    }
    for (Record &delivery : interrupted) {
        delivery.attributes.insert(QStringLiteral("deliveryState"), QStringLiteral("FAILED"));
        delivery.attributes.insert(QStringLiteral("errorMessage"),
                                   QStringLiteral("The simulator stopped before the delivery finished."));
        m_store.put(delivery);
    }
}

WebhookEmitter::~WebhookEmitter()
{
    for (QNetworkReply *reply : m_network.findChildren<QNetworkReply *>()) {
        reply->disconnect(this);
        reply->abort();
    }
}

void WebhookEmitter::subscribeTo(SimEvents &events)
{
    connect(&events, &SimEvents::published, this, [this](const SimEvent &event) { emitEvent(event); });
}

QString WebhookEmitter::notificationType(asc::WebhookEventType type)
{
    const QStringList words = asc::toString(type).toLower().split(QLatin1Char('_'), Qt::SkipEmptyParts);
    QString out;
    for (qsizetype i = 0; i < words.size(); ++i) {
        QString word = words.at(i);
        if (i > 0 && !word.isEmpty())
            word[0] = word[0].toUpper();
        out += word;
    }
    return out;
}

QList<const Record *> WebhookEmitter::subscribers(const QString &appId, asc::WebhookEventType type) const
{
    QList<const Record *> out;
    const QString name = asc::toString(type);
    for (const Record *webhook : m_store.all(Webhooks)) {
        if (webhook->relationships.value(QStringLiteral("app")).value(0) != appId)
            continue;
        if (!webhook->attributes.value(QStringLiteral("enabled")).toBool())
            continue;
        if (!webhook->attributes.value(QStringLiteral("eventTypes")).toArray().contains(QJsonValue(name)))
            continue;
        out.append(webhook);
    }
    return out;
}

QStringList WebhookEmitter::emitEvent(const SimEvent &event)
{
    QStringList deliveries;
    const QList<const Record *> targets = subscribers(event.appId, event.type);
    // Copies: starting a delivery changes the store, which may move records.
    QList<Record> webhooks;
    for (const Record *record : targets)
        webhooks.append(*record);
    for (const Record &webhook : std::as_const(webhooks)) {
        QJsonObject attributes = event.attributes;
        if (!attributes.contains(QStringLiteral("timestamp")))
            attributes.insert(QStringLiteral("timestamp"), nowText());
        const QString id = newUuid();
        QJsonObject instance{
            {QStringLiteral("data"), QJsonObject{{QStringLiteral("type"), event.instanceType},
                                                 {QStringLiteral("id"), event.instanceId}}}};
        if (!m_baseUrl.isEmpty()) {
            instance.insert(
                QStringLiteral("links"),
                QJsonObject{
                    {QStringLiteral("self"),
                     QStringLiteral("%1/v1/%2/%3").arg(m_baseUrl, event.instanceType, event.instanceId)}});
        }
        const QJsonObject data{
            {QStringLiteral("type"), notificationType(event.type)},
            {QStringLiteral("id"), id},
            {QStringLiteral("version"), 1},
            {QStringLiteral("attributes"), attributes},
            {QStringLiteral("relationships"), QJsonObject{{QStringLiteral("instance"), instance}}}};
        const QByteArray payload =
            QJsonDocument(QJsonObject{{QStringLiteral("data"), data}}).toJson(QJsonDocument::Compact);
        Record eventRecord;
        eventRecord.type = Events;
        eventRecord.id = id;
        eventRecord.attributes = {{QStringLiteral("eventType"), asc::toString(event.type)},
                                  {QStringLiteral("payload"), QString::fromUtf8(payload)},
                                  {QStringLiteral("ping"), false},
                                  {QStringLiteral("createdDate"), nowText()}};
        m_store.put(eventRecord);
        deliveries.append(startDelivery(webhook, id, false));
    }
    if (!deliveries.isEmpty())
        emit storeChanged();
    return deliveries;
}

QString WebhookEmitter::ping(const QString &webhookId, const QString &pingId)
{
    const Record *found = m_store.find(Webhooks, webhookId);
    if (!found)
        return {};
    const Record webhook = *found;
    // No Apple document shows a ping body; this follows the envelope of the other notifications.
    const QString id = newUuid();
    const QJsonObject data{
        {QStringLiteral("type"), QStringLiteral("webhookPingCreated")},
        {QStringLiteral("id"), id},
        {QStringLiteral("version"), 1},
        {QStringLiteral("attributes"), QJsonObject{{QStringLiteral("timestamp"), nowText()}}},
        {QStringLiteral("relationships"),
         QJsonObject{{QStringLiteral("instance"),
                      QJsonObject{{QStringLiteral("data"),
                                   QJsonObject{{QStringLiteral("type"), QStringLiteral("webhookPings")},
                                               {QStringLiteral("id"), pingId}}}}}}}};
    const QByteArray payload =
        QJsonDocument(QJsonObject{{QStringLiteral("data"), data}}).toJson(QJsonDocument::Compact);
    Record eventRecord;
    eventRecord.type = Events;
    eventRecord.id = id;
    // The spec requires an eventType on every webhookEvents record; a ping carries none of its own, so it
    // reports the webhook's first subscribed type.
    const QJsonArray types = webhook.attributes.value(QStringLiteral("eventTypes")).toArray();
    eventRecord.attributes = {{QStringLiteral("payload"), QString::fromUtf8(payload)},
                              {QStringLiteral("ping"), true},
                              {QStringLiteral("createdDate"), nowText()}};
    if (!types.isEmpty())
        eventRecord.attributes.insert(QStringLiteral("eventType"), types.first());
    m_store.put(eventRecord);
    const QString delivery = startDelivery(webhook, id, false);
    emit storeChanged();
    return delivery;
}

std::optional<QString> WebhookEmitter::redeliver(const QString &templateDeliveryId)
{
    const Record *original = m_store.find(Deliveries, templateDeliveryId);
    if (!original)
        return std::nullopt;
    const QString eventId = original->relationships.value(QStringLiteral("event")).value(0);
    const QString webhookId = original->relationships.value(QStringLiteral("webhook")).value(0);
    const Record *webhook = m_store.find(Webhooks, webhookId);
    if (!webhook || !m_store.find(Events, eventId))
        return std::nullopt;
    const QString delivery = startDelivery(Record(*webhook), eventId, true);
    emit storeChanged();
    return delivery;
}

QString WebhookEmitter::startDelivery(const Record &webhook, const QString &eventId, bool redelivery)
{
    const Record *event = m_store.find(Events, eventId);
    const QByteArray payload =
        event ? event->attributes.value(QStringLiteral("payload")).toString().toUtf8() : QByteArray();
    const QString url = webhook.attributes.value(QStringLiteral("url")).toString();

    Record delivery;
    delivery.type = Deliveries;
    delivery.id = newUuid();
    delivery.attributes = {{QStringLiteral("createdDate"), nowText()},
                           {QStringLiteral("deliveryState"), QStringLiteral("PENDING")},
                           {QStringLiteral("redelivery"), redelivery},
                           {QStringLiteral("request"), QJsonObject{{QStringLiteral("url"), url}}}};
    delivery.relationships.insert(QStringLiteral("event"), {eventId});
    delivery.relationships.insert(QStringLiteral("webhook"), {webhook.id});
    m_store.put(delivery);
    const QString deliveryId = delivery.id;

    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("ascend-sim webhook emitter"));
    request.setRawHeader(
        "x-apple-signature",
        signature(webhook.attributes.value(QStringLiteral("secret")).toString().toUtf8(), payload));
    request.setTransferTimeout(TimeoutMs);
    QNetworkReply *reply = m_network.post(request, payload);
    const QDateTime sent = QDateTime::currentDateTimeUtc();
    connect(reply, &QNetworkReply::finished, this, [this, reply, deliveryId, sent] {
        reply->deleteLater();
        const Record *stored = m_store.find(Deliveries, deliveryId);
        if (!stored)
            return; // the webhook was deleted meanwhile
        Record updated = *stored;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll().left(MaxResponseBodyBytes);
        updated.attributes.insert(QStringLiteral("sentDate"), sent.toString(Qt::ISODateWithMs));
        const bool succeeded = status >= 200 && status < 300;
        updated.attributes.insert(QStringLiteral("deliveryState"),
                                  succeeded ? QStringLiteral("SUCCEEDED") : QStringLiteral("FAILED"));
        if (status > 0) {
            updated.attributes.insert(QStringLiteral("response"),
                                      QJsonObject{{QStringLiteral("httpStatusCode"), status},
                                                  {QStringLiteral("body"), QString::fromUtf8(body)}});
        }
        if (!succeeded) {
            updated.attributes.insert(QStringLiteral("errorMessage"),
                                      status > 0
                                          ? QStringLiteral("The endpoint answered HTTP %1.").arg(status)
                                          : reply->errorString());
        }
        m_store.put(updated);
        qCInfo(lcSim).noquote() << "webhook delivery" << deliveryId
                                << updated.attributes.value(QStringLiteral("deliveryState")).toString()
                                << (status > 0 ? QString::number(status) : reply->errorString());
        emit storeChanged();
        emit deliveryFinished(deliveryId,
                              updated.attributes.value(QStringLiteral("deliveryState")).toString());
    });
    return deliveryId;
}

} // namespace ascend::sim

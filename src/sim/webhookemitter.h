#pragma once
// Delivers webhook notifications the way App Store Connect does: for an event in the simulator, every enabled
// webhook of the app subscribed to its type gets an HTTP POST of the documented envelope
//   {"data": {"type": "<camelCase>", "id": "<uuid>", "version": 1, "attributes": {..., "timestamp"},
//             "relationships": {"instance": {"data": {"type", "id"}, "links": {"self"}}}}}
// signed with "x-apple-signature: hmacsha256=<hex HMAC-SHA256(secret, body)>". Every attempt is a
// webhookDeliveries record (PENDING, then SUCCEEDED on 2xx or FAILED with the status or the connection
// error) linked to a webhookEvents record holding the payload. There are no automatic retries; a redelivery
// (POST /v1/webhookDeliveries) sends the template's payload again as a new delivery.

#include "sim/simevents.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <optional>

namespace ascend::sim {

class Store;
struct Record;

class WebhookEmitter : public QObject {
    Q_OBJECT
public:
    static constexpr int TimeoutMs = 10000;
    static constexpr int MaxResponseBodyBytes = 4096; // kept in response.body

    // Marks deliveries left PENDING in the store (a previous run stopped mid-delivery) as FAILED.
    WebhookEmitter(Store &store, QObject *parent = nullptr);
    ~WebhookEmitter() override; // deliveries still in flight stay PENDING

    // Links in payloads (relationships.instance.links.self) start with this.
    void setBaseUrl(const QString &baseUrl) { m_baseUrl = baseUrl; }
    // Delivers every event published on events from now on.
    void subscribeTo(SimEvents &events);

    // The ids of the deliveries started for this event (none when no webhook wants it).
    QStringList emitEvent(const SimEvent &event);
    // A ping to one webhook (enabled or not); returns the delivery id.
    QString ping(const QString &webhookId, const QString &pingId);
    // A new delivery of the template's event to its webhook; nullopt when the template does not exist.
    std::optional<QString> redeliver(const QString &templateDeliveryId);

    // camelCase data.type of an event type: BUILD_UPLOAD_STATE_UPDATED → buildUploadStateUpdated.
    static QString notificationType(asc::WebhookEventType type);
    // The Webhook records of appId that are enabled and subscribed to type.
    QList<const Record *> subscribers(const QString &appId, asc::WebhookEventType type) const;

signals:
    void storeChanged();
    void deliveryFinished(const QString &deliveryId, const QString &state);

private:
    QString startDelivery(const Record &webhook, const QString &eventId, bool redelivery);

    Store &m_store;
    QNetworkAccessManager m_network;
    QString m_baseUrl;
};

} // namespace ascend::sim

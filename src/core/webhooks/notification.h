#pragma once
// A webhook notification as App Store Connect posts it:
//   {"data": {"type": "<camelCase event>", "id": "<uuid>", "version": 1, "attributes": {...},
//             "relationships": {"instance": {"data": {"type", "id"}, "links": {"self"}}}}}

#include "core/asc/ascenums.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <optional>

namespace ascend::webhooks {

struct Notification {
    QString id;                                     // data.id: the event's id, used for deduplication
    QString notificationType;                       // data.type as sent
    std::optional<asc::WebhookEventType> eventType; // nullopt for pings and types newer than the spec
    bool ping = false;
    int version = 0; // data.version; 0 when absent
    QJsonObject attributes;
    QDateTime timestamp; // attributes.timestamp parsed leniently (UTC); invalid when absent
    QString instanceType;
    QString instanceId;
    QString instanceUrl; // relationships.instance.links.self
    QString appId;       // attributes.appId or relationships.marketplaceApp, when sent

    bool isNull() const { return id.isEmpty(); }
    // "newState" / "newExternalBuildState" / "newValue", whichever the event type uses; empty otherwise.
    QString newState() const;
};

// ISO 8601 with any number of fraction digits (".16Z", ".541411Z", none), "Z" or an offset. UTC result.
QDateTime parseLenientTimestamp(const QString &text);

// Decodes a raw body. nullopt plus a reason when it is not JSON or not the documented envelope (data object
// with string type and id; attributes and relationships objects when present).
std::optional<Notification> decodeNotification(const QByteArray &body, QString *error);

} // namespace ascend::webhooks

Q_DECLARE_METATYPE(ascend::webhooks::Notification)

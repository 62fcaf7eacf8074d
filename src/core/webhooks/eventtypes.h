#pragma once
// The 12 WebhookEventType values with what a notification of each carries: the camelCase data.type of the
// envelope, the type of relationships.instance, an area for grouping in forms, and a one-line description.

#include "core/asc/ascenums.h"

#include <QList>
#include <QString>
#include <optional>

namespace ascend::webhooks {

struct EventTypeInfo {
    asc::WebhookEventType type;
    QString name;             // "BUILD_UPLOAD_STATE_UPDATED" (the spec's enum value)
    QString notificationType; // "buildUploadStateUpdated" (data.type in the notification)
    QString instanceType;     // "buildUploads"; empty when the notification has only marketplaceApp
    QString area; // "Builds", "TestFlight", "App Store", "Background Assets", "Alternative Distribution"
    QString description; // one line, for the webhook form
};

// Every event type, in the spec's order.
const QList<EventTypeInfo> &eventTypes();
const EventTypeInfo &eventTypeInfo(asc::WebhookEventType type);
std::optional<asc::WebhookEventType> eventTypeForNotificationType(const QString &notificationType);
QString notificationTypeOf(asc::WebhookEventType type);

// data.type third-party code expects for a ping; no Apple document shows a ping body.
inline constexpr char PingNotificationType[] = "webhookPingCreated";

} // namespace ascend::webhooks

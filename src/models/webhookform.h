#pragma once
// What the webhook form checks before any request, and the event types grouped by area for its checkboxes.

#include "core/api/webhooks.h"
#include "core/webhooks/eventtypes.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ascend::models {

struct FormCheck {
    QStringList errors;   // block saving
    QStringList warnings; // shown, saving allowed
    bool ok() const { return errors.isEmpty(); }
};

// creating: name, URL, at least one event type and a secret are required. A non-HTTPS URL is a warning
// unless the account is the simulator (whose webhooks point at a local http listener).
FormCheck checkWebhookForm(const api::WebhookFields &fields, bool creating, bool simulatorAccount);

struct EventTypeGroup {
    QString area;
    QList<webhooks::EventTypeInfo> types;
};
// All 12 event types grouped by area (Builds, TestFlight, App Store, ...), in a stable order.
QList<EventTypeGroup> eventTypeGroups();

} // namespace ascend::models

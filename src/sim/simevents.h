#pragma once
// What happens inside the simulator that App Store Connect would notify webhooks about. Areas that change
// state (build uploads, beta review, feedback) publish here; the webhook emitter subscribes and delivers.

#include "core/asc/ascenums.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

namespace ascend::sim {

struct SimEvent {
    asc::WebhookEventType type;
    QString appId;          // webhooks belong to an app: only that app's webhooks receive the event
    QString instanceType;   // relationships.instance.data.type, e.g. "buildUploads"
    QString instanceId;     // relationships.instance.data.id
    QJsonObject attributes; // e.g. {"newState": "COMPLETE"}; "timestamp" is added by the emitter when absent
};

class SimEvents : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    void publish(const SimEvent &event) { emit published(event); }

signals:
    void published(const ascend::sim::SimEvent &event);
};

} // namespace ascend::sim

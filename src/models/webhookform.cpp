#include "models/webhookform.h"

#include <QCoreApplication>
#include <QUrl>

namespace ascend::models {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ascend::models::WebhookForm)
};
} // namespace

FormCheck checkWebhookForm(const api::WebhookFields &fields, bool creating, bool simulatorAccount)
{
    FormCheck check;
    if (fields.name ? fields.name->trimmed().isEmpty() : creating)
        check.errors << Text::tr("Give the webhook a name.");
    if (fields.url || creating) {
        const QString text = fields.url.value_or(QString()).trimmed();
        const QUrl url(text, QUrl::StrictMode);
        if (text.isEmpty() || !url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
            check.errors << Text::tr("The URL must be a complete http:// or https:// address.");
        } else if (url.scheme() == QLatin1String("http") && !simulatorAccount) {
            check.warnings << Text::tr(
                "App Store Connect delivers only to public HTTPS URLs; use a reverse proxy "
                "or a tunnel that forwards to this address.");
        }
    }
    if (fields.eventTypes ? fields.eventTypes->isEmpty() : creating)
        check.errors << Text::tr("Choose at least one event type.");
    if (creating && (!fields.secret || fields.secret->isEmpty()))
        check.errors << Text::tr("Enter or generate a secret.");
    return check;
}

QList<EventTypeGroup> eventTypeGroups()
{
    QList<EventTypeGroup> groups;
    for (const webhooks::EventTypeInfo &info : webhooks::eventTypes()) {
        auto it = std::find_if(groups.begin(), groups.end(),
                               [&](const EventTypeGroup &group) { return group.area == info.area; });
        if (it == groups.end()) {
            groups.append({info.area, {}});
            it = groups.end() - 1;
        }
        it->types.append(info);
    }
    return groups;
}

} // namespace ascend::models

#include "demotestflight.h"

#include "core/api/apiclient.h"
#include "core/api/apireply.h"
#include "core/api/betaappreviewsubmissions.h"
#include "core/api/betabuildlocalizations.h"
#include "core/api/betagroups.h"
#include "demowebhook.h"

#include <memory>

namespace ascend::cli {

namespace {

constexpr int kReviewTimeoutMs = 60000;

// Sends the request and waits; on failure fills error with what was being done and the server's answer.
std::unique_ptr<api::ApiReply> call(api::ApiClient *client, const api::ApiRequest &request,
                                    const QString &what, QString *error)
{
    std::unique_ptr<api::ApiReply> reply(client->send(request));
    api::waitForFinished(reply.get());
    if (!reply->ok()) {
        *error = QStringLiteral("%1 failed: %2").arg(what, reply->error().message());
        return nullptr;
    }
    return reply;
}

} // namespace

bool runDemoTestFlight(api::ApiClient *client, const QString &appId, const QString &buildId,
                       DemoWebhook &webhook, const std::function<void(const QString &)> &step, QString *error)
{
    const auto groups = call(client, api::listAppBetaGroups(appId, api::Query().limit(200)),
                             QStringLiteral("Listing the beta groups"), error);
    if (!groups)
        return false;
    std::optional<api::BetaGroup> external;
    for (const auto &resource : groups->document().resources()) {
        const auto group = api::BetaGroup::fromResource(resource);
        if (group && !group->isInternalGroup) {
            external = group;
            break;
        }
    }
    if (!external) {
        *error = QStringLiteral("The demo app has no external beta group.");
        return false;
    }
    if (!call(client, api::addBuildsToBetaGroup(external->id, {buildId}),
              QStringLiteral("Adding the build to %1").arg(external->name), error))
        return false;
    step(QStringLiteral(
             "Added the build to the external group \"%1\" (POST /v1/betaGroups/%2/relationships/builds)")
             .arg(external->name, external->id));

    const QString notes = QStringLiteral("Try the new onboarding and report anything that looks off.");
    if (!call(client, api::createBetaBuildLocalization(buildId, QStringLiteral("en-US"), notes),
              QStringLiteral("Setting What to Test"), error))
        return false;
    step(QStringLiteral("Set What to Test for en-US (POST /v1/betaBuildLocalizations): \"%1\"").arg(notes));

    const auto submission = call(client, api::submitForBetaAppReview(buildId),
                                 QStringLiteral("Submitting for Beta App Review"), error);
    if (!submission)
        return false;
    const auto resource = submission->document().resource();
    step(QStringLiteral(
             "Submitted for Beta App Review (POST /v1/betaAppReviewSubmissions): %1, waiting for the "
             "review's webhook events")
             .arg(resource ? resource->stringAttribute(QStringLiteral("betaReviewState")) : QString()));

    const auto isFinalReviewState = [](const webhooks::Notification &event) {
        if (event.eventType != asc::WebhookEventType::BUILD_BETA_DETAIL_EXTERNAL_BUILD_STATE_UPDATED)
            return false;
        const QString state = event.newState();
        return state == QLatin1String("BETA_APPROVED") || state == QLatin1String("BETA_REJECTED");
    };
    const auto verdict = webhook.waitFor(isFinalReviewState, kReviewTimeoutMs);
    if (!verdict) {
        *error = QStringLiteral("No review result arrived at the listener within %1 s.")
                     .arg(kReviewTimeoutMs / 1000);
        return false;
    }
    step(QStringLiteral("Received a verified %1 event: %2 → %3")
             .arg(verdict->notificationType,
                  verdict->attributes.value(QStringLiteral("oldExternalBuildState")).toString(),
                  verdict->newState()));
    return verdict->newState() == QLatin1String("BETA_APPROVED");
}

} // namespace ascend::cli

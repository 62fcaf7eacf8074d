#include "core/webhooks/eventtypes.h"

#include <QCoreApplication>

namespace ascend::webhooks {

namespace {

using asc::WebhookEventType;

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ascend::webhooks)
};

QList<EventTypeInfo> makeEventTypes()
{
    const QString builds = Text::tr("Builds");
    const QString testflight = Text::tr("TestFlight");
    const QString appStore = Text::tr("App Store");
    const QString assets = Text::tr("Background Assets");
    const QString altDist = Text::tr("Alternative Distribution");
    QList<EventTypeInfo> list{
        {WebhookEventType::ALTERNATIVE_DISTRIBUTION_PACKAGE_AVAILABLE_UPDATED,
         {},
         QStringLiteral("alternativeDistributionPackageAvailableUpdated"),
         QStringLiteral("alternativeDistributionPackages"),
         altDist,
         Text::tr("An alternative distribution package became available or unavailable in territories.")},
        {WebhookEventType::ALTERNATIVE_DISTRIBUTION_PACKAGE_VERSION_CREATED,
         {},
         QStringLiteral("alternativeDistributionPackageVersionCreated"),
         QStringLiteral("alternativeDistributionPackageVersions"),
         altDist,
         Text::tr("A new version of an alternative distribution package was created.")},
        {WebhookEventType::ALTERNATIVE_DISTRIBUTION_TERRITORY_AVAILABILITY_UPDATED,
         {},
         QStringLiteral("alternativeDistributionTerritoryAvailabilityUpdated"),
         QString(),
         altDist,
         Text::tr("The territories where the app is available for alternative distribution changed.")},
        {WebhookEventType::APP_STORE_VERSION_APP_VERSION_STATE_UPDATED,
         {},
         QStringLiteral("appStoreVersionAppVersionStateUpdated"),
         QStringLiteral("appStoreVersions"),
         appStore,
         Text::tr("An App Store version changed state (for example from review to ready for distribution).")},
        {WebhookEventType::BACKGROUND_ASSET_VERSION_APP_STORE_RELEASE_STATE_UPDATED,
         {},
         QStringLiteral("backgroundAssetVersionAppStoreReleaseStateUpdated"),
         QStringLiteral("backgroundAssetVersionAppStoreReleases"),
         assets,
         Text::tr("The App Store release of a background asset version changed state.")},
        {WebhookEventType::BACKGROUND_ASSET_VERSION_EXTERNAL_BETA_RELEASE_STATE_UPDATED,
         {},
         QStringLiteral("backgroundAssetVersionExternalBetaReleaseStateUpdated"),
         QStringLiteral("backgroundAssetVersionExternalBetaReleases"),
         assets,
         Text::tr("The external beta release of a background asset version changed state.")},
        {WebhookEventType::BACKGROUND_ASSET_VERSION_INTERNAL_BETA_RELEASE_CREATED,
         {},
         QStringLiteral("backgroundAssetVersionInternalBetaReleaseCreated"),
         QStringLiteral("backgroundAssetVersionInternalBetaReleases"),
         assets,
         Text::tr("A background asset version was released to internal testers.")},
        {WebhookEventType::BACKGROUND_ASSET_VERSION_STATE_UPDATED,
         {},
         QStringLiteral("backgroundAssetVersionStateUpdated"),
         QStringLiteral("backgroundAssetVersions"),
         assets,
         Text::tr("A background asset version changed state.")},
        {WebhookEventType::BETA_FEEDBACK_CRASH_SUBMISSION_CREATED,
         {},
         QStringLiteral("betaFeedbackCrashSubmissionCreated"),
         QStringLiteral("betaFeedbackCrashSubmissions"),
         testflight,
         Text::tr("A tester sent crash feedback from TestFlight.")},
        {WebhookEventType::BETA_FEEDBACK_SCREENSHOT_SUBMISSION_CREATED,
         {},
         QStringLiteral("betaFeedbackScreenshotSubmissionCreated"),
         QStringLiteral("betaFeedbackScreenshotSubmissions"),
         testflight,
         Text::tr("A tester sent screenshot feedback from TestFlight.")},
        {WebhookEventType::BUILD_BETA_DETAIL_EXTERNAL_BUILD_STATE_UPDATED,
         {},
         QStringLiteral("buildBetaDetailExternalBuildStateUpdated"),
         QStringLiteral("buildBetaDetails"),
         testflight,
         Text::tr("A build's external TestFlight state changed (for example beta review approved).")},
        {WebhookEventType::BUILD_UPLOAD_STATE_UPDATED,
         {},
         QStringLiteral("buildUploadStateUpdated"),
         QStringLiteral("buildUploads"),
         builds,
         Text::tr("A build upload changed state (processing, complete, failed).")},
    };
    for (EventTypeInfo &info : list)
        info.name = asc::toString(info.type);
    return list;
}

} // namespace

const QList<EventTypeInfo> &eventTypes()
{
    static const QList<EventTypeInfo> list = makeEventTypes();
    return list;
}

const EventTypeInfo &eventTypeInfo(asc::WebhookEventType type)
{
    return eventTypes().at(qsizetype(type));
}

std::optional<asc::WebhookEventType> eventTypeForNotificationType(const QString &notificationType)
{
    for (const EventTypeInfo &info : eventTypes()) {
        if (info.notificationType == notificationType)
            return info.type;
    }
    return std::nullopt;
}

QString notificationTypeOf(asc::WebhookEventType type)
{
    return eventTypeInfo(type).notificationType;
}

} // namespace ascend::webhooks

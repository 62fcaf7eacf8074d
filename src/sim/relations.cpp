#include "sim/relations.h"

#include "sim/store.h"

namespace ascend::sim {

void defineRelations(Store &store)
{
    const QString apps = QStringLiteral("apps");
    const QString builds = QStringLiteral("builds");
    const QString preReleaseVersions = QStringLiteral("preReleaseVersions");

    store.defineRelationship(builds, QStringLiteral("app"), apps, false);
    store.defineRelationship(builds, QStringLiteral("preReleaseVersion"), preReleaseVersions, false);
    store.defineRelationship(preReleaseVersions, QStringLiteral("app"), apps, false);

    store.defineInverse(apps, builds, builds, QStringLiteral("app"));
    store.defineInverse(apps, preReleaseVersions, preReleaseVersions, QStringLiteral("app"));
    store.defineInverse(preReleaseVersions, builds, builds, QStringLiteral("preReleaseVersion"));

    // Webhooks: a delivery's link to its webhook is the simulator's own (the spec shows only "event").
    const QString webhooks = QStringLiteral("webhooks");
    const QString webhookDeliveries = QStringLiteral("webhookDeliveries");
    store.defineRelationship(webhooks, QStringLiteral("app"), apps, false);
    store.defineRelationship(webhookDeliveries, QStringLiteral("webhook"), webhooks, false);
    store.defineRelationship(webhookDeliveries, QStringLiteral("event"), QStringLiteral("webhookEvents"),
                             false);
    store.defineInverse(apps, webhooks, webhooks, QStringLiteral("app"));
    store.defineInverse(webhooks, QStringLiteral("deliveries"), webhookDeliveries, QStringLiteral("webhook"));

    // Build uploads: the app link is the simulator's own (the spec's BuildUpload shows none).
    const QString buildUploads = QStringLiteral("buildUploads");
    const QString buildUploadFiles = QStringLiteral("buildUploadFiles");
    store.defineRelationship(buildUploads, QStringLiteral("app"), apps, false);
    store.defineRelationship(buildUploads, QStringLiteral("build"), builds, false);
    store.defineRelationship(buildUploads, QStringLiteral("assetFile"), buildUploadFiles, false);
    store.defineRelationship(buildUploads, QStringLiteral("assetDescriptionFile"), buildUploadFiles, false);
    store.defineRelationship(buildUploads, QStringLiteral("assetSpiFile"), buildUploadFiles, false);
    store.defineRelationship(buildUploadFiles, QStringLiteral("buildUpload"), buildUploads, false);
    store.defineInverse(apps, buildUploads, buildUploads, QStringLiteral("app"));
    store.defineInverse(buildUploads, buildUploadFiles, buildUploadFiles, QStringLiteral("buildUpload"));
    store.defineInverse(builds, QStringLiteral("buildUpload"), buildUploads, QStringLiteral("build"));

    // TestFlight: groups hold their builds and testers; testers hold their apps and individual builds.
    const QString betaGroups = QStringLiteral("betaGroups");
    const QString betaTesters = QStringLiteral("betaTesters");
    store.defineRelationship(betaGroups, QStringLiteral("app"), apps, false);
    store.defineRelationship(betaGroups, builds, builds, true);
    store.defineRelationship(betaGroups, betaTesters, betaTesters, true);
    store.defineRelationship(betaTesters, apps, apps, true);
    store.defineRelationship(betaTesters, builds, builds, true);
    store.defineInverse(apps, betaGroups, betaGroups, QStringLiteral("app"));
    store.defineInverse(builds, betaGroups, betaGroups, builds);
    store.defineInverse(betaTesters, betaGroups, betaGroups, betaTesters);
    store.defineInverse(apps, betaTesters, betaTesters, apps);
    store.defineInverse(builds, QStringLiteral("individualTesters"), betaTesters, builds);
    for (const char *type : {"betaBuildLocalizations", "buildBetaDetails", "betaAppReviewSubmissions"})
        store.defineRelationship(QString::fromLatin1(type), QStringLiteral("build"), builds, false);
    store.defineInverse(builds, QStringLiteral("betaBuildLocalizations"),
                        QStringLiteral("betaBuildLocalizations"), QStringLiteral("build"));
    store.defineInverse(builds, QStringLiteral("buildBetaDetail"), QStringLiteral("buildBetaDetails"),
                        QStringLiteral("build"));
    store.defineInverse(builds, QStringLiteral("betaAppReviewSubmission"),
                        QStringLiteral("betaAppReviewSubmissions"), QStringLiteral("build"));

    // Feedback: the app link is the simulator's own (the spec lists feedback under the app but shows no link
    // back).
    for (const char *type : {"betaFeedbackScreenshotSubmissions", "betaFeedbackCrashSubmissions"}) {
        const QString feedback = QString::fromLatin1(type);
        store.defineRelationship(feedback, QStringLiteral("app"), apps, false);
        store.defineRelationship(feedback, QStringLiteral("build"), builds, false);
        store.defineRelationship(feedback, QStringLiteral("tester"), betaTesters, false);
        store.defineInverse(apps, feedback, feedback, QStringLiteral("app"));
    }
}

QString sortAttributeOf(const QString &type)
{
    if (type == QLatin1String("apps"))
        return QStringLiteral("name");
    if (type == QLatin1String("preReleaseVersions") || type == QLatin1String("builds"))
        return QStringLiteral("version");
    return {};
}

} // namespace ascend::sim

#include "sim/seeder.h"

#include "core/asc/ascenums.h"
#include "sim/feedbackseeder.h"
#include "sim/store.h"
#include "sim/testflightseeder.h"

#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>

namespace ascend::sim {
namespace {

using asc::Platform;

constexpr int BuildLifetimeDays = 90; // TestFlight builds expire 90 days after upload

struct VersionPlan {
    Platform platform;
    const char *version;
    int ageDays; // how long ago the first build of this version was uploaded
    int builds;
};

struct AppPlan {
    const char *name;
    const char *bundleId;
    const char *sku;
    const char *locale;
    QList<VersionPlan> versions;
};

const QList<AppPlan> &demoApps()
{
    static const QList<AppPlan> apps = {
        {"Trailhead",
         "com.ascend.demo.trailhead",
         "TRAILHEAD2019",
         "en-US",
         {{Platform::IOS, "2.3", 150, 4},
          {Platform::IOS, "2.4", 60, 5},
          {Platform::IOS, "3.0", 9, 6},
          {Platform::VISION_OS, "1.0", 45, 3},
          {Platform::VISION_OS, "1.1", 4, 2}}},
        {"Lumen Notes",
         "com.ascend.demo.lumennotes",
         "LUMEN-NOTES",
         "en-GB",
         {{Platform::IOS, "4.1", 120, 3},
          {Platform::IOS, "4.2", 12, 4},
          {Platform::MAC_OS, "4.1", 118, 2},
          {Platform::MAC_OS, "4.2", 11, 3}}},
        {"Fieldcast",
         "com.ascend.demo.fieldcast",
         "FIELDCAST-TV",
         "de-DE",
         {{Platform::TV_OS, "1.2", 100, 3}, {Platform::TV_OS, "1.3", 6, 3}, {Platform::IOS, "1.3", 6, 2}}},
        {"Pocket Orbit",
         "com.ascend.demo.pocketorbit",
         "POCKETORBIT",
         "en-US",
         {{Platform::IOS, "0.9", 35, 3}, {Platform::IOS, "1.0", 2, 3}}},
        {"Quillstone",
         "com.ascend.demo.quillstone",
         "QUILLSTONE-MAC",
         "fr-FR",
         {{Platform::MAC_OS, "2.0", 200, 2}, {Platform::MAC_OS, "2.1", 20, 3}}},
    };
    return apps;
}

class IdSource {
public:
    explicit IdSource(quint32 seed)
        : m_random(seed)
    {}
    // App Store Connect app ids are ten-digit numbers.
    QString appId() { return QString::number(6400000000ull + m_random.bounded(99999999u)); }
    // Other resources use UUIDs; these are version-4 shaped but drawn from the seeded generator.
    QString uuid()
    {
        QByteArray bytes(16, Qt::Uninitialized);
        for (char &byte : bytes)
            byte = char(m_random.bounded(256u));
        bytes[6] = char((bytes[6] & 0x0f) | 0x40);
        bytes[8] = char((bytes[8] & 0x3f) | 0x80);
        const QByteArray hex = bytes.toHex();
        return QString::fromLatin1(hex.left(8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) + '-' +
                                   hex.mid(16, 4) + '-' + hex.mid(20));
    }
    QRandomGenerator &random() { return m_random; }

private:
    QRandomGenerator m_random;
};

QString isoDate(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QString minOsVersion(Platform platform)
{
    switch (platform) {
    case Platform::IOS:
        return QStringLiteral("16.0");
    case Platform::MAC_OS:
        return QStringLiteral("13.0");
    case Platform::TV_OS:
        return QStringLiteral("17.0");
    case Platform::VISION_OS:
        return QStringLiteral("1.0");
    }
    return {};
}

Record makeApp(const QString &id, const AppPlan &plan)
{
    Record app;
    app.type = QStringLiteral("apps");
    app.id = id;
    app.attributes = QJsonObject{
        {QStringLiteral("name"), QString::fromUtf8(plan.name)},
        {QStringLiteral("bundleId"), QString::fromLatin1(plan.bundleId)},
        {QStringLiteral("sku"), QString::fromLatin1(plan.sku)},
        {QStringLiteral("primaryLocale"), QString::fromLatin1(plan.locale)},
        {QStringLiteral("isOrEverWasMadeForKids"), false},
        {QStringLiteral("contentRightsDeclaration"), QStringLiteral("DOES_NOT_USE_THIRD_PARTY_CONTENT")},
        {QStringLiteral("streamlinedPurchasingEnabled"), true},
    };
    return app;
}

Record makePreReleaseVersion(const QString &id, const QString &appId, Platform platform,
                             const QString &version)
{
    Record record;
    record.type = QStringLiteral("preReleaseVersions");
    record.id = id;
    record.attributes = QJsonObject{{QStringLiteral("version"), version},
                                    {QStringLiteral("platform"), asc::toString(platform)}};
    record.relationships.insert(QStringLiteral("app"), {appId});
    return record;
}

struct BuildPlan {
    QString id;
    QString appId;
    QString preReleaseVersionId;
    Platform platform;
    int buildNumber;
    QDateTime uploaded;
    asc::BuildProcessingState state;
    asc::BuildAudienceType audience;
    bool manuallyExpired = false;
    bool usesEncryption = false;
};

Record makeBuild(const BuildPlan &plan, const QDateTime &now)
{
    using asc::BuildProcessingState;
    const QDateTime expiration = plan.uploaded.addDays(BuildLifetimeDays);
    Record build;
    build.type = QStringLiteral("builds");
    build.id = plan.id;
    QJsonObject attributes{
        {QStringLiteral("version"), QString::number(plan.buildNumber)},
        {QStringLiteral("uploadedDate"), isoDate(plan.uploaded)},
        {QStringLiteral("expirationDate"), isoDate(expiration)},
        {QStringLiteral("expired"), plan.manuallyExpired || expiration <= now},
        {QStringLiteral("minOsVersion"), minOsVersion(plan.platform)},
        {QStringLiteral("processingState"), asc::toString(plan.state)},
        {QStringLiteral("buildAudienceType"), asc::toString(plan.audience)},
    };
    if (plan.platform == Platform::MAC_OS)
        attributes.insert(QStringLiteral("lsMinimumSystemVersion"), minOsVersion(plan.platform));
    if (plan.platform == Platform::IOS) {
        attributes.insert(QStringLiteral("computedMinMacOsVersion"), QStringLiteral("14.0"));
        attributes.insert(QStringLiteral("computedMinVisionOsVersion"), QStringLiteral("1.0"));
    }
    // Export compliance is answered once processing has finished.
    if (plan.state != BuildProcessingState::PROCESSING)
        attributes.insert(QStringLiteral("usesNonExemptEncryption"), plan.usesEncryption);
    build.attributes = attributes;
    build.relationships.insert(QStringLiteral("app"), {plan.appId});
    build.relationships.insert(QStringLiteral("preReleaseVersion"), {plan.preReleaseVersionId});
    return build;
}

asc::BuildProcessingState pickState(QRandomGenerator &random, bool newestOfVersion, int ageDays)
{
    using asc::BuildProcessingState;
    if (newestOfVersion && ageDays < 5)
        return BuildProcessingState::PROCESSING;
    const quint32 roll = random.bounded(100u);
    if (roll < 8)
        return BuildProcessingState::FAILED;
    if (roll < 14)
        return BuildProcessingState::INVALID;
    return BuildProcessingState::VALID;
}

void seedDemo(Store &store, IdSource &ids, const QDateTime &now, SeedSummary &summary)
{
    QRandomGenerator &random = ids.random();
    for (const AppPlan &plan : demoApps()) {
        const QString appId = ids.appId();
        store.put(makeApp(appId, plan));
        ++summary.apps;
        int buildNumber = 100 + int(random.bounded(300u));
        for (const VersionPlan &version : plan.versions) {
            const QString versionId = ids.uuid();
            store.put(makePreReleaseVersion(versionId, appId, version.platform,
                                            QString::fromLatin1(version.version)));
            ++summary.preReleaseVersions;
            // Builds of a version spread from ageDays ago towards today, a day or few apart.
            const int spacing = std::max(1, version.ageDays / (version.builds + 1));
            for (int i = 0; i < version.builds; ++i) {
                const int ageDays = version.ageDays - i * spacing;
                const QDateTime uploaded =
                    now.addDays(-ageDays).addSecs(-qint64(random.bounded(8u * 3600u)) - 600);
                BuildPlan build;
                build.id = ids.uuid();
                build.appId = appId;
                build.preReleaseVersionId = versionId;
                build.platform = version.platform;
                build.buildNumber = ++buildNumber;
                build.uploaded = uploaded;
                build.state = pickState(random, i == version.builds - 1, ageDays);
                build.audience = random.bounded(5u) == 0 ? asc::BuildAudienceType::INTERNAL_ONLY
                                                         : asc::BuildAudienceType::APP_STORE_ELIGIBLE;
                build.usesEncryption = random.bounded(6u) == 0;
                // Now and then a tester-facing build is expired by hand before its 90 days are up.
                build.manuallyExpired = build.state == asc::BuildProcessingState::VALID && i == 0 &&
                                        ageDays < BuildLifetimeDays && random.bounded(3u) == 0;
                store.put(makeBuild(build, now));
                ++summary.builds;
            }
        }
    }
}

void seedBenchmark(Store &store, IdSource &ids, const QDateTime &now, int count, SeedSummary &summary)
{
    AppPlan plan{"Ascend Benchmark", BenchmarkBundleId, "ASCEND-BENCH", "en-US", {}};
    const QString appId = ids.appId();
    store.put(makeApp(appId, plan));
    summary.benchmarkAppId = appId;
    ++summary.apps;
    const QString versionId = ids.uuid();
    store.put(makePreReleaseVersion(versionId, appId, Platform::IOS, QStringLiteral("1.0")));
    ++summary.preReleaseVersions;
    static const asc::BuildProcessingState states[] = {
        asc::BuildProcessingState::VALID, asc::BuildProcessingState::VALID, asc::BuildProcessingState::VALID,
        asc::BuildProcessingState::FAILED, asc::BuildProcessingState::INVALID};
    for (int i = 0; i < count; ++i) {
        BuildPlan build;
        build.id = ids.uuid();
        build.appId = appId;
        build.preReleaseVersionId = versionId;
        build.platform = Platform::IOS;
        build.buildNumber = i + 1;
        // One upload every ten minutes, the newest a few minutes ago.
        build.uploaded = now.addSecs(-qint64(count - i) * 600);
        build.state = i == count - 1 ? asc::BuildProcessingState::PROCESSING : states[i % 5];
        build.audience = asc::BuildAudienceType::APP_STORE_ELIGIBLE;
        store.put(makeBuild(build, now));
        ++summary.builds;
    }
}

} // namespace

SeedSummary seedStore(Store &store, const SeedOptions &options)
{
    SeedSummary summary;
    QDateTime now = options.now;
    if (!now.isValid()) {
        now = QDateTime::currentDateTimeUtc();
        now.setTime(QTime(now.time().hour(), 0));
    }
    now = now.toUTC();
    IdSource ids(options.randomSeed);
    if (options.kind == SeedOptions::Kind::Demo)
        seedDemo(store, ids, now, summary);
    if (options.benchmarkBuilds > 0)
        seedBenchmark(store, ids, now, options.benchmarkBuilds, summary);
    seedTestFlight(store, options.randomSeed, now);

    // Feedback: the requested amount for the first app, a few for the other demo apps.
    const bool demo = options.kind == SeedOptions::Kind::Demo;
    const int screenshots =
        options.feedbackScreenshots >= 0 ? options.feedbackScreenshots : (demo ? DemoFeedbackScreenshots : 0);
    const int crashes =
        options.feedbackCrashes >= 0 ? options.feedbackCrashes : (demo ? DemoFeedbackCrashes : 0);
    const QList<const Record *> apps = store.all(QStringLiteral("apps"));
    QStringList appIds;
    for (const Record *app : apps)
        appIds.append(app->id);
    for (qsizetype i = 0; i < appIds.size(); ++i) {
        const bool first = i == 0;
        if (!first && (!demo || appIds.at(i) == summary.benchmarkAppId))
            continue;
        const FeedbackSeedSummary feedback =
            seedFeedback(store, appIds.at(i), first ? screenshots : 6, first ? crashes : 3, now,
                         options.randomSeed ^ (0xfeed0000u + quint32(i)));
        summary.feedbackScreenshots += feedback.screenshots;
        summary.feedbackCrashes += feedback.crashes;
    }
    return summary;
}

} // namespace ascend::sim

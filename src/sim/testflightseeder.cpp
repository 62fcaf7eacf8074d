#include "sim/testflightseeder.h"

#include "sim/betareview.h"
#include "sim/seeder.h"
#include "sim/store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>

namespace ascend::sim {

namespace {

const QString kBuilds = QStringLiteral("builds");

const char *const kFirstNames[] = {"Ava",   "Noah",  "Mia",    "Liam",  "Sofia", "Mateo", "Hana", "Kenji",
                                   "Zoe",   "Omar",  "Lena",   "Jonas", "Priya", "Arjun", "Elif", "Emre",
                                   "Chloe", "Lucas", "Ingrid", "Finn",  "Amara", "Kofi",  "Yara", "Tomás",
                                   "Nora",  "Felix", "Ines",   "Hugo",  "Maya",  "Leo",   "Sara", "Ravi"};
const char *const kLastNames[] = {"Okafor",  "Lindqvist", "Moreau",   "Tanaka",  "Silva",  "Novak",
                                  "Haddad",  "Fischer",   "Kowalski", "Rossi",   "Nguyen", "Mensah",
                                  "Schmidt", "Jansen",    "Costa",    "Ibrahim", "Kim",    "Andersen"};

struct Device {
    const char *model;
    const char *platform;
    const char *osVersion;
};
const Device kDevices[] = {{"iPhone15,2", "IOS", "17.4"},
                           {"iPhone16,1", "IOS", "17.5"},
                           {"iPhone14,5", "IOS", "16.7"},
                           {"iPad13,4", "IOS", "17.3"},
                           {"MacBookPro18,3", "MAC_OS", "14.4"},
                           {"AppleTV14,1", "TV_OS", "17.4"},
                           {"RealityDevice14,1", "VISION_OS", "1.1"}};

class Ids {
public:
    explicit Ids(quint32 seed)
        : m_random(seed)
    {}
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
    QString linkId()
    {
        static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        QString id;
        for (int i = 0; i < 8; ++i)
            id.append(QLatin1Char(alphabet[m_random.bounded(quint32(sizeof(alphabet) - 1))]));
        return id;
    }
    QRandomGenerator &random() { return m_random; }

private:
    QRandomGenerator m_random;
};

QString iso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

struct GroupPlan {
    QString name;
    bool internal;
    bool allBuilds;
    bool publicLink;
    int publicLinkLimit; // 0 = no limit
    bool feedback;
};

Record makeGroup(Ids &ids, const QString &appId, const GroupPlan &plan, const QDateTime &created)
{
    Record group;
    group.type = QStringLiteral("betaGroups");
    group.id = ids.uuid();
    group.attributes = QJsonObject{{QStringLiteral("name"), plan.name},
                                   {QStringLiteral("createdDate"), iso(created)},
                                   {QStringLiteral("isInternalGroup"), plan.internal},
                                   {QStringLiteral("hasAccessToAllBuilds"), plan.allBuilds},
                                   {QStringLiteral("publicLinkEnabled"), plan.publicLink},
                                   {QStringLiteral("publicLinkLimitEnabled"), plan.publicLinkLimit > 0},
                                   {QStringLiteral("feedbackEnabled"), plan.feedback},
                                   {QStringLiteral("iosBuildsAvailableForAppleSiliconMac"), false},
                                   {QStringLiteral("iosBuildsAvailableForAppleVision"), false}};
    if (plan.publicLinkLimit > 0)
        group.attributes.insert(QStringLiteral("publicLinkLimit"), plan.publicLinkLimit);
    if (plan.publicLink) {
        const QString link = ids.linkId();
        group.attributes.insert(QStringLiteral("publicLinkId"), link);
        group.attributes.insert(QStringLiteral("publicLink"),
                                QStringLiteral("https://testflight.apple.com/join/") + link);
    }
    group.relationships.insert(QStringLiteral("app"), {appId});
    return group;
}

Record makeTester(Ids &ids, int index, const QString &appId, const QString &domain, bool publicLink)
{
    QRandomGenerator &random = ids.random();
    const QString first = QString::fromUtf8(kFirstNames[index % std::size(kFirstNames)]);
    const QString last = QString::fromUtf8(kLastNames[(index * 7 + index / 18) % std::size(kLastNames)]);
    static const char *const states[] = {"NOT_INVITED", "INVITED",   "INVITED",   "ACCEPTED",
                                         "INSTALLED",   "INSTALLED", "INSTALLED", "REVOKED"};
    const QString state = QString::fromLatin1(publicLink ? "INSTALLED" : states[random.bounded(8u)]);
    Record tester;
    tester.type = QStringLiteral("betaTesters");
    tester.id = ids.uuid();
    QString local = QStringLiteral("%1.%2").arg(first, last).toLower();
    local.replace(QStringLiteral("á"), QStringLiteral("a"));
    QJsonArray devices;
    if (state == QLatin1String("INSTALLED") || state == QLatin1String("ACCEPTED")) {
        const int count = 1 + int(random.bounded(2u));
        for (int i = 0; i < count; ++i) {
            const Device &device = kDevices[random.bounded(quint32(std::size(kDevices)))];
            devices.append(QJsonObject{
                {QStringLiteral("model"), QString::fromLatin1(device.model)},
                {QStringLiteral("platform"), QString::fromLatin1(device.platform)},
                {QStringLiteral("osVersion"), QString::fromLatin1(device.osVersion)},
                {QStringLiteral("appBuildVersion"), QString::number(100 + random.bounded(300u))}});
        }
    }
    tester.attributes = QJsonObject{
        {QStringLiteral("firstName"), first},
        {QStringLiteral("lastName"), last},
        {QStringLiteral("email"), QStringLiteral("%1%2@%3").arg(local).arg(index).arg(domain)},
        {QStringLiteral("inviteType"), publicLink ? QStringLiteral("PUBLIC_LINK") : QStringLiteral("EMAIL")},
        {QStringLiteral("state"), state},
        {QStringLiteral("appDevices"), devices}};
    tester.relationships.insert(QStringLiteral("apps"), {appId});
    return tester;
}

Record makeLocalization(Ids &ids, const QString &buildId, const QString &locale, const QString &text)
{
    Record localization;
    localization.type = QStringLiteral("betaBuildLocalizations");
    localization.id = ids.uuid();
    localization.attributes =
        QJsonObject{{QStringLiteral("locale"), locale}, {QStringLiteral("whatsNew"), text}};
    localization.relationships.insert(QStringLiteral("build"), {buildId});
    return localization;
}

Record makeSubmission(Ids &ids, const QString &buildId, const QString &state, const QDateTime &submitted)
{
    Record submission;
    submission.type = QStringLiteral("betaAppReviewSubmissions");
    submission.id = ids.uuid();
    submission.attributes = QJsonObject{{QStringLiteral("betaReviewState"), state},
                                        {QStringLiteral("submittedDate"), iso(submitted)}};
    submission.relationships.insert(QStringLiteral("build"), {buildId});
    return submission;
}

bool usable(const Record &build)
{
    return build.attributes.value(QStringLiteral("processingState")).toString() == QLatin1String("VALID") &&
           !build.attributes.value(QStringLiteral("expired")).toBool();
}

bool external(const Record &build)
{
    return build.attributes.value(QStringLiteral("buildAudienceType")).toString() !=
           QLatin1String("INTERNAL_ONLY");
}

const char *const kWhatToTest[] = {
    "Please try the new onboarding flow and tell us where you got stuck.",
    "Offline mode: turn on airplane mode, edit a few items, then reconnect. Do your changes sync?",
    "We rewrote the settings screen. Check that every toggle still does what it says.",
    "Performance pass: scrolling long lists should feel smoother. Report any stutter with a screenshot.",
    "New widgets on the home screen. Add each size and let us know how they look.",
};

void seedDemoApp(Store &store, Ids &ids, const Record &app, const QDateTime &now, int appIndex,
                 TestFlightSeedSummary &summary)
{
    QRandomGenerator &random = ids.random();
    const QString appId = app.id;
    const QString primaryLocale = app.attributes.value(QStringLiteral("primaryLocale")).toString();
    // Builds of the app, oldest first (the store's order).
    QList<const Record *> builds = store.related(app, kBuilds);
    std::sort(builds.begin(), builds.end(), [](const Record *a, const Record *b) {
        return a->attributes.value(QStringLiteral("uploadedDate")).toString() <
               b->attributes.value(QStringLiteral("uploadedDate")).toString();
    });
    QStringList usableIds;
    QStringList externalIds;
    for (const Record *build : builds) {
        if (usable(*build)) {
            usableIds.append(build->id);
            if (external(*build))
                externalIds.append(build->id);
        }
    }

    const QList<GroupPlan> plans = {
        {QStringLiteral("App Store Connect Users"), true, true, false, 0, true},
        {QStringLiteral("Core Team"), true, false, false, 0, true},
        {QStringLiteral("Public Beta"), false, false, true, appIndex == 0 ? 500 : 0, true},
        {QStringLiteral("Friends & Family"), false, false, false, 0, appIndex % 2 == 0},
    };
    QList<Record> groups;
    for (int i = 0; i < plans.size(); ++i)
        groups.append(makeGroup(ids, appId, plans.at(i), now.addDays(-200 + 20 * i)));

    // Core Team gets the newest usable builds, the external groups the approved ones.
    groups[1].relationships.insert(kBuilds, usableIds.mid(std::max<qsizetype>(0, usableIds.size() - 4)));
    const QStringList approved = externalIds.mid(std::max<qsizetype>(0, externalIds.size() - 3), 2);
    groups[2].relationships.insert(kBuilds, approved);
    groups[3].relationships.insert(kBuilds, approved.mid(0, 1));

    // Testers: a few dozen for the first app, fewer for the others.
    const int testerCount = appIndex == 0 ? 36 : 10 + appIndex * 2;
    const QString domain =
        QStringLiteral("%1.example")
            .arg(app.attributes.value(QStringLiteral("name")).toString().toLower().remove(QLatin1Char(' ')));
    QList<QStringList> members(groups.size());
    for (int i = 0; i < testerCount; ++i) {
        const int groupIndex = i < 5 ? 0 : (i < 10 ? 1 : (i % 3 == 0 ? 3 : 2));
        const bool viaLink = groupIndex == 2 && i % 2 == 0;
        Record tester = makeTester(ids, i + appIndex * 40, appId, domain, viaLink);
        members[groupIndex].append(tester.id);
        if (groupIndex == 1 && i % 2 == 0)
            members[0].append(tester.id);
        store.put(std::move(tester));
        ++summary.testers;
    }
    for (int i = 0; i < groups.size(); ++i) {
        groups[i].relationships.insert(QStringLiteral("betaTesters"), members.at(i));
        store.put(groups.at(i));
        ++summary.groups;
    }

    // What to Test: every usable build but the newest (so the pane can show the missing-notes check).
    for (qsizetype i = 0; i + 1 < usableIds.size(); ++i) {
        const QString text = QString::fromUtf8(kWhatToTest[(i + appIndex) % std::size(kWhatToTest)]);
        store.put(makeLocalization(ids, usableIds.at(i), QStringLiteral("en-US"), text));
        ++summary.localizations;
        if (primaryLocale != QLatin1String("en-US") && random.bounded(2u) == 0) {
            store.put(makeLocalization(ids, usableIds.at(i), primaryLocale, text));
            ++summary.localizations;
        }
    }

    // Beta App Review: the approved builds; one rejected before them; the last one waiting for review.
    for (const QString &id : approved) {
        store.put(makeSubmission(ids, id, QStringLiteral("APPROVED"), now.addDays(-3)));
        ++summary.submissions;
    }
    if (externalIds.size() > 3) {
        store.put(makeSubmission(ids, externalIds.at(externalIds.size() - 4), QStringLiteral("REJECTED"),
                                 now.addDays(-6)));
        ++summary.submissions;
    }
    if (externalIds.size() >= 2 && appIndex == 0) {
        const QString waiting = externalIds.at(externalIds.size() - 1);
        if (!approved.contains(waiting)) {
            store.put(makeSubmission(ids, waiting, QStringLiteral("WAITING_FOR_REVIEW"), now.addSecs(-1800)));
            ++summary.submissions;
        }
    }
}

void seedBenchmarkApp(Store &store, Ids &ids, const Record &app, const QDateTime &now,
                      TestFlightSeedSummary &summary)
{
    constexpr int Groups = 20;
    constexpr int Testers = 2000;
    const QList<const Record *> builds = store.related(app, kBuilds);
    QList<Record> groups;
    for (int i = 0; i < Groups; ++i) {
        groups.append(makeGroup(ids, app.id,
                                {QStringLiteral("Benchmark Group %1").arg(i + 1, 2, 10, QLatin1Char('0')),
                                 i < 2, false, i >= 2 && i % 4 == 0, 0, true},
                                now.addDays(-Groups + i)));
        QStringList buildIds;
        for (qsizetype b = i; b < builds.size(); b += Groups) {
            if (usable(*builds.at(b)))
                buildIds.append(builds.at(b)->id);
        }
        groups.last().relationships.insert(kBuilds, buildIds);
    }
    QList<QStringList> members(Groups);
    for (int i = 0; i < Testers; ++i) {
        Record tester = makeTester(ids, i, app.id, QStringLiteral("benchmark.example"), false);
        members[0].append(tester.id); // the first group holds all of them
        if (i % Groups != 0)
            members[i % Groups].append(tester.id);
        store.put(std::move(tester));
        ++summary.testers;
    }
    for (int i = 0; i < Groups; ++i) {
        groups[i].relationships.insert(QStringLiteral("betaTesters"), members.at(i));
        store.put(groups.at(i));
        ++summary.groups;
    }
}

} // namespace

TestFlightSeedSummary seedTestFlight(Store &store, quint32 randomSeed, const QDateTime &now)
{
    TestFlightSeedSummary summary;
    Ids ids(randomSeed ^ 0x7F11u);
    int appIndex = 0;
    for (const Record *app : store.all(QStringLiteral("apps"))) {
        if (app->attributes.value(QStringLiteral("bundleId")).toString() == QLatin1String(BenchmarkBundleId))
            seedBenchmarkApp(store, ids, *app, now, summary);
        else
            seedDemoApp(store, ids, *app, now, appIndex++, summary);
    }
    // Every build gets its buildBetaDetail, in the state its groups and review put it in.
    for (const Record *build : store.all(kBuilds)) {
        Record detail = makeBuildBetaDetail(*build);
        const auto reviews = store.related(*build, QStringLiteral("betaAppReviewSubmission"));
        if (!reviews.isEmpty() && detail.attributes.value(QStringLiteral("externalBuildState")).toString() ==
                                      QLatin1String("READY_FOR_BETA_SUBMISSION")) {
            const QString review =
                reviews.first()->attributes.value(QStringLiteral("betaReviewState")).toString();
            bool inExternalGroup = false;
            for (const Record *group : store.related(*build, QStringLiteral("betaGroups")))
                inExternalGroup =
                    inExternalGroup || !group->attributes.value(QStringLiteral("isInternalGroup")).toBool();
            QString state = QStringLiteral("WAITING_FOR_BETA_REVIEW");
            if (review == QLatin1String("IN_REVIEW"))
                state = QStringLiteral("IN_BETA_REVIEW");
            else if (review == QLatin1String("REJECTED"))
                state = QStringLiteral("BETA_REJECTED");
            else if (review == QLatin1String("APPROVED"))
                state = inExternalGroup ? QStringLiteral("IN_BETA_TESTING") : QStringLiteral("BETA_APPROVED");
            detail.attributes.insert(QStringLiteral("externalBuildState"), state);
        }
        if (!store.related(*build, QStringLiteral("betaGroups")).isEmpty() &&
            detail.attributes.value(QStringLiteral("internalBuildState")).toString() ==
                QLatin1String("READY_FOR_BETA_TESTING"))
            detail.attributes.insert(QStringLiteral("internalBuildState"), QStringLiteral("IN_BETA_TESTING"));
        detail.attributes.insert(QStringLiteral("autoNotifyEnabled"), ids.random().bounded(2u) == 0);
        store.put(std::move(detail));
    }
    return summary;
}

} // namespace ascend::sim

#include "sim/feedbackseeder.h"

#include "sim/feedbackdevices.h"
#include "sim/store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <cmath>

namespace ascend::sim {

namespace {

struct ScreenshotComment {
    const char *comment;
    const char *note; // what the tester scribbles on the screenshot
};

const ScreenshotComment kScreenshotComments[] = {
    {"The Save button is hidden behind the keyboard on this screen.", "can't reach this"},
    {"Title is cut off when the name is long.", "cut off!"},
    {"Dark mode: this text is almost invisible.", "unreadable"},
    {"These two rows show the same item twice.", "duplicate?"},
    {"Tapping here does nothing.", "tap does nothing"},
    {"The map never finishes loading, spinner forever.", "stuck loading"},
    {"Wrong date shown, I did this yesterday not today.", "wrong date"},
    {"Icon looks blurry on my phone.", "blurry"},
    {"Badge count says 3 but the list is empty.", "3 but empty"},
    {"Typo in the header.", "typo"},
    {"The sync indicator stays orange even though I'm online.", "still orange"},
    {"Layout jumps when the images load.", "jumps"},
    {"Would love a way to sort this list by distance.", "sort?"},
    {"The tab bar covers the last row, can't scroll to it.", "covered"},
    {"Share sheet opens with an empty preview.", "empty preview"},
    {"Units are in miles although I set kilometres.", "should be km"},
    {"Onboarding skipped straight to this screen, no explanation.", "what is this?"},
    {"Text overlaps the image in landscape.", "overlap"},
    {"Search finds nothing for an exact title.", "no results??"},
    {"The progress bar goes backwards after pausing.", "went back"},
    {"VoiceOver reads this button as 'button'.", "no label"},
    {"This toggle turns itself back on.", "turns back on"},
    {"Settings shows an old version number.", "old version"},
    {"Pull to refresh shows two spinners.", "2 spinners"},
    {"Photo is rotated the wrong way.", "rotated"},
    {"Please make this font bigger, hard to read outside.", "too small"},
    {"The empty state still shows after adding an item.", "not empty"},
    {"Love the new design! Only this spacing looks off.", "spacing"},
    {"Notification opened the wrong item.", "wrong item"},
    {"Colour of this chart doesn't match the legend.", "colours?"},
    {"After rotating, the sidebar is gone.", "sidebar gone"},
    {"Price shows as 0,00 instead of the real amount.", "0,00 ?"},
    {"The widget shows yesterday's data.", "stale"},
    {"Back button label is truncated.", "truncated"},
    {"Button looks disabled but it works.", "looks disabled"},
    {"Keyboard covers the comment field.", "hidden field"},
};

const char *const kCrashComments[] = {
    "Crashed when I tapped Share.",
    "App closed itself while syncing in the background.",
    "Crash right after login.",
    "It crashed when I rotated the phone on the map screen.",
    "Opened a notification and the app quit.",
    "Crashed while scrolling quickly through the list.",
    "Happened twice today when adding a photo.",
    "Crash when switching tabs during the download.",
    "App froze for a few seconds and then closed.",
    "Crashed after I denied location access.",
    "Crashed on launch after updating to this build.",
    "Deleting an item made it crash.",
    "Crash when pasting a long text into the note field.",
    "Went to Settings, came back, app was gone.",
    "Crashed while exporting to PDF.",
    "",
    "",
    "",
};

struct LocaleZone {
    const char *locale;
    const char *zone;
};
const LocaleZone kLocales[] = {
    {"en-US", "America/Los_Angeles"}, {"en-US", "America/New_York"}, {"en-US", "America/Chicago"},
    {"en-GB", "Europe/London"},       {"de-DE", "Europe/Berlin"},    {"fr-FR", "Europe/Paris"},
    {"ja-JP", "Asia/Tokyo"},          {"en-AU", "Australia/Sydney"}, {"es-ES", "Europe/Madrid"},
    {"pt-BR", "America/Sao_Paulo"},   {"en-IN", "Asia/Kolkata"},     {"nl-NL", "Europe/Amsterdam"},
    {"sv-SE", "Europe/Stockholm"},    {"en-CA", "America/Toronto"},  {"it-IT", "Europe/Rome"},
};

const char *const kWatches[] = {"Watch6,2", "Watch6,4", "Watch6,14", "Watch6,18", "Watch7,3", "Watch7,5"};

quint32 fnv1a(const QString &text)
{
    quint32 hash = 2166136261u;
    for (const QChar c : text) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return hash;
}

QString iso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// Draws from `weights` (non-negative, not all zero).
int weightedPick(QRandomGenerator &random, const QList<double> &weights)
{
    double total = 0;
    for (const double w : weights)
        total += w;
    double roll = random.generateDouble() * total;
    for (int i = 0; i < weights.size(); ++i) {
        roll -= weights.at(i);
        if (roll < 0)
            return i;
    }
    return int(weights.size()) - 1;
}

double deviceWeight(const DeviceProfile &device)
{
    if (device.family == QLatin1String("IPHONE"))
        return device.dynamicIsland ? 6.0 : 3.0;
    if (device.family == QLatin1String("IPAD"))
        return 2.0;
    return 0.6; // Macs, Apple Vision Pro and Apple TV run iPhone builds less often
}

QString connectionType(QRandomGenerator &random, const DeviceProfile &device)
{
    const quint32 roll = random.bounded(100u);
    if (device.family == QLatin1String("IPHONE")) {
        if (roll < 58)
            return QStringLiteral("WIFI");
        if (roll < 90)
            return QStringLiteral("MOBILE_DATA");
        return roll < 95 ? QStringLiteral("UNKNOWN") : QStringLiteral("NONE");
    }
    if (device.family == QLatin1String("MAC") || device.family == QLatin1String("APPLE_TV"))
        return roll < 70 ? QStringLiteral("WIFI") : QStringLiteral("WIRE");
    return roll < 94 ? QStringLiteral("WIFI") : QStringLiteral("UNKNOWN");
}

} // namespace

QString feedbackType(FeedbackKind kind)
{
    return kind == FeedbackKind::Screenshot ? kScreenshotSubmissions : kCrashSubmissions;
}

FeedbackFactory::FeedbackFactory(const Store &store, const Record &app, quint32 seed)
    : m_random(seed)
    , m_appId(app.id)
    , m_bundleId(app.attributes.value(QStringLiteral("bundleId")).toString())
{
    for (const Record *build : store.related(app, QStringLiteral("builds"))) {
        if (build->attributes.value(QStringLiteral("processingState")).toString() != QLatin1String("VALID"))
            continue;
        const auto versions = store.related(*build, QStringLiteral("preReleaseVersion"));
        const QString platform =
            versions.isEmpty() ? QStringLiteral("IOS")
                               : versions.first()->attributes.value(QStringLiteral("platform")).toString();
        if (platform == QLatin1String("TV_OS"))
            continue; // TestFlight on Apple TV has no screenshot or crash feedback
        m_builds.append({build->id,
                         QDateTime::fromString(
                             build->attributes.value(QStringLiteral("uploadedDate")).toString(), Qt::ISODate),
                         platform});
    }
    std::stable_sort(m_builds.begin(), m_builds.end(),
                     [](const BuildInfo &a, const BuildInfo &b) { return a.uploaded < b.uploaded; });

    QList<TesterInfo> everyone;
    for (const Record *tester : store.related(app, QStringLiteral("betaTesters"))) {
        TesterInfo info{tester->id, tester->attributes.value(QStringLiteral("email")).toString(), {}, {}};
        for (const QJsonValue &device : tester->attributes.value(QStringLiteral("appDevices")).toArray()) {
            info.deviceModels.append(device.toObject().value(QStringLiteral("model")).toString());
            info.osVersions.append(device.toObject().value(QStringLiteral("osVersion")).toString());
        }
        const QString state = tester->attributes.value(QStringLiteral("state")).toString();
        everyone.append(info);
        if (state == QLatin1String("INSTALLED") || state == QLatin1String("ACCEPTED"))
            m_testers.append(info);
    }
    if (m_testers.isEmpty())
        m_testers = everyone; // testers who never installed cannot send feedback, but some tester must
}

QString FeedbackFactory::newId()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    QString id(QStringLiteral("A"));
    for (int i = 0; i < 22; ++i)
        id.append(QLatin1Char(alphabet[m_random.bounded(64u)]));
    return id;
}

Record FeedbackFactory::make(FeedbackKind kind, const QDateTime &requested)
{
    QRandomGenerator &random = m_random;
    Record record;
    record.type = feedbackType(kind);
    record.id = newId();
    QDateTime created = requested.toUTC();

    // A build uploaded before the feedback; newer builds get most of it.
    QList<double> buildWeights;
    for (int i = 0; i < m_builds.size(); ++i)
        buildWeights.append(m_builds.at(i).uploaded.addSecs(600) < created ? double((i + 1) * (i + 1)) : 0.0);
    const bool anyEligible =
        std::any_of(buildWeights.cbegin(), buildWeights.cend(), [](double w) { return w > 0; });
    qsizetype chosen = 0;
    if (anyEligible) {
        chosen = weightedPick(random, buildWeights);
    } else {
        // Every build is younger than ten minutes at that time: the newest one already uploaded, else the
        // oldest one, with the feedback moved to just after its upload.
        for (qsizetype i = 0; i < m_builds.size(); ++i) {
            if (m_builds.at(i).uploaded <= created)
                chosen = i;
        }
        if (m_builds.at(chosen).uploaded > created)
            created = m_builds.at(chosen).uploaded.addSecs(60 + qint64(random.bounded(480u)));
    }
    const BuildInfo &build = m_builds.at(chosen);

    // The tester, and the device: one of the tester's own when it can run the build, else a likely one.
    const TesterInfo *tester =
        m_testers.isEmpty() ? nullptr : &m_testers.at(random.bounded(qint64(m_testers.size())));
    const QList<const DeviceProfile *> candidates = devicesForAppPlatform(build.platform);
    const DeviceProfile *device = nullptr;
    QString osVersion;
    if (tester && random.bounded(100u) < 70) {
        for (int i = 0; i < tester->deviceModels.size() && !device; ++i) {
            const DeviceProfile *own = deviceProfile(tester->deviceModels.at(i));
            if (own && candidates.contains(own)) {
                device = own;
                if (own->osVersions.contains(tester->osVersions.at(i)))
                    osVersion = tester->osVersions.at(i);
            }
        }
    }
    if (!device) {
        QList<double> weights;
        for (const DeviceProfile *candidate : candidates)
            weights.append(candidate->platform == build.platform ? deviceWeight(*candidate) : 0.4);
        device = candidates.at(weightedPick(random, weights));
    }
    if (osVersion.isEmpty()) {
        // Newer releases are more common.
        QList<double> weights;
        for (int i = 0; i < device->osVersions.size(); ++i)
            weights.append(1.0 + i);
        osVersion = device->osVersions.at(weightedPick(random, weights));
    }

    // A tester keeps one locale and time zone.
    const LocaleZone &place =
        kLocales[(tester ? fnv1a(tester->id) : random.generate()) % std::size(kLocales)];
    const bool landscape = device->family == QLatin1String("IPAD") && random.bounded(4u) == 0;
    const int widthPoints = landscape ? device->heightPoints : device->widthPoints;
    const int heightPoints = landscape ? device->widthPoints : device->heightPoints;
    const qint64 diskTotal = device->storageBytes.at(random.bounded(qint64(device->storageBytes.size())));
    const qint64 diskAvailable = qint64(double(diskTotal) * (0.02 + 0.68 * random.generateDouble()));
    const qint64 uptime = kind == FeedbackKind::Crash ? qint64(1500 + random.bounded(45u * 60u * 1000u))
                                                      : qint64(20'000 + random.bounded(2u * 3600u * 1000u));

    QJsonObject attributes{
        {QStringLiteral("createdDate"), iso(created)},
        {QStringLiteral("email"), tester ? tester->email : QString()},
        {QStringLiteral("deviceModel"), device->model},
        {QStringLiteral("osVersion"), osVersion},
        {QStringLiteral("locale"), QString::fromLatin1(place.locale)},
        {QStringLiteral("timeZone"), QString::fromLatin1(place.zone)},
        {QStringLiteral("architecture"), QStringLiteral("arm64e")},
        {QStringLiteral("connectionType"), connectionType(random, *device)},
        {QStringLiteral("pairedAppleWatch"),
         device->family == QLatin1String("IPHONE") && random.bounded(100u) < 40
             ? QString::fromLatin1(kWatches[random.bounded(quint32(std::size(kWatches)))])
             : QString()},
        {QStringLiteral("appUptimeInMilliseconds"), uptime},
        {QStringLiteral("diskBytesAvailable"), diskAvailable},
        {QStringLiteral("diskBytesTotal"), diskTotal},
        {QStringLiteral("screenWidthInPoints"), widthPoints},
        {QStringLiteral("screenHeightInPoints"), heightPoints},
        {QStringLiteral("appPlatform"), build.platform},
        {QStringLiteral("devicePlatform"), device->platform},
        {QStringLiteral("deviceFamily"), device->family},
        {QStringLiteral("buildBundleId"), m_bundleId},
    };
    if (device->family != QLatin1String("APPLE_TV") && device->family != QLatin1String("MAC"))
        attributes.insert(QStringLiteral("batteryPercentage"), int(4 + random.bounded(97u)));
    else if (device->family == QLatin1String("MAC") && random.bounded(2u) == 0)
        attributes.insert(QStringLiteral("batteryPercentage"), int(15 + random.bounded(86u)));

    if (kind == FeedbackKind::Screenshot) {
        const ScreenshotComment &said =
            kScreenshotComments[random.bounded(quint32(std::size(kScreenshotComments)))];
        attributes.insert(QStringLiteral("comment"), QString::fromUtf8(said.comment));
        const quint32 roll = random.bounded(100u);
        const int count = roll < 80 ? 1 : (roll < 95 ? 2 : 3);
        // Mostly JPEG; PNG now and then (it takes several times longer to encode).
        const QString format = random.bounded(10u) < 8 ? QStringLiteral("jpg") : QStringLiteral("png");
        QJsonArray plan;
        for (int i = 0; i < count; ++i) {
            plan.append(QJsonObject{{QStringLiteral("width"), widthPoints * device->scale},
                                    {QStringLiteral("height"), heightPoints * device->scale},
                                    {QStringLiteral("format"), format},
                                    {QStringLiteral("note"),
                                     i == 0 ? QString::fromUtf8(said.note) : QStringLiteral("also here")}});
        }
        attributes.insert(kScreenshotPlan, plan);
    } else {
        attributes.insert(
            QStringLiteral("comment"),
            QString::fromUtf8(kCrashComments[random.bounded(quint32(std::size(kCrashComments)))]));
        attributes.insert(kCrashLogId, newId());
    }
    record.attributes = attributes;
    record.relationships.insert(QStringLiteral("app"), {m_appId});
    record.relationships.insert(QStringLiteral("build"), {build.id});
    if (tester)
        record.relationships.insert(QStringLiteral("tester"), {tester->id});
    return record;
}

FeedbackSeedSummary seedFeedback(Store &store, const QString &appId, int screenshots, int crashes,
                                 const QDateTime &now, quint32 seed, int spreadDays)
{
    FeedbackSeedSummary summary;
    const Record *app = store.find(QStringLiteral("apps"), appId);
    if (!app || (screenshots <= 0 && crashes <= 0))
        return summary;
    FeedbackFactory factory(store, *app, seed);
    if (!factory.isUsable())
        return summary;
    QRandomGenerator random(seed ^ 0x5eedfeedu);
    struct Planned {
        qint64 ageMs;
        FeedbackKind kind;
    };
    QList<Planned> planned;
    planned.reserve(screenshots + crashes);
    const double spreadMs = double(spreadDays) * 24 * 3600 * 1000;
    auto age = [&] {
        // More feedback recently: ages skew towards zero.
        return qint64(spreadMs * std::pow(random.generateDouble(), 1.6)) + 60'000;
    };
    for (int i = 0; i < screenshots; ++i)
        planned.append({age(), FeedbackKind::Screenshot});
    for (int i = 0; i < crashes; ++i)
        planned.append({age(), FeedbackKind::Crash});
    std::stable_sort(planned.begin(), planned.end(),
                     [](const Planned &a, const Planned &b) { return a.ageMs > b.ageMs; });
    for (const Planned &item : planned) {
        store.put(factory.make(item.kind, now.addMSecs(-item.ageMs)));
        ++(item.kind == FeedbackKind::Screenshot ? summary.screenshots : summary.crashes);
    }
    return summary;
}

} // namespace ascend::sim

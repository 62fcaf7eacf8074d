// TestFlight feedback: both submission kinds parsed from documents shaped like ASC's (included build and
// tester, optional and unknown attributes, screenshot expiry), the crash log, and the requests the
// endpoint builders make. (ASC enum values are checked with QVERIFY: asc::toString would be found by
// QCOMPARE's lookup.)

#include "core/api/apiclient.h"
#include "core/api/betafeedback.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace ascend;
using namespace ascend::api;

namespace {

// Recorded documents in tests/data/jsonapi/feedback_*.json: a screenshot list page with included builds and
// testers (one item with every attribute, one sparse with an unknown connection type), a crash submission and
// its crash log.
jsonapi::Document sample(const QString &name)
{
    QFile file(QStringLiteral(ASCEND_TEST_DATA_DIR "/jsonapi/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    QString error;
    auto document = jsonapi::Document::parse(file.readAll(), &error);
    if (!document)
        qFatal("%s: %s", qPrintable(name), qPrintable(error));
    return *document;
}

} // namespace

class TestBetaFeedback : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void kindNames()
    {
        QCOMPARE(feedbackResourceType(FeedbackKind::Screenshot),
                 QStringLiteral("betaFeedbackScreenshotSubmissions"));
        QCOMPARE(feedbackResourceType(FeedbackKind::Crash), QStringLiteral("betaFeedbackCrashSubmissions"));
        QVERIFY(feedbackKindFromResourceType(QStringLiteral("betaFeedbackCrashSubmissions")) ==
                FeedbackKind::Crash);
        QVERIFY(!feedbackKindFromResourceType(QStringLiteral("betaCrashLogs")));
        QCOMPARE(feedbackKindName(FeedbackKind::Screenshot), QStringLiteral("screenshot"));
        QCOMPARE(feedbackKindName(FeedbackKind::Crash), QStringLiteral("crash"));
        QVERIFY(feedbackKindFromName(QStringLiteral("crash")) == FeedbackKind::Crash);
        QVERIFY(feedbackKindFromName(QStringLiteral("Screenshot")) == FeedbackKind::Screenshot);
        QVERIFY(!feedbackKindFromName(QStringLiteral("video")));
    }

    void screenshotSubmissionWithEverything()
    {
        const auto document = sample(QStringLiteral("feedback_screenshots_list.json"));
        const auto items = FeedbackSubmission::fromDocument(document);
        QCOMPARE(items.size(), 2);
        const FeedbackSubmission &item = items.first();
        QVERIFY(item.kind == FeedbackKind::Screenshot);
        QCOMPARE(item.resourceType(), QStringLiteral("betaFeedbackScreenshotSubmissions"));
        QCOMPARE(item.id, QStringLiteral("AbC-screenshot-1"));
        // -07:00 normalised to UTC, milliseconds kept.
        QCOMPARE(item.createdDate, QDateTime(QDate(2025, 3, 14), QTime(16, 26, 53, 589), Qt::UTC));
        QCOMPARE(item.comment, QStringLiteral("The Save button overlaps the keyboard.\nSecond line."));
        QCOMPARE(item.email, QStringLiteral("ana@example.com"));
        QCOMPARE(item.deviceModel, QStringLiteral("iPhone15_2"));
        QCOMPARE(item.osVersion, QStringLiteral("17.4.1"));
        QCOMPARE(item.locale, QStringLiteral("en-US"));
        QCOMPARE(item.timeZone, QStringLiteral("America/Los_Angeles"));
        QCOMPARE(item.architecture, QStringLiteral("arm64e"));
        QVERIFY(item.connectionType == asc::DeviceConnectionType::WIFI);
        QCOMPARE(item.pairedAppleWatch, QStringLiteral("Watch6_2"));
        QCOMPARE(item.appUptimeInMilliseconds, std::optional<qint64>(9123456789012LL));
        QCOMPARE(item.diskBytesAvailable, std::optional<qint64>(53687091200LL));
        QCOMPARE(item.diskBytesTotal, std::optional<qint64>(137438953472LL));
        QCOMPARE(item.batteryPercentage, std::optional<int>(87));
        QCOMPARE(item.screenWidthInPoints, std::optional<int>(393));
        QCOMPARE(item.screenHeightInPoints, std::optional<int>(852));
        QVERIFY(item.appPlatform == asc::Platform::IOS);
        QVERIFY(item.devicePlatform == asc::Platform::IOS);
        QVERIFY(item.deviceFamily == asc::DeviceFamily::IPHONE);
        QCOMPARE(item.buildBundleId, QStringLiteral("com.example.trail"));

        QCOMPARE(item.buildId, QStringLiteral("build-42"));
        QCOMPARE(item.testerId, QStringLiteral("tester-ana"));
        QCOMPARE(item.buildVersion, QStringLiteral("42"));
        QCOMPARE(item.testerName, QStringLiteral("Ana Lima"));
        QCOMPARE(item.testerDisplayName(), QStringLiteral("Ana Lima"));

        QCOMPARE(item.screenshots.size(), 2);
        const FeedbackScreenshot &first = item.screenshots.first();
        QCOMPARE(first.width, 1179);
        QCOMPARE(first.height, 2556);
        QCOMPARE(first.expirationDate, QDateTime(QDate(2025, 3, 14), QTime(17, 6, 53), Qt::UTC));
        // The presigned query survives untouched (an encoded "/" and "=" must not be decoded).
        QCOMPARE(first.url.toString(QUrl::FullyEncoded),
                 QStringLiteral(
                     "https://tf-feedback.example.com/a/1.png?Expires=1710436013&Signature=ab%2Fcd%3D%3D"
                     "&Key-Pair-Id=K1"));
        QVERIFY(!item.screenshots.at(1).expirationDate.isValid());

        // The resource exactly as received (for exports), including links and the screenshot array.
        QCOMPARE(item.resourceJson.value(QStringLiteral("id")).toString(), item.id);
        QCOMPARE(item.resourceJson.value(QStringLiteral("attributes"))
                     .toObject()
                     .value(QStringLiteral("screenshots"))
                     .toArray()
                     .size(),
                 2);
        QCOMPARE(item.resourceJson.value(QStringLiteral("links"))
                     .toObject()
                     .value(QStringLiteral("self"))
                     .toString(),
                 QStringLiteral("https://api.appstoreconnect.apple.com/v1/betaFeedbackScreenshotSubmissions/"
                                "AbC-screenshot-1"));
    }

    void sparseSubmissionLeavesOptionalsEmpty()
    {
        const auto items =
            FeedbackSubmission::fromDocument(sample(QStringLiteral("feedback_screenshots_list.json")));
        const FeedbackSubmission &item = items.at(1);
        QCOMPARE(item.comment, QString());
        QCOMPARE(item.email, QString());
        QVERIFY(!item.connectionType);    // "SATELLITE" is not a DeviceConnectionType
        QVERIFY(!item.batteryPercentage); // null
        QVERIFY(!item.appUptimeInMilliseconds);
        QVERIFY(!item.diskBytesTotal);
        QVERIFY(!item.screenWidthInPoints);
        QVERIFY(!item.appPlatform);
        QVERIFY(item.deviceFamily == asc::DeviceFamily::IPAD);
        QVERIFY(item.screenshots.isEmpty());
        QCOMPARE(item.buildVersion, QStringLiteral("41"));
        // A tester without a name shows the tester's email.
        QCOMPARE(item.testerName, QStringLiteral("quiet@example.com"));
    }

    void resourcesFromSeveralPages()
    {
        const auto document = sample(QStringLiteral("feedback_screenshots_list.json"));
        // Included resources collected separately (as the Pager does) resolve the same way.
        const auto items = FeedbackSubmission::fromResources(document.resources(), document.included());
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.first().testerName, QStringLiteral("Ana Lima"));
        QCOMPARE(items.at(1).buildVersion, QStringLiteral("41"));
        // Without included resources the names stay empty and the display name falls back.
        const auto bare = FeedbackSubmission::fromResources(document.resources(), {});
        QCOMPARE(bare.first().testerName, QString());
        QCOMPARE(bare.first().testerDisplayName(), QStringLiteral("ana@example.com"));
        QCOMPARE(bare.at(1).testerDisplayName(), QStringLiteral("tester-nameless"));
    }

    void crashSubmission()
    {
        const auto document = sample(QStringLiteral("feedback_crash_single.json"));
        const auto items = FeedbackSubmission::fromDocument(document);
        QCOMPARE(items.size(), 1);
        const FeedbackSubmission &item = items.first();
        QVERIFY(item.kind == FeedbackKind::Crash);
        QCOMPARE(item.id, QStringLiteral("crash-7"));
        QCOMPARE(item.createdDate, QDateTime(QDate(2025, 3, 12), QTime(8, 0), Qt::UTC));
        QVERIFY(item.connectionType == asc::DeviceConnectionType::MOBILE_DATA);
        QCOMPARE(item.batteryPercentage, std::optional<int>(12));
        QVERIFY(item.screenshots.isEmpty());
        QCOMPARE(item.buildId, QStringLiteral("build-42"));
        QCOMPARE(item.buildVersion, QString()); // not included
        QCOMPARE(item.testerDisplayName(), QStringLiteral("tester-gone"));
        QVERIFY(item.resourceJson.value(QStringLiteral("relationships"))
                    .toObject()
                    .contains(QStringLiteral("crashLog")));
        // Other resource types are not feedback.
        QVERIFY(!FeedbackSubmission::fromResource(
            sample(QStringLiteral("feedback_crashlog.json")).resources().first()));
    }

    void crashLogText()
    {
        const auto text = api::crashLogText(sample(QStringLiteral("feedback_crashlog.json")));
        QVERIFY(text);
        QVERIFY(text->startsWith(QStringLiteral("Incident Identifier: 5A1C\n")));
        QVERIFY(text->contains(QStringLiteral("EXC_CRASH (SIGABRT)")));
        QVERIFY(!api::crashLogText(sample(QStringLiteral("feedback_crash_single.json"))));
    }

    void screenshotExpiry()
    {
        FeedbackScreenshot screenshot;
        const QDateTime now(QDate(2025, 3, 14), QTime(12, 0), Qt::UTC);
        QVERIFY(!screenshot.isExpired(now)); // no expirationDate: assume it works
        screenshot.expirationDate = now.addSecs(600);
        QVERIFY(!screenshot.isExpired(now));
        QVERIFY(screenshot.isExpired(now, 600));
        QVERIFY(screenshot.isExpired(now.addSecs(575))); // within the default 30 s margin
        QVERIFY(!screenshot.isExpired(now.addSecs(569)));
        QVERIFY(screenshot.isExpired(now.addSecs(3600), 0));
    }

    void inboxQuery()
    {
        const Query query = feedbackInboxQuery();
        QVERIFY(query.isValid());
        QCOMPARE(query.value(QStringLiteral("sort")), QStringLiteral("-createdDate"));
        QCOMPARE(query.value(QStringLiteral("limit")), QStringLiteral("200"));
        QCOMPARE(query.values(QStringLiteral("include")),
                 (QStringList{QStringLiteral("build"), QStringLiteral("tester")}));
    }

    void requests()
    {
        ApiClient client;
        client.setBaseUrl(QUrl(QStringLiteral("https://api.appstoreconnect.apple.com")));

        const ApiRequest list = listFeedback(QStringLiteral("6450000000"), FeedbackKind::Screenshot);
        QCOMPARE(list.method, QByteArray("GET"));
        QCOMPARE(list.path, QStringLiteral("/v1/apps/6450000000/betaFeedbackScreenshotSubmissions"));
        QVERIFY(list.authenticated);
        QCOMPARE(client.resolve(list).toString(QUrl::FullyEncoded),
                 QStringLiteral(
                     "https://api.appstoreconnect.apple.com/v1/apps/6450000000/"
                     "betaFeedbackScreenshotSubmissions?sort=-createdDate&limit=200&include=build,tester"));

        Query filtered = feedbackInboxQuery();
        filtered.filter(QStringLiteral("build"), QStringLiteral("build-42"))
            .filter(QStringLiteral("deviceModel"), QStringLiteral("iPhone15_2"));
        const ApiRequest crashes = listFeedback(QStringLiteral("6450000000"), FeedbackKind::Crash, filtered);
        QCOMPARE(crashes.path, QStringLiteral("/v1/apps/6450000000/betaFeedbackCrashSubmissions"));
        QCOMPARE(crashes.query.value(QStringLiteral("filter[build]")), QStringLiteral("build-42"));
        QCOMPARE(crashes.query.value(QStringLiteral("filter[deviceModel]")), QStringLiteral("iPhone15_2"));

        const ApiRequest one = getFeedback(FeedbackKind::Crash, QStringLiteral("crash/7"));
        QCOMPARE(one.method, QByteArray("GET"));
        QCOMPARE(one.path, QStringLiteral("/v1/betaFeedbackCrashSubmissions/crash%2F7")); // one path segment
        QVERIFY(one.query.isEmpty());

        const ApiRequest removal =
            deleteFeedback(FeedbackKind::Screenshot, QStringLiteral("AbC-screenshot-1"));
        QCOMPARE(removal.method, QByteArray("DELETE"));
        QCOMPARE(removal.path, QStringLiteral("/v1/betaFeedbackScreenshotSubmissions/AbC-screenshot-1"));
        QVERIFY(!removal.body);

        const ApiRequest log = getCrashLog(QStringLiteral("crash-7"));
        QCOMPARE(log.path, QStringLiteral("/v1/betaFeedbackCrashSubmissions/crash-7/crashLog"));
        QCOMPARE(log.query.value(QStringLiteral("fields[betaCrashLogs]")), QStringLiteral("logText"));
        QVERIFY(log.expectJsonApi);
    }

    void screenshotDownloadIsRawAndUnauthenticated()
    {
        const auto items =
            FeedbackSubmission::fromDocument(sample(QStringLiteral("feedback_screenshots_list.json")));
        const QUrl url = items.first().screenshots.first().url;
        const ApiRequest request = downloadScreenshot(url);
        QCOMPARE(request.method, QByteArray("GET"));
        QVERIFY(!request.authenticated); // the token never goes to the image host
        QVERIFY(!request.expectJsonApi);
        QVERIFY(request.isAbsolute());
        // describe() (used in logs) leaves the signature out.
        QVERIFY(!request.describe().contains(QStringLiteral("Signature")));

        ApiClient client;
        QString error;
        const QUrl resolved = client.resolve(request, &error);
        QVERIFY2(resolved.isValid(), qPrintable(error));
        QCOMPARE(resolved.toString(QUrl::FullyEncoded), url.toString(QUrl::FullyEncoded));
        QVERIFY(!client.isSameOrigin(resolved));
    }
};

QTEST_GUILESS_MAIN(TestBetaFeedback)
#include "tst_betafeedback.moc"

#pragma once
// TestFlight feedback: "betaFeedbackScreenshotSubmissions", "betaFeedbackCrashSubmissions" and the crash log
// ("betaCrashLogs"). Both submission kinds share one struct; kind says which one it is.

#include "core/api/apirequest.h"
#include "core/asc/ascenums.h"
#include "core/jsonapi/document.h"
#include "core/jsonapi/resource.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>
#include <optional>

namespace ascend::api {

enum class FeedbackKind { Screenshot, Crash };

// "betaFeedbackScreenshotSubmissions" / "betaFeedbackCrashSubmissions"
QString feedbackResourceType(FeedbackKind kind);
std::optional<FeedbackKind> feedbackKindFromResourceType(const QString &type);
// "screenshot" / "crash", as used on the command line and in exports.
QString feedbackKindName(FeedbackKind kind);
std::optional<FeedbackKind> feedbackKindFromName(const QString &name);

// BetaFeedbackScreenshotImage: a presigned image URL that stops working at expirationDate.
struct FeedbackScreenshot {
    QUrl url;
    int width = 0;
    int height = 0;
    QDateTime expirationDate; // invalid when the server did not say

    // True when the URL has expired or will within `margin` seconds (so a fetch started now may fail).
    bool isExpired(const QDateTime &now = QDateTime::currentDateTimeUtc(), int marginSeconds = 30) const;
};

struct FeedbackSubmission {
    FeedbackKind kind = FeedbackKind::Screenshot;
    QString id;
    QDateTime createdDate;
    QString comment;
    QString email;
    QString deviceModel; // e.g. "iPhone15,2"
    QString osVersion;   // e.g. "17.2"
    QString locale;
    QString timeZone;
    QString architecture;
    std::optional<asc::DeviceConnectionType> connectionType;
    QString pairedAppleWatch;
    std::optional<qint64> appUptimeInMilliseconds;
    std::optional<qint64> diskBytesAvailable;
    std::optional<qint64> diskBytesTotal;
    std::optional<int> batteryPercentage;
    std::optional<int> screenWidthInPoints;
    std::optional<int> screenHeightInPoints;
    std::optional<asc::Platform> appPlatform;
    std::optional<asc::Platform> devicePlatform;
    std::optional<asc::DeviceFamily> deviceFamily;
    QString buildBundleId;
    QList<FeedbackScreenshot> screenshots; // screenshot submissions only

    QString buildId;  // relationships.build.data.id
    QString testerId; // relationships.tester.data.id
    // From "included" (include=build,tester), when present.
    QString buildVersion; // builds.attributes.version, e.g. "42"
    QString testerName;   // "First Last", or the tester's email

    QJsonObject resourceJson; // the resource exactly as received, for exports

    QString resourceType() const { return feedbackResourceType(kind); }
    // The tester's name, else the submission's email, else the tester id.
    QString testerDisplayName() const;

    static std::optional<FeedbackSubmission> fromResource(const jsonapi::Resource &resource);
    // Also fills buildVersion and testerName from the document's included resources.
    static QList<FeedbackSubmission> fromDocument(const jsonapi::Document &document);
    // The same for resources collected over several pages (Pager::resources() and Pager::included()).
    static QList<FeedbackSubmission> fromResources(const QList<jsonapi::Resource> &resources,
                                                   const QList<jsonapi::Resource> &included);
};

// sort=-createdDate, limit=200, include=build,tester: the inbox's list query.
Query feedbackInboxQuery();
// GET /v1/apps/{id}/betaFeedbackScreenshotSubmissions | betaFeedbackCrashSubmissions (there is no top-level
// collection). Filters: filter[build], filter[tester], filter[deviceModel], filter[osVersion],
// filter[appPlatform], filter[devicePlatform], filter[build.preReleaseVersion].
ApiRequest listFeedback(const QString &appId, FeedbackKind kind, const Query &query = feedbackInboxQuery());
// GET /v1/betaFeedbackScreenshotSubmissions/{id} (or the crash equivalent).
ApiRequest getFeedback(FeedbackKind kind, const QString &id, const Query &query = {});
// DELETE → 204.
ApiRequest deleteFeedback(FeedbackKind kind, const QString &id);
// GET /v1/betaFeedbackCrashSubmissions/{id}/crashLog?fields[betaCrashLogs]=logText → BetaCrashLogResponse.
ApiRequest getCrashLog(const QString &crashSubmissionId);
// The logText of a BetaCrashLogResponse (nullopt when the document holds no betaCrashLogs resource).
std::optional<QString> crashLogText(const jsonapi::Document &document);
// GET of a presigned screenshot URL: absolute, no Authorization, raw bytes.
ApiRequest downloadScreenshot(const QUrl &url);

} // namespace ascend::api

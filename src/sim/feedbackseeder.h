#pragma once
// TestFlight feedback submissions (betaFeedbackScreenshotSubmissions, betaFeedbackCrashSubmissions) for an
// app: a tester of the app on a device that runs one of its builds says something, with screenshots or after
// a crash. Records carry every attribute of the spec except `screenshots`, whose presigned URLs are made per
// response from the simulator-only `_screenshots` (size, format and the tester's note per image). Crash
// submissions carry `_crashLogId`, the id of their betaCrashLogs resource; the log text is generated on
// request.

#include <QDateTime>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace ascend::sim {

class Store;
struct Record;

enum class FeedbackKind { Screenshot, Crash };

inline const QString kScreenshotSubmissions = QStringLiteral("betaFeedbackScreenshotSubmissions");
inline const QString kCrashSubmissions = QStringLiteral("betaFeedbackCrashSubmissions");
inline const QString kCrashLogs = QStringLiteral("betaCrashLogs");
// Simulator-only attributes (never rendered: they are not in the spec).
inline const QString kScreenshotPlan = QStringLiteral("_screenshots"); // [{width, height, format, note}]
inline const QString kCrashLogId = QStringLiteral("_crashLogId");

QString feedbackType(FeedbackKind kind);

// Makes submissions for one app from its valid builds and its testers. Deterministic for a given seed.
class FeedbackFactory {
public:
    FeedbackFactory(const Store &store, const Record &app, quint32 seed);

    // False when the app has no valid build to give feedback on.
    bool isUsable() const { return !m_builds.isEmpty(); }
    // A submission created at `created` (moved after its build's upload when it would precede it).
    Record make(FeedbackKind kind, const QDateTime &created);
    // An id in App Store Connect's style for feedback: 23 characters starting with "A".
    QString newId();

private:
    struct BuildInfo {
        QString id;
        QDateTime uploaded;
        QString platform;
    };
    struct TesterInfo {
        QString id;
        QString email;
        QStringList deviceModels;
        QStringList osVersions; // parallel to deviceModels
    };

    QRandomGenerator m_random;
    QString m_appId;
    QString m_bundleId;
    QList<BuildInfo> m_builds; // oldest first
    QList<TesterInfo> m_testers;
};

struct FeedbackSeedSummary {
    int screenshots = 0;
    int crashes = 0;
};

// Adds `screenshots` + `crashes` submissions to the app, created over the `spreadDays` before `now` (more of
// them recently), stored oldest first.
FeedbackSeedSummary seedFeedback(Store &store, const QString &appId, int screenshots, int crashes,
                                 const QDateTime &now, quint32 seed, int spreadDays = 35);

} // namespace ascend::sim

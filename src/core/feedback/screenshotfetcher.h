#pragma once
// Downloads feedback screenshots from their presigned URLs. A URL that has expired (by its expirationDate,
// or because the image server answers 403/404/410) is replaced transparently: the submission is fetched
// again (once per submission, however many of its images wait), submissionRefreshed() announces the fresh
// copy, and the download is retried once with the new URL.
//
// At most maxConcurrent() images are downloading (or waiting for their submission's re-fetch) at a time;
// the rest wait in a queue, so a grid asking for thousands of thumbnails does not flood the network. Asking
// again for an image that is already queued or downloading adds a callback instead of a second download.

#include "core/api/betafeedback.h"

#include <QByteArray>
#include <QCache>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <deque>
#include <functional>
#include <memory>

namespace ascend::api {
class ApiClient;
class ApiReply;
} // namespace ascend::api

namespace ascend::feedback {

struct ScreenshotResult {
    QString submissionId;
    int index = 0;
    QByteArray bytes;    // the encoded image as served (PNG or JPEG)
    QString suffix;      // "png" or "jpg", from Content-Type or the URL
    QString errorString; // empty on success; says what happened and what to do
    bool ok() const { return errorString.isEmpty(); }
};

class ScreenshotFetcher : public QObject {
    Q_OBJECT

public:
    static constexpr int DefaultMaxConcurrent = 6;

    explicit ScreenshotFetcher(api::ApiClient *client, QObject *parent = nullptr);
    ~ScreenshotFetcher() override;

    // Downloads screenshot `index` of `submission`. When its URL has expired (by expirationDate, or the
    // image server answers 403/404/410), GETs the submission again, emits submissionRefreshed with the fresh
    // copy and retries once with the new URL. `done` runs in `context`'s thread unless context is gone
    // (without a context it runs in the fetcher's thread). Never calls `done` from inside fetch().
    void fetch(const api::FeedbackSubmission &submission, int index, QObject *context,
               std::function<void(const ScreenshotResult &)> done);
    int refetchCount() const; // submissions re-fetched because of expiry (tests, benchmark)

    void setMaxConcurrent(int count);
    int maxConcurrent() const { return m_maxConcurrent; }
    int queuedCount() const;                              // waiting for a free slot
    int activeCount() const;                              // downloading or re-fetching their submission
    int downloadCount() const { return m_downloadCount; } // image requests sent (tests, benchmark)

    // Forgets the callbacks of `context` (all callbacks when nullptr). Queued downloads nobody waits for any
    // more are dropped; running ones finish quietly. A view calls this when its items scroll away.
    void cancelPending(QObject *context = nullptr);

signals:
    void submissionRefreshed(const ascend::api::FeedbackSubmission &fresh);

private:
    struct Waiter {
        QPointer<QObject> context;
        bool hasContext = false;
        std::function<void(const ScreenshotResult &)> done;
    };
    struct Job {
        QString key;
        api::FeedbackSubmission submission;
        int index = 0;
        QList<Waiter> waiters;
        bool refetched = false;
        QPointer<api::ApiReply> reply;
    };
    using JobPtr = std::shared_ptr<Job>;
    struct Refetch {
        QPointer<api::ApiReply> reply;
        QList<JobPtr> jobs;
    };

    void enqueue(const api::FeedbackSubmission &submission, int index, const Waiter &waiter);
    void pump();
    void start(const JobPtr &job);
    void download(const JobPtr &job);
    void onDownloadFinished(const JobPtr &job, api::ApiReply *reply);
    void refetch(const JobPtr &job);
    void onRefetchFinished(const QString &submissionId, api::ApiReply *reply);
    void complete(const JobPtr &job, ScreenshotResult result);
    bool hasLiveWaiter(const Job &job) const;
    // The freshest copy known for this submission (a re-fetched one when its URL is newer).
    api::FeedbackSubmission freshest(const api::FeedbackSubmission &submission, int index) const;

    QPointer<api::ApiClient> m_client;
    int m_maxConcurrent = DefaultMaxConcurrent;
    std::deque<JobPtr> m_queue;
    QHash<QString, JobPtr> m_jobs; // queued or active, by "<submission id>#<index>"
    QList<JobPtr> m_active;
    QHash<QString, Refetch> m_refetches; // by submission id
    QCache<QString, api::FeedbackSubmission> m_fresh;
    int m_refetchCount = 0;
    int m_downloadCount = 0;
};

} // namespace ascend::feedback

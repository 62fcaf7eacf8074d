#pragma once
// Thumbnails of feedback screenshots for the grid. thumbnail() answers from memory at once; otherwise it
// queues the image and returns a null pixmap, and thumbnailReady() follows when it is there. Loading looks in
// the disk cache of scaled thumbnails first (keyed by submission id and image index, not by the URL, which
// changes with every expiry), then downloads the full image through the ScreenshotFetcher and decodes and
// scales it on a worker thread (QImageReader::setScaledSize), never on the GUI thread.
//
// Only what is asked for is loaded: the grid asks while painting, i.e. for visible items. The request queue
// is newest first and short, so after a fast scroll the items scrolled past are dropped instead of loaded.
// The memory cache is bounded by bytes (QCache); the disk cache by the files it holds.

#include "core/api/betafeedback.h"
#include "core/feedback/screenshotfetcher.h"

#include <QCache>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPixmap>
#include <QPointer>
#include <QSet>
#include <QSize>
#include <QThreadPool>
#include <deque>

namespace ascend::ui {

struct ThumbnailStats {
    int requested = 0;       // distinct thumbnails asked for that were not in memory
    int decoded = 0;         // full images downloaded and decoded into thumbnails
    int fromDisk = 0;        // thumbnails read back from the disk cache
    int failed = 0;          // could not be downloaded or decoded
    int dropped = 0;         // requests dropped because newer ones pushed them out of the queue
    qint64 decodeMs = 0;     // time spent decoding and scaling, summed over the worker threads
    qint64 maxDecodeMs = 0;  // the slowest single decode
    qint64 firstDoneMs = -1; // since resetStats(): first and last thumbnail delivered
    qint64 lastDoneMs = -1;
};

class ThumbnailCache : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 DefaultMemoryBytes = 96ll * 1024 * 1024;
    static constexpr int DefaultMaxQueued = 64;
    static constexpr int DefaultMaxActive = 6;

    explicit ThumbnailCache(feedback::ScreenshotFetcher *fetcher = nullptr, QObject *parent = nullptr);
    ~ThumbnailCache() override;

    // <cache location>/feedback-thumbnails
    static QString defaultDiskCacheDirectory();

    // The fetcher downloads through the current session; changing it drops what is queued.
    void setFetcher(feedback::ScreenshotFetcher *fetcher);
    feedback::ScreenshotFetcher *fetcher() const { return m_fetcher; }

    // Largest thumbnail, in device pixels; images keep their aspect ratio inside it. Changing it clears the
    // memory cache (the disk cache keeps one file per size).
    void setThumbnailSize(const QSize &size);
    QSize thumbnailSize() const { return m_size; }
    void setMemoryLimit(qint64 bytes);
    qint64 memoryLimit() const { return m_memory.maxCost(); }
    qint64 memoryUsed() const { return m_memory.totalCost(); }
    // Empty turns the disk cache off.
    void setDiskCacheDirectory(const QString &path);
    QString diskCacheDirectory() const { return m_diskDir; }
    void setMaxQueued(int count) { m_maxQueued = std::max(1, count); }
    void setMaxActive(int count);
    void setDecodeThreads(int count);

    // The thumbnail when it is in memory; otherwise a null pixmap, and loading starts (unless it failed
    // before: see errorString()).
    QPixmap thumbnail(const api::FeedbackSubmission &submission, int index = 0);
    bool contains(const QString &submissionId, int index = 0) const;
    bool isLoading(const QString &submissionId, int index = 0) const;
    // Why the thumbnail could not be made; empty when it did not fail.
    QString errorString(const QString &submissionId, int index = 0) const;

    // Drops queued requests (the running ones finish); e.g. when the inbox is reloaded.
    void cancelQueued();
    // Forgets failures so they are tried again.
    void retryFailed();
    // Memory only; the disk cache stays.
    void clearMemory();
    // Removes a submission's thumbnails from memory and disk (it was deleted).
    void forget(const QString &submissionId);

    int queuedCount() const { return int(m_queue.size()); }
    int activeCount() const { return int(m_active.size()); }
    const ThumbnailStats &stats() const { return m_stats; }
    void resetStats();
    // Blocks until the worker threads are idle (tests, benchmark).
    void waitForWorkers();

signals:
    void thumbnailReady(const QString &submissionId, int index);
    void thumbnailFailed(const QString &submissionId, int index, const QString &errorString);

private:
    struct Request {
        QString key;
        api::FeedbackSubmission submission;
        int index = 0;
    };
    struct Decoded {
        QImage image;
        QString error;
        qint64 decodeMs = 0;
        bool fromDisk = false;
    };

    static QString keyOf(const QString &submissionId, int index);
    QString diskPath(const QString &submissionId, int index) const;
    void pump();
    void start(const Request &request);
    void download(const Request &request);
    void finish(const QString &key, const Decoded &result, quint64 generation);
    void noteDone();

    QPointer<feedback::ScreenshotFetcher> m_fetcher;
    QSize m_size{360, 640};
    QString m_diskDir;
    QCache<QString, QPixmap> m_memory;
    std::deque<Request> m_queue; // front = newest request
    QSet<QString> m_active;      // disk lookup, download or decode running
    QHash<QString, QString> m_failed;
    int m_maxQueued = DefaultMaxQueued;
    int m_maxActive = DefaultMaxActive;
    quint64 m_generation = 0; // bumps when results of earlier requests must be ignored
    ThumbnailStats m_stats;
    QElapsedTimer m_clock;
    QThreadPool m_pool;
};

} // namespace ascend::ui

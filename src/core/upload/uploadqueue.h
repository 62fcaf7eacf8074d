#pragma once
// The uploads a person has asked for, in order: what the Uploads pane shows and drives. Jobs run one at a
// time (each already sends its parts in parallel); the rest wait their turn. Unfinished uploads found in
// the journal at start can be resumed. A BUILD_UPLOAD_STATE_UPDATED event from the webhook listener goes
// to notifyBuildUploadStateChanged(), which makes the matching job poll at once.

#include "core/upload/buildupload.h"

#include <QList>
#include <QObject>

namespace ascend::api {
class ApiClient;
}
namespace ascend::store {
class UploadJournal;
struct JournalEntry;
} // namespace ascend::store

namespace ascend::upload {

class UploadQueue : public QObject {
    Q_OBJECT
public:
    // Neither client nor journal (may be null) is owned.
    UploadQueue(api::ApiClient *client, store::UploadJournal *journal, QObject *parent = nullptr);
    ~UploadQueue() override;

    void setParallelism(int parts) { m_options.parallelism = parts; }
    int parallelism() const { return m_options.parallelism; }
    // Options for jobs added from now on (poll intervals, retry policy, ...).
    void setJobOptions(const BuildUploadJob::Options &options) { m_options = options; }
    const BuildUploadJob::Options &jobOptions() const { return m_options; }

    int count() const { return int(m_jobs.size()); }
    BuildUploadJob *job(int row) const { return m_jobs.value(row); }
    int rowOf(const BuildUploadJob *job) const
    {
        return int(m_jobs.indexOf(const_cast<BuildUploadJob *>(job)));
    }
    int activeCount() const;

    // Adds a file (a .pkg needs metadata); returns its row. It starts when the jobs before it are done.
    int addFile(const QString &path, const BuildMetadata &metadata = {});
    // Journal entries left unfinished by an earlier run (crash, kill or quit).
    QList<store::JournalEntry> interrupted() const;
    // Adds a resuming job for every interrupted entry whose file still exists; returns how many.
    int resumeInterrupted();

    void cancel(int row);
    // Removes a finished, failed or cancelled item.
    bool remove(int row);

public slots:
    void notifyBuildUploadStateChanged(const QString &buildUploadId, const QString &newState);

signals:
    void jobAdded(int row);
    void jobRemoved(int row);
    // Stage, progress, throughput or server state of the job in this row changed.
    void jobChanged(int row);
    // Processing completed or failed (for a desktop notification).
    void jobFinished(int row, bool ok);
    void activeCountChanged(int count);

private:
    int append(const QString &path, const BuildUploadJob::Options &options);
    void startNext();

    api::ApiClient *m_client;
    store::UploadJournal *m_journal;
    BuildUploadJob::Options m_options;
    QList<BuildUploadJob *> m_jobs;
};

} // namespace ascend::upload

#include "core/upload/uploadqueue.h"

#include "core/store/uploadjournal.h"

#include <QFileInfo>

namespace ascend::upload {

UploadQueue::UploadQueue(api::ApiClient *client, store::UploadJournal *journal, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(journal)
{}

UploadQueue::~UploadQueue()
{
    qDeleteAll(m_jobs);
}

int UploadQueue::activeCount() const
{
    int active = 0;
    for (const BuildUploadJob *job : m_jobs)
        active += !BuildUploadJob::isTerminal(job->stage()) ? 1 : 0;
    return active;
}

int UploadQueue::addFile(const QString &path, const BuildMetadata &metadata)
{
    BuildUploadJob::Options options = m_options;
    options.metadata = metadata;
    options.resume = true;
    return append(path, options);
}

QList<store::JournalEntry> UploadQueue::interrupted() const
{
    return m_journal ? m_journal->unfinished() : QList<store::JournalEntry>();
}

int UploadQueue::resumeInterrupted()
{
    int added = 0;
    for (const store::JournalEntry &entry : interrupted()) {
        bool queued = false;
        for (const BuildUploadJob *job : std::as_const(m_jobs))
            queued = queued || QFileInfo(job->filePath()).absoluteFilePath() == entry.filePath;
        if (queued || !QFileInfo::exists(entry.filePath))
            continue;
        BuildUploadJob::Options options = m_options;
        options.resume = true;
        append(entry.filePath, options);
        ++added;
    }
    return added;
}

int UploadQueue::append(const QString &path, const BuildUploadJob::Options &options)
{
    auto *job = new BuildUploadJob(m_client, m_journal, path, options);
    m_jobs.append(job);
    const int row = int(m_jobs.size()) - 1;
    auto changed = [this, job] {
        const int index = rowOf(job);
        if (index >= 0)
            emit jobChanged(index);
    };
    connect(job, &BuildUploadJob::stageChanged, this, changed);
    connect(job, &BuildUploadJob::inspected, this, changed);
    connect(job, &BuildUploadJob::progress, this, changed);
    connect(job, &BuildUploadJob::throughputChanged, this, changed);
    connect(job, &BuildUploadJob::serverStateChanged, this, changed);
    connect(job, &BuildUploadJob::finished, this, [this, job](bool ok) {
        const int index = rowOf(job);
        if (index >= 0) {
            emit jobChanged(index);
            emit jobFinished(index, ok);
        }
        emit activeCountChanged(activeCount());
        startNext();
    });
    emit jobAdded(row);
    emit activeCountChanged(activeCount());
    startNext();
    return row;
}

void UploadQueue::startNext()
{
    for (BuildUploadJob *job : std::as_const(m_jobs)) {
        const auto stage = job->stage();
        if (stage != BuildUploadJob::Stage::Idle && !BuildUploadJob::isTerminal(stage))
            return; // one at a time
    }
    for (BuildUploadJob *job : std::as_const(m_jobs)) {
        if (job->stage() == BuildUploadJob::Stage::Idle) {
            job->start();
            return;
        }
    }
}

void UploadQueue::cancel(int row)
{
    BuildUploadJob *job = m_jobs.value(row);
    if (!job || BuildUploadJob::isTerminal(job->stage()))
        return;
    if (job->stage() == BuildUploadJob::Stage::Idle) {
        // Not started: nothing to delete on the server.
        remove(row);
        return;
    }
    job->cancel();
}

bool UploadQueue::remove(int row)
{
    BuildUploadJob *job = m_jobs.value(row);
    if (!job || (job->stage() != BuildUploadJob::Stage::Idle && !BuildUploadJob::isTerminal(job->stage())))
        return false;
    m_jobs.removeAt(row);
    job->disconnect(this);
    job->deleteLater();
    emit jobRemoved(row);
    emit activeCountChanged(activeCount());
    return true;
}

void UploadQueue::notifyBuildUploadStateChanged(const QString &buildUploadId, const QString &newState)
{
    Q_UNUSED(newState) // the job reads the full state (errors included) from the API
    for (BuildUploadJob *job : std::as_const(m_jobs)) {
        if (job->buildUploadId() == buildUploadId)
            job->notifyStateChanged();
    }
}

} // namespace ascend::upload

#pragma once
// One build file's journey to App Store Connect. The state machine:
//
//   Inspecting ──▶ FindingApp ──▶ CheckingDuplicates ──▶ Reserving ──▶ ReservingFile ──▶ Uploading
//       │              │                  │                  │              │             │   (parts + MD5
//       ▼              ▼                  ▼                  ▼              ▼             │    in parallel)
//     Failed         Failed      Failed (already uploaded)  Failed        Failed          ▼
//                                                                                     Committing ──▶
//                                                                                     Processing
//   Resuming (journal has an unfinished entry for the file):                              │        (poll with
//     GET buildUploads/{id}: AWAITING_UPLOAD, operations unexpired, file unchanged ──▶ Uploading   backoff;
//     an
//                            (only the parts the journal lacks)                            │        external
//                            event
//     PROCESSING/COMPLETE/FAILED ──▶ Processing                                            ▼        polls at
//     once) expired / file changed / gone ──▶ DELETE the old reservation, say why ──▶ FindingApp │
//   Uploading with operations that expire midway ──▶ one fresh reservation (as above)       ▼
//   Processing ──▶ Complete (build id from include=build) | Failed (state.errors verbatim)
//   cancel() from any running stage ──▶ DELETE /v1/buildUploads/{id} ──▶ Cancelled
//
// Every step is journaled (UploadJournal) so a crash at any point can be resumed.

#include "core/api/buildUploads.h"
#include "core/upload/buildfileinfo.h"
#include "core/upload/partscheduler.h"
#include "core/upload/throughputmeter.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>
#include <optional>

namespace ascend::api {
class ApiClient;
class ApiReply;
struct App;
} // namespace ascend::api
namespace ascend::store {
class UploadJournal;
struct JournalEntry;
} // namespace ascend::store

namespace ascend::upload {

class StreamingMd5;

class BuildUploadJob : public QObject {
    Q_OBJECT
public:
    enum class Stage {
        Idle,
        Inspecting,
        FindingApp,
        CheckingDuplicates,
        Reserving,
        ReservingFile,
        Uploading,
        Committing,
        Processing,
        Complete,
        Failed,
        Cancelled,
    };
    Q_ENUM(Stage)

    struct Options {
        QString app; // bundle id or app id; empty = the file's bundle id
        BuildMetadata metadata;
        int parallelism = PartScheduler::DefaultParallelism;
        PartRetryPolicy retry;
        bool resume = true;           // continue an unfinished journal entry for the same file
        bool followProcessing = true; // false: finish once the commit is accepted
        int pollInitialMs = 1000;
        int pollMaxMs = 15000;
    };

    // journal may be null (no resume). Neither client nor journal is owned.
    BuildUploadJob(api::ApiClient *client, store::UploadJournal *journal, QString filePath, Options options,
                   QObject *parent = nullptr);
    ~BuildUploadJob() override;

    static QString stageName(Stage stage);
    static bool isTerminal(Stage stage) { return stage >= Stage::Complete; }

    void start();
    // Stops the parts, deletes the reservation (DELETE /v1/buildUploads/{id}) and ends Cancelled.
    void cancel();

    Stage stage() const { return m_stage; }
    QString filePath() const { return m_filePath; }
    const std::optional<BuildFileInfo> &info() const { return m_info; }
    QString appId() const { return m_appId; }
    QString appName() const { return m_appName; }
    QString buildUploadId() const { return m_uploadId; }
    QString buildUploadFileId() const { return m_fileId; }
    QString buildId() const { return m_buildId; }
    QString md5() const { return m_md5; }
    bool resumed() const { return m_resumed; }
    const api::BuildUploadStateInfo &serverState() const { return m_serverState; }
    QString errorString() const { return m_error; }
    qint64 totalBytes() const;
    qint64 bytesSent() const;
    // Parts sent by this run (not counting those the journal already had) and parts re-sent after errors.
    int partsSentThisRun() const { return m_partsSentThisRun; }
    int resendCount() const { return m_scheduler ? m_scheduler->resendCount() : 0; }
    double bytesPerSecond() const { return m_meter.bytesPerSecond(); }
    qint64 etaSeconds() const;
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }
    PartScheduler *scheduler() const { return m_scheduler.get(); }

public slots:
    // A BUILD_UPLOAD_STATE_UPDATED event for this upload arrived (webhook listener): poll at once.
    void notifyStateChanged();

signals:
    void stageChanged(ascend::upload::BuildUploadJob::Stage stage);
    void inspected();
    // Something a person should read: resuming, restarting and why.
    void notice(const QString &text);
    // The parts are known (after reservation or resume); the scheduler exists from now on.
    void partsReady(int count);
    void partStateChanged(int index, ascend::upload::PartState state);
    void partProgress(int index, qint64 sent, qint64 total);
    void progress(qint64 sent, qint64 total);
    void throughputChanged(double bytesPerSecond, qint64 etaSeconds);
    void serverStateChanged();
    void finished(bool ok);

private:
    void setStage(Stage stage);
    void fail(const QString &message);
    api::ApiReply *send(const struct api::ApiRequest &request);
    void tryResume();
    void resumeWith(const store::JournalEntry &entry);
    void restartFresh(const QString &why);
    void findApp();
    void checkDuplicates();
    void reserve();
    void reserveFile();
    void beginUploading(const QSet<int> &done);
    void startChecksum();
    void stopChecksum();
    void onPartsFinished(bool ok);
    void maybeCommit();
    void commit();
    void poll();
    void schedulePoll();
    void onPolled(const api::BuildUpload &upload, const QString &buildId);
    void journalState(const char *state, const QString &message = {});

    api::ApiClient *m_client;
    store::UploadJournal *m_journal;
    QString m_filePath;
    Options m_options;
    Stage m_stage = Stage::Idle;
    std::optional<BuildFileInfo> m_info;
    QString m_appId;
    QString m_appName;
    QString m_uploadId;
    QString m_fileId;
    QString m_buildId;
    QString m_md5;
    QString m_error;
    qint64 m_journalRow = 0;
    bool m_resumed = false;
    bool m_restarted = false;
    bool m_partsOk = false;
    bool m_partsFinished = false;
    int m_partsSentThisRun = 0;
    qint64 m_fileModifiedMs = 0;
    QList<api::DeliveryFileUploadOperation> m_operations;
    std::unique_ptr<PartScheduler> m_scheduler;
    std::unique_ptr<StreamingMd5> m_checksum; // one per job: a restart keeps what is hashed
    QPointer<api::ApiReply> m_pending;
    api::BuildUploadStateInfo m_serverState;
    QTimer m_pollTimer;
    int m_pollDelayMs = 0;
    QTimer m_meterTimer;
    ThroughputMeter m_meter;
    qint64 m_bytesAtStart = 0;
    QElapsedTimer m_clock;
};

} // namespace ascend::upload

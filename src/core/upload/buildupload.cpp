#include "core/upload/buildupload.h"

#include "core/api/apiclient.h"
#include "core/api/apireply.h"
#include "core/api/apps.h"
#include "core/api/buildUploadFiles.h"
#include "core/store/uploadjournal.h"
#include "core/upload/buildinspector.h"
#include "core/upload/streamingmd5.h"
#include "core/upload/uploadlogging.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QMetaEnum>

namespace ascend::upload {

namespace {

QString describeDetails(const QList<api::StateDetail> &details)
{
    QStringList lines;
    for (const auto &detail : details)
        lines << (detail.code.isEmpty() ? detail.description
                                        : QStringLiteral("%1: %2").arg(detail.code, detail.description));
    return lines.join(QStringLiteral("; "));
}

QJsonArray operationsToJson(const QList<api::DeliveryFileUploadOperation> &operations)
{
    QJsonArray array;
    for (const auto &operation : operations)
        array.append(operation.toJson());
    return array;
}

} // namespace

BuildUploadJob::BuildUploadJob(api::ApiClient *client, store::UploadJournal *journal, QString filePath,
                               Options options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(journal)
    , m_filePath(std::move(filePath))
    , m_options(std::move(options))
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &BuildUploadJob::poll);
    m_meterTimer.setInterval(500);
    connect(&m_meterTimer, &QTimer::timeout, this, [this] {
        m_meter.sample(m_clock.elapsed(), bytesSent() - m_bytesAtStart);
        emit throughputChanged(m_meter.bytesPerSecond(), etaSeconds());
    });
}

BuildUploadJob::~BuildUploadJob()
{
    if (m_pending)
        m_pending->abort();
    // The scheduler's uploaders offer blocks to the checksum: stop them first.
    m_scheduler.reset();
    m_checksum.reset();
}

void BuildUploadJob::startChecksum()
{
    if (m_checksum)
        return;
    // The whole file's MD5, on a worker thread while the parts go out, from the blocks the parts read.
    m_checksum = std::make_unique<StreamingMd5>(m_info->path, m_info->size);
    connect(m_checksum.get(), &StreamingMd5::finished, this, [this](bool ok) {
        if (isTerminal(m_stage))
            return;
        qCDebug(lcUpload).noquote() << "MD5 done:" << m_checksum->bytesFromOffers()
                                    << "bytes from the uploads," << m_checksum->bytesFromFile()
                                    << "read by the checksum itself";
        if (!ok) {
            fail(tr("Cannot read %1 to compute its checksum: %2").arg(m_filePath, m_checksum->errorString()));
            return;
        }
        m_md5 = m_checksum->md5Hex();
        if (m_journal && m_journalRow)
            m_journal->setFileMd5(m_journalRow, m_md5);
        maybeCommit();
    });
    m_checksum->start();
}

void BuildUploadJob::stopChecksum()
{
    if (!m_checksum)
        return;
    // Possibly called from the checksum's own finished(): delete it later. Its destructor stops the worker
    // within one block.
    StreamingMd5 *checksum = m_checksum.release();
    checksum->disconnect(this);
    checksum->deleteLater();
}

QString BuildUploadJob::stageName(Stage stage)
{
    return QString::fromLatin1(QMetaEnum::fromType<Stage>().valueToKey(int(stage)));
}

qint64 BuildUploadJob::totalBytes() const
{
    return m_info ? m_info->size : 0;
}

qint64 BuildUploadJob::bytesSent() const
{
    if (m_scheduler)
        return m_scheduler->bytesSent();
    return m_stage >= Stage::Committing && m_stage != Stage::Failed && m_stage != Stage::Cancelled
               ? totalBytes()
               : 0;
}

qint64 BuildUploadJob::etaSeconds() const
{
    if (m_stage != Stage::Uploading)
        return -1;
    return m_meter.etaSeconds(totalBytes() - bytesSent());
}

void BuildUploadJob::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    qCDebug(lcUpload).noquote() << QFileInfo(m_filePath).fileName() << "→" << stageName(stage);
    emit stageChanged(stage);
}

void BuildUploadJob::fail(const QString &message)
{
    if (isTerminal(m_stage))
        return;
    m_error = message;
    m_meterTimer.stop();
    m_pollTimer.stop();
    if (m_scheduler && !m_scheduler->isFinished())
        m_scheduler->abort();
    stopChecksum();
    journalState(store::UploadJournal::StateFailed, message);
    setStage(Stage::Failed);
    emit finished(false);
}

void BuildUploadJob::journalState(const char *state, const QString &message)
{
    if (m_journal && m_journalRow)
        m_journal->setState(m_journalRow, QString::fromLatin1(state), message);
}

api::ApiReply *BuildUploadJob::send(const api::ApiRequest &request)
{
    api::ApiReply *reply = m_client->send(request);
    m_pending = reply;
    return reply;
}

void BuildUploadJob::start()
{
    if (m_stage != Stage::Idle)
        return;
    m_clock.start();
    setStage(Stage::Inspecting);
    InspectionResult inspection = BuildInspector::inspect(m_filePath, m_options.metadata);
    if (!inspection.ok()) {
        fail(inspection.error);
        return;
    }
    m_info = inspection.info;
    m_fileModifiedMs = QFileInfo(m_filePath).lastModified().toMSecsSinceEpoch();
    emit inspected();
    if (m_journal && m_options.resume) {
        if (const auto entry = m_journal->findUnfinished(m_info->path)) {
            resumeWith(*entry);
            return;
        }
    }
    findApp();
}

void BuildUploadJob::resumeWith(const store::JournalEntry &entry)
{
    m_journalRow = entry.row;
    m_appId = entry.appId;
    m_uploadId = entry.buildUploadId;
    m_fileId = entry.buildUploadFileId;
    if (entry.fileSize != m_info->size || entry.fileModifiedMs != m_fileModifiedMs) {
        restartFresh(
            tr("%1 changed since the interrupted upload; starting a new upload.").arg(m_info->fileName()));
        return;
    }
    if (m_uploadId.isEmpty() || m_fileId.isEmpty()) {
        restartFresh(tr("The interrupted upload had no reservation yet; starting a new upload."));
        return;
    }
    QString error;
    m_operations = api::DeliveryFileUploadOperation::listFromJson(entry.operations, &error);
    setStage(Stage::Reserving);
    api::ApiReply *reply = send(api::getBuildUpload(m_uploadId));
    connect(reply, &api::ApiReply::finished, this, [this, reply, entry] {
        reply->deleteLater();
        if (reply->httpStatus() == 404) {
            restartFresh(tr("The interrupted upload no longer exists on the server; starting a new upload."));
            return;
        }
        if (!reply->ok()) {
            fail(tr("Cannot check the interrupted upload: %1").arg(reply->error().message()));
            return;
        }
        const auto resource = reply->document().resource();
        const auto upload = resource ? api::BuildUpload::fromResource(*resource) : std::nullopt;
        if (!upload) {
            fail(tr("The server's answer about the interrupted upload is not a build upload."));
            return;
        }
        m_serverState = upload->state;
        if (upload->state.state != asc::BuildUploadState::AWAITING_UPLOAD) {
            m_resumed = true;
            emit notice(tr("The interrupted upload was already committed; following its processing."));
            m_md5 = entry.fileMd5;
            setStage(Stage::Processing);
            onPolled(*upload, upload->buildId);
            return;
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < m_operations.size(); ++i) {
            if (!entry.doneParts.contains(i) && m_operations[i].isExpired(now)) {
                restartFresh(tr("The upload operations of the interrupted upload expired at %1; starting a "
                                "new upload.")
                                 .arg(m_operations[i].expiration.toLocalTime().toString()));
                return;
            }
        }
        if (m_operations.isEmpty()) {
            restartFresh(tr("The journal of the interrupted upload is unreadable; starting a new upload."));
            return;
        }
        m_resumed = true;
        emit notice(tr("Resuming %1: %2 of %3 parts were already uploaded.")
                        .arg(m_info->fileName())
                        .arg(entry.doneParts.size())
                        .arg(m_operations.size()));
        beginUploading(entry.doneParts);
    });
}

void BuildUploadJob::restartFresh(const QString &why)
{
    emit notice(why);
    qCDebug(lcUpload).noquote() << why;
    if (m_journal && m_journalRow)
        m_journal->setState(m_journalRow, QString::fromLatin1(store::UploadJournal::StateFailed), why);
    m_journalRow = 0;
    m_operations.clear();
    m_scheduler.reset();
    const QString oldUpload = m_uploadId;
    m_uploadId.clear();
    m_fileId.clear();
    m_restarted = true;
    if (oldUpload.isEmpty()) {
        findApp();
        return;
    }
    // The old reservation holds the version+build; free it first.
    api::ApiReply *reply = send(api::deleteBuildUpload(oldUpload));
    connect(reply, &api::ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        findApp();
    });
}

void BuildUploadJob::findApp()
{
    // The hash needs no answer from the server: give it the API round trips as a head start.
    startChecksum();
    setStage(Stage::FindingApp);
    const QString wanted = m_options.app.isEmpty() ? m_info->bundleId : m_options.app;
    const bool byBundleId = wanted.contains(QLatin1Char('.'));
    api::ApiReply *reply = send(byBundleId ? api::findAppByBundleId(wanted) : api::getApp(wanted));
    connect(reply, &api::ApiReply::finished, this, [this, reply, wanted, byBundleId] {
        reply->deleteLater();
        if (!byBundleId && reply->httpStatus() == 404) {
            fail(tr("There is no app with id %1 in this account.").arg(wanted));
            return;
        }
        if (!reply->ok()) {
            fail(tr("Cannot look up the app: %1").arg(reply->error().message()));
            return;
        }
        std::optional<api::App> app;
        if (byBundleId) {
            app = api::appWithBundleId(reply->document(), wanted);
        } else if (const auto resource = reply->document().resource()) {
            app = api::App::fromResource(*resource);
        }
        if (!app) {
            fail(tr("There is no app with bundle id %1 in this account.").arg(wanted));
            return;
        }
        if (app->bundleId != m_info->bundleId) {
            fail(tr("%1 is %2, but the app %3 has the bundle id %4.")
                     .arg(m_info->fileName(), m_info->bundleId, app->name, app->bundleId));
            return;
        }
        m_appId = app->id;
        m_appName = app->name;
        checkDuplicates();
    });
}

void BuildUploadJob::checkDuplicates()
{
    setStage(Stage::CheckingDuplicates);
    api::Query query;
    query.filter(QStringLiteral("cfBundleVersion"), m_info->bundleVersion)
        .filter(QStringLiteral("cfBundleShortVersionString"), m_info->shortVersion)
        .filter(QStringLiteral("platform"), asc::toString(*m_info->platform))
        .limit(50);
    api::ApiReply *reply = send(api::listAppBuildUploads(m_appId, query));
    connect(reply, &api::ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (!reply->ok()) {
            fail(tr("Cannot check for an earlier upload of this build: %1").arg(reply->error().message()));
            return;
        }
        for (const auto &resource : reply->document().resources()) {
            const auto upload = api::BuildUpload::fromResource(resource);
            if (upload && upload->state.state != asc::BuildUploadState::FAILED) {
                fail(tr("Version %1 (%2) of %3 was already uploaded (build upload %4, %5).")
                         .arg(m_info->shortVersion, m_info->bundleVersion, m_info->bundleId, upload->id,
                              upload->state.state ? asc::toString(*upload->state.state)
                                                  : QStringLiteral("unknown state")));
                return;
            }
        }
        reserve();
    });
}

void BuildUploadJob::reserve()
{
    setStage(Stage::Reserving);
    api::ApiReply *reply =
        send(api::createBuildUpload(m_appId, m_info->shortVersion, m_info->bundleVersion, *m_info->platform));
    connect(reply, &api::ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (!reply->ok()) {
            fail(tr("The build upload could not be created: %1").arg(reply->error().message()));
            return;
        }
        const auto resource = reply->document().resource();
        const auto upload = resource ? api::BuildUpload::fromResource(*resource) : std::nullopt;
        if (!upload) {
            fail(tr("The server's answer to creating the build upload is not a build upload."));
            return;
        }
        m_uploadId = upload->id;
        m_serverState = upload->state;
        if (m_journal) {
            store::JournalEntry entry;
            entry.filePath = m_info->path;
            entry.fileSize = m_info->size;
            entry.fileModifiedMs = m_fileModifiedMs;
            entry.fileMd5 = m_md5; // known already when the hash finished during the API calls
            entry.appId = m_appId;
            entry.bundleId = m_info->bundleId;
            entry.shortVersion = m_info->shortVersion;
            entry.bundleVersion = m_info->bundleVersion;
            entry.platform = asc::toString(*m_info->platform);
            entry.buildUploadId = m_uploadId;
            entry.state = QString::fromLatin1(store::UploadJournal::StateReserving);
            m_journalRow = m_journal->add(entry).value_or(0);
            if (!m_journalRow)
                qCWarning(lcUpload).noquote()
                    << "the resume journal is not written:" << m_journal->lastError();
        }
        reserveFile();
    });
}

void BuildUploadJob::reserveFile()
{
    setStage(Stage::ReservingFile);
    api::ApiReply *reply =
        send(api::createBuildUploadFile(m_uploadId, m_info->fileName(), m_info->size, m_info->uti()));
    connect(reply, &api::ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (!reply->ok()) {
            fail(tr("The file could not be reserved: %1").arg(reply->error().message()));
            return;
        }
        const auto resource = reply->document().resource();
        const auto file = resource ? api::BuildUploadFile::fromResource(*resource) : std::nullopt;
        if (!file || file->uploadOperations.isEmpty()) {
            fail(tr("The file reservation came without upload operations."));
            return;
        }
        qint64 covered = 0;
        for (const auto &operation : file->uploadOperations)
            covered += operation.length;
        if (covered != m_info->size) {
            fail(tr("The upload operations cover %1 bytes, but the file has %2.")
                     .arg(covered)
                     .arg(m_info->size));
            return;
        }
        m_fileId = file->id;
        m_operations = file->uploadOperations;
        if (m_journal && m_journalRow)
            m_journal->setReservation(m_journalRow, m_uploadId, m_fileId, operationsToJson(m_operations));
        beginUploading({});
    });
}

void BuildUploadJob::beginUploading(const QSet<int> &done)
{
    setStage(Stage::Uploading);
    m_partsOk = false;
    m_partsFinished = false;
    m_scheduler = std::make_unique<PartScheduler>(m_info->path, m_operations);
    m_scheduler->setParallelism(m_options.parallelism);
    m_scheduler->setRetryPolicy(m_options.retry);
    m_scheduler->setCompleted(done);
    startChecksum();
    if (m_checksum->isRunning()) {
        StreamingMd5 *checksum = m_checksum.get();
        m_scheduler->setBlockObserver(
            [checksum](qint64 offset, const QByteArray &block) { checksum->offer(offset, block); });
    }
    connect(m_scheduler.get(), &PartScheduler::partStateChanged, this, &BuildUploadJob::partStateChanged);
    connect(m_scheduler.get(), &PartScheduler::partProgress, this,
            [this](int index, qint64 sent, qint64 total) {
                emit partProgress(index, sent, total);
                emit progress(bytesSent(), totalBytes());
            });
    connect(m_scheduler.get(), &PartScheduler::partDone, this, [this](int index) {
        ++m_partsSentThisRun;
        if (m_journal && m_journalRow)
            m_journal->markPartDone(m_journalRow, index);
    });
    connect(m_scheduler.get(), &PartScheduler::finished, this, &BuildUploadJob::onPartsFinished);
    emit partsReady(m_scheduler->partCount());
    m_bytesAtStart = m_scheduler->bytesSent();
    m_meter.reset();
    m_meter.sample(m_clock.elapsed(), 0);
    m_meterTimer.start();
    emit progress(bytesSent(), totalBytes());
    m_scheduler->start();
}

void BuildUploadJob::onPartsFinished(bool ok)
{
    m_meterTimer.stop();
    if (m_checksum)
        m_checksum->endOffers();
    if (isTerminal(m_stage))
        return;
    if (!ok) {
        if (m_scheduler->failure() == PartScheduler::Failure::Aborted)
            return;
        if (m_scheduler->failure() == PartScheduler::Failure::Expired && !m_restarted) {
            restartFresh(
                tr("The upload operations expired before every part was sent (%1); starting a new upload.")
                    .arg(m_scheduler->errorString()));
            return;
        }
        fail(m_scheduler->errorString());
        return;
    }
    m_partsOk = true;
    m_partsFinished = true;
    emit throughputChanged(m_meter.bytesPerSecond(), 0);
    maybeCommit();
}

void BuildUploadJob::maybeCommit()
{
    if (m_stage == Stage::Uploading && m_partsFinished && m_partsOk && !m_md5.isEmpty())
        commit();
}

void BuildUploadJob::commit()
{
    setStage(Stage::Committing);
    api::ApiReply *reply = send(api::commitBuildUploadFile(m_fileId, m_md5));
    connect(reply, &api::ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (!reply->ok()) {
            fail(tr("The upload could not be committed: %1").arg(reply->error().message()));
            return;
        }
        journalState(store::UploadJournal::StateCommitted);
        setStage(Stage::Processing);
        // One read of the upload's state follows at once; without followProcessing that is the last.
        m_pollDelayMs = m_options.pollInitialMs;
        poll();
    });
}

void BuildUploadJob::notifyStateChanged()
{
    if (m_stage != Stage::Processing || (m_pending && !m_pending->isFinished()))
        return;
    m_pollTimer.stop();
    m_pollDelayMs = m_options.pollInitialMs;
    poll();
}

void BuildUploadJob::poll()
{
    if (m_stage != Stage::Processing)
        return;
    api::ApiReply *reply =
        send(api::getBuildUpload(m_uploadId, api::Query().include({QStringLiteral("build")})));
    connect(reply, &api::ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (m_stage != Stage::Processing)
            return;
        if (!reply->ok()) {
            if (reply->error().kind == api::ApiError::Kind::Http && reply->httpStatus() == 404) {
                fail(tr("The build upload %1 no longer exists.").arg(m_uploadId));
                return;
            }
            qCWarning(lcUpload).noquote() << "polling the build upload failed:" << reply->error().message();
            schedulePoll();
            return;
        }
        const auto resource = reply->document().resource();
        const auto upload = resource ? api::BuildUpload::fromResource(*resource) : std::nullopt;
        if (!upload) {
            schedulePoll();
            return;
        }
        onPolled(*upload, upload->buildId);
    });
}

void BuildUploadJob::schedulePoll()
{
    m_pollTimer.start(m_pollDelayMs);
    m_pollDelayMs = std::min(m_pollDelayMs * 2, m_options.pollMaxMs);
}

void BuildUploadJob::onPolled(const api::BuildUpload &upload, const QString &buildId)
{
    m_serverState = upload.state;
    emit serverStateChanged();
    if (upload.state.state == asc::BuildUploadState::COMPLETE) {
        m_buildId = buildId;
        journalState(store::UploadJournal::StateComplete);
        setStage(Stage::Complete);
        emit finished(true);
    } else if (upload.state.state == asc::BuildUploadState::FAILED) {
        const QString details = describeDetails(upload.state.errors);
        fail(details.isEmpty() ? tr("App Store Connect reports the upload as FAILED.")
                               : tr("App Store Connect reports the upload as FAILED: %1").arg(details));
    } else if (!m_options.followProcessing) {
        journalState(store::UploadJournal::StateComplete, tr("committed; processing not followed"));
        emit finished(true);
    } else {
        if (m_stage != Stage::Processing)
            setStage(Stage::Processing);
        if (m_pollDelayMs <= 0)
            m_pollDelayMs = m_options.pollInitialMs;
        schedulePoll();
    }
}

void BuildUploadJob::cancel()
{
    if (isTerminal(m_stage))
        return;
    if (m_pending)
        m_pending->abort();
    m_pollTimer.stop();
    m_meterTimer.stop();
    if (m_scheduler && !m_scheduler->isFinished())
        m_scheduler->abort();
    stopChecksum();
    journalState(store::UploadJournal::StateCancelled, tr("cancelled"));
    m_error = tr("The upload was cancelled.");
    setStage(Stage::Cancelled);
    if (m_uploadId.isEmpty()) {
        emit finished(false);
        return;
    }
    api::ApiReply *reply = m_client->send(api::deleteBuildUpload(m_uploadId));
    connect(reply, &api::ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (!reply->ok())
            m_error = tr("The upload was cancelled, but its reservation could not be deleted: %1")
                          .arg(reply->error().message());
        emit finished(false);
    });
}

} // namespace ascend::upload

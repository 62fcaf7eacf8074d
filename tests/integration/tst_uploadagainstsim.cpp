// BuildUploadJob against the real ascend-sim binary: a whole upload to COMPLETE with byte-identical
// storage, refusals before any request, retried faulty parts, a checksum mismatch shown with its reason,
// expired operations replaced by a new reservation, cancel, and an external state-change notification.

#include "core/api/apireply.h"
#include "core/api/apps.h"
#include "core/api/buildUploadFiles.h"
#include "core/api/buildUploads.h"
#include "core/store/uploadjournal.h"
#include "core/upload/buildupload.h"
#include "core/upload/filehash.h"
#include "core/upload/sampleipa.h"
#include "simfixture.h"

#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace ascend;
using namespace ascend::upload;

namespace {

const QString kBundleId = QStringLiteral("com.ascend.demo.trailhead");

QString sampleIpa(const QTemporaryDir &dir, const QString &name, const QString &build, qint64 bytes)
{
    SampleIpaSpec spec;
    spec.appName = QStringLiteral("Trailhead");
    spec.bundleId = kBundleId;
    spec.shortVersion = QStringLiteral("8.0");
    spec.bundleVersion = build;
    spec.executableBytes = bytes;
    spec.seed = qHash(build);
    QString error;
    const QString path = dir.filePath(name);
    if (!writeSampleIpa(path, spec, &error))
        qWarning("sample: %s", qPrintable(error));
    return path;
}

bool sameBytes(const QString &a, const QString &b)
{
    return fileSha256Hex(a) == fileSha256Hex(b) && !fileSha256Hex(a).isEmpty();
}

BuildUploadJob::Options fastOptions()
{
    BuildUploadJob::Options options;
    options.followProcessing = true;
    options.pollInitialMs = 200;
    options.pollMaxMs = 1000;
    options.retry.baseDelay = std::chrono::milliseconds(20);
    options.retry.maxDelay = std::chrono::milliseconds(100);
    options.retry.maxAttempts = 20;
    return options;
}

bool waitDone(BuildUploadJob &job, int timeoutMs = 60000)
{
    if (BuildUploadJob::isTerminal(job.stage()))
        return true;
    QSignalSpy finished(&job, &BuildUploadJob::finished);
    return finished.wait(timeoutMs);
}

} // namespace

class TestUploadAgainstSim : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<testing::SimFixture> startSim(const QString &name, const QStringList &extra = {})
    {
        auto fixture = std::make_unique<testing::SimFixture>();
        QStringList arguments{QStringLiteral("--data-dir"),           m_dir.filePath(name),
                              QStringLiteral("--part-size"),          QStringLiteral("65536"),
                              QStringLiteral("--processing-seconds"), QStringLiteral("1")};
        if (!fixture->start(arguments + extra))
            return nullptr;
        return fixture;
    }
    QString stored(const QString &simName, const QString &fileId) const
    {
        return m_dir.filePath(simName + QStringLiteral("/uploads/") + fileId + QStringLiteral(".bin"));
    }

private slots:
    void uploadsToComplete()
    {
        auto sim = startSim(QStringLiteral("complete"));
        QVERIFY(sim);
        const QString ipa =
            sampleIpa(m_dir, QStringLiteral("complete.ipa"), QStringLiteral("801"), 600 * 1024);
        store::UploadJournal journal;
        QString error;
        QVERIFY(journal.open(m_dir.filePath(QStringLiteral("complete.sqlite")), &error));
        BuildUploadJob::Options options = fastOptions();
        options.parallelism = 3;
        BuildUploadJob job(sim->client(), &journal, ipa, options);
        QList<BuildUploadJob::Stage> stages;
        connect(&job, &BuildUploadJob::stageChanged, this,
                [&](BuildUploadJob::Stage stage) { stages << stage; });
        int partsDone = 0;
        qint64 lastProgress = 0;
        connect(&job, &BuildUploadJob::partStateChanged, this,
                [&](int, PartState state) { partsDone += state == PartState::Done ? 1 : 0; });
        connect(&job, &BuildUploadJob::progress, this, [&](qint64 sent, qint64) { lastProgress = sent; });
        job.start();
        QVERIFY(waitDone(job));
        QVERIFY2(job.stage() == BuildUploadJob::Stage::Complete, qPrintable(job.errorString()));
        using S = BuildUploadJob::Stage;
        QCOMPARE(stages,
                 (QList<S>{S::Inspecting, S::FindingApp, S::CheckingDuplicates, S::Reserving,
                           S::ReservingFile, S::Uploading, S::Committing, S::Processing, S::Complete}));
        QVERIFY(!job.buildId().isEmpty());
        QCOMPARE(job.md5(), fileMd5Hex(ipa));
        QCOMPARE(partsDone, job.scheduler()->partCount());
        QCOMPARE(lastProgress, QFileInfo(ipa).size());
        QCOMPARE(job.partsSentThisRun(), job.scheduler()->partCount());
        QVERIFY(sameBytes(ipa, stored(QStringLiteral("complete"), job.buildUploadFileId())));
        QVERIFY(journal.unfinished().isEmpty());
        QCOMPARE(journal.all().first().state, QString::fromLatin1(store::UploadJournal::StateComplete));
        QCOMPARE(journal.all().first().fileMd5, job.md5());

        // The same version+build again is refused before anything is created.
        sim->client()->resetRequestCount();
        BuildUploadJob again(sim->client(), &journal, ipa, fastOptions());
        again.start();
        QVERIFY(waitDone(again));
        QVERIFY(again.stage() == BuildUploadJob::Stage::Failed);
        QVERIFY2(again.errorString().contains(QLatin1String("already uploaded")),
                 qPrintable(again.errorString()));
        QCOMPARE(sim->client()->requestCount(), 2); // GET /v1/apps, GET /v1/apps/{id}/buildUploads
    }

    void refusesBeforeAnyRequest()
    {
        auto sim = startSim(QStringLiteral("refuse"));
        QVERIFY(sim);
        const QString notZip = m_dir.filePath(QStringLiteral("notzip.ipa"));
        QFile file(notZip);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("plain text, not an archive");
        file.close();
        sim->client()->resetRequestCount();
        BuildUploadJob job(sim->client(), nullptr, notZip, fastOptions());
        job.start();
        QVERIFY(job.stage() == BuildUploadJob::Stage::Failed);
        QVERIFY(job.errorString().contains(QLatin1String("not a zip")));
        QCOMPARE(sim->client()->requestCount(), 0);

        SampleIpaSpec spec;
        spec.bundleId = QStringLiteral("com.example.not.in.account");
        const QString unknown = m_dir.filePath(QStringLiteral("unknown.ipa"));
        QString error;
        QVERIFY(writeSampleIpa(unknown, spec, &error));
        BuildUploadJob other(sim->client(), nullptr, unknown, fastOptions());
        other.start();
        QVERIFY(waitDone(other));
        QVERIFY(other.stage() == BuildUploadJob::Stage::Failed);
        QVERIFY2(
            other.errorString().contains(QLatin1String("no app with bundle id com.example.not.in.account")),
            qPrintable(other.errorString()));
        QCOMPARE(sim->client()->requestCount(), 1);
    }

    void retriesFaultyParts()
    {
        auto sim =
            startSim(QStringLiteral("faulty"), {QStringLiteral("--part-fault-rate"), QStringLiteral("0.3")});
        QVERIFY(sim);
        const QString ipa = sampleIpa(m_dir, QStringLiteral("faulty.ipa"), QStringLiteral("802"), 900 * 1024);
        BuildUploadJob job(sim->client(), nullptr, ipa, fastOptions());
        job.start();
        QVERIFY(waitDone(job, 120000));
        QVERIFY2(job.stage() == BuildUploadJob::Stage::Complete, qPrintable(job.errorString()));
        QVERIFY(job.resendCount() > 0);
        QVERIFY(sameBytes(ipa, stored(QStringLiteral("faulty"), job.buildUploadFileId())));
    }

    void checksumMismatchShownWithReason()
    {
        auto sim = startSim(QStringLiteral("mismatch"));
        QVERIFY(sim);
        const QString ipa =
            sampleIpa(m_dir, QStringLiteral("mismatch.ipa"), QStringLiteral("803"), 100 * 1024);
        const QString appId = [&] {
            api::ApiReply *reply = sim->client()->send(api::findAppByBundleId(kBundleId));
            api::waitForFinished(reply, 20000);
            return reply->document().resources().first().id;
        }();
        // Upload every part by hand and commit with a wrong checksum, as if the file had changed meanwhile.
        api::ApiReply *reply = sim->client()->send(
            api::createBuildUpload(appId, QStringLiteral("8.0"), QStringLiteral("803"), asc::Platform::IOS));
        QVERIFY(api::waitForFinished(reply, 20000) && reply->ok());
        const QString uploadId = reply->document().resource()->id;
        reply = sim->client()->send(api::createBuildUploadFile(
            uploadId, QStringLiteral("mismatch.ipa"), QFileInfo(ipa).size(), asc::BuildUploadFileUti::Ipa));
        QVERIFY(api::waitForFinished(reply, 20000) && reply->ok());
        const auto file = api::BuildUploadFile::fromResource(*reply->document().resource());
        PartScheduler parts(ipa, file->uploadOperations);
        QSignalSpy partsDone(&parts, &PartScheduler::finished);
        parts.start();
        QVERIFY(partsDone.wait(30000) && partsDone.first().at(0).toBool());
        reply = sim->client()->send(
            api::commitBuildUploadFile(file->id, QStringLiteral("00000000000000000000000000000000")));
        QVERIFY(api::waitForFinished(reply, 20000) && reply->ok());

        store::UploadJournal journal;
        QString error;
        QVERIFY(journal.open(QStringLiteral(":memory:"), &error));
        store::JournalEntry entry;
        entry.filePath = QFileInfo(ipa).absoluteFilePath();
        entry.fileSize = QFileInfo(ipa).size();
        entry.fileModifiedMs = QFileInfo(ipa).lastModified().toMSecsSinceEpoch();
        entry.appId = appId;
        entry.buildUploadId = uploadId;
        entry.buildUploadFileId = file->id;
        entry.state = QString::fromLatin1(store::UploadJournal::StateCommitted);
        QJsonArray operations;
        for (const auto &operation : file->uploadOperations)
            operations.append(operation.toJson());
        entry.operations = operations;
        QVERIFY(journal.add(entry));

        BuildUploadJob job(sim->client(), &journal, ipa, fastOptions());
        job.start();
        QVERIFY(waitDone(job));
        QVERIFY(job.stage() == BuildUploadJob::Stage::Failed);
        QVERIFY(job.resumed());
        QVERIFY2(job.errorString().contains(QLatin1String("CHECKSUM_MISMATCH")),
                 qPrintable(job.errorString()));
        QVERIFY(job.errorString().contains(QLatin1String("does not match")));
        QCOMPARE(job.serverState().errors.first().code, QStringLiteral("CHECKSUM_MISMATCH"));
    }

    void expiredOperationsStartANewReservation()
    {
        auto sim = startSim(QStringLiteral("expired"),
                            {QStringLiteral("--operation-ttl-seconds"), QStringLiteral("3")});
        QVERIFY(sim);
        const QString ipa =
            sampleIpa(m_dir, QStringLiteral("expired.ipa"), QStringLiteral("804"), 300 * 1024);
        api::ApiReply *reply = sim->client()->send(api::findAppByBundleId(kBundleId));
        QVERIFY(api::waitForFinished(reply, 20000));
        const QString appId = reply->document().resources().first().id;
        reply = sim->client()->send(
            api::createBuildUpload(appId, QStringLiteral("8.0"), QStringLiteral("804"), asc::Platform::IOS));
        QVERIFY(api::waitForFinished(reply, 20000) && reply->ok());
        const QString oldUpload = reply->document().resource()->id;
        reply = sim->client()->send(api::createBuildUploadFile(
            oldUpload, QStringLiteral("expired.ipa"), QFileInfo(ipa).size(), asc::BuildUploadFileUti::Ipa));
        QVERIFY(api::waitForFinished(reply, 20000) && reply->ok());
        const auto file = api::BuildUploadFile::fromResource(*reply->document().resource());

        store::UploadJournal journal;
        QString error;
        QVERIFY(journal.open(QStringLiteral(":memory:"), &error));
        store::JournalEntry entry;
        entry.filePath = QFileInfo(ipa).absoluteFilePath();
        entry.fileSize = QFileInfo(ipa).size();
        entry.fileModifiedMs = QFileInfo(ipa).lastModified().toMSecsSinceEpoch();
        entry.appId = appId;
        const qint64 row = *journal.add(entry);
        QJsonArray operations;
        for (const auto &operation : file->uploadOperations)
            operations.append(operation.toJson());
        QVERIFY(journal.setReservation(row, oldUpload, file->id, operations));
        QTest::qWait(3200);

        BuildUploadJob job(sim->client(), &journal, ipa, fastOptions());
        QStringList notices;
        connect(&job, &BuildUploadJob::notice, this, [&](const QString &text) { notices << text; });
        job.start();
        QVERIFY(waitDone(job));
        QVERIFY2(job.stage() == BuildUploadJob::Stage::Complete, qPrintable(job.errorString()));
        QVERIFY2(notices.join(QLatin1Char('\n')).contains(QLatin1String("expired")),
                 qPrintable(notices.join('\n')));
        QVERIFY(job.buildUploadId() != oldUpload);
        reply = sim->client()->send(api::getBuildUpload(oldUpload));
        api::waitForFinished(reply, 20000);
        QCOMPARE(reply->httpStatus(), 404);
        QCOMPARE(journal.entry(row)->state, QString::fromLatin1(store::UploadJournal::StateFailed));
    }

    void cancelDeletesTheReservation()
    {
        auto sim = startSim(QStringLiteral("cancel"),
                            {QStringLiteral("--part-bandwidth"), QStringLiteral("131072")});
        QVERIFY(sim);
        const QString ipa =
            sampleIpa(m_dir, QStringLiteral("cancel.ipa"), QStringLiteral("805"), 1024 * 1024);
        store::UploadJournal journal;
        QString error;
        QVERIFY(journal.open(QStringLiteral(":memory:"), &error));
        BuildUploadJob job(sim->client(), &journal, ipa, fastOptions());
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(job.stage() == BuildUploadJob::Stage::Uploading, 20000);
        QSignalSpy finished(&job, &BuildUploadJob::finished);
        job.cancel();
        QVERIFY(job.stage() == BuildUploadJob::Stage::Cancelled);
        QVERIFY(finished.count() == 1 || finished.wait(20000));
        api::ApiReply *reply = sim->client()->send(api::getBuildUpload(job.buildUploadId()));
        api::waitForFinished(reply, 20000);
        QCOMPARE(reply->httpStatus(), 404);
        QCOMPARE(journal.all().first().state, QString::fromLatin1(store::UploadJournal::StateCancelled));
    }

    void externalNotificationPollsAtOnce()
    {
        auto sim = startSim(QStringLiteral("notify"));
        QVERIFY(sim);
        const QString ipa = sampleIpa(m_dir, QStringLiteral("notify.ipa"), QStringLiteral("806"), 64 * 1024);
        BuildUploadJob::Options options = fastOptions();
        options.pollInitialMs = 120000; // without the notification the next poll would be two minutes away
        options.pollMaxMs = 120000;
        BuildUploadJob job(sim->client(), nullptr, ipa, options);
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(job.stage() == BuildUploadJob::Stage::Processing, 20000);
        // Wait (with a client of our own) until the simulator has finished processing.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                api::ApiReply *reply = sim->client()->send(api::getBuildUpload(job.buildUploadId()));
                api::waitForFinished(reply, 20000);
                const auto upload = reply->ok()
                                        ? api::BuildUpload::fromResource(*reply->document().resource())
                                        : std::nullopt;
                reply->deleteLater();
                return upload && upload->state.state == asc::BuildUploadState::COMPLETE;
            }(),
            20000);
        QVERIFY(job.stage() == BuildUploadJob::Stage::Processing);
        job.notifyStateChanged();
        QTRY_VERIFY_WITH_TIMEOUT(job.stage() == BuildUploadJob::Stage::Complete, 10000);
        QVERIFY(!job.buildId().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestUploadAgainstSim)
#include "tst_uploadagainstsim.moc"

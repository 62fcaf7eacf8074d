#include "demoupload.h"

#include "core/upload/buildupload.h"
#include "core/upload/sampleipa.h"
#include "uploadprogress.h"

#include <QDateTime>
#include <QEventLoop>
#include <QTemporaryDir>

namespace ascend::cli {

bool runDemoUpload(api::ApiClient *client, const QString &bundleId,
                   const std::function<void(const QString &)> &step, DemoUploadResult *result, QString *error)
{
    QTemporaryDir dir;
    upload::SampleIpaSpec spec;
    spec.appName = QStringLiteral("Demo");
    spec.bundleId = bundleId;
    spec.shortVersion = QStringLiteral("9.9");
    spec.bundleVersion = QString::number(QDateTime::currentSecsSinceEpoch());
    spec.executableBytes = 25 * 1024 * 1024; // a few 10 MiB parts
    const QString path = dir.filePath(QStringLiteral("Demo.ipa"));
    if (!upload::writeSampleIpa(path, spec, error))
        return false;
    step(QStringLiteral("Wrote a sample build %1 (%2 %3, %4) and started uploading it")
             .arg(path, spec.shortVersion, spec.bundleVersion,
                  UploadProgress::formatBytes(25.0 * 1024 * 1024)));

    upload::BuildUploadJob::Options options;
    options.resume = false;
    options.pollInitialMs = 500;
    upload::BuildUploadJob job(client, nullptr, path, options);
    QObject::connect(&job, &upload::BuildUploadJob::partsReady, &job, [&](int count) {
        step(
            QStringLiteral("Reserved build upload %1 (POST /v1/buildUploads, /v1/buildUploadFiles): %2 parts")
                .arg(job.buildUploadId())
                .arg(count));
    });
    QObject::connect(&job, &upload::BuildUploadJob::partStateChanged, &job,
                     [&](int index, upload::PartState state) {
                         if (state != upload::PartState::Done)
                             return;
                         const auto &operation = job.scheduler()->operation(index);
                         step(QStringLiteral("  part %1 sent: bytes %2-%3 (PUT to its presigned URL, no JWT)")
                                  .arg(operation.partNumber)
                                  .arg(operation.offset)
                                  .arg(operation.offset + operation.length - 1));
                     });
    QObject::connect(
        &job, &upload::BuildUploadJob::stageChanged, &job, [&](upload::BuildUploadJob::Stage stage) {
            if (stage == upload::BuildUploadJob::Stage::Processing)
                step(QStringLiteral("Committed with MD5 %1 (PATCH /v1/buildUploadFiles/%2); processing")
                         .arg(job.md5(), job.buildUploadFileId()));
        });
    QEventLoop loop;
    QObject::connect(&job, &upload::BuildUploadJob::finished, &loop, &QEventLoop::quit);
    job.start();
    if (!upload::BuildUploadJob::isTerminal(job.stage()))
        loop.exec();
    if (job.stage() != upload::BuildUploadJob::Stage::Complete) {
        *error = job.errorString();
        return false;
    }
    step(QStringLiteral("Build upload %1 is COMPLETE: build %2 (processingState VALID) in %3 s")
             .arg(job.buildUploadId(), job.buildId())
             .arg(job.elapsedMs() / 1000.0, 0, 'f', 1));
    result->buildUploadId = job.buildUploadId();
    result->buildId = job.buildId();
    return true;
}

} // namespace ascend::cli

#include "uploadprogress.h"

#include "core/upload/buildupload.h"

#include <QObject>

namespace ascend::cli {

UploadProgress::UploadProgress(QTextStream &err, bool terminal)
    : m_err(err)
    , m_terminal(terminal)
{}

QString UploadProgress::formatBytes(double bytes)
{
    static const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    while (bytes >= 1024.0 && unit < 4) {
        bytes /= 1024.0;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(bytes, 0, 'f', unit == 0 ? 0 : 1).arg(QLatin1String(units[unit]));
}

QString UploadProgress::formatEta(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("--:--");
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

void UploadProgress::line(const QString &text)
{
    if (m_terminal && m_barShown)
        m_err << "\r\033[K";
    m_err << text << '\n';
    m_err.flush();
    m_barShown = false;
    if (m_terminal)
        drawBar(true);
}

void UploadProgress::drawBar(bool force)
{
    if (!m_terminal || !m_job || m_job->stage() != upload::BuildUploadJob::Stage::Uploading)
        return;
    if (!force && m_lastDraw.isValid() && m_lastDraw.elapsed() < 200)
        return;
    m_lastDraw.start();
    const qint64 total = std::max<qint64>(1, m_job->totalBytes());
    const qint64 sent = m_job->bytesSent();
    const int width = 30;
    const int filled = int(width * sent / total);
    m_err << "\r\033[K[" << QString(filled, QLatin1Char('#')) << QString(width - filled, QLatin1Char('-'))
          << "] "
          << QStringLiteral("%1% %2/s ETA %3 parts %4/%5")
                 .arg(100 * sent / total, 3)
                 .arg(formatBytes(m_job->bytesPerSecond()), formatEta(m_job->etaSeconds()))
                 .arg(m_partsDone)
                 .arg(m_partCount);
    m_err.flush();
    m_barShown = true;
}

void UploadProgress::attach(upload::BuildUploadJob *job)
{
    using upload::BuildUploadJob;
    using upload::PartState;
    m_job = job;
    QObject::connect(job, &BuildUploadJob::inspected, job, [this, job] {
        const auto &info = *job->info();
        line(QStringLiteral("%1: %2 %3 (%4), %5, %6")
                 .arg(info.fileName(), info.bundleId, info.shortVersion, info.bundleVersion,
                      asc::toString(*info.platform), formatBytes(double(info.size))));
    });
    QObject::connect(job, &BuildUploadJob::notice, job, [this](const QString &text) { line(text); });
    QObject::connect(job, &BuildUploadJob::stageChanged, job, [this, job](BuildUploadJob::Stage stage) {
        if (stage == BuildUploadJob::Stage::Failed || stage == BuildUploadJob::Stage::Inspecting)
            return;
        QString text = QStringLiteral("stage: %1").arg(BuildUploadJob::stageName(stage));
        if (stage == BuildUploadJob::Stage::Reserving && !job->appName().isEmpty())
            text += QStringLiteral(" (app %1, %2)").arg(job->appName(), job->appId());
        if (stage == BuildUploadJob::Stage::Committing)
            text += QStringLiteral(" (MD5 %1)").arg(job->md5());
        line(text);
    });
    QObject::connect(job, &BuildUploadJob::partsReady, job, [this, job](int count) {
        m_partCount = count;
        m_partsDone = 0;
        for (int i = 0; i < count; ++i)
            m_partsDone += job->scheduler()->state(i) == PartState::Done ? 1 : 0;
        line(QStringLiteral("buildUpload %1, file %2: %3 parts, %4 already done, %5 at a time")
                 .arg(job->buildUploadId(), job->buildUploadFileId())
                 .arg(count)
                 .arg(m_partsDone)
                 .arg(job->scheduler()->parallelism()));
    });
    QObject::connect(job, &BuildUploadJob::partStateChanged, job, [this, job](int index, PartState state) {
        const auto &operation = job->scheduler()->operation(index);
        if (state == PartState::Done) {
            ++m_partsDone;
            if (!m_terminal)
                line(QStringLiteral("part %1/%2 done (%3, %4/s, ETA %5)")
                         .arg(operation.partNumber)
                         .arg(m_partCount)
                         .arg(formatBytes(double(operation.length)), formatBytes(job->bytesPerSecond()),
                              formatEta(job->etaSeconds())));
            else
                drawBar(true);
        } else if (state == PartState::Retrying) {
            line(QStringLiteral("part %1/%2 failed, retrying").arg(operation.partNumber).arg(m_partCount));
        } else if (state == PartState::Failed) {
            line(QStringLiteral("part %1/%2 failed").arg(operation.partNumber).arg(m_partCount));
        }
    });
    QObject::connect(job, &BuildUploadJob::progress, job, [this] { drawBar(false); });
    QObject::connect(job, &BuildUploadJob::serverStateChanged, job, [this, job] {
        const auto &state = job->serverState();
        const QString name = state.state ? asc::toString(*state.state) : QStringLiteral("unknown");
        if (name == m_lastServerState)
            return;
        m_lastServerState = name;
        QString text = QStringLiteral("server state: %1").arg(name);
        for (const auto &warning : state.warnings)
            text += QStringLiteral("\n  warning %1: %2").arg(warning.code, warning.description);
        for (const auto &info : state.infos)
            text += QStringLiteral("\n  info %1: %2").arg(info.code, info.description);
        line(text);
    });
}

} // namespace ascend::cli

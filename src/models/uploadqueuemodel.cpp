#include "models/uploadqueuemodel.h"

#include <QLocale>
#include <QStringList>

namespace ascend::models {

using upload::BuildUploadJob;

UploadQueueModel::UploadQueueModel(upload::UploadQueue *queue, QObject *parent)
    : QAbstractTableModel(parent)
    , m_queue(queue)
    , m_rows(queue->count())
{
    // The queue changes first and tells afterwards; m_rows keeps the count views saw until then.
    connect(queue, &upload::UploadQueue::jobAdded, this, [this](int row) {
        beginInsertRows({}, row, row);
        ++m_rows;
        endInsertRows();
    });
    connect(queue, &upload::UploadQueue::jobRemoved, this, [this](int row) {
        beginRemoveRows({}, row, row);
        --m_rows;
        endRemoveRows();
    });
    connect(queue, &upload::UploadQueue::jobChanged, this,
            [this](int row) { emit dataChanged(index(row, 0), index(row, ColumnCount - 1)); });
}

BuildUploadJob *UploadQueueModel::job(const QModelIndex &index) const
{
    if (!m_queue || !index.isValid() || index.row() >= m_rows || index.row() >= m_queue->count())
        return nullptr;
    return m_queue->job(index.row());
}

int UploadQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_queue ? 0 : m_rows;
}

int UploadQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString UploadQueueModel::columnName(Column column)
{
    switch (column) {
    case FileName:
        return tr("File");
    case AppName:
        return tr("App");
    case BundleId:
        return tr("Bundle ID");
    case Version:
        return tr("Version");
    case Build:
        return tr("Build");
    case Platform:
        return tr("Platform");
    case Stage:
        return tr("Stage");
    case Progress:
        return tr("Progress");
    case BytesSent:
        return tr("Sent");
    case TotalBytes:
        return tr("Size");
    case Throughput:
        return tr("Speed");
    case Eta:
        return tr("Time left");
    case ServerState:
        return tr("State");
    case BuildUploadId:
        return tr("Build upload");
    case BuildId:
        return tr("Build");
    case Message:
        return tr("Message");
    case ColumnCount:
        break;
    }
    return {};
}

QString UploadQueueModel::stageText(BuildUploadJob::Stage stage)
{
    switch (stage) {
    case BuildUploadJob::Stage::Idle:
        return tr("Waiting");
    case BuildUploadJob::Stage::Inspecting:
        return tr("Reading the file");
    case BuildUploadJob::Stage::FindingApp:
        return tr("Finding the app");
    case BuildUploadJob::Stage::CheckingDuplicates:
        return tr("Checking earlier uploads");
    case BuildUploadJob::Stage::Reserving:
        return tr("Reserved");
    case BuildUploadJob::Stage::ReservingFile:
        return tr("Reserving the file");
    case BuildUploadJob::Stage::Uploading:
        return tr("Uploading");
    case BuildUploadJob::Stage::Committing:
        return tr("Committed");
    case BuildUploadJob::Stage::Processing:
        return tr("Processing");
    case BuildUploadJob::Stage::Complete:
        return tr("Complete");
    case BuildUploadJob::Stage::Failed:
        return tr("Failed");
    case BuildUploadJob::Stage::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString UploadQueueModel::formatBytes(double bytes)
{
    static const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    while (bytes >= 1024.0 && unit < 4) {
        bytes /= 1024.0;
        ++unit;
    }
    // The number in the user's locale: "1,5 MiB" in German.
    return QStringLiteral("%1 %2").arg(QLocale().toString(bytes, 'f', unit == 0 ? 0 : 1),
                                       QLatin1String(units[unit]));
}

QVariant UploadQueueModel::rawValue(const BuildUploadJob &job, Column column) const
{
    const auto &info = job.info();
    switch (column) {
    case FileName:
        return info ? info->fileName() : job.filePath().section(QLatin1Char('/'), -1);
    case AppName:
        return job.appName();
    case BundleId:
        return info ? info->bundleId : QString();
    case Version:
        return info ? info->shortVersion : QString();
    case Build:
        return info ? info->bundleVersion : QString();
    case Platform:
        return info && info->platform ? asc::toString(*info->platform) : QString();
    case Stage:
        return int(job.stage());
    case Progress:
        return job.totalBytes() > 0 ? double(job.bytesSent()) / double(job.totalBytes()) : 0.0;
    case BytesSent:
        return job.bytesSent();
    case TotalBytes:
        return job.totalBytes();
    case Throughput:
        return job.bytesPerSecond();
    case Eta:
        return job.etaSeconds();
    case ServerState:
        return job.serverState().state ? asc::toString(*job.serverState().state) : QString();
    case BuildUploadId:
        return job.buildUploadId();
    case BuildId:
        return job.buildId();
    case Message: {
        if (!job.errorString().isEmpty())
            return job.errorString();
        QStringList lines;
        for (const auto &detail : job.serverState().warnings)
            lines << QStringLiteral("%1: %2").arg(detail.code, detail.description);
        for (const auto &detail : job.serverState().infos)
            lines << QStringLiteral("%1: %2").arg(detail.code, detail.description);
        return lines.join(QLatin1Char('\n'));
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant UploadQueueModel::displayValue(const BuildUploadJob &job, Column column) const
{
    switch (column) {
    case Stage:
        return stageText(job.stage());
    case Progress:
        return QStringLiteral("%1%").arg(int(rawValue(job, Progress).toDouble() * 100.0));
    case BytesSent:
        return formatBytes(double(job.bytesSent()));
    case TotalBytes:
        return formatBytes(double(job.totalBytes()));
    case Throughput:
        return job.stage() == BuildUploadJob::Stage::Uploading
                   ? tr("%1/s").arg(formatBytes(job.bytesPerSecond()))
                   : QString();
    case Eta: {
        const qint64 seconds = job.etaSeconds();
        if (seconds < 0)
            return QString();
        return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    }
    default:
        return rawValue(job, column);
    }
}

QVariant UploadQueueModel::data(const QModelIndex &index, int role) const
{
    const BuildUploadJob *entry = job(index);
    if (!entry || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(*entry, column);
    case Qt::ToolTipRole:
        return column == Message || column == Stage ? rawValue(*entry, Message) : QVariant();
    case RawDataRole:
        return rawValue(*entry, column);
    case JobRole:
        return QVariant::fromValue(static_cast<QObject *>(const_cast<BuildUploadJob *>(entry)));
    default:
        return {};
    }
}

QVariant UploadQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    return columnName(Column(section));
}

QHash<int, QByteArray> UploadQueueModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(RawDataRole, "rawData");
    names.insert(JobRole, "job");
    return names;
}

} // namespace ascend::models

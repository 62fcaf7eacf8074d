#include "models/uploadpartsmodel.h"

#include "models/uploadqueuemodel.h"

namespace ascend::models {

using upload::PartState;

UploadPartsModel::UploadPartsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void UploadPartsModel::setJob(upload::BuildUploadJob *job)
{
    if (m_job == job)
        return;
    if (m_job)
        m_job->disconnect(this);
    m_job = job;
    if (job) {
        connect(job, &upload::BuildUploadJob::partsReady, this, &UploadPartsModel::reload);
        connect(job, &upload::BuildUploadJob::partStateChanged, this, [this](int row) {
            if (row < m_rows)
                emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        });
        connect(job, &upload::BuildUploadJob::partProgress, this, [this](int row) {
            if (row < m_rows)
                emit dataChanged(index(row, Sent), index(row, Fill));
        });
        connect(job, &QObject::destroyed, this, [this] { setJob(nullptr); });
    }
    reload();
}

void UploadPartsModel::reload()
{
    beginResetModel();
    m_scheduler = m_job ? m_job->scheduler() : nullptr;
    m_rows = m_scheduler ? m_scheduler->partCount() : 0;
    endResetModel();
    if (m_scheduler) {
        // A new reservation replaces the scheduler; until partsReady the grid is empty.
        connect(m_scheduler, &QObject::destroyed, this, [this] {
            beginResetModel();
            m_scheduler = nullptr;
            m_rows = 0;
            endResetModel();
        });
    }
}

int UploadPartsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int UploadPartsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString UploadPartsModel::stateText(PartState state)
{
    switch (state) {
    case PartState::Waiting:
        return tr("Waiting");
    case PartState::InFlight:
        return tr("Sending");
    case PartState::Done:
        return tr("Done");
    case PartState::Retrying:
        return tr("Retrying");
    case PartState::Failed:
        return tr("Failed");
    }
    return {};
}

QVariant UploadPartsModel::rawValue(int row, Column column) const
{
    const auto &operation = m_scheduler->operation(row);
    switch (column) {
    case PartNumber:
        return operation.partNumber;
    case State:
        return int(m_scheduler->state(row));
    case Sent:
        return m_scheduler->sentBytes(row);
    case Length:
        return operation.length;
    case Fill:
        return operation.length > 0 ? double(m_scheduler->sentBytes(row)) / double(operation.length) : 1.0;
    case Attempts:
        return m_scheduler->attempts(row);
    case Offset:
        return operation.offset;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant UploadPartsModel::data(const QModelIndex &index, int role) const
{
    if (!m_scheduler || !index.isValid() || index.row() >= m_rows || index.column() >= ColumnCount)
        return {};
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case State:
            return stateText(m_scheduler->state(index.row()));
        case Sent:
        case Length:
        case Offset:
            return UploadQueueModel::formatBytes(rawValue(index.row(), column).toDouble());
        case Fill:
            return QStringLiteral("%1%").arg(int(rawValue(index.row(), Fill).toDouble() * 100.0));
        default:
            return rawValue(index.row(), column);
        }
    case Qt::ToolTipRole:
        return tr("Part %1: %2, %3 of %4")
            .arg(m_scheduler->operation(index.row()).partNumber)
            .arg(stateText(m_scheduler->state(index.row())),
                 UploadQueueModel::formatBytes(double(m_scheduler->sentBytes(index.row()))),
                 UploadQueueModel::formatBytes(double(m_scheduler->operation(index.row()).length)));
    case RawDataRole:
        return rawValue(index.row(), column);
    case StateRole:
        return int(m_scheduler->state(index.row()));
    case FillRole:
        return rawValue(index.row(), Fill);
    default:
        return {};
    }
}

QVariant UploadPartsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case PartNumber:
        return tr("Part");
    case State:
        return tr("State");
    case Sent:
        return tr("Sent");
    case Length:
        return tr("Size");
    case Fill:
        return tr("Filled");
    case Attempts:
        return tr("Attempts");
    case Offset:
        return tr("Offset");
    case ColumnCount:
        break;
    }
    return {};
}

QHash<int, QByteArray> UploadPartsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(RawDataRole, "rawData");
    names.insert(StateRole, "partState");
    names.insert(FillRole, "fill");
    return names;
}

} // namespace ascend::models

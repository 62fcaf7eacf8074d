#pragma once
// The chunk grid of one upload: one row per upload operation of the selected BuildUploadJob, with its
// state (waiting, in flight, done, retrying, failed), bytes sent and fill level. DisplayRole is text,
// RawDataRole the raw value, StateRole the PartState as int, FillRole the fraction 0..1 a cell paints.

#include "core/upload/buildupload.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace ascend::models {

class UploadPartsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { PartNumber, State, Sent, Length, Fill, Attempts, Offset, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        RawDataRole = Qt::UserRole + 1,
        StateRole, // int(upload::PartState)
        FillRole,  // double 0..1
    };
    Q_ENUM(Role)

    explicit UploadPartsModel(QObject *parent = nullptr);

    // The job whose parts to show (null = none). Rows appear when its reservation is known.
    void setJob(upload::BuildUploadJob *job);
    upload::BuildUploadJob *job() const { return m_job; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString stateText(upload::PartState state);

private:
    void reload();
    QVariant rawValue(int row, Column column) const;

    QPointer<upload::BuildUploadJob> m_job;
    QPointer<upload::PartScheduler> m_scheduler;
    int m_rows = 0;
};

} // namespace ascend::models

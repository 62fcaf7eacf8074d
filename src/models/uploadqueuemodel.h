#pragma once
// The upload queue as a table: one row per build file (UploadQueue), one Column per fact a card shows.
// DisplayRole is formatted text; RawDataRole is the raw value (bytes as qint64, stage as int, rates as
// double) for proxies to sort and delegates to paint; JobRole hands out the BuildUploadJob.

#include "core/upload/uploadqueue.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace ascend::models {

class UploadQueueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        FileName,
        AppName,
        BundleId,
        Version, // CFBundleShortVersionString
        Build,   // CFBundleVersion
        Platform,
        Stage,    // BuildUploadJob::Stage
        Progress, // percent 0..100 (raw: fraction 0..1)
        BytesSent,
        TotalBytes,
        Throughput,  // bytes per second
        Eta,         // seconds, -1 unknown
        ServerState, // BuildUploadState from the API
        BuildUploadId,
        BuildId,
        Message, // the error, or the server's errors/warnings verbatim
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RawDataRole = Qt::UserRole + 1,
        JobRole, // ascend::upload::BuildUploadJob* as QObject*
    };
    Q_ENUM(Role)

    explicit UploadQueueModel(upload::UploadQueue *queue, QObject *parent = nullptr);

    upload::UploadQueue *queue() const { return m_queue; }
    upload::BuildUploadJob *job(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString columnName(Column column);
    static QString stageText(upload::BuildUploadJob::Stage stage);
    static QString formatBytes(double bytes);

private:
    QVariant rawValue(const upload::BuildUploadJob &job, Column column) const;
    QVariant displayValue(const upload::BuildUploadJob &job, Column column) const;

    QPointer<upload::UploadQueue> m_queue;
    int m_rows = 0; // follows the queue through the insert/remove notifications
};

} // namespace ascend::models

#pragma once
// The beta groups of one app: name, internal/external, tester count, public link, feedback. A group row
// accepts dropped builds (TestFlightBuildModel::MimeType) and reports them through buildsDropped(); the
// model itself changes nothing.

#include "core/api/testflightviews.h"

#include <QAbstractTableModel>
#include <QList>

namespace ascend::models {

class TestFlightGroupModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Kind, Testers, PublicLink, Feedback, ColumnCount };
    Q_ENUM(Column)
    enum Role { RawDataRole = Qt::UserRole + 1, GroupIdRole, IsInternalRole };

    explicit TestFlightGroupModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    Qt::DropActions supportedDropActions() const override { return Qt::CopyAction | Qt::MoveAction; }
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    void setGroups(const QList<api::TestFlightGroup> &groups);
    void upsert(const api::TestFlightGroup &group);
    bool removeGroup(const QString &id);
    void setTesterCount(const QString &id, int count);

    const QList<api::TestFlightGroup> &groups() const { return m_groups; }
    const api::TestFlightGroup *group(int row) const;
    const api::TestFlightGroup *groupById(const QString &id) const;
    int rowOfId(const QString &id) const;
    QHash<QString, QString> names() const;

signals:
    // Builds were dropped on the group at row.
    void buildsDropped(const QString &groupId, const QStringList &buildIds);

private:
    QList<api::TestFlightGroup> m_groups;
};

} // namespace ascend::models

#pragma once
// The TestFlight builds of one app as a tree: pre-release versions (newest first) → their builds (newest
// first), one column per Column. RawDataRole gives each cell's sortable value, BuildIdRole a build's id.
// Build rows can be dragged (MimeType: build ids, one per line) onto a group.

#include "core/api/testflightviews.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

namespace ascend::models {

class TestFlightBuildModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Build, Uploaded, Processing, Internal, External, Review, Expires, Groups, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        RawDataRole = Qt::UserRole + 1,
        BuildIdRole,
        IsVersionRole, // true on version rows
    };
    static constexpr const char *MimeType = "application/x-ascend-build-ids";

    explicit TestFlightBuildModel(QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }

    void setBuilds(const QList<api::TestFlightBuild> &builds);
    // Group names for the Groups column.
    void setGroupNames(const QHash<QString, QString> &names);
    // Replaces one build in place (live refresh); false when the build is not shown.
    bool updateBuild(const api::TestFlightBuild &build);
    void clear();

    int buildCount() const;
    const api::TestFlightBuild *build(const QModelIndex &index) const;
    const api::TestFlightBuild *buildById(const QString &id) const;
    QModelIndex indexOfBuild(const QString &id, int column = 0) const;

    static QStringList buildIdsFromMime(const QMimeData *mime);

private:
    struct Version {
        QString label; // "3.0 (IOS)"
        QString version;
        QString platform;
        QList<api::TestFlightBuild> builds;
    };
    QVariant buildData(const api::TestFlightBuild &build, int column, int role) const;
    QString groupText(const api::TestFlightBuild &build) const;

    QList<Version> m_versions;
    QHash<QString, QString> m_groupNames;
};

} // namespace ascend::models

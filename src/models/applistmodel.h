#pragma once
// The apps of the connected account (GET /v1/apps), one row per app.
// Views show the name; each Column is also available raw through roleForColumn() so proxies can sort and
// filter on it, and RawDataRole hands out the whole api::App.

#include "core/api/apps.h"

#include <QAbstractListModel>
#include <QList>

namespace ascend::models {

class AppListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Column { Id, Name, BundleId, Sku, PrimaryLocale, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        RawDataRole = Qt::UserRole + 1, // api::App
        ColumnRoleBase = Qt::UserRole + 100,
    };
    Q_ENUM(Role)

    static constexpr int roleForColumn(Column column) { return int(ColumnRoleBase) + int(column); }

    explicit AppListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Replaces the list; rows are kept in the given order.
    void setApps(const QList<api::App> &apps);
    void clear();

    const QList<api::App> &apps() const { return m_apps; }
    // The app at row; a default App when row is out of range.
    api::App app(int row) const;
    // -1 when no app has that id.
    int rowOfId(const QString &id) const;

    static QString columnName(Column column);

private:
    static QVariant columnValue(const api::App &app, Column column);

    QList<api::App> m_apps;
};

} // namespace ascend::models

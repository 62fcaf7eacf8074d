#include "models/applistmodel.h"

namespace ascend::models {

AppListModel::AppListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int AppListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_apps.size());
}

QVariant AppListModel::columnValue(const api::App &app, Column column)
{
    switch (column) {
    case Id:
        return app.id;
    case Name:
        return app.name;
    case BundleId:
        return app.bundleId;
    case Sku:
        return app.sku;
    case PrimaryLocale:
        return app.primaryLocale;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AppListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_apps.size() || index.column() != 0)
        return {};
    const api::App &app = m_apps.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        // An app without a readable name (sparse fieldsets, odd data) still needs a label.
        return app.name.isEmpty() ? app.bundleId : app.name;
    case Qt::ToolTipRole:
        return tr("%1\nBundle ID: %2\nSKU: %3").arg(app.name, app.bundleId, app.sku);
    case Qt::AccessibleDescriptionRole:
        return app.bundleId;
    case RawDataRole:
        return QVariant::fromValue(app);
    default:
        break;
    }
    if (role >= ColumnRoleBase && role < roleForColumn(ColumnCount))
        return columnValue(app, static_cast<Column>(role - ColumnRoleBase));
    return {};
}

QHash<int, QByteArray> AppListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(RawDataRole, "app");
    names.insert(roleForColumn(Id), "appId");
    names.insert(roleForColumn(Name), "name");
    names.insert(roleForColumn(BundleId), "bundleId");
    names.insert(roleForColumn(Sku), "sku");
    names.insert(roleForColumn(PrimaryLocale), "primaryLocale");
    return names;
}

void AppListModel::setApps(const QList<api::App> &apps)
{
    beginResetModel();
    m_apps = apps;
    endResetModel();
}

void AppListModel::clear()
{
    if (m_apps.isEmpty())
        return;
    beginResetModel();
    m_apps.clear();
    endResetModel();
}

api::App AppListModel::app(int row) const
{
    return (row >= 0 && row < m_apps.size()) ? m_apps.at(row) : api::App{};
}

int AppListModel::rowOfId(const QString &id) const
{
    for (int row = 0; row < m_apps.size(); ++row) {
        if (m_apps.at(row).id == id)
            return row;
    }
    return -1;
}

QString AppListModel::columnName(Column column)
{
    switch (column) {
    case Id:
        return tr("ID");
    case Name:
        return tr("Name");
    case BundleId:
        return tr("Bundle ID");
    case Sku:
        return tr("SKU");
    case PrimaryLocale:
        return tr("Primary language");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace ascend::models

#include "models/testflightgroupmodel.h"

#include "models/testflightbuildmodel.h"

#include <QMimeData>

namespace ascend::models {

TestFlightGroupModel::TestFlightGroupModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int TestFlightGroupModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

int TestFlightGroupModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TestFlightGroupModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::TestFlightGroup &row = m_groups.at(index.row());
    const api::BetaGroup &group = row.group;
    if (role == GroupIdRole)
        return group.id;
    if (role == IsInternalRole)
        return group.isInternalGroup;
    if (role == RawDataRole) {
        switch (index.column()) {
        case Name:
            return group.name;
        case Kind:
            return group.isInternalGroup;
        case Testers:
            return row.testerCount;
        case PublicLink:
            return group.publicLinkEnabled;
        case Feedback:
            return group.feedbackEnabled;
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return group.name;
        case Kind:
            if (!group.isInternalGroup)
                return tr("External");
            return group.hasAccessToAllBuilds ? tr("Internal · all builds") : tr("Internal");
        case Testers:
            return row.testerCount >= 0 ? QString::number(row.testerCount) : QString();
        case PublicLink:
            if (!group.publicLinkEnabled)
                return group.isInternalGroup ? QString() : tr("Off");
            return group.publicLinkLimitEnabled && group.publicLinkLimit
                       ? tr("On · limit %1").arg(*group.publicLinkLimit)
                       : tr("On");
        case Feedback:
            return group.feedbackEnabled ? tr("On") : tr("Off");
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == PublicLink && group.publicLinkEnabled)
        return group.publicLink;
    return {};
}

QVariant TestFlightGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Group");
    case Kind:
        return tr("Kind");
    case Testers:
        return tr("Testers");
    case PublicLink:
        return tr("Public link");
    case Feedback:
        return tr("Feedback");
    }
    return {};
}

Qt::ItemFlags TestFlightGroupModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDropEnabled | Qt::ItemNeverHasChildren;
}

QStringList TestFlightGroupModel::mimeTypes() const
{
    return {QString::fromLatin1(TestFlightBuildModel::MimeType)};
}

bool TestFlightGroupModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int row, int,
                                           const QModelIndex &parent) const
{
    const int target = parent.isValid() ? parent.row() : row;
    return target >= 0 && target < m_groups.size() && !TestFlightBuildModel::buildIdsFromMime(data).isEmpty();
}

bool TestFlightGroupModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                        const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const int target = parent.isValid() ? parent.row() : row;
    emit buildsDropped(m_groups.at(target).group.id, TestFlightBuildModel::buildIdsFromMime(data));
    return false; // nothing moves in this model; the assignment happens on the server
}

void TestFlightGroupModel::setGroups(const QList<api::TestFlightGroup> &groups)
{
    beginResetModel();
    m_groups = groups;
    endResetModel();
}

void TestFlightGroupModel::upsert(const api::TestFlightGroup &group)
{
    const int row = rowOfId(group.group.id);
    if (row >= 0) {
        api::TestFlightGroup merged = group;
        if (merged.testerCount < 0)
            merged.testerCount = m_groups.at(row).testerCount;
        m_groups[row] = merged;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    beginInsertRows({}, int(m_groups.size()), int(m_groups.size()));
    m_groups.append(group);
    endInsertRows();
}

bool TestFlightGroupModel::removeGroup(const QString &id)
{
    const int row = rowOfId(id);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_groups.removeAt(row);
    endRemoveRows();
    return true;
}

void TestFlightGroupModel::setTesterCount(const QString &id, int count)
{
    const int row = rowOfId(id);
    if (row < 0)
        return;
    m_groups[row].testerCount = count;
    emit dataChanged(index(row, Testers), index(row, Testers));
}

const api::TestFlightGroup *TestFlightGroupModel::group(int row) const
{
    return row >= 0 && row < m_groups.size() ? &m_groups.at(row) : nullptr;
}

const api::TestFlightGroup *TestFlightGroupModel::groupById(const QString &id) const
{
    return group(rowOfId(id));
}

int TestFlightGroupModel::rowOfId(const QString &id) const
{
    for (int i = 0; i < m_groups.size(); ++i)
        if (m_groups.at(i).group.id == id)
            return i;
    return -1;
}

QHash<QString, QString> TestFlightGroupModel::names() const
{
    QHash<QString, QString> out;
    for (const auto &row : m_groups)
        out.insert(row.group.id, row.group.name);
    return out;
}

} // namespace ascend::models

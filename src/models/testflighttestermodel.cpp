#include "models/testflighttestermodel.h"

#include "models/statelabel.h"

namespace ascend::models {

namespace {
QString humanize(const QString &state)
{
    return stateLabel(state);
}
} // namespace

TestFlightTesterModel::TestFlightTesterModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int TestFlightTesterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_testers.size());
}

int TestFlightTesterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TestFlightTesterModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::BetaTester &tester = m_testers.at(index.row());
    if (role == TesterIdRole)
        return tester.id;
    const QString state = tester.state ? asc::toString(*tester.state) : QString();
    const QString invite = tester.inviteType ? asc::toString(*tester.inviteType) : QString();
    QStringList devices;
    for (const auto &device : tester.appDevices)
        devices << QStringLiteral("%1 (%2 %3)").arg(device.model, device.platform, device.osVersion);
    if (role == RawDataRole) {
        switch (index.column()) {
        case Name:
            return tester.displayName();
        case Email:
            return tester.email;
        case State:
            return state;
        case InviteType:
            return invite;
        case Devices:
            return int(tester.appDevices.size());
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return tester.displayName();
        case Email:
            return tester.email;
        case State:
            return humanize(state);
        case InviteType:
            return invite == QLatin1String("PUBLIC_LINK") ? tr("Public link") : tr("Email");
        case Devices:
            return devices.isEmpty() ? QStringLiteral("—") : devices.join(QStringLiteral(", "));
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Devices)
        return devices.join(QLatin1Char('\n'));
    return {};
}

QVariant TestFlightTesterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Email:
        return tr("Email");
    case State:
        return tr("State");
    case InviteType:
        return tr("Invited by");
    case Devices:
        return tr("Devices");
    }
    return {};
}

void TestFlightTesterModel::setTesters(const QList<api::BetaTester> &testers)
{
    beginResetModel();
    m_testers = testers;
    endResetModel();
}

void TestFlightTesterModel::appendTesters(const QList<api::BetaTester> &testers)
{
    if (testers.isEmpty())
        return;
    beginInsertRows({}, int(m_testers.size()), int(m_testers.size() + testers.size() - 1));
    m_testers.append(testers);
    endInsertRows();
}

bool TestFlightTesterModel::removeTester(const QString &id)
{
    const int row = rowOfId(id);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_testers.removeAt(row);
    endRemoveRows();
    return true;
}

void TestFlightTesterModel::upsert(const api::BetaTester &tester)
{
    const int row = rowOfId(tester.id);
    if (row >= 0) {
        m_testers[row] = tester;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    appendTesters({tester});
}

void TestFlightTesterModel::clear()
{
    setTesters({});
}

const api::BetaTester *TestFlightTesterModel::tester(int row) const
{
    return row >= 0 && row < m_testers.size() ? &m_testers.at(row) : nullptr;
}

int TestFlightTesterModel::rowOfId(const QString &id) const
{
    for (int i = 0; i < m_testers.size(); ++i)
        if (m_testers.at(i).id == id)
            return i;
    return -1;
}

} // namespace ascend::models

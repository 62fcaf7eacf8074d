#include "models/feedbackmodel.h"

#include <QFont>
#include <QLocale>
#include <QSet>
#include <algorithm>

namespace ascend::models {

using api::FeedbackKind;
using api::FeedbackSubmission;

FeedbackModel::FeedbackModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int FeedbackModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int FeedbackModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString FeedbackModel::platformOf(const FeedbackSubmission &item)
{
    if (item.appPlatform)
        return asc::toString(*item.appPlatform);
    if (item.devicePlatform)
        return asc::toString(*item.devicePlatform);
    return {};
}

QVariant FeedbackModel::displayData(const FeedbackSubmission &item, int column) const
{
    switch (column) {
    case Kind:
        return item.kind == FeedbackKind::Screenshot ? tr("Screenshot") : tr("Crash");
    case Tester:
        return item.testerDisplayName();
    case Comment: {
        // One line in the list; the detail shows the whole text.
        QString text = item.comment.simplified();
        if (text.isEmpty() && item.kind == FeedbackKind::Crash)
            return tr("(crash without a comment)");
        return text;
    }
    case DeviceModel:
        return item.deviceModel;
    case OsVersion:
        return item.osVersion;
    case Build:
        return item.buildVersion.isEmpty() ? item.buildId : item.buildVersion;
    case Date:
        return QLocale().toString(item.createdDate.toLocalTime(), QLocale::ShortFormat);
    }
    return {};
}

QVariant FeedbackModel::rawData(const FeedbackSubmission &item, int column) const
{
    switch (column) {
    case Kind:
        return int(item.kind);
    case Tester:
        return item.testerDisplayName().toLower();
    case Comment:
        return item.comment.toLower();
    case DeviceModel:
        return item.deviceModel;
    case OsVersion: {
        // "17.10" after "17.9": compare as numbers.
        const QStringList parts = item.osVersion.split(QLatin1Char('.'));
        qint64 key = 0;
        for (int i = 0; i < 3; ++i)
            key = key * 1000 + (i < parts.size() ? parts.at(i).toInt() : 0);
        return key;
    }
    case Build: {
        bool numeric = false;
        const qint64 number = item.buildVersion.toLongLong(&numeric);
        return numeric ? QVariant(number) : QVariant(item.buildVersion);
    }
    case Date:
        return item.createdDate;
    }
    return {};
}

QVariant FeedbackModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FeedbackSubmission &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(item, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Kind)
            return displayData(item, Kind);
        if (index.column() == Comment && !item.comment.isEmpty())
            return item.comment;
        if (index.column() == Date)
            return QLocale().toString(item.createdDate.toLocalTime(), QLocale::LongFormat);
        return {};
    case Qt::DecorationRole:
        if (index.column() == Kind)
            return item.kind == FeedbackKind::Screenshot ? m_screenshotIcon : m_crashIcon;
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == 0)
            return tr("%1 from %2, %3%4")
                .arg(displayData(item, Kind).toString(), item.testerDisplayName(),
                     displayData(item, Date).toString(), isRead(item.id) ? QString() : tr(", unread"));
        return {};
    case Qt::FontRole:
        if (!isRead(item.id)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case RawDataRole:
        return rawData(item, index.column());
    case IdRole:
        return item.id;
    case KindRole:
        return int(item.kind);
    case KindNameRole:
        return api::feedbackKindName(item.kind);
    case CreatedRole:
        return item.createdDate;
    case CommentRole:
        return item.comment;
    case TesterRole:
        return item.testerDisplayName();
    case TesterIdRole:
        return item.testerId;
    case EmailRole:
        return item.email;
    case BuildIdRole:
        return item.buildId;
    case BuildVersionRole:
        return item.buildVersion;
    case DeviceModelRole:
        return item.deviceModel;
    case OsVersionRole:
        return item.osVersion;
    case PlatformRole:
        return platformOf(item);
    case ScreenshotCountRole:
        return int(item.screenshots.size());
    case ReadRole:
        return isRead(item.id);
    case TriagedRole:
        return isTriaged(item.id);
    }
    return {};
}

QVariant FeedbackModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Kind:
        return tr("Kind");
    case Tester:
        return tr("Tester");
    case Comment:
        return tr("Comment");
    case DeviceModel:
        return tr("Device");
    case OsVersion:
        return tr("OS");
    case Build:
        return tr("Build");
    case Date:
        return tr("Date");
    }
    return {};
}

QHash<int, QByteArray> FeedbackModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "submissionId");
    names.insert(KindRole, "kind");
    names.insert(CreatedRole, "createdDate");
    names.insert(CommentRole, "comment");
    names.insert(TesterRole, "tester");
    names.insert(BuildVersionRole, "buildVersion");
    names.insert(DeviceModelRole, "deviceModel");
    names.insert(OsVersionRole, "osVersion");
    names.insert(PlatformRole, "platform");
    names.insert(ReadRole, "read");
    names.insert(TriagedRole, "triaged");
    return names;
}

void FeedbackModel::setItems(const QList<FeedbackSubmission> &items)
{
    beginResetModel();
    m_items.clear();
    m_rowOfId.clear();
    m_items.reserve(items.size());
    for (const FeedbackSubmission &item : items) {
        if (item.id.isEmpty() || m_rowOfId.contains(item.id))
            continue;
        m_rowOfId.insert(item.id, int(m_items.size()));
        m_items.append(item);
    }
    endResetModel();
    recountUnread();
}

void FeedbackModel::appendItems(const QList<FeedbackSubmission> &items)
{
    QList<FeedbackSubmission> fresh;
    fresh.reserve(items.size());
    QSet<QString> seen;
    for (const FeedbackSubmission &item : items) {
        if (item.id.isEmpty() || seen.contains(item.id))
            continue;
        seen.insert(item.id);
        if (m_rowOfId.contains(item.id))
            updateItem(item);
        else
            fresh.append(item);
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_items.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (FeedbackSubmission &item : fresh) {
        m_rowOfId.insert(item.id, int(m_items.size()));
        m_items.append(std::move(item));
    }
    endInsertRows();
    recountUnread();
}

int FeedbackModel::insertItem(const FeedbackSubmission &item)
{
    if (item.id.isEmpty())
        return -1;
    if (const int existing = rowOfId(item.id); existing >= 0) {
        updateItem(item);
        return existing;
    }
    // Newest first: the first row that is strictly older.
    const auto it = std::upper_bound(
        m_items.cbegin(), m_items.cend(), item.createdDate,
        [](const QDateTime &date, const FeedbackSubmission &row) { return date > row.createdDate; });
    const int row = int(it - m_items.cbegin());
    beginInsertRows({}, row, row);
    m_items.insert(row, item);
    rebuildIndex(row);
    endInsertRows();
    recountUnread();
    return row;
}

bool FeedbackModel::updateItem(const FeedbackSubmission &item)
{
    const int row = rowOfId(item.id);
    if (row < 0)
        return false;
    FeedbackSubmission &target = m_items[row];
    // A single GET may come without included resources: keep what the list told us.
    const QString buildVersion = target.buildVersion;
    const QString testerName = target.testerName;
    target = item;
    if (target.buildVersion.isEmpty() && target.buildId == item.buildId)
        target.buildVersion = buildVersion;
    if (target.testerName.isEmpty() && target.testerId == item.testerId)
        target.testerName = testerName;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

bool FeedbackModel::removeItem(const QString &id)
{
    const int row = rowOfId(id);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_items.removeAt(row);
    m_rowOfId.remove(id);
    rebuildIndex(row);
    endRemoveRows();
    if (m_states.remove(id) > 0 && m_store)
        m_store->forget(m_scope, {id});
    recountUnread();
    return true;
}

void FeedbackModel::clear()
{
    setItems({});
}

const FeedbackSubmission *FeedbackModel::submission(int row) const
{
    return row >= 0 && row < m_items.size() ? &m_items.at(row) : nullptr;
}

const FeedbackSubmission *FeedbackModel::submissionById(const QString &id) const
{
    return submission(rowOfId(id));
}

int FeedbackModel::rowOfId(const QString &id) const
{
    return m_rowOfId.value(id, -1);
}

void FeedbackModel::rebuildIndex(int fromRow)
{
    for (int row = fromRow; row < m_items.size(); ++row)
        m_rowOfId.insert(m_items.at(row).id, row);
}

void FeedbackModel::recountUnread()
{
    int unread = 0;
    for (const FeedbackSubmission &item : std::as_const(m_items))
        if (!isRead(item.id))
            ++unread;
    if (unread != m_unread) {
        m_unread = unread;
        emit unreadCountChanged(unread);
    }
}

void FeedbackModel::setTriageStore(store::FeedbackTriage *store, const QString &scope)
{
    m_store = store;
    m_scope = scope;
    m_states = store ? store->states(scope) : QHash<QString, store::FeedbackState>();
    if (!m_items.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_items.size()) - 1, ColumnCount - 1),
                         {ReadRole, TriagedRole, Qt::AccessibleTextRole, Qt::FontRole});
    recountUnread();
}

bool FeedbackModel::setRead(const QStringList &ids, bool read)
{
    QStringList changing;
    for (const QString &id : ids)
        if (rowOfId(id) >= 0 && isRead(id) != read)
            changing << id;
    if (changing.isEmpty())
        return true;
    if (m_store && !m_store->setRead(m_scope, changing, read)) {
        m_error = m_store->lastError();
        return false;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &id : std::as_const(changing)) {
        store::FeedbackState &state = m_states[id];
        state.read = read;
        state.readAt = read ? now : QDateTime();
    }
    emitRowsChanged(changing, {ReadRole, Qt::AccessibleTextRole, Qt::FontRole});
    recountUnread();
    return true;
}

bool FeedbackModel::setTriaged(const QStringList &ids, bool triaged)
{
    QStringList changing;
    for (const QString &id : ids)
        if (rowOfId(id) >= 0 && isTriaged(id) != triaged)
            changing << id;
    if (changing.isEmpty())
        return true;
    if (m_store && !m_store->setTriaged(m_scope, changing, triaged)) {
        m_error = m_store->lastError();
        return false;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &id : std::as_const(changing)) {
        store::FeedbackState &state = m_states[id];
        state.triaged = triaged;
        state.triagedAt = triaged ? now : QDateTime();
    }
    emitRowsChanged(changing, {TriagedRole});
    return true;
}

bool FeedbackModel::isRead(const QString &id) const
{
    const auto it = m_states.constFind(id);
    return it != m_states.cend() && it->read;
}

bool FeedbackModel::isTriaged(const QString &id) const
{
    const auto it = m_states.constFind(id);
    return it != m_states.cend() && it->triaged;
}

void FeedbackModel::setKindIcons(const QIcon &screenshot, const QIcon &crash)
{
    m_screenshotIcon = screenshot;
    m_crashIcon = crash;
    if (!m_items.isEmpty())
        emit dataChanged(index(0, Kind), index(int(m_items.size()) - 1, Kind), {Qt::DecorationRole});
}

void FeedbackModel::emitRowsChanged(const QStringList &ids, const QList<int> &roles)
{
    // One signal per contiguous run keeps a large selection cheap for the views.
    QList<int> rows;
    for (const QString &id : ids)
        if (const int row = rowOfId(id); row >= 0)
            rows << row;
    std::sort(rows.begin(), rows.end());
    for (int i = 0; i < rows.size();) {
        int j = i;
        while (j + 1 < rows.size() && rows.at(j + 1) == rows.at(j) + 1)
            ++j;
        emit dataChanged(index(rows.at(i), 0), index(rows.at(j), ColumnCount - 1), roles);
        i = j + 1;
    }
}

} // namespace ascend::models

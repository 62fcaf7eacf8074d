#include "models/eventlogmodel.h"

#include <QJsonDocument>
#include <QLocale>

namespace ascend::models {

EventLogModel::EventLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventLogModel::typeName(const store::LoggedEvent &event)
{
    if (event.ping)
        return QStringLiteral("ping");
    return event.eventType.isEmpty() ? event.notificationType : event.eventType;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const store::LoggedEvent &e = m_events.at(index.row());
    switch (role) {
    case EventRole:
        return QVariant::fromValue(e);
    case EventIdRole:
        return e.eventId;
    case EventTypeRole:
        return typeName(e);
    case InstanceTypeRole:
        return e.instanceType;
    case InstanceIdRole:
        return e.instanceId;
    case PrettyJsonRole: {
        const QJsonDocument document = QJsonDocument::fromJson(e.body);
        return document.isNull() ? QString::fromUtf8(e.body)
                                 : QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    }
    case HeadersRole: {
        QStringList lines;
        for (const auto &[name, value] : e.headers)
            lines << QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromLatin1(value);
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::DisplayRole:
    case RawDataRole:
        break;
    default:
        return {};
    }
    const bool raw = role == RawDataRole;
    switch (Column(index.column())) {
    case Received:
        return raw ? QVariant(e.receivedAt)
                   : QVariant(QLocale().toString(e.receivedAt.toLocalTime(),
                                                 QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    case Type:
        return typeName(e);
    case Instance:
        if (raw)
            return e.instanceId;
        return e.instanceType.isEmpty() ? QString() : e.instanceType + QLatin1Char('/') + e.instanceId;
    case Signature:
        return raw ? QVariant(e.verdict)
                   : QVariant(e.verdict == QLatin1String("valid") ? tr("Verified") : e.verdict);
    case Duplicates:
        return e.duplicates;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Received:
        return tr("Received");
    case Type:
        return tr("Type");
    case Instance:
        return tr("Instance");
    case Signature:
        return tr("Signature");
    case Duplicates:
        return tr("Duplicates");
    case ColumnCount:
        break;
    }
    return {};
}

QHash<int, QByteArray> EventLogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(RawDataRole, "rawData");
    names.insert(EventRole, "event");
    names.insert(EventIdRole, "eventId");
    names.insert(EventTypeRole, "eventType");
    names.insert(InstanceTypeRole, "instanceType");
    names.insert(InstanceIdRole, "instanceId");
    names.insert(PrettyJsonRole, "prettyJson");
    names.insert(HeadersRole, "headers");
    return names;
}

void EventLogModel::load(const store::EventLog &log, int limit)
{
    store::EventQuery query;
    query.newestFirst = true;
    query.limit = limit;
    QList<store::LoggedEvent> events = log.events(query);
    std::reverse(events.begin(), events.end());
    beginResetModel();
    m_events = events;
    endResetModel();
}

void EventLogModel::appendEvent(const store::LoggedEvent &event)
{
    if (rowOfEventId(event.eventId) >= 0) {
        noteDuplicate(event.eventId);
        return;
    }
    beginInsertRows({}, int(m_events.size()), int(m_events.size()));
    m_events.append(event);
    endInsertRows();
}

void EventLogModel::noteDuplicate(const QString &eventId)
{
    const int row = rowOfEventId(eventId);
    if (row < 0)
        return;
    ++m_events[row].duplicates;
    emit dataChanged(index(row, Duplicates), index(row, Duplicates));
}

void EventLogModel::clear()
{
    beginResetModel();
    m_events.clear();
    endResetModel();
}

store::LoggedEvent EventLogModel::event(int row) const
{
    return row >= 0 && row < m_events.size() ? m_events.at(row) : store::LoggedEvent{};
}

int EventLogModel::rowOfEventId(const QString &eventId) const
{
    // Newest rows are the likeliest match.
    for (int i = int(m_events.size()) - 1; i >= 0; --i) {
        if (m_events.at(i).eventId == eventId)
            return i;
    }
    return -1;
}

} // namespace ascend::models

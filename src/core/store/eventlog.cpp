#include "core/store/eventlog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace ascend::store {

namespace {

const QStringList &migrations()
{
    static const QStringList list{
        QStringLiteral("CREATE TABLE events ("
                       " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " event_id TEXT NOT NULL UNIQUE,"
                       " notification_type TEXT NOT NULL,"
                       " event_type TEXT NOT NULL DEFAULT '',"
                       " ping INTEGER NOT NULL DEFAULT 0,"
                       " instance_type TEXT NOT NULL DEFAULT '',"
                       " instance_id TEXT NOT NULL DEFAULT '',"
                       " event_timestamp TEXT NOT NULL DEFAULT '',"
                       " received_at TEXT NOT NULL,"
                       " verdict TEXT NOT NULL,"
                       " body BLOB NOT NULL,"
                       " headers TEXT NOT NULL,"
                       " duplicates INTEGER NOT NULL DEFAULT 0);"
                       "CREATE INDEX events_by_type ON events(event_type);"
                       "CREATE TABLE malformed ("
                       " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " received_at TEXT NOT NULL,"
                       " reason TEXT NOT NULL,"
                       " body BLOB NOT NULL,"
                       " headers TEXT NOT NULL);"
                       "CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)"),
    };
    return list;
}

QString toText(const QDateTime &dateTime)
{
    return dateTime.isValid() ? dateTime.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromText(const QString &text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

QString sqlError(const QSqlQuery &query)
{
    return QStringLiteral("event log: %1").arg(query.lastError().text());
}

LoggedEvent eventFromRow(const QSqlQuery &q)
{
    LoggedEvent e;
    e.seq = q.value(0).toLongLong();
    e.eventId = q.value(1).toString();
    e.notificationType = q.value(2).toString();
    e.eventType = q.value(3).toString();
    e.ping = q.value(4).toBool();
    e.instanceType = q.value(5).toString();
    e.instanceId = q.value(6).toString();
    e.eventTimestamp = fromText(q.value(7).toString());
    e.receivedAt = fromText(q.value(8).toString());
    e.verdict = q.value(9).toString();
    e.body = q.value(10).toByteArray();
    e.headers = EventLog::decodeHeaders(q.value(11).toByteArray());
    e.duplicates = q.value(12).toInt();
    return e;
}

const char EventColumns[] = "seq, event_id, notification_type, event_type, ping, instance_type, instance_id, "
                            "event_timestamp, received_at, verdict, body, headers, duplicates";

} // namespace

bool EventLog::open(const QString &path, QString *error)
{
    if (!m_db.open(path, Durability::Full, error))
        return false;
    if (!m_db.migrate(migrations(), error)) {
        m_db.close();
        return false;
    }
    return true;
}

bool EventLog::begin(QString *error)
{
    if (!m_db.connection().transaction()) {
        *error = QStringLiteral("event log: %1").arg(m_db.connection().lastError().text());
        return false;
    }
    return true;
}

bool EventLog::commit(QString *error)
{
    if (!m_db.connection().commit()) {
        *error = QStringLiteral("event log: %1").arg(m_db.connection().lastError().text());
        m_db.connection().rollback();
        return false;
    }
    return true;
}

void EventLog::rollback()
{
    m_db.connection().rollback();
}

AppendResult EventLog::append(const LoggedEvent &event, QString *error, qint64 *seq)
{
    // Only a conflict on the event id is ignored; any other constraint failure is an error.
    QSqlQuery insert(m_db.connection());
    insert.prepare(QStringLiteral(
        "INSERT INTO events (event_id, notification_type, event_type, ping, instance_type, instance_id,"
        " event_timestamp, received_at, verdict, body, headers) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT(event_id) DO NOTHING"));
    const auto text = [](const QString &value) { return value.isNull() ? QStringLiteral("") : value; };
    insert.addBindValue(event.eventId);
    insert.addBindValue(text(event.notificationType));
    insert.addBindValue(text(event.eventType));
    insert.addBindValue(event.ping ? 1 : 0);
    insert.addBindValue(text(event.instanceType));
    insert.addBindValue(text(event.instanceId));
    insert.addBindValue(text(toText(event.eventTimestamp)));
    insert.addBindValue(
        toText(event.receivedAt.isValid() ? event.receivedAt : QDateTime::currentDateTimeUtc()));
    insert.addBindValue(text(event.verdict));
    insert.addBindValue(event.body.isNull() ? QByteArray("") : event.body);
    insert.addBindValue(QString::fromUtf8(encodeHeaders(event.headers)));
    if (!insert.exec()) {
        *error = sqlError(insert);
        return AppendResult::Failed;
    }
    if (insert.numRowsAffected() == 1) {
        if (seq)
            *seq = insert.lastInsertId().toLongLong();
        return AppendResult::Stored;
    }
    QSqlQuery bump(m_db.connection());
    bump.prepare(QStringLiteral("UPDATE events SET duplicates = duplicates + 1 WHERE event_id = ?"));
    bump.addBindValue(event.eventId);
    if (!bump.exec()) {
        *error = sqlError(bump);
        return AppendResult::Failed;
    }
    return AppendResult::Duplicate;
}

bool EventLog::appendMalformed(const MalformedRecord &record, QString *error)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO malformed (received_at, reason, body, headers) VALUES (?,?,?,?)"));
    q.addBindValue(toText(record.receivedAt.isValid() ? record.receivedAt : QDateTime::currentDateTimeUtc()));
    q.addBindValue(record.reason.isNull() ? QStringLiteral("") : record.reason);
    q.addBindValue(record.body.isNull() ? QByteArray("") : record.body);
    q.addBindValue(QString::fromUtf8(encodeHeaders(record.headers)));
    if (!q.exec()) {
        *error = sqlError(q);
        return false;
    }
    return true;
}

bool EventLog::addToCounter(const QString &name, qint64 delta, QString *error)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO counters (name, value) VALUES (?, ?)"
                             " ON CONFLICT(name) DO UPDATE SET value = value + excluded.value"));
    q.addBindValue(name);
    q.addBindValue(delta);
    if (!q.exec()) {
        *error = sqlError(q);
        return false;
    }
    return true;
}

qint64 EventLog::counter(const QString &name) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT value FROM counters WHERE name = ?"));
    q.addBindValue(name);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

qint64 EventLog::eventCount() const
{
    QSqlQuery q(m_db.connection());
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM events")) && q.next() ? q.value(0).toLongLong() : 0;
}

qint64 EventLog::malformedCount() const
{
    QSqlQuery q(m_db.connection());
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM malformed")) && q.next() ? q.value(0).toLongLong() : 0;
}

std::optional<LoggedEvent> EventLog::event(const QString &eventId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM events WHERE event_id = ?").arg(QLatin1String(EventColumns)));
    q.addBindValue(eventId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return eventFromRow(q);
}

QList<LoggedEvent> EventLog::events(const EventQuery &query) const
{
    QString sql = QStringLiteral("SELECT %1 FROM events WHERE 1=1").arg(QLatin1String(EventColumns));
    if (!query.eventType.isEmpty())
        sql += QStringLiteral(" AND (event_type = :type OR notification_type = :type)");
    if (!query.newestFirst)
        sql += QStringLiteral(" AND seq > :after ORDER BY seq ASC");
    else
        sql += QStringLiteral(" ORDER BY seq DESC");
    sql += QStringLiteral(" LIMIT :limit");
    QSqlQuery q(m_db.connection());
    q.prepare(sql);
    if (!query.eventType.isEmpty())
        q.bindValue(QStringLiteral(":type"), query.eventType);
    if (!query.newestFirst)
        q.bindValue(QStringLiteral(":after"), query.afterSeq);
    q.bindValue(QStringLiteral(":limit"), query.limit);
    QList<LoggedEvent> out;
    if (!q.exec())
        return out;
    while (q.next())
        out.append(eventFromRow(q));
    return out;
}

QList<MalformedRecord> EventLog::malformed(int limit) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(
        QStringLiteral("SELECT seq, received_at, reason, body, headers FROM malformed ORDER BY seq LIMIT ?"));
    q.addBindValue(limit);
    QList<MalformedRecord> out;
    if (!q.exec())
        return out;
    while (q.next()) {
        MalformedRecord r;
        r.seq = q.value(0).toLongLong();
        r.receivedAt = fromText(q.value(1).toString());
        r.reason = q.value(2).toString();
        r.body = q.value(3).toByteArray();
        r.headers = decodeHeaders(q.value(4).toByteArray());
        out.append(r);
    }
    return out;
}

QByteArray EventLog::encodeHeaders(const EventHeaders &headers)
{
    QJsonArray array;
    for (const auto &[name, value] : headers)
        array.append(QJsonArray{QString::fromLatin1(name), QString::fromLatin1(value)});
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

EventHeaders EventLog::decodeHeaders(const QByteArray &json)
{
    EventHeaders out;
    const QJsonArray array = QJsonDocument::fromJson(json).array();
    for (const QJsonValue &entry : array) {
        const QJsonArray pair = entry.toArray();
        out.append({pair.at(0).toString().toLatin1(), pair.at(1).toString().toLatin1()});
    }
    return out;
}

} // namespace ascend::store

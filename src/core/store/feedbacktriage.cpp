#include "core/store/feedbacktriage.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

namespace ascend::store {

namespace {

const QStringList kMigrations = {
    QStringLiteral("CREATE TABLE feedback_state ("
                   " scope TEXT NOT NULL,"
                   " submission_id TEXT NOT NULL,"
                   " read INTEGER NOT NULL DEFAULT 0,"
                   " read_at TEXT,"
                   " triaged INTEGER NOT NULL DEFAULT 0,"
                   " triaged_at TEXT,"
                   " PRIMARY KEY (scope, submission_id)) WITHOUT ROWID"),
};

QString toText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromText(const QVariant &value)
{
    if (value.isNull())
        return {};
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    time.setTimeSpec(Qt::UTC);
    return time;
}

FeedbackState stateFrom(const QSqlQuery &query, int first)
{
    FeedbackState state;
    state.read = query.value(first).toInt() != 0;
    state.readAt = state.read ? fromText(query.value(first + 1)) : QDateTime();
    state.triaged = query.value(first + 2).toInt() != 0;
    state.triagedAt = state.triaged ? fromText(query.value(first + 3)) : QDateTime();
    return state;
}

} // namespace

QString FeedbackTriage::defaultPath()
{
    QString dir = qEnvironmentVariable("ASCEND_CONFIG_DIR");
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    return QDir(dir).filePath(QStringLiteral("feedback.sqlite"));
}

QString FeedbackTriage::scopeFor(const QString &serverUrl, const QString &accountId, const QString &appId)
{
    QString server = serverUrl;
    while (server.endsWith(QLatin1Char('/')))
        server.chop(1);
    return server + QLatin1Char('|') + accountId + QLatin1Char('|') + appId;
}

bool FeedbackTriage::open(const QString &path, QString *error)
{
    if (!m_db.open(path, Durability::Normal, error))
        return false;
    if (!m_db.migrate(kMigrations, error)) {
        m_db.close();
        return false;
    }
    return true;
}

QHash<QString, FeedbackState> FeedbackTriage::states(const QString &scope) const
{
    QHash<QString, FeedbackState> result;
    if (!m_db.isOpen())
        return result;
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT submission_id, read, read_at, triaged, triaged_at "
                                 "FROM feedback_state WHERE scope = ?"));
    query.addBindValue(scope);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return result;
    }
    while (query.next())
        result.insert(query.value(0).toString(), stateFrom(query, 1));
    return result;
}

FeedbackState FeedbackTriage::state(const QString &scope, const QString &submissionId) const
{
    if (!m_db.isOpen())
        return {};
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT read, read_at, triaged, triaged_at FROM feedback_state "
                                 "WHERE scope = ? AND submission_id = ?"));
    query.addBindValue(scope);
    query.addBindValue(submissionId);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return {};
    }
    return query.next() ? stateFrom(query, 0) : FeedbackState();
}

bool FeedbackTriage::setRead(const QString &scope, const QStringList &submissionIds, bool read)
{
    return update(scope, submissionIds, QStringLiteral("read"), QStringLiteral("read_at"), read);
}

bool FeedbackTriage::setTriaged(const QString &scope, const QStringList &submissionIds, bool triaged)
{
    return update(scope, submissionIds, QStringLiteral("triaged"), QStringLiteral("triaged_at"), triaged);
}

bool FeedbackTriage::update(const QString &scope, const QStringList &ids, const QString &flagColumn,
                            const QString &timeColumn, bool value)
{
    if (!m_db.isOpen()) {
        m_error = QStringLiteral("The feedback database is not open.");
        return false;
    }
    if (ids.isEmpty())
        return true;
    QSqlDatabase &db = m_db.connection();
    if (!db.transaction()) {
        m_error = db.lastError().text();
        return false;
    }
    QSqlQuery query(db);
    // Column names come from this file only, never from input.
    query.prepare(
        QStringLiteral("INSERT INTO feedback_state (scope, submission_id, %1, %2) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT (scope, submission_id) DO UPDATE SET %1 = excluded.%1, "
                       "%2 = excluded.%2")
            .arg(flagColumn, timeColumn));
    const QString now = toText(QDateTime::currentDateTimeUtc());
    for (const QString &id : ids) {
        query.addBindValue(scope);
        query.addBindValue(id);
        query.addBindValue(value ? 1 : 0);
        query.addBindValue(value ? QVariant(now) : QVariant());
        if (!query.exec()) {
            m_error = query.lastError().text();
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        m_error = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

bool FeedbackTriage::forget(const QString &scope, const QStringList &submissionIds)
{
    if (!m_db.isOpen()) {
        m_error = QStringLiteral("The feedback database is not open.");
        return false;
    }
    QSqlDatabase &db = m_db.connection();
    if (!db.transaction()) {
        m_error = db.lastError().text();
        return false;
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM feedback_state WHERE scope = ? AND submission_id = ?"));
    for (const QString &id : submissionIds) {
        query.addBindValue(scope);
        query.addBindValue(id);
        if (!query.exec()) {
            m_error = query.lastError().text();
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        m_error = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

} // namespace ascend::store

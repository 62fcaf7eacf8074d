#include "core/store/database.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace ascend::store {

namespace {
QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("ascend-db-%1").arg(counter.fetchAndAddRelaxed(1));
}
} // namespace

Database::~Database()
{
    close();
}

bool Database::open(const QString &path, Durability durability, QString *error)
{
    close();
    if (path != QLatin1String(":memory:")) {
        const QDir directory = QFileInfo(path).absoluteDir();
        if (!directory.exists() && !QDir().mkpath(directory.path())) {
            *error = QStringLiteral("Cannot create the folder %1 for the database.").arg(directory.path());
            return false;
        }
    }
    m_connectionName = nextConnectionName();
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid()) {
        *error = QStringLiteral("The SQLite driver for Qt is missing (install libqt6sql6-sqlite).");
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        return false;
    }
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open()) {
        *error = QStringLiteral("Cannot open the database %1: %2").arg(path, m_db.lastError().text());
        close();
        return false;
    }
    m_path = path;
    const QString synchronous =
        durability == Durability::Full ? QStringLiteral("FULL") : QStringLiteral("NORMAL");
    for (const QString &pragma :
         {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=") + synchronous,
          QStringLiteral("PRAGMA foreign_keys=ON")}) {
        if (!exec(pragma, error)) {
            close();
            return false;
        }
    }
    return true;
}

void Database::close()
{
    if (m_connectionName.isEmpty())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

bool Database::exec(const QString &sql, QString *error)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql)) {
        *error = QStringLiteral("Database error (%1): %2").arg(sql.left(60), query.lastError().text());
        return false;
    }
    return true;
}

bool Database::migrate(const QStringList &migrations, QString *error)
{
    QSqlQuery versionQuery(m_db);
    if (!versionQuery.exec(QStringLiteral("PRAGMA user_version")) || !versionQuery.next()) {
        *error = QStringLiteral("Cannot read the database version: %1").arg(versionQuery.lastError().text());
        return false;
    }
    const int current = versionQuery.value(0).toInt();
    versionQuery.finish();
    if (current > migrations.size()) {
        *error = QStringLiteral("The database %1 was written by a newer version of Ascend (schema %2, this "
                                "version knows %3).")
                     .arg(m_path)
                     .arg(current)
                     .arg(migrations.size());
        return false;
    }
    for (int version = current; version < migrations.size(); ++version) {
        if (!m_db.transaction()) {
            *error = m_db.lastError().text();
            return false;
        }
        const QStringList statements = migrations.at(version).split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (const QString &statement : statements) {
            if (statement.trimmed().isEmpty())
                continue;
            if (!exec(statement, error)) {
                m_db.rollback();
                return false;
            }
        }
        if (!exec(QStringLiteral("PRAGMA user_version=%1").arg(version + 1), error)) {
            m_db.rollback();
            return false;
        }
        if (!m_db.commit()) {
            *error = m_db.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace ascend::store

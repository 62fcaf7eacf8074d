#pragma once
// One SQLite database file opened through QtSql with the settings Ascend relies on: WAL journal, full
// synchronous writes where durability matters, foreign keys, and versioned schema migrations.

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace ascend::store {

enum class Durability {
    Normal, // synchronous=NORMAL: survives an application crash (WAL)
    Full,   // synchronous=FULL: also survives power loss; for data acknowledged to someone else
};

class Database {
public:
    Database() = default;
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating if needed) the file; ":memory:" for a private in-memory database. Each Database gets
    // its own connection name, so several may be open in one process and thread.
    bool open(const QString &path, Durability durability, QString *error);
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    QSqlDatabase &connection() { return m_db; }
    QString path() const { return m_path; }

    // Applies migrations[i] for every i >= PRAGMA user_version inside one transaction each, then bumps
    // user_version. Each entry may hold several statements separated by ';'.
    bool migrate(const QStringList &migrations, QString *error);

    // Runs one statement without results; false plus error on failure.
    bool exec(const QString &sql, QString *error);

private:
    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
};

} // namespace ascend::store

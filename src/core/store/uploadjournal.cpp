#include "core/store/uploadjournal.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

namespace ascend::store {

namespace {

const QStringList kMigrations = {
    QStringLiteral("CREATE TABLE uploads ("
                   " row INTEGER PRIMARY KEY AUTOINCREMENT,"
                   " file_path TEXT NOT NULL, file_size INTEGER NOT NULL, file_mtime_ms INTEGER NOT NULL,"
                   " file_md5 TEXT NOT NULL DEFAULT '',"
                   " app_id TEXT NOT NULL DEFAULT '', bundle_id TEXT NOT NULL DEFAULT '',"
                   " short_version TEXT NOT NULL DEFAULT '', bundle_version TEXT NOT NULL DEFAULT '',"
                   " platform TEXT NOT NULL DEFAULT '',"
                   " build_upload_id TEXT NOT NULL DEFAULT '', build_upload_file_id TEXT NOT NULL DEFAULT '',"
                   " operations TEXT NOT NULL DEFAULT '[]',"
                   " state TEXT NOT NULL, message TEXT NOT NULL DEFAULT '',"
                   " created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL);"
                   "CREATE TABLE upload_parts ("
                   " row INTEGER NOT NULL REFERENCES uploads(row) ON DELETE CASCADE,"
                   " part_index INTEGER NOT NULL, PRIMARY KEY (row, part_index));"
                   "CREATE INDEX uploads_by_path ON uploads(file_path, state)"),
};

const QString kFinishedStates = QStringLiteral("('complete', 'failed', 'cancelled')");

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

bool JournalEntry::isFinished() const
{
    return state == QLatin1String(UploadJournal::StateComplete) ||
           state == QLatin1String(UploadJournal::StateFailed) ||
           state == QLatin1String(UploadJournal::StateCancelled);
}

QString UploadJournal::defaultPath()
{
    QString dir = qEnvironmentVariable("ASCEND_CONFIG_DIR");
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    return QDir(dir).filePath(QStringLiteral("uploads.sqlite"));
}

bool UploadJournal::open(const QString &path, QString *error)
{
    if (path != QLatin1String(":memory:"))
        QDir().mkpath(QFileInfo(path).absolutePath());
    if (!m_db.open(path, Durability::Normal, error))
        return false;
    return m_db.migrate(kMigrations, error);
}

bool UploadJournal::run(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(m_db.connection());
    if (!query.prepare(sql)) {
        m_error = query.lastError().text();
        return false;
    }
    for (const QVariant &value : values)
        query.addBindValue(value.typeId() == QMetaType::QString && value.toString().isNull()
                               ? QVariant(QStringLiteral(""))
                               : value);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return false;
    }
    return true;
}

std::optional<qint64> UploadJournal::add(const JournalEntry &entry)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("INSERT INTO uploads (file_path, file_size, file_mtime_ms, file_md5, "
                                 "app_id, bundle_id, short_version,"
                                 " bundle_version, platform, build_upload_id, build_upload_file_id, "
                                 "operations, state, message, created_ms,"
                                 " updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const qint64 now = nowMs();
    for (const QVariant &value :
         QVariantList{entry.filePath, entry.fileSize, entry.fileModifiedMs, entry.fileMd5, entry.appId,
                      entry.bundleId, entry.shortVersion, entry.bundleVersion, entry.platform,
                      entry.buildUploadId, entry.buildUploadFileId,
                      QString::fromUtf8(QJsonDocument(entry.operations).toJson(QJsonDocument::Compact)),
                      entry.state.isEmpty() ? QString::fromLatin1(StateReserving) : entry.state,
                      entry.message, now, now})
        query.addBindValue(value.typeId() == QMetaType::QString && value.toString().isNull()
                               ? QVariant(QStringLiteral(""))
                               : value);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return std::nullopt;
    }
    return query.lastInsertId().toLongLong();
}

bool UploadJournal::setReservation(qint64 row, const QString &buildUploadId, const QString &fileId,
                                   const QJsonArray &operations)
{
    if (!m_db.connection().transaction()) {
        m_error = m_db.connection().lastError().text();
        return false;
    }
    const bool ok =
        run(QStringLiteral("UPDATE uploads SET build_upload_id = ?, build_upload_file_id = ?, operations = ?,"
                           " state = ?, updated_ms = ? WHERE row = ?"),
            {buildUploadId, fileId,
             QString::fromUtf8(QJsonDocument(operations).toJson(QJsonDocument::Compact)),
             QString::fromLatin1(StateUploading), nowMs(), row}) &&
        run(QStringLiteral("DELETE FROM upload_parts WHERE row = ?"), {row});
    if (!ok) {
        m_db.connection().rollback();
        return false;
    }
    return m_db.connection().commit();
}

bool UploadJournal::markPartDone(qint64 row, int index)
{
    return run(QStringLiteral("INSERT OR IGNORE INTO upload_parts (row, part_index) VALUES (?, ?)"),
               {row, index});
}

bool UploadJournal::setState(qint64 row, const QString &state, const QString &message)
{
    return run(QStringLiteral("UPDATE uploads SET state = ?, message = ?, updated_ms = ? WHERE row = ?"),
               {state, message, nowMs(), row});
}

bool UploadJournal::setFileMd5(qint64 row, const QString &md5)
{
    return run(QStringLiteral("UPDATE uploads SET file_md5 = ?, updated_ms = ? WHERE row = ?"),
               {md5, nowMs(), row});
}

bool UploadJournal::remove(qint64 row)
{
    return run(QStringLiteral("DELETE FROM upload_parts WHERE row = ?"), {row}) &&
           run(QStringLiteral("DELETE FROM uploads WHERE row = ?"), {row});
}

QList<JournalEntry> UploadJournal::select(const QString &where, const QVariantList &values) const
{
    QList<JournalEntry> entries;
    QSqlQuery query(m_db.connection());
    query.prepare(
        QStringLiteral(
            "SELECT row, file_path, file_size, file_mtime_ms, file_md5, app_id, bundle_id, short_version,"
            " bundle_version, platform, build_upload_id, build_upload_file_id, operations, state, message,"
            " created_ms, updated_ms FROM uploads %1 ORDER BY row")
            .arg(where));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return entries;
    }
    while (query.next()) {
        JournalEntry entry;
        entry.row = query.value(0).toLongLong();
        entry.filePath = query.value(1).toString();
        entry.fileSize = query.value(2).toLongLong();
        entry.fileModifiedMs = query.value(3).toLongLong();
        entry.fileMd5 = query.value(4).toString();
        entry.appId = query.value(5).toString();
        entry.bundleId = query.value(6).toString();
        entry.shortVersion = query.value(7).toString();
        entry.bundleVersion = query.value(8).toString();
        entry.platform = query.value(9).toString();
        entry.buildUploadId = query.value(10).toString();
        entry.buildUploadFileId = query.value(11).toString();
        entry.operations = QJsonDocument::fromJson(query.value(12).toString().toUtf8()).array();
        entry.state = query.value(13).toString();
        entry.message = query.value(14).toString();
        entry.created = QDateTime::fromMSecsSinceEpoch(query.value(15).toLongLong(), Qt::UTC);
        entry.updated = QDateTime::fromMSecsSinceEpoch(query.value(16).toLongLong(), Qt::UTC);
        entries.append(entry);
    }
    for (JournalEntry &entry : entries) {
        QSqlQuery parts(m_db.connection());
        parts.prepare(QStringLiteral("SELECT part_index FROM upload_parts WHERE row = ?"));
        parts.addBindValue(entry.row);
        if (parts.exec()) {
            while (parts.next())
                entry.doneParts.insert(parts.value(0).toInt());
        }
    }
    return entries;
}

std::optional<JournalEntry> UploadJournal::entry(qint64 row) const
{
    const auto entries = select(QStringLiteral("WHERE row = ?"), {row});
    if (entries.isEmpty())
        return std::nullopt;
    return entries.first();
}

std::optional<JournalEntry> UploadJournal::findUnfinished(const QString &filePath) const
{
    const auto entries =
        select(QStringLiteral("WHERE file_path = ? AND state NOT IN %1").arg(kFinishedStates), {filePath});
    if (entries.isEmpty())
        return std::nullopt;
    return entries.last();
}

QList<JournalEntry> UploadJournal::unfinished() const
{
    return select(QStringLiteral("WHERE state NOT IN %1").arg(kFinishedStates), {});
}

QList<JournalEntry> UploadJournal::all() const
{
    return select(QString(), {});
}

} // namespace ascend::store

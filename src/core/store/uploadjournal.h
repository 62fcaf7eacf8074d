#pragma once
// The build upload resume journal: for each upload the file's identity (path, size, mtime, MD5), the
// reservation (buildUpload id, buildUploadFile id, the upload operations with their expiration) and which
// parts are done. Written as the upload goes (WAL), so after a crash, a kill or a quit the next start can
// send only the missing parts.

#include "core/store/database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QSet>
#include <QString>
#include <optional>

namespace ascend::store {

struct JournalEntry {
    qint64 row = 0;
    QString filePath;
    qint64 fileSize = 0;
    qint64 fileModifiedMs = 0;
    QString fileMd5; // hex, once known
    QString appId;
    QString bundleId;
    QString shortVersion;
    QString bundleVersion;
    QString platform;
    QString buildUploadId;
    QString buildUploadFileId;
    QJsonArray operations; // DeliveryFileUploadOperation objects as the API sent them
    QString state;         // one of the State* names below
    QString message;       // why it failed or was restarted, for the person
    QSet<int> doneParts;   // indexes into operations
    QDateTime created;
    QDateTime updated;

    bool isFinished() const;
};

class UploadJournal {
public:
    static constexpr char StateReserving[] = "reserving";
    static constexpr char StateUploading[] = "uploading";
    static constexpr char StateCommitted[] = "committed";
    static constexpr char StateComplete[] = "complete";
    static constexpr char StateFailed[] = "failed";
    static constexpr char StateCancelled[] = "cancelled";

    // <config dir>/uploads.sqlite
    static QString defaultPath();

    bool open(const QString &path, QString *error);
    bool isOpen() const { return m_db.isOpen(); }
    QString lastError() const { return m_error; }

    std::optional<qint64> add(const JournalEntry &entry);
    bool setReservation(qint64 row, const QString &buildUploadId, const QString &fileId,
                        const QJsonArray &operations);
    bool markPartDone(qint64 row, int index);
    bool setState(qint64 row, const QString &state, const QString &message = {});
    bool setFileMd5(qint64 row, const QString &md5);
    bool remove(qint64 row);

    std::optional<JournalEntry> entry(qint64 row) const;
    // The newest unfinished entry for this file path.
    std::optional<JournalEntry> findUnfinished(const QString &filePath) const;
    QList<JournalEntry> unfinished() const;
    QList<JournalEntry> all() const;

private:
    QList<JournalEntry> select(const QString &where, const QVariantList &values) const;
    bool run(const QString &sql, const QVariantList &values);

    mutable Database m_db;
    mutable QString m_error;
};

} // namespace ascend::store

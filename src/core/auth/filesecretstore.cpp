#include "core/auth/filesecretstore.h"

#include "core/auth/authlogging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QUrl>

namespace ascend::auth {

namespace {

constexpr QFile::Permissions kFileMode = QFile::ReadOwner | QFile::WriteOwner;
constexpr QFile::Permissions kDirMode = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
constexpr QFile::Permissions kGroupOrOther = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                             QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
constexpr int kMaxEncodedNameLength = 150;

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

FileSecretStore::FileSecretStore(QString directory)
    : m_directory(QDir::cleanPath(std::move(directory)))
{}

QString FileSecretStore::filePath(const QString &key) const
{
    QString name = QString::fromLatin1(QUrl::toPercentEncoding(key, {}, ".~ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
    if (name.size() > kMaxEncodedNameLength)
        name =
            QStringLiteral("sha256-") +
            QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
    return m_directory + QLatin1Char('/') + name + QStringLiteral(".secret");
}

bool FileSecretStore::ensureDirectory(QString *error) const
{
    if (!QFileInfo(m_directory).isDir() && !QDir().mkpath(m_directory)) {
        setError(error, tr("Cannot create the secrets folder “%1”. Check that its parent folder is writable.")
                            .arg(QDir::toNativeSeparators(m_directory)));
        return false;
    }
#ifdef Q_OS_UNIX
    if ((QFile::permissions(m_directory) & kGroupOrOther) && !QFile::setPermissions(m_directory, kDirMode)) {
        setError(error, tr("Cannot make the secrets folder “%1” private (mode 0700).")
                            .arg(QDir::toNativeSeparators(m_directory)));
        return false;
    }
#endif
    return true;
}

bool FileSecretStore::write(const QString &key, const QByteArray &secret, QString *error)
{
    if (key.isEmpty()) {
        setError(error, tr("A secret needs a non-empty name."));
        return false;
    }
    if (!ensureDirectory(error))
        return false;
    const QString path = filePath(key);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error, tr("Cannot write the secret file “%1”: %2")
                            .arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    // The temporary file is restricted before anything is written to it; commit() keeps its mode.
    if (!file.setPermissions(kFileMode)) {
        file.cancelWriting();
        setError(
            error,
            tr("Cannot make the secret file “%1” private (mode 0600).").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    if (file.write(secret) != secret.size() || !file.commit()) {
        setError(error, tr("Cannot write the secret file “%1”: %2")
                            .arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    return true;
}

std::optional<QByteArray> FileSecretStore::read(const QString &key, QString *error)
{
    if (error)
        error->clear();
    const QString path = filePath(key);
    QFile file(path);
    if (!file.exists())
        return std::nullopt;
#ifdef Q_OS_UNIX
    if (file.permissions() & kGroupOrOther) {
        qCWarning(lcAuth) << "Secret file" << path << "was readable by others; restricting it to mode 0600";
        file.setPermissions(kFileMode);
    }
#endif
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, tr("Cannot read the secret file “%1”: %2")
                            .arg(QDir::toNativeSeparators(path), file.errorString()));
        return std::nullopt;
    }
    return file.readAll();
}

bool FileSecretStore::remove(const QString &key, QString *error)
{
    const QString path = filePath(key);
    QFile file(path);
    if (file.exists() && !file.remove()) {
        setError(error, tr("Cannot delete the secret file “%1”: %2")
                            .arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    return true;
}

QString FileSecretStore::backendDescription() const
{
    return tr("private files (mode 0600) in %1").arg(QDir::toNativeSeparators(m_directory));
}

} // namespace ascend::auth

#pragma once
// Secrets as files: one file per key in a directory of mode 0700, each file mode 0600, written atomically.
// Used when no keychain answers (headless machines, CI) and when ASCEND_SECRET_STORE=file.

#include "core/auth/secretstore.h"

#include <QCoreApplication>

namespace ascend::auth {

class FileSecretStore : public SecretStore {
    Q_DECLARE_TR_FUNCTIONS(ascend::auth::FileSecretStore)

public:
    explicit FileSecretStore(QString directory);

    bool write(const QString &key, const QByteArray &secret, QString *error) override;
    std::optional<QByteArray> read(const QString &key, QString *error) override;
    bool remove(const QString &key, QString *error) override;
    QString backendDescription() const override;

    QString directory() const { return m_directory; }
    // The file that holds key; the name is the key percent-encoded (dots and capitals too, so no name is
    // special and case-insensitive file systems keep keys apart), or a hash for very long keys.
    QString filePath(const QString &key) const;

private:
    bool ensureDirectory(QString *error) const;

    QString m_directory;
};

} // namespace ascend::auth

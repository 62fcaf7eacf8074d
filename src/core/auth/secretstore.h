#pragma once
// Where secrets (API private keys, webhook secrets) live: the OS keychain, or a 0600 file when there is none.

#include <QByteArray>
#include <QString>
#include <memory>
#include <optional>

namespace ascend::auth {

class SecretStore {
public:
    virtual ~SecretStore();

    virtual bool write(const QString &key, const QByteArray &secret, QString *error) = 0;
    // The secret stored under key. Nothing stored: std::nullopt and *error cleared.
    // The store failed: std::nullopt and a message in *error.
    virtual std::optional<QByteArray> read(const QString &key, QString *error) = 0;
    // Succeeds too when nothing was stored under key.
    virtual bool remove(const QString &key, QString *error) = 0;
    // For the UI: where secrets go, e.g. "system keychain" or "file store in ~/.config/ascend/secrets".
    virtual QString backendDescription() const = 0;
};

// $ASCEND_CONFIG_DIR (or QStandardPaths::AppConfigLocation) + "/secrets".
QString defaultSecretsDir();

// The keychain with a file fallback under defaultSecretsDir(). $ASCEND_SECRET_STORE=file forces the file
// store (tests, CI), =keychain forces the keychain without a fallback.
std::unique_ptr<SecretStore> createDefaultSecretStore();

} // namespace ascend::auth

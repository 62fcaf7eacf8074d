#pragma once
// Secrets in the OS keychain through qtkeychain (Secret Service on Linux, Keychain on macOS, Credential
// Manager on Windows). qtkeychain's jobs are asynchronous; each call here waits for its job in a local event
// loop, at most timeoutMs. Call it from a thread with a Qt event loop (normally the GUI thread).

#include "core/auth/secretstore.h"

#include <QCoreApplication>

namespace ascend::auth {

class KeychainSecretStore : public SecretStore {
    Q_DECLARE_TR_FUNCTIONS(ascend::auth::KeychainSecretStore)

public:
    explicit KeychainSecretStore(QString service = QStringLiteral("Ascend"), int timeoutMs = 5000);

    // Every keychain error (no D-Bus, no secret service, access denied, timeout) is a failure with a message
    // that starts "The system keychain is not available"; a missing entry is not an error (see SecretStore).
    bool write(const QString &key, const QByteArray &secret, QString *error) override;
    std::optional<QByteArray> read(const QString &key, QString *error) override;
    bool remove(const QString &key, QString *error) override;
    QString backendDescription() const override;

    QString service() const { return m_service; }

private:
    QString m_service;
    int m_timeoutMs;
};

} // namespace ascend::auth

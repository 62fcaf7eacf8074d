#pragma once
// Webhook secrets: generated from a CSPRNG, kept in the SecretStore (keychain or 0600 file) under
// "webhook/<webhook id>" so the listener can verify, read from files or environment variables for the CLI.
// Secrets never go to logs.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace ascend::auth {
class SecretStore;
}

namespace ascend::webhooks {

// 32 random bytes (OpenSSL RAND_bytes), base64url without padding: 43 characters.
QByteArray generateSecret();

// The file's content without a trailing newline; nullopt plus a message when unreadable or empty.
std::optional<QByteArray> readSecretFile(const QString &path, QString *error);
// The variable's value; nullopt plus a message when unset or empty.
std::optional<QByteArray> readSecretEnv(const QString &variable, QString *error);

class WebhookSecrets {
public:
    explicit WebhookSecrets(auth::SecretStore &store);

    static QString keyFor(const QString &webhookId);

    bool save(const QString &webhookId, const QByteArray &secret, QString *error);
    std::optional<QByteArray> secret(const QString &webhookId, QString *error);
    bool remove(const QString &webhookId, QString *error);
    // The secrets known for these webhooks, skipping those without one; *missing lists the skipped ids.
    QList<QByteArray> secretsFor(const QStringList &webhookIds, QStringList *missing = nullptr);

private:
    auth::SecretStore &m_store;
};

} // namespace ascend::webhooks

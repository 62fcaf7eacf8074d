#pragma once
// Stored accounts: metadata (no secrets) in <config dir>/accounts.json, each private key PEM in a SecretStore
// under secretKeyFor(name).

#include "core/auth/account.h"
#include "core/auth/apikey.h"

#include <QCoreApplication>
#include <QList>
#include <optional>

namespace ascend::auth {

class SecretStore;

class AccountStore {
    Q_DECLARE_TR_FUNCTIONS(ascend::auth::AccountStore)

public:
    // configDir empty = defaultConfigDir() ($ASCEND_CONFIG_DIR or QStandardPaths::AppConfigLocation).
    // secrets is not owned and must outlive this store.
    explicit AccountStore(SecretStore *secrets, QString configDir = {});

    QString configDir() const { return m_configDir; }
    QString metadataFilePath() const;

    // Accounts in the order they were added. A missing file is no accounts; a damaged one is also empty
    // here, and loadAccounts() says what is wrong.
    QList<Account> accounts() const;
    bool loadAccounts(QList<Account> *accounts, QString *error) const;
    std::optional<Account> account(const QString &name) const;

    // Adds or replaces the account with account.name. Fields are trimmed and checked, the key must load as
    // an App Store Connect key (see ApiKey) and is stored in the SecretStore, then the metadata is written.
    // An empty privateKeyPem keeps the key already stored for that account (editing other fields).
    bool save(const Account &account, const QByteArray &privateKeyPem, QString *error);
    bool remove(const QString &name, QString *error);

    std::optional<QByteArray> privateKeyPem(const QString &name, QString *error) const;
    // privateKeyPem() loaded and validated.
    ApiKey apiKey(const QString &name, QString *error) const;

    static QString secretKeyFor(const QString &accountName);

private:
    bool writeAccounts(const QList<Account> &accounts, QString *error) const;

    SecretStore *m_secrets;
    QString m_configDir;
};

} // namespace ascend::auth

#include "core/auth/accountstore.h"

#include "core/auth/authlogging.h"
#include "core/auth/configdir.h"
#include "core/auth/secretstore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QUrl>

namespace ascend::auth {

namespace {

constexpr int kFormatVersion = 1;
constexpr int kLockTimeoutMs = 5000;

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

int indexOf(const QList<Account> &accounts, const QString &name)
{
    for (int i = 0; i < accounts.size(); ++i) {
        if (accounts.at(i).name == name)
            return i;
    }
    return -1;
}

Account trimmed(Account account)
{
    account.name = account.name.trimmed();
    account.issuerId = account.issuerId.trimmed();
    account.keyId = account.keyId.trimmed();
    account.baseUrl = account.baseUrl.trimmed();
    if (account.individualKey)
        account.issuerId.clear();
    return account;
}

} // namespace

AccountStore::AccountStore(SecretStore *secrets, QString configDir)
    : m_secrets(secrets)
    , m_configDir(configDir.isEmpty() ? defaultConfigDir() : std::move(configDir))
{}

QString AccountStore::metadataFilePath() const
{
    return m_configDir + QStringLiteral("/accounts.json");
}

QString AccountStore::secretKeyFor(const QString &accountName)
{
    return QStringLiteral("api-key/") + accountName;
}

bool AccountStore::loadAccounts(QList<Account> *accounts, QString *error) const
{
    accounts->clear();
    QFile file(metadataFilePath());
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, tr("Cannot read the account list “%1”: %2")
                            .arg(QDir::toNativeSeparators(file.fileName()), file.errorString()));
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        setError(error, tr("The account list “%1” is damaged (%2). Fix it or delete it and add the accounts "
                           "again.")
                            .arg(QDir::toNativeSeparators(file.fileName()),
                                 parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                              : tr("not a JSON object")));
        return false;
    }
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("version")).toInt() > kFormatVersion) {
        setError(error, tr("The account list “%1” was written by a newer version of Ascend.")
                            .arg(QDir::toNativeSeparators(file.fileName())));
        return false;
    }
    for (const QJsonValue &value : root.value(QStringLiteral("accounts")).toArray()) {
        const Account account = accountFromJson(value.toObject());
        if (!account.name.isEmpty())
            accounts->append(account);
    }
    return true;
}

QList<Account> AccountStore::accounts() const
{
    QList<Account> result;
    QString error;
    if (!loadAccounts(&result, &error))
        qCWarning(lcAuth).noquote() << error;
    return result;
}

std::optional<Account> AccountStore::account(const QString &name) const
{
    const QList<Account> all = accounts();
    const int index = indexOf(all, name);
    if (index < 0)
        return std::nullopt;
    return all.at(index);
}

bool AccountStore::writeAccounts(const QList<Account> &accounts, QString *error) const
{
    QJsonArray array;
    for (const Account &account : accounts)
        array.append(accountToJson(account));
    const QJsonObject root{{QStringLiteral("version"), kFormatVersion}, {QStringLiteral("accounts"), array}};

    QSaveFile file(metadataFilePath());
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(root).toJson()) < 0 || !file.commit()) {
        setError(error, tr("Cannot write the account list “%1”: %2")
                            .arg(QDir::toNativeSeparators(metadataFilePath()), file.errorString()));
        return false;
    }
    return true;
}

bool AccountStore::save(const Account &input, const QByteArray &privateKeyPem, QString *error)
{
    const Account account = trimmed(input);
    if (account.name.isEmpty()) {
        setError(error, tr("The account needs a name."));
        return false;
    }
    if (account.keyId.isEmpty()) {
        setError(error,
                 tr("The account “%1” needs a key ID. It is shown next to the key in App Store Connect → "
                    "Users and Access → Integrations → App Store Connect API.")
                     .arg(account.name));
        return false;
    }
    if (!account.individualKey && account.issuerId.isEmpty()) {
        setError(error, tr("The account “%1” needs an issuer ID. Team keys show it above the key list in App "
                           "Store Connect → Users and Access → Integrations → App Store Connect API.")
                            .arg(account.name));
        return false;
    }
    if (!account.baseUrl.isEmpty()) {
        const QUrl url(account.baseUrl, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
            setError(error, tr("The base URL “%1” is not an http(s) address. Leave it empty for App Store "
                               "Connect itself.")
                                .arg(account.baseUrl));
            return false;
        }
    }

    ApiKey key;
    if (!privateKeyPem.isEmpty()) {
        QString keyError;
        key = ApiKey::fromPem(privateKeyPem, &keyError);
        if (!key.isValid()) {
            setError(error, tr("The private key for “%1” cannot be used. %2").arg(account.name, keyError));
            return false;
        }
    }

    if (!QDir().mkpath(m_configDir)) {
        setError(
            error,
            tr("Cannot create the configuration folder “%1”.").arg(QDir::toNativeSeparators(m_configDir)));
        return false;
    }
    QLockFile lock(metadataFilePath() + QStringLiteral(".lock"));
    if (!lock.tryLock(kLockTimeoutMs)) {
        setError(error, tr("The account list is locked by another Ascend process; try again."));
        return false;
    }

    QList<Account> all;
    if (!loadAccounts(&all, error))
        return false;
    const int index = indexOf(all, account.name);

    if (!key.isValid()) {
        // Keep the stored key: only allowed when there is one.
        QString readError;
        if (index < 0 || !this->privateKeyPem(account.name, &readError)) {
            setError(error,
                     index < 0
                         ? tr("Choose the private key (.p8 file) for the new account “%1”.").arg(account.name)
                         : readError);
            return false;
        }
    } else if (!m_secrets->write(secretKeyFor(account.name), key.privateKeyPem(), error)) {
        return false;
    }

    if (index >= 0)
        all[index] = account;
    else
        all.append(account);
    if (!writeAccounts(all, error)) {
        if (index < 0 && key.isValid()) {
            QString ignored;
            m_secrets->remove(secretKeyFor(account.name), &ignored);
        }
        return false;
    }
    qCInfo(lcAuth) << "Saved account" << account.name << "with key" << account.keyId;
    return true;
}

bool AccountStore::remove(const QString &name, QString *error)
{
    QLockFile lock(metadataFilePath() + QStringLiteral(".lock"));
    if (QDir(m_configDir).exists() && !lock.tryLock(kLockTimeoutMs)) {
        setError(error, tr("The account list is locked by another Ascend process; try again."));
        return false;
    }
    QList<Account> all;
    if (!loadAccounts(&all, error))
        return false;
    const int index = indexOf(all, name);
    if (index < 0) {
        setError(error, tr("There is no account named “%1”.").arg(name));
        return false;
    }
    if (!m_secrets->remove(secretKeyFor(name), error))
        return false;
    all.removeAt(index);
    if (!writeAccounts(all, error))
        return false;
    qCInfo(lcAuth) << "Removed account" << name;
    return true;
}

std::optional<QByteArray> AccountStore::privateKeyPem(const QString &name, QString *error) const
{
    QString readError;
    std::optional<QByteArray> pem = m_secrets->read(secretKeyFor(name), &readError);
    if (!pem) {
        setError(error, readError.isEmpty()
                            ? tr("No private key is stored for the account “%1” in %2. Add the account's .p8 "
                                 "key again.")
                                  .arg(name, m_secrets->backendDescription())
                            : readError);
    }
    return pem;
}

ApiKey AccountStore::apiKey(const QString &name, QString *error) const
{
    const std::optional<QByteArray> pem = privateKeyPem(name, error);
    if (!pem)
        return {};
    QString keyError;
    ApiKey key = ApiKey::fromPem(*pem, &keyError);
    if (!key.isValid())
        setError(error, tr("The stored private key for “%1” cannot be used. %2").arg(name, keyError));
    return key;
}

} // namespace ascend::auth

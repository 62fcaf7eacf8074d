// Accounts: metadata in accounts.json (no key material), private keys in the secret store.

#include "core/auth/accountstore.h"
#include "core/auth/filesecretstore.h"
#include "opensslcli.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

using namespace ascend::auth;
using namespace ascend::test;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Account teamAccount()
{
    Account account;
    account.name = QStringLiteral("Acme Team");
    account.issuerId = QStringLiteral("57246542-96fe-1a63-e053-0824d011072a");
    account.keyId = QStringLiteral("2X9R4HXF34");
    return account;
}

QStringList g_messages;
void collectMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_messages.append(message);
}

} // namespace

class TestAccountStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void roundTrip();
    void metadataHasNoKeyMaterial();
    void individualAccount();
    void replaceAndKeepKey();
    void rejectsBadInput();
    void rejectsWrongKeys();
    void removeAccount();
    void missingSecret();
    void damagedMetadataIsNotOverwritten();
    void configDirFromEnvironment();
    void secretsNeverLogged();

private:
    QTemporaryDir m_keys;
    QByteArray m_pem;
    QByteArray m_publicPem;
    QString m_rsaPath;
    std::unique_ptr<QTemporaryDir> m_config;
    std::unique_ptr<FileSecretStore> m_secrets;
};

void TestAccountStore::initTestCase()
{
    QVERIFY2(!opensslProgram().isEmpty(), "the openssl command line is needed to make test keys");
    const QString keyPath = m_keys.filePath(QStringLiteral("AuthKey_2X9R4HXF34.p8"));
    QVERIFY(generateKey(keyPath, QStringLiteral("EC"), QStringLiteral("P-256")));
    m_pem = readFile(keyPath);
    m_publicPem = publicKeyOf(keyPath);
    m_rsaPath = m_keys.filePath(QStringLiteral("rsa.p8"));
    QVERIFY(generateKey(m_rsaPath, QStringLiteral("RSA")));
}

void TestAccountStore::init()
{
    m_config = std::make_unique<QTemporaryDir>();
    QVERIFY(m_config->isValid());
    m_secrets = std::make_unique<FileSecretStore>(m_config->filePath(QStringLiteral("secrets")));
}

void TestAccountStore::roundTrip()
{
    AccountStore store(m_secrets.get(), m_config->path());
    QVERIFY(store.accounts().isEmpty());
    Account account = teamAccount();
    account.name = QStringLiteral("  Acme Team ");
    account.keyId = QStringLiteral("2X9R4HXF34\n");
    account.baseUrl = QStringLiteral("http://127.0.0.1:8123");
    QString error;
    QVERIFY2(store.save(account, m_pem, &error), qPrintable(error));

    // A fresh store over the same directory reads it back, trimmed.
    AccountStore reopened(m_secrets.get(), m_config->path());
    const QList<Account> accounts = reopened.accounts();
    QCOMPARE(accounts.size(), 1);
    Account expected = teamAccount();
    expected.baseUrl = QStringLiteral("http://127.0.0.1:8123");
    QCOMPARE(accounts.first(), expected);
    QCOMPARE(reopened.account(QStringLiteral("Acme Team")).value_or(Account()), expected);
    QVERIFY(!reopened.account(QStringLiteral("acme team")).has_value());

    const std::optional<QByteArray> pem = reopened.privateKeyPem(QStringLiteral("Acme Team"), &error);
    QVERIFY2(pem.has_value(), qPrintable(error));
    QVERIFY(pem->startsWith("-----BEGIN PRIVATE KEY-----"));
    const ApiKey key = reopened.apiKey(QStringLiteral("Acme Team"), &error);
    QVERIFY2(key.isValid(), qPrintable(error));
    QCOMPARE(key.publicKeyPem(), m_publicPem); // the same key came back

    const JwtClaims claims = jwtClaimsFor(accounts.first());
    QCOMPARE(claims.keyId, expected.keyId);
    QCOMPARE(claims.issuerId, expected.issuerId);
    QVERIFY(!claims.individualKey);

    // Order is kept; a second account is appended.
    Account second = teamAccount();
    second.name = QStringLiteral("Another");
    QVERIFY(store.save(second, m_pem, &error));
    QCOMPARE(store.accounts().size(), 2);
    QCOMPARE(store.accounts().at(1).name, QStringLiteral("Another"));
}

void TestAccountStore::metadataHasNoKeyMaterial()
{
    AccountStore store(m_secrets.get(), m_config->path());
    QString error;
    QVERIFY2(store.save(teamAccount(), m_pem, &error), qPrintable(error));
    QCOMPARE(store.metadataFilePath(), m_config->filePath(QStringLiteral("accounts.json")));
    const QByteArray metadata = readFile(store.metadataFilePath());
    QVERIFY(!metadata.isEmpty());
    QVERIFY(!metadata.contains("PRIVATE"));
    const QByteArray stored = store.privateKeyPem(QStringLiteral("Acme Team"), &error).value_or(QByteArray());
    for (const QByteArray &pem : {m_pem, stored}) {
        for (const QByteArray &line : pem.split('\n')) {
            if (!line.startsWith("-----") && line.size() >= 16)
                QVERIFY2(!metadata.contains(line.left(16)), line.constData());
        }
    }
    const QJsonObject root = QJsonDocument::fromJson(metadata).object();
    QCOMPARE(root.value("version").toInt(), 1);
    const QJsonObject entry = root.value("accounts").toArray().at(0).toObject();
    const QStringList keys = entry.keys();
    QCOMPARE(QSet<QString>(keys.begin(), keys.end()),
             (QSet<QString>{"name", "issuerId", "keyId", "individualKey", "baseUrl"}));
    QCOMPARE(entry.value("keyId").toString(), QStringLiteral("2X9R4HXF34"));
    // The key itself lives in the secret store, as a 0600 file here.
    QVERIFY(QFile::exists(m_secrets->filePath(AccountStore::secretKeyFor(QStringLiteral("Acme Team")))));
}

void TestAccountStore::individualAccount()
{
    AccountStore store(m_secrets.get(), m_config->path());
    Account account;
    account.name = QStringLiteral("Me");
    account.keyId = QStringLiteral("INDIVIDUAL1");
    account.issuerId = QStringLiteral("ignored for individual keys");
    account.individualKey = true;
    QString error;
    QVERIFY2(store.save(account, m_pem, &error), qPrintable(error));
    const Account loaded = store.account(QStringLiteral("Me")).value_or(Account());
    QVERIFY(loaded.individualKey);
    QVERIFY(loaded.issuerId.isEmpty());
    QVERIFY(jwtClaimsFor(loaded).individualKey);
}

void TestAccountStore::replaceAndKeepKey()
{
    AccountStore store(m_secrets.get(), m_config->path());
    QString error;
    QVERIFY(store.save(teamAccount(), m_pem, &error));
    Account edited = teamAccount();
    edited.baseUrl = QStringLiteral("https://api.appstoreconnect.apple.com");
    QVERIFY2(store.save(edited, {}, &error), qPrintable(error)); // no PEM: keep the stored key
    QCOMPARE(store.accounts().size(), 1);
    QCOMPARE(store.accounts().first().baseUrl, edited.baseUrl);
    QCOMPARE(store.apiKey(edited.name, &error).publicKeyPem(), m_publicPem);

    // Replacing the key.
    const ApiKey other = ApiKey::generate();
    QVERIFY(store.save(edited, other.privateKeyPem(), &error));
    QCOMPARE(store.apiKey(edited.name, &error).publicKeyPem(), other.publicKeyPem());

    // A new account needs a key.
    Account fresh = teamAccount();
    fresh.name = QStringLiteral("Fresh");
    QVERIFY(!store.save(fresh, {}, &error));
    QVERIFY2(error.contains(QLatin1String(".p8")), qPrintable(error));
    QCOMPARE(store.accounts().size(), 1);
}

void TestAccountStore::rejectsBadInput()
{
    AccountStore store(m_secrets.get(), m_config->path());
    QString error;
    Account noName = teamAccount();
    noName.name = QStringLiteral("   ");
    QVERIFY(!store.save(noName, m_pem, &error));
    QVERIFY2(error.contains(QLatin1String("name")), qPrintable(error));

    Account noKeyId = teamAccount();
    noKeyId.keyId.clear();
    QVERIFY(!store.save(noKeyId, m_pem, &error));
    QVERIFY2(error.contains(QLatin1String("key ID")), qPrintable(error));

    Account noIssuer = teamAccount();
    noIssuer.issuerId.clear();
    QVERIFY(!store.save(noIssuer, m_pem, &error));
    QVERIFY2(error.contains(QLatin1String("issuer ID")), qPrintable(error));

    Account badUrl = teamAccount();
    badUrl.baseUrl = QStringLiteral("ftp://example.com");
    QVERIFY(!store.save(badUrl, m_pem, &error));
    QVERIFY2(error.contains(QLatin1String("base URL")), qPrintable(error));

    QVERIFY(store.accounts().isEmpty());
    QVERIFY(!QFile::exists(store.metadataFilePath()));
}

void TestAccountStore::rejectsWrongKeys()
{
    AccountStore store(m_secrets.get(), m_config->path());
    QString error;
    QVERIFY(!store.save(teamAccount(), readFile(m_rsaPath), &error));
    QVERIFY2(error.contains(QLatin1String("RSA")), qPrintable(error));
    QVERIFY(!store.save(teamAccount(), "garbage", &error));
    QVERIFY2(error.contains(QLatin1String("not a PKCS#8 .p8 key")), qPrintable(error));
    QVERIFY(store.accounts().isEmpty());
    QVERIFY(!m_secrets->read(AccountStore::secretKeyFor(teamAccount().name), &error).has_value());
}

void TestAccountStore::removeAccount()
{
    AccountStore store(m_secrets.get(), m_config->path());
    QString error;
    QVERIFY(store.save(teamAccount(), m_pem, &error));
    const QString secretFile = m_secrets->filePath(AccountStore::secretKeyFor(teamAccount().name));
    QVERIFY(QFile::exists(secretFile));
    QVERIFY2(store.remove(teamAccount().name, &error), qPrintable(error));
    QVERIFY(store.accounts().isEmpty());
    QVERIFY(!QFile::exists(secretFile));
    QVERIFY(!store.privateKeyPem(teamAccount().name, &error).has_value());
    QVERIFY(!store.remove(teamAccount().name, &error));
    QVERIFY2(error.contains(QLatin1String("no account")), qPrintable(error));
}

void TestAccountStore::missingSecret()
{
    AccountStore store(m_secrets.get(), m_config->path());
    QString error;
    QVERIFY(store.save(teamAccount(), m_pem, &error));
    QVERIFY(m_secrets->remove(AccountStore::secretKeyFor(teamAccount().name), &error));
    QVERIFY(!store.privateKeyPem(teamAccount().name, &error).has_value());
    QVERIFY2(error.contains(QLatin1String("No private key is stored")), qPrintable(error));
    QVERIFY(!store.apiKey(teamAccount().name, &error).isValid());
}

void TestAccountStore::damagedMetadataIsNotOverwritten()
{
    AccountStore store(m_secrets.get(), m_config->path());
    QFile file(store.metadataFilePath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ this is not json");
    file.close();
    QList<Account> accounts;
    QString error;
    QVERIFY(!store.loadAccounts(&accounts, &error));
    QVERIFY2(error.contains(QLatin1String("damaged")), qPrintable(error));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("damaged")));
    QVERIFY(store.accounts().isEmpty());
    QVERIFY(!store.save(teamAccount(), m_pem, &error));
    QCOMPARE(readFile(store.metadataFilePath()), QByteArray("{ this is not json"));
}

void TestAccountStore::configDirFromEnvironment()
{
    qputenv("ASCEND_CONFIG_DIR", QFile::encodeName(m_config->path()));
    AccountStore store(m_secrets.get());
    QCOMPARE(store.configDir(), m_config->path());
    QString error;
    QVERIFY(store.save(teamAccount(), m_pem, &error));
    QVERIFY(QFile::exists(m_config->filePath(QStringLiteral("accounts.json"))));
    qunsetenv("ASCEND_CONFIG_DIR");
}

void TestAccountStore::secretsNeverLogged()
{
    QLoggingCategory::setFilterRules(QStringLiteral("ascend.auth.debug=true"));
    g_messages.clear();
    const QtMessageHandler previous = qInstallMessageHandler(collectMessage);
    AccountStore store(m_secrets.get(), m_config->path());
    QString error;
    store.save(teamAccount(), m_pem, &error);
    store.apiKey(teamAccount().name, &error);
    store.save(teamAccount(), "-----BEGIN PRIVATE KEY-----\nbroken\n-----END PRIVATE KEY-----\n", &error);
    store.remove(teamAccount().name, &error);
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());

    QVERIFY(!g_messages.isEmpty());
    for (const QString &message : std::as_const(g_messages)) {
        QVERIFY2(!message.contains(QLatin1String("PRIVATE KEY")), qPrintable(message));
        for (const QByteArray &line : m_pem.split('\n')) {
            if (!line.startsWith("-----") && line.size() >= 16)
                QVERIFY2(!message.contains(QString::fromLatin1(line.left(16))), qPrintable(message));
        }
    }
}

QTEST_GUILESS_MAIN(TestAccountStore)
#include "tst_accountstore.moc"

// The real keychain backend (Secret Service through qtkeychain). ctest runs this through with-keyring.sh,
// which provides a private D-Bus session and an unlocked gnome-keyring.

#include "core/auth/accountstore.h"
#include "core/auth/fallbacksecretstore.h"
#include "core/auth/filesecretstore.h"
#include "core/auth/keychainsecretstore.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace ascend::auth;

class TestKeychainSecretStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip();
    void missingEntryIsNotAnError();
    void fallbackStaysOnKeychain();
    void accountKeyInKeychain();

private:
    QTemporaryDir m_dir;
};

void TestKeychainSecretStore::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "run through tests/core/auth/with-keyring.sh (a D-Bus session with gnome-keyring)");
    QVERIFY(m_dir.isValid());
}

void TestKeychainSecretStore::roundTrip()
{
    KeychainSecretStore keychain;
    QByteArray secret("-----BEGIN PRIVATE KEY-----\nnot really\n-----END PRIVATE KEY-----\n");
    secret.append('\0').append("\x80\xff binary");
    QString error;
    QVERIFY2(keychain.write(QStringLiteral("api-key/Round Trip"), secret, &error), qPrintable(error));
    std::optional<QByteArray> read = keychain.read(QStringLiteral("api-key/Round Trip"), &error);
    QVERIFY2(read.has_value(), qPrintable(error));
    QCOMPARE(*read, secret);

    QVERIFY(keychain.write(QStringLiteral("api-key/Round Trip"), "replaced", &error));
    QCOMPARE(keychain.read(QStringLiteral("api-key/Round Trip"), &error).value_or(QByteArray()),
             QByteArray("replaced"));

    // Another service name is another namespace.
    KeychainSecretStore other(QStringLiteral("Ascend-other"));
    QVERIFY(!other.read(QStringLiteral("api-key/Round Trip"), &error).has_value());
    QVERIFY(error.isEmpty());

    QVERIFY2(keychain.remove(QStringLiteral("api-key/Round Trip"), &error), qPrintable(error));
    QVERIFY(!keychain.read(QStringLiteral("api-key/Round Trip"), &error).has_value());
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestKeychainSecretStore::missingEntryIsNotAnError()
{
    KeychainSecretStore keychain;
    QString error = QStringLiteral("stale");
    QVERIFY(!keychain.read(QStringLiteral("never-written"), &error).has_value());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(keychain.remove(QStringLiteral("never-written"), &error), qPrintable(error));
}

void TestKeychainSecretStore::fallbackStaysOnKeychain()
{
    const QString dir = m_dir.filePath(QStringLiteral("secrets"));
    FallbackSecretStore store(std::make_unique<KeychainSecretStore>(),
                              std::make_unique<FileSecretStore>(dir));
    QVERIFY(store.probe());
    QVERIFY(!store.usingFallback());
    QVERIFY(store.fallbackReason().isEmpty());
    QVERIFY(store.backendDescription().contains(QLatin1String("keychain")));
    QString error;
    QVERIFY2(store.write(QStringLiteral("k"), "in the keychain", &error), qPrintable(error));
    QVERIFY(!store.usingFallback());
    QVERIFY(!QFile::exists(FileSecretStore(dir).filePath(QStringLiteral("k")))); // nothing on disk
    QCOMPARE(KeychainSecretStore().read(QStringLiteral("k"), &error).value_or(QByteArray()),
             QByteArray("in the keychain"));
    QVERIFY(store.remove(QStringLiteral("k"), &error));
}

void TestKeychainSecretStore::accountKeyInKeychain()
{
    FallbackSecretStore secrets(std::make_unique<KeychainSecretStore>(),
                                std::make_unique<FileSecretStore>(m_dir.filePath(QStringLiteral("secrets"))));
    AccountStore store(&secrets, m_dir.filePath(QStringLiteral("config")));
    const ApiKey key = ApiKey::generate();
    Account account;
    account.name = QStringLiteral("Keychain Team");
    account.issuerId = QStringLiteral("57246542-96fe-1a63-e053-0824d011072a");
    account.keyId = QStringLiteral("KEYCHAIN01");
    QString error;
    QVERIFY2(store.save(account, key.privateKeyPem(), &error), qPrintable(error));
    QVERIFY(!secrets.usingFallback());
    QCOMPARE(store.apiKey(account.name, &error).publicKeyPem(), key.publicKeyPem());
    QVERIFY(QDir(m_dir.filePath(QStringLiteral("secrets"))).entryList(QDir::Files).isEmpty());
    QVERIFY2(store.remove(account.name, &error), qPrintable(error));
    QVERIFY(!KeychainSecretStore().read(AccountStore::secretKeyFor(account.name), &error).has_value());
}

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"

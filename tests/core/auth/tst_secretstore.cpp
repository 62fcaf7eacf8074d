// File store (modes, atomic writes, key names), the keychain without D-Bus, and the fallback between them.
// Runs with no D-Bus session (ctest unsets DBUS_SESSION_BUS_ADDRESS; initTestCase makes sure of it).

#include "core/auth/fallbacksecretstore.h"
#include "core/auth/filesecretstore.h"
#include "core/auth/keychainsecretstore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace ascend::auth;

namespace {

mode_t unixMode(const QString &path)
{
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & 07777;
}

// An in-memory stand-in for a keychain that can be told to fail.
class MemoryStore : public SecretStore {
public:
    bool failing = false;
    int calls = 0;
    QHash<QString, QByteArray> values;

    bool write(const QString &key, const QByteArray &secret, QString *error) override
    {
        ++calls;
        if (failing)
            return fail(error);
        values.insert(key, secret);
        return true;
    }
    std::optional<QByteArray> read(const QString &key, QString *error) override
    {
        ++calls;
        error->clear();
        if (failing) {
            fail(error);
            return std::nullopt;
        }
        if (!values.contains(key))
            return std::nullopt;
        return values.value(key);
    }
    bool remove(const QString &key, QString *error) override
    {
        ++calls;
        if (failing)
            return fail(error);
        values.remove(key);
        return true;
    }
    QString backendDescription() const override { return QStringLiteral("memory"); }

private:
    static bool fail(QString *error)
    {
        *error = QStringLiteral("The system keychain is not available: test failure.");
        return false;
    }
};

} // namespace

class TestSecretStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void fileRoundTrip();
    void fileModes();
    void fileTightensLooseModes();
    void fileOverwriteIsAtomic();
    void fileKeyNames();
    void fileMissingKey();
    void fileRemove();

    void keychainWithoutDbusFails();
    void fallbackWithoutDbus();
    void fallbackProbe();
    void fallbackReadsFileCopyWhenKeychainLacksIt();
    void fallbackWriteRemovesStaleFileCopy();
    void fallbackSwitchesOnLaterError();

    void defaultStoreHonoursEnvironment();

private:
    QTemporaryDir m_dir;
};

void TestSecretStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // No session bus and no way to find or start one.
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    qunsetenv("DISPLAY");
    const QString runtimeDir = m_dir.filePath(QStringLiteral("runtime"));
    QVERIFY(QDir().mkpath(runtimeDir));
    QFile::setPermissions(runtimeDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtimeDir));
}

void TestSecretStore::fileRoundTrip()
{
    FileSecretStore store(m_dir.filePath(QStringLiteral("roundtrip/secrets")));
    QByteArray secret("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    secret.append('\0').append("\xff\x01 binary tail");
    QString error;
    QVERIFY2(store.write(QStringLiteral("api-key/Team"), secret, &error), qPrintable(error));
    const std::optional<QByteArray> read = store.read(QStringLiteral("api-key/Team"), &error);
    QVERIFY2(read.has_value(), qPrintable(error));
    QCOMPARE(*read, secret);
    QVERIFY(error.isEmpty());

    // A second instance over the same directory sees it (it is on disk, not cached).
    FileSecretStore again(store.directory());
    QCOMPARE(again.read(QStringLiteral("api-key/Team"), &error).value_or(QByteArray()), secret);
    QVERIFY(store.backendDescription().contains(QDir::toNativeSeparators(store.directory())));
}

void TestSecretStore::fileModes()
{
    FileSecretStore store(m_dir.filePath(QStringLiteral("modes/nested/secrets")));
    QString error;
    QVERIFY2(store.write(QStringLiteral("k"), "v", &error), qPrintable(error));
    QCOMPARE(unixMode(store.filePath(QStringLiteral("k"))), mode_t(0600));
    QCOMPARE(unixMode(store.directory()), mode_t(0700));
    // Overwriting keeps 0600.
    QVERIFY(store.write(QStringLiteral("k"), "v2", &error));
    QCOMPARE(unixMode(store.filePath(QStringLiteral("k"))), mode_t(0600));
}

void TestSecretStore::fileTightensLooseModes()
{
    const QString dir = m_dir.filePath(QStringLiteral("loose"));
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(::chmod(QFile::encodeName(dir).constData(), 0755) == 0);
    FileSecretStore store(dir);
    QString error;
    QVERIFY(store.write(QStringLiteral("k"), "v", &error));
    QCOMPARE(unixMode(dir), mode_t(0700));

    const QString file = store.filePath(QStringLiteral("k"));
    QVERIFY(::chmod(QFile::encodeName(file).constData(), 0644) == 0);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("readable by others")));
    QCOMPARE(store.read(QStringLiteral("k"), &error).value_or(QByteArray()), QByteArray("v"));
    QCOMPARE(unixMode(file), mode_t(0600));
}

void TestSecretStore::fileOverwriteIsAtomic()
{
    FileSecretStore store(m_dir.filePath(QStringLiteral("atomic")));
    QString error;
    for (int i = 0; i < 20; ++i)
        QVERIFY(store.write(QStringLiteral("counter"), QByteArray::number(i), &error));
    QCOMPARE(store.read(QStringLiteral("counter"), &error).value_or(QByteArray()), QByteArray("19"));
    // Only the final file remains: no temporary files left behind.
    const QStringList entries = QDir(store.directory()).entryList(QDir::Files | QDir::Hidden);
    QCOMPARE(entries, QStringList{QFileInfo(store.filePath(QStringLiteral("counter"))).fileName()});
}

void TestSecretStore::fileKeyNames()
{
    FileSecretStore store(m_dir.filePath(QStringLiteral("names")));
    const QStringList keys{
        QStringLiteral("api-key/My Team"), QStringLiteral(".."),          QStringLiteral("."),
        QStringLiteral("../../escape"),    QStringLiteral("Case"),        QStringLiteral("case"),
        QStringLiteral("ünïcødé ☃"),       QString(300, QLatin1Char('x'))};
    QString error;
    for (const QString &key : keys)
        QVERIFY2(store.write(key, key.toUtf8(), &error), qPrintable(error));
    for (const QString &key : keys) {
        const QFileInfo info(store.filePath(key));
        QCOMPARE(info.absolutePath(), QFileInfo(store.directory()).absoluteFilePath());
        QVERIFY(info.fileName().size() < 200);
        QCOMPARE(store.read(key, &error).value_or(QByteArray()), key.toUtf8());
    }
    QCOMPARE(QDir(store.directory()).entryList(QDir::Files).size(), keys.size());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("escape.secret"))));
    QVERIFY(!store.write(QString(), "x", &error));
}

void TestSecretStore::fileMissingKey()
{
    FileSecretStore store(m_dir.filePath(QStringLiteral("does-not-exist-yet")));
    QString error = QStringLiteral("stale");
    QVERIFY(!store.read(QStringLiteral("nothing"), &error).has_value());
    QVERIFY(error.isEmpty());                       // missing is not an error
    QVERIFY(!QFileInfo::exists(store.directory())); // reading creates nothing
}

void TestSecretStore::fileRemove()
{
    FileSecretStore store(m_dir.filePath(QStringLiteral("remove")));
    QString error;
    QVERIFY(store.write(QStringLiteral("gone"), "soon", &error));
    QVERIFY(QFile::exists(store.filePath(QStringLiteral("gone"))));
    QVERIFY(store.remove(QStringLiteral("gone"), &error));
    QVERIFY(!QFile::exists(store.filePath(QStringLiteral("gone"))));
    QVERIFY(!store.read(QStringLiteral("gone"), &error).has_value());
    QVERIFY(error.isEmpty());
    QVERIFY(store.remove(QStringLiteral("gone"), &error)); // removing twice is fine
}

void TestSecretStore::keychainWithoutDbusFails()
{
    KeychainSecretStore keychain;
    QCOMPARE(keychain.service(), QStringLiteral("Ascend"));
    QElapsedTimer timer;
    timer.start();
    QString error;
    QVERIFY(!keychain.write(QStringLiteral("probe"), "x", &error));
    QVERIFY2(error.startsWith(QLatin1String("The system keychain is not available")), qPrintable(error));
    error.clear();
    QVERIFY(!keychain.read(QStringLiteral("probe"), &error).has_value());
    QVERIFY2(!error.isEmpty(), "a keychain that cannot answer must not look like a missing entry");
    QVERIFY(!keychain.remove(QStringLiteral("probe"), &error));
    QVERIFY2(timer.elapsed() < 15000, "each call is bounded by the 5 s timeout");
}

void TestSecretStore::fallbackWithoutDbus()
{
    const QString dir = m_dir.filePath(QStringLiteral("fallback"));
    FallbackSecretStore store(std::make_unique<KeychainSecretStore>(),
                              std::make_unique<FileSecretStore>(dir));
    QVERIFY(!store.usingFallback());
    QString error;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("keychain is not available")));
    QVERIFY2(store.write(QStringLiteral("api-key/Team"), "secret", &error), qPrintable(error));
    QVERIFY(store.usingFallback());
    QVERIFY2(store.fallbackReason().contains(QLatin1String("keychain")), qPrintable(store.fallbackReason()));
    QVERIFY(store.backendDescription().contains(QLatin1String("not available")));
    QVERIFY(store.backendDescription().contains(QDir::toNativeSeparators(dir)));
    QVERIFY(QFile::exists(FileSecretStore(dir).filePath(QStringLiteral("api-key/Team"))));
    QCOMPARE(unixMode(FileSecretStore(dir).filePath(QStringLiteral("api-key/Team"))), mode_t(0600));
    QCOMPARE(store.read(QStringLiteral("api-key/Team"), &error).value_or(QByteArray()), QByteArray("secret"));
    QVERIFY(store.remove(QStringLiteral("api-key/Team"), &error));
    QVERIFY(!store.read(QStringLiteral("api-key/Team"), &error).has_value());
    QVERIFY(error.isEmpty());
}

void TestSecretStore::fallbackProbe()
{
    FallbackSecretStore store(std::make_unique<KeychainSecretStore>(),
                              std::make_unique<FileSecretStore>(m_dir.filePath(QStringLiteral("probe"))));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("keychain is not available")));
    QVERIFY(!store.probe());
    QVERIFY(store.usingFallback());
    QVERIFY(!store.fallbackReason().isEmpty());
    QVERIFY(!store.probe()); // decided once

    auto memory = std::make_unique<MemoryStore>();
    MemoryStore *keychain = memory.get();
    FallbackSecretStore working(std::move(memory),
                                std::make_unique<FileSecretStore>(m_dir.filePath(QStringLiteral("probe2"))));
    QVERIFY(working.probe());
    QVERIFY(working.probe());
    QCOMPARE(keychain->calls, 1);
    QVERIFY(!working.usingFallback());
    QVERIFY(working.fallbackReason().isEmpty());
    QCOMPARE(working.backendDescription(), QStringLiteral("memory"));
}

void TestSecretStore::fallbackReadsFileCopyWhenKeychainLacksIt()
{
    const QString dir = m_dir.filePath(QStringLiteral("filecopy"));
    FileSecretStore file(dir);
    QString error;
    QVERIFY(file.write(QStringLiteral("old"), "saved while the keychain was away", &error));
    FallbackSecretStore store(std::make_unique<MemoryStore>(), std::make_unique<FileSecretStore>(dir));
    QCOMPARE(store.read(QStringLiteral("old"), &error).value_or(QByteArray()),
             QByteArray("saved while the keychain was away"));
    QVERIFY(!store.usingFallback());
    QVERIFY(store.remove(QStringLiteral("old"), &error));
    QVERIFY(!file.read(QStringLiteral("old"), &error).has_value());
}

void TestSecretStore::fallbackWriteRemovesStaleFileCopy()
{
    const QString dir = m_dir.filePath(QStringLiteral("stale"));
    FileSecretStore file(dir);
    QString error;
    QVERIFY(file.write(QStringLiteral("k"), "old", &error));
    auto memory = std::make_unique<MemoryStore>();
    MemoryStore *keychain = memory.get();
    FallbackSecretStore store(std::move(memory), std::make_unique<FileSecretStore>(dir));
    QVERIFY(store.write(QStringLiteral("k"), "new", &error));
    QCOMPARE(keychain->values.value(QStringLiteral("k")), QByteArray("new"));
    QVERIFY(!QFile::exists(file.filePath(QStringLiteral("k"))));
    QCOMPARE(store.read(QStringLiteral("k"), &error).value_or(QByteArray()), QByteArray("new"));
}

void TestSecretStore::fallbackSwitchesOnLaterError()
{
    const QString dir = m_dir.filePath(QStringLiteral("later"));
    auto memory = std::make_unique<MemoryStore>();
    MemoryStore *keychain = memory.get();
    FallbackSecretStore store(std::move(memory), std::make_unique<FileSecretStore>(dir));
    QString error;
    QVERIFY(store.write(QStringLiteral("a"), "1", &error));
    QVERIFY(!store.usingFallback());

    keychain->failing = true;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("test failure")));
    QVERIFY(store.write(QStringLiteral("b"), "2", &error));
    QVERIFY(store.usingFallback());
    QCOMPARE(store.fallbackReason(), QStringLiteral("The system keychain is not available: test failure."));

    // For good: even when the keychain recovers, this store keeps using the file.
    keychain->failing = false;
    const int callsBefore = keychain->calls;
    QVERIFY(store.write(QStringLiteral("c"), "3", &error));
    QCOMPARE(keychain->calls, callsBefore);
    QCOMPARE(FileSecretStore(dir).read(QStringLiteral("c"), &error).value_or(QByteArray()), QByteArray("3"));
}

void TestSecretStore::defaultStoreHonoursEnvironment()
{
    const QString config = m_dir.filePath(QStringLiteral("config"));
    qputenv("ASCEND_CONFIG_DIR", QFile::encodeName(config));
    qputenv("ASCEND_SECRET_STORE", "file");
    QCOMPARE(defaultSecretsDir(), config + QStringLiteral("/secrets"));
    std::unique_ptr<SecretStore> store = createDefaultSecretStore();
    auto *file = dynamic_cast<FileSecretStore *>(store.get());
    QVERIFY(file);
    QCOMPARE(file->directory(), config + QStringLiteral("/secrets"));

    qputenv("ASCEND_SECRET_STORE", "keychain");
    store = createDefaultSecretStore();
    QVERIFY(dynamic_cast<KeychainSecretStore *>(store.get()));

    qunsetenv("ASCEND_SECRET_STORE");
    store = createDefaultSecretStore();
    auto *fallback = dynamic_cast<FallbackSecretStore *>(store.get());
    QVERIFY(fallback);
    QString error;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("keychain is not available")));
    QVERIFY(store->write(QStringLiteral("x"), "y", &error));
    QVERIFY(fallback->usingFallback());
    QVERIFY(
        QFile::exists(FileSecretStore(config + QStringLiteral("/secrets")).filePath(QStringLiteral("x"))));
    qunsetenv("ASCEND_CONFIG_DIR");
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"

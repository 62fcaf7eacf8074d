// Loading App Store Connect keys: keys made by the openssl command line, and every way a key file can be
// wrong.

#include "core/auth/apikey.h"
#include "opensslcli.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace ascend::auth;
using namespace ascend::test;

class TestApiKey : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void loadsP256Pkcs8();
    void loadsSec1WithParameters();
    void loadsFlattenedAndIndentedPem();
    void loadsDer();
    void copiesShareTheKey();
    void generatedKeyIsP256();

    void missingFile();
    void directory();
    void unreadableFile();
    void emptyFile();
    void garbage();
    void damagedPem();
    void rsaKey();
    void ed25519Key();
    void p384Key();
    void encryptedKey();
    void publicKeyInsteadOfPrivate();
    void certificate();
    void errorsNeverEchoKeyMaterial();

    void keyIdFromFileName_data();
    void keyIdFromFileName();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    static QByteArray readFile(const QString &path);
    static void writeFile(const QString &path, const QByteArray &data);

    QTemporaryDir m_dir;
    QString m_p256;
};

QByteArray TestApiKey::readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestApiKey::writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(data), data.size());
}

void TestApiKey::initTestCase()
{
    QVERIFY2(!opensslProgram().isEmpty(),
             "the openssl command line is needed as the reference implementation");
    QVERIFY(m_dir.isValid());
    m_p256 = path(QStringLiteral("AuthKey_ABCDE12345.p8"));
    QVERIFY(generateKey(m_p256, QStringLiteral("EC"), QStringLiteral("P-256")));
    QVERIFY(readFile(m_p256).startsWith("-----BEGIN PRIVATE KEY-----"));
}

void TestApiKey::loadsP256Pkcs8()
{
    QString error;
    const ApiKey key = ApiKey::fromPemFile(m_p256, &error);
    QVERIFY2(key.isValid(), qPrintable(error));
    QVERIFY(key.evpKey());
    // Our public key export must match what openssl derives from the same file.
    const QByteArray expected = publicKeyOf(m_p256);
    QVERIFY(expected.startsWith("-----BEGIN PUBLIC KEY-----"));
    QCOMPARE(key.publicKeyPem(), expected);
    QVERIFY(key.privateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----"));
}

void TestApiKey::loadsSec1WithParameters()
{
    // "openssl ecparam -genkey" writes an EC PARAMETERS block followed by an EC PRIVATE KEY block.
    const QString sec1 = path(QStringLiteral("sec1.pem"));
    QVERIFY(runOpenssl({QStringLiteral("ecparam"), QStringLiteral("-name"), QStringLiteral("prime256v1"),
                        QStringLiteral("-genkey"), QStringLiteral("-out"), sec1})
                .ok());
    QVERIFY(readFile(sec1).contains("-----BEGIN EC PRIVATE KEY-----"));
    QString error;
    const ApiKey key = ApiKey::fromPemFile(sec1, &error);
    QVERIFY2(key.isValid(), qPrintable(error));
    QCOMPARE(key.publicKeyPem(), publicKeyOf(sec1));
}

void TestApiKey::loadsFlattenedAndIndentedPem()
{
    const QByteArray pem = readFile(m_p256);
    QByteArray flattened = pem.trimmed();
    flattened.replace("\n", "\\n");
    QVERIFY(!flattened.contains('\n'));
    QString error;
    const ApiKey fromFlat = ApiKey::fromPem(flattened, &error);
    QVERIFY2(fromFlat.isValid(), qPrintable(error));
    QCOMPARE(fromFlat.publicKeyPem(), publicKeyOf(m_p256));

    QByteArray indented = "\xEF\xBB\xBF";
    for (const QByteArray &line : pem.split('\n'))
        indented += "    " + line + "\r\n";
    const ApiKey fromIndented = ApiKey::fromPem(indented, &error);
    QVERIFY2(fromIndented.isValid(), qPrintable(error));
    QCOMPARE(fromIndented.publicKeyPem(), publicKeyOf(m_p256));
}

void TestApiKey::loadsDer()
{
    const OpensslResult der = runOpenssl({QStringLiteral("pkey"), QStringLiteral("-in"), m_p256,
                                          QStringLiteral("-outform"), QStringLiteral("DER")});
    QVERIFY(der.ok());
    QString error;
    const ApiKey fromDer = ApiKey::fromPem(der.out, &error);
    QVERIFY2(fromDer.isValid(), qPrintable(error));
    QCOMPARE(fromDer.publicKeyPem(), publicKeyOf(m_p256));
    // The base64 body alone, without BEGIN/END lines.
    const ApiKey fromBody = ApiKey::fromPem(der.out.toBase64(), &error);
    QVERIFY2(fromBody.isValid(), qPrintable(error));
    QCOMPARE(fromBody.publicKeyPem(), publicKeyOf(m_p256));
}

void TestApiKey::copiesShareTheKey()
{
    ApiKey original = ApiKey::fromPemFile(m_p256, nullptr);
    QVERIFY(original.isValid());
    const ApiKey copy = original;
    QCOMPARE(copy.evpKey(), original.evpKey());
    original = ApiKey();
    QVERIFY(!original.isValid());
    QVERIFY(copy.isValid());
    QCOMPARE(copy.publicKeyPem(), publicKeyOf(m_p256));
}

void TestApiKey::generatedKeyIsP256()
{
    QString error;
    const ApiKey key = ApiKey::generate(&error);
    QVERIFY2(key.isValid(), qPrintable(error));
    const QString file = path(QStringLiteral("generated.p8"));
    writeFile(file, key.privateKeyPem());
    const OpensslResult text = runOpenssl({QStringLiteral("pkey"), QStringLiteral("-in"), file,
                                           QStringLiteral("-noout"), QStringLiteral("-text")});
    QVERIFY(text.ok());
    QVERIFY2(text.out.contains("NIST CURVE: P-256"), text.out.constData());
    QCOMPARE(key.publicKeyPem(), publicKeyOf(file));
    QVERIFY(ApiKey::fromPemFile(file, &error).isValid());
}

void TestApiKey::missingFile()
{
    const QString missing = path(QStringLiteral("AuthKey_MISSING.p8"));
    QString error;
    QVERIFY(!ApiKey::fromPemFile(missing, &error).isValid());
    QVERIFY2(error.contains(missing), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("does not exist")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("Users and Access")), qPrintable(error));

    QVERIFY(!ApiKey::fromPemFile(QString(), &error).isValid());
    QVERIFY(!error.isEmpty());
}

void TestApiKey::directory()
{
    QString error;
    QVERIFY(!ApiKey::fromPemFile(m_dir.path(), &error).isValid());
    QVERIFY2(error.contains(QLatin1String("folder")), qPrintable(error));
}

void TestApiKey::unreadableFile()
{
    if (::geteuid() == 0)
        QSKIP("root reads files regardless of their mode");
    const QString locked = path(QStringLiteral("locked.p8"));
    QVERIFY(QFile::copy(m_p256, locked));
    QVERIFY(QFile::setPermissions(locked, {}));
    QString error;
    QVERIFY(!ApiKey::fromPemFile(locked, &error).isValid());
    QVERIFY2(error.contains(QLatin1String("Cannot read")), qPrintable(error));
}

void TestApiKey::emptyFile()
{
    const QString empty = path(QStringLiteral("empty.p8"));
    writeFile(empty, {});
    QString error;
    QVERIFY(!ApiKey::fromPemFile(empty, &error).isValid());
    QVERIFY2(error.contains(QLatin1String("empty")), qPrintable(error));
}

void TestApiKey::garbage()
{
    const QString junk = path(QStringLiteral("junk.p8"));
    writeFile(junk, "this is certainly not a key\n\x01\x02\x03 more noise");
    QString error;
    QVERIFY(!ApiKey::fromPemFile(junk, &error).isValid());
    QVERIFY2(error.contains(QLatin1String("not a PKCS#8 .p8 key")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("junk.p8")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("App Store Connect")), qPrintable(error));
}

void TestApiKey::damagedPem()
{
    QByteArray pem = readFile(m_p256);
    const int bodyStart = pem.indexOf('\n') + 1;
    pem.replace(bodyStart, 20, QByteArray(20, '!'));
    QString error;
    QVERIFY(!ApiKey::fromPem(pem, &error).isValid());
    QVERIFY2(error.contains(QLatin1String("not a PKCS#8 .p8 key")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("cannot be decoded")), qPrintable(error));

    // Truncated in the middle.
    const QByteArray truncated = readFile(m_p256).left(100) + "\n-----END PRIVATE KEY-----\n";
    QVERIFY(!ApiKey::fromPem(truncated, &error).isValid());
    QVERIFY2(error.contains(QLatin1String("not a PKCS#8 .p8 key")), qPrintable(error));
}

void TestApiKey::rsaKey()
{
    const QString rsa = path(QStringLiteral("rsa.p8"));
    QVERIFY(generateKey(rsa, QStringLiteral("RSA")));
    QString error;
    QVERIFY(!ApiKey::fromPemFile(rsa, &error).isValid());
    QVERIFY2(error.contains(QLatin1String("RSA")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("P-256")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("Users and Access")), qPrintable(error));

    // The traditional "BEGIN RSA PRIVATE KEY" form gets the same answer.
    const OpensslResult traditional =
        runOpenssl({QStringLiteral("pkey"), QStringLiteral("-in"), rsa, QStringLiteral("-traditional")});
    QVERIFY(traditional.ok());
    QVERIFY(traditional.out.contains("BEGIN RSA PRIVATE KEY"));
    QVERIFY(!ApiKey::fromPem(traditional.out, &error).isValid());
    QVERIFY2(error.contains(QLatin1String("RSA")), qPrintable(error));
}

void TestApiKey::ed25519Key()
{
    const QString ed = path(QStringLiteral("ed25519.p8"));
    QVERIFY(generateKey(ed, QStringLiteral("ED25519")));
    QString error;
    QVERIFY(!ApiKey::fromPemFile(ed, &error).isValid());
    QVERIFY2(error.contains(QLatin1String("ED25519")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("Wrong key type")), qPrintable(error));
}

void TestApiKey::p384Key()
{
    const QString p384 = path(QStringLiteral("p384.p8"));
    QVERIFY(generateKey(p384, QStringLiteral("EC"), QStringLiteral("P-384")));
    QString error;
    QVERIFY(!ApiKey::fromPemFile(p384, &error).isValid());
    QVERIFY2(error.contains(QLatin1String("Wrong curve")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("P-384")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("secp384r1")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("P-256")), qPrintable(error));
}

void TestApiKey::encryptedKey()
{
    const QString encrypted = path(QStringLiteral("encrypted.p8"));
    QVERIFY(runOpenssl({QStringLiteral("pkcs8"), QStringLiteral("-topk8"), QStringLiteral("-in"), m_p256,
                        QStringLiteral("-passout"), QStringLiteral("pass:secret"), QStringLiteral("-out"),
                        encrypted})
                .ok());
    QString error;
    QVERIFY(!ApiKey::fromPemFile(encrypted, &error).isValid());
    QVERIFY2(error.contains(QLatin1String("passphrase")), qPrintable(error));

    // The old OpenSSL form with a Proc-Type header must not prompt for a passphrase either.
    const OpensslResult legacy =
        runOpenssl({QStringLiteral("ec"), QStringLiteral("-in"), m_p256, QStringLiteral("-aes256"),
                    QStringLiteral("-passout"), QStringLiteral("pass:secret")});
    QVERIFY(legacy.ok());
    QVERIFY(legacy.out.contains("Proc-Type: 4,ENCRYPTED"));
    QVERIFY(!ApiKey::fromPem(legacy.out, &error).isValid());
    QVERIFY2(error.contains(QLatin1String("passphrase")), qPrintable(error));
}

void TestApiKey::publicKeyInsteadOfPrivate()
{
    QString error;
    QVERIFY(!ApiKey::fromPem(publicKeyOf(m_p256), &error).isValid());
    QVERIFY2(error.contains(QLatin1String("public key")), qPrintable(error));
}

void TestApiKey::certificate()
{
    const QString cert = path(QStringLiteral("cert.pem"));
    QVERIFY(runOpenssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-new"),
                        QStringLiteral("-key"), m_p256, QStringLiteral("-subj"), QStringLiteral("/CN=test"),
                        QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-out"), cert})
                .ok());
    QString error;
    QVERIFY(!ApiKey::fromPemFile(cert, &error).isValid());
    QVERIFY2(error.contains(QLatin1String("certificate")), qPrintable(error));
}

void TestApiKey::errorsNeverEchoKeyMaterial()
{
    // Every failing variant of a real key: the message must not quote any of the key's base64 lines.
    const QByteArray pem = readFile(m_p256);
    QList<QByteArray> bodyLines;
    for (const QByteArray &line : pem.split('\n')) {
        if (!line.startsWith("-----") && line.size() > 8)
            bodyLines.append(line);
    }
    QVERIFY(!bodyLines.isEmpty());
    QByteArray damaged = pem;
    damaged.replace(pem.indexOf('\n') + 1, 4, "!!!!");
    const QByteArray mislabeled = QByteArray(pem).replace("PRIVATE KEY", "SOMETHING ELSE");
    for (const QByteArray &variant : {damaged, mislabeled, pem.left(120)}) {
        QString error;
        QVERIFY(!ApiKey::fromPem(variant, &error).isValid());
        QVERIFY(!error.isEmpty());
        for (const QByteArray &line : bodyLines)
            QVERIFY2(!error.contains(QString::fromLatin1(line.mid(8, 16))), qPrintable(error));
    }
}

void TestApiKey::keyIdFromFileName_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("keyId");
    QTest::newRow("plain") << "AuthKey_2X9R4HXF34.p8"
                           << "2X9R4HXF34";
    QTest::newRow("with folder") << "/home/me/Downloads/AuthKey_ABC123DEF4.p8"
                                 << "ABC123DEF4";
    QTest::newRow("second download") << "AuthKey_ABC123DEF4 (1).p8"
                                     << "ABC123DEF4";
    QTest::newRow("other name") << "mykey.p8"
                                << "";
    QTest::newRow("other extension") << "AuthKey_ABC123DEF4.pem"
                                     << "";
}

void TestApiKey::keyIdFromFileName()
{
    QFETCH(QString, path);
    QFETCH(QString, keyId);
    QCOMPARE(ApiKey::keyIdFromFileName(path), keyId);
}

QTEST_GUILESS_MAIN(TestApiKey)
#include "tst_apikey.moc"

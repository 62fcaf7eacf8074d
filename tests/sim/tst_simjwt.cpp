// The simulator's JWT checks against tokens made here with OpenSSL (and one with the openssl command line).

#include "sim/apikeys.h"
#include "sim/jwtverifier.h"
#include "testtokens.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <openssl/evp.h>

using namespace ascend::sim;
using namespace ascend::sim::test;

namespace {
constexpr qint64 Now = 1700000000;
const QString TeamKeyId = QStringLiteral("TEAMKEY123");
const QString IndividualKeyId = QStringLiteral("INDIVKEY45");
const QString Issuer = QStringLiteral("57246542-96fe-1a63-e053-0824d011072a");
} // namespace

class TestSimJwt : public QObject {
    Q_OBJECT

private:
    KeyPtr m_teamKey;
    KeyPtr m_individualKey;
    KeyPtr m_otherKey;
    KeyRing m_keys;
    std::unique_ptr<JwtVerifier> m_verifier;

    TokenSpec teamSpec() const
    {
        TokenSpec spec;
        spec.keyId = TeamKeyId;
        spec.issuerId = Issuer;
        spec.issuedAt = Now - 10;
        spec.expiresAt = Now + 600;
        return spec;
    }
    TokenSpec individualSpec() const
    {
        TokenSpec spec = teamSpec();
        spec.keyId = IndividualKeyId;
        spec.issuerId.clear();
        spec.subject = QStringLiteral("user");
        return spec;
    }
    JwtCheck check(const QByteArray &token, const QByteArray &method = "GET",
                   const QString &path = QStringLiteral("/v1/apps"), const QString &query = QString()) const
    {
        return m_verifier->verify("Bearer " + token, method, path, QUrlQuery(query));
    }

private slots:
    void initTestCase()
    {
        m_teamKey = generateKey();
        m_individualKey = generateKey();
        m_otherKey = generateKey();
        QVERIFY(m_teamKey && m_individualKey && m_otherKey);
        QString error;
        const crypto::PKey teamPublic = crypto::loadPublicKeyPem(publicKeyPem(m_teamKey), &error);
        QVERIFY2(teamPublic, qPrintable(error));
        // A private key PEM is accepted too; only its public half is kept.
        const crypto::PKey individualPublic =
            crypto::loadPublicKeyPem(privateKeyPem(m_individualKey), &error);
        QVERIFY2(individualPublic, qPrintable(error));
        m_keys.add(ApiKey{TeamKeyId, Issuer, false, teamPublic});
        m_keys.add(ApiKey{IndividualKeyId, QString(), true, individualPublic});
        m_verifier = std::make_unique<JwtVerifier>(m_keys);
        m_verifier->setClock([] { return Now; });
    }

    void validTeamTokenIsAccepted()
    {
        const JwtCheck result = check(makeToken(m_teamKey, teamSpec()));
        QVERIFY2(result.ok, qPrintable(result.failure));
        QCOMPARE(result.keyId, TeamKeyId);
    }

    void individualKeyWithSubUserIsAccepted()
    {
        const JwtCheck result = check(makeToken(m_individualKey, individualSpec()));
        QVERIFY2(result.ok, qPrintable(result.failure));
        QCOMPARE(result.keyId, IndividualKeyId);
    }

    void rejections_data()
    {
        QTest::addColumn<QString>("mutation");
        QTest::addColumn<QString>("expectedWords");
        QTest::newRow("unknown kid") << "kid"
                                     << "kid";
        QTest::newRow("alg HS256") << "alg"
                                   << "alg";
        QTest::newRow("no typ") << "typ"
                                << "typ";
        QTest::newRow("wrong aud") << "aud"
                                   << "aud";
        QTest::newRow("expired") << "expired"
                                 << "expired";
        QTest::newRow("exp equals now") << "expNow"
                                        << "expired";
        QTest::newRow("iat in the future") << "iatFuture"
                                           << "future";
        QTest::newRow("lifetime over 20 min") << "lifetime"
                                              << "20 minutes";
        QTest::newRow("wrong iss") << "iss"
                                   << "iss";
        QTest::newRow("team key with sub user, no iss") << "subInsteadOfIss"
                                                        << "iss";
        QTest::newRow("individual key with iss") << "individualWithIss"
                                                 << "iss";
        QTest::newRow("individual key without sub") << "individualNoSub"
                                                    << "sub";
        QTest::newRow("signed by another key") << "otherKey"
                                               << "signature";
        QTest::newRow("tampered payload") << "tampered"
                                          << "signature";
        QTest::newRow("DER signature") << "der"
                                       << "64-byte";
        QTest::newRow("scope for another path") << "scopePath"
                                                << "scope";
        QTest::newRow("scope for another method") << "scopeMethod"
                                                  << "scope";
        QTest::newRow("scope with another filter") << "scopeFilter"
                                                   << "scope";
    }

    void rejections()
    {
        QFETCH(QString, mutation);
        QFETCH(QString, expectedWords);
        TokenSpec spec = teamSpec();
        KeyPtr key = m_teamKey;
        QByteArray token;
        QString query;
        if (mutation == QLatin1String("kid"))
            spec.keyId = QStringLiteral("NOSUCHKEY1");
        else if (mutation == QLatin1String("alg"))
            spec.algorithm = QStringLiteral("HS256");
        else if (mutation == QLatin1String("typ"))
            spec.type.clear();
        else if (mutation == QLatin1String("aud"))
            spec.audience = QStringLiteral("appstoreconnect-v2");
        else if (mutation == QLatin1String("expired")) {
            spec.issuedAt = Now - 900;
            spec.expiresAt = Now - 1;
        } else if (mutation == QLatin1String("expNow")) {
            spec.expiresAt = Now;
        } else if (mutation == QLatin1String("iatFuture")) {
            spec.issuedAt = Now + 120;
            spec.expiresAt = Now + 600;
        } else if (mutation == QLatin1String("lifetime")) {
            spec.issuedAt = Now - 10;
            spec.expiresAt = spec.issuedAt + 1201;
        } else if (mutation == QLatin1String("iss"))
            spec.issuerId = QStringLiteral("11111111-2222-3333-4444-555555555555");
        else if (mutation == QLatin1String("subInsteadOfIss")) {
            spec.issuerId.clear();
            spec.subject = QStringLiteral("user");
        } else if (mutation == QLatin1String("individualWithIss")) {
            spec = individualSpec();
            spec.issuerId = Issuer;
            key = m_individualKey;
        } else if (mutation == QLatin1String("individualNoSub")) {
            spec = individualSpec();
            spec.subject.clear();
            key = m_individualKey;
        } else if (mutation == QLatin1String("otherKey"))
            key = m_otherKey;
        else if (mutation == QLatin1String("scopePath"))
            spec.scope = {QStringLiteral("GET /v1/builds")};
        else if (mutation == QLatin1String("scopeMethod"))
            spec.scope = {QStringLiteral("POST /v1/apps")};
        else if (mutation == QLatin1String("scopeFilter")) {
            spec.scope = {QStringLiteral("GET /v1/apps?filter[bundleId]=com.example.one")};
            query = QStringLiteral("filter[bundleId]=com.example.two");
        }

        token = makeToken(key, spec);
        if (mutation == QLatin1String("tampered")) {
            QList<QByteArray> parts = token.split('.');
            QJsonObject claims = claimsFor(spec);
            claims.insert(QStringLiteral("exp"), Now + 900);
            parts[1] = base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
            token = parts.join('.');
        } else if (mutation == QLatin1String("der")) {
            // Re-sign producing the DER form some libraries emit instead of R||S.
            const QList<QByteArray> parts = token.split('.');
            const QByteArray input = parts[0] + '.' + parts[1];
            EVP_MD_CTX *context = EVP_MD_CTX_new();
            size_t length = 0;
            EVP_DigestSignInit(context, nullptr, EVP_sha256(), nullptr, key.get());
            EVP_DigestSign(context, nullptr, &length,
                           reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size()));
            QByteArray der(qsizetype(length), '\0');
            EVP_DigestSign(context, reinterpret_cast<unsigned char *>(der.data()), &length,
                           reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size()));
            der.resize(qsizetype(length));
            EVP_MD_CTX_free(context);
            token = input + '.' + base64Url(der);
        }

        const JwtCheck result = check(token, "GET", QStringLiteral("/v1/apps"), query);
        QVERIFY2(!result.ok, qPrintable(mutation));
        QVERIFY2(result.failure.contains(expectedWords, Qt::CaseInsensitive), qPrintable(result.failure));
    }

    void boundariesAreAccepted()
    {
        TokenSpec spec = teamSpec();
        spec.issuedAt = Now - 100;
        spec.expiresAt = spec.issuedAt + 1200; // exactly 20 minutes
        QVERIFY2(check(makeToken(m_teamKey, spec)).ok, "20-minute lifetime");
        spec.issuedAt = Now + 30; // a clock a little ahead is tolerated
        spec.expiresAt = Now + 600;
        QVERIFY2(check(makeToken(m_teamKey, spec)).ok, "iat within skew");
    }

    void malformedHeaders()
    {
        QVERIFY(!m_verifier->verify(QByteArray(), "GET", QStringLiteral("/v1/apps"), {}).ok);
        QVERIFY(m_verifier->verify(QByteArray(), "GET", QStringLiteral("/v1/apps"), {})
                    .failure.contains(QLatin1String("Authorization")));
        const QByteArray token = makeToken(m_teamKey, teamSpec());
        QVERIFY(!m_verifier->verify("Basic " + token, "GET", QStringLiteral("/v1/apps"), {}).ok);
        QVERIFY(!m_verifier->verify("Bearer not.a.jwt!", "GET", QStringLiteral("/v1/apps"), {}).ok);
        QVERIFY(!m_verifier->verify("Bearer onlyonepart", "GET", QStringLiteral("/v1/apps"), {}).ok);
        // The scheme name is case-insensitive.
        QVERIFY(m_verifier->verify("bearer " + token, "GET", QStringLiteral("/v1/apps"), {}).ok);
    }

    void scopeMatching()
    {
        TokenSpec spec = teamSpec();
        spec.scope = {QStringLiteral("GET /v1/builds"),
                      QStringLiteral("GET /v1/apps?filter[platform]=IOS&filter[bundleId]=com.example")};
        const QByteArray token = makeToken(m_teamKey, spec);
        // limit, cursor and sort are ignored; parameter order does not matter.
        QVERIFY(
            check(token, "GET", QStringLiteral("/v1/builds"), QStringLiteral("limit=200&sort=-version")).ok);
        QVERIFY(check(token, "GET", QStringLiteral("/v1/apps"),
                      QStringLiteral("filter[bundleId]=com.example&limit=5&filter[platform]=IOS&cursor=abc"))
                    .ok);
        QVERIFY(!check(token, "GET", QStringLiteral("/v1/apps"), QStringLiteral("filter[platform]=IOS")).ok);
        QVERIFY(!check(token, "GET", QStringLiteral("/v1/builds"), QStringLiteral("filter[app]=1")).ok);
        QVERIFY(!check(token, "GET", QStringLiteral("/v1/builds/1")).ok);
        QVERIFY(JwtVerifier::scopeMatches(QStringLiteral("GET /v1/apps?filter%5Bname%5D=A%20B"), "GET",
                                          QStringLiteral("/v1/apps"),
                                          QUrlQuery(QStringLiteral("filter[name]=A B"))));
    }

    void tokenSignedWithOpenSslCommandLine()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("openssl command line not installed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile keyFile(dir.filePath(QStringLiteral("key.pem")));
        QVERIFY(keyFile.open(QIODevice::WriteOnly));
        keyFile.write(privateKeyPem(m_teamKey));
        keyFile.close();

        const TokenSpec spec = teamSpec();
        const QByteArray input = base64Url(QJsonDocument(headerFor(spec)).toJson(QJsonDocument::Compact)) +
                                 '.' +
                                 base64Url(QJsonDocument(claimsFor(spec)).toJson(QJsonDocument::Compact));
        QProcess process;
        process.start(openssl, {QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-sign"),
                                keyFile.fileName()});
        QVERIFY(process.waitForStarted());
        process.write(input);
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished());
        QCOMPARE(process.exitCode(), 0);
        const QByteArray raw = derToRaw(process.readAllStandardOutput());
        QCOMPARE(raw.size(), 64);
        const JwtCheck result = check(input + '.' + base64Url(raw));
        QVERIFY2(result.ok, qPrintable(result.failure));
    }

    void keyLoadingRefusesOtherKeyTypes()
    {
        QString error;
        KeyPtr rsa(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048)), EVP_PKEY_free);
        QVERIFY(!crypto::loadPublicKeyPem(publicKeyPem(rsa), &error));
        QVERIFY2(error.contains(QLatin1String("elliptic")), qPrintable(error));
        KeyPtr p384(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384"), EVP_PKEY_free);
        QVERIFY(!crypto::loadPublicKeyPem(publicKeyPem(p384), &error));
        QVERIFY2(error.contains(QLatin1String("P-256")), qPrintable(error));
        QVERIFY(!crypto::loadPublicKeyPem("hello", &error));
    }

    void generatedKeyFile()
    {
        QTemporaryDir dir;
        QString error;
        const auto generated = generateApiKey(dir.path(), &error);
        QVERIFY2(generated, qPrintable(error));
        QCOMPARE(generated->key.keyId.size(), 10);
        for (const QChar c : generated->key.keyId)
            QVERIFY(c.isDigit() || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')));
        QVERIFY(!QUuid::fromString(generated->key.issuerId).isNull());
        QFile file(generated->privateKeyPath);
        QCOMPARE(QFileInfo(file).fileName(), QStringLiteral("AuthKey_%1.p8").arg(generated->key.keyId));
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                       QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pem = file.readAll();
        QVERIFY(pem.startsWith("-----BEGIN PRIVATE KEY-----"));
        // A token signed with the written private key verifies against the accepted public key.
        KeyRing ring;
        ring.add(generated->key);
        JwtVerifier verifier(ring);
        const QByteArray token =
            teamToken(loadPrivateKey(pem), generated->key.keyId, generated->key.issuerId);
        QVERIFY(verifier.verify("Bearer " + token, "GET", QStringLiteral("/v1/apps"), {}).ok);
    }

    void keySpecsFromTheCommandLine()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("team:key.pem"))); // a colon in the path is fine
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(publicKeyPem(m_teamKey));
        file.close();
        QString error;
        const auto team =
            parseTeamKeySpec(QStringLiteral("ABC123DEF4:%1:%2").arg(Issuer, file.fileName()), &error);
        QVERIFY2(team, qPrintable(error));
        QCOMPARE(team->issuerId, Issuer);
        QVERIFY(!team->individual);
        const auto individual =
            parseIndividualKeySpec(QStringLiteral("ABC123DEF5:%1").arg(file.fileName()), &error);
        QVERIFY2(individual, qPrintable(error));
        QVERIFY(individual->individual);
        QVERIFY(!parseTeamKeySpec(QStringLiteral("ABC:not-a-uuid:%1").arg(file.fileName()), &error));
        QVERIFY(error.contains(QLatin1String("issuer")));
        QVERIFY(!parseTeamKeySpec(QStringLiteral("ABC:%1:/no/such/file.pem").arg(Issuer), &error));
        QVERIFY(!parseIndividualKeySpec(QStringLiteral("missingpath"), &error));
    }
};

QTEST_GUILESS_MAIN(TestSimJwt)
#include "tst_simjwt.moc"

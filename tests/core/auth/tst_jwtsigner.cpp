// ES256 tokens checked by the openssl command line against the public key, plus claims and token reuse.

#include "core/auth/jwtsigner.h"
#include "opensslcli.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <thread>
#include <vector>

using namespace ascend::auth;
using namespace ascend::test;

namespace {

struct DecodedJwt {
    QByteArray headerJson;
    QJsonObject header;
    QJsonObject payload;
    QByteArray signingInput;
    QByteArray signature; // raw R||S
    bool ok = false;
};

QByteArray fromBase64Url(const QByteArray &text, bool *ok)
{
    const auto result = QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding |
                                                                 QByteArray::AbortOnBase64DecodingErrors);
    *ok = bool(result);
    return result.decoded;
}

DecodedJwt decode(const QByteArray &token)
{
    DecodedJwt jwt;
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return jwt;
    bool ok1 = false, ok2 = false, ok3 = false;
    jwt.headerJson = fromBase64Url(parts[0], &ok1);
    const QByteArray payloadJson = fromBase64Url(parts[1], &ok2);
    jwt.signature = fromBase64Url(parts[2], &ok3);
    jwt.header = QJsonDocument::fromJson(jwt.headerJson).object();
    jwt.payload = QJsonDocument::fromJson(payloadJson).object();
    jwt.signingInput = parts[0] + '.' + parts[1];
    jwt.ok = ok1 && ok2 && ok3 && !jwt.header.isEmpty() && !jwt.payload.isEmpty();
    return jwt;
}

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

JwtClaims teamClaims()
{
    JwtClaims claims;
    claims.keyId = QStringLiteral("2X9R4HXF34");
    claims.issuerId = QStringLiteral("57246542-96fe-1a63-e053-0824d011072a");
    return claims;
}

} // namespace

class TestJwtSigner : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void teamTokenVerifiesWithOpenssl();
    void individualToken();
    void scopeClaim();
    void lifetimeIsClamped_data();
    void lifetimeIsClamped();
    void tamperedPayloadFails();
    void tamperedSignatureFails();
    void otherKeyFails();
    void shortCoordinatesArePadded();
    void signingErrors();

    void reusesOneToken();
    void refreshesNearExpiry();
    void invalidateSignsAgain();
    void clockGoingBackSignsAgain();
    void shortLifetimeStillReuses();
    void wallClockByDefault();
    void threadSafe();
    void failureReportsError();
    void tokensNeverLogged();

private:
    bool verifies(const QByteArray &token) const
    {
        const DecodedJwt jwt = decode(token);
        return jwt.ok && opensslVerifiesEs256(m_publicKeyPath, jwt.signingInput, jwt.signature);
    }

    QTemporaryDir m_dir;
    QString m_publicKeyPath;
    ApiKey m_key;
};

void TestJwtSigner::initTestCase()
{
    QVERIFY2(!opensslProgram().isEmpty(),
             "the openssl command line is needed as the reference implementation");
    const QString keyPath = m_dir.filePath(QStringLiteral("AuthKey_2X9R4HXF34.p8"));
    QVERIFY(generateKey(keyPath, QStringLiteral("EC"), QStringLiteral("P-256")));
    // The verifying key comes from openssl, not from our own export.
    m_publicKeyPath = m_dir.filePath(QStringLiteral("public.pem"));
    QFile publicKey(m_publicKeyPath);
    QVERIFY(publicKey.open(QIODevice::WriteOnly));
    publicKey.write(publicKeyOf(keyPath));
    publicKey.close();
    QString error;
    m_key = ApiKey::fromPemFile(keyPath, &error);
    QVERIFY2(m_key.isValid(), qPrintable(error));
}

void TestJwtSigner::teamTokenVerifiesWithOpenssl()
{
    const qint64 iat = 1767225600; // 2026-01-01T00:00:00Z
    QString error;
    const QByteArray token = signJwt(m_key, teamClaims(), iat, &error);
    QVERIFY2(!token.isEmpty(), qPrintable(error));
    QVERIFY(!token.contains('=') && !token.contains('+') && !token.contains('/'));

    const DecodedJwt jwt = decode(token);
    QVERIFY(jwt.ok);
    QCOMPARE(jwt.headerJson, QByteArray(R"({"alg":"ES256","kid":"2X9R4HXF34","typ":"JWT"})"));
    QCOMPARE(jwt.payload.size(), 4);
    QCOMPARE(jwt.payload.value("iss").toString(), QStringLiteral("57246542-96fe-1a63-e053-0824d011072a"));
    QVERIFY(!jwt.payload.contains("sub"));
    QVERIFY(!jwt.payload.contains("scope"));
    QCOMPARE(jwt.payload.value("aud").toString(), QStringLiteral("appstoreconnect-v1"));
    QCOMPARE(jwt.payload.value("iat").toInteger(), iat);
    QCOMPARE(jwt.payload.value("exp").toInteger(), iat + 1200);
    QCOMPARE(jwt.signature.size(), 64);

    QVERIFY(opensslVerifiesEs256(m_publicKeyPath, jwt.signingInput, jwt.signature));
}

void TestJwtSigner::individualToken()
{
    JwtClaims claims = teamClaims();
    claims.individualKey = true;
    const QByteArray token = signJwt(m_key, claims, 1767225600, nullptr);
    const DecodedJwt jwt = decode(token);
    QVERIFY(jwt.ok);
    QCOMPARE(jwt.payload.value("sub").toString(), QStringLiteral("user"));
    QVERIFY(!jwt.payload.contains("iss"));
    QCOMPARE(jwt.payload.value("aud").toString(), QStringLiteral("appstoreconnect-v1"));
    QCOMPARE(jwt.header.value("kid").toString(), QStringLiteral("2X9R4HXF34"));
    QVERIFY(verifies(token));

    // Individual keys need no issuer ID.
    claims.issuerId.clear();
    QVERIFY(verifies(signJwt(m_key, claims, 1767225600, nullptr)));
}

void TestJwtSigner::scopeClaim()
{
    JwtClaims claims = teamClaims();
    claims.scope = {QStringLiteral("GET /v1/apps?filter[platform]=IOS"), QStringLiteral("GET /v1/builds")};
    const QByteArray token = signJwt(m_key, claims, 1767225600, nullptr);
    const DecodedJwt jwt = decode(token);
    QVERIFY(jwt.ok);
    QCOMPARE(
        jwt.payload.value("scope").toArray(),
        QJsonArray({QStringLiteral("GET /v1/apps?filter[platform]=IOS"), QStringLiteral("GET /v1/builds")}));
    QVERIFY(verifies(token));
}

void TestJwtSigner::lifetimeIsClamped_data()
{
    QTest::addColumn<int>("requested");
    QTest::addColumn<int>("expected");
    QTest::newRow("default") << 1200 << 1200;
    QTest::newRow("shorter") << 300 << 300;
    QTest::newRow("one hour") << 3600 << 1200;
    QTest::newRow("six months") << 15552000 << 1200;
    QTest::newRow("zero") << 0 << 1200;
    QTest::newRow("negative") << -5 << 1200;
}

void TestJwtSigner::lifetimeIsClamped()
{
    QFETCH(int, requested);
    QFETCH(int, expected);
    JwtClaims claims = teamClaims();
    claims.lifetimeSeconds = requested;
    const DecodedJwt jwt = decode(signJwt(m_key, claims, 1767225600, nullptr));
    QVERIFY(jwt.ok);
    const qint64 lifetime = jwt.payload.value("exp").toInteger() - jwt.payload.value("iat").toInteger();
    QCOMPARE(lifetime, qint64(expected));
    QVERIFY(lifetime <= 1200);
}

void TestJwtSigner::tamperedPayloadFails()
{
    const QByteArray token = signJwt(m_key, teamClaims(), 1767225600, nullptr);
    QVERIFY(verifies(token));
    DecodedJwt jwt = decode(token);
    QJsonObject payload = jwt.payload;
    payload.insert("exp", payload.value("exp").toInteger() + 3600);
    const QList<QByteArray> parts = token.split('.');
    const QByteArray forged =
        parts[0] + '.' + base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact)) + '.' + parts[2];
    QVERIFY(!verifies(forged));
}

void TestJwtSigner::tamperedSignatureFails()
{
    const QByteArray token = signJwt(m_key, teamClaims(), 1767225600, nullptr);
    DecodedJwt jwt = decode(token);
    QVERIFY(jwt.ok);
    for (int index : {0, 31, 32, 63}) {
        QByteArray signature = jwt.signature;
        signature[index] = char(signature[index] ^ 0x01);
        QVERIFY(!opensslVerifiesEs256(m_publicKeyPath, jwt.signingInput, signature));
    }
    QVERIFY(opensslVerifiesEs256(m_publicKeyPath, jwt.signingInput, jwt.signature));
}

void TestJwtSigner::otherKeyFails()
{
    const ApiKey other = ApiKey::generate();
    QVERIFY(other.isValid());
    QVERIFY(!verifies(signJwt(other, teamClaims(), 1767225600, nullptr)));
}

void TestJwtSigner::shortCoordinatesArePadded()
{
    // About 1 signature in 128 has an R or S below 2^248; such a signature must still be 64 bytes with the
    // leading zero kept, or verifiers read a different number.
    QByteArray found;
    QByteArray foundInput;
    for (int i = 0; i < 5000 && found.isEmpty(); ++i) {
        const DecodedJwt jwt = decode(signJwt(m_key, teamClaims(), 1767225600 + i, nullptr));
        QVERIFY(jwt.ok);
        QCOMPARE(jwt.signature.size(), 64);
        if (jwt.signature.at(0) == '\0' || jwt.signature.at(32) == '\0') {
            found = jwt.signature;
            foundInput = jwt.signingInput;
        }
    }
    QVERIFY(!found.isEmpty());
    QVERIFY(opensslVerifiesEs256(m_publicKeyPath, foundInput, found));
}

void TestJwtSigner::signingErrors()
{
    QString error;
    QVERIFY(signJwt(ApiKey(), teamClaims(), 1767225600, &error).isEmpty());
    QVERIFY2(error.contains(QLatin1String("No API key")), qPrintable(error));

    JwtClaims noKeyId = teamClaims();
    noKeyId.keyId.clear();
    QVERIFY(signJwt(m_key, noKeyId, 1767225600, &error).isEmpty());
    QVERIFY2(error.contains(QLatin1String("key ID")), qPrintable(error));

    JwtClaims noIssuer = teamClaims();
    noIssuer.issuerId = QStringLiteral("  ");
    QVERIFY(signJwt(m_key, noIssuer, 1767225600, &error).isEmpty());
    QVERIFY2(error.contains(QLatin1String("issuer ID")), qPrintable(error));
}

void TestJwtSigner::reusesOneToken()
{
    qint64 now = 1767225600;
    JwtSigner signer(m_key, teamClaims(), [&now] { return now; });
    const QByteArray first = signer.bearerToken();
    QVERIFY(verifies(first));
    for (int i = 0; i < 1000; ++i) {
        now = 1767225600 + i; // the first 1000 s of a 1200 s token
        QCOMPARE(signer.bearerToken(), first);
    }
    QCOMPARE(signer.signatureCount(), 1);
    QCOMPARE(signer.expiresAt(), qint64(1767225600 + 1200));
}

void TestJwtSigner::refreshesNearExpiry()
{
    qint64 now = 1767225600;
    JwtSigner signer(m_key, teamClaims(), [&now] { return now; });
    QCOMPARE(signer.refreshMarginSeconds(), 60);
    const QByteArray first = signer.bearerToken();
    const qint64 exp = decode(first).payload.value("exp").toInteger();

    now = exp - 61;
    QCOMPARE(signer.bearerToken(), first);
    QCOMPARE(signer.signatureCount(), 1);

    now = exp - 59;
    const QByteArray second = signer.bearerToken();
    QVERIFY(second != first);
    QCOMPARE(signer.signatureCount(), 2);
    const DecodedJwt jwt = decode(second);
    QCOMPARE(jwt.payload.value("iat").toInteger(), now);
    QCOMPARE(jwt.payload.value("exp").toInteger(), now + 1200);
    QVERIFY(verifies(second));

    now += 5000; // long after expiry
    QVERIFY(signer.bearerToken() != second);
    QCOMPARE(signer.signatureCount(), 3);
}

void TestJwtSigner::invalidateSignsAgain()
{
    qint64 now = 1767225600;
    JwtSigner signer(m_key, teamClaims(), [&now] { return now; });
    const QByteArray first = signer.bearerToken();
    signer.invalidate();
    QCOMPARE(signer.expiresAt(), qint64(0));
    const QByteArray second = signer.bearerToken();
    QVERIFY(second != first); // ECDSA signatures are randomised
    QCOMPARE(signer.signatureCount(), 2);
    QVERIFY(verifies(second));
    QCOMPARE(signer.bearerToken(), second);
    QCOMPARE(signer.signatureCount(), 2);
}

void TestJwtSigner::clockGoingBackSignsAgain()
{
    qint64 now = 1767225600;
    JwtSigner signer(m_key, teamClaims(), [&now] { return now; });
    signer.bearerToken();
    now -= 600; // the cached token's iat would lie in the future
    const DecodedJwt jwt = decode(signer.bearerToken());
    QCOMPARE(signer.signatureCount(), 2);
    QCOMPARE(jwt.payload.value("iat").toInteger(), now);
}

void TestJwtSigner::shortLifetimeStillReuses()
{
    qint64 now = 1767225600;
    JwtClaims claims = teamClaims();
    claims.lifetimeSeconds = 60; // the margin is capped at half the lifetime
    JwtSigner signer(m_key, claims, [&now] { return now; });
    const QByteArray first = signer.bearerToken();
    now += 29;
    QCOMPARE(signer.bearerToken(), first);
    now += 1;
    QVERIFY(signer.bearerToken() != first);
    QCOMPARE(signer.signatureCount(), 2);
}

void TestJwtSigner::wallClockByDefault()
{
    JwtSigner signer(m_key, teamClaims());
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const DecodedJwt jwt = decode(signer.bearerToken());
    const qint64 after = QDateTime::currentSecsSinceEpoch();
    QVERIFY(jwt.ok);
    const qint64 iat = jwt.payload.value("iat").toInteger();
    QVERIFY(iat >= before && iat <= after);
    QCOMPARE(signer.expiresAt(), iat + 1200);
}

void TestJwtSigner::threadSafe()
{
    JwtSigner signer(m_key, teamClaims());
    signer.invalidate();
    std::atomic<int> mismatches{0};
    std::atomic<int> empties{0};
    const QByteArray reference = signer.bearerToken();
    signer.invalidate();
    std::vector<std::thread> threads;
    QByteArray tokens[8];
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 250; ++i) {
                const QByteArray token = signer.bearerToken();
                if (token.isEmpty())
                    ++empties;
                if (tokens[t].isEmpty())
                    tokens[t] = token;
                else if (token != tokens[t])
                    ++mismatches;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(empties.load(), 0);
    QCOMPARE(mismatches.load(), 0);
    QCOMPARE(signer.signatureCount(), 2); // one before invalidate(), one shared by all 2000 calls
    for (const QByteArray &token : tokens)
        QCOMPARE(token, tokens[0]);
    QVERIFY(tokens[0] != reference);
    QVERIFY(verifies(tokens[0]));
}

void TestJwtSigner::failureReportsError()
{
    JwtClaims claims = teamClaims();
    claims.issuerId.clear();
    JwtSigner signer(m_key, claims);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("issuer ID")));
    QVERIFY(signer.bearerToken().isEmpty());
    QVERIFY(signer.errorString().contains(QLatin1String("issuer ID")));
    QCOMPARE(signer.signatureCount(), 0);
}

namespace {
QStringList g_messages;
void collectMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_messages.append(message);
}
} // namespace

void TestJwtSigner::tokensNeverLogged()
{
    QLoggingCategory::setFilterRules(QStringLiteral("ascend.auth.debug=true"));
    g_messages.clear();
    const QtMessageHandler previous = qInstallMessageHandler(collectMessage);
    JwtSigner signer(m_key, teamClaims());
    const QByteArray token = signer.bearerToken();
    signer.invalidate();
    const QByteArray second = signer.bearerToken();
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());

    QVERIFY(!g_messages.isEmpty()); // the debug line about signing was written
    const QByteArray privatePem = m_key.privateKeyPem();
    for (const QString &message : std::as_const(g_messages)) {
        for (const QByteArray &part : token.split('.') + second.split('.'))
            QVERIFY2(!message.contains(QString::fromLatin1(part)), qPrintable(message));
        QVERIFY(!message.contains(QLatin1String("PRIVATE KEY")));
        QVERIFY(!message.contains(QString::fromLatin1(privatePem.mid(40, 30))));
    }
}

QTEST_GUILESS_MAIN(TestJwtSigner)
#include "tst_jwtsigner.moc"

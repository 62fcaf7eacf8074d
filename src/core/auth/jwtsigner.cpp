#include "core/auth/jwtsigner.h"

#include "core/auth/authlogging.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <memory>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>

namespace ascend::auth {

namespace {

constexpr int kCoordinateBytes = 32; // P-256: R and S are 32 bytes each

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

int clampedLifetime(int requested)
{
    return requested <= 0 ? kMaxJwtLifetimeSeconds : std::min(requested, kMaxJwtLifetimeSeconds);
}

// ECDSA P-256 over SHA-256; returns the JWS form R||S (64 bytes), not OpenSSL's DER.
QByteArray signEs256(EVP_PKEY *pkey, const QByteArray &input)
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, pkey) != 1)
        return {};
    const auto *data = reinterpret_cast<const unsigned char *>(input.constData());
    size_t derLength = 0;
    if (EVP_DigestSign(ctx.get(), nullptr, &derLength, data, size_t(input.size())) != 1)
        return {};
    QByteArray der(qsizetype(derLength), Qt::Uninitialized);
    auto *derData = reinterpret_cast<unsigned char *>(der.data());
    if (EVP_DigestSign(ctx.get(), derData, &derLength, data, size_t(input.size())) != 1)
        return {};

    const unsigned char *p = derData;
    std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> sig(d2i_ECDSA_SIG(nullptr, &p, long(derLength)),
                                                              ECDSA_SIG_free);
    if (!sig)
        return {};
    const BIGNUM *r = nullptr;
    const BIGNUM *s = nullptr;
    ECDSA_SIG_get0(sig.get(), &r, &s);
    QByteArray raw(2 * kCoordinateBytes, '\0');
    auto *out = reinterpret_cast<unsigned char *>(raw.data());
    if (BN_bn2binpad(r, out, kCoordinateBytes) != kCoordinateBytes ||
        BN_bn2binpad(s, out + kCoordinateBytes, kCoordinateBytes) != kCoordinateBytes)
        return {};
    return raw;
}

} // namespace

QByteArray signJwt(const ApiKey &key, const JwtClaims &claims, qint64 issuedAt, QString *errorMessage)
{
    const auto fail = [errorMessage](const QString &message) {
        if (errorMessage)
            *errorMessage = message;
        return QByteArray();
    };
    if (!key.isValid())
        return fail(JwtSigner::tr("No API key is loaded, so no App Store Connect token can be signed."));
    if (claims.keyId.trimmed().isEmpty())
        return fail(JwtSigner::tr(
            "The key ID is empty. Copy it from App Store Connect → Users and Access → Integrations → "
            "App Store Connect API (the “Key ID” column)."));
    if (!claims.individualKey && claims.issuerId.trimmed().isEmpty())
        return fail(JwtSigner::tr(
            "The issuer ID is empty. Team keys need the issuer ID shown above the key list in App "
            "Store Connect → Users and Access → Integrations → App Store Connect API."));

    const QJsonObject header{
        {QStringLiteral("alg"), QStringLiteral("ES256")},
        {QStringLiteral("kid"), claims.keyId},
        {QStringLiteral("typ"), QStringLiteral("JWT")},
    };
    QJsonObject payload{
        {QStringLiteral("iat"), issuedAt},
        {QStringLiteral("exp"), issuedAt + clampedLifetime(claims.lifetimeSeconds)},
        {QStringLiteral("aud"), QLatin1String(kJwtAudience)},
    };
    if (claims.individualKey)
        payload.insert(QStringLiteral("sub"), QStringLiteral("user"));
    else
        payload.insert(QStringLiteral("iss"), claims.issuerId);
    if (!claims.scope.isEmpty())
        payload.insert(QStringLiteral("scope"), QJsonArray::fromStringList(claims.scope));

    const QByteArray signingInput = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
                                    base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    const QByteArray signature = signEs256(key.evpKey(), signingInput);
    if (signature.isEmpty()) {
        ERR_clear_error();
        return fail(
            JwtSigner::tr("Signing the App Store Connect token failed (OpenSSL could not create an ES256 "
                          "signature with this key)."));
    }
    return signingInput + '.' + base64Url(signature);
}

JwtSigner::JwtSigner(ApiKey key, JwtClaims claims, std::function<qint64()> nowSeconds)
    : m_key(std::move(key))
    , m_claims(std::move(claims))
    , m_now(nowSeconds ? std::move(nowSeconds) : [] { return QDateTime::currentSecsSinceEpoch(); })
{}

QByteArray JwtSigner::bearerToken()
{
    QMutexLocker locker(&m_mutex);
    const qint64 now = m_now();
    const int margin = std::min(m_refreshMargin, clampedLifetime(m_claims.lifetimeSeconds) / 2);
    if (!m_token.isEmpty() && now < m_expiresAt - margin && now >= m_issuedAt)
        return m_token;

    QString error;
    QByteArray token = signJwt(m_key, m_claims, now, &error);
    if (token.isEmpty()) {
        m_token.clear();
        m_expiresAt = 0;
        m_error = error;
        qCWarning(lcAuth) << "Cannot sign an App Store Connect token:" << error;
        return {};
    }
    m_token = std::move(token);
    m_issuedAt = now;
    m_expiresAt = now + clampedLifetime(m_claims.lifetimeSeconds);
    m_error.clear();
    ++m_signatureCount;
    qCDebug(lcAuth) << "Signed a new App Store Connect token for key" << m_claims.keyId << "valid for"
                    << m_expiresAt - now << "s";
    return m_token;
}

void JwtSigner::invalidate()
{
    QMutexLocker locker(&m_mutex);
    m_token.clear();
    m_expiresAt = 0;
}

QString JwtSigner::errorString() const
{
    QMutexLocker locker(&m_mutex);
    return m_error;
}

int JwtSigner::signatureCount() const
{
    QMutexLocker locker(&m_mutex);
    return m_signatureCount;
}

qint64 JwtSigner::expiresAt() const
{
    QMutexLocker locker(&m_mutex);
    return m_expiresAt;
}

void JwtSigner::setRefreshMarginSeconds(int seconds)
{
    QMutexLocker locker(&m_mutex);
    m_refreshMargin = std::max(0, seconds);
}

int JwtSigner::refreshMarginSeconds() const
{
    QMutexLocker locker(&m_mutex);
    return m_refreshMargin;
}

JwtClaims JwtSigner::claims() const
{
    return m_claims;
}

} // namespace ascend::auth

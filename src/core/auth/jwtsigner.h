#pragma once
// ES256 JSON Web Tokens for the App Store Connect API (DIGEST §8), and a TokenSource that reuses one
// signed token until shortly before it expires.

#include "core/auth/apikey.h"
#include "core/auth/tokensource.h"

#include <QCoreApplication>
#include <QMutex>
#include <QStringList>
#include <functional>

namespace ascend::auth {

struct JwtClaims {
    QString keyId;              // header "kid"
    QString issuerId;           // "iss" for team keys; ignored for individual keys
    bool individualKey = false; // individual keys send "sub": "user" instead of "iss"
    QStringList scope;          // optional "scope" array, e.g. "GET /v1/apps?filter[platform]=IOS"
    int lifetimeSeconds = 1200; // at most 1200 (App Store Connect rejects longer ones); <= 0 means 1200
};

inline constexpr int kMaxJwtLifetimeSeconds = 1200;
inline constexpr const char *kJwtAudience = "appstoreconnect-v1";

// One signed token "header.payload.signature" with iat = issuedAt and exp = iat + clamped lifetime.
// Empty plus *errorMessage on failure.
QByteArray signJwt(const ApiKey &key, const JwtClaims &claims, qint64 issuedAt, QString *errorMessage);

class JwtSigner : public TokenSource {
    Q_DECLARE_TR_FUNCTIONS(ascend::auth::JwtSigner)

public:
    // nowSeconds returns Unix time in seconds; empty = the wall clock. Tests inject their own clock.
    JwtSigner(ApiKey key, JwtClaims claims, std::function<qint64()> nowSeconds = {});

    // Thread-safe. Signs only when there is no token yet, after invalidate(), or when fewer than
    // refreshMarginSeconds() remain (capped at half the lifetime so a short lifetime still reuses tokens).
    QByteArray bearerToken() override;
    void invalidate() override;
    QString errorString() const override;

    int signatureCount() const;
    qint64 expiresAt() const; // exp of the cached token, 0 when there is none
    void setRefreshMarginSeconds(int seconds);
    int refreshMarginSeconds() const;
    JwtClaims claims() const;

private:
    const ApiKey m_key;
    const JwtClaims m_claims;
    const std::function<qint64()> m_now;

    mutable QMutex m_mutex;
    QByteArray m_token;
    qint64 m_issuedAt = 0; // a token "issued" in the future after the clock went back is re-signed
    qint64 m_expiresAt = 0;
    int m_refreshMargin = 60;
    int m_signatureCount = 0;
    QString m_error;
};

} // namespace ascend::auth

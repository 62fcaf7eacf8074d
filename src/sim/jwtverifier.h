#pragma once
// Checks a request's bearer token the way App Store Connect does: ES256 with a known kid, header
// alg/typ, audience, expiry, issued-at skew, lifetime of at most 20 minutes, iss (team keys) or
// sub "user" (individual keys), and the optional scope against the request.

#include <QByteArray>
#include <QString>
#include <QUrlQuery>
#include <functional>

namespace ascend::sim {

class KeyRing;

struct JwtCheck {
    bool ok = false;
    QString keyId;   // the kid, when the token got that far
    QString failure; // which check failed, in words for the error detail
};

class JwtVerifier {
public:
    static constexpr qint64 MaxLifetimeSeconds = 20 * 60;
    static constexpr qint64 AllowedSkewSeconds = 60;
    static constexpr const char *Audience = "appstoreconnect-v1";

    explicit JwtVerifier(const KeyRing &keys);

    // For tests: the current time in seconds since the epoch.
    void setClock(std::function<qint64()> nowSeconds) { m_now = std::move(nowSeconds); }

    JwtCheck verify(const QByteArray &authorizationHeader, const QByteArray &method, const QString &path,
                    const QUrlQuery &query) const;

    // One scope entry ("GET /v1/apps?filter[platform]=IOS") against a request. Method and path must be equal;
    // the query parameters must be the same set, in any order, not counting limit, cursor and sort.
    static bool scopeMatches(const QString &scope, const QByteArray &method, const QString &path,
                             const QUrlQuery &query);

private:
    const KeyRing &m_keys;
    std::function<qint64()> m_now;
};

} // namespace ascend::sim

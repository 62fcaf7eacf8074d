#include "sim/jwtverifier.h"

#include "sim/apikeys.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <algorithm>
#include <cmath>

namespace ascend::sim {
namespace {

JwtCheck fail(const QString &failure, const QString &keyId = {})
{
    return JwtCheck{false, keyId, failure};
}

bool decodeSegment(const QByteArray &segment, QByteArray *out)
{
    const auto decoded = QByteArray::fromBase64Encoding(segment, QByteArray::Base64UrlEncoding |
                                                                     QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || segment.contains('=') || segment.isEmpty())
        return false;
    *out = *decoded;
    return true;
}

bool decodeJsonSegment(const QByteArray &segment, QJsonObject *out)
{
    QByteArray json;
    if (!decodeSegment(segment, &json))
        return false;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return false;
    *out = document.object();
    return true;
}

// A NumericDate claim as whole seconds; false when absent or not a number.
bool numericClaim(const QJsonObject &claims, const char *name, qint64 *out)
{
    const QJsonValue value = claims.value(QLatin1String(name));
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        return false;
    *out = static_cast<qint64>(std::floor(value.toDouble()));
    return true;
}

using QueryItems = QList<QPair<QString, QString>>;

QueryItems significantItems(const QueryItems &items)
{
    QueryItems out;
    for (const auto &item : items) {
        if (item.first != QLatin1String("limit") && item.first != QLatin1String("cursor") &&
            item.first != QLatin1String("sort")) {
            out.append(item);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

JwtVerifier::JwtVerifier(const KeyRing &keys)
    : m_keys(keys)
    , m_now([] { return QDateTime::currentSecsSinceEpoch(); })
{}

bool JwtVerifier::scopeMatches(const QString &scope, const QByteArray &method, const QString &path,
                               const QUrlQuery &query)
{
    const qsizetype space = scope.indexOf(QLatin1Char(' '));
    if (space <= 0)
        return false;
    if (scope.left(space) != QLatin1String(method))
        return false;
    const QString target = scope.mid(space + 1).trimmed();
    const qsizetype question = target.indexOf(QLatin1Char('?'));
    const QString scopePath =
        QUrl::fromPercentEncoding((question < 0 ? target : target.left(question)).toUtf8());
    if (scopePath != path)
        return false;
    const QUrlQuery scopeQuery(question < 0 ? QString() : target.mid(question + 1));
    return significantItems(scopeQuery.queryItems(QUrl::FullyDecoded)) ==
           significantItems(query.queryItems(QUrl::FullyDecoded));
}

JwtCheck JwtVerifier::verify(const QByteArray &authorizationHeader, const QByteArray &method,
                             const QString &path, const QUrlQuery &query) const
{
    if (authorizationHeader.isEmpty())
        return fail(
            QStringLiteral("The request has no Authorization header. Send 'Authorization: Bearer <token>' "
                           "with a JWT signed by your API key."));
    const QByteArray header = authorizationHeader.trimmed();
    if (header.size() < 8 || qstrnicmp(header.constData(), "Bearer ", 7) != 0)
        return fail(QStringLiteral("The Authorization header does not use the Bearer scheme."));
    const QByteArray token = header.mid(7).trimmed();
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return fail(QStringLiteral("The bearer token is not a JWT (expected three dot-separated parts)."));

    QJsonObject jose;
    QJsonObject claims;
    QByteArray signature;
    if (!decodeJsonSegment(parts.at(0), &jose))
        return fail(QStringLiteral("The JWT header is not base64url-encoded JSON."));
    if (!decodeJsonSegment(parts.at(1), &claims))
        return fail(QStringLiteral("The JWT payload is not base64url-encoded JSON."));
    if (!decodeSegment(parts.at(2), &signature))
        return fail(QStringLiteral("The JWT signature is not base64url-encoded."));

    if (jose.value(QLatin1String("alg")).toString() != QLatin1String("ES256"))
        return fail(QStringLiteral("The JWT header alg must be ES256."));
    if (jose.value(QLatin1String("typ")).toString() != QLatin1String("JWT"))
        return fail(QStringLiteral("The JWT header typ must be JWT."));
    const QString keyId = jose.value(QLatin1String("kid")).toString();
    if (keyId.isEmpty())
        return fail(QStringLiteral("The JWT header has no kid (key id)."));
    const ApiKey *key = m_keys.find(keyId);
    if (!key)
        return fail(QStringLiteral("The JWT header kid does not name a known API key."), keyId);

    const QByteArray signingInput = parts.at(0) + '.' + parts.at(1);
    if (signature.size() != 64)
        return fail(QStringLiteral("The JWT signature is not a 64-byte ES256 (R||S) signature."), keyId);
    if (!crypto::verifyEs256(key->publicKey, signingInput, signature))
        return fail(QStringLiteral("The JWT signature does not verify with the key named by kid."), keyId);

    if (claims.value(QLatin1String("aud")).toString() != QLatin1String(Audience))
        return fail(QStringLiteral("The JWT aud claim must be \"%1\".").arg(QLatin1String(Audience)), keyId);

    qint64 expiresAt = 0;
    qint64 issuedAt = 0;
    if (!numericClaim(claims, "exp", &expiresAt))
        return fail(QStringLiteral("The JWT has no numeric exp claim."), keyId);
    if (!numericClaim(claims, "iat", &issuedAt))
        return fail(QStringLiteral("The JWT has no numeric iat claim."), keyId);
    const qint64 now = m_now();
    if (expiresAt <= now)
        return fail(QStringLiteral("The JWT has expired."), keyId);
    if (issuedAt > now + AllowedSkewSeconds)
        return fail(QStringLiteral("The JWT iat claim is in the future."), keyId);
    if (expiresAt - issuedAt > MaxLifetimeSeconds)
        return fail(QStringLiteral("The JWT lifetime (exp - iat) is longer than 20 minutes."), keyId);

    if (key->individual) {
        if (claims.contains(QLatin1String("iss")))
            return fail(QStringLiteral("A token for an individual key must not carry an iss claim."), keyId);
        if (claims.value(QLatin1String("sub")).toString() != QLatin1String("user"))
            return fail(QStringLiteral("A token for an individual key must carry sub \"user\"."), keyId);
    } else {
        if (claims.value(QLatin1String("iss")).toString() != key->issuerId)
            return fail(QStringLiteral("The JWT iss claim does not match the issuer id of the key."), keyId);
    }

    if (claims.contains(QLatin1String("scope"))) {
        const QJsonValue scopeValue = claims.value(QLatin1String("scope"));
        if (!scopeValue.isArray())
            return fail(QStringLiteral("The JWT scope claim must be an array of strings."), keyId);
        const QJsonArray scopes = scopeValue.toArray();
        const bool allowed = std::any_of(scopes.begin(), scopes.end(), [&](const QJsonValue &entry) {
            return entry.isString() && scopeMatches(entry.toString(), method, path, query);
        });
        if (!allowed)
            return fail(
                QStringLiteral("The JWT scope does not allow %1 %2.").arg(QLatin1String(method), path),
                keyId);
    }
    return JwtCheck{true, keyId, {}};
}

} // namespace ascend::sim

#pragma once
// Test-side ES256 JWTs made directly with OpenSSL, independent of the simulator's own code.

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace ascend::sim::test {

using KeyPtr = std::shared_ptr<EVP_PKEY>;

KeyPtr generateKey();
KeyPtr loadPrivateKey(const QByteArray &pem);
QByteArray publicKeyPem(const KeyPtr &key);
QByteArray privateKeyPem(const KeyPtr &key);

QByteArray base64Url(const QByteArray &data);
// Raw R||S from a DER ECDSA signature.
QByteArray derToRaw(const QByteArray &der);
// ES256 over header.payload; the signature is converted from DER to raw R||S.
QByteArray signToken(const KeyPtr &key, const QJsonObject &header, const QJsonObject &claims);

struct TokenSpec {
    QString keyId;
    QString issuerId; // empty: no iss claim
    QString subject;  // empty: no sub claim
    qint64 issuedAt = 0;
    qint64 expiresAt = 0;
    QString audience = QStringLiteral("appstoreconnect-v1");
    QString algorithm = QStringLiteral("ES256");
    QString type = QStringLiteral("JWT");
    QStringList scope; // empty: no scope claim
};

QJsonObject headerFor(const TokenSpec &spec);
QJsonObject claimsFor(const TokenSpec &spec);
QByteArray makeToken(const KeyPtr &key, const TokenSpec &spec);
// A token valid now for 10 minutes.
QByteArray teamToken(const KeyPtr &key, const QString &keyId, const QString &issuerId);

} // namespace ascend::sim::test

#include "testtokens.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace ascend::sim::test {
namespace {

QByteArray bioText(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return QByteArray(data, length);
}

} // namespace

KeyPtr generateKey()
{
    return KeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"), EVP_PKEY_free);
}

KeyPtr loadPrivateKey(const QByteArray &pem)
{
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    return KeyPtr(key, EVP_PKEY_free);
}

QByteArray publicKeyPem(const KeyPtr &key)
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(bio, key.get());
    const QByteArray pem = bioText(bio);
    BIO_free(bio);
    return pem;
}

QByteArray privateKeyPem(const KeyPtr &key)
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    const QByteArray pem = bioText(bio);
    BIO_free(bio);
    return pem;
}

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray derToRaw(const QByteArray &der)
{
    const unsigned char *cursor = reinterpret_cast<const unsigned char *>(der.constData());
    ECDSA_SIG *signature = d2i_ECDSA_SIG(nullptr, &cursor, long(der.size()));
    if (!signature)
        return {};
    const BIGNUM *r = nullptr;
    const BIGNUM *s = nullptr;
    ECDSA_SIG_get0(signature, &r, &s);
    QByteArray raw(64, '\0');
    BN_bn2binpad(r, reinterpret_cast<unsigned char *>(raw.data()), 32);
    BN_bn2binpad(s, reinterpret_cast<unsigned char *>(raw.data()) + 32, 32);
    ECDSA_SIG_free(signature);
    return raw;
}

QByteArray signToken(const KeyPtr &key, const QJsonObject &header, const QJsonObject &claims)
{
    const QByteArray input = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
                             base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    size_t length = 0;
    QByteArray der;
    if (EVP_DigestSignInit(context, nullptr, EVP_sha256(), nullptr, key.get()) == 1 &&
        EVP_DigestSign(context, nullptr, &length, reinterpret_cast<const unsigned char *>(input.constData()),
                       size_t(input.size())) == 1) {
        der.resize(qsizetype(length));
        if (EVP_DigestSign(context, reinterpret_cast<unsigned char *>(der.data()), &length,
                           reinterpret_cast<const unsigned char *>(input.constData()),
                           size_t(input.size())) == 1) {
            der.resize(qsizetype(length));
        } else {
            der.clear();
        }
    }
    EVP_MD_CTX_free(context);
    return input + '.' + base64Url(derToRaw(der));
}

QJsonObject headerFor(const TokenSpec &spec)
{
    QJsonObject header{{QStringLiteral("alg"), spec.algorithm}, {QStringLiteral("kid"), spec.keyId}};
    if (!spec.type.isEmpty())
        header.insert(QStringLiteral("typ"), spec.type);
    return header;
}

QJsonObject claimsFor(const TokenSpec &spec)
{
    QJsonObject claims{{QStringLiteral("iat"), spec.issuedAt},
                       {QStringLiteral("exp"), spec.expiresAt},
                       {QStringLiteral("aud"), spec.audience}};
    if (!spec.issuerId.isEmpty())
        claims.insert(QStringLiteral("iss"), spec.issuerId);
    if (!spec.subject.isEmpty())
        claims.insert(QStringLiteral("sub"), spec.subject);
    if (!spec.scope.isEmpty())
        claims.insert(QStringLiteral("scope"), QJsonArray::fromStringList(spec.scope));
    return claims;
}

QByteArray makeToken(const KeyPtr &key, const TokenSpec &spec)
{
    return signToken(key, headerFor(spec), claimsFor(spec));
}

QByteArray teamToken(const KeyPtr &key, const QString &keyId, const QString &issuerId)
{
    TokenSpec spec;
    spec.keyId = keyId;
    spec.issuerId = issuerId;
    spec.issuedAt = QDateTime::currentSecsSinceEpoch();
    spec.expiresAt = spec.issuedAt + 600;
    return makeToken(key, spec);
}

} // namespace ascend::sim::test

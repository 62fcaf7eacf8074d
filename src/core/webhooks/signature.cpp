#include "core/webhooks/signature.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace ascend::webhooks {

namespace {

constexpr int DigestBytes = 32;

QByteArray hmacSha256(const QByteArray &secret, const QByteArray &body)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    // An empty key is legal for HMAC; OpenSSL wants a non-null pointer for it.
    static const unsigned char emptyKey = 0;
    const void *key = secret.isEmpty() ? static_cast<const void *>(&emptyKey) : secret.constData();
    if (!HMAC(EVP_sha256(), key, int(secret.size()),
              reinterpret_cast<const unsigned char *>(body.constData()), size_t(body.size()), digest,
              &length)) {
        return {};
    }
    return QByteArray(reinterpret_cast<const char *>(digest), int(length));
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Decodes exactly 64 hex digits (either case) into 32 bytes; empty on anything else.
QByteArray decodeDigest(QByteArrayView hex)
{
    if (hex.size() != DigestBytes * 2)
        return {};
    QByteArray out(DigestBytes, Qt::Uninitialized);
    for (int i = 0; i < DigestBytes; ++i) {
        const int high = hexValue(hex[2 * i]);
        const int low = hexValue(hex[2 * i + 1]);
        if (high < 0 || low < 0)
            return {};
        out[i] = char((high << 4) | low);
    }
    return out;
}

} // namespace

QByteArray hmacSha256Hex(const QByteArray &secret, const QByteArray &body)
{
    return hmacSha256(secret, body).toHex();
}

QByteArray signatureHeaderValue(const QByteArray &secret, const QByteArray &body)
{
    return QByteArray(SignaturePrefix) + hmacSha256Hex(secret, body);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    return CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

const char *verdictName(SignatureVerdict verdict)
{
    switch (verdict) {
    case SignatureVerdict::Valid:
        return "valid";
    case SignatureVerdict::Missing:
        return "missing";
    case SignatureVerdict::Malformed:
        return "malformed";
    case SignatureVerdict::Mismatch:
        return "mismatch";
    case SignatureVerdict::NoSecrets:
        return "no-secrets";
    }
    return "unknown";
}

VerificationResult verifySignature(const QByteArray &headerValue, const QByteArray &body,
                                   const QList<QByteArray> &secrets)
{
    const QByteArray value = headerValue.trimmed();
    if (value.isEmpty())
        return {SignatureVerdict::Missing, -1};
    const qsizetype prefixLength = qsizetype(sizeof(SignaturePrefix) - 1);
    if (value.size() <= prefixLength || qstrnicmp(value.constData(), SignaturePrefix, prefixLength) != 0) {
        return {SignatureVerdict::Malformed, -1};
    }
    const QByteArray presented = decodeDigest(QByteArrayView(value).sliced(prefixLength));
    if (presented.isEmpty())
        return {SignatureVerdict::Malformed, -1};
    if (secrets.isEmpty())
        return {SignatureVerdict::NoSecrets, -1};

    int matched = -1;
    for (int i = 0; i < secrets.size(); ++i) {
        const bool equal = constantTimeEquals(hmacSha256(secrets.at(i), body), presented);
        if (equal && matched < 0)
            matched = i;
    }
    if (matched < 0)
        return {SignatureVerdict::Mismatch, -1};
    return {SignatureVerdict::Valid, matched};
}

} // namespace ascend::webhooks

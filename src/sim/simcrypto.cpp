#include "sim/simcrypto.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

namespace ascend::sim::crypto {
namespace {

PKey wrap(EVP_PKEY *key)
{
    return PKey(key, EVP_PKEY_free);
}

QByteArray readBio(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return QByteArray(data, length);
}

bool isP256(EVP_PKEY *key, QString *error)
{
    if (!EVP_PKEY_is_a(key, "EC")) {
        *error = QStringLiteral("the key is not an elliptic-curve key (App Store Connect keys are EC P-256)");
        return false;
    }
    char group[64] = {};
    size_t length = 0;
    if (!EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &length)) {
        *error = QStringLiteral("the key's curve could not be read: %1").arg(lastError());
        return false;
    }
    const QByteArray name(group, qsizetype(length));
    if (name != "prime256v1" && name != "P-256" && name != "secp256r1") {
        *error = QStringLiteral("the key is on curve %1, not P-256").arg(QString::fromLatin1(name));
        return false;
    }
    return true;
}

} // namespace

QString lastError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return QStringLiteral("unknown OpenSSL error");
    char buffer[256] = {};
    ERR_error_string_n(code, buffer, sizeof buffer);
    return QString::fromLatin1(buffer);
}

PKey publicHalf(const PKey &key)
{
    unsigned char *der = nullptr;
    const int length = i2d_PUBKEY(key.get(), &der);
    if (length <= 0)
        return {};
    const unsigned char *cursor = der;
    EVP_PKEY *pub = d2i_PUBKEY(nullptr, &cursor, length);
    OPENSSL_free(der);
    return pub ? wrap(pub) : PKey();
}

PKey loadPublicKeyPem(const QByteArray &pem, QString *error)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())),
                                                  BIO_free);
    PKey key;
    if (pem.contains("PUBLIC KEY-----")) {
        key = wrap(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
    } else if (pem.contains("PRIVATE KEY-----")) {
        // An empty passphrase callback result makes encrypted keys fail instead of prompting on a terminal.
        key = wrap(PEM_read_bio_PrivateKey(
            bio.get(), nullptr, [](char *, int, int, void *) { return 0; }, nullptr));
    } else {
        *error = QStringLiteral("not a PEM key (expected \"-----BEGIN PUBLIC KEY-----\" or a private key)");
        return {};
    }
    if (!key.get()) {
        *error = QStringLiteral("the PEM key could not be read: %1").arg(lastError());
        return {};
    }
    if (!isP256(key.get(), error))
        return {};
    return publicHalf(key);
}

PKey generateP256(QString *error)
{
    EVP_PKEY *key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    if (!key) {
        *error = QStringLiteral("P-256 key generation failed: %1").arg(lastError());
        return {};
    }
    return wrap(key);
}

QByteArray privateKeyPkcs8Pem(const PKey &key)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    if (!PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr))
        return {};
    return readBio(bio.get());
}

QByteArray publicKeyPem(const PKey &key)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    if (!PEM_write_bio_PUBKEY(bio.get(), key.get()))
        return {};
    return readBio(bio.get());
}

bool verifyEs256(const PKey &key, QByteArrayView message, QByteArrayView rawSignature)
{
    if (!key || rawSignature.size() != 64)
        return false;
    ECDSA_SIG *signature = ECDSA_SIG_new();
    BIGNUM *r = BN_bin2bn(reinterpret_cast<const unsigned char *>(rawSignature.data()), 32, nullptr);
    BIGNUM *s = BN_bin2bn(reinterpret_cast<const unsigned char *>(rawSignature.data()) + 32, 32, nullptr);
    if (!signature || !r || !s || !ECDSA_SIG_set0(signature, r, s)) {
        BN_free(r);
        BN_free(s);
        ECDSA_SIG_free(signature);
        return false;
    }
    unsigned char *der = nullptr;
    const int derLength = i2d_ECDSA_SIG(signature, &der);
    ECDSA_SIG_free(signature);
    if (derLength <= 0)
        return false;

    bool valid = false;
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    if (context && EVP_DigestVerifyInit(context, nullptr, EVP_sha256(), nullptr, key.get()) == 1) {
        valid = EVP_DigestVerify(context, der, size_t(derLength),
                                 reinterpret_cast<const unsigned char *>(message.data()),
                                 size_t(message.size())) == 1;
    }
    EVP_MD_CTX_free(context);
    OPENSSL_free(der);
    ERR_clear_error();
    return valid;
}

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), count) != 1)
        qFatal("ascend-sim: the system random number generator failed");
    return bytes;
}

} // namespace ascend::sim::crypto

#pragma once
// An App Store Connect API key: the EC P-256 private key from a .p8 file (PKCS#8 PEM).

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <memory>
#include <openssl/types.h>

namespace ascend::auth {

class ApiKey {
    Q_DECLARE_TR_FUNCTIONS(ascend::auth::ApiKey)

public:
    ApiKey() = default;

    // Loading fails with a message that says what is wrong and what to do: missing or unreadable file,
    // not a PKCS#8 .p8 key, a key that is not EC, an EC key on a curve other than P-256.
    // fromPem also accepts a SEC1 "EC PRIVATE KEY" block, a DER key, and PEM text whose line breaks were
    // flattened to literal "\n" (as CI secret variables often are).
    static ApiKey fromPemFile(const QString &path, QString *errorMessage);
    static ApiKey fromPem(const QByteArray &pem, QString *errorMessage);
    // A fresh P-256 key (demo mode, tests).
    static ApiKey generate(QString *errorMessage = nullptr);
    // "AuthKey_2X9R4HXF34.p8" → "2X9R4HXF34"; empty when the name does not follow Apple's pattern.
    static QString keyIdFromFileName(const QString &path);

    bool isValid() const { return m_key != nullptr; }
    QByteArray publicKeyPem() const;  // SubjectPublicKeyInfo PEM ("BEGIN PUBLIC KEY")
    QByteArray privateKeyPem() const; // PKCS#8 PEM; a secret: never log it
    // The key for signing. Shared by every copy of this ApiKey; valid as long as one copy lives.
    EVP_PKEY *evpKey() const { return m_key.get(); }

private:
    explicit ApiKey(std::shared_ptr<EVP_PKEY> key)
        : m_key(std::move(key))
    {}

    std::shared_ptr<EVP_PKEY> m_key;
};

} // namespace ascend::auth

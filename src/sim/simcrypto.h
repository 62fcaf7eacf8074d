#pragma once
// The OpenSSL pieces the simulator needs: P-256 key generation and PEM I/O, and ES256 verification of
// raw R||S signatures as JWTs carry them.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace ascend::sim::crypto {

using PKey = std::shared_ptr<EVP_PKEY>;

// The last OpenSSL error as text (and clears the queue).
QString lastError();

// An EC P-256 public key from PEM: "PUBLIC KEY", or a private key ("PRIVATE KEY", "EC PRIVATE KEY") whose
// public half is taken. Other key types and curves are refused with a message in *error.
PKey loadPublicKeyPem(const QByteArray &pem, QString *error);

PKey generateP256(QString *error);
QByteArray privateKeyPkcs8Pem(const PKey &key); // "-----BEGIN PRIVATE KEY-----"
QByteArray publicKeyPem(const PKey &key);       // "-----BEGIN PUBLIC KEY-----"
PKey publicHalf(const PKey &key);               // drops the private scalar

// ECDSA P-256 with SHA-256 over message; signature is the 64-byte r||s form.
bool verifyEs256(const PKey &key, QByteArrayView message, QByteArrayView rawSignature);

// Random bytes from OpenSSL's CSPRNG.
QByteArray randomBytes(int count);

} // namespace ascend::sim::crypto

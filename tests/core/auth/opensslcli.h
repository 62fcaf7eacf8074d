#pragma once
// The openssl command line as an independent reference for the auth tests.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace ascend::test {

struct OpensslResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool ok() const { return exitCode == 0; }
};

QString opensslProgram(); // empty when openssl is not on PATH
OpensslResult runOpenssl(const QStringList &arguments, const QByteArray &input = {});

// genpkey into path; algorithm "EC" with curve "P-256"/"P-384", or "RSA", "ED25519".
bool generateKey(const QString &path, const QString &algorithm, const QString &curve = {});
// The SubjectPublicKeyInfo PEM of a private key file, computed by openssl.
QByteArray publicKeyOf(const QString &privateKeyPath);

// A JWS ES256 signature (R||S, 32 + 32 bytes) as the DER ECDSA-Sig-Value that `openssl dgst -verify` reads.
QByteArray derFromRawSignature(const QByteArray &raw);

// `openssl dgst -sha256 -verify publicKeyPath -signature <DER of rawSignature> <data>`.
bool opensslVerifiesEs256(const QString &publicKeyPath, const QByteArray &data,
                          const QByteArray &rawSignature);

} // namespace ascend::test

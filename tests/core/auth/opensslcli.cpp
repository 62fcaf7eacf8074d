#include "opensslcli.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace ascend::test {

QString opensslProgram()
{
    return QStandardPaths::findExecutable(QStringLiteral("openssl"));
}

OpensslResult runOpenssl(const QStringList &arguments, const QByteArray &input)
{
    OpensslResult result;
    QProcess process;
    process.start(opensslProgram(), arguments);
    if (!process.waitForStarted(10000))
        return result;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

bool generateKey(const QString &path, const QString &algorithm, const QString &curve)
{
    QStringList arguments{QStringLiteral("genpkey"), QStringLiteral("-algorithm"), algorithm};
    if (!curve.isEmpty())
        arguments << QStringLiteral("-pkeyopt") << QStringLiteral("ec_paramgen_curve:") + curve;
    if (algorithm == QLatin1String("RSA"))
        arguments << QStringLiteral("-pkeyopt") << QStringLiteral("rsa_keygen_bits:2048");
    arguments << QStringLiteral("-out") << path;
    return runOpenssl(arguments).ok();
}

QByteArray publicKeyOf(const QString &privateKeyPath)
{
    const OpensslResult result = runOpenssl(
        {QStringLiteral("pkey"), QStringLiteral("-in"), privateKeyPath, QStringLiteral("-pubout")});
    return result.ok() ? result.out : QByteArray();
}

namespace {

QByteArray derLength(int length)
{
    if (length < 0x80)
        return QByteArray(1, char(length));
    return QByteArray(1, char(0x81)) + QByteArray(1, char(length)); // enough for ECDSA P-256
}

// An unsigned big-endian integer as DER INTEGER: minimal length, a 0x00 in front when the top bit is set.
QByteArray derInteger(QByteArray magnitude)
{
    while (magnitude.size() > 1 && magnitude.at(0) == '\0' && !(quint8(magnitude.at(1)) & 0x80))
        magnitude.remove(0, 1);
    if (quint8(magnitude.at(0)) & 0x80)
        magnitude.prepend('\0');
    return QByteArray(1, char(0x02)) + derLength(int(magnitude.size())) + magnitude;
}

} // namespace

QByteArray derFromRawSignature(const QByteArray &raw)
{
    const QByteArray body = derInteger(raw.left(32)) + derInteger(raw.mid(32, 32));
    return QByteArray(1, char(0x30)) + derLength(int(body.size())) + body;
}

bool opensslVerifiesEs256(const QString &publicKeyPath, const QByteArray &data,
                          const QByteArray &rawSignature)
{
    QTemporaryDir dir;
    const QString dataPath = dir.filePath(QStringLiteral("data"));
    const QString signaturePath = dir.filePath(QStringLiteral("signature.der"));
    QFile dataFile(dataPath);
    QFile signatureFile(signaturePath);
    if (!dataFile.open(QIODevice::WriteOnly) || dataFile.write(data) != data.size())
        return false;
    dataFile.close();
    const QByteArray der = derFromRawSignature(rawSignature);
    if (!signatureFile.open(QIODevice::WriteOnly) || signatureFile.write(der) != der.size())
        return false;
    signatureFile.close();
    const OpensslResult result =
        runOpenssl({QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-verify"),
                    publicKeyPath, QStringLiteral("-signature"), signaturePath, dataPath});
    return result.ok() && result.out.contains("Verified OK");
}

} // namespace ascend::test

#include "core/upload/filehash.h"

#include <QCryptographicHash>
#include <QFile>

namespace ascend::upload {

namespace {
QString hashHex(const QString &path, QCryptographicHash::Algorithm algorithm)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return {};
    QCryptographicHash hash(algorithm);
    QByteArray buffer(256 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 read = file.read(buffer.data(), buffer.size());
        if (read < 0)
            return {};
        if (read == 0)
            break;
        hash.addData(QByteArrayView(buffer.constData(), read));
    }
    return QString::fromLatin1(hash.result().toHex());
}
} // namespace

QString fileMd5Hex(const QString &path)
{
    return hashHex(path, QCryptographicHash::Md5);
}

QString fileSha256Hex(const QString &path)
{
    return hashHex(path, QCryptographicHash::Sha256);
}

} // namespace ascend::upload

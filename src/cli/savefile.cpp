#include "savefile.h"

#include <QDir>
#include <QSaveFile>

namespace ascend::cli {

bool saveFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    *error =
        QStringLiteral("%1 could not be written: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return false;
}

} // namespace ascend::cli

#include "core/upload/buildfileinfo.h"

#include <QFileInfo>
#include <QStringList>

namespace ascend::upload {

QString BuildFileInfo::fileName() const
{
    return QFileInfo(path).fileName();
}

QString BuildFileInfo::missingFields() const
{
    QStringList missing;
    if (bundleId.isEmpty())
        missing << QStringLiteral("bundle id");
    if (shortVersion.isEmpty())
        missing << QStringLiteral("version");
    if (bundleVersion.isEmpty())
        missing << QStringLiteral("build number");
    if (!platform)
        missing << QStringLiteral("platform");
    return missing.join(QStringLiteral(", "));
}

} // namespace ascend::upload

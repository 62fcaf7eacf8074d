#include "core/auth/configdir.h"

#include <QStandardPaths>

namespace ascend::auth {

QString defaultConfigDir()
{
    const QString overridden = qEnvironmentVariable("ASCEND_CONFIG_DIR");
    if (!overridden.isEmpty())
        return overridden;
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
}

} // namespace ascend::auth

#include "core/webhooks/defaults.h"

#include "core/auth/configdir.h"

namespace ascend::webhooks {

QString defaultEventLogPath()
{
    return auth::defaultConfigDir() + QStringLiteral("/events.sqlite");
}

} // namespace ascend::webhooks

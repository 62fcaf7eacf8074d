#pragma once

#include <QString>

namespace ascend::auth {

// Where Ascend keeps its per-user configuration: $ASCEND_CONFIG_DIR when set (tests, CI, portable set-ups),
// otherwise QStandardPaths::AppConfigLocation. The directory is not created here.
QString defaultConfigDir();

} // namespace ascend::auth

#pragma once

#include <QLoggingCategory>

namespace ascend::auth {
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
} // namespace ascend::auth

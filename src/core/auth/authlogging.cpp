#include "core/auth/authlogging.h"

namespace ascend::auth {
Q_LOGGING_CATEGORY(lcAuth, "ascend.auth")
} // namespace ascend::auth

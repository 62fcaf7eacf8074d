#include "core/api/apilogging.h"

Q_LOGGING_CATEGORY(lcAscendApi, "ascend.api", QtInfoMsg)

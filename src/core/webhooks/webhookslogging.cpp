#include "core/webhooks/webhookslogging.h"

namespace ascend::webhooks {
Q_LOGGING_CATEGORY(lcWebhooks, "ascend.webhooks")
}

#pragma once

#include <QLoggingCategory>

namespace ascend::webhooks {
Q_DECLARE_LOGGING_CATEGORY(lcWebhooks)
}

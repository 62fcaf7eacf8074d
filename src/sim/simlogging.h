#pragma once

#include <QLoggingCategory>

namespace ascend::sim {
Q_DECLARE_LOGGING_CATEGORY(lcSim)
} // namespace ascend::sim

#include "sim/simlogging.h"

namespace ascend::sim {
Q_LOGGING_CATEGORY(lcSim, "ascend.sim")
} // namespace ascend::sim

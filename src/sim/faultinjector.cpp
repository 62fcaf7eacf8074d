#include "sim/faultinjector.h"

namespace ascend::sim {

FaultInjector::FaultInjector(double rate, quint32 seed)
    : m_rate(std::clamp(rate, 0.0, 1.0))
    , m_random(seed)
{}

std::optional<ApiError> FaultInjector::nextFault()
{
    if (m_rate <= 0.0)
        return std::nullopt;
    if (m_random.generateDouble() >= m_rate)
        return std::nullopt;
    return m_random.bounded(2) == 0 ? errors::internalError() : errors::serviceUnavailable();
}

} // namespace ascend::sim

#pragma once
// Answers a fraction of API requests with a 500 or 503 error so clients can exercise their retry paths.
// The sequence is reproducible: the generator has a fixed seed.

#include "sim/apierror.h"

#include <QRandomGenerator>
#include <optional>

namespace ascend::sim {

class FaultInjector {
public:
    static constexpr quint32 DefaultSeed = 0xA5C3D1u;

    explicit FaultInjector(double rate = 0.0, quint32 seed = DefaultSeed);

    double rate() const { return m_rate; }
    std::optional<ApiError> nextFault();

private:
    double m_rate;
    QRandomGenerator m_random;
};

} // namespace ascend::sim

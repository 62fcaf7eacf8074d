#include "core/upload/throughputmeter.h"

#include <cmath>

namespace ascend::upload {

void ThroughputMeter::reset()
{
    m_samples.clear();
}

void ThroughputMeter::sample(qint64 ms, qint64 totalBytes)
{
    m_samples.emplace_back(ms, totalBytes);
    while (m_samples.size() > 2 && m_samples.front().first < ms - m_windowMs)
        m_samples.pop_front();
}

double ThroughputMeter::bytesPerSecond() const
{
    if (m_samples.size() < 2)
        return 0.0;
    const auto &[firstMs, firstBytes] = m_samples.front();
    const auto &[lastMs, lastBytes] = m_samples.back();
    if (lastMs <= firstMs)
        return 0.0;
    return double(std::max<qint64>(0, lastBytes - firstBytes)) * 1000.0 / double(lastMs - firstMs);
}

qint64 ThroughputMeter::etaSeconds(qint64 remaining) const
{
    const double rate = bytesPerSecond();
    if (rate <= 0.0)
        return -1;
    return qint64(std::ceil(double(remaining) / rate));
}

} // namespace ascend::upload

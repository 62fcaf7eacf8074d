#pragma once
// Bytes per second over a sliding window of samples, for throughput and ETA.

#include <QElapsedTimer>
#include <deque>
#include <utility>

namespace ascend::upload {

class ThroughputMeter {
public:
    explicit ThroughputMeter(qint64 windowMs = 5000)
        : m_windowMs(windowMs)
    {}

    void reset();
    // Records the running total of bytes at time ms.
    void sample(qint64 ms, qint64 totalBytes);
    double bytesPerSecond() const;
    // Seconds to send remaining bytes at the current rate; -1 when unknown.
    qint64 etaSeconds(qint64 remaining) const;

private:
    qint64 m_windowMs;
    std::deque<std::pair<qint64, qint64>> m_samples;
};

} // namespace ascend::upload

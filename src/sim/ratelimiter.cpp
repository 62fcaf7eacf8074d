#include "sim/ratelimiter.h"

namespace ascend::sim {

QByteArray RateDecision::header() const
{
    return "user-hour-lim:" + QByteArray::number(limit) + ";user-hour-rem:" + QByteArray::number(remaining) +
           ';';
}

RateLimiter::RateLimiter(int limitPerHour)
    : m_limit(limitPerHour)
{}

std::deque<qint64> &RateLimiter::window(const QString &key, qint64 nowMs)
{
    std::deque<qint64> &requests = m_requests[key];
    while (!requests.empty() && requests.front() <= nowMs - WindowMs)
        requests.pop_front();
    return requests;
}

RateDecision RateLimiter::consume(const QString &key, qint64 nowMs)
{
    std::deque<qint64> &requests = window(key, nowMs);
    const int used = int(requests.size());
    if (used >= m_limit)
        return RateDecision{false, m_limit, 0};
    requests.push_back(nowMs);
    return RateDecision{true, m_limit, m_limit - used - 1};
}

RateDecision RateLimiter::peek(const QString &key, qint64 nowMs)
{
    const int used = key.isEmpty() ? 0 : int(window(key, nowMs).size());
    return RateDecision{used < m_limit, m_limit, std::max(0, m_limit - used)};
}

} // namespace ascend::sim

#pragma once
// Per-key request budget over a rolling hour, reported as App Store Connect's X-Rate-Limit header
// ("user-hour-lim:3600;user-hour-rem:3599;").

#include <QByteArray>
#include <QHash>
#include <QString>
#include <deque>

namespace ascend::sim {

struct RateDecision {
    bool allowed = true;
    int limit = 0;
    int remaining = 0;
    QByteArray header() const; // the X-Rate-Limit value
};

class RateLimiter {
public:
    static constexpr qint64 WindowMs = 60 * 60 * 1000;

    explicit RateLimiter(int limitPerHour = 3600);

    int limit() const { return m_limit; }
    // Counts one request for key at nowMs when the budget allows it.
    RateDecision consume(const QString &key, qint64 nowMs);
    // The budget without counting a request (for answers to unauthenticated requests).
    RateDecision peek(const QString &key, qint64 nowMs);

private:
    std::deque<qint64> &window(const QString &key, qint64 nowMs);

    int m_limit;
    QHash<QString, std::deque<qint64>> m_requests;
};

} // namespace ascend::sim

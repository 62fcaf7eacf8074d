#include "core/api/retrypolicy.h"

#include <QString>
#include <algorithm>
#include <cmath>

namespace ascend::api {

RetryPolicy RetryPolicy::noRetries()
{
    RetryPolicy policy;
    policy.maxAttempts = 1;
    return policy;
}

bool RetryPolicy::isIdempotent(QByteArrayView method)
{
    const QByteArray upper = method.toByteArray().toUpper();
    return upper == "GET" || upper == "HEAD" || upper == "PUT" || upper == "DELETE" || upper == "OPTIONS";
}

bool RetryPolicy::isRetryableStatus(int httpStatus)
{
    if (httpStatus == 429)
        return true;
    // 501 Not Implemented and 505 HTTP Version Not Supported will not change on a resend.
    return httpStatus >= 500 && httpStatus <= 599 && httpStatus != 501 && httpStatus != 505;
}

Milliseconds RetryPolicy::backoff(int attempt, double jitterSample) const
{
    const double exponent = std::max(0, attempt - 1);
    double delay = double(baseDelay.count()) * std::pow(factor, exponent);
    delay = std::min(delay, double(maxDelay.count()));
    const double sample = std::clamp(jitterSample, 0.0, 1.0);
    delay *= 1.0 + jitter * (2.0 * sample - 1.0);
    delay = std::clamp(delay, 0.0, double(maxDelay.count()));
    return Milliseconds(qint64(std::llround(delay)));
}

RetryDecision RetryPolicy::decide(const AttemptOutcome &outcome, double jitterSample) const
{
    using Failure = AttemptOutcome::Failure;
    using Action = RetryDecision::Action;

    if (outcome.failure == Failure::None && outcome.httpStatus == 401) {
        if (outcome.authenticated && !outcome.reauthenticated)
            return {Action::Reauthenticate, Milliseconds(0), "401: signing a fresh token"};
        return {Action::Finish, Milliseconds(0), "401 after a fresh token"};
    }

    const bool idempotent = isIdempotent(outcome.method);
    bool retryable = false;
    const char *reason = "";
    switch (outcome.failure) {
    case Failure::None:
        retryable = idempotent && isRetryableStatus(outcome.httpStatus);
        reason = outcome.httpStatus == 429 ? "429 rate limited" : "server error";
        break;
    case Failure::ConnectFailed:
        retryable = true;
        reason = "could not connect";
        break;
    case Failure::Transport:
        retryable = idempotent;
        reason = "connection broken";
        break;
    case Failure::Timeout:
        retryable = idempotent;
        reason = "timed out";
        break;
    }
    if (!retryable)
        return {Action::Finish, Milliseconds(0), "not retryable"};
    if (outcome.attempt >= maxAttempts)
        return {Action::Finish, Milliseconds(0), "attempts used up"};

    Milliseconds delay = backoff(outcome.attempt, jitterSample);
    if (outcome.retryAfter) {
        if (*outcome.retryAfter > maxRetryAfter)
            return {Action::Finish, Milliseconds(0), "Retry-After too far away"};
        delay = std::max(*outcome.retryAfter, Milliseconds(0));
    }
    return {Action::Retry, delay, reason};
}

std::optional<Milliseconds> RetryPolicy::parseRetryAfter(QByteArrayView value, const QDateTime &now)
{
    const QByteArray text = value.toByteArray().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = text.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? std::nullopt : std::optional<Milliseconds>(Milliseconds(seconds * 1000));

    // IMF-fixdate ("Wed, 21 Oct 2015 07:28:00 GMT"); Qt's RFC 2822 parser wants a numeric zone.
    QString date = QString::fromLatin1(text);
    if (date.endsWith(QLatin1String(" GMT")) || date.endsWith(QLatin1String(" UTC")))
        date = date.left(date.size() - 4) + QLatin1String(" +0000");
    const QDateTime when = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    return Milliseconds(std::max<qint64>(0, now.msecsTo(when)));
}

} // namespace ascend::api

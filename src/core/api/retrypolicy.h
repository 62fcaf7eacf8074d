#pragma once
// The one retry table of the API client. Pure: given what happened to an attempt it says whether to
// give up, retry after a delay, or re-sign and retry. ApiClient applies it; tests drive it directly.
//
//   outcome of an attempt                  GET HEAD PUT DELETE OPTIONS        POST PATCH
//   ------------------------------------   --------------------------------   ---------------------------
//   2xx, 3xx, 4xx other than 401 and 429   finish                             finish
//   401, not yet re-signed, authenticated  invalidate token, retry at once    same (ASC refuses before
//                                                                             acting on the request)
//   401 after re-signing, unauthenticated  finish                             finish
//   429, 5xx except 501 and 505            retry: backoff, or Retry-After     finish
//   connect failed (nothing was sent)      retry: backoff                     retry: backoff
//   connection broke after sending         retry: backoff                     finish (may have acted)
//   timeout                                retry: backoff                     finish (may have acted)
//   attempts used up, Retry-After too far  finish                             finish

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <chrono>
#include <optional>

namespace ascend::api {

using Milliseconds = std::chrono::milliseconds;

struct AttemptOutcome {
    enum class Failure {
        None,          // an HTTP response arrived (look at httpStatus)
        ConnectFailed, // refused / host not found: the request certainly did not leave
        Transport,     // the connection broke after it was made
        Timeout,
    };

    QByteArray method = "GET";
    int attempt = 1; // 1 for the first send of this request
    Failure failure = Failure::None;
    int httpStatus = 0;
    std::optional<Milliseconds> retryAfter;
    bool authenticated = true;
    bool reauthenticated = false; // a re-sign-and-retry already happened for this request
};

struct RetryDecision {
    enum class Action { Finish, Retry, Reauthenticate };
    Action action = Action::Finish;
    Milliseconds delay{0};
    const char *reason = "";
};

struct RetryPolicy {
    int maxAttempts = 4; // including the first send; the 401 re-sign does not count against it
    Milliseconds baseDelay{500};
    double factor = 2.0;
    Milliseconds maxDelay{30000};
    double jitter = 0.25;               // ± fraction of the backoff delay
    Milliseconds maxRetryAfter{120000}; // a longer Retry-After ends the request instead of blocking it

    static RetryPolicy noRetries();

    // jitterSample is a uniform number in [0, 1]; 0.5 means no jitter.
    RetryDecision decide(const AttemptOutcome &outcome, double jitterSample = 0.5) const;
    // Delay before attempt + 1: min(maxDelay, baseDelay * factor^(attempt-1)) ± jitter.
    Milliseconds backoff(int attempt, double jitterSample = 0.5) const;

    static bool isIdempotent(QByteArrayView method);
    static bool isRetryableStatus(int httpStatus);
    // Retry-After as delta-seconds or an HTTP date relative to now; nullopt when unparseable.
    static std::optional<Milliseconds>
    parseRetryAfter(QByteArrayView value, const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace ascend::api

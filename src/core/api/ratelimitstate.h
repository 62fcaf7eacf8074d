#pragma once
// The API budget from the X-Rate-Limit header ("user-hour-lim:3500;user-hour-rem:500;").

#include <QByteArrayView>
#include <QMetaType>
#include <QString>

namespace ascend::api {

struct RateLimitState {
    static constexpr char HeaderName[] = "X-Rate-Limit";

    int limit = -1;     // requests per rolling hour; -1 when unknown
    int remaining = -1; // -1 when unknown
    bool valid = false; // both numbers known

    // Lenient: pairs separated by ';', key and value by ':', whitespace and case ignored,
    // unknown keys skipped, malformed numbers treated as missing.
    static RateLimitState parse(QByteArrayView header);
    bool hasAnyValue() const { return limit >= 0 || remaining >= 0; }
    // "3,412 of 3,600 requests left this hour"
    QString toDisplayString() const;

    friend bool operator==(const RateLimitState &, const RateLimitState &) = default;
};

} // namespace ascend::api

Q_DECLARE_METATYPE(ascend::api::RateLimitState)

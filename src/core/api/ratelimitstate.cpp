#include "core/api/ratelimitstate.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QLocale>

namespace ascend::api {
namespace {
int parseCount(const QByteArray &text)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    return ok && value >= 0 ? value : -1;
}
} // namespace

RateLimitState RateLimitState::parse(QByteArrayView header)
{
    RateLimitState state;
    const QByteArray text = header.toByteArray();
    for (const QByteArray &part : text.split(';')) {
        const qsizetype colon = part.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray key = part.left(colon).trimmed().toLower();
        const QByteArray value = part.mid(colon + 1).trimmed();
        if (key == "user-hour-lim")
            state.limit = parseCount(value);
        else if (key == "user-hour-rem")
            state.remaining = parseCount(value);
    }
    state.valid = state.limit >= 0 && state.remaining >= 0;
    return state;
}

QString RateLimitState::toDisplayString() const
{
    const QLocale locale;
    if (valid)
        return QCoreApplication::translate("ascend::api::RateLimitState", "%1 of %2 requests left this hour")
            .arg(locale.toString(remaining), locale.toString(limit));
    if (remaining >= 0)
        return QCoreApplication::translate("ascend::api::RateLimitState", "%1 requests left this hour")
            .arg(locale.toString(remaining));
    return QCoreApplication::translate("ascend::api::RateLimitState", "API budget unknown");
}

} // namespace ascend::api

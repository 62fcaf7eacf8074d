#pragma once
// ISO 8601 date-times as ASC writes them: "Z" or a numeric offset, any number of fraction digits.

#include <QDateTime>
#include <QString>

namespace ascend::jsonapi {

// Invalid QDateTime when the text is not a date-time. The result is in UTC.
QDateTime parseDateTime(const QString &text);
// "2025-05-08T01:29:36.160Z"
QString formatDateTime(const QDateTime &dateTime);

} // namespace ascend::jsonapi

#pragma once
// Removes secrets from text before it is logged, shown or saved: Authorization headers and bearer tokens,
// JWTs, PEM private key blocks, X-Apple-Signature values, secret/password/token fields, and any value
// registered with addRedactedValue() (the webhook secrets Ascend knows). The one redaction function every
// log path goes through.

#include <QString>

namespace ascend::ui {

// The marker that replaces what was removed.
inline constexpr char kRedactedMarker[] = "[redacted]";

QString redactSecrets(const QString &text);

// Values that must never appear in logs even without a recognisable label (e.g. webhook secrets).
// Values shorter than 8 characters are ignored: they would redact ordinary words. Thread-safe.
void addRedactedValue(const QString &value);
void removeRedactedValue(const QString &value);

} // namespace ascend::ui

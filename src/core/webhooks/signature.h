#pragma once
// Apple's webhook signature: "x-apple-signature: hmacsha256=<hex HMAC-SHA256(secret, raw body)>".

#include <QByteArray>
#include <QList>

namespace ascend::webhooks {

inline constexpr char SignatureHeader[] = "x-apple-signature";
inline constexpr char SignaturePrefix[] = "hmacsha256=";

// Lowercase hex of HMAC-SHA256 keyed with secret over body.
QByteArray hmacSha256Hex(const QByteArray &secret, const QByteArray &body);
// "hmacsha256=<hex>", the value App Store Connect puts in x-apple-signature.
QByteArray signatureHeaderValue(const QByteArray &secret, const QByteArray &body);

// Equal length and equal bytes, in time that depends only on the length.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

enum class SignatureVerdict {
    Valid,
    Missing,   // no header, or an empty one
    Malformed, // not "hmacsha256=" followed by 64 hex digits
    Mismatch,  // well formed, but no candidate secret produces it
    NoSecrets, // nothing to verify against
};

const char *verdictName(SignatureVerdict verdict); // "valid", "missing", ...

struct VerificationResult {
    SignatureVerdict verdict = SignatureVerdict::Missing;
    int secretIndex = -1; // which candidate matched, for Valid
    bool ok() const { return verdict == SignatureVerdict::Valid; }
};

// Checks headerValue against every candidate secret. The prefix and the hex digits are compared
// case-insensitively; the digests are compared in constant time, and every candidate is tried even after
// a match so the time taken does not say which one matched.
VerificationResult verifySignature(const QByteArray &headerValue, const QByteArray &body,
                                   const QList<QByteArray> &secrets);

} // namespace ascend::webhooks

#pragma once
// The one seam between the API client and authentication: something that hands out a bearer token.

#include <QByteArray>
#include <QString>

namespace ascend::auth {

class TokenSource {
public:
    virtual ~TokenSource() = default;
    // A valid signed token, reused until shortly before it expires. Empty plus errorString() on failure.
    virtual QByteArray bearerToken() = 0;
    // Forget the cached token so the next bearerToken() signs a fresh one (after a 401).
    virtual void invalidate() = 0;
    virtual QString errorString() const = 0;
};

} // namespace ascend::auth

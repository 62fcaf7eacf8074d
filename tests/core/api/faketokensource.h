#pragma once
// A TokenSource for client tests: hands out "token-<generation>" and counts what the client asks of it.

#include "core/auth/tokensource.h"

class FakeTokenSource : public ascend::auth::TokenSource {
public:
    QByteArray bearerToken() override
    {
        ++tokenRequests;
        if (!failure.isEmpty())
            return {};
        return "token-" + QByteArray::number(generation);
    }
    void invalidate() override
    {
        ++invalidations;
        ++generation;
    }
    QString errorString() const override { return failure; }

    int generation = 1;
    int tokenRequests = 0;
    int invalidations = 0;
    QString failure; // non-empty: bearerToken() fails with this message
};

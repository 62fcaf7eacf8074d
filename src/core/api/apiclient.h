#pragma once
// The typed App Store Connect client's transport: one QNetworkAccessManager, bearer tokens from a
// TokenSource, the RetryPolicy, X-Rate-Limit tracking and a count of HTTP requests sent.

#include "core/api/apireply.h"
#include "core/api/apirequest.h"
#include "core/api/ratelimitstate.h"
#include "core/api/retrypolicy.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace ascend::auth {
class TokenSource;
}

namespace ascend::api {

class ApiClient : public QObject {
    Q_OBJECT

public:
    static QUrl defaultBaseUrl(); // https://api.appstoreconnect.apple.com
    static constexpr Milliseconds DefaultTimeout{60000};

    // network may be injected (tests, a shared manager); without one the client makes its own.
    // Neither tokens nor network are owned unless network has no parent, in which case the client adopts it.
    explicit ApiClient(auth::TokenSource *tokens = nullptr, QNetworkAccessManager *network = nullptr,
                       QObject *parent = nullptr);
    ~ApiClient() override;

    QUrl baseUrl() const { return m_baseUrl; }
    void setBaseUrl(const QUrl &baseUrl);
    auth::TokenSource *tokenSource() const { return m_tokens; }
    void setTokenSource(auth::TokenSource *tokens) { m_tokens = tokens; }
    const RetryPolicy &retryPolicy() const { return m_retryPolicy; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    Milliseconds defaultTimeout() const { return m_defaultTimeout; }
    void setDefaultTimeout(Milliseconds timeout) { m_defaultTimeout = timeout; }
    QByteArray userAgent() const { return m_userAgent; }
    void setUserAgent(const QByteArray &userAgent) { m_userAgent = userAgent; }
    QNetworkAccessManager *networkAccessManager() const { return m_network; }

    // Starts the call; the reply is parented to the client and reports through finished().
    ApiReply *send(const ApiRequest &request);

    // The URL a request goes to: absolute paths verbatim, others appended to the base URL, with the
    // query appended. Invalid QUrl plus errorString when it cannot be built.
    QUrl resolve(const ApiRequest &request, QString *errorString = nullptr) const;
    // Authenticated requests may only go to the base URL's scheme, host and port.
    bool isSameOrigin(const QUrl &url) const;

    qint64 requestCount() const { return m_requestCount; }
    void resetRequestCount() { m_requestCount = 0; }
    RateLimitState rateLimit() const { return m_rateLimit; }

Q_SIGNALS:
    // Whenever a response's X-Rate-Limit differs from the last one seen.
    void rateLimitChanged(const ascend::api::RateLimitState &state);

private:
    friend class ApiReply;
    void noteRateLimit(const QByteArray &header);

    QNetworkAccessManager *m_network = nullptr;
    auth::TokenSource *m_tokens = nullptr;
    QUrl m_baseUrl;
    RetryPolicy m_retryPolicy;
    Milliseconds m_defaultTimeout = DefaultTimeout;
    QByteArray m_userAgent;
    qint64 m_requestCount = 0;
    RateLimitState m_rateLimit;
};

// Runs a local event loop until the reply finishes or timeoutMs passes (-1: no limit).
// Returns whether it finished. For synchronous callers such as the command-line tool.
bool waitForFinished(ApiReply *reply, int timeoutMs = -1);

} // namespace ascend::api

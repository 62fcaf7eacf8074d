#pragma once
// The simulator's request pipeline behind the HTTP server:
//   route → JWT check (401) → rate limit (429) → injected fault (500/503) → unknown path/method (404/405)
//   → query validation against the spec (400) → JSON body (400) → handler,
// with X-Rate-Limit on every answer, optional latency, and every exchange handed to the recorder.

#include "core/http/httpmessage.h"
#include "sim/faultinjector.h"
#include "sim/jwtverifier.h"
#include "sim/ratelimiter.h"
#include "sim/router.h"

#include <QObject>
#include <functional>

namespace ascend::sim {

class KeyRing;
class Recorder;
class SpecCatalog;
class Store;

struct ServiceOptions {
    int rateLimitPerHour = 3600;
    double faultRate = 0.0;
    int latencyMs = 0;
};

class SimService : public QObject, public http::RequestHandler {
    Q_OBJECT
public:
    static constexpr qint64 MaxUnusedBodyBytes = 64 * 1024; // bodies sent to routes that take none

    SimService(Store &store, const KeyRing &keys, const SpecCatalog &catalog, ServiceOptions options,
               QObject *parent = nullptr);

    Router &router() { return m_router; }
    JwtVerifier &verifier() { return m_verifier; }
    void setBaseUrl(const QString &baseUrl) { m_baseUrl = baseUrl; }
    QString baseUrl() const { return m_baseUrl; }
    void setRecorder(Recorder *recorder) { m_recorder = recorder; }
    // For tests: milliseconds since the epoch, used by the rate limiter.
    void setClock(std::function<qint64()> nowMs) { m_nowMs = std::move(nowMs); }

    http::HeadDecision inspectHead(const http::HttpRequest &head) override;
    void handle(const http::HttpRequest &request, http::Responder respond) override;

    // The whole pipeline, synchronously (no latency, no recording).
    http::HttpResponse process(const http::HttpRequest &request);

signals:
    // A handler changed the store; the owner persists it.
    void storeChanged();

private:
    http::HttpResponse dispatch(const http::HttpRequest &request, const RouteMatch &match,
                                const QString &keyId);

    Store &m_store;
    const KeyRing &m_keys;
    const SpecCatalog &m_catalog;
    ServiceOptions m_options;
    Router m_router;
    JwtVerifier m_verifier;
    RateLimiter m_rateLimiter;
    FaultInjector m_faults;
    Recorder *m_recorder = nullptr;
    QString m_baseUrl;
    std::function<qint64()> m_nowMs;
};

} // namespace ascend::sim

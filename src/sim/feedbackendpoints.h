#pragma once
// TestFlight feedback: both submission kinds and their crash logs.
//
//   GET    /v1/apps/{id}/betaFeedbackScreenshotSubmissions   filters, sort, include, fields, limit, cursor
//   GET    /v1/apps/{id}/betaFeedbackCrashSubmissions        (there is no top-level collection)
//   GET    /v1/betaFeedbackScreenshotSubmissions/{id}, DELETE → 204 (and the crash equivalents)
//   GET    /v1/betaFeedbackCrashSubmissions/{id}/crashLog    → BetaCrashLogResponse
//   GET    /v1/betaCrashLogs/{id}
//
// Screenshot URLs are made fresh for every answer (FeedbackAssets). The build and tester relationships carry
// their data even without include (the spec gives them no links to follow). filter[deviceModel] accepts model
// identifiers with their comma ("iPhone15,2"), which the comma-separated list form would otherwise split.
// With everySeconds > 0 a new submission (alternating kinds) arrives periodically and
// BETA_FEEDBACK_*_SUBMISSION_CREATED is published.

#include "core/http/httpmessage.h"
#include "sim/feedbackseeder.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace ascend::sim {

class FeedbackAssets;
class ResourceEndpoints;
class Router;
class SimEvents;
class Store;
struct ApiRequest;
struct Record;
struct ResourceQuery;

struct FeedbackOptions {
    int everySeconds = 0; // 0 = no live submissions
};

class FeedbackArea : public QObject {
    Q_OBJECT
public:
    FeedbackArea(Store &store, SimEvents &events, FeedbackAssets &assets, FeedbackOptions options,
                 QObject *parent = nullptr);

    void registerEndpoints(Router &router, ResourceEndpoints &resources);
    // Starts the --feedback-every timer (when configured).
    void start();
    // A new submission of `kind` for appId (empty: the first app with a valid build) created now, its event
    // published. Returns its id; empty when no app can receive feedback.
    QString createSubmission(FeedbackKind kind, const QString &appId = {});

signals:
    // The store changed outside a request (a live submission); the owner persists it.
    void storeChanged();

private:
    http::HttpResponse list(const ApiRequest &request, FeedbackKind kind);
    http::HttpResponse instance(const ApiRequest &request, FeedbackKind kind);
    http::HttpResponse remove(const ApiRequest &request, FeedbackKind kind);
    http::HttpResponse crashLogOfSubmission(const ApiRequest &request);
    http::HttpResponse crashLog(const ApiRequest &request);
    http::HttpResponse crashLogResponse(const ApiRequest &request, const Record &submission);

    // A copy of the record as served: screenshots with fresh URLs.
    Record served(const Record &record, const QString &baseUrl) const;
    // Adds build/tester linkage data to a rendered resource object.
    void addLinkage(QJsonObject &resource, const Record &record, const ResourceQuery &query) const;
    void onTimer();

    Store &m_store;
    SimEvents &m_events;
    FeedbackAssets &m_assets;
    FeedbackOptions m_options;
    ResourceEndpoints *m_resources = nullptr;
    QTimer m_timer;
    int m_created = 0;
    QHash<QString, QString> m_crashLogIndex; // crash log id → submission id
    quint64 m_indexedRevision = 0;
};

} // namespace ascend::sim

#pragma once
// TestFlight distribution: betaGroups, betaTesters and their relationship endpoints, betaTesterInvitations,
// betaBuildLocalizations (What to Test), buildBetaDetails, betaAppReviewSubmissions (through BetaReview),
// buildBetaNotifications, PATCH /v1/builds/{id} and the builds' betaGroups linkage.

#include "core/http/httpmessage.h"
#include "sim/betareview.h"

#include <QObject>
#include <QString>
#include <QStringList>

namespace ascend::sim {

class ResourceEndpoints;
class Router;
class SimEvents;
class Store;
struct ApiRequest;
struct Record;
struct SimEvent;

inline constexpr int MaxWhatsNewLength = 4000;
inline constexpr int MaxPublicLinkLimit = 10000;

class TestFlightArea : public QObject {
    Q_OBJECT
public:
    TestFlightArea(Store &store, SimEvents &events, BetaReviewOptions options, QObject *parent = nullptr);

    void registerEndpoints(Router &router, ResourceEndpoints &resources);
    BetaReview &review() { return m_review; }

signals:
    void storeChanged();

private:
    http::HttpResponse createGroup(const ApiRequest &request);
    http::HttpResponse updateGroup(const ApiRequest &request);
    http::HttpResponse deleteGroup(const ApiRequest &request);
    http::HttpResponse createTester(const ApiRequest &request);
    http::HttpResponse deleteTester(const ApiRequest &request);
    http::HttpResponse createInvitation(const ApiRequest &request);
    http::HttpResponse createLocalization(const ApiRequest &request);
    http::HttpResponse updateLocalization(const ApiRequest &request);
    http::HttpResponse deleteLocalization(const ApiRequest &request);
    http::HttpResponse updateDetail(const ApiRequest &request);
    http::HttpResponse createSubmission(const ApiRequest &request);
    http::HttpResponse createNotification(const ApiRequest &request);
    http::HttpResponse updateBuild(const ApiRequest &request);
    http::HttpResponse toOneRelated(const ApiRequest &request, const QString &relationship);

    // Builds joining / leaving groups, checked (same app, usable build); the answer is 204 or an error.
    // Adds (or removes) the related resources named in a linkage body to the resource in the path.
    http::HttpResponse changeLinkage(const ApiRequest &request, const QString &ownerType,
                                     const QString &relatedType, bool add);
    http::HttpResponse linkBuildsAndGroups(const QStringList &buildIds, const QStringList &groupIds,
                                           bool add);
    http::HttpResponse linkTestersAndGroups(const QStringList &testerIds, const QStringList &groupIds,
                                            bool add);
    http::HttpResponse single(const ApiRequest &request, const Record &record, int status);
    void onEvent(const SimEvent &event);
    void changed();

    Store &m_store;
    ResourceEndpoints *m_resources = nullptr;
    BetaReview m_review;
};

} // namespace ascend::sim

#pragma once
// The few requests behind a TestFlight view, and how their pages fit together:
//   builds  GET /v1/builds?filter[app]=…&include=preReleaseVersion,buildBetaDetail,betaAppReviewSubmission,
//           betaGroups,betaBuildLocalizations&fields[…]=…&limit=200  (follow links.next: 500 builds → 3
//           pages)
//   groups  GET /v1/betaGroups?filter[app]=…&include=betaTesters&limit[betaTesters]=1&limit=200
//           (the tester count is relationships.betaTesters.meta.paging.total)
//   testers GET /v1/betaGroups/{id}/betaTesters?limit=200

#include "core/api/betaappreviewsubmissions.h"
#include "core/api/betabuildlocalizations.h"
#include "core/api/betagroups.h"
#include "core/api/buildbetadetails.h"
#include "core/api/builds.h"
#include "core/api/query.h"

#include <QList>
#include <optional>

namespace ascend::api {

struct TestFlightBuild {
    Build build;
    QString preReleaseVersion; // "3.0"
    std::optional<asc::Platform> platform;
    std::optional<BuildBetaDetail> detail;
    std::optional<BetaAppReviewSubmission> review;
    QList<BetaBuildLocalization> localizations;
    QStringList groupIds;

    // A locale with non-empty What to Test text exists.
    bool hasWhatToTest() const;
    const BetaBuildLocalization *localization(const QString &locale) const;
};

struct TestFlightGroup {
    BetaGroup group;
    int testerCount = -1; // -1 when the server did not say
};

Query testFlightBuildsQuery(const QString &appId);
Query testFlightGroupsQuery(const QString &appId);
Query groupTestersQuery();

// Joins the primary builds with the included resources of every page.
QList<TestFlightBuild> assembleTestFlightBuilds(const QList<jsonapi::Resource> &resources,
                                                const QList<jsonapi::Resource> &included);
QList<TestFlightGroup> assembleTestFlightGroups(const QList<jsonapi::Resource> &resources);

// Why a build cannot go to Beta App Review yet, in words for people; empty when it can. The checks are the
// ones ASC applies: the build is VALID and not expired, it is eligible for external testing, What to
// Test exists for at least one locale, and it is not already submitted (a rejected build may go again).
QStringList betaReviewBlockers(const TestFlightBuild &build);

} // namespace ascend::api

#pragma once
// "betaAppReviewSubmissions": a build sent to Beta App Review (needed before external testers get it).

#include "core/api/apirequest.h"
#include "core/asc/ascenums.h"
#include "core/jsonapi/resource.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace ascend::api {

struct BetaAppReviewSubmission {
    static constexpr char Type[] = "betaAppReviewSubmissions";

    QString id;
    std::optional<asc::BetaReviewState> betaReviewState;
    QDateTime submittedDate;
    QString buildId;

    bool isFinal() const;
    static std::optional<BetaAppReviewSubmission> fromResource(const jsonapi::Resource &resource);
};

// GET /v1/betaAppReviewSubmissions: filter[build] is REQUIRED (ids of builds); filter[betaReviewState].
ApiRequest listBetaAppReviewSubmissions(const QStringList &buildIds, const Query &query = {});
ApiRequest getBetaAppReviewSubmission(const QString &id, const Query &query = {});
// GET /v1/builds/{id}/betaAppReviewSubmission.
ApiRequest getBetaAppReviewSubmissionOfBuild(const QString &buildId);
// POST /v1/betaAppReviewSubmissions → 201.
ApiRequest submitForBetaAppReview(const QString &buildId);

} // namespace ascend::api

#include "core/api/betaappreviewsubmissions.h"

#include "core/jsonapi/requestbody.h"

namespace ascend::api {

bool BetaAppReviewSubmission::isFinal() const
{
    return betaReviewState == asc::BetaReviewState::APPROVED ||
           betaReviewState == asc::BetaReviewState::REJECTED;
}

std::optional<BetaAppReviewSubmission>
BetaAppReviewSubmission::fromResource(const jsonapi::Resource &resource)
{
    if (resource.type != QLatin1String(Type))
        return std::nullopt;
    BetaAppReviewSubmission submission;
    submission.id = resource.id;
    submission.betaReviewState =
        asc::fromString<asc::BetaReviewState>(resource.stringAttribute(QStringLiteral("betaReviewState")));
    submission.submittedDate = resource.dateTimeAttribute(QStringLiteral("submittedDate"));
    submission.buildId = resource.relatedId(QStringLiteral("build"));
    return submission;
}

ApiRequest listBetaAppReviewSubmissions(const QStringList &buildIds, const Query &query)
{
    Query withBuilds = query;
    withBuilds.filter(QStringLiteral("build"), buildIds);
    return ApiRequest::get(QStringLiteral("/v1/betaAppReviewSubmissions"), withBuilds);
}

ApiRequest getBetaAppReviewSubmission(const QString &id, const Query &query)
{
    return ApiRequest::get(QStringLiteral("/v1/betaAppReviewSubmissions/") + pathSegment(id), query);
}

ApiRequest getBetaAppReviewSubmissionOfBuild(const QString &buildId)
{
    return ApiRequest::get(QStringLiteral("/v1/builds/%1/betaAppReviewSubmission").arg(pathSegment(buildId)));
}

ApiRequest submitForBetaAppReview(const QString &buildId)
{
    jsonapi::ResourceBody body(QLatin1String(BetaAppReviewSubmission::Type));
    body.setToOne(QStringLiteral("build"), {QStringLiteral("builds"), buildId});
    return ApiRequest::post(QStringLiteral("/v1/betaAppReviewSubmissions"), body.toJson());
}

} // namespace ascend::api

#include "core/api/buildbetadetails.h"

#include "core/jsonapi/requestbody.h"

namespace ascend::api {

std::optional<BuildBetaDetail> BuildBetaDetail::fromResource(const jsonapi::Resource &resource)
{
    if (resource.type != QLatin1String(Type))
        return std::nullopt;
    BuildBetaDetail detail;
    detail.id = resource.id;
    detail.autoNotifyEnabled = resource.boolAttribute(QStringLiteral("autoNotifyEnabled")).value_or(false);
    detail.internalBuildState = asc::fromString<asc::InternalBetaState>(
        resource.stringAttribute(QStringLiteral("internalBuildState")));
    detail.externalBuildState = asc::fromString<asc::ExternalBetaState>(
        resource.stringAttribute(QStringLiteral("externalBuildState")));
    detail.buildId = resource.relatedId(QStringLiteral("build"));
    return detail;
}

ApiRequest listBuildBetaDetails(const Query &query)
{
    return ApiRequest::get(QStringLiteral("/v1/buildBetaDetails"), query);
}

ApiRequest getBuildBetaDetailOfBuild(const QString &buildId, const Query &query)
{
    return ApiRequest::get(QStringLiteral("/v1/builds/%1/buildBetaDetail").arg(pathSegment(buildId)), query);
}

ApiRequest setAutoNotify(const QString &detailId, bool enabled)
{
    jsonapi::ResourceBody body(QLatin1String(BuildBetaDetail::Type), detailId);
    body.setAttribute(QStringLiteral("autoNotifyEnabled"), enabled);
    return ApiRequest::patch(QStringLiteral("/v1/buildBetaDetails/") + pathSegment(detailId), body.toJson());
}

} // namespace ascend::api

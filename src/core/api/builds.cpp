#include "core/api/builds.h"

namespace ascend::api {

std::optional<Build> Build::fromResource(const jsonapi::Resource &resource)
{
    if (resource.type != QLatin1String(Type))
        return std::nullopt;
    Build build;
    build.id = resource.id;
    build.version = resource.stringAttribute(QStringLiteral("version"));
    build.uploadedDate = resource.dateTimeAttribute(QStringLiteral("uploadedDate"));
    build.expirationDate = resource.dateTimeAttribute(QStringLiteral("expirationDate"));
    build.expired = resource.boolAttribute(QStringLiteral("expired")).value_or(false);
    build.minOsVersion = resource.stringAttribute(QStringLiteral("minOsVersion"));
    build.processingState = asc::fromString<asc::BuildProcessingState>(
        resource.stringAttribute(QStringLiteral("processingState")));
    build.buildAudienceType = asc::fromString<asc::BuildAudienceType>(
        resource.stringAttribute(QStringLiteral("buildAudienceType")));
    build.usesNonExemptEncryption = resource.boolAttribute(QStringLiteral("usesNonExemptEncryption"));
    build.preReleaseVersionId = resource.relatedId(QStringLiteral("preReleaseVersion"));
    build.appId = resource.relatedId(QStringLiteral("app"));
    return build;
}

ApiRequest listBuilds(const Query &query)
{
    return ApiRequest::get(QStringLiteral("/v1/builds"), query);
}

ApiRequest listAppBuilds(const QString &appId, const Query &query)
{
    return ApiRequest::get(QStringLiteral("/v1/apps/%1/builds").arg(pathSegment(appId)), query);
}

ApiRequest getBuild(const QString &id, const Query &query)
{
    return ApiRequest::get(QStringLiteral("/v1/builds/") + pathSegment(id), query);
}

} // namespace ascend::api

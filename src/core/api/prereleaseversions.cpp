#include "core/api/prereleaseversions.h"

namespace ascend::api {

std::optional<PreReleaseVersion> PreReleaseVersion::fromResource(const jsonapi::Resource &resource)
{
    if (resource.type != QLatin1String(Type))
        return std::nullopt;
    PreReleaseVersion version;
    version.id = resource.id;
    version.version = resource.stringAttribute(QStringLiteral("version"));
    version.platform = asc::fromString<asc::Platform>(resource.stringAttribute(QStringLiteral("platform")));
    version.appId = resource.relatedId(QStringLiteral("app"));
    return version;
}

ApiRequest listPreReleaseVersions(const Query &query)
{
    return ApiRequest::get(QStringLiteral("/v1/preReleaseVersions"), query);
}

ApiRequest getPreReleaseVersion(const QString &id, const Query &query)
{
    return ApiRequest::get(QStringLiteral("/v1/preReleaseVersions/") + pathSegment(id), query);
}

} // namespace ascend::api

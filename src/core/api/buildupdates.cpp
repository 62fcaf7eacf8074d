#include "core/api/buildupdates.h"

#include "core/api/betagroups.h"
#include "core/jsonapi/requestbody.h"

namespace ascend::api {

namespace {
QString buildPath(const QString &id)
{
    return QStringLiteral("/v1/builds/") + pathSegment(id);
}
} // namespace

ApiRequest expireBuild(const QString &buildId)
{
    jsonapi::ResourceBody body(QStringLiteral("builds"), buildId);
    body.setAttribute(QStringLiteral("expired"), true);
    return ApiRequest::patch(buildPath(buildId), body.toJson());
}

ApiRequest setUsesNonExemptEncryption(const QString &buildId, bool uses)
{
    jsonapi::ResourceBody body(QStringLiteral("builds"), buildId);
    body.setAttribute(QStringLiteral("usesNonExemptEncryption"), uses);
    return ApiRequest::patch(buildPath(buildId), body.toJson());
}

ApiRequest addBuildToBetaGroups(const QString &buildId, const QStringList &groupIds)
{
    return ApiRequest::post(buildPath(buildId) + QStringLiteral("/relationships/betaGroups"),
                            linkageOf(QStringLiteral("betaGroups"), groupIds));
}

ApiRequest removeBuildFromBetaGroups(const QString &buildId, const QStringList &groupIds)
{
    return ApiRequest::remove(buildPath(buildId) + QStringLiteral("/relationships/betaGroups"),
                              linkageOf(QStringLiteral("betaGroups"), groupIds));
}

} // namespace ascend::api

#include "core/api/buildbetanotifications.h"

#include "core/jsonapi/requestbody.h"

namespace ascend::api {

ApiRequest notifyBetaTesters(const QString &buildId)
{
    jsonapi::ResourceBody body(QStringLiteral("buildBetaNotifications"));
    body.setToOne(QStringLiteral("build"), {QStringLiteral("builds"), buildId});
    return ApiRequest::post(QStringLiteral("/v1/buildBetaNotifications"), body.toJson());
}

} // namespace ascend::api

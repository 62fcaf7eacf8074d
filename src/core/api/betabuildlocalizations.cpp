#include "core/api/betabuildlocalizations.h"

#include "core/jsonapi/requestbody.h"

namespace ascend::api {

std::optional<BetaBuildLocalization> BetaBuildLocalization::fromResource(const jsonapi::Resource &resource)
{
    if (resource.type != QLatin1String(Type))
        return std::nullopt;
    BetaBuildLocalization localization;
    localization.id = resource.id;
    localization.locale = resource.stringAttribute(QStringLiteral("locale"));
    localization.whatsNew = resource.stringAttribute(QStringLiteral("whatsNew"));
    localization.buildId = resource.relatedId(QStringLiteral("build"));
    return localization;
}

ApiRequest listBetaBuildLocalizations(const Query &query)
{
    return ApiRequest::get(QStringLiteral("/v1/betaBuildLocalizations"), query);
}

ApiRequest listBuildBetaBuildLocalizations(const QString &buildId, const Query &query)
{
    return ApiRequest::get(QStringLiteral("/v1/builds/%1/betaBuildLocalizations").arg(pathSegment(buildId)),
                           query);
}

ApiRequest createBetaBuildLocalization(const QString &buildId, const QString &locale, const QString &whatsNew)
{
    jsonapi::ResourceBody body(QLatin1String(BetaBuildLocalization::Type));
    body.setAttribute(QStringLiteral("locale"), locale)
        .setAttribute(QStringLiteral("whatsNew"), whatsNew)
        .setToOne(QStringLiteral("build"), {QStringLiteral("builds"), buildId});
    return ApiRequest::post(QStringLiteral("/v1/betaBuildLocalizations"), body.toJson());
}

ApiRequest updateBetaBuildLocalization(const QString &id, const QString &whatsNew)
{
    jsonapi::ResourceBody body(QLatin1String(BetaBuildLocalization::Type), id);
    body.setAttribute(QStringLiteral("whatsNew"), whatsNew);
    return ApiRequest::patch(QStringLiteral("/v1/betaBuildLocalizations/") + pathSegment(id), body.toJson());
}

ApiRequest deleteBetaBuildLocalization(const QString &id)
{
    return ApiRequest::remove(QStringLiteral("/v1/betaBuildLocalizations/") + pathSegment(id));
}

} // namespace ascend::api

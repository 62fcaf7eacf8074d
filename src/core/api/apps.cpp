#include "core/api/apps.h"

namespace ascend::api {

std::optional<App> App::fromResource(const jsonapi::Resource &resource)
{
    if (resource.type != QLatin1String(Type))
        return std::nullopt;
    App app;
    app.id = resource.id;
    app.name = resource.stringAttribute(QStringLiteral("name"));
    app.bundleId = resource.stringAttribute(QStringLiteral("bundleId"));
    app.sku = resource.stringAttribute(QStringLiteral("sku"));
    app.primaryLocale = resource.stringAttribute(QStringLiteral("primaryLocale"));
    return app;
}

ApiRequest listApps(const Query &query)
{
    return ApiRequest::get(QStringLiteral("/v1/apps"), query);
}

ApiRequest getApp(const QString &id, const Query &query)
{
    return ApiRequest::get(QStringLiteral("/v1/apps/") + pathSegment(id), query);
}

ApiRequest findAppByBundleId(const QString &bundleId)
{
    // The filter is not guaranteed to be an exact match, so ask for a full page and choose locally.
    return listApps(Query().filter(QStringLiteral("bundleId"), bundleId).limit(Query::DefaultMaxLimit));
}

std::optional<App> appWithBundleId(const jsonapi::Document &document, const QString &bundleId)
{
    for (const auto &resource : document.resources()) {
        auto app = App::fromResource(resource);
        if (app && app->bundleId == bundleId)
            return app;
    }
    return std::nullopt;
}

} // namespace ascend::api

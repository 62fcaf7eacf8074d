#pragma once
// The "apps" resource and its endpoints (GET /v1/apps, GET /v1/apps/{id}).

#include "core/api/apirequest.h"
#include "core/jsonapi/document.h"
#include "core/jsonapi/resource.h"

#include <QString>
#include <optional>

namespace ascend::api {

struct App {
    static constexpr char Type[] = "apps";

    QString id;
    QString name;
    QString bundleId;
    QString sku;
    QString primaryLocale;

    // nullopt when the resource is not of type "apps".
    static std::optional<App> fromResource(const jsonapi::Resource &resource);
};

// GET /v1/apps (apps_getCollection): filter[name|bundleId|sku|id|...], sort, fields[apps], include, limit.
ApiRequest listApps(const Query &query = {});
// GET /v1/apps/{id} (apps_getInstance).
ApiRequest getApp(const QString &id, const Query &query = {});
// GET /v1/apps?filter[bundleId]=... ; pick the exact match from the answer with appWithBundleId().
ApiRequest findAppByBundleId(const QString &bundleId);
// The app in a list document whose bundleId equals bundleId exactly.
std::optional<App> appWithBundleId(const jsonapi::Document &document, const QString &bundleId);

} // namespace ascend::api

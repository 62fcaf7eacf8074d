#pragma once
// The "preReleaseVersions" resource (schema PrereleaseVersion) and its endpoints.

#include "core/api/apirequest.h"
#include "core/asc/ascenums.h"
#include "core/jsonapi/resource.h"

#include <QString>
#include <optional>

namespace ascend::api {

struct PreReleaseVersion {
    static constexpr char Type[] = "preReleaseVersions";

    QString id;
    QString version; // CFBundleShortVersionString
    std::optional<asc::Platform> platform;
    QString appId; // from relationships.app.data, when sent

    static std::optional<PreReleaseVersion> fromResource(const jsonapi::Resource &resource);
};

// GET /v1/preReleaseVersions (preReleaseVersions_getCollection): filter[app|platform|version|builds|...],
// sort (version), include (builds, app), limit.
ApiRequest listPreReleaseVersions(const Query &query = {});
// GET /v1/preReleaseVersions/{id} (preReleaseVersions_getInstance).
ApiRequest getPreReleaseVersion(const QString &id, const Query &query = {});

} // namespace ascend::api

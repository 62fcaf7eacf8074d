#pragma once
// The "builds" resource and its endpoints (GET /v1/builds, /v1/builds/{id}, /v1/apps/{id}/builds).

#include "core/api/apirequest.h"
#include "core/asc/ascenums.h"
#include "core/jsonapi/resource.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace ascend::api {

struct Build {
    static constexpr char Type[] = "builds";

    QString id;
    QString version; // CFBundleVersion
    QDateTime uploadedDate;
    QDateTime expirationDate;
    bool expired = false;
    QString minOsVersion;
    std::optional<asc::BuildProcessingState> processingState; // nullopt when absent or unknown
    std::optional<asc::BuildAudienceType> buildAudienceType;
    std::optional<bool> usesNonExemptEncryption;
    QString preReleaseVersionId; // from relationships.preReleaseVersion.data, when sent
    QString appId;               // from relationships.app.data, when sent

    static std::optional<Build> fromResource(const jsonapi::Resource &resource);
};

// GET /v1/builds (builds_getCollection): filter[app|version|expired|processingState|preReleaseVersion|...],
// exists[usesNonExemptEncryption], sort (version, uploadedDate, preReleaseVersion), include, limit.
ApiRequest listBuilds(const Query &query = {});
// GET /v1/apps/{id}/builds (apps_builds_getToManyRelated): only fields[builds] and limit.
ApiRequest listAppBuilds(const QString &appId, const Query &query = {});
// GET /v1/builds/{id} (builds_getInstance).
ApiRequest getBuild(const QString &id, const Query &query = {});

} // namespace ascend::api

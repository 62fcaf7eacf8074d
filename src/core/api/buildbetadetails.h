#pragma once
// "buildBetaDetails": a build's internal and external TestFlight state and its auto-notify switch.

#include "core/api/apirequest.h"
#include "core/asc/ascenums.h"
#include "core/jsonapi/resource.h"

#include <QString>
#include <optional>

namespace ascend::api {

struct BuildBetaDetail {
    static constexpr char Type[] = "buildBetaDetails";

    QString id;
    bool autoNotifyEnabled = false;
    std::optional<asc::InternalBetaState> internalBuildState;
    std::optional<asc::ExternalBetaState> externalBuildState;
    QString buildId;

    static std::optional<BuildBetaDetail> fromResource(const jsonapi::Resource &resource);
};

// GET /v1/buildBetaDetails: filter[build], filter[id], include=build, limit ≤ 200.
ApiRequest listBuildBetaDetails(const Query &query = {});
// GET /v1/builds/{id}/buildBetaDetail.
ApiRequest getBuildBetaDetailOfBuild(const QString &buildId, const Query &query = {});
// PATCH /v1/buildBetaDetails/{id}: autoNotifyEnabled.
ApiRequest setAutoNotify(const QString &detailId, bool enabled);

} // namespace ascend::api

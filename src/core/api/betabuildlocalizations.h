#pragma once
// "betaBuildLocalizations": the What to Test text of a build, one per locale.

#include "core/api/apirequest.h"
#include "core/jsonapi/resource.h"

#include <QString>
#include <optional>

namespace ascend::api {

struct BetaBuildLocalization {
    static constexpr char Type[] = "betaBuildLocalizations";
    static constexpr int MaxWhatsNewLength = 4000;

    QString id;
    QString locale; // "en-US"
    QString whatsNew;
    QString buildId; // relationships.build.data, when sent

    static std::optional<BetaBuildLocalization> fromResource(const jsonapi::Resource &resource);
};

// GET /v1/betaBuildLocalizations: filter[build], filter[locale], include=build, limit ≤ 200.
ApiRequest listBetaBuildLocalizations(const Query &query = {});
// GET /v1/builds/{id}/betaBuildLocalizations.
ApiRequest listBuildBetaBuildLocalizations(const QString &buildId, const Query &query = {});
// POST /v1/betaBuildLocalizations → 201; 409 when the build already has that locale.
ApiRequest createBetaBuildLocalization(const QString &buildId, const QString &locale,
                                       const QString &whatsNew);
// PATCH /v1/betaBuildLocalizations/{id}: only whatsNew changes.
ApiRequest updateBetaBuildLocalization(const QString &id, const QString &whatsNew);
ApiRequest deleteBetaBuildLocalization(const QString &id);

} // namespace ascend::api

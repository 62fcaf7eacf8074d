#pragma once
// PATCH /v1/builds/{id} (builds_updateInstance) and the builds' betaGroups linkage.

#include "core/api/apirequest.h"

#include <QString>
#include <QStringList>

namespace ascend::api {

// expired: true ends testing of the build; it cannot be undone.
ApiRequest expireBuild(const QString &buildId);
// The export-compliance answer.
ApiRequest setUsesNonExemptEncryption(const QString &buildId, bool uses);
// POST/DELETE /v1/builds/{id}/relationships/betaGroups → 204.
ApiRequest addBuildToBetaGroups(const QString &buildId, const QStringList &groupIds);
ApiRequest removeBuildFromBetaGroups(const QString &buildId, const QStringList &groupIds);

} // namespace ascend::api

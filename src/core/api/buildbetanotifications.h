#pragma once
// POST /v1/buildBetaNotifications: tell the testers of a build's groups that it is available.

#include "core/api/apirequest.h"

#include <QString>

namespace ascend::api {

// buildBetaNotifications_createInstance → 201.
ApiRequest notifyBetaTesters(const QString &buildId);

} // namespace ascend::api

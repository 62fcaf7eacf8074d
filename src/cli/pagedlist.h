#pragma once
// Synchronous helpers for commands: all pages of a list, one app by bundle ID or ID.

#include "core/api/apirequest.h"
#include "core/api/apps.h"
#include "core/jsonapi/resource.h"

#include <QList>
#include <optional>

namespace ascend::cli {

class CliContext;

// Follows links.next to the end. nullopt after printing the error; `what` names the action in messages.
std::optional<QList<jsonapi::Resource>> fetchAllPages(CliContext &context, const api::ApiRequest &firstPage,
                                                      const QString &what,
                                                      QList<jsonapi::Resource> *included = nullptr);

// "com.example.app" (bundle ID) or "1234567890" (app ID) → the app; nullopt after printing why.
std::optional<api::App> resolveApp(CliContext &context, const QString &bundleIdOrId);

} // namespace ascend::cli

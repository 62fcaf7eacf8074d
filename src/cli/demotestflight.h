#pragma once
// The demo's TestFlight step: the uploaded build goes to an external group with What to Test notes, is
// submitted for Beta App Review, and the approval arrives as a verified webhook event.

#include <QString>
#include <functional>

namespace ascend::api {
class ApiClient;
}

namespace ascend::cli {

class DemoWebhook;

bool runDemoTestFlight(api::ApiClient *client, const QString &appId, const QString &buildId,
                       DemoWebhook &webhook, const std::function<void(const QString &)> &step,
                       QString *error);

} // namespace ascend::cli

#pragma once
// The demo's feedback step: lists the app's TestFlight feedback and saves one
// screenshot and one crash log.

#include <QString>
#include <functional>

namespace ascend::api {
class ApiClient;
}

namespace ascend::cli {

bool runDemoFeedback(api::ApiClient *client, const QString &appId, const QString &outDir,
                     const std::function<void(const QString &)> &step, QString *error);

} // namespace ascend::cli

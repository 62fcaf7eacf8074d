#pragma once

#include <QString>
#include <functional>

namespace ascend::api {
class ApiClient;
}

namespace ascend::cli {

// The demo's upload step: writes a sample .ipa (a real zip with a real Info.plist) for bundleId, uploads
// it part by part and waits for COMPLETE. step() gets one line per event. On success buildUploadId and
// buildId name what was created; otherwise error says why.
struct DemoUploadResult {
    QString buildUploadId;
    QString buildId;
};
bool runDemoUpload(api::ApiClient *client, const QString &bundleId,
                   const std::function<void(const QString &)> &step, DemoUploadResult *result,
                   QString *error);

} // namespace ascend::cli

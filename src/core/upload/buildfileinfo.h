#pragma once
// What a build file is: the app identity and version read from an .ipa's Info.plist, or typed in for a
// .pkg (its metadata input form).

#include "core/asc/ascenums.h"

#include <QString>
#include <optional>

namespace ascend::upload {

struct BuildFileInfo {
    enum class Kind { Ipa, Pkg };

    QString path;
    Kind kind = Kind::Ipa;
    qint64 size = 0;
    QString bundleId;      // CFBundleIdentifier
    QString shortVersion;  // CFBundleShortVersionString
    QString bundleVersion; // CFBundleVersion
    std::optional<asc::Platform> platform;
    QString displayName; // CFBundleDisplayName or CFBundleName, when present

    asc::BuildUploadFileUti uti() const
    {
        return kind == Kind::Pkg ? asc::BuildUploadFileUti::Pkg : asc::BuildUploadFileUti::Ipa;
    }
    QString fileName() const;
    // Empty when complete; otherwise which fields a person still has to give.
    QString missingFields() const;
};

// The result of inspection: info, or a message saying why the file cannot be uploaded.
struct InspectionResult {
    std::optional<BuildFileInfo> info;
    QString error;

    bool ok() const { return info.has_value(); }
};

// The metadata a person types for a .pkg (or to override what an .ipa says).
struct BuildMetadata {
    QString bundleId;
    QString shortVersion;
    QString bundleVersion;
    std::optional<asc::Platform> platform;
};

} // namespace ascend::upload

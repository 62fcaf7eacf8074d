#pragma once
// Reads a build file before anything is sent: an .ipa is opened with libzip, Payload/<Name>.app/Info.plist
// (binary or XML) is parsed with libplist, and the platform comes from DTPlatformName or
// CFBundleSupportedPlatforms. A .pkg takes its metadata from the caller.

#include "core/upload/buildfileinfo.h"

#include <QByteArray>

namespace ascend::upload {

class BuildInspector {
public:
    static constexpr qint64 MaxInfoPlistBytes = 16 * 1024 * 1024;

    // Inspects path by its extension: .ipa is read; .pkg needs metadata (bundle id, version, build;
    // platform defaults to MAC_OS). Values in overrides replace what the file says.
    static InspectionResult inspect(const QString &path, const BuildMetadata &overrides = {});
    static InspectionResult inspectIpa(const QString &path);
    static InspectionResult inspectPkg(const QString &path, const BuildMetadata &metadata);

    // Parses an Info.plist (binary or XML) into info's identity fields; false plus error when it is not a
    // dictionary plist.
    static bool readInfoPlist(const QByteArray &data, BuildFileInfo *info, QString *error);
    // DTPlatformName ("iphoneos") or a CFBundleSupportedPlatforms entry ("iPhoneOS") → Platform.
    static std::optional<asc::Platform> platformFromName(const QString &name);
};

} // namespace ascend::upload

#include "core/upload/buildinspector.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <memory>
#include <plist/plist.h>
#include <zip.h>

namespace ascend::upload {

namespace {

struct ZipCloser {
    void operator()(zip_t *archive) const { zip_discard(archive); }
};
struct PlistFree {
    void operator()(plist_t node) const { plist_free(node); }
};
using PlistPtr = std::unique_ptr<std::remove_pointer_t<plist_t>, PlistFree>;

QString stringItem(plist_t dict, const char *key)
{
    plist_t node = plist_dict_get_item(dict, key);
    if (!node || plist_get_node_type(node) != PLIST_STRING)
        return {};
    char *value = nullptr;
    plist_get_string_val(node, &value);
    const QString text = QString::fromUtf8(value);
    free(value);
    return text;
}

QString zipErrorText(int code)
{
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    const QString text = QString::fromUtf8(zip_error_strerror(&error));
    zip_error_fini(&error);
    return text;
}

} // namespace

std::optional<asc::Platform> BuildInspector::platformFromName(const QString &name)
{
    const QString lower = name.toLower();
    if (lower == QLatin1String("iphoneos"))
        return asc::Platform::IOS;
    if (lower == QLatin1String("appletvos"))
        return asc::Platform::TV_OS;
    if (lower == QLatin1String("xros") || lower == QLatin1String("visionos"))
        return asc::Platform::VISION_OS;
    if (lower == QLatin1String("macosx") || lower == QLatin1String("macos"))
        return asc::Platform::MAC_OS;
    return std::nullopt;
}

bool BuildInspector::readInfoPlist(const QByteArray &data, BuildFileInfo *info, QString *error)
{
    plist_t raw = nullptr;
    plist_from_memory(data.constData(), uint32_t(data.size()), &raw);
    PlistPtr root(raw);
    if (!root || plist_get_node_type(root.get()) != PLIST_DICT) {
        *error = QStringLiteral("Info.plist is not a property list dictionary (neither binary nor XML).");
        return false;
    }
    info->bundleId = stringItem(root.get(), "CFBundleIdentifier");
    info->shortVersion = stringItem(root.get(), "CFBundleShortVersionString");
    info->bundleVersion = stringItem(root.get(), "CFBundleVersion");
    info->displayName = stringItem(root.get(), "CFBundleDisplayName");
    if (info->displayName.isEmpty())
        info->displayName = stringItem(root.get(), "CFBundleName");

    QStringList platformNames;
    const QString platformName = stringItem(root.get(), "DTPlatformName");
    if (!platformName.isEmpty())
        platformNames << platformName;
    plist_t supported = plist_dict_get_item(root.get(), "CFBundleSupportedPlatforms");
    if (supported && plist_get_node_type(supported) == PLIST_ARRAY) {
        for (uint32_t i = 0; i < plist_array_get_size(supported); ++i) {
            plist_t item = plist_array_get_item(supported, i);
            if (plist_get_node_type(item) != PLIST_STRING)
                continue;
            char *value = nullptr;
            plist_get_string_val(item, &value);
            platformNames << QString::fromUtf8(value);
            free(value);
        }
    }
    for (const QString &name : std::as_const(platformNames)) {
        if (const auto platform = platformFromName(name)) {
            info->platform = platform;
            break;
        }
    }
    if (!info->platform && !platformNames.isEmpty() &&
        platformNames.first().contains(QLatin1String("simulator"), Qt::CaseInsensitive)) {
        *error =
            QStringLiteral(
                "The app was built for the simulator (%1); App Store Connect accepts device builds only.")
                .arg(platformNames.first());
        return false;
    }
    return true;
}

InspectionResult BuildInspector::inspectIpa(const QString &path)
{
    InspectionResult result;
    const QFileInfo fileInfo(path);
    if (!fileInfo.isFile()) {
        result.error = QStringLiteral("%1 does not exist or is not a file.").arg(path);
        return result;
    }
    int code = 0;
    std::unique_ptr<zip_t, ZipCloser> archive(
        zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY | ZIP_CHECKCONS, &code));
    if (!archive) {
        if (code == ZIP_ER_NOZIP)
            result.error =
                QStringLiteral("%1 is not an .ipa: it is not a zip archive.").arg(fileInfo.fileName());
        else
            result.error = QStringLiteral("%1 is a damaged zip archive: %2.")
                               .arg(fileInfo.fileName(), zipErrorText(code));
        return result;
    }
    static const QRegularExpression infoPlistPath(QStringLiteral("^Payload/[^/]+\\.app/Info\\.plist$"));
    const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
    zip_int64_t found = -1;
    for (zip_int64_t i = 0; i < count; ++i) {
        const char *name = zip_get_name(archive.get(), zip_uint64_t(i), ZIP_FL_ENC_GUESS);
        if (name && infoPlistPath.match(QString::fromUtf8(name)).hasMatch()) {
            found = i;
            break;
        }
    }
    if (found < 0) {
        result.error = QStringLiteral("%1 has no Payload/<App>.app/Info.plist; it is not an app archive.")
                           .arg(fileInfo.fileName());
        return result;
    }
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive.get(), zip_uint64_t(found), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE) ||
        stat.size > zip_uint64_t(MaxInfoPlistBytes)) {
        result.error = QStringLiteral("%1: Info.plist is unreadable or too large.").arg(fileInfo.fileName());
        return result;
    }
    zip_file_t *entry = zip_fopen_index(archive.get(), zip_uint64_t(found), 0);
    if (!entry) {
        result.error = QStringLiteral("%1 is a damaged zip archive: %2.")
                           .arg(fileInfo.fileName(), QString::fromUtf8(zip_strerror(archive.get())));
        return result;
    }
    QByteArray data(qsizetype(stat.size), Qt::Uninitialized);
    const zip_int64_t read = zip_fread(entry, data.data(), stat.size);
    const bool readFailed = read != zip_int64_t(stat.size);
    const QString entryError = QString::fromUtf8(zip_file_strerror(entry));
    zip_fclose(entry);
    if (readFailed) {
        result.error = QStringLiteral("%1 is a damaged zip archive: Info.plist cannot be read (%2).")
                           .arg(fileInfo.fileName(), entryError);
        return result;
    }

    BuildFileInfo info;
    info.path = fileInfo.absoluteFilePath();
    info.kind = BuildFileInfo::Kind::Ipa;
    info.size = fileInfo.size();
    QString error;
    if (!readInfoPlist(data, &info, &error)) {
        result.error = QStringLiteral("%1: %2").arg(fileInfo.fileName(), error);
        return result;
    }
    result.info = info;
    return result;
}

InspectionResult BuildInspector::inspectPkg(const QString &path, const BuildMetadata &metadata)
{
    InspectionResult result;
    const QFileInfo fileInfo(path);
    if (!fileInfo.isFile()) {
        result.error = QStringLiteral("%1 does not exist or is not a file.").arg(path);
        return result;
    }
    BuildFileInfo info;
    info.path = fileInfo.absoluteFilePath();
    info.kind = BuildFileInfo::Kind::Pkg;
    info.size = fileInfo.size();
    info.bundleId = metadata.bundleId;
    info.shortVersion = metadata.shortVersion;
    info.bundleVersion = metadata.bundleVersion;
    info.platform = metadata.platform.value_or(asc::Platform::MAC_OS);
    result.info = info;
    return result;
}

InspectionResult BuildInspector::inspect(const QString &path, const BuildMetadata &overrides)
{
    InspectionResult result = path.endsWith(QLatin1String(".pkg"), Qt::CaseInsensitive)
                                  ? inspectPkg(path, overrides)
                                  : inspectIpa(path);
    if (!result.info)
        return result;
    BuildFileInfo &info = *result.info;
    if (!overrides.bundleId.isEmpty())
        info.bundleId = overrides.bundleId;
    if (!overrides.shortVersion.isEmpty())
        info.shortVersion = overrides.shortVersion;
    if (!overrides.bundleVersion.isEmpty())
        info.bundleVersion = overrides.bundleVersion;
    if (overrides.platform)
        info.platform = overrides.platform;
    if (info.size <= 0) {
        result.error = QStringLiteral("%1 is empty.").arg(info.fileName());
        result.info.reset();
        return result;
    }
    const QString missing = info.missingFields();
    if (!missing.isEmpty()) {
        result.error = info.kind == BuildFileInfo::Kind::Pkg
                           ? QStringLiteral("%1 is a .pkg: give its %2.").arg(info.fileName(), missing)
                           : QStringLiteral("%1: Info.plist lacks %2.").arg(info.fileName(), missing);
        result.info.reset();
    }
    return result;
}

} // namespace ascend::upload

#include "core/upload/sampleipa.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryFile>
#include <plist/plist.h>
#include <zip.h>

namespace ascend::upload {

namespace {

QByteArray infoPlist(const SampleIpaSpec &spec)
{
    plist_t dict = plist_new_dict();
    auto set = [dict](const char *key, const QString &value) {
        plist_dict_set_item(dict, key, plist_new_string(value.toUtf8().constData()));
    };
    set("CFBundleIdentifier", spec.bundleId);
    set("CFBundleShortVersionString", spec.shortVersion);
    set("CFBundleVersion", spec.bundleVersion);
    set("CFBundleName", spec.appName);
    set("CFBundleExecutable", spec.appName);
    set("CFBundlePackageType", QStringLiteral("APPL"));
    if (!spec.platformName.isEmpty())
        set("DTPlatformName", spec.platformName);
    if (!spec.supportedPlatforms.isEmpty()) {
        plist_t platforms = plist_new_array();
        for (const QString &name : spec.supportedPlatforms)
            plist_array_append_item(platforms, plist_new_string(name.toUtf8().constData()));
        plist_dict_set_item(dict, "CFBundleSupportedPlatforms", platforms);
    }
    char *data = nullptr;
    uint32_t length = 0;
    if (spec.binaryPlist)
        plist_to_bin(dict, &data, &length);
    else
        plist_to_xml(dict, &data, &length);
    QByteArray bytes(data, qsizetype(length));
    free(data);
    plist_free(dict);
    return bytes;
}

} // namespace

bool writeSampleIpa(const QString &path, const SampleIpaSpec &spec, QString *error)
{
    // The executable's bytes go through a temporary file so large samples never sit in memory.
    QTemporaryFile executable;
    if (!executable.open()) {
        *error = executable.errorString();
        return false;
    }
    QRandomGenerator random(spec.seed);
    QByteArray block(64 * 1024, Qt::Uninitialized);
    for (qint64 left = spec.executableBytes; left > 0;) {
        random.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        const qint64 n = std::min<qint64>(left, block.size());
        if (executable.write(block.constData(), n) != n) {
            *error = executable.errorString();
            return false;
        }
        left -= n;
    }
    executable.flush();

    QFile::remove(path);
    int code = 0;
    zip_t *archive = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!archive) {
        *error = QStringLiteral("cannot create %1 (libzip error %2)").arg(path).arg(code);
        return false;
    }
    const QByteArray plist = infoPlist(spec);
    const QByteArray app = QStringLiteral("Payload/%1.app/").arg(spec.appName).toUtf8();
    zip_source_t *plistSource = zip_source_buffer(archive, plist.constData(), zip_uint64_t(plist.size()), 0);
    zip_source_t *binarySource =
        zip_source_file(archive, QFile::encodeName(executable.fileName()).constData(), 0, -1);
    bool ok = plistSource && binarySource && zip_dir_add(archive, app.constData(), ZIP_FL_ENC_UTF_8) >= 0;
    zip_int64_t plistIndex = -1;
    zip_int64_t binaryIndex = -1;
    if (ok)
        plistIndex = zip_file_add(archive, (app + "Info.plist").constData(), plistSource, ZIP_FL_ENC_UTF_8);
    if (plistIndex < 0 && plistSource)
        zip_source_free(plistSource);
    if (ok && plistIndex >= 0)
        binaryIndex =
            zip_file_add(archive, (app + spec.appName.toUtf8()).constData(), binarySource, ZIP_FL_ENC_UTF_8);
    if (binaryIndex < 0 && binarySource)
        zip_source_free(binarySource);
    ok = ok && plistIndex >= 0 && binaryIndex >= 0 &&
         zip_set_file_compression(archive, zip_uint64_t(binaryIndex), ZIP_CM_STORE, 0) == 0 &&
         zip_set_file_compression(archive, zip_uint64_t(plistIndex), ZIP_CM_STORE, 0) == 0;
    if (!ok) {
        *error = QString::fromUtf8(zip_strerror(archive));
        zip_discard(archive);
        return false;
    }
    if (zip_close(archive) != 0) {
        *error = QString::fromUtf8(zip_strerror(archive));
        zip_discard(archive);
        return false;
    }
    return true;
}

} // namespace ascend::upload

#pragma once
// Writes a small but real .ipa: a zip archive (libzip) with Payload/<Name>.app/Info.plist (libplist, binary
// or XML), both stored uncompressed, and an executable of random bytes. For the demo scenario, tests and
// benchmarks.

#include <QString>
#include <QStringList>

namespace ascend::upload {

struct SampleIpaSpec {
    QString appName = QStringLiteral("Sample");
    QString bundleId = QStringLiteral("com.example.sample");
    QString shortVersion = QStringLiteral("1.0");
    QString bundleVersion = QStringLiteral("1");
    QString platformName = QStringLiteral("iphoneos"); // DTPlatformName; empty = leave it out
    QStringList supportedPlatforms = {QStringLiteral("iPhoneOS")};
    bool binaryPlist = true;
    qint64 executableBytes = 256 * 1024; // random, stored uncompressed so the file is about this large
    quint32 seed = 1;
};

bool writeSampleIpa(const QString &path, const SampleIpaSpec &spec, QString *error);

} // namespace ascend::upload

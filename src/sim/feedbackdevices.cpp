#include "sim/feedbackdevices.h"

#include <QHash>

namespace ascend::sim {

namespace {

// Marketed capacities in GB as the device reports them (a little under the decimal figure).
QList<qint64> capacities(std::initializer_list<int> gigabytes)
{
    QList<qint64> out;
    for (const int gb : gigabytes)
        out.append(qint64(gb) * 999'917'000LL);
    return out;
}

const QStringList kIos17 = {QStringLiteral("17.3.1"), QStringLiteral("17.4"),   QStringLiteral("17.4.1"),
                            QStringLiteral("17.5"),   QStringLiteral("17.5.1"), QStringLiteral("17.6"),
                            QStringLiteral("17.6.1")};
const QStringList kIos18 = {QStringLiteral("18.0"), QStringLiteral("18.0.1"), QStringLiteral("18.1"),
                            QStringLiteral("18.2")};

QStringList iosVersions(const QString &oldest)
{
    QStringList out;
    QStringList all{QStringLiteral("16.7.8")};
    all += kIos17;
    all += kIos18;
    bool started = false;
    for (const QString &version : all) {
        started = started || version == oldest;
        if (started)
            out.append(version);
    }
    return out;
}

} // namespace

const QList<DeviceProfile> &deviceProfiles()
{
    static const QList<DeviceProfile> profiles = [] {
        QList<DeviceProfile> p;
        const QString iphone = QStringLiteral("IPHONE");
        const QString ipad = QStringLiteral("IPAD");
        const QString ios = QStringLiteral("IOS");
        p.append({QStringLiteral("iPhone15,2"), QStringLiteral("iPhone 14 Pro"), iphone, ios, 393, 852, 3,
                  true, capacities({128, 256, 512}), iosVersions(QStringLiteral("17.3.1"))});
        p.append({QStringLiteral("iPhone16,1"), QStringLiteral("iPhone 15 Pro"), iphone, ios, 393, 852, 3,
                  true, capacities({128, 256, 512, 1000}), iosVersions(QStringLiteral("17.3.1"))});
        p.append({QStringLiteral("iPhone16,2"), QStringLiteral("iPhone 15 Pro Max"), iphone, ios, 430, 932, 3,
                  true, capacities({256, 512, 1000}), iosVersions(QStringLiteral("17.4"))});
        p.append({QStringLiteral("iPhone15,4"), QStringLiteral("iPhone 15"), iphone, ios, 393, 852, 3, true,
                  capacities({128, 256}), iosVersions(QStringLiteral("17.4"))});
        p.append({QStringLiteral("iPhone14,5"), QStringLiteral("iPhone 13"), iphone, ios, 390, 844, 3, false,
                  capacities({128, 256}), iosVersions(QStringLiteral("16.7.8"))});
        p.append({QStringLiteral("iPhone14,7"), QStringLiteral("iPhone 14"), iphone, ios, 390, 844, 3, false,
                  capacities({128, 256}), iosVersions(QStringLiteral("17.3.1"))});
        p.append({QStringLiteral("iPhone17,1"), QStringLiteral("iPhone 16 Pro"), iphone, ios, 402, 874, 3,
                  true, capacities({128, 256, 512}), iosVersions(QStringLiteral("18.0"))});
        p.append({QStringLiteral("iPhone14,6"), QStringLiteral("iPhone SE (3rd generation)"), iphone, ios,
                  375, 667, 2, false, capacities({64, 128}), iosVersions(QStringLiteral("16.7.8"))});
        p.append({QStringLiteral("iPad13,4"), QStringLiteral("iPad Pro 11-inch (3rd generation)"), ipad, ios,
                  834, 1194, 2, false, capacities({128, 256, 512}), iosVersions(QStringLiteral("17.3.1"))});
        p.append({QStringLiteral("iPad13,18"), QStringLiteral("iPad (10th generation)"), ipad, ios, 820, 1180,
                  2, false, capacities({64, 256}), iosVersions(QStringLiteral("17.4"))});
        p.append({QStringLiteral("iPad14,1"), QStringLiteral("iPad mini (6th generation)"), ipad, ios, 744,
                  1133, 2, false, capacities({64, 256}), iosVersions(QStringLiteral("17.3.1"))});
        p.append({QStringLiteral("MacBookPro18,3"),
                  QStringLiteral("MacBook Pro (14-inch, 2021)"),
                  QStringLiteral("MAC"),
                  QStringLiteral("MAC_OS"),
                  1512,
                  982,
                  2,
                  false,
                  capacities({512, 1000}),
                  {QStringLiteral("14.4"), QStringLiteral("14.4.1"), QStringLiteral("14.5"),
                   QStringLiteral("15.0")}});
        p.append({QStringLiteral("Mac14,2"),
                  QStringLiteral("MacBook Air (M2, 2022)"),
                  QStringLiteral("MAC"),
                  QStringLiteral("MAC_OS"),
                  1470,
                  956,
                  2,
                  false,
                  capacities({256, 512}),
                  {QStringLiteral("14.4.1"), QStringLiteral("14.5"), QStringLiteral("15.0")}});
        p.append({QStringLiteral("RealityDevice14,1"),
                  QStringLiteral("Apple Vision Pro"),
                  QStringLiteral("VISION"),
                  QStringLiteral("VISION_OS"),
                  1280,
                  720,
                  2,
                  false,
                  capacities({256, 512}),
                  {QStringLiteral("1.1"), QStringLiteral("1.2"), QStringLiteral("2.0")}});
        p.append({QStringLiteral("AppleTV14,1"),
                  QStringLiteral("Apple TV 4K (3rd generation)"),
                  QStringLiteral("APPLE_TV"),
                  QStringLiteral("TV_OS"),
                  1920,
                  1080,
                  1,
                  false,
                  capacities({64, 128}),
                  {QStringLiteral("17.4"), QStringLiteral("17.5")}});
        return p;
    }();
    return profiles;
}

const DeviceProfile *deviceProfile(const QString &model)
{
    for (const DeviceProfile &profile : deviceProfiles()) {
        if (profile.model == model)
            return &profile;
    }
    return nullptr;
}

QList<const DeviceProfile *> devicesForAppPlatform(const QString &appPlatform)
{
    QList<const DeviceProfile *> out;
    for (const DeviceProfile &profile : deviceProfiles()) {
        const bool native = profile.platform == appPlatform;
        // iPhone and iPad apps run on Apple silicon Macs and on Apple Vision Pro too.
        const bool compatible =
            appPlatform == QLatin1String("IOS") &&
            (profile.platform == QLatin1String("MAC_OS") || profile.platform == QLatin1String("VISION_OS"));
        if (native || compatible)
            out.append(&profile);
    }
    return out;
}

QString osBuildNumber(const QString &platform, const QString &osVersion)
{
    static const QHash<QString, QString> builds = {
        {QStringLiteral("IOS 16.7.8"), QStringLiteral("20H343")},
        {QStringLiteral("IOS 17.3.1"), QStringLiteral("21D61")},
        {QStringLiteral("IOS 17.4"), QStringLiteral("21E219")},
        {QStringLiteral("IOS 17.4.1"), QStringLiteral("21E236")},
        {QStringLiteral("IOS 17.5"), QStringLiteral("21F79")},
        {QStringLiteral("IOS 17.5.1"), QStringLiteral("21F90")},
        {QStringLiteral("IOS 17.6"), QStringLiteral("21G80")},
        {QStringLiteral("IOS 17.6.1"), QStringLiteral("21G93")},
        {QStringLiteral("IOS 18.0"), QStringLiteral("22A3354")},
        {QStringLiteral("IOS 18.0.1"), QStringLiteral("22A3370")},
        {QStringLiteral("IOS 18.1"), QStringLiteral("22B83")},
        {QStringLiteral("IOS 18.2"), QStringLiteral("22C152")},
        {QStringLiteral("MAC_OS 14.4"), QStringLiteral("23E214")},
        {QStringLiteral("MAC_OS 14.4.1"), QStringLiteral("23E224")},
        {QStringLiteral("MAC_OS 14.5"), QStringLiteral("23F79")},
        {QStringLiteral("MAC_OS 15.0"), QStringLiteral("24A335")},
        {QStringLiteral("VISION_OS 1.1"), QStringLiteral("21O211")},
        {QStringLiteral("VISION_OS 1.2"), QStringLiteral("21O589")},
        {QStringLiteral("VISION_OS 2.0"), QStringLiteral("22N320")},
        {QStringLiteral("TV_OS 17.4"), QStringLiteral("21L227")},
        {QStringLiteral("TV_OS 17.5"), QStringLiteral("21L569")},
    };
    return builds.value(platform + QLatin1Char(' ') + osVersion);
}

QString osDisplayName(const QString &platform)
{
    if (platform == QLatin1String("MAC_OS"))
        return QStringLiteral("macOS");
    if (platform == QLatin1String("VISION_OS"))
        return QStringLiteral("visionOS");
    if (platform == QLatin1String("TV_OS"))
        return QStringLiteral("tvOS");
    return QStringLiteral("iPhone OS");
}

} // namespace ascend::sim

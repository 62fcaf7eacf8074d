#pragma once
// The devices TestFlight feedback comes from: model identifiers as devices report them ("iPhone15,2"), their
// screens in points and pixels, storage, OS versions with their build numbers, and where the screenshot and
// crash-report generators need them. Shared by the seeder, the screenshot renderer and the crash reports.

#include <QList>
#include <QString>
#include <QStringList>

namespace ascend::sim {

struct DeviceProfile {
    QString model;        // "iPhone15,2"
    QString name;         // "iPhone 14 Pro"
    QString family;       // DeviceFamily: IPHONE, IPAD, MAC, VISION, APPLE_TV
    QString platform;     // Platform of the device: IOS, MAC_OS, VISION_OS, TV_OS
    int widthPoints = 0;  // portrait
    int heightPoints = 0; // portrait
    int scale = 1;        // pixels per point
    bool dynamicIsland = false;
    QList<qint64> storageBytes; // capacities sold
    QStringList osVersions;     // oldest first

    int widthPixels() const { return widthPoints * scale; }
    int heightPixels() const { return heightPoints * scale; }
};

// Every profile; the first of a platform is its most common device.
const QList<DeviceProfile> &deviceProfiles();
// nullptr for an unknown model.
const DeviceProfile *deviceProfile(const QString &model);
// The profiles a build for appPlatform can run on (an IOS build also runs on iPads, Apple silicon Macs and
// Apple Vision Pro).
QList<const DeviceProfile *> devicesForAppPlatform(const QString &appPlatform);

// "21E219" for iOS 17.4; empty when unknown.
QString osBuildNumber(const QString &platform, const QString &osVersion);
// The OS name crash reports print: "iPhone OS", "macOS", "visionOS", "tvOS".
QString osDisplayName(const QString &platform);

} // namespace ascend::sim

#pragma once
// Everything needed to talk to one App Store Connect endpoint (the real one or ascend-sim).

#include <QByteArray>
#include <QString>

namespace ascend::session {

struct ConnectionInfo {
    QString name;    // account name shown in the UI ("Demo simulator" in demo mode)
    QString baseUrl; // https://api.appstoreconnect.apple.com or the simulator's loopback URL
    QString keyId;
    QString issuerId; // empty for individual keys
    bool individualKey = false;
    QByteArray privateKeyPem; // secret: never logged
    bool isSimulator = false;
};

} // namespace ascend::session

#pragma once
// ascend-sim's command line.

#include <QString>
#include <QStringList>

namespace ascend::sim {

struct SimOptions {
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0;                      // 0 = any free port
    QString dataDir;                       // empty = in memory only
    QString seed = QStringLiteral("demo"); // "demo" or "empty"
    int buildsCount = 0;                   // > 0: an extra benchmark app with this many builds
    QString generateKeyDir;
    QStringList apiKeys;        // KEYID:ISSUERID:PUBLIC_KEY_PEM_FILE
    QStringList individualKeys; // KEYID:PUBLIC_KEY_PEM_FILE
    QString recordPath;
    double faultRate = 0.0;
    int latencyMs = 0;
    int rateLimit = 3600;
    bool exitWithStdin = false;
};

struct ParsedOptions {
    SimOptions options;
    bool helpRequested = false;
    bool versionRequested = false;
    QString helpText;
    QString error; // set when the command line is wrong
};

ParsedOptions parseSimOptions(const QStringList &arguments);

} // namespace ascend::sim

#pragma once
// ascend-sim's command line.

#include "sim/faultinjector.h"

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
    // Build uploads: part size, processing time, and the shape of the part-upload network.
    qint64 partSize = 10 * 1024 * 1024;
    int processingSeconds = 3;
    double partFaultRate = 0.0;
    QList<FaultKind> partFaultKinds = FaultInjector::StatusKinds; // what a part fault is (--part-fault-kinds)
    qint64 partBandwidth = 0; // bytes per second per connection; 0 = unlimited
    int partLatencyMs = 0;
    int operationTtlSeconds = 7 * 24 * 3600;
    // Beta App Review: seconds per review step and the fraction of reviews that end REJECTED.
    int reviewSeconds = 5;
    double reviewRejectRate = 0.0;
    // TestFlight feedback: seeded counts for the first app (-1 = the demo's), --feedback-count's total
    // (split 1/5 screenshots, 4/5 crashes; the per-kind options win), a live submission every N seconds, and
    // the lifetime of screenshot URLs.
    int feedbackScreenshots = -1;
    int feedbackCrashes = -1;
    int feedbackCount = -1;
    int feedbackEverySeconds = 0;
    int screenshotUrlTtlSeconds = 900;
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

#pragma once
// Fills the Store with demo data: a handful of apps with pre-release versions on every platform and dozens
// of builds in varied processing states, some expired, TestFlight groups and testers, and tester feedback.
// Ids and states come from a generator with a fixed seed, so two runs produce the same data; dates are
// relative to SeedOptions::now.

#include <QDateTime>
#include <QString>

namespace ascend::sim {

class Store;

struct SeedOptions {
    enum class Kind { Empty, Demo };
    Kind kind = Kind::Demo;
    QDateTime now;           // reference time for upload/expiration dates; invalid → the current hour (UTC)
    int benchmarkBuilds = 0; // > 0: an extra app holding exactly this many builds
    // TestFlight feedback for the first app (the demo's first, else the benchmark app); -1 = the demo's
    // DemoFeedbackScreenshots / DemoFeedbackCrashes (none without the demo). The other demo apps get a few.
    int feedbackScreenshots = -1;
    int feedbackCrashes = -1;
    quint32 randomSeed = 20240611u;
};

inline constexpr int DemoFeedbackScreenshots = 64;
inline constexpr int DemoFeedbackCrashes = 24;

struct SeedSummary {
    int apps = 0;
    int preReleaseVersions = 0;
    int builds = 0;
    QString benchmarkAppId;      // set when benchmarkBuilds > 0
    int feedbackScreenshots = 0; // over every app
    int feedbackCrashes = 0;
};

inline constexpr const char *BenchmarkBundleId = "com.ascend.demo.benchmark";

SeedSummary seedStore(Store &store, const SeedOptions &options);

} // namespace ascend::sim

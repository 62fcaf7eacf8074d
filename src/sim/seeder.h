#pragma once
// Fills the Store with demo data: a handful of apps with pre-release versions on every platform and dozens
// of builds in varied processing states, some expired. Ids and states come from a generator with a fixed
// seed, so two runs produce the same data; dates are relative to SeedOptions::now.

#include <QDateTime>
#include <QString>

namespace ascend::sim {

class Store;

struct SeedOptions {
    enum class Kind { Empty, Demo };
    Kind kind = Kind::Demo;
    QDateTime now;           // reference time for upload/expiration dates; invalid → the current hour (UTC)
    int benchmarkBuilds = 0; // > 0: an extra app holding exactly this many builds
    quint32 randomSeed = 20240611u;
};

struct SeedSummary {
    int apps = 0;
    int preReleaseVersions = 0;
    int builds = 0;
    QString benchmarkAppId; // set when benchmarkBuilds > 0
};

inline constexpr const char *BenchmarkBundleId = "com.ascend.demo.benchmark";

SeedSummary seedStore(Store &store, const SeedOptions &options);

} // namespace ascend::sim

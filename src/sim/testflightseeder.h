#pragma once
// TestFlight demo data for the apps and builds already in the Store: internal and external groups,
// testers with devices and states, What to Test texts, Beta App Review submissions, and a buildBetaDetail
// for every build. The benchmark app gets 20 groups and 2,000 testers. Deterministic for a given seed.

#include <QDateTime>

namespace ascend::sim {

class Store;

struct TestFlightSeedSummary {
    int groups = 0;
    int testers = 0;
    int localizations = 0;
    int submissions = 0;
};

TestFlightSeedSummary seedTestFlight(Store &store, quint32 randomSeed, const QDateTime &now);

} // namespace ascend::sim

// TestFlight view benchmark: ascend-sim seeded with one app of 500 builds, 20 groups and 2,000 testers.
// Prints the HTTP requests needed to show the builds and groups (goal ≤ 6), the time until the builds tree
// is filled, and the longest stall of the GUI thread while 2,000 testers load into a group's view (goal
// ≤ 50 ms), measured by a 5 ms timer that records how late each tick fires. Exits non-zero only when the
// request count or the row counts are off (never on timings, which depend on the machine).

#include "core/api/apiclient.h"
#include "core/api/apireply.h"
#include "core/api/apps.h"
#include "core/session/session.h"
#include "core/session/simulatorprocess.h"
#include "models/testflightbuildmodel.h"
#include "models/testflightgroupmodel.h"
#include "models/testflighttestermodel.h"
#include "ui/testflightpane.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTextStream>
#include <QTimer>

using namespace ascend;

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QTextStream out(stdout);
    session::SimulatorProcess simulator;
    simulator.setExecutable(QStringLiteral(ASCEND_SIM_BINARY));
    simulator.setExtraArguments({QStringLiteral("--seed"), QStringLiteral("empty"),
                                 QStringLiteral("--builds-count"), QStringLiteral("500")});
    QString error;
    if (!simulator.startAndWait(30000, &error)) {
        out << "simulator: " << error << Qt::endl;
        return 1;
    }
    auto session = session::Session::create(simulator.connectionInfo(), &error);
    if (!session) {
        out << "session: " << error << Qt::endl;
        return 1;
    }
    api::ApiReply *reply =
        session->client()->send(api::findAppByBundleId(QStringLiteral("com.ascend.demo.benchmark")));
    api::waitForFinished(reply, 20000);
    const auto found = api::appWithBundleId(reply->document(), QStringLiteral("com.ascend.demo.benchmark"));
    reply->deleteLater();
    if (!found) {
        out << "no benchmark app" << Qt::endl;
        return 1;
    }
    const api::App benchmarkApp = *found;

    ui::TestFlightPane pane;
    pane.resize(1400, 800);
    pane.show();
    QSignalSpy loaded(&pane, &ui::TestFlightPane::loaded);
    QSignalSpy testersLoaded(&pane, &ui::TestFlightPane::testersLoaded);
    session->client()->resetRequestCount();
    QElapsedTimer clock;
    clock.start();
    pane.setSession(session.get());
    pane.setCurrentApp(&benchmarkApp);
    if (!loaded.wait(60000)) {
        out << "the builds did not load" << Qt::endl;
        return 1;
    }
    const qint64 fillMs = clock.elapsed();
    const qint64 requests = session->client()->requestCount();
    const int builds = pane.buildModel()->buildCount();
    const int groups = pane.groupModel()->rowCount();

    // Event-loop latency while the biggest group's 2,000 testers arrive.
    QString biggest;
    int biggestCount = 0;
    for (const auto &group : pane.groupModel()->groups())
        if (group.testerCount > biggestCount) {
            biggestCount = group.testerCount;
            biggest = group.group.id;
        }
    testersLoaded.clear();
    qint64 longestStall = 0;
    QElapsedTimer tick;
    QTimer probe;
    probe.setInterval(5);
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout,
                     [&] { longestStall = std::max(longestStall, tick.restart() - 5); });
    pane.selectGroup(pane.groupModel()->groups().first().group.id == biggest
                         ? pane.groupModel()->groups().last().group.id
                         : pane.groupModel()->groups().first().group.id);
    testersLoaded.wait(30000);
    testersLoaded.clear();
    clock.restart();
    tick.start();
    probe.start();
    pane.selectGroup(biggest);
    if (!testersLoaded.wait(60000)) {
        out << "the testers did not load" << Qt::endl;
        return 1;
    }
    probe.stop();
    const qint64 testersMs = clock.elapsed();
    const int testers = pane.testerModel()->rowCount();

    out << "TestFlight view, 500 builds / 20 groups / 2,000 testers (ascend-sim on loopback)\n";
    out << "  requests to show builds and groups: " << requests << " (goal <= 6)\n";
    out << "  builds tree filled after:           " << fillMs << " ms (" << builds << " builds, " << groups
        << " groups)\n";
    out << "  2,000 testers into the group view:  " << testersMs << " ms (" << testers << " rows)\n";
    out << "  longest GUI-thread stall meanwhile: " << longestStall << " ms (goal <= 50)\n";
    out.flush();
    const bool ok = requests <= 6 && builds == 500 && groups == 20 && testers == 2000;
    return ok ? 0 : 1;
}

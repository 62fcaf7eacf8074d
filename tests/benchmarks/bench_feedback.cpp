// Feedback inbox benchmark: ascend-sim seeded with 10,000 submissions for the first app (2,000 screenshots,
// 8,000 crashes), shown in the Feedback pane at 1400x900 (offscreen). Prints
//   - the HTTP requests to backfill the inbox (goal: the page count at limit=200, nothing per item),
//   - the time until the first page is shown,
//   - the longest GUI-thread stall while the inbox loads and while the grid is scrolled end to end
//     (goal <= 50 ms; a 5 ms timer records how late each tick fires),
//   - thumbnails decoded per second (download + decode + scale, off the GUI thread),
//   - peak memory of this process (goal <= 400 MiB).
// --quick (what ctest runs): 400 submissions. Exits non-zero only when counts are off (requests, rows,
// thumbnails), never on timings, which depend on the machine.

#include "core/api/apiclient.h"
#include "core/api/apireply.h"
#include "core/api/apps.h"
#include "core/feedback/screenshotfetcher.h"
#include "core/session/session.h"
#include "core/session/simulatorprocess.h"
#include "models/applistloader.h"
#include "models/feedbackfiltermodel.h"
#include "models/feedbackloader.h"
#include "models/feedbackmodel.h"
#include "ui/feedbackpane.h"
#include "ui/thumbnailcache.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QListView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <ctime>

using namespace ascend;

namespace {

// Peak resident set size of this process, in MiB (Linux).
double peakRssMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}

qint64 threadCpuMicroseconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000000 + now.tv_nsec / 1000;
}

// Records the longest delay of a 5 ms timer: how long the GUI thread could not run its event loop. For that
// longest stall it also keeps the CPU time the GUI thread itself used meanwhile: a stall with little CPU time
// is the thread waiting for a core (the machine is shared), one with much CPU time is work on the GUI thread.
class StallProbe {
public:
    StallProbe()
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 stall = m_tick.restart() - 5;
            const qint64 cpu = threadCpuMicroseconds();
            const qint64 busy = (cpu - m_cpu) / 1000;
            m_cpu = cpu;
            if (stall > m_longest) {
                m_longest = stall;
                m_longestBusy = busy;
            }
            m_busiest = std::max(m_busiest, busy);
        });
    }
    void start()
    {
        m_longest = m_longestBusy = m_busiest = 0;
        m_cpu = threadCpuMicroseconds();
        m_tick.start();
        m_timer.start();
    }
    qint64 stop()
    {
        m_timer.stop();
        return m_longest;
    }
    // GUI-thread CPU time within the longest stall; the most CPU time used between two ticks.
    qint64 longestBusy() const { return m_longestBusy; }
    qint64 busiest() const { return m_busiest; }
    QString describe() const
    {
        return QStringLiteral("%1 ms (GUI thread busy %2 ms of it; most GUI work between two ticks: %3 ms)")
            .arg(m_longest)
            .arg(m_longestBusy)
            .arg(m_busiest);
    }

private:
    QTimer m_timer;
    QElapsedTimer m_tick;
    qint64 m_cpu = 0;
    qint64 m_longest = 0;
    qint64 m_longestBusy = 0;
    qint64 m_busiest = 0;
};

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const int screenshots = quick ? 80 : 2000;
    const int crashes = quick ? 320 : 8000;
    QTextStream out(stdout);
    QTemporaryDir dir;
    qputenv("ASCEND_CONFIG_DIR", dir.filePath(QStringLiteral("config")).toUtf8());

    session::SimulatorProcess simulator;
    simulator.setExecutable(QStringLiteral(ASCEND_SIM_BINARY));
    simulator.setExtraArguments({QStringLiteral("--feedback-screenshots"), QString::number(screenshots),
                                 QStringLiteral("--feedback-crashes"), QString::number(crashes)});
    QString error;
    QElapsedTimer seeding;
    seeding.start();
    if (!simulator.startAndWait(300000, &error)) {
        out << "simulator: " << error << Qt::endl;
        return 1;
    }
    const qint64 seedMs = seeding.elapsed();
    auto session = session::Session::create(simulator.connectionInfo(), &error);
    if (!session) {
        out << "session: " << error << Qt::endl;
        return 1;
    }
    // The app the simulator seeded with the submissions: the one with the most.
    api::ApiReply *appsReply = session->client()->send(models::AppListLoader::request());
    api::waitForFinished(appsReply, 20000);
    if (!appsReply->ok() || appsReply->document().resources().isEmpty()) {
        out << "no apps" << Qt::endl;
        return 1;
    }
    api::App firstApp;
    qint64 most = -1;
    for (const auto &resource : appsReply->document().resources()) {
        api::Query query;
        query.limit(1);
        api::ApiReply *count =
            session->client()->send(api::listFeedback(resource.id, api::FeedbackKind::Crash, query));
        api::waitForFinished(count, 20000);
        const auto paging = count->document().paging();
        const qint64 total = paging && paging->total ? *paging->total : 0;
        if (total > most) {
            most = total;
            firstApp = *api::App::fromResource(resource);
        }
        count->deleteLater();
    }
    appsReply->deleteLater();

    ui::FeedbackPane pane;
    pane.resize(1400, 900);
    pane.setTriageDatabasePath(dir.filePath(QStringLiteral("feedback.sqlite")));
    pane.setThumbnailCacheDirectory(dir.filePath(QStringLiteral("thumbnails")));
    pane.setViewMode(ui::FeedbackPane::ViewMode::Grid);
    pane.show();
    if (!QTest::qWaitForWindowExposed(&pane))
        out << "the window was not exposed" << Qt::endl;
    QSignalSpy first(&pane, &ui::FeedbackPane::firstItemsShown);
    QSignalSpy loaded(&pane, &ui::FeedbackPane::loaded);
    session->client()->resetRequestCount();

    // Backfill, with the grid on screen (thumbnails of the first cards load meanwhile).
    StallProbe probe;
    probe.start();
    QElapsedTimer clock;
    clock.start();
    pane.setSession(session.get());
    pane.setCurrentApp(&firstApp);
    if (first.isEmpty() && !first.wait(60000)) {
        out << "nothing was shown" << Qt::endl;
        return 1;
    }
    pane.gridView()->viewport()->repaint(); // the first page on screen
    const qint64 firstPageMs = clock.elapsed();
    if (loaded.isEmpty() && !loaded.wait(300000)) {
        out << "the inbox did not load" << Qt::endl;
        return 1;
    }
    const qint64 loadMs = clock.elapsed();
    probe.stop();
    const QString loadStall = probe.describe();
    const int rows = pane.model()->rowCount();
    const int pages = pane.loader()->pageCount();
    const int expectedPages = (screenshots + 199) / 200 + (crashes + 199) / 200;

    // Scroll the grid from top to bottom, a screenful per frame (16 ms), then back up in big jumps.
    QListView *grid = pane.gridView();
    QScrollBar *bar = grid->verticalScrollBar();
    pane.thumbnails()->resetStats();
    probe.start();
    clock.restart();
    const int step = std::max(1, grid->viewport()->height());
    int frames = 0;
    for (int value = 0; value <= bar->maximum(); value += step) {
        bar->setValue(value);
        QTest::qWait(16);
        ++frames;
    }
    bar->setValue(bar->maximum());
    QTest::qWait(16);
    for (int value = bar->maximum(); value >= 0; value -= step * 7) {
        bar->setValue(value);
        QTest::qWait(16);
        ++frames;
    }
    bar->setValue(0);
    // Let the thumbnails of the final screen arrive.
    QElapsedTimer settle;
    settle.start();
    while ((pane.thumbnails()->activeCount() > 0 || pane.thumbnails()->queuedCount() > 0) &&
           settle.elapsed() < 30000)
        QTest::qWait(20);
    const qint64 scrollMs = clock.elapsed();
    probe.stop();
    const QString scrollStall = probe.describe();
    const ui::ThumbnailStats scrollStats = pane.thumbnails()->stats();

    // Thumbnail throughput with the pipeline kept busy: the first 200 screenshot cards (or all in --quick),
    // not cached in memory or on disk.
    ui::ThumbnailCache *thumbnails = pane.thumbnails();
    thumbnails->clearMemory();
    thumbnails->setDiskCacheDirectory(dir.filePath(QStringLiteral("thumbnails-2")));
    thumbnails->setMaxQueued(100000);
    thumbnails->resetStats();
    QList<api::FeedbackSubmission> wanted;
    for (const auto &item : pane.model()->items())
        if (item.kind == api::FeedbackKind::Screenshot && !item.screenshots.isEmpty() && wanted.size() < 200)
            wanted << item;
    probe.start();
    clock.restart();
    for (const auto &item : std::as_const(wanted))
        thumbnails->thumbnail(item, 0);
    while (thumbnails->stats().decoded + thumbnails->stats().failed < wanted.size() &&
           clock.elapsed() < 120000)
        QTest::qWait(10);
    const qint64 decodeWallMs = clock.elapsed();
    probe.stop();
    const QString decodeStall = probe.describe();
    const ui::ThumbnailStats decodeStats = thumbnails->stats();
    const double perSecond = decodeWallMs > 0 ? decodeStats.decoded * 1000.0 / decodeWallMs : 0;
    const double peak = peakRssMiB();
    // Everything this session sent is the inbox's pages plus the image downloads (and re-fetches of expired
    // URLs), which are all finished by now.
    const qint64 imageRequests = pane.fetcher()->downloadCount() + pane.fetcher()->refetchCount();
    const qint64 listRequests = session->client()->requestCount() - imageRequests;

    out << "Feedback inbox, " << rows << " submissions (" << screenshots << " screenshots, " << crashes
        << " crashes) from ascend-sim on loopback (seeded in " << seedMs << " ms)\n";
    out << "  HTTP requests to backfill:          " << listRequests << " (" << pages << " pages; goal "
        << expectedPages << " at limit=200, nothing per item; " << imageRequests
        << " image downloads came on top, one per card shown and per throughput run)\n";
    out << "  first page shown after:             " << firstPageMs << " ms\n";
    out << "  whole inbox loaded after:           " << loadMs << " ms\n";
    out << "  longest GUI-thread stall, loading:  " << loadStall << " (goal <= 50)\n";
    out << "  longest GUI-thread stall, scrolling " << frames
        << " frames end to end and back: " << scrollStall << " (goal <= 50; " << scrollMs << " ms, "
        << scrollStats.decoded << " thumbnails decoded, " << scrollStats.fromDisk << " from disk, "
        << scrollStats.dropped << " requests dropped as scrolled past)\n";
    out << "  thumbnails decoded per second:      " << QString::number(perSecond, 'f', 1) << " ("
        << decodeStats.decoded << " in " << decodeWallMs << " ms, download + decode + scale; decode alone "
        << (decodeStats.decoded ? decodeStats.decodeMs / decodeStats.decoded : 0) << " ms avg, "
        << decodeStats.maxDecodeMs << " ms max; GUI stall meanwhile " << decodeStall << ")\n";
    out << "  peak memory (this process):         " << QString::number(peak, 'f', 1)
        << " MiB (goal <= 400)\n";
    out.flush();

    bool ok = true;
    if (rows != screenshots + crashes) {
        out << "FAIL: " << rows << " rows instead of " << screenshots + crashes << Qt::endl;
        ok = false;
    }
    if (pages != expectedPages || listRequests != expectedPages) {
        out << "FAIL: " << listRequests << " list requests / " << pages << " pages instead of "
            << expectedPages << Qt::endl;
        ok = false;
    }
    if (decodeStats.decoded != wanted.size()) {
        out << "FAIL: " << decodeStats.decoded << " of " << wanted.size() << " thumbnails decoded ("
            << decodeStats.failed << " failed)" << Qt::endl;
        ok = false;
    }
    return ok ? 0 : 1;
}

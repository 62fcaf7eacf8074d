// bench_upload: build uploads through ascendctl against ascend-sim on loopback.
//   1. A 1 GiB file in one part: ascendctl's wall time next to curl -T of the same file to the same kind of
//      presigned part URL, and Ascend's part uploader alone in this process (the transport without process
//      start, API calls and MD5), over several rounds: an untimed warm-up upload, then the three in an order
//      that rotates every round, each after dirty pages were flushed and the simulator had finished verifying
//      the previous commit; the median ratios.
//      Peak RSS of the uploading process for 256 MiB, 1 GiB and 4 GiB files (10 MiB parts, 4 in flight)
//      and of the simulator.
//   2. The simulator throttled to 20 MB/s per connection with 40 ms per part: throughput with --parallel 1,
//      4 and 8.
//   3. --part-fault-rate 0.1: completion, parts re-sent, SHA-256 of the stored bytes against the file.
// --quick runs small files only. The exit status checks counts and integrity, never timings. --help lists
// the options.

#include "core/api/apiclient.h"
#include "core/api/apireply.h"
#include "core/api/apps.h"
#include "core/api/buildUploadFiles.h"
#include "core/api/buildUploads.h"
#include "core/session/session.h"
#include "core/upload/filehash.h"
#include "core/upload/partscheduler.h"
#include "core/upload/sampleipa.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <unistd.h>

using namespace ascend;

namespace {

constexpr qint64 MiB = 1024 * 1024;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

int g_failures = 0;
void check(bool ok, const QString &what)
{
    if (!ok) {
        ++g_failures;
        out() << "CHECK FAILED: " << what << Qt::endl;
    }
}

// VmHWM (peak resident set) of a running process, in KiB; 0 when unknown.
qint64 peakRssKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    return QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 2);
}

// Writes dirty pages to disk (the sample just generated, earlier runs' spooled bodies) and waits a moment,
// so that no timed run shares the disk and CPU with their write-back.
void settleOnDisk(const QString &path)
{
    QFile file(path);
    if (file.open(QIODevice::ReadWrite))
        ::fdatasync(file.handle());
    ::sync();
    QThread::msleep(500);
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

struct Sim {
    std::unique_ptr<QProcess> process;
    QString dataDir;
    QJsonObject ready;
    std::unique_ptr<session::Session> session;

    bool start(const QString &dir, const QStringList &extra)
    {
        dataDir = dir;
        process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::SeparateChannels);
        process->setStandardErrorFile(QDir(dir).filePath(QStringLiteral("sim.log")));
        process->start(QStringLiteral(ASCEND_SIM_BINARY),
                       QStringList{QStringLiteral("--generate-key"), dir, QStringLiteral("--data-dir"), dir,
                                   QStringLiteral("--exit-with-stdin")} +
                           extra);
        if (!process->waitForStarted(10000))
            return false;
        QElapsedTimer timer;
        timer.start();
        QByteArray line;
        while (!line.contains('\n') && timer.elapsed() < 30000) {
            process->waitForReadyRead(500);
            line += process->readAllStandardOutput();
        }
        ready = QJsonDocument::fromJson(line.trimmed()).object();
        session::ConnectionInfo info;
        info.baseUrl = ready.value(QStringLiteral("baseUrl")).toString();
        info.keyId = ready.value(QStringLiteral("keyId")).toString();
        info.issuerId = ready.value(QStringLiteral("issuerId")).toString();
        QFile key(ready.value(QStringLiteral("privateKeyPath")).toString());
        if (!key.open(QIODevice::ReadOnly))
            return false;
        info.privateKeyPem = key.readAll();
        QString error;
        session = session::Session::create(info, &error);
        return session != nullptr;
    }
    qint64 peakRss() const { return peakRssKiB(process->processId()); }
    QString stored(const QString &fileId) const
    {
        return QDir(dataDir).filePath(QStringLiteral("uploads/%1.bin").arg(fileId));
    }
    ~Sim()
    {
        if (process) {
            process->closeWriteChannel();
            if (!process->waitForFinished(10000))
                process->kill();
        }
    }
};

struct UploadRun {
    bool ok = false;
    QJsonObject result;
    double wallSeconds = 0;
    qint64 peakRssKiB = 0;
    QString stderrText;
};

UploadRun runUpload(Sim &sim, const QString &file, int parallel, const QString &configDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ASC_KEY_ID"), sim.ready.value(QStringLiteral("keyId")).toString());
    env.insert(QStringLiteral("ASC_ISSUER_ID"), sim.ready.value(QStringLiteral("issuerId")).toString());
    env.insert(QStringLiteral("ASC_BASE_URL"), sim.ready.value(QStringLiteral("baseUrl")).toString());
    env.insert(QStringLiteral("ASC_PRIVATE_KEY_PATH"),
               sim.ready.value(QStringLiteral("privateKeyPath")).toString());
    env.insert(QStringLiteral("ASCEND_CONFIG_DIR"), configDir);
    QProcess process;
    process.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(ASCENDCTL_BINARY),
                  {QStringLiteral("--json"), QStringLiteral("upload"), file, QStringLiteral("--parallel"),
                   QString::number(parallel)});
    UploadRun run;
    process.waitForStarted();
    const qint64 pid = process.processId();
    while (!process.waitForFinished(50))
        run.peakRssKiB = std::max(run.peakRssKiB, peakRssKiB(pid));
    run.wallSeconds = timer.elapsed() / 1000.0;
    run.result = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    run.stderrText = QString::fromUtf8(process.readAllStandardError());
    run.ok = process.exitCode() == 0 && run.result.value(QStringLiteral("ok")).toBool();
    if (!run.ok)
        out() << "upload failed: " << run.stderrText.right(2000) << Qt::endl;
    return run;
}

QString makeIpa(const QString &dir, const QString &build, qint64 bytes)
{
    upload::SampleIpaSpec spec;
    spec.appName = QStringLiteral("Bench");
    spec.bundleId = QStringLiteral("com.ascend.demo.trailhead");
    spec.shortVersion = QStringLiteral("100.0");
    spec.bundleVersion = build;
    spec.executableBytes = bytes;
    spec.seed = qHash(build);
    QString error;
    const QString path = QDir(dir).filePath(QStringLiteral("bench-%1.ipa").arg(build));
    if (!upload::writeSampleIpa(path, spec, &error))
        out() << "cannot write the sample: " << error << Qt::endl;
    return path;
}

// A one-part reservation for the file (the simulator runs with a part size of at least the file's size).
std::optional<api::BuildUploadFile> reserveOnePart(Sim &sim, const QString &file, const QString &build)
{
    api::ApiClient *client = sim.session->client();
    api::ApiReply *reply = client->send(api::findAppByBundleId(QStringLiteral("com.ascend.demo.trailhead")));
    api::waitForFinished(reply, 30000);
    const QString appId = reply->document().resources().value(0).id;
    reply = client->send(api::createBuildUpload(appId, QStringLiteral("100.0"), build, asc::Platform::IOS));
    api::waitForFinished(reply, 30000);
    const QString uploadId = reply->document().resource() ? reply->document().resource()->id : QString();
    reply = client->send(api::createBuildUploadFile(uploadId, QFileInfo(file).fileName(),
                                                    QFileInfo(file).size(), asc::BuildUploadFileUti::Ipa));
    api::waitForFinished(reply, 30000);
    const auto resource = reply->document().resource();
    auto reserved = resource ? api::BuildUploadFile::fromResource(*resource) : std::nullopt;
    if (!reserved || reserved->uploadOperations.size() != 1)
        return std::nullopt;
    return reserved;
}

// curl -T of the whole file to the presigned part URL of a one-part reservation.
double curlSeconds(Sim &sim, const QString &file, const QString &build, bool *ok)
{
    *ok = false;
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    const auto reserved = reserveOnePart(sim, file, build);
    if (curl.isEmpty() || !reserved)
        return -1;
    const auto &operation = reserved->uploadOperations.first();
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(curl, {QStringLiteral("-sS"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                         QStringLiteral("-w"), QStringLiteral("%{http_code}"), QStringLiteral("-H"),
                         QStringLiteral("Content-Type: application/octet-stream"), QStringLiteral("-H"),
                         QStringLiteral("Expect:"), QStringLiteral("-T"), file, operation.url});
    process.waitForFinished(-1);
    const double seconds = timer.elapsed() / 1000.0;
    *ok = process.readAllStandardOutput() == "200" &&
          upload::fileSha256Hex(sim.stored(reserved->id)) == upload::fileSha256Hex(file);
    QFile::remove(sim.stored(reserved->id));
    return seconds;
}

// The same one-part upload through Ascend's part scheduler and uploader in this process: the transport
// alone, without process start, API calls or the MD5.
double schedulerSeconds(Sim &sim, const QString &file, const QString &build, bool *ok)
{
    *ok = false;
    const auto reserved = reserveOnePart(sim, file, build);
    if (!reserved)
        return -1;
    upload::PartScheduler parts(file, reserved->uploadOperations);
    parts.setParallelism(1);
    QEventLoop loop;
    QObject::connect(&parts, &upload::PartScheduler::finished, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    parts.start();
    if (!parts.isFinished())
        loop.exec();
    const double seconds = timer.elapsed() / 1000.0;
    *ok = parts.failure() == upload::PartScheduler::Failure::None &&
          upload::fileSha256Hex(sim.stored(reserved->id)) == upload::fileSha256Hex(file);
    QFile::remove(sim.stored(reserved->id));
    return seconds;
}

// The simulator verifies a committed file's MD5 on a worker thread; wait until it is done so that the next
// timed run does not share the CPU with it.
void waitUntilVerified(Sim &sim, const QString &buildUploadId)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 120000) {
        api::ApiReply *reply = sim.session->client()->send(api::getBuildUpload(buildUploadId));
        api::waitForFinished(reply, 30000);
        const auto resource = reply->document().resource();
        const auto upload = resource ? api::BuildUpload::fromResource(*resource) : std::nullopt;
        reply->deleteLater();
        if (!upload || upload->state.state != asc::BuildUploadState::PROCESSING)
            return;
        QThread::msleep(100);
    }
}

void uploadAndVerify(Sim &sim, const QString &file, int parallel, const QString &config, const QString &label,
                     UploadRun *runOut = nullptr)
{
    UploadRun run = runUpload(sim, file, parallel, config);
    check(run.ok, label + QStringLiteral(": upload succeeded"));
    const QString stored = sim.stored(run.result.value(QStringLiteral("buildUploadFileId")).toString());
    check(upload::fileSha256Hex(stored) == upload::fileSha256Hex(file),
          label + QStringLiteral(": stored bytes identical"));
    if (runOut)
        *runOut = run;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (app.arguments().contains(QStringLiteral("--help"))) {
        out() << "usage: bench_upload [--quick] [--only=1|1a|1b|2|3] [--rounds=N]\n"
                 "  (no option)  every section with full sizes (1 GiB and 4 GiB files; needs ~10 GiB in "
                 "TMPDIR)\n"
                 "  --quick      small files, integrity checks only (what ctest runs)\n"
                 "  --only=1     ascendctl vs curl -T (1a) and peak RSS across file sizes (1b); 1a or 1b "
                 "alone\n"
                 "  --only=2     throughput with a throttled simulator, --parallel 1, 4 and 8\n"
                 "  --only=3     --part-fault-rate 0.1: completion, re-sent parts, stored bytes\n"
                 "  --rounds=N   rounds of ascendctl, curl and the uploader alone in 1a, the order rotating "
                 "(default 3, 1 with "
                 "--quick)\n";
        out().flush();
        return 0;
    }
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    // --only=N runs one section (1, 2 or 3; 1a and 1b are the two halves of 1).
    QString only;
    int rounds = quick ? 1 : 3;
    for (const QString &argument : app.arguments()) {
        if (argument.startsWith(QLatin1String("--only=")))
            only = argument.mid(7);
        if (argument.startsWith(QLatin1String("--rounds=")))
            rounds = std::max(1, argument.mid(9).toInt());
    }
    auto runs = [&](const char *section) {
        const QLatin1String name(section);
        return only.isEmpty() || only == name || (name.size() > 1 && only == name.left(1));
    };
    QTemporaryDir work(QDir::temp().filePath(QStringLiteral("bench_upload-XXXXXX")));
    const QString config = work.filePath(QStringLiteral("config"));
    auto subdir = [&](const QString &name) {
        QDir().mkpath(work.filePath(name));
        return work.filePath(name);
    };
    out() << "bench_upload" << (quick ? " --quick" : "") << " (ascendctl against ascend-sim on loopback)\n";

    // 1a. One part: ascendctl against curl -T, same file, same kind of endpoint, several rounds.
    if (runs("1a")) {
        const qint64 size = quick ? 8 * MiB : 1024 * MiB;
        Sim sim;
        check(sim.start(subdir(QStringLiteral("single")),
                        {QStringLiteral("--part-size"), QString::number(size + MiB),
                         QStringLiteral("--processing-seconds"), QStringLiteral("0")}),
              QStringLiteral("simulator (one part) started"));
        out() << QStringLiteral("1. %1 MiB in one part, %2 round(s); load average before: %3\n")
                     .arg(size / MiB)
                     .arg(rounds)
                     .arg(loadAverage());
        out().flush();
        QList<double> ratios;
        QList<double> transportRatios;
        for (int round = 0; round < rounds; ++round) {
            const QString build = QString::number(1001 + round);
            const QString file = makeIpa(work.path(), build, size);
            double ascend = 0;
            double curl = -1;
            double transport = -1;
            auto runAscend = [&] {
                settleOnDisk(file);
                UploadRun run;
                uploadAndVerify(sim, file, 1, config, QStringLiteral("one-part upload"), &run);
                ascend = run.wallSeconds;
                waitUntilVerified(sim, run.result.value(QStringLiteral("buildUploadId")).toString());
                QFile::remove(sim.stored(run.result.value(QStringLiteral("buildUploadFileId")).toString()));
            };
            auto runCurl = [&] {
                settleOnDisk(file);
                bool curlOk = false;
                curl = curlSeconds(sim, file, QString::number(5001 + round), &curlOk);
                check(curlOk || curl < 0, QStringLiteral("curl upload stored identical bytes"));
            };
            auto runTransport = [&] {
                settleOnDisk(file);
                bool transportOk = false;
                transport = schedulerSeconds(sim, file, QString::number(7001 + round), &transportOk);
                check(transportOk, QStringLiteral("part scheduler stored identical bytes"));
            };
            // An untimed upload first: the first run after a new sample was consistently slower, whoever it
            // was. Then the three runs in an order that rotates every round.
            double warmUp = -1;
            {
                bool warmOk = false;
                settleOnDisk(file);
                warmUp = curlSeconds(sim, file, QString::number(9001 + round), &warmOk);
            }
            const std::function<void()> order[3] = {runAscend, runCurl, runTransport};
            for (int i = 0; i < 3; ++i)
                order[(i + round) % 3]();
            if (curl > 0) {
                ratios << ascend / curl;
                transportRatios << transport / curl;
            }
            static const char *const names[3] = {"ascendctl", "curl", "uploader"};
            out() << QStringLiteral(
                         "   round %1 (%2 first; untimed warm-up %3 s): ascendctl %4 s (process wall "
                         "time incl. start, API calls, MD5), curl -T %5 s, ratio %6; part uploader "
                         "alone %7 s, ratio %8; load %9\n")
                         .arg(round + 1)
                         .arg(QLatin1String(names[round % 3]))
                         .arg(warmUp, 0, 'f', 2)
                         .arg(ascend, 0, 'f', 2)
                         .arg(curl, 0, 'f', 2)
                         .arg(curl > 0 ? ascend / curl : 0.0, 0, 'f', 2)
                         .arg(transport, 0, 'f', 2)
                         .arg(curl > 0 ? transport / curl : 0.0, 0, 'f', 2)
                         .arg(loadAverage());
            out().flush();
            QFile::remove(file);
            // The stored copies (1 GiB each) go; the directory stays, the simulator writes into it.
            QDir uploads(sim.dataDir + QStringLiteral("/uploads"));
            for (const QString &name : uploads.entryList(QDir::Files))
                uploads.remove(name);
        }
        out() << QStringLiteral("   median ratio %1 (part uploader alone: %2) over %3 round(s); load average "
                                "after: %4; simulator peak RSS %5 MiB\n")
                     .arg(median(ratios), 0, 'f', 2)
                     .arg(median(transportRatios), 0, 'f', 2)
                     .arg(ratios.size())
                     .arg(loadAverage())
                     .arg(sim.peakRss() / 1024.0, 0, 'f', 1);
        out().flush();
    }

    // 1b. Peak RSS of the uploading process across file sizes (10 MiB parts, 4 in flight).
    if (runs("1b")) {
        const QList<qint64> sizes =
            quick ? QList<qint64>{4 * MiB, 16 * MiB} : QList<qint64>{256 * MiB, 1024 * MiB, 4096 * MiB};
        for (qint64 size : sizes) {
            Sim sim;
            const QString dir = subdir(QStringLiteral("rss-%1").arg(size / MiB));
            check(sim.start(dir, {QStringLiteral("--part-size"), QString::number(quick ? MiB : 10 * MiB),
                                  QStringLiteral("--processing-seconds"), QStringLiteral("0")}),
                  QStringLiteral("simulator (rss) started"));
            const QString file = makeIpa(work.path(), QStringLiteral("2%1").arg(size / MiB), size);
            UploadRun run;
            uploadAndVerify(sim, file, 4, config, QStringLiteral("rss upload"), &run);
            out() << QStringLiteral(
                         "   %1 MiB, 4 parts in flight: ascendctl peak RSS %2 MiB, %3 s (%4 MiB/s); "
                         "simulator peak RSS %5 MiB\n")
                         .arg(size / MiB)
                         .arg(run.peakRssKiB / 1024.0, 0, 'f', 1)
                         .arg(run.wallSeconds, 0, 'f', 2)
                         .arg(size / double(MiB) / run.wallSeconds, 0, 'f', 0)
                         .arg(sim.peakRss() / 1024.0, 0, 'f', 1);
            out().flush();
            QFile::remove(file);
            QDir(dir + QStringLiteral("/uploads")).removeRecursively();
        }
    }

    // 2. Throttled links: 20 MB/s per connection, 40 ms per part.
    if (runs("2")) {
        const qint64 size = quick ? 4 * MiB : 200 * MiB;
        Sim sim;
        check(sim.start(subdir(QStringLiteral("throttled")),
                        {QStringLiteral("--part-size"), QString::number(quick ? MiB : 10 * MiB),
                         QStringLiteral("--part-bandwidth"), QStringLiteral("20000000"),
                         QStringLiteral("--part-latency-ms"), QStringLiteral("40"),
                         QStringLiteral("--processing-seconds"), QStringLiteral("0")}),
              QStringLiteral("simulator (throttled) started"));
        double one = 0;
        for (int parallel : {1, 4, 8}) {
            const QString file = makeIpa(work.path(), QStringLiteral("3%1").arg(parallel), size);
            UploadRun run;
            uploadAndVerify(sim, file, parallel, config, QStringLiteral("throttled upload"), &run);
            const double seconds = run.result.value(QStringLiteral("seconds")).toDouble();
            const double rate = size / double(MiB) / seconds;
            if (parallel == 1)
                one = rate;
            out() << QStringLiteral(
                         "2. throttled, --parallel %1: %2 MiB in %3 s = %4 MiB/s (%5x of --parallel 1)\n")
                         .arg(parallel)
                         .arg(size / MiB)
                         .arg(seconds, 0, 'f', 2)
                         .arg(rate, 0, 'f', 1)
                         .arg(one > 0 ? rate / one : 0.0, 0, 'f', 2);
            out().flush();
            QFile::remove(file);
        }
    }

    // 3. Faulty parts (4 MiB parts, so there are enough of them for faults to show).
    if (runs("3")) {
        const qint64 size = quick ? 8 * MiB : 256 * MiB;
        Sim sim;
        check(sim.start(subdir(QStringLiteral("faults")),
                        {QStringLiteral("--part-size"), QString::number(quick ? MiB : 4 * MiB),
                         QStringLiteral("--part-fault-rate"), QStringLiteral("0.1"),
                         QStringLiteral("--processing-seconds"), QStringLiteral("0")}),
              QStringLiteral("simulator (faults) started"));
        const QString file = makeIpa(work.path(), QStringLiteral("4001"), size);
        UploadRun run;
        uploadAndVerify(sim, file, 4, config, QStringLiteral("faulty upload"), &run);
        const int parts =
            int((QFileInfo(file).size() + (quick ? MiB : 4 * MiB) - 1) / (quick ? MiB : 4 * MiB));
        check(run.result.value(QStringLiteral("partsSent")).toInt() == parts,
              QStringLiteral("every part sent"));
        const QString stored = sim.stored(run.result.value(QStringLiteral("buildUploadFileId")).toString());
        out() << QStringLiteral(
                     "3. --part-fault-rate 0.1: %1 parts, %2 re-sent, completed %3, SHA-256 %4 (stored %5)\n")
                     .arg(parts)
                     .arg(run.result.value(QStringLiteral("partsResent")).toInt())
                     .arg(run.ok ? QStringLiteral("yes") : QStringLiteral("no"), upload::fileSha256Hex(file),
                          upload::fileSha256Hex(stored) == upload::fileSha256Hex(file)
                              ? QStringLiteral("identical")
                              : QStringLiteral("DIFFERENT"));
        QFile::remove(file);
    }

    out() << (g_failures == 0 ? "bench_upload: all checks passed\n" : "bench_upload: checks failed\n");
    out().flush();
    return g_failures == 0 ? 0 : 1;
}

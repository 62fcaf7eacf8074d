// bench_upload: build uploads through ascendctl against ascend-sim on loopback.
//   1. A 1 GiB file in one part: ascendctl's wall time next to curl -T of the same file to the same kind of
//      presigned part URL; peak RSS of the uploading process for 256 MiB, 1 GiB and 4 GiB files (10 MiB
//      parts, 4 in flight) and of the simulator.
//   2. The simulator throttled to 20 MB/s per connection with 40 ms per part: throughput with --parallel 1,
//      4 and 8.
//   3. --part-fault-rate 0.1: completion, parts re-sent, SHA-256 of the stored bytes against the file.
// --quick runs small files only. The exit status checks counts and integrity, never timings.

#include "core/api/apiclient.h"
#include "core/api/apireply.h"
#include "core/api/apps.h"
#include "core/api/buildUploadFiles.h"
#include "core/api/buildUploads.h"
#include "core/session/session.h"
#include "core/upload/filehash.h"
#include "core/upload/sampleipa.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <memory>

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

// curl -T of the whole file to a presigned part URL of a one-part reservation (the simulator runs with a
// part size of at least the file's size).
double curlSeconds(Sim &sim, const QString &file, const QString &build, bool *ok)
{
    *ok = false;
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty())
        return -1;
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
    const auto reserved = resource ? api::BuildUploadFile::fromResource(*resource) : std::nullopt;
    if (!reserved || reserved->uploadOperations.size() != 1)
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
    return seconds;
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
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    // --only=N runs one section (1, 2 or 3).
    QString only;
    for (const QString &argument : app.arguments()) {
        if (argument.startsWith(QLatin1String("--only=")))
            only = argument.mid(7);
    }
    auto runs = [&](const char *section) { return only.isEmpty() || only == QLatin1String(section); };
    QTemporaryDir work(QDir::temp().filePath(QStringLiteral("bench_upload-XXXXXX")));
    const QString config = work.filePath(QStringLiteral("config"));
    auto subdir = [&](const QString &name) {
        QDir().mkpath(work.filePath(name));
        return work.filePath(name);
    };
    out() << "bench_upload" << (quick ? " --quick" : "") << " (ascendctl against ascend-sim on loopback)\n";

    // 1a. One part: ascendctl against curl -T, same file, same kind of endpoint.
    if (runs("1")) {
        const qint64 size = quick ? 8 * MiB : 1024 * MiB;
        Sim sim;
        check(sim.start(subdir(QStringLiteral("single")),
                        {QStringLiteral("--part-size"), QString::number(size + MiB),
                         QStringLiteral("--processing-seconds"), QStringLiteral("0")}),
              QStringLiteral("simulator (one part) started"));
        const QString file = makeIpa(work.path(), QStringLiteral("1001"), size);
        UploadRun run;
        uploadAndVerify(sim, file, 1, config, QStringLiteral("one-part upload"), &run);
        bool curlOk = false;
        const QString curlFile = makeIpa(work.path(), QStringLiteral("1002"), size);
        const double curl = curlSeconds(sim, curlFile, QStringLiteral("1002"), &curlOk);
        check(curlOk || curl < 0, QStringLiteral("curl upload stored identical bytes"));
        out() << QStringLiteral(
                     "1. %1 MiB in one part: ascendctl %2 s (process wall time incl. start, API calls, "
                     "MD5), curl -T %3 s, ratio %4; simulator peak RSS %5 MiB\n")
                     .arg(QFileInfo(file).size() / double(MiB), 0, 'f', 1)
                     .arg(run.wallSeconds, 0, 'f', 2)
                     .arg(curl, 0, 'f', 2)
                     .arg(curl > 0 ? run.wallSeconds / curl : 0.0, 0, 'f', 2)
                     .arg(sim.peakRss() / 1024.0, 0, 'f', 1);
        QFile::remove(file);
        QFile::remove(curlFile);
    }

    // 1b. Peak RSS of the uploading process across file sizes (10 MiB parts, 4 in flight).
    if (runs("1")) {
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

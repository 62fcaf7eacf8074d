// BuildUploadJob against the real ascend-sim binary when the network misbehaves (--part-fault-kinds): part
// uploads whose connection is reset while the body arrives, parts the server never answers (the client's
// transfer timeout must fire), and a mix with error answers. The simulator is started here rather than
// through SimFixture so that its log can be read: it logs every injected fault ("part fault: reset ..."). A
// faulted request never stores its bytes, so an upload that completes with the stored file identical to the
// source (SHA-256) after faults were injected proves that the faulted parts were sent again.

#include "core/api/apiclient.h"
#include "core/session/session.h"
#include "core/upload/buildupload.h"
#include "core/upload/filehash.h"
#include "core/upload/sampleipa.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ascend;
using namespace ascend::upload;

namespace {

const QString kBundleId = QStringLiteral("com.ascend.demo.trailhead");
constexpr qint64 kPartSize = 64 * 1024;
constexpr qint64 kFileBytes = 1200 * 1024; // about 19 parts

QString sampleIpa(const QTemporaryDir &dir, const QString &name, const QString &build, qint64 bytes)
{
    SampleIpaSpec spec;
    spec.appName = QStringLiteral("Trailhead");
    spec.bundleId = kBundleId;
    spec.shortVersion = QStringLiteral("8.0");
    spec.bundleVersion = build;
    spec.executableBytes = bytes;
    spec.seed = qHash(build);
    QString error;
    const QString path = dir.filePath(name);
    if (!writeSampleIpa(path, spec, &error))
        qWarning("sample: %s", qPrintable(error));
    return path;
}

BuildUploadJob::Options fastOptions()
{
    BuildUploadJob::Options options;
    options.pollInitialMs = 200;
    options.pollMaxMs = 1000;
    options.retry.baseDelay = std::chrono::milliseconds(20);
    options.retry.maxDelay = std::chrono::milliseconds(100);
    options.retry.maxAttempts = 20;
    return options;
}

// What happened during one upload. From the client's debug log, for the test output only: the scheduler's
// part failures (each one re-sent) and requests the part uploader sent again by itself on a new connection
// (not counted as re-sent parts).
struct UploadLog {
    QStringList partFailures;
    int silentReconnects = 0;
    int resends = 0;
    QMap<QString, int> injected; // by kind, as the simulator logged them

    int totalInjected() const
    {
        int total = 0;
        for (int count : injected)
            total += count;
        return total;
    }
};

UploadLog *g_log = nullptr;
QtMessageHandler g_previousHandler = nullptr;

void captureUploadMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (g_log && qstrcmp(context.category, "ascend.upload") == 0) {
        if (message.contains(QLatin1String(" failed (")))
            g_log->partFailures << message;
        else if (message.contains(QLatin1String("was closed; reconnecting")))
            ++g_log->silentReconnects;
        return;
    }
    g_previousHandler(type, context, message);
}

class UploadLogCapture {
public:
    explicit UploadLogCapture(UploadLog *log)
    {
        g_log = log;
        QLoggingCategory::setFilterRules(QStringLiteral("ascend.upload.debug=true"));
        g_previousHandler = qInstallMessageHandler(captureUploadMessages);
    }
    ~UploadLogCapture()
    {
        qInstallMessageHandler(g_previousHandler);
        QLoggingCategory::setFilterRules(QString());
        g_log = nullptr;
    }
};

// ascend-sim with --exit-with-stdin, a generated key and its stderr kept.
class LoggedSim {
public:
    ~LoggedSim()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

    bool start(const QStringList &extraArguments, QString *error)
    {
        m_process.setProgram(QStringLiteral(ASCEND_SIM_BINARY));
        m_process.setArguments(QStringList{QStringLiteral("--seed"), QStringLiteral("demo"),
                                           QStringLiteral("--port"), QStringLiteral("0"),
                                           QStringLiteral("--generate-key"), m_keyDir.path(),
                                           QStringLiteral("--exit-with-stdin")} +
                               extraArguments);
        QObject::connect(&m_process, &QProcess::readyReadStandardError,
                         [this] { m_log += m_process.readAllStandardError(); });
        m_process.start();
        QByteArray line;
        if (!QTest::qWaitFor(
                [&] {
                    line += m_process.readAllStandardOutput();
                    return line.contains('\n') || m_process.state() == QProcess::NotRunning;
                },
                30000)) {
            *error = QStringLiteral("ascend-sim did not announce itself");
            return false;
        }
        const QJsonObject ready = QJsonDocument::fromJson(line.left(line.indexOf('\n'))).object();
        QFile key(ready.value(QLatin1String("privateKeyPath")).toString());
        if (ready.isEmpty() || !key.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("ascend-sim did not start: %1").arg(QString::fromUtf8(m_log + line));
            return false;
        }
        session::ConnectionInfo info;
        info.name = QStringLiteral("ascend-sim");
        info.baseUrl = ready.value(QLatin1String("baseUrl")).toString();
        info.keyId = ready.value(QLatin1String("keyId")).toString();
        info.issuerId = ready.value(QLatin1String("issuerId")).toString();
        info.privateKeyPem = key.readAll();
        info.isSimulator = true;
        m_session = session::Session::create(info, error);
        if (!m_session)
            return false;
        api::RetryPolicy fast;
        fast.baseDelay = api::Milliseconds(10);
        fast.maxDelay = api::Milliseconds(50);
        m_session->client()->setRetryPolicy(fast);
        return true;
    }

    api::ApiClient *client() const { return m_session->client(); }
    // Faults of this kind ("reset", "stall", "500", "503") the simulator has logged so far.
    int injected(const QByteArray &kind)
    {
        QTest::qWait(200); // lines written just now
        m_log += m_process.readAllStandardError();
        return int(m_log.count("part fault: " + kind + ' '));
    }

private:
    QProcess m_process;
    QTemporaryDir m_keyDir;
    QByteArray m_log;
    std::unique_ptr<session::Session> m_session;
};

} // namespace

class TestUploadFaults : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    bool startSim(LoggedSim *sim, const QString &name, const QString &kinds)
    {
        const QStringList arguments{QStringLiteral("--data-dir"),           m_dir.filePath(name),
                                    QStringLiteral("--part-size"),          QString::number(kPartSize),
                                    QStringLiteral("--processing-seconds"), QStringLiteral("1"),
                                    QStringLiteral("--part-fault-rate"),    QStringLiteral("0.3"),
                                    QStringLiteral("--part-fault-kinds"),   kinds};
        QString error;
        if (sim->start(arguments, &error))
            return true;
        qWarning("%s", qPrintable(error));
        return false;
    }

    QString stored(const QString &simName, const QString &fileId) const
    {
        return m_dir.filePath(simName + QStringLiteral("/uploads/") + fileId + QStringLiteral(".bin"));
    }

    // Uploads a fresh sample to a simulator with these fault kinds; checks that it completes with the stored
    // bytes identical to the file. Fills in what the client logged and the faults the simulator injected.
    void uploadThrough(const QString &name, const QString &kinds, const QString &build,
                       const BuildUploadJob::Options &options, UploadLog *log)
    {
        LoggedSim sim;
        QVERIFY(startSim(&sim, name, kinds));
        const QString ipa = sampleIpa(m_dir, name + QStringLiteral(".ipa"), build, kFileBytes);
        const int expectedParts = int((QFileInfo(ipa).size() + kPartSize - 1) / kPartSize);
        QVERIFY(expectedParts >= 10); // several parts, so that a 30 % fault rate hits some of them
        BuildUploadJob job(sim.client(), nullptr, ipa, options);
        QSignalSpy finished(&job, &BuildUploadJob::finished);
        {
            UploadLogCapture capture(log);
            job.start();
            QVERIFY2(BuildUploadJob::isTerminal(job.stage()) || finished.wait(180000),
                     "the upload did not finish within 3 minutes");
        }
        for (const char *kind : {"500", "503", "reset", "stall"})
            log->injected.insert(QString::fromLatin1(kind), sim.injected(kind));
        log->resends = job.resendCount();
        qInfo(
            "%s: %d parts; injected 500: %d, 503: %d, reset: %d, stall: %d; parts re-sent by the scheduler: "
            "%d, requests the part uploader sent again by itself on a new connection: %d; %lld ms",
            qPrintable(kinds), job.scheduler() ? job.scheduler()->partCount() : 0, log->injected["500"],
            log->injected["503"], log->injected["reset"], log->injected["stall"], job.resendCount(),
            log->silentReconnects, job.elapsedMs());
        for (const QString &failure : std::as_const(log->partFailures))
            qInfo("  %s", qPrintable(failure));
        QVERIFY2(
            job.stage() == BuildUploadJob::Stage::Complete,
            qPrintable(BuildUploadJob::stageName(job.stage()) + QStringLiteral(": ") + job.errorString()));
        QCOMPARE(job.scheduler()->partCount(), expectedParts);
        QVERIFY(!job.buildId().isEmpty());
        QCOMPARE(job.md5(), fileMd5Hex(ipa));
        const QString sha = fileSha256Hex(ipa);
        QVERIFY(!sha.isEmpty());
        QCOMPARE(fileSha256Hex(stored(name, job.buildUploadFileId())), sha);
        // Faulted requests store nothing: with faults injected, a complete file means those parts were
        // re-sent.
        QVERIFY2(log->totalInjected() > 0, "no fault was injected");
        // Only injected faults make a part fail on loopback.
        QVERIFY(job.resendCount() <= log->totalInjected());
    }

private slots:
    void survivesConnectionResets()
    {
        UploadLog log;
        uploadThrough(QStringLiteral("reset"), QStringLiteral("reset"), QStringLiteral("901"), fastOptions(),
                      &log);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(log.totalInjected(), log.injected.value(QStringLiteral("reset")));
    }

    void survivesStalledParts()
    {
        BuildUploadJob::Options options = fastOptions();
        options.retry.transferTimeout = std::chrono::milliseconds(1000); // the simulator stalls for 60 s
        QElapsedTimer clock;
        clock.start();
        UploadLog log;
        uploadThrough(QStringLiteral("stall"), QStringLiteral("stall"), QStringLiteral("902"), options, &log);
        if (QTest::currentTestFailed())
            return;
        // Every stall ends in the client's timeout and a re-sent part, long before the simulator gives up.
        QCOMPARE(log.resends, log.injected.value(QStringLiteral("stall")));
        QVERIFY2(clock.elapsed() < 50000, qPrintable(QString::number(clock.elapsed())));
    }

    void survivesMixedFaults()
    {
        BuildUploadJob::Options options = fastOptions();
        options.retry.transferTimeout = std::chrono::milliseconds(1000);
        UploadLog log;
        uploadThrough(QStringLiteral("mixed"), QStringLiteral("500,503,reset,stall"), QStringLiteral("903"),
                      options, &log);
        if (QTest::currentTestFailed())
            return;
        // Error answers and stalls always come back to the scheduler; only resets may be re-sent unseen.
        QVERIFY(log.resends >= log.totalInjected() - log.injected.value(QStringLiteral("reset")));
    }

    void unknownKindIsRefused()
    {
        QProcess sim;
        sim.start(QStringLiteral(ASCEND_SIM_BINARY),
                  {QStringLiteral("--part-fault-kinds"), QStringLiteral("500,timeout")});
        QVERIFY(sim.waitForFinished(20000));
        QCOMPARE(sim.exitCode(), 2);
        QVERIFY2(sim.readAllStandardError().contains("unknown fault kind 'timeout'"), "no clear message");
    }
};

QTEST_GUILESS_MAIN(TestUploadFaults)
#include "tst_uploadfaults.moc"

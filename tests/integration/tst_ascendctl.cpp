// ascendctl end to end: the real binary against the real simulator, checking output, exit codes and stderr.

#include "core/session/simulatorprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace ascend;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestAscendctl : public QObject {
    Q_OBJECT

private:
    session::SimulatorProcess m_simulator;
    QTemporaryDir m_configDir;
    QString m_keyPath;

    QProcessEnvironment baseEnvironment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char *name :
             {"ASC_KEY_ID", "ASC_ISSUER_ID", "ASC_PRIVATE_KEY_PATH", "ASC_PRIVATE_KEY", "ASC_BASE_URL"})
            environment.remove(QString::fromLatin1(name));
        environment.insert(QStringLiteral("ASCEND_SECRET_STORE"), QStringLiteral("file"));
        environment.insert(QStringLiteral("ASCEND_CONFIG_DIR"), m_configDir.path());
        environment.insert(QStringLiteral("ASCEND_SIM"), QStringLiteral(ASCEND_SIM_BINARY));
        return environment;
    }

    QProcessEnvironment simulatorEnvironment() const
    {
        QProcessEnvironment environment = baseEnvironment();
        const auto &info = m_simulator.connectionInfo();
        environment.insert(QStringLiteral("ASC_KEY_ID"), info.keyId);
        environment.insert(QStringLiteral("ASC_ISSUER_ID"), info.issuerId);
        environment.insert(QStringLiteral("ASC_PRIVATE_KEY_PATH"), m_keyPath);
        environment.insert(QStringLiteral("ASC_BASE_URL"), info.baseUrl);
        return environment;
    }

    Run run(const QStringList &arguments, const QProcessEnvironment &environment)
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(ASCENDCTL_BINARY), arguments);
        process.closeWriteChannel();
        if (!process.waitForFinished(120000))
            process.kill();
        Run result{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                   QString::fromUtf8(process.readAllStandardOutput()),
                   QString::fromUtf8(process.readAllStandardError())};
        // Whatever happens, no key material may ever be printed.
        const QList<QByteArray> keyLines = m_simulator.connectionInfo().privateKeyPem.split('\n');
        for (const QByteArray &line : keyLines) {
            if (line.isEmpty() || line.startsWith("-----"))
                continue;
            if (result.out.contains(QString::fromLatin1(line)) ||
                result.err.contains(QString::fromLatin1(line)))
                qFatal("ascendctl printed private key material");
        }
        return result;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_configDir.isValid());
        m_simulator.setExecutable(QStringLiteral(ASCEND_SIM_BINARY));
        QString error;
        QVERIFY2(m_simulator.startAndWait(30000, &error), qPrintable(error));
        m_keyPath =
            m_configDir.filePath(QStringLiteral("AuthKey_%1.p8").arg(m_simulator.connectionInfo().keyId));
        QFile key(m_keyPath);
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(m_simulator.connectionInfo().privateKeyPem);
    }

    void versionAndHelp()
    {
        const Run version = run({QStringLiteral("--version")}, baseEnvironment());
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QStringLiteral("ascendctl ")));
        const Run help = run({QStringLiteral("--help")}, baseEnvironment());
        QCOMPARE(help.exitCode, 0);
        for (const char *command : {"apps list", "builds list", "token", "accounts add"})
            QVERIFY2(help.out.contains(QLatin1String(command)), command);
        const Run commandHelp = run(
            {QStringLiteral("builds"), QStringLiteral("list"), QStringLiteral("--help")}, baseEnvironment());
        QCOMPARE(commandHelp.exitCode, 0);
        QVERIFY(commandHelp.out.contains(QStringLiteral("--app")));
        // After a command, --version is that command's option (the build's version), not ours.
        const Run buildsOfVersion = run({QStringLiteral("builds"), QStringLiteral("list"),
                                         QStringLiteral("--version"), QStringLiteral("1.0")},
                                        baseEnvironment());
        QVERIFY(!buildsOfVersion.out.startsWith(QStringLiteral("ascendctl ")));
        QVERIFY2(buildsOfVersion.err.contains(QStringLiteral("--app")), qPrintable(buildsOfVersion.err));
    }

    void usageErrorsExitWithTwo()
    {
        const Run unknown = run({QStringLiteral("frobnicate")}, baseEnvironment());
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("unknown command")));
        const Run missingApp =
            run({QStringLiteral("builds"), QStringLiteral("list")}, simulatorEnvironment());
        QCOMPARE(missingApp.exitCode, 2);
        QVERIFY(missingApp.err.contains(QStringLiteral("--app")));
    }

    void withoutCredentialsSaysWhatToDo()
    {
        const Run result = run({QStringLiteral("apps"), QStringLiteral("list")}, baseEnvironment());
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains(QStringLiteral("ASC_KEY_ID")));
        QVERIFY(result.out.isEmpty());
    }

    void listsAppsAsTableAndJson()
    {
        const Run table = run({QStringLiteral("apps"), QStringLiteral("list")}, simulatorEnvironment());
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.contains(QStringLiteral("BUNDLE ID")), qPrintable(table.out));
        QVERIFY(table.out.contains(QStringLiteral("com.ascend.demo.trailhead")));

        const Run json = run({QStringLiteral("--json"), QStringLiteral("apps"), QStringLiteral("list")},
                             simulatorEnvironment());
        QCOMPARE(json.exitCode, 0);
        QJsonParseError parseError;
        const QJsonArray apps = QJsonDocument::fromJson(json.out.toUtf8(), &parseError).array();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QVERIFY(apps.size() >= 3);
        QCOMPARE(apps.first().toObject().value(QStringLiteral("type")).toString(), QStringLiteral("apps"));
    }

    void listsBuildsOfAnApp()
    {
        const Run result = run({QStringLiteral("builds"), QStringLiteral("list"), QStringLiteral("--app"),
                                QStringLiteral("com.ascend.demo.trailhead")},
                               simulatorEnvironment());
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(QStringLiteral("builds of Trailhead")), qPrintable(result.out));
        QVERIFY(result.out.contains(QStringLiteral("VALID")));

        const Run filtered = run({QStringLiteral("--json"), QStringLiteral("builds"), QStringLiteral("list"),
                                  QStringLiteral("--app"), QStringLiteral("com.ascend.demo.trailhead"),
                                  QStringLiteral("--state"), QStringLiteral("VALID")},
                                 simulatorEnvironment());
        QCOMPARE(filtered.exitCode, 0);
        const QJsonArray builds = QJsonDocument::fromJson(filtered.out.toUtf8()).array();
        QVERIFY(!builds.isEmpty());
        for (const auto &build : builds) {
            QCOMPARE(build.toObject()
                         .value(QStringLiteral("attributes"))
                         .toObject()
                         .value(QStringLiteral("processingState")),
                     QJsonValue(QStringLiteral("VALID")));
        }
    }

    void unknownAppFailsClearly()
    {
        const Run result = run({QStringLiteral("builds"), QStringLiteral("list"), QStringLiteral("--app"),
                                QStringLiteral("com.example.nothere")},
                               simulatorEnvironment());
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains(QStringLiteral("com.example.nothere")));
        QVERIFY(result.out.isEmpty());
    }

    void badKeysFailClearly()
    {
        QProcessEnvironment environment = simulatorEnvironment();
        environment.insert(QStringLiteral("ASC_PRIVATE_KEY_PATH"),
                           m_configDir.filePath(QStringLiteral("missing.p8")));
        const Run missing = run({QStringLiteral("apps"), QStringLiteral("list")}, environment);
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("missing.p8")));

        environment.remove(QStringLiteral("ASC_PRIVATE_KEY_PATH"));
        environment.insert(QStringLiteral("ASC_PRIVATE_KEY"), QStringLiteral("this is not a key"));
        const Run garbage = run({QStringLiteral("apps"), QStringLiteral("list")}, environment);
        QCOMPARE(garbage.exitCode, 1);
        QVERIFY(!garbage.err.isEmpty());
    }

    void serverFailuresExitWithOne()
    {
        session::SimulatorProcess failing;
        failing.setExecutable(QStringLiteral(ASCEND_SIM_BINARY));
        failing.setExtraArguments({QStringLiteral("--fault-rate"), QStringLiteral("1")});
        QString error;
        QVERIFY2(failing.startAndWait(30000, &error), qPrintable(error));
        QProcessEnvironment environment = simulatorEnvironment();
        environment.insert(QStringLiteral("ASC_BASE_URL"), failing.connectionInfo().baseUrl);
        environment.insert(QStringLiteral("ASC_KEY_ID"), failing.connectionInfo().keyId);
        environment.insert(QStringLiteral("ASC_ISSUER_ID"), failing.connectionInfo().issuerId);
        environment.remove(QStringLiteral("ASC_PRIVATE_KEY_PATH"));
        environment.insert(QStringLiteral("ASC_PRIVATE_KEY"),
                           QString::fromUtf8(failing.connectionInfo().privateKeyPem));
        const Run result = run({QStringLiteral("apps"), QStringLiteral("list")}, environment);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QStringLiteral("Listing apps failed")), qPrintable(result.err));
    }

    void printsATokenWithThreeParts()
    {
        const Run result = run({QStringLiteral("token")}, simulatorEnvironment());
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.trimmed().split(QLatin1Char('.')).size(), 3);
    }

    void storedAccountsRoundTrip()
    {
        const Run add = run({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--name"),
                             QStringLiteral("sim"), QStringLiteral("--key-id"),
                             m_simulator.connectionInfo().keyId, QStringLiteral("--issuer-id"),
                             m_simulator.connectionInfo().issuerId, QStringLiteral("--private-key-path"),
                             m_keyPath, QStringLiteral("--base-url"), m_simulator.connectionInfo().baseUrl},
                            baseEnvironment());
        QCOMPARE(add.exitCode, 0);

        const Run list = run({QStringLiteral("accounts"), QStringLiteral("list")}, baseEnvironment());
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.contains(QStringLiteral("sim")));
        QVERIFY(list.out.contains(m_simulator.connectionInfo().keyId));

        const Run apps = run({QStringLiteral("--profile"), QStringLiteral("sim"), QStringLiteral("apps"),
                              QStringLiteral("list")},
                             baseEnvironment());
        QCOMPARE(apps.exitCode, 0);
        QVERIFY(apps.out.contains(QStringLiteral("com.ascend.demo.trailhead")));

        // Metadata on disk never holds the key.
        for (const QString &name : QDir(m_configDir.path()).entryList(QDir::Files)) {
            if (!name.endsWith(QLatin1String(".json")))
                continue;
            QFile metadata(m_configDir.filePath(name));
            QVERIFY(metadata.open(QIODevice::ReadOnly));
            QVERIFY(!metadata.readAll().contains("PRIVATE KEY"));
        }

        const Run remove = run({QStringLiteral("accounts"), QStringLiteral("remove"), QStringLiteral("sim")},
                               baseEnvironment());
        QCOMPARE(remove.exitCode, 0);
        const Run again = run({QStringLiteral("--profile"), QStringLiteral("sim"), QStringLiteral("apps"),
                               QStringLiteral("list")},
                              baseEnvironment());
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains(QStringLiteral("sim")));
    }

    void demoScenarioPrintsItsSteps()
    {
        const Run result = run({QStringLiteral("--demo")}, baseEnvironment());
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(QStringLiteral("Started ascend-sim")), qPrintable(result.out));
        QVERIFY(result.out.contains(QStringLiteral("Listed")));
        QVERIFY(result.out.contains(QStringLiteral("1 JWT signature")));
        // The whole scenario: webhook + listener, upload, the verified event, TestFlight review.
        QVERIFY(result.out.contains(QStringLiteral("Started a webhook listener")));
        QVERIFY(result.out.contains(QStringLiteral("part 1 sent")));
        QVERIFY(result.out.contains(QStringLiteral("Received a verified buildUploadStateUpdated event")));
        QVERIFY(result.out.contains(QStringLiteral("Set What to Test")));
        QVERIFY(result.out.contains(QStringLiteral("→ BETA_APPROVED")));
        QVERIFY(result.out.contains(QStringLiteral("Listed TestFlight feedback")));
        QVERIFY(result.out.contains(QStringLiteral("Saved the screenshot")));
        QVERIFY(result.out.contains(QStringLiteral("Saved the crash log")));
    }
};

QTEST_GUILESS_MAIN(TestAscendctl)
#include "tst_ascendctl.moc"

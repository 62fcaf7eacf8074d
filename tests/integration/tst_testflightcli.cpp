// ascendctl testflight … and the typed client against the real ascend-sim binary over loopback: builds list
// (table and JSON), groups create/list/delete, testers add/list/invite/remove, CSV import with bad rows and
// export, assign/unassign, notes, submit --wait reaching APPROVED, notify, expire, and errors on stderr with
// a non-zero exit.

#include "core/api/apiclient.h"
#include "core/api/apireply.h"
#include "core/api/betagroups.h"
#include "core/api/builds.h"
#include "core/api/pager.h"
#include "core/api/testflightviews.h"
#include "simfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

using namespace ascend;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    QJsonValue json() const
    {
        return QJsonDocument::fromJson(out.toUtf8()).isArray()
                   ? QJsonValue(QJsonDocument::fromJson(out.toUtf8()).array())
                   : QJsonValue(QJsonDocument::fromJson(out.toUtf8()).object());
    }
};

const QString kApp = QStringLiteral("com.ascend.demo.trailhead");

} // namespace

class TestTestFlightCli : public QObject {
    Q_OBJECT

private:
    testing::SimFixture m_sim;
    QTemporaryDir m_dir;
    QString m_keyPath;

    Run ctl(QStringList arguments)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("ASCEND_SECRET_STORE"), QStringLiteral("file"));
        environment.insert(QStringLiteral("ASCEND_CONFIG_DIR"), m_dir.path());
        environment.insert(QStringLiteral("ASC_KEY_ID"), m_sim.info().keyId);
        environment.insert(QStringLiteral("ASC_ISSUER_ID"), m_sim.info().issuerId);
        environment.insert(QStringLiteral("ASC_PRIVATE_KEY_PATH"), m_keyPath);
        environment.insert(QStringLiteral("ASC_BASE_URL"), m_sim.info().baseUrl);
        environment.remove(QStringLiteral("ASC_PRIVATE_KEY"));
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(ASCENDCTL_BINARY),
                      QStringList{QStringLiteral("testflight")} + arguments);
        process.closeWriteChannel();
        if (!process.waitForFinished(120000))
            process.kill();
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    QJsonArray builds()
    {
        const Run run = ctl({QStringLiteral("builds"), QStringLiteral("list"), QStringLiteral("--app"), kApp,
                             QStringLiteral("--json")});
        return run.json().toArray();
    }

    // A VALID, unexpired, externally testable build that was never submitted.
    QString freshBuild()
    {
        for (const QJsonValue &value : builds()) {
            const QJsonObject build = value.toObject();
            if (build.value(QStringLiteral("processingState")).toString() == QLatin1String("VALID") &&
                !build.value(QStringLiteral("expired")).toBool() &&
                build.value(QStringLiteral("externalBuildState")).toString() ==
                    QLatin1String("READY_FOR_BETA_SUBMISSION"))
                return build.value(QStringLiteral("id")).toString();
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_sim.start({QStringLiteral("--review-seconds"), QStringLiteral("1")}));
        m_keyPath = m_dir.filePath(QStringLiteral("AuthKey.p8"));
        QFile key(m_keyPath);
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(m_sim.info().privateKeyPem);
    }

    void buildsListTableAndJson()
    {
        const Run table =
            ctl({QStringLiteral("builds"), QStringLiteral("list"), QStringLiteral("--app"), kApp});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains(QStringLiteral("EXTERNAL")));
        QVERIFY(table.out.contains(QStringLiteral("IN_BETA_TESTING")));
        QVERIFY(table.out.contains(QStringLiteral("Core Team")));
        const QJsonArray array = builds();
        QVERIFY(array.size() >= 10);
        // Newest first.
        QVERIFY(array.first().toObject().value(QStringLiteral("uploadedDate")).toString() >=
                array.last().toObject().value(QStringLiteral("uploadedDate")).toString());
        for (const QJsonValue &value : array)
            QVERIFY(!value.toObject().value(QStringLiteral("externalBuildState")).toString().isEmpty());
    }

    void clientFetchesTheViewInFewRequests()
    {
        api::ApiReply *apps = m_sim.client()->send(api::ApiRequest::get(
            QStringLiteral("/v1/apps"), api::Query().filter(QStringLiteral("bundleId"), kApp)));
        QVERIFY(api::waitForFinished(apps, 20000) && apps->ok());
        const QString appId = apps->document().resources().first().id;
        apps->deleteLater();
        m_sim.client()->resetRequestCount();
        api::Pager pager(m_sim.client(), api::listBuilds(api::testFlightBuildsQuery(appId)));
        QSignalSpy done(&pager, &api::Pager::finished);
        pager.start();
        QVERIFY(done.wait(20000));
        QVERIFY(pager.ok());
        QCOMPARE(m_sim.client()->requestCount(), 1);
        const auto rows = api::assembleTestFlightBuilds(pager.resources(), pager.included());
        QVERIFY(!rows.isEmpty());
        int withNotes = 0;
        for (const auto &row : rows)
            withNotes += row.hasWhatToTest() ? 1 : 0;
        QVERIFY(withNotes > 0);
    }

    void groupsCreateListDelete()
    {
        Run created =
            ctl({QStringLiteral("groups"), QStringLiteral("create"), QStringLiteral("--app"), kApp,
                 QStringLiteral("--name"), QStringLiteral("CLI Testers"), QStringLiteral("--public-link"),
                 QStringLiteral("--public-link-limit"), QStringLiteral("30"), QStringLiteral("--json")});
        QCOMPARE(created.exitCode, 0);
        QVERIFY(created.json()
                    .toObject()
                    .value(QStringLiteral("publicLink"))
                    .toString()
                    .contains(QStringLiteral("testflight.apple.com")));
        const Run duplicate =
            ctl({QStringLiteral("groups"), QStringLiteral("create"), QStringLiteral("--app"), kApp,
                 QStringLiteral("--name"), QStringLiteral("CLI Testers")});
        QCOMPARE(duplicate.exitCode, 1);
        QVERIFY(duplicate.err.contains(QStringLiteral("already has a group")));
        QVERIFY(duplicate.out.isEmpty());
        const Run listed =
            ctl({QStringLiteral("groups"), QStringLiteral("list"), QStringLiteral("--app"), kApp});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(listed.out.contains(QStringLiteral("CLI Testers")));
        QVERIFY(listed.out.contains(QStringLiteral("(limit 30)")));
        const Run deleted = ctl({QStringLiteral("groups"), QStringLiteral("delete"), QStringLiteral("--app"),
                                 kApp, QStringLiteral("--group"), QStringLiteral("cli testers")});
        QCOMPARE(deleted.exitCode, 0);
        const Run gone = ctl({QStringLiteral("groups"), QStringLiteral("delete"), QStringLiteral("--app"),
                              kApp, QStringLiteral("--group"), QStringLiteral("CLI Testers")});
        QCOMPARE(gone.exitCode, 1);
        QVERIFY(gone.err.contains(QStringLiteral("no beta group")));
    }

    void testersAddInviteRemove()
    {
        const QStringList app{QStringLiteral("--app"), kApp};
        Run added = ctl(QStringList{QStringLiteral("testers"), QStringLiteral("add"),
                                    QStringLiteral("--group"), QStringLiteral("Public Beta"),
                                    QStringLiteral("--email"), QStringLiteral("cli@example.com"),
                                    QStringLiteral("--first-name"), QStringLiteral("Cli")} +
                        app);
        QCOMPARE(added.exitCode, 0);
        const Run badEmail = ctl(QStringList{QStringLiteral("testers"), QStringLiteral("add"),
                                             QStringLiteral("--group"), QStringLiteral("Public Beta"),
                                             QStringLiteral("--email"), QStringLiteral("nope")} +
                                 app);
        QCOMPARE(badEmail.exitCode, 2);
        const Run again = ctl(QStringList{QStringLiteral("testers"), QStringLiteral("add"),
                                          QStringLiteral("--group"), QStringLiteral("Public Beta"),
                                          QStringLiteral("--email"), QStringLiteral("cli@example.com")} +
                              app);
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains(QStringLiteral("already exists")));
        const Run listed =
            ctl(QStringList{QStringLiteral("testers"), QStringLiteral("list"), QStringLiteral("--group"),
                            QStringLiteral("Public Beta"), QStringLiteral("--json")} +
                app);
        QCOMPARE(listed.exitCode, 0);
        bool found = false;
        for (const QJsonValue &value : listed.json().toArray()) {
            const QJsonObject tester = value.toObject();
            if (tester.value(QStringLiteral("email")).toString() == QLatin1String("cli@example.com")) {
                found = true;
                QCOMPARE(tester.value(QStringLiteral("groups")).toArray().first().toString(),
                         QStringLiteral("Public Beta"));
            }
        }
        QVERIFY(found);
        QCOMPARE(ctl(QStringList{QStringLiteral("testers"), QStringLiteral("invite"),
                                 QStringLiteral("--email"), QStringLiteral("cli@example.com")} +
                     app)
                     .exitCode,
                 0);
        QCOMPARE(ctl(QStringList{QStringLiteral("testers"), QStringLiteral("remove"),
                                 QStringLiteral("--email"), QStringLiteral("cli@example.com"),
                                 QStringLiteral("--group"), QStringLiteral("Public Beta")} +
                     app)
                     .exitCode,
                 0);
        QCOMPARE(ctl(QStringList{QStringLiteral("testers"), QStringLiteral("remove"),
                                 QStringLiteral("--email"), QStringLiteral("cli@example.com")} +
                     app)
                     .exitCode,
                 0);
        const Run missing = ctl(QStringList{QStringLiteral("testers"), QStringLiteral("invite"),
                                            QStringLiteral("--email"), QStringLiteral("cli@example.com")} +
                                app);
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("not a tester")));
    }

    void importReportsBadRowsAndExportWritesCsv()
    {
        const QString input = m_dir.filePath(QStringLiteral("in.csv"));
        QFile file(input);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("email,first name,last name,groups\n"
                   "imp1@example.com,Imp,One,Public Beta\n"
                   "broken-email,Bad,Row\n"
                   "imp2@example.com,Imp,Two,No Such Group\n"
                   "imp3@example.com,\"Imp, Three\",Three,\n");
        file.close();
        const Run imported =
            ctl({QStringLiteral("testers"), QStringLiteral("import"), input, QStringLiteral("--app"), kApp,
                 QStringLiteral("--group"), QStringLiteral("Friends & Family"), QStringLiteral("--json")});
        QCOMPARE(imported.exitCode, 1); // some rows were skipped
        const QJsonObject report = imported.json().toObject();
        QCOMPARE(report.value(QStringLiteral("added")).toInt(), 2);
        QCOMPARE(report.value(QStringLiteral("skipped")).toInt(), 2);
        const QJsonArray rows = report.value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows[1].toObject().value(QStringLiteral("line")).toInt(), 3);
        QVERIFY(rows[2]
                    .toObject()
                    .value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("No Such Group")));

        const QString output = m_dir.filePath(QStringLiteral("out.csv"));
        const Run exported =
            ctl({QStringLiteral("testers"), QStringLiteral("export"), output, QStringLiteral("--app"), kApp,
                 QStringLiteral("--group"), QStringLiteral("Friends & Family")});
        QCOMPARE(exported.exitCode, 0);
        QFile written(output);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray csv = written.readAll();
        QVERIFY(csv.startsWith("email,first name,last name,groups"));
        QVERIFY(csv.contains("imp3@example.com,\"Imp, Three\",Three"));
        QVERIFY(!csv.contains("imp1@example.com"));
    }

    void assignNotesSubmitNotifyExpire()
    {
        const QString build = freshBuild();
        QVERIFY(!build.isEmpty());
        const QStringList app{QStringLiteral("--app"), kApp};
        const Run warning =
            ctl(QStringList{QStringLiteral("assign"), QStringLiteral("--build"), build,
                            QStringLiteral("--group"), QStringLiteral("App Store Connect Users")} +
                app);
        QCOMPARE(warning.exitCode, 0);
        QVERIFY(warning.err.contains(QStringLiteral("access to all builds")));
        QCOMPARE(ctl(QStringList{QStringLiteral("assign"), QStringLiteral("--build"), build,
                                 QStringLiteral("--group"), QStringLiteral("Public Beta")} +
                     app)
                     .exitCode,
                 0);
        QCOMPARE(ctl(QStringList{QStringLiteral("unassign"), QStringLiteral("--build"), build,
                                 QStringLiteral("--group"), QStringLiteral("App Store Connect Users")} +
                     app)
                     .exitCode,
                 0);
        QCOMPARE(ctl(QStringList{QStringLiteral("notes"), QStringLiteral("set"), QStringLiteral("--build"),
                                 build, QStringLiteral("--locale"), QStringLiteral("en-US"),
                                 QStringLiteral("--text"), QStringLiteral("Check the new map.")} +
                     app)
                     .exitCode,
                 0);
        const Run submitted = ctl(QStringList{QStringLiteral("submit"), QStringLiteral("--build"), build,
                                              QStringLiteral("--wait"), QStringLiteral("--json")} +
                                  app);
        QCOMPARE(submitted.exitCode, 0);
        QCOMPARE(submitted.json().toObject().value(QStringLiteral("betaReviewState")).toString(),
                 QStringLiteral("APPROVED"));
        const Run twice = ctl(QStringList{QStringLiteral("submit"), QStringLiteral("--build"), build} + app);
        QCOMPARE(twice.exitCode, 1);
        QVERIFY(twice.err.contains(QStringLiteral("already submitted")));
        bool inTesting = false;
        for (const QJsonValue &value : builds())
            if (value.toObject().value(QStringLiteral("id")).toString() == build)
                inTesting = value.toObject().value(QStringLiteral("externalBuildState")).toString() ==
                            QLatin1String("IN_BETA_TESTING");
        QVERIFY(inTesting);
        QCOMPARE(ctl(QStringList{QStringLiteral("notify"), QStringLiteral("--build"), build} + app).exitCode,
                 0);
        const Run notifiedTwice =
            ctl(QStringList{QStringLiteral("notify"), QStringLiteral("--build"), build} + app);
        QCOMPARE(notifiedTwice.exitCode, 1);
        QVERIFY(notifiedTwice.err.contains(QStringLiteral("already notified")));
        QCOMPARE(ctl(QStringList{QStringLiteral("expire"), QStringLiteral("--build"), build} + app).exitCode,
                 0);
        const Run afterExpiry = ctl(QStringList{QStringLiteral("assign"), QStringLiteral("--build"), build,
                                                QStringLiteral("--group"), QStringLiteral("Core Team")} +
                                    app);
        QCOMPARE(afterExpiry.exitCode, 1);
        QVERIFY(afterExpiry.err.contains(QStringLiteral("expired")));
    }

    void submitChecksBeforeSending()
    {
        // A build without What to Test is refused before any request is sent.
        QString build;
        for (const QJsonValue &value : builds()) {
            const QJsonObject object = value.toObject();
            if (object.value(QStringLiteral("processingState")).toString() == QLatin1String("PROCESSING"))
                build = object.value(QStringLiteral("id")).toString();
        }
        QVERIFY(!build.isEmpty());
        const Run refused =
            ctl({QStringLiteral("submit"), QStringLiteral("--build"), build, QStringLiteral("--app"), kApp});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.err.contains(QStringLiteral("VALID")));
        QVERIFY(refused.err.contains(QStringLiteral("What to Test")));
        QCOMPARE(ctl({QStringLiteral("expire"), QStringLiteral("--app"), kApp}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestTestFlightCli)
#include "tst_testflightcli.moc"

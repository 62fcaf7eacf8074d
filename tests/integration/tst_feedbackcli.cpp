// ascendctl feedback … against the real ascend-sim binary over loopback: list (table, JSON, every filter,
// --limit, both kinds merged newest first), show of both kinds, download (screenshots decode, the crash log
// matches `crashlog`), crashlog, delete, export in both formats, --help, and wrong usage or unknown IDs
// reported on stderr with exit status 2 or 1.

#include "core/api/apiclient.h"
#include "core/api/apps.h"
#include "core/api/betafeedback.h"
#include "core/api/pager.h"
#include "simfixture.h"

#include <QDirIterator>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>

using namespace ascend;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    QJsonValue json() const
    {
        const QJsonDocument document = QJsonDocument::fromJson(out.toUtf8());
        return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    }
};

const QString kApp = QStringLiteral("com.ascend.demo.trailhead");

QStringList ids(const QJsonArray &array)
{
    QStringList list;
    for (const QJsonValue &value : array)
        list << value.toObject().value(QStringLiteral("id")).toString();
    return list;
}

QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(dir).relativeFilePath(it.next());
    files.sort();
    return files;
}

} // namespace

class TestFeedbackCli : public QObject {
    Q_OBJECT

private:
    testing::SimFixture m_sim;
    QTemporaryDir m_dir;
    QString m_keyPath;
    QJsonArray m_all; // `feedback list --json` at the start

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
        process.start(QStringLiteral(ASCENDCTL_BINARY), QStringList{QStringLiteral("feedback")} + arguments);
        process.closeWriteChannel();
        if (!process.waitForFinished(120000))
            process.kill();
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    QJsonArray list(QStringList extra = {})
    {
        const Run run =
            ctl(QStringList{QStringLiteral("list"), QStringLiteral("--app"), kApp, QStringLiteral("--json")} +
                extra);
        if (run.exitCode != 0)
            qWarning("list failed: %s", qPrintable(run.err));
        return run.json().toArray();
    }

    // The first listed item of a kind (optionally with screenshots).
    QJsonObject first(const QString &kind, int minScreenshots = 0)
    {
        for (const QJsonValue &value : std::as_const(m_all)) {
            const QJsonObject item = value.toObject();
            if (item.value(QStringLiteral("kind")).toString() == kind &&
                item.value(QStringLiteral("screenshots")).toArray().size() >= minScreenshots)
                return item;
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_sim.start());
        m_keyPath = m_dir.filePath(QStringLiteral("AuthKey.p8"));
        QFile key(m_keyPath);
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(m_sim.info().privateKeyPem);
        key.close();
        m_all = list();
        QVERIFY(m_all.size() >= 80);
    }

    void listMergesBothKindsNewestFirst()
    {
        // The same submissions the typed client finds on both endpoints.
        api::ApiReply *apps = m_sim.client()->send(api::findAppByBundleId(kApp));
        QVERIFY(api::waitForFinished(apps, 20000) && apps->ok());
        const auto app = api::appWithBundleId(apps->document(), kApp);
        apps->deleteLater();
        QVERIFY(app);
        QSet<QString> expected;
        int screenshots = 0;
        for (const auto kind : {api::FeedbackKind::Screenshot, api::FeedbackKind::Crash}) {
            api::Pager pager(m_sim.client(), api::listFeedback(app->id, kind));
            QSignalSpy done(&pager, &api::Pager::finished);
            pager.start();
            QVERIFY(done.wait(20000));
            QVERIFY(pager.ok());
            for (const auto &resource : pager.resources())
                expected.insert(resource.id);
            if (kind == api::FeedbackKind::Screenshot)
                screenshots = int(pager.resources().size());
        }
        const QStringList listed = ids(m_all);
        QCOMPARE(QSet<QString>(listed.begin(), listed.end()), expected);
        QCOMPARE(listed.size(), expected.size()); // nothing twice
        QVERIFY(screenshots >= 60);
        QVERIFY(listed.size() - screenshots >= 20);

        QString previous = QStringLiteral("9999");
        QSet<QString> kinds;
        for (const QJsonValue &value : std::as_const(m_all)) {
            const QJsonObject item = value.toObject();
            const QString created = item.value(QStringLiteral("createdDate")).toString();
            QVERIFY2(created <= previous, qPrintable(created + QStringLiteral(" after ") + previous));
            previous = created;
            kinds.insert(item.value(QStringLiteral("kind")).toString());
            QVERIFY(!item.value(QStringLiteral("deviceModel")).toString().isEmpty());
            QVERIFY(!item.value(QStringLiteral("tester"))
                         .toObject()
                         .value(QStringLiteral("name"))
                         .toString()
                         .isEmpty());
            QVERIFY(!item.value(QStringLiteral("build"))
                         .toObject()
                         .value(QStringLiteral("version"))
                         .toString()
                         .isEmpty());
        }
        QCOMPARE(kinds, (QSet<QString>{QStringLiteral("screenshot"), QStringLiteral("crash")}));

        const Run table = ctl({QStringLiteral("list"), QStringLiteral("--app"), kApp,
                               QStringLiteral("--limit"), QStringLiteral("15")});
        QCOMPARE(table.exitCode, 0);
        const QStringList lines = table.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const char *column : {"ID", "KIND", "DATE", "TESTER", "DEVICE", "OS", "BUILD", "COMMENT"})
            QVERIFY2(lines.first().contains(QLatin1String(column)), qPrintable(lines.first()));
        QCOMPARE(lines.size(), 1 + 15 + 1); // header, rows, summary
        QVERIFY(lines.at(1).startsWith(m_all.first().toObject().value(QStringLiteral("id")).toString()));
        QVERIFY(lines.last().contains(QStringLiteral("15 feedback items of Trailhead")));
    }

    void listFilters()
    {
        const QJsonArray crashes = list({QStringLiteral("--kind"), QStringLiteral("crash")});
        QVERIFY(crashes.size() >= 20);
        for (const QJsonValue &value : crashes)
            QCOMPARE(value.toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("crash"));

        const QJsonObject sample = first(QStringLiteral("screenshot"));
        const QString build =
            sample.value(QStringLiteral("build")).toObject().value(QStringLiteral("id")).toString();
        const QJsonArray byBuild = list({QStringLiteral("--build"), build});
        QVERIFY(!byBuild.isEmpty());
        QVERIFY(byBuild.size() < m_all.size());
        for (const QJsonValue &value : byBuild)
            QCOMPARE(value.toObject()
                         .value(QStringLiteral("build"))
                         .toObject()
                         .value(QStringLiteral("id"))
                         .toString(),
                     build);

        const QString tester =
            sample.value(QStringLiteral("tester")).toObject().value(QStringLiteral("id")).toString();
        const QJsonArray byTester = list({QStringLiteral("--tester"), tester});
        QVERIFY(ids(byTester).contains(sample.value(QStringLiteral("id")).toString()));
        for (const QJsonValue &value : byTester)
            QCOMPARE(value.toObject()
                         .value(QStringLiteral("tester"))
                         .toObject()
                         .value(QStringLiteral("id"))
                         .toString(),
                     tester);

        const QString device = sample.value(QStringLiteral("deviceModel")).toString();
        const QString os = sample.value(QStringLiteral("osVersion")).toString();
        const QJsonArray byDevice = list({QStringLiteral("--device"), device, QStringLiteral("--os"), os});
        QVERIFY(ids(byDevice).contains(sample.value(QStringLiteral("id")).toString()));
        for (const QJsonValue &value : byDevice) {
            QCOMPARE(value.toObject().value(QStringLiteral("deviceModel")).toString(), device);
            QCOMPARE(value.toObject().value(QStringLiteral("osVersion")).toString(), os);
        }

        // --limit keeps the newest across both kinds.
        const QJsonArray limited = list({QStringLiteral("--limit"), QStringLiteral("7")});
        QCOMPARE(ids(limited), ids(m_all).mid(0, 7));

        const Run badKind = ctl({QStringLiteral("list"), QStringLiteral("--app"), kApp,
                                 QStringLiteral("--kind"), QStringLiteral("video")});
        QCOMPARE(badKind.exitCode, 2);
        QVERIFY(badKind.err.contains(QStringLiteral("--kind")));
        const Run badLimit = ctl({QStringLiteral("list"), QStringLiteral("--app"), kApp,
                                  QStringLiteral("--limit"), QStringLiteral("0")});
        QCOMPARE(badLimit.exitCode, 2);
        const Run noApp = ctl({QStringLiteral("list")});
        QCOMPARE(noApp.exitCode, 2);
        QVERIFY(noApp.err.contains(QStringLiteral("--app")));
        const Run unknownApp =
            ctl({QStringLiteral("list"), QStringLiteral("--app"), QStringLiteral("com.example.none")});
        QCOMPARE(unknownApp.exitCode, 1);
        QVERIFY(unknownApp.out.isEmpty());
    }

    void showBothKinds()
    {
        const QJsonObject screenshot = first(QStringLiteral("screenshot"), 1);
        const QString id = screenshot.value(QStringLiteral("id")).toString();
        const Run text = ctl({QStringLiteral("show"), id});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.startsWith(QStringLiteral("Screenshot feedback ") + id));
        QVERIFY(text.out.contains(
            screenshot.value(QStringLiteral("tester")).toObject().value(QStringLiteral("name")).toString()));
        QVERIFY(text.out.contains(screenshot.value(QStringLiteral("deviceModel")).toString()));
        for (const char *fact : {"Submitted", "Build", "Battery", "Disk", "Screen", "Locale", "Time zone"})
            QVERIFY2(text.out.contains(QLatin1String(fact)), fact);
        QVERIFY(text.out.contains(QStringLiteral("Screenshots (")));
        QVERIFY(text.out.contains(QStringLiteral("link valid until")));

        // --kind skips the guess; --app is accepted.
        const Run withKind = ctl({QStringLiteral("show"), id, QStringLiteral("--kind"),
                                  QStringLiteral("screenshot"), QStringLiteral("--app"), kApp});
        QCOMPARE(withKind.exitCode, 0);
        QCOMPARE(withKind.out, text.out);

        const QJsonObject crash = first(QStringLiteral("crash"));
        const QString crashId = crash.value(QStringLiteral("id")).toString();
        const Run crashText = ctl({QStringLiteral("show"), crashId});
        QCOMPARE(crashText.exitCode, 0);
        QVERIFY(crashText.out.startsWith(QStringLiteral("Crash ") + crashId));
        QVERIFY(crashText.out.contains(QStringLiteral("feedback crashlog ") + crashId));

        // The wrong --kind does not find it.
        const Run wrongKind =
            ctl({QStringLiteral("show"), crashId, QStringLiteral("--kind"), QStringLiteral("screenshot")});
        QCOMPARE(wrongKind.exitCode, 1);
        QVERIFY(wrongKind.err.contains(QStringLiteral("no screenshot submission")));
        const Run unknown = ctl({QStringLiteral("show"), QStringLiteral("does-not-exist")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains(QStringLiteral("neither a screenshot nor a crash")));
        const Run noId = ctl({QStringLiteral("show")});
        QCOMPARE(noId.exitCode, 2);
        QVERIFY(noId.err.contains(QStringLiteral("submission ID")));
    }

    void showAsJson()
    {
        // --json is a global option and may come before the command.
        const QJsonObject screenshot = first(QStringLiteral("screenshot"), 1);
        const QString id = screenshot.value(QStringLiteral("id")).toString();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("ASCEND_SECRET_STORE"), QStringLiteral("file"));
        environment.insert(QStringLiteral("ASCEND_CONFIG_DIR"), m_dir.path());
        environment.insert(QStringLiteral("ASC_KEY_ID"), m_sim.info().keyId);
        environment.insert(QStringLiteral("ASC_ISSUER_ID"), m_sim.info().issuerId);
        environment.insert(QStringLiteral("ASC_PRIVATE_KEY_PATH"), m_keyPath);
        environment.insert(QStringLiteral("ASC_BASE_URL"), m_sim.info().baseUrl);
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(ASCENDCTL_BINARY),
                      {QStringLiteral("--json"), QStringLiteral("feedback"), QStringLiteral("show"), id});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        const QJsonObject object = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        QCOMPARE(object.value(QStringLiteral("id")).toString(), id);
        QCOMPARE(object.value(QStringLiteral("kind")).toString(), QStringLiteral("screenshot"));
        QCOMPARE(object.value(QStringLiteral("comment")).toString(),
                 screenshot.value(QStringLiteral("comment")).toString());
        const QJsonArray screenshots = object.value(QStringLiteral("screenshots")).toArray();
        QCOMPARE(screenshots.size(), screenshot.value(QStringLiteral("screenshots")).toArray().size());
        QVERIFY(screenshots.first()
                    .toObject()
                    .value(QStringLiteral("url"))
                    .toString()
                    .contains(QStringLiteral("signature=")));
    }

    void downloadAndCrashlog()
    {
        const QJsonObject screenshot = first(QStringLiteral("screenshot"), 1);
        const QString id = screenshot.value(QStringLiteral("id")).toString();
        const QJsonArray images = screenshot.value(QStringLiteral("screenshots")).toArray();
        const QString out = m_dir.filePath(QStringLiteral("downloads"));
        const Run run = ctl({QStringLiteral("download"), id, QStringLiteral("--out"), out});
        QCOMPARE(run.exitCode, 0);
        const QStringList paths = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(paths.size(), images.size());
        for (int i = 0; i < paths.size(); ++i) {
            QVERIFY2(paths.at(i).startsWith(QDir(out).absolutePath()), qPrintable(paths.at(i)));
            QVERIFY(QFileInfo(paths.at(i))
                        .fileName()
                        .startsWith(QStringLiteral("%1-screenshot-%2.").arg(id).arg(i + 1)));
            const QImage image(paths.at(i));
            QVERIFY2(!image.isNull(), qPrintable(paths.at(i)));
            QCOMPARE(image.width(), images.at(i).toObject().value(QStringLiteral("width")).toInt());
            QCOMPARE(image.height(), images.at(i).toObject().value(QStringLiteral("height")).toInt());
        }

        const QString crashId = first(QStringLiteral("crash")).value(QStringLiteral("id")).toString();
        const Run log = ctl({QStringLiteral("crashlog"), crashId});
        QCOMPARE(log.exitCode, 0);
        QVERIFY(log.out.startsWith(QStringLiteral("Incident Identifier:")));
        QVERIFY(log.out.contains(QStringLiteral("Exception Type:")));
        QVERIFY(log.out.contains(QStringLiteral("Binary Images:")));
        const Run saved = ctl({QStringLiteral("download"), crashId, QStringLiteral("--out"), out});
        QCOMPARE(saved.exitCode, 0);
        const QString path = saved.out.trimmed();
        QCOMPARE(QFileInfo(path).fileName(), crashId + QStringLiteral(".crash"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString contents = QString::fromUtf8(file.readAll());
        QCOMPARE(contents.trimmed(), log.out.trimmed());

        const Run notACrash = ctl({QStringLiteral("crashlog"), id});
        QCOMPARE(notACrash.exitCode, 1);
        QVERIFY(notACrash.err.contains(QStringLiteral("screenshot feedback")));
        QVERIFY(notACrash.out.isEmpty());
        const Run noOut = ctl({QStringLiteral("download"), id});
        QCOMPARE(noOut.exitCode, 2);
        QVERIFY(noOut.err.contains(QStringLiteral("--out")));
    }

    void exportBothFormats()
    {
        const QJsonArray newest = list({QStringLiteral("--limit"), QStringLiteral("8")});
        int crashes = 0;
        int images = 0;
        for (const QJsonValue &value : newest) {
            crashes +=
                value.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("crash") ? 1 : 0;
            images += int(value.toObject().value(QStringLiteral("screenshots")).toArray().size());
        }

        const QString folder = m_dir.filePath(QStringLiteral("export-json"));
        const Run json =
            ctl({QStringLiteral("export"), QStringLiteral("--app"), kApp, QStringLiteral("--limit"),
                 QStringLiteral("8"), QStringLiteral("--out"), folder});
        QCOMPARE(json.exitCode, 0);
        QVERIFY(json.out.contains(QStringLiteral("Exported 8 feedback items")));
        QFile indexFile(folder + QStringLiteral("/index.json"));
        QVERIFY(indexFile.open(QIODevice::ReadOnly));
        const QJsonObject index = QJsonDocument::fromJson(indexFile.readAll()).object();
        QCOMPARE(index.value(QStringLiteral("count")).toInt(), 8);
        QStringList exported = ids(index.value(QStringLiteral("items")).toArray());
        QStringList wanted = ids(newest);
        exported.sort();
        wanted.sort();
        QCOMPARE(exported, wanted);
        const QStringList files = filesUnder(folder);
        // index + one submission.json per item + every image + one log per crash.
        QCOMPARE(files.size(), 1 + 8 + images + crashes);
        QCOMPARE(files.filter(QStringLiteral("/submission.json")).size(), 8);
        QCOMPARE(files.filter(QRegularExpression(QStringLiteral("\\.(crash|ips)$"))).size(), crashes);

        const QString md = m_dir.filePath(QStringLiteral("export-md"));
        const Run markdown =
            ctl({QStringLiteral("export"), QStringLiteral("--app"), kApp, QStringLiteral("--limit"),
                 QStringLiteral("8"), QStringLiteral("--out"), md, QStringLiteral("--format"),
                 QStringLiteral("md"), QStringLiteral("--kind"), QStringLiteral("crash")});
        QCOMPARE(markdown.exitCode, 0);
        const QStringList mdFiles = filesUnder(md);
        QVERIFY(mdFiles.contains(QStringLiteral("README.md")));
        QCOMPARE(mdFiles.filter(QRegularExpression(QStringLiteral("\\.md$"))).size(), 1 + 8);
        QCOMPARE(mdFiles.filter(QRegularExpression(QStringLiteral("\\.(crash|ips)$"))).size(), 8);
        const QString someCrash = mdFiles.filter(QRegularExpression(QStringLiteral("\\.crash$"))).first();
        QFile crashMd(md + QLatin1Char('/') + QFileInfo(someCrash).completeBaseName() +
                      QStringLiteral(".md"));
        QVERIFY(crashMd.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(crashMd.readAll());
        QVERIFY(text.contains(QStringLiteral("```text\nException Type:")));
        QVERIFY(text.contains(QStringLiteral("Crashed:")));
        QVERIFY(text.contains(QStringLiteral("Full log: [") + someCrash));

        const Run badFormat =
            ctl({QStringLiteral("export"), QStringLiteral("--app"), kApp, QStringLiteral("--out"), md,
                 QStringLiteral("--format"), QStringLiteral("pdf")});
        QCOMPARE(badFormat.exitCode, 2);
        QVERIFY(badFormat.err.contains(QStringLiteral("--format")));
    }

    // Last: it changes the simulator's data.
    void deleteRemovesIt()
    {
        const QString crashId = first(QStringLiteral("crash")).value(QStringLiteral("id")).toString();
        const QString screenshotId =
            first(QStringLiteral("screenshot")).value(QStringLiteral("id")).toString();
        const Run deleted = ctl({QStringLiteral("delete"), crashId});
        QCOMPARE(deleted.exitCode, 0);
        QVERIFY(deleted.out.contains(crashId));
        const Run deletedToo = ctl(
            {QStringLiteral("delete"), screenshotId, QStringLiteral("--kind"), QStringLiteral("screenshot")});
        QCOMPARE(deletedToo.exitCode, 0);

        const QStringList remaining = ids(list());
        QCOMPARE(remaining.size(), m_all.size() - 2);
        QVERIFY(!remaining.contains(crashId));
        QVERIFY(!remaining.contains(screenshotId));
        const Run gone = ctl({QStringLiteral("show"), crashId});
        QCOMPARE(gone.exitCode, 1);
        const Run again =
            ctl({QStringLiteral("delete"), crashId, QStringLiteral("--kind"), QStringLiteral("crash")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains(QStringLiteral("deleted already")));
    }

    void help()
    {
        for (const char *verb : {"list", "show", "download", "crashlog", "delete", "export"}) {
            const Run run = ctl({QString::fromLatin1(verb), QStringLiteral("--help")});
            QCOMPARE(run.exitCode, 0);
            QVERIFY(
                run.out.startsWith(QStringLiteral("Usage: ascendctl feedback %1").arg(QLatin1String(verb))));
            QVERIFY(run.out.contains(QStringLiteral("--app")));
        }
        const Run listHelp = ctl({QStringLiteral("list"), QStringLiteral("--help")});
        for (const char *option : {"--kind", "--build", "--tester", "--device", "--os", "--limit"})
            QVERIFY2(listHelp.out.contains(QLatin1String(option)), option);
        const Run exportHelp = ctl({QStringLiteral("export"), QStringLiteral("--help")});
        QVERIFY(exportHelp.out.contains(QStringLiteral("--format")));
        QVERIFY(exportHelp.out.contains(QStringLiteral("index.json")));
    }
};

QTEST_MAIN(TestFeedbackCli)
#include "tst_feedbackcli.moc"

// FeedbackExporter against a loopback server (see feedbacktestserver.h): the Folder layout (index.json,
// per-item folders with submission.json, screenshots and the crash log as .crash or .ips), the Markdown
// layout (README.md, <id>.md with facts, relative image links and the crash excerpt), errors kept per item
// without stopping the export, cancel, an unwritable destination, and feedbackAsText.

#include "core/api/apiclient.h"
#include "core/feedback/feedbackexporter.h"
#include "feedbacktestserver.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ascend;
using testing::FeedbackServer;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
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

class TestFeedbackExporter : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<FeedbackServer> m_handler;
    std::unique_ptr<http::HttpServer> m_server;
    testing::StaticToken m_token;
    std::unique_ptr<api::ApiClient> m_client;

    void add(const QString &id, FeedbackServer::Submission submission)
    {
        m_handler->submissions.insert(id, submission);
    }

    FeedbackServer::Submission crash(const QString &log,
                                     const QString &created = QStringLiteral("2025-03-12T08:00:00Z"))
    {
        FeedbackServer::Submission s;
        s.kind = api::FeedbackKind::Crash;
        s.crashLog = log;
        s.created = created;
        s.comment = QStringLiteral("It crashed when I tapped Export");
        return s;
    }

    // Runs an export to the end; the result and every progress report.
    feedback::ExportResult run(const QList<api::FeedbackSubmission> &items, const QString &dir,
                               feedback::ExportFormat format, QList<std::pair<int, int>> *progress = nullptr)
    {
        feedback::FeedbackExporter exporter(m_client.get());
        QSignalSpy finished(&exporter, &feedback::FeedbackExporter::finished);
        QList<std::pair<int, int>> reports;
        connect(&exporter, &feedback::FeedbackExporter::progress, this, [&reports](int done, int total) {
            reports.append({done, total});
        });
        exporter.start(items, dir, format);
        [&] {
            QVERIFY(finished.isEmpty()); // never from inside start()
            QVERIFY(exporter.isRunning());
            QVERIFY(finished.wait(20000));
        }();
        QTest::qWait(20);
        [&] { QCOMPARE(finished.size(), 1); }();
        if (progress)
            *progress = reports;
        return finished.first().first().value<feedback::ExportResult>();
    }

private Q_SLOTS:
    void init()
    {
        m_handler = std::make_unique<FeedbackServer>();
        m_server = std::make_unique<http::HttpServer>(m_handler.get());
        QVERIFY(m_server->listen(QHostAddress::LocalHost));
        m_handler->port = m_server->port();
        m_client = std::make_unique<api::ApiClient>(&m_token);
        m_client->setBaseUrl(QUrl(m_handler->base()));
        api::RetryPolicy fast;
        fast.baseDelay = api::Milliseconds(5);
        m_client->setRetryPolicy(fast);
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
        m_handler.reset();
    }

    void folderFormat()
    {
        FeedbackServer::Submission two;
        two.created = QStringLiteral("2025-03-14T09:26:53Z");
        FeedbackServer::Submission one;
        one.images = 1;
        one.created = QStringLiteral("2025-03-13T10:00:00Z");
        add(QStringLiteral("shot-a"), two);
        add(QStringLiteral("shot-b"), one);
        add(QStringLiteral("crash-text"), crash(testing::sampleCrashText()));
        add(QStringLiteral("crash-json"),
            crash(testing::sampleCrashIps(), QStringLiteral("2025-03-11T07:00:00Z")));
        const QList<api::FeedbackSubmission> items{
            m_handler->item(QStringLiteral("shot-a")), m_handler->item(QStringLiteral("shot-b")),
            m_handler->item(QStringLiteral("crash-text")), m_handler->item(QStringLiteral("crash-json"))};
        QTemporaryDir dir;
        QList<std::pair<int, int>> progress;
        const auto result =
            run(items, dir.filePath(QStringLiteral("out")), feedback::ExportFormat::Folder, &progress);
        QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join('\n')));
        QVERIFY(!result.cancelled);

        const QString out = dir.filePath(QStringLiteral("out"));
        const QStringList expected{QStringLiteral("2025-03-11-070000-crash-crash-json/crash-json.ips"),
                                   QStringLiteral("2025-03-11-070000-crash-crash-json/submission.json"),
                                   QStringLiteral("2025-03-12-080000-crash-crash-text/crash-text.crash"),
                                   QStringLiteral("2025-03-12-080000-crash-crash-text/submission.json"),
                                   QStringLiteral("2025-03-13-100000-screenshot-shot-b/screenshot-1.png"),
                                   QStringLiteral("2025-03-13-100000-screenshot-shot-b/submission.json"),
                                   QStringLiteral("2025-03-14-092653-screenshot-shot-a/screenshot-1.png"),
                                   QStringLiteral("2025-03-14-092653-screenshot-shot-a/screenshot-2.jpg"),
                                   QStringLiteral("2025-03-14-092653-screenshot-shot-a/submission.json"),
                                   QStringLiteral("index.json")};
        QCOMPARE(filesUnder(out), expected);
        QCOMPARE(result.filesWritten.size(), expected.size());
        for (const QString &path : result.filesWritten)
            QVERIFY2(QFileInfo(path).isAbsolute() && QFile::exists(path), qPrintable(path));

        // submission.json is the resource as received.
        const QJsonObject saved =
            QJsonDocument::fromJson(
                readAll(out + QStringLiteral("/2025-03-14-092653-screenshot-shot-a/submission.json")))
                .object();
        QCOMPARE(saved, items.first().resourceJson);
        QCOMPARE(readAll(out + QStringLiteral("/2025-03-14-092653-screenshot-shot-a/screenshot-1.png")),
                 m_handler->png);
        QCOMPARE(readAll(out + QStringLiteral("/2025-03-14-092653-screenshot-shot-a/screenshot-2.jpg")),
                 m_handler->jpeg);
        QCOMPARE(QString::fromUtf8(
                     readAll(out + QStringLiteral("/2025-03-12-080000-crash-crash-text/crash-text.crash"))),
                 testing::sampleCrashText());

        const QJsonObject index =
            QJsonDocument::fromJson(readAll(out + QStringLiteral("/index.json"))).object();
        QCOMPARE(index.value(QStringLiteral("format")).toString(), QStringLiteral("folder"));
        QCOMPARE(index.value(QStringLiteral("count")).toInt(), 4);
        QCOMPARE(index.value(QStringLiteral("cancelled")).toBool(), false);
        const QJsonArray listed = index.value(QStringLiteral("items")).toArray();
        QCOMPARE(listed.size(), 4);
        QStringList ids;
        for (const QJsonValue &value : listed) {
            const QJsonObject entry = value.toObject();
            ids << entry.value(QStringLiteral("id")).toString();
            QVERIFY(!entry.value(QStringLiteral("files")).toArray().isEmpty());
            QVERIFY(entry.value(QStringLiteral("errors")).toArray().isEmpty());
            QVERIFY(
                QFileInfo(out + QLatin1Char('/') + entry.value(QStringLiteral("folder")).toString()).isDir());
        }
        ids.sort();
        QCOMPARE(ids, (QStringList{QStringLiteral("crash-json"), QStringLiteral("crash-text"),
                                   QStringLiteral("shot-a"), QStringLiteral("shot-b")}));

        // Progress counts up to the total.
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.first(), std::make_pair(0, 4));
        QCOMPARE(progress.last(), std::make_pair(4, 4));
        for (int i = 1; i < progress.size(); ++i)
            QCOMPARE(progress.at(i).first, progress.at(i - 1).first + 1);
    }

    void markdownFormat()
    {
        FeedbackServer::Submission shot;
        shot.comment = QStringLiteral("Save button | overlaps the keyboard\nIt happens in landscape too.");
        add(QStringLiteral("shot-md"), shot);
        add(QStringLiteral("crash-md"), crash(testing::sampleCrashText()));
        QTemporaryDir dir;
        const auto result =
            run({m_handler->item(QStringLiteral("shot-md")), m_handler->item(QStringLiteral("crash-md"))},
                dir.path(), feedback::ExportFormat::Markdown);
        QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join('\n')));
        QCOMPARE(filesUnder(dir.path()),
                 (QStringList{QStringLiteral("README.md"), QStringLiteral("crash-md.crash"),
                              QStringLiteral("crash-md.md"), QStringLiteral("shot-md-screenshot-1.png"),
                              QStringLiteral("shot-md-screenshot-2.jpg"), QStringLiteral("shot-md.md")}));

        const QString shotMd = QString::fromUtf8(readAll(dir.filePath(QStringLiteral("shot-md.md"))));
        QVERIFY2(shotMd.startsWith(QStringLiteral("# Save button | overlaps the keyboard\n")),
                 qPrintable(shotMd));
        QVERIFY(shotMd.contains(QStringLiteral("> It happens in landscape too.")));
        QVERIFY(shotMd.contains(QStringLiteral("| Tester | Ana Lima |")));
        QVERIFY(shotMd.contains(QStringLiteral("| Build | 42 |")));
        QVERIFY(shotMd.contains(QStringLiteral("| Device | iPhone15_2, IPHONE |")));
        QVERIFY(shotMd.contains(QStringLiteral("| OS | IOS 17.4.1 |")));
        QVERIFY(shotMd.contains(QStringLiteral("| Battery | 64 % |")));
        QVERIFY(shotMd.contains(QStringLiteral("| Connection | WIFI |")));
        QVERIFY(shotMd.contains(QStringLiteral("![Screenshot 1](shot-md-screenshot-1.png)")));
        QVERIFY(shotMd.contains(QStringLiteral("![Screenshot 2](shot-md-screenshot-2.jpg)")));

        const QString crashMd = QString::fromUtf8(readAll(dir.filePath(QStringLiteral("crash-md.md"))));
        QVERIFY(crashMd.startsWith(QStringLiteral("# It crashed when I tapped Export\n")));
        const qsizetype fence = crashMd.indexOf(QStringLiteral("```text\n"));
        QVERIFY(fence > 0);
        const QString excerpt = crashMd.mid(fence, crashMd.indexOf(QStringLiteral("\n```\n"), fence) - fence);
        QVERIFY(excerpt.contains(QStringLiteral("Exception Type:  EXC_BAD_ACCESS (SIGSEGV)")));
        QVERIFY(excerpt.contains(QStringLiteral("Thread 0 Crashed:")));
        QVERIFY(excerpt.contains(QStringLiteral("NoteExporter.export(_:) + 212")));
        QVERIFY(!excerpt.contains(QStringLiteral("Thread 1:")));      // only the crashed thread
        QVERIFY(!excerpt.contains(QStringLiteral("Binary Images:"))); // and no image list
        QVERIFY(!excerpt.contains(QStringLiteral("Incident Identifier")));
        QVERIFY(crashMd.contains(QStringLiteral("Full log: [crash-md.crash](crash-md.crash)")));

        const QString readme = QString::fromUtf8(readAll(dir.filePath(QStringLiteral("README.md"))));
        QVERIFY(readme.contains(QStringLiteral("1 screenshot submissions and 1 crashes")));
        QVERIFY(readme.contains(QStringLiteral("(shot-md.md)")));
        QVERIFY(readme.contains(QStringLiteral("(crash-md.md)")));
        QVERIFY(readme.contains(
            QStringLiteral("Save button \\| overlaps the keyboard"))); // the pipe cannot break the table
    }

    void errorsStayWithTheirItem()
    {
        FeedbackServer::Submission refused;
        refused.forbidden = true;
        refused.images = 1;
        add(QStringLiteral("refused"), refused);
        add(QStringLiteral("nolog"), crash(QString()));
        FeedbackServer::Submission fine;
        fine.images = 1;
        add(QStringLiteral("fine"), fine);
        QTemporaryDir dir;
        const auto result =
            run({m_handler->item(QStringLiteral("refused")), m_handler->item(QStringLiteral("nolog")),
                 m_handler->item(QStringLiteral("fine"))},
                dir.path(), feedback::ExportFormat::Markdown);
        QCOMPARE(result.errors.size(), 2);
        QVERIFY2(result.errors.at(0).contains(QStringLiteral("refused")) ||
                     result.errors.at(1).contains(QStringLiteral("refused")),
                 qPrintable(result.errors.join('\n')));
        QVERIFY(result.errors.join('\n').contains(QStringLiteral("nolog")));
        QVERIFY(result.errors.join('\n').contains(QStringLiteral("crash log could not be downloaded")));
        // The healthy item is complete, the others are there with their problems written down.
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("fine-screenshot-1.png"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("refused-screenshot-1.png"))));
        const QString refusedMd = QString::fromUtf8(readAll(dir.filePath(QStringLiteral("refused.md"))));
        QVERIFY(refusedMd.contains(QStringLiteral("## Not included")));
        QVERIFY(refusedMd.contains(QStringLiteral("403")));
        const QString readme = QString::fromUtf8(readAll(dir.filePath(QStringLiteral("README.md"))));
        QVERIFY(readme.contains(QStringLiteral("## Problems")));
        QCOMPARE(m_handler->crashLogRequests, 1);
    }

    void cancelStopsAndKeepsWhatWasWritten()
    {
        m_handler->imageDelayMs = 60;
        QList<api::FeedbackSubmission> items;
        for (int i = 0; i < 30; ++i) {
            const QString id = QStringLiteral("many-%1").arg(i, 2, 10, QLatin1Char('0'));
            add(id, {});
            items << m_handler->item(id);
        }
        QTemporaryDir dir;
        feedback::FeedbackExporter exporter(m_client.get());
        QSignalSpy finished(&exporter, &feedback::FeedbackExporter::finished);
        connect(&exporter, &feedback::FeedbackExporter::progress, &exporter, [&exporter](int done, int) {
            if (done == 2)
                exporter.cancel();
        });
        exporter.start(items, dir.path(), feedback::ExportFormat::Folder);
        QVERIFY(finished.wait(20000));
        QTest::qWait(300); // nothing more arrives after finished()
        QCOMPARE(finished.size(), 1);
        QVERIFY(!exporter.isRunning());
        const auto result = finished.first().first().value<feedback::ExportResult>();
        QVERIFY(result.cancelled);
        const QStringList onDisk = filesUnder(dir.path());
        QVERIFY(onDisk.contains(QStringLiteral("index.json")));
        QVERIFY2(onDisk.size() < 30 * 3, qPrintable(QString::number(onDisk.size())));
        // Everything reported as written is there, and nothing else.
        QStringList reported;
        for (const QString &path : result.filesWritten)
            reported << QDir(dir.path()).relativeFilePath(path);
        reported.sort();
        QCOMPARE(onDisk, reported);
        QVERIFY(m_handler->imageRequests < 60);
        const QJsonObject index =
            QJsonDocument::fromJson(readAll(dir.filePath(QStringLiteral("index.json")))).object();
        QCOMPARE(index.value(QStringLiteral("cancelled")).toBool(), true);
        QCOMPARE(index.value(QStringLiteral("count")).toInt(), 2);
        QCOMPARE(index.value(QStringLiteral("requested")).toInt(), 30);
    }

    void unwritableDestination()
    {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(QStringLiteral("file"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        add(QStringLiteral("x"), {});
        const auto result = run({m_handler->item(QStringLiteral("x"))}, blocker + QStringLiteral("/sub"),
                                feedback::ExportFormat::Folder);
        QCOMPARE(result.errors.size(), 1);
        QVERIFY(result.errors.first().contains(QStringLiteral("could not be created")));
        QVERIFY(result.filesWritten.isEmpty());
        QCOMPARE(m_handler->imageRequests, 0);
    }

    void emptySelection()
    {
        QTemporaryDir dir;
        const auto result = run({}, dir.path(), feedback::ExportFormat::Folder);
        QVERIFY(result.errors.isEmpty());
        QCOMPARE(result.filesWritten.size(), 1); // the index
        const QJsonObject index =
            QJsonDocument::fromJson(readAll(dir.filePath(QStringLiteral("index.json")))).object();
        QCOMPARE(index.value(QStringLiteral("count")).toInt(), 0);
    }

    void asText()
    {
        add(QStringLiteral("t"), {});
        api::FeedbackSubmission item = m_handler->item(QStringLiteral("t"));
        item.comment = QString();
        item.email = QStringLiteral("ana@example.com");
        item.diskBytesAvailable = 53687091200LL;
        item.diskBytesTotal = 128000000000LL;
        item.appUptimeInMilliseconds = 9'000'000;
        item.screenWidthInPoints = 393;
        item.screenHeightInPoints = 852;
        const QString text = feedback::feedbackAsText(item);
        QVERIFY2(text.startsWith(QStringLiteral("# Screenshot feedback from Ana Lima\n")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("| Tester | Ana Lima (ana@example.com) |")));
        QVERIFY(text.contains(QStringLiteral("| Disk | 53.7 GB free of 128.0 GB |")));
        QVERIFY(text.contains(QStringLiteral("| App uptime | 2 h 30 min |")));
        QVERIFY(text.contains(QStringLiteral("| Screen | 393 × 852 pt |")));
        QVERIFY(text.contains(QStringLiteral("| ID | t |")));
        QVERIFY(text.contains(QStringLiteral("2 screenshot(s) attached")) ||
                text.contains(QStringLiteral("2 screenshots")));
        QVERIFY(!text.contains(QStringLiteral("| Locale |"))); // absent facts are left out

        item.comment =
            QStringLiteral("A very long first line that goes on and on about the layout of the settings "
                           "screen when the text size is large");
        const QString title = feedback::feedbackTitle(item);
        QVERIFY(title.size() <= 81);
        QVERIFY(title.endsWith(QChar(0x2026)));
        QVERIFY(title.startsWith(QStringLiteral("A very long first line")));
    }

    void excerptOfJsonReport()
    {
        const QString excerpt = feedback::crashLogExcerpt(testing::sampleCrashIps());
        QVERIFY2(excerpt.contains(QStringLiteral("EXC_CRASH")), qPrintable(excerpt));
        QVERIFY(excerpt.contains(QStringLiteral("\"triggered\" : true")));
        QVERIFY(!excerpt.contains(QStringLiteral("usedImages")));
    }
};

QTEST_MAIN(TestFeedbackExporter)
#include "tst_feedbackexporter.moc"

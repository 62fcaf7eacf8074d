// CrashReport::parse over real-looking Apple crash reports: an iOS text report, a macOS "Translated Report"
// with a Last Exception Backtrace, JSON .ips reports in Apple's layout and pretty-printed, an older .ips with
// a text body, and reports that are cut short or not crash reports at all.

#include "core/feedback/crashreport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

using ascend::feedback::CrashReport;
using ascend::feedback::CrashSection;
using ascend::feedback::CrashThread;

namespace {

QString readData(const QString &name)
{
    QFile file(QStringLiteral(ASCEND_TEST_DATA_DIR "/crashlogs/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// The 0-based number of the first line that starts with `prefix`, -1 when there is none.
int lineStartingWith(const QStringList &lines, const QString &prefix, int from = 0)
{
    for (int i = from; i < lines.size(); ++i) {
        if (lines.at(i).startsWith(prefix))
            return i;
    }
    return -1;
}

const CrashSection *section(const CrashReport &report, CrashSection::Kind kind)
{
    for (const CrashSection &s : report.sections) {
        if (s.kind == kind)
            return &s;
    }
    return nullptr;
}

QString linesOf(const QStringList &lines, int first, int last)
{
    return lines.mid(first, last - first + 1).join(QLatin1Char('\n'));
}

} // namespace

class TestCrashReport : public QObject {
    Q_OBJECT

private slots:
    void iosTextReport()
    {
        const QString text = readData(QStringLiteral("ios-bad-access.crash"));
        QVERIFY(!text.isEmpty());
        const QStringList lines = text.split(QLatin1Char('\n'));
        const CrashReport report = CrashReport::parse(text);

        QCOMPARE(report.ips, false);
        QCOMPARE(report.suggestedSuffix(), QStringLiteral("crash"));
        QCOMPARE(report.lineCount, lines.size());
        QCOMPARE(report.exceptionType, QStringLiteral("EXC_BAD_ACCESS (SIGSEGV)"));
        QCOMPARE(report.exceptionSubtype, QStringLiteral("KERN_INVALID_ADDRESS at 0x0000000000000018"));
        QCOMPARE(report.exceptionCodes, QStringLiteral("0x0000000000000001, 0x0000000000000018"));
        QCOMPARE(report.exceptionTypeLine, lineStartingWith(lines, QStringLiteral("Exception Type:")));
        QCOMPARE(report.crashedThread, 0);
        QCOMPARE(report.processName, QStringLiteral("Nimbus"));
        QVERIFY(report.exceptionReason.isEmpty());

        QCOMPARE(report.threads.size(), 6);
        for (int i = 0; i < report.threads.size(); ++i)
            QCOMPARE(report.threads.at(i).number, i);

        // Thread 0 starts at its name line, takes every frame, and stops before the blank line.
        const CrashThread *crashed = report.crashed();
        QVERIFY(crashed);
        QVERIFY(crashed->crashed);
        QCOMPARE(crashed->name, QStringLiteral("Dispatch queue: com.apple.main-thread"));
        QCOMPARE(crashed->firstLine, lineStartingWith(lines, QStringLiteral("Thread 0 name:")));
        QCOMPARE(lines.at(crashed->firstLine + 1), QStringLiteral("Thread 0 Crashed:"));
        QVERIFY(lines.at(crashed->lastLine).startsWith(QStringLiteral("21  dyld")));
        QVERIFY(lines.at(crashed->lastLine + 1).isEmpty());
        QCOMPARE(crashed->lastLine - crashed->firstLine + 1, 2 + 22); // two headings, 22 frames

        // The others: no name, a name, none crashed.
        QVERIFY(report.threads.at(1).name.isEmpty());
        QCOMPARE(report.threads.at(1).firstLine, lineStartingWith(lines, QStringLiteral("Thread 1:")));
        QCOMPARE(report.threads.at(1).lastLine, report.threads.at(1).firstLine + 1);
        QCOMPARE(report.threads.at(3).name, QStringLiteral("com.apple.uikit.eventfetch-thread"));
        QCOMPARE(report.threads.at(4).name, QStringLiteral("com.example.nimbus.sync"));
        QVERIFY(linesOf(lines, report.threads.at(4).firstLine, report.threads.at(4).lastLine)
                    .contains(QStringLiteral("SyncEngine.waitForWork()")));
        for (int i = 1; i < report.threads.size(); ++i)
            QVERIFY(!report.threads.at(i).crashed);
        // Threads never overlap and come in order.
        for (int i = 1; i < report.threads.size(); ++i)
            QVERIFY(report.threads.at(i).firstLine > report.threads.at(i - 1).lastLine);

        // The register state and the binary images are their own blocks, not part of the last thread.
        const CrashSection *state = section(report, CrashSection::Kind::ThreadState);
        QVERIFY(state);
        QCOMPARE(state->firstLine, lineStartingWith(lines, QStringLiteral("Thread 0 crashed with ARM")));
        QVERIFY(lines.at(state->lastLine).contains(QStringLiteral("esr:")));
        QVERIFY(report.threads.last().lastLine < state->firstLine);
        const CrashSection *images = section(report, CrashSection::Kind::BinaryImages);
        QVERIFY(images);
        QCOMPARE(report.binaryImagesLine, lineStartingWith(lines, QStringLiteral("Binary Images:")));
        QCOMPARE(images->firstLine, report.binaryImagesLine);
        QVERIFY(lines.at(images->lastLine).contains(QStringLiteral("/usr/lib/dyld")));
        QVERIFY(!section(report, CrashSection::Kind::LastExceptionBacktrace));
    }

    void macosTranslatedReport()
    {
        const QString text = readData(QStringLiteral("macos-uncaught-exception.crash"));
        const QStringList lines = text.split(QLatin1Char('\n'));
        const CrashReport report = CrashReport::parse(text);

        QCOMPARE(report.exceptionType, QStringLiteral("EXC_CRASH (SIGABRT)"));
        QCOMPARE(
            report.exceptionReason,
            QStringLiteral(
                "NSInvalidArgumentException: *** -[__NSArrayM insertObject:atIndex:]: object cannot be nil"));
        QCOMPARE(report.exceptionCodes, QStringLiteral("0x0000000000000000, 0x0000000000000000"));
        QCOMPARE(report.crashedThread, 2); // from "Crashed Thread:", and "Thread 2 Crashed::" agrees
        QCOMPARE(report.threads.size(), 4);
        QCOMPARE(report.threads.at(0).name, QStringLiteral("Dispatch queue: com.apple.main-thread"));
        QCOMPARE(report.threads.at(1).name, QStringLiteral("com.apple.NSEventThread"));
        const CrashThread *crashed = report.crashed();
        QVERIFY(crashed && crashed->crashed && crashed->number == 2);
        QCOMPARE(crashed->name, QStringLiteral("Dispatch queue: com.example.nimbus.import"));
        QCOMPARE(crashed->firstLine, lineStartingWith(lines, QStringLiteral("Thread 2 Crashed::")));
        QVERIFY(lines.at(crashed->lastLine).startsWith(QStringLiteral("14  libsystem_pthread.dylib")));
        QVERIFY(!report.threads.at(0).crashed);

        const CrashSection *backtrace = section(report, CrashSection::Kind::LastExceptionBacktrace);
        QVERIFY(backtrace);
        QCOMPARE(backtrace->firstLine, lineStartingWith(lines, QStringLiteral("Last Exception Backtrace:")));
        QVERIFY(lines.at(backtrace->lastLine).startsWith(QStringLiteral("12  libsystem_pthread.dylib")));
        // The backtrace's frames are not a thread.
        QVERIFY(report.threads.at(0).firstLine > backtrace->lastLine);

        const CrashSection *images = section(report, CrashSection::Kind::BinaryImages);
        QVERIFY(images);
        QVERIFY(lines.at(images->lastLine).contains(QStringLiteral("AppKit.framework")));
        QVERIFY(lines.at(images->lastLine + 1).isEmpty());
    }

    void crlfLineEndingsGiveTheSameLines()
    {
        const QString text = readData(QStringLiteral("ios-bad-access.crash"));
        QString crlf = text;
        crlf.replace(QLatin1Char('\n'), QLatin1String("\r\n"));
        const CrashReport lf = CrashReport::parse(text);
        const CrashReport dos = CrashReport::parse(crlf);
        QCOMPARE(dos.exceptionType, lf.exceptionType); // no trailing '\r'
        QCOMPARE(dos.exceptionTypeLine, lf.exceptionTypeLine);
        QCOMPARE(dos.threads.size(), lf.threads.size());
        for (int i = 0; i < lf.threads.size(); ++i) {
            QCOMPARE(dos.threads.at(i).name, lf.threads.at(i).name);
            QCOMPARE(dos.threads.at(i).firstLine, lf.threads.at(i).firstLine);
            QCOMPARE(dos.threads.at(i).lastLine, lf.threads.at(i).lastLine);
        }
    }

    void crashedThreadFromHeadingAlone()
    {
        // Without "Triggered by Thread:" the "Thread N Crashed:" heading says which one.
        QString text = readData(QStringLiteral("macos-uncaught-exception.crash"));
        text.remove(QRegularExpression(QStringLiteral("^Crashed Thread:[^\n]*\n"),
                                       QRegularExpression::MultilineOption));
        const CrashReport report = CrashReport::parse(text);
        QCOMPARE(report.crashedThread, 2);
        QVERIFY(report.crashed() && report.crashed()->crashed);
    }

    void truncatedTextReport()
    {
        // Cut in the middle of the crashed thread: it runs to the end, nothing else is invented.
        const QString text = readData(QStringLiteral("ios-bad-access.crash"));
        const QString cut = text.left(text.indexOf(QStringLiteral("12  UIKitCore")));
        const QStringList lines = cut.split(QLatin1Char('\n'));
        const CrashReport report = CrashReport::parse(cut);
        QCOMPARE(report.threads.size(), 1);
        QCOMPARE(report.crashedThread, 0);
        QVERIFY(lines.at(report.threads.at(0).lastLine).startsWith(QStringLiteral("11  QuartzCore")));
        QCOMPARE(report.binaryImagesLine, -1);
        QVERIFY(report.sections.isEmpty());
    }

    void notACrashReport_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("blank") << QStringLiteral("\n\n  \n");
        QTest::newRow("prose") << QStringLiteral(
            "The app closed when I tapped Share.\nThread safety is hard.");
        QTest::newRow("html") << QStringLiteral("<html><body>502 Bad Gateway</body></html>");
    }

    void notACrashReport()
    {
        QFETCH(QString, text);
        const CrashReport report = CrashReport::parse(text);
        QVERIFY(report.isEmpty());
        QCOMPARE(report.crashedThread, -1);
        QCOMPARE(report.exceptionTypeLine, -1);
        QVERIFY(report.crashed() == nullptr);
        QCOMPARE(report.suggestedSuffix(), QStringLiteral("crash"));
    }

    void ipsInApplesLayout()
    {
        // Apple writes the body one top-level member per line, with "threads" as one long line.
        const QString text = readData(QStringLiteral("ios-bad-access.ips"));
        QVERIFY(!text.isEmpty());
        const QStringList lines = text.split(QLatin1Char('\n'));
        const CrashReport report = CrashReport::parse(text);

        QVERIFY(report.ips);
        QCOMPARE(report.suggestedSuffix(), QStringLiteral("ips"));
        QCOMPARE(report.exceptionType, QStringLiteral("EXC_BAD_ACCESS (SIGSEGV)"));
        QCOMPARE(report.exceptionSubtype, QStringLiteral("KERN_INVALID_ADDRESS at 0x0000000000000018"));
        QCOMPARE(report.exceptionCodes, QStringLiteral("0x0000000000000001, 0x0000000000000018"));
        QCOMPARE(report.exceptionTypeLine, lineStartingWith(lines, QStringLiteral("  \"exception\" :")));
        QCOMPARE(report.processName, QStringLiteral("Nimbus"));
        QCOMPARE(report.crashedThread, 0);
        QCOMPARE(report.threads.size(), 4);
        QCOMPARE(report.threads.at(0).name, QStringLiteral("Dispatch queue: com.apple.main-thread"));
        QVERIFY(report.threads.at(0).crashed);
        QVERIFY(report.threads.at(1).name.isEmpty());
        QCOMPARE(report.threads.at(3).name, QStringLiteral("com.apple.uikit.eventfetch-thread"));
        const int threadsLine = lineStartingWith(lines, QStringLiteral("  \"threads\" :"));
        for (const CrashThread &thread : report.threads) {
            QCOMPARE(thread.firstLine, threadsLine);
            QCOMPARE(thread.lastLine, threadsLine);
        }
        QCOMPARE(report.binaryImagesLine, lineStartingWith(lines, QStringLiteral("  \"usedImages\" :")));
        const CrashSection *images = section(report, CrashSection::Kind::BinaryImages);
        QVERIFY(images);
        QCOMPARE(images->lastLine, report.binaryImagesLine);
    }

    void ipsPrettyPrinted()
    {
        // The same report with the body spread out: every thread gets its own lines.
        const QString original = readData(QStringLiteral("ios-bad-access.ips"));
        const qsizetype headerEnd = original.indexOf(QLatin1Char('\n'));
        const QJsonDocument body = QJsonDocument::fromJson(original.mid(headerEnd + 1).toUtf8());
        QVERIFY(body.isObject());
        const QString text =
            original.left(headerEnd + 1) + QString::fromUtf8(body.toJson(QJsonDocument::Indented));
        const QStringList lines = text.split(QLatin1Char('\n'));
        const CrashReport report = CrashReport::parse(text);

        QVERIFY(report.ips);
        QCOMPARE(report.threads.size(), 4);
        QCOMPARE(report.crashedThread, 0);
        for (int i = 0; i < report.threads.size(); ++i) {
            const CrashThread &thread = report.threads.at(i);
            QVERIFY(thread.lastLine > thread.firstLine);
            QVERIFY(lines.at(thread.firstLine).trimmed().startsWith(QLatin1Char('{')));
            QVERIFY(lines.at(thread.lastLine).trimmed().startsWith(QLatin1Char('}')));
            if (i > 0)
                QVERIFY(thread.firstLine > report.threads.at(i - 1).lastLine);
        }
        const QString crashedText =
            linesOf(lines, report.threads.at(0).firstLine, report.threads.at(0).lastLine);
        QVERIFY(crashedText.contains(QStringLiteral("ForecastCell.configure(with:)")));
        QVERIFY(!crashedText.contains(QStringLiteral("UIEventFetcher")));
        QVERIFY(linesOf(lines, report.threads.at(3).firstLine, report.threads.at(3).lastLine)
                    .contains(QStringLiteral("-[UIEventFetcher threadMain]")));
        QVERIFY(lines.at(report.exceptionTypeLine).contains(QStringLiteral("\"exception\"")));
        const CrashSection *images = section(report, CrashSection::Kind::BinaryImages);
        QVERIFY(images && images->lastLine > images->firstLine);
        QVERIFY(
            linesOf(lines, images->firstLine, images->lastLine).contains(QStringLiteral("libobjc.A.dylib")));
    }

    void ipsApplicationSpecificInformation()
    {
        const QString original = readData(QStringLiteral("ios-bad-access.ips"));
        const qsizetype headerEnd = original.indexOf(QLatin1Char('\n'));
        QJsonObject body = QJsonDocument::fromJson(original.mid(headerEnd + 1).toUtf8()).object();
        QJsonObject exception = body.value(QStringLiteral("exception")).toObject();
        exception.insert(QStringLiteral("type"), QStringLiteral("EXC_CRASH"));
        exception.insert(QStringLiteral("signal"), QStringLiteral("SIGABRT"));
        body.insert(QStringLiteral("exception"), exception);
        body.insert(
            QStringLiteral("asi"),
            QJsonObject{{QStringLiteral("CoreFoundation"),
                         QJsonArray{QStringLiteral("*** Terminating app due to uncaught exception "
                                                   "'NSRangeException', reason: '*** -[__NSArrayI "
                                                   "objectAtIndex:]: index 3 beyond bounds [0 .. 2]'")}},
                        {QStringLiteral("libsystem_c.dylib"), QJsonArray{QStringLiteral("abort() called")}}});
        const QString text = original.left(headerEnd + 1) + QString::fromUtf8(QJsonDocument(body).toJson());
        const CrashReport report = CrashReport::parse(text);
        QCOMPARE(report.exceptionType, QStringLiteral("EXC_CRASH (SIGABRT)"));
        QCOMPARE(report.exceptionReason,
                 QStringLiteral(
                     "NSRangeException: *** -[__NSArrayI objectAtIndex:]: index 3 beyond bounds [0 .. 2]"));
    }

    void ipsCutShort()
    {
        // A truncated body is no JSON document; the layout still finds the whole threads and the faulting
        // one.
        const QString original = readData(QStringLiteral("ios-bad-access.ips"));
        const qsizetype headerEnd = original.indexOf(QLatin1Char('\n'));
        const QJsonDocument body = QJsonDocument::fromJson(original.mid(headerEnd + 1).toUtf8());
        const QString full =
            original.left(headerEnd + 1) + QString::fromUtf8(body.toJson(QJsonDocument::Indented));
        const QString cut = full.left(full.indexOf(QStringLiteral("com.apple.uikit.eventfetch-thread")));
        const CrashReport report = CrashReport::parse(cut);
        QVERIFY(report.ips);
        QCOMPARE(report.suggestedSuffix(), QStringLiteral("ips"));
        QCOMPARE(report.crashedThread, 0);
        QCOMPARE(report.exceptionType, QStringLiteral("EXC_BAD_ACCESS (SIGSEGV)"));
        QCOMPARE(report.exceptionCodes, QStringLiteral("0x0000000000000001, 0x0000000000000018"));
        QVERIFY(cut.split(QLatin1Char('\n'))
                    .at(report.exceptionTypeLine)
                    .contains(QStringLiteral("\"exception\"")));
        QCOMPARE(report.threads.size(), 3); // the fourth never closes
        QVERIFY(report.threads.at(0).crashed);
    }

    void legacyIpsWithTextBody()
    {
        const QString crash = readData(QStringLiteral("ios-bad-access.crash"));
        const QString header = QStringLiteral(
            "{\"app_name\":\"Nimbus\",\"bug_type\":\"109\",\"os_version\":\"iPhone OS 14.8 (18H17)\","
            "\"incident_id\":\"3F6C2E7A-91B4-4D0C-8B7E-52A1D9C04F18\"}\n");
        const CrashReport text = CrashReport::parse(crash);
        const CrashReport report = CrashReport::parse(header + crash);
        QVERIFY(report.ips);
        QCOMPARE(report.suggestedSuffix(), QStringLiteral("ips"));
        QCOMPARE(report.exceptionType, text.exceptionType);
        QCOMPARE(report.exceptionTypeLine, text.exceptionTypeLine + 1);
        QCOMPARE(report.crashedThread, 0);
        QCOMPARE(report.threads.size(), text.threads.size());
        QCOMPARE(report.threads.at(0).firstLine, text.threads.at(0).firstLine + 1);
        QCOMPARE(report.binaryImagesLine, text.binaryImagesLine + 1);
    }
};

QTEST_GUILESS_MAIN(TestCrashReport)
#include "tst_crashreport.moc"

// The crash-log viewer (offscreen) on real-looking Apple crash reports: the text as received with line
// numbers, the exception line and the crashed thread painted, search hits as extra selections with
// next/previous from the keyboard, folding threads by hiding blocks (gutter, list, "Collapse Others", the
// pill), going to the crashed thread, copy, and "Save As…" through the real file dialog. Colours are checked
// for contrast in the light and the dark palette.

#include "core/feedback/crashreport.h"
#include "ui/crashlogviewer.h"
#include "ui/crashlogviewereditor.h"
#include "ui/crashlogviewersummarybar.h"
#include "ui/theme.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QtTest>

using ascend::feedback::CrashReport;
using ascend::ui::CrashLogColors;
using ascend::ui::CrashLogEditor;
using ascend::ui::CrashLogSummaryBar;
using ascend::ui::CrashLogViewer;
namespace theme = ascend::ui::theme;

namespace {

QString readData(const QString &name)
{
    QFile file(QStringLiteral(ASCEND_TEST_DATA_DIR "/crashlogs/") + name);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// With ASCEND_SCREENSHOT_DIR set, the states reached are saved as images to look at.
void saveScreenshot(QWidget *widget, const QString &fileName)
{
    if (qEnvironmentVariableIsEmpty("ASCEND_SCREENSHOT_DIR"))
        return;
    const QString dir = qEnvironmentVariable("ASCEND_SCREENSHOT_DIR");
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(QDir(dir).filePath(fileName)));
}

qreal luminance(const QColor &color)
{
    const auto channel = [](qreal c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) +
           0.0722 * channel(color.blueF());
}

// WCAG contrast ratio.
qreal contrast(const QColor &a, const QColor &b)
{
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QColor blockBackground(const CrashLogEditor *editor, int line)
{
    const QBrush brush = editor->document()->findBlockByNumber(line).blockFormat().background();
    return brush.style() == Qt::NoBrush ? QColor() : brush.color();
}

bool lineVisible(const CrashLogEditor *editor, int line)
{
    return editor->document()->findBlockByNumber(line).isVisible();
}

// The y of a line in the editor's viewport (and gutter), at its middle.
int lineY(CrashLogEditor *editor, int line)
{
    return editor->cursorRect(QTextCursor(editor->document()->findBlockByNumber(line))).center().y();
}

int firstShownLine(CrashLogEditor *editor)
{
    return editor->cursorForPosition(QPoint(4, 2)).blockNumber();
}

// Answers the file dialog that is about to open with `path`, after checking what it proposes.
void answerSaveDialog(const QString &path, const QString &expectedName, const QString &expectedFilter,
                      bool *checked)
{
    QTimer::singleShot(50, [=] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
        const QStringList selected = dialog->selectedFiles();
        QVERIFY(!selected.isEmpty());
        QCOMPARE(QFileInfo(selected.first()).fileName(), expectedName);
        QVERIFY2(dialog->selectedNameFilter().contains(expectedFilter),
                 qPrintable(dialog->selectedNameFilter()));
        *checked = true;
        // Typed into the name field, as a user would.
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        QVERIFY(name);
        name->setText(path);
        static_cast<QDialog *>(dialog)->accept(); // public in QDialog
    });
}

} // namespace

class TestCrashLogViewer : public QObject {
    Q_OBJECT

private:
    QString m_ios;
    QString m_mac;
    QString m_ips;

    void open(CrashLogViewer &viewer, const QString &text, const QString &base = QStringLiteral("FB-123"))
    {
        viewer.resize(1100, 700);
        viewer.setLog(text, base);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("AscendTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_crashlogviewer"));
        QSettings().clear();
        theme::apply(*qApp, theme::Mode::Light);
        m_ios = readData(QStringLiteral("ios-bad-access.crash"));
        m_mac = readData(QStringLiteral("macos-uncaught-exception.crash"));
        m_ips = readData(QStringLiteral("ios-bad-access.ips"));
        QVERIFY(!m_ios.isEmpty() && !m_mac.isEmpty() && !m_ips.isEmpty());
    }

    void cleanup() { theme::setMode(theme::Mode::Light); }

    void showsTheLogAsReceived()
    {
        CrashLogViewer viewer;
        open(viewer, m_ios);
        CrashLogEditor *editor = viewer.editor();
        QCOMPARE(viewer.log(), m_ios);
        QCOMPARE(editor->toPlainText(), m_ios);
        QVERIFY(editor->isReadOnly());
        const QFontMetricsF metrics(editor->font()); // monospace: every glyph as wide as any other
        QCOMPARE(metrics.horizontalAdvance(QLatin1Char('i')), metrics.horizontalAdvance(QLatin1Char('W')));
        QCOMPARE(metrics.horizontalAdvance(QLatin1Char('.')), metrics.horizontalAdvance(QLatin1Char('M')));
        QCOMPARE(editor->lineWrapMode(), QPlainTextEdit::NoWrap);
        QCOMPARE(editor->blockCount(), viewer.report().lineCount);
        // A gutter wide enough for the line numbers, left of the text.
        QVERIFY(editor->gutter()->isVisible());
        QVERIFY(editor->gutter()->width() >= editor->fontMetrics().horizontalAdvance(QStringLiteral("129")));
        QVERIFY(editor->viewport()->geometry().left() >= editor->gutter()->width());

        auto *summary = viewer.findChild<CrashLogSummaryBar *>();
        QVERIFY(summary && summary->isVisible());
        QCOMPARE(summary->title(), QStringLiteral("EXC_BAD_ACCESS (SIGSEGV)"));
        QVERIFY(summary->detail().contains(QStringLiteral("KERN_INVALID_ADDRESS at 0x0000000000000018")));
        QVERIFY(summary->detail().contains(QStringLiteral("Crashed on thread 0")));
        QVERIFY(summary->detail().contains(QStringLiteral("com.apple.main-thread")));
        QVERIFY(summary->goToCrashedButton()->isVisible());

        // Every thread listed; the crashed one says so.
        QListWidget *threads = viewer.threadList();
        QCOMPARE(threads->count(), 6);
        QVERIFY(threads->item(0)->text().contains(QStringLiteral("crashed")));
        QVERIFY(threads->item(3)->text().contains(QStringLiteral("com.apple.uikit.eventfetch-thread")));
        QVERIFY(!threads->item(1)->text().contains(QStringLiteral("crashed")));
        // Every control has a name for assistive technology.
        for (const char *name : {"crashLogSearch", "crashLogPrevious", "crashLogNext", "crashLogCopy",
                                 "crashLogSave", "crashLogThreads", "crashLogCollapseOthers",
                                 "crashLogExpandAll", "crashLogText", "goToCrashedThread"}) {
            auto *control = viewer.findChild<QWidget *>(QLatin1String(name));
            QVERIFY2(control, name);
            QVERIFY2(!control->accessibleName().isEmpty(), name);
        }
        saveScreenshot(&viewer, QStringLiteral("crashlogviewer-light.png"));
    }

    void exceptionAndCrashedThreadArePainted()
    {
        CrashLogViewer viewer;
        open(viewer, m_ios);
        CrashLogEditor *editor = viewer.editor();
        const CrashReport &report = viewer.report();
        const CrashLogColors &colors = editor->colors();
        const auto *crashed = report.crashed();
        QVERIFY(crashed);

        QCOMPARE(blockBackground(editor, report.exceptionTypeLine), colors.exceptionBackground);
        for (int line = crashed->firstLine; line <= crashed->lastLine; ++line)
            QCOMPARE(blockBackground(editor, line), colors.crashedBackground);
        QVERIFY(!blockBackground(editor, crashed->firstLine - 1).isValid());
        QVERIFY(!blockBackground(editor, crashed->lastLine + 1).isValid());
        const auto &other = report.threads.at(3);
        for (int line = other.firstLine; line <= other.lastLine; ++line)
            QVERIFY(!blockBackground(editor, line).isValid());

        // And it is what reaches the screen: the empty right end of a crashed line shows the colour.
        viewer.goToCrashedThread();
        QApplication::processEvents();
        const QImage shot = editor->viewport()->grab().toImage();
        const int x = editor->viewport()->width() - 4;
        const qreal dpr = shot.devicePixelRatio();
        QCOMPARE(shot.pixelColor(int(x * dpr), int(lineY(editor, crashed->firstLine + 3) * dpr)).rgb(),
                 colors.crashedBackground.rgb());
        // The line after the thread (blank) is not painted.
        QCOMPARE(shot.pixelColor(int(x * dpr), int(lineY(editor, crashed->lastLine + 1) * dpr)).rgb(),
                 editor->palette().color(QPalette::Base).rgb());
    }

    void colorsReadInLightAndDark_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void colorsReadInLightAndDark()
    {
        QFETCH(bool, dark);
        theme::setMode(dark ? theme::Mode::Dark : theme::Mode::Light);
        CrashLogViewer viewer;
        open(viewer, m_ios);
        viewer.setSearchText(QStringLiteral("objc_msgSend"));
        CrashLogEditor *editor = viewer.editor();
        const CrashLogColors &colors = editor->colors();
        QCOMPARE(colors.dark, dark);
        const QColor text = editor->palette().color(QPalette::Text);
        QVERIFY2(contrast(text, colors.crashedBackground) >= 7.0, "thread text on the crashed background");
        QVERIFY2(contrast(text, colors.exceptionBackground) >= 4.5, "text on the exception line");
        QVERIFY2(contrast(colors.critical, colors.exceptionBackground) >= 4.5, "exception type");
        QVERIFY2(contrast(text, colors.hit) >= 4.5, "search hits");
        QVERIFY2(contrast(colors.currentHitText, colors.currentHit) >= 4.5, "current hit");
        QVERIFY2(contrast(colors.gutterText, colors.gutterBackground) >= 3.0, "line numbers");
        QVERIFY2(contrast(colors.library, colors.crashedBackground) >= 3.0, "binary names");
        // The painted backgrounds follow the palette in use.
        QCOMPARE(blockBackground(editor, viewer.report().exceptionTypeLine), colors.exceptionBackground);
        saveScreenshot(&viewer, dark ? QStringLiteral("crashlogviewer-dark-search.png")
                                     : QStringLiteral("crashlogviewer-light-search.png"));
    }

    void paletteSwitchRepaints()
    {
        CrashLogViewer viewer;
        open(viewer, m_ios);
        const QColor light = viewer.editor()->colors().crashedBackground;
        theme::setMode(theme::Mode::Dark);
        QTRY_VERIFY(viewer.editor()->colors().dark);
        const QColor dark = viewer.editor()->colors().crashedBackground;
        QVERIFY(light != dark);
        QCOMPARE(blockBackground(viewer.editor(), viewer.report().crashed()->firstLine + 2), dark);
    }

    void searchHighlightsEveryHit()
    {
        CrashLogViewer viewer;
        open(viewer, m_ios);
        CrashLogEditor *editor = viewer.editor();
        const CrashLogColors &colors = editor->colors();
        const QString needle = QStringLiteral("libsystem_pthread");
        const int expected = int(m_ios.count(needle, Qt::CaseInsensitive));
        QVERIFY(expected > 5);

        QTest::keyClicks(viewer.searchField(), QStringLiteral("LIBSYSTEM_pthread")); // any case
        QCOMPARE(viewer.hitCount(), expected);
        QCOMPARE(viewer.hitCountText(), QStringLiteral("1 of %1").arg(expected));
        QCOMPARE(viewer.findChild<QLabel *>(QStringLiteral("crashLogHits"))->text(), viewer.hitCountText());

        auto selections = editor->extraSelections();
        QCOMPARE(selections.size(), expected);
        int current = 0;
        for (const auto &selection : selections) {
            QCOMPARE(selection.cursor.selectedText().toLower(), needle);
            if (selection.format.background().color() == colors.currentHit) {
                ++current;
                QCOMPARE(selection.cursor.selectionStart(), viewer.hit(0).selectionStart());
                QCOMPARE(selection.format.foreground().color(), colors.currentHitText);
            } else {
                QCOMPARE(selection.format.background().color(), colors.hit);
            }
        }
        QCOMPARE(current, 1);

        // Enter and F3 go forward, Shift+Enter and Shift+F3 back; both ends wrap.
        QTest::keyClick(viewer.searchField(), Qt::Key_Return);
        QCOMPARE(viewer.currentHit(), 1);
        QCOMPARE(viewer.hitCountText(), QStringLiteral("2 of %1").arg(expected));
        QCOMPARE(editor->textCursor().position(), viewer.hit(1).selectionStart());
        QTest::keyClick(editor, Qt::Key_F3);
        QCOMPARE(viewer.currentHit(), 2);
        QTest::keyClick(viewer.searchField(), Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClick(editor, Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(viewer.currentHit(), 0);
        QTest::keyClick(viewer.searchField(), Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(viewer.currentHit(), expected - 1);
        QCOMPARE(viewer.hitCountText(), QStringLiteral("%1 of %1").arg(expected));
        QTest::mouseClick(viewer.findChild<QToolButton *>(QStringLiteral("crashLogPrevious")),
                          Qt::LeftButton);
        QCOMPARE(viewer.currentHit(), expected - 2);
        selections = editor->extraSelections();
        QCOMPARE(selections.last().cursor.selectionStart(), viewer.hit(expected - 2).selectionStart());
        QCOMPARE(selections.last().format.background().color(), colors.currentHit);

        // The current hit is scrolled into view.
        const int hitLine = viewer.hit(expected - 2).block().blockNumber();
        const QRect cursor = editor->cursorRect(QTextCursor(editor->document()->findBlockByNumber(hitLine)));
        QVERIFY(editor->viewport()->rect().contains(cursor.center()));

        // Nothing found; then no search at all.
        viewer.setSearchText(QStringLiteral("no such symbol"));
        QCOMPARE(viewer.hitCount(), 0);
        QCOMPARE(viewer.hitCountText(), QStringLiteral("No matches"));
        QVERIFY(editor->extraSelections().isEmpty());
        QTest::keyClick(viewer.searchField(), Qt::Key_Escape);
        QVERIFY(viewer.searchText().isEmpty());
        QVERIFY(viewer.hitCountText().isEmpty());
    }

    void foldingHidesBlocks()
    {
        CrashLogViewer viewer;
        open(viewer, m_ios);
        CrashLogEditor *editor = viewer.editor();
        const CrashReport &report = viewer.report();
        const auto &thread3 = report.threads.at(3);

        // Binary images start folded: the heading stays, the images are hidden.
        QVERIFY(lineVisible(editor, report.binaryImagesLine));
        QVERIFY(!lineVisible(editor, report.binaryImagesLine + 1));

        viewer.setThreadCollapsed(3, true);
        QVERIFY(viewer.isThreadCollapsed(3));
        QVERIFY(lineVisible(editor, thread3.firstLine));
        for (int line = thread3.firstLine + 1; line <= thread3.lastLine; ++line)
            QVERIFY(!lineVisible(editor, line));
        QVERIFY(lineVisible(editor, thread3.lastLine + 1));
        // The hidden lines take no room: the next thread follows the heading directly.
        QCOMPARE(lineY(editor, report.threads.at(4).firstLine) - lineY(editor, thread3.firstLine),
                 2 * editor->fontMetrics().lineSpacing());

        // The gutter's fold marker opens it again, and closes another.
        editor->scrollToLine(thread3.firstLine, 0);
        QTest::mouseClick(editor->gutter(), Qt::LeftButton, {},
                          QPoint(editor->gutter()->width() - 10, lineY(editor, thread3.firstLine)));
        QVERIFY(!viewer.isThreadCollapsed(3));
        QVERIFY(lineVisible(editor, thread3.lastLine));
        QTest::mouseClick(
            editor->gutter(), Qt::LeftButton, {},
            QPoint(editor->gutter()->width() - 10, lineY(editor, report.threads.at(4).firstLine)));
        QVERIFY(viewer.isThreadCollapsed(4));
        // A click on the "n frames" pill after a folded heading unfolds it.
        QApplication::processEvents();
        editor->viewport()->repaint();
        const QTextBlock heading = editor->document()->findBlockByNumber(report.threads.at(4).firstLine);
        const int textEnd = editor->cursorRect(QTextCursor(heading)).left() +
                            editor->fontMetrics().horizontalAdvance(heading.text());
        QTest::mouseClick(editor->viewport(), Qt::LeftButton, {},
                          QPoint(textEnd + 24, lineY(editor, report.threads.at(4).firstLine)));
        QVERIFY(!viewer.isThreadCollapsed(4));

        // Double-click in the thread list toggles.
        QListWidget *list = viewer.threadList();
        const QRect item = list->visualItemRect(list->item(2));
        // A real double-click: press, release, then the double-click.
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, item.center());
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, item.center());
        QVERIFY(viewer.isThreadCollapsed(2));
        QVERIFY(!lineVisible(editor, report.threads.at(2).lastLine));

        // "Collapse Others" leaves only the crashed thread open; "Expand All" opens everything.
        QTest::mouseClick(viewer.findChild<QPushButton *>(QStringLiteral("crashLogCollapseOthers")),
                          Qt::LeftButton);
        for (const auto &thread : report.threads) {
            QCOMPARE(viewer.isThreadCollapsed(thread.number), !thread.crashed);
            QCOMPARE(lineVisible(editor, thread.lastLine), thread.crashed);
        }
        saveScreenshot(&viewer, QStringLiteral("crashlogviewer-collapsed.png"));
        QTest::mouseClick(viewer.findChild<QPushButton *>(QStringLiteral("crashLogExpandAll")),
                          Qt::LeftButton);
        for (QTextBlock block = editor->document()->begin(); block.isValid(); block = block.next())
            QVERIFY(block.isVisible());
    }

    void searchOpensFoldedThreads()
    {
        CrashLogViewer viewer;
        open(viewer, m_ios);
        CrashLogEditor *editor = viewer.editor();
        viewer.collapseOtherThreads();
        const auto &thread3 = viewer.report().threads.at(3);
        QVERIFY(viewer.isThreadCollapsed(3));
        // Found inside the folded thread: counted, and going there opens it.
        viewer.setSearchText(QStringLiteral("-[UIEventFetcher threadMain]"));
        QCOMPARE(viewer.hitCount(), 1);
        QVERIFY(!viewer.isThreadCollapsed(3));
        QVERIFY(lineVisible(editor, viewer.hit(0).block().blockNumber()));
        QVERIFY(viewer.hit(0).block().blockNumber() > thread3.firstLine);
        // And inside the folded binary images.
        viewer.setSearchText(QStringLiteral("/usr/lib/dyld"));
        QCOMPARE(viewer.hitCount(), 1);
        QVERIFY(lineVisible(editor, viewer.hit(0).block().blockNumber()));
    }

    void goToCrashedThread()
    {
        CrashLogViewer viewer;
        viewer.resize(1000, 420);
        viewer.setLog(m_mac, QStringLiteral("FB-9"));
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        CrashLogEditor *editor = viewer.editor();
        const auto *crashed = viewer.report().crashed();
        QVERIFY(crashed && crashed->number == 2);
        QCOMPARE(firstShownLine(editor), 0);

        auto *summary = viewer.findChild<CrashLogSummaryBar *>();
        QVERIFY(summary->title() == QStringLiteral("EXC_CRASH (SIGABRT)"));
        QVERIFY(summary->detail().contains(QStringLiteral("com.example.nimbus.import")));
        QTest::mouseClick(summary->goToCrashedButton(), Qt::LeftButton);
        QCOMPARE(editor->textCursor().blockNumber(), crashed->firstLine);
        QVERIFY(qAbs(firstShownLine(editor) - crashed->firstLine) <= 2);
        QVERIFY(editor->hasFocus());
        QCOMPARE(viewer.threadList()->currentItem()->data(Qt::UserRole).toInt(), 2);

        // From a collapsed state too.
        viewer.setThreadCollapsed(2, true);
        editor->scrollToLine(0, 0);
        viewer.goToCrashedThread();
        QVERIFY(!viewer.isThreadCollapsed(2));
        QVERIFY(qAbs(firstShownLine(editor) - crashed->firstLine) <= 2);
        saveScreenshot(&viewer, QStringLiteral("crashlogviewer-macos-crashed-thread.png"));
    }

    void ipsReport()
    {
        CrashLogViewer viewer;
        open(viewer, m_ips, QStringLiteral("FB-77"));
        const CrashReport &report = viewer.report();
        QVERIFY(report.ips);
        QCOMPARE(viewer.suggestedFileName(), QStringLiteral("FB-77.ips"));
        auto *summary = viewer.findChild<CrashLogSummaryBar *>();
        QCOMPARE(summary->title(), QStringLiteral("EXC_BAD_ACCESS (SIGSEGV)"));
        // Apple's layout keeps every thread on one line: nothing to fold, no line is the crashed thread's
        // own.
        QVERIFY(!viewer.findChild<QPushButton *>(QStringLiteral("crashLogCollapseOthers"))->isEnabled());
        QVERIFY(!blockBackground(viewer.editor(), report.threads.at(0).firstLine).isValid());
        QCOMPARE(blockBackground(viewer.editor(), report.exceptionTypeLine),
                 viewer.editor()->colors().exceptionBackground);
        QCOMPARE(viewer.threadList()->count(), 4);
        saveScreenshot(&viewer, QStringLiteral("crashlogviewer-ips.png"));
    }

    void notACrashReport()
    {
        CrashLogViewer viewer;
        open(viewer, QStringLiteral("The app froze after I tapped Sync.\nNo crash report was attached."));
        auto *summary = viewer.findChild<CrashLogSummaryBar *>();
        QCOMPARE(summary->title(), QStringLiteral("No crash details found"));
        QVERIFY(!summary->goToCrashedButton()->isVisible());
        QVERIFY(!viewer.threadList()->isVisible());
        QCOMPARE(viewer.editor()->blockCount(), 2);
        viewer.clear();
        QVERIFY(viewer.log().isEmpty());
        QVERIFY(viewer.editor()->toPlainText().isEmpty());
        QVERIFY(!summary->isVisible());
        QVERIFY(!viewer.findChild<QPushButton *>(QStringLiteral("crashLogSave"))->isEnabled());
    }

    void copySelectionOrEverything()
    {
        CrashLogViewer viewer;
        open(viewer, m_ios);
        QGuiApplication::clipboard()->clear();
        viewer.copy();
        QCOMPARE(QGuiApplication::clipboard()->text(), m_ios);
        QTextCursor cursor(viewer.editor()->document()->findBlockByNumber(viewer.report().exceptionTypeLine));
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        viewer.editor()->setTextCursor(cursor);
        QTest::mouseClick(viewer.findChild<QPushButton *>(QStringLiteral("crashLogCopy")), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 QStringLiteral("Exception Type:  EXC_BAD_ACCESS (SIGSEGV)"));
        QVERIFY(!viewer.statusText().isEmpty());
    }

    void saveWritesTheLogAsReceived()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        CrashLogViewer viewer;
        // Windows line ends stay as they came.
        QString crlf = m_mac;
        crlf.replace(QLatin1Char('\n'), QLatin1String("\r\n"));
        open(viewer, crlf, QStringLiteral("FB-crlf"));
        QCOMPARE(viewer.report().crashedThread, 2);
        QSignalSpy saved(&viewer, &CrashLogViewer::saved);
        const QString direct = dir.filePath(QStringLiteral("direct.crash"));
        QVERIFY(viewer.saveTo(direct));
        QFile file(direct);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), crlf.toUtf8());
        QCOMPARE(saved.count(), 1);
        QVERIFY(viewer.statusText().contains(QStringLiteral("direct.crash")));

        // Through the dialog: the suggested name and the report's own format first; the suffix is added.
        QSettings().setValue(QStringLiteral("feedback/crashLogSaveDirectory"), dir.path());
        bool checked = false;
        answerSaveDialog(dir.filePath(QStringLiteral("chosen")), QStringLiteral("FB-crlf.crash"),
                         QStringLiteral("*.crash"), &checked);
        QTest::mouseClick(viewer.findChild<QPushButton *>(QStringLiteral("crashLogSave")), Qt::LeftButton);
        QVERIFY(checked);
        QFile chosen(dir.filePath(QStringLiteral("chosen.crash")));
        QVERIFY(chosen.open(QIODevice::ReadOnly));
        QCOMPARE(chosen.readAll(), crlf.toUtf8());

        // An .ips is offered as .ips.
        viewer.setLog(m_ips, QStringLiteral("FB-json"));
        checked = false;
        answerSaveDialog(dir.filePath(QStringLiteral("report")), QStringLiteral("FB-json.ips"),
                         QStringLiteral("*.ips"), &checked);
        viewer.saveAs();
        QVERIFY(checked);
        QFile ips(dir.filePath(QStringLiteral("report.ips")));
        QVERIFY(ips.open(QIODevice::ReadOnly));
        QCOMPARE(ips.readAll(), m_ips.toUtf8());

        // A place that cannot be written: false, and a message that says where and why.
        QString error;
        QVERIFY(!viewer.saveTo(QStringLiteral("/proc/no-such-dir/x.ips"), &error));
        QVERIFY(error.contains(QStringLiteral("/proc/no-such-dir/x.ips")));
        QCOMPARE(viewer.statusText(), error);
    }
};

QTEST_MAIN(TestCrashLogViewer)
#include "tst_crashlogviewer.moc"

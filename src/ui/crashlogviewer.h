#pragma once
// A crash log in a real viewer: monospace text with line numbers, the exception line and the crashed
// thread highlighted, a line above the text naming the exception and the crashed thread, search with every
// hit highlighted and next/previous (Enter, Shift+Enter, F3, Shift+F3), threads listed at the side and
// collapsible (fold markers in the gutter, "Collapse other threads"), copy, and "Save as…" as .crash or .ips.

#include "core/feedback/crashreport.h"

#include <QTextCursor>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSplitter;
class QToolButton;

namespace ascend::ui {

class CrashLogEditor;
class CrashLogHighlighter;
class CrashLogSummaryBar;

class CrashLogViewer : public QWidget {
    Q_OBJECT
public:
    explicit CrashLogViewer(QWidget *parent = nullptr);

    // suggestedBaseName names the file "Save as…" proposes, without suffix (e.g. the submission id).
    void setLog(const QString &text, const QString &suggestedBaseName);
    QString log() const { return m_text; }
    void clear();
    void focusSearch();

    const feedback::CrashReport &report() const { return m_report; }
    // "<base>.crash" or "<base>.ips".
    QString suggestedFileName() const;

    // Search (case-insensitive, within lines). The current hit is the one next/previous moves from.
    void setSearchText(const QString &text);
    QString searchText() const;
    int hitCount() const { return int(m_hits.size()); }
    int currentHit() const { return m_currentHit; } // 0-based, -1 when there is none
    QTextCursor hit(int index) const { return m_hits.value(index); }
    QString hitCountText() const; // "3 of 12", "No matches", or empty without a search
    void findNext();
    void findPrevious();

    // Threads, by thread number.
    bool isThreadCollapsed(int number) const;
    void setThreadCollapsed(int number, bool collapsed);
    void collapseOtherThreads(); // all threads but the crashed one
    void expandAll();
    void goToThread(int number);
    void goToCrashedThread();

    // The selection, or the whole log when nothing is selected.
    void copy();
    // Writes the log exactly as received. On failure returns false and says why in errorString.
    bool saveTo(const QString &path, QString *errorString = nullptr);
    // Asks where to save, offering the report's own format first.
    void saveAs();

    CrashLogEditor *editor() const { return m_editor; }
    QLineEdit *searchField() const { return m_search; }
    QListWidget *threadList() const { return m_threads; }
    QString statusText() const;

signals:
    void saved(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyReportHighlights();
    void rebuildFolds();
    void fillThreadList();
    void updateThreadListStates();
    void updateSummary();
    void runSearch();
    void setCurrentHit(int index);
    void updateSearchHighlights();
    void updateHitLabel();
    void showStatus(const QString &text, bool error);
    void showContextMenu(const QPoint &pos);

    QString m_text; // as received, for log() and saving
    QString m_baseName;
    feedback::CrashReport m_report;
    QList<QTextCursor> m_hits;
    int m_currentHit = -1;
    QList<int> m_threadFold; // fold index per entry of m_report.threads, -1 when it cannot fold

    CrashLogSummaryBar *m_summary;
    QLineEdit *m_search;
    QLabel *m_hitLabel;
    QToolButton *m_previous;
    QToolButton *m_next;
    QPushButton *m_copy;
    QPushButton *m_save;
    QLabel *m_status;
    QWidget *m_threadPanel;
    QListWidget *m_threads;
    QPushButton *m_collapseOthers;
    QPushButton *m_expandAll;
    CrashLogEditor *m_editor;
    CrashLogHighlighter *m_highlighter;
    QSplitter *m_splitter;
};

} // namespace ascend::ui

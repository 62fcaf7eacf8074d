#include "ui/crashlogviewer.h"

#include "ui/crashlogviewereditor.h"
#include "ui/crashlogviewerhighlighter.h"
#include "ui/crashlogviewersummarybar.h"
#include "ui/theme.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyledItemDelegate>
#include <QTextBlock>
#include <QTextDocumentFragment>
#include <QToolButton>
#include <QVBoxLayout>

namespace ascend::ui {

namespace {

constexpr int kMaxHighlightedHits = 20000; // beyond this only the count and navigation remain exact
const QString kSaveDirKey = QStringLiteral("feedback/crashLogSaveDirectory");

QIcon chevronIcon(bool folded, const QColor &color)
{
    const qreal dpr = 2.0;
    QPixmap pixmap(QSize(16, 16) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    drawFoldChevron(painter, QRectF(0, 0, 16, 16), folded, color);
    return QIcon(pixmap);
}

int countFrames(const QTextDocument *document, int first, int last)
{
    static const QRegularExpression frame(QStringLiteral("^\\d+\\s+\\S"));
    int frames = 0;
    for (QTextBlock block = document->findBlockByNumber(first);
         block.isValid() && block.blockNumber() <= last; block = block.next()) {
        if (frame.match(block.text()).hasMatch())
            ++frames;
    }
    return frames;
}

QToolButton *arrowButton(Qt::ArrowType arrow, const QString &accessibleName, const QString &toolTip,
                         QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setArrowType(arrow);
    button->setAutoRaise(true);
    button->setAccessibleName(accessibleName);
    button->setToolTip(toolTip);
    return button;
}

// Items no wider than the list, so that long queue names are elided instead of scrolling sideways.
class ThreadItemDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
            size.setWidth(qMin(size.width(), view->viewport()->width()));
        return size + QSize(0, 6);
    }
};

} // namespace

CrashLogViewer::CrashLogViewer(QWidget *parent)
    : QWidget(parent)
    , m_summary(new CrashLogSummaryBar(this))
    , m_search(new QLineEdit(this))
    , m_hitLabel(new QLabel(this))
    , m_previous(
          arrowButton(Qt::UpArrow, tr("Previous match"), tr("Previous match (Shift+Enter, Shift+F3)"), this))
    , m_next(arrowButton(Qt::DownArrow, tr("Next match"), tr("Next match (Enter, F3)"), this))
    , m_copy(new QPushButton(tr("Copy"), this))
    , m_save(new QPushButton(tr("Save As…"), this))
    , m_status(new QLabel(this))
    , m_threadPanel(new QWidget(this))
    , m_threads(new QListWidget(m_threadPanel))
    , m_collapseOthers(new QPushButton(tr("Collapse Others"), m_threadPanel))
    , m_expandAll(new QPushButton(tr("Expand All"), m_threadPanel))
    , m_editor(new CrashLogEditor(this))
    , m_highlighter(new CrashLogHighlighter(m_editor->document()))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("crashLogViewer"));

    m_search->setObjectName(QStringLiteral("crashLogSearch"));
    m_search->setPlaceholderText(tr("Find in log"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Find in the crash log"));
    m_search->setToolTip(tr("Enter: next match · Shift+Enter: previous match · Esc: clear"));
    m_search->setMaximumWidth(380);
    m_search->installEventFilter(this);
    m_previous->setObjectName(QStringLiteral("crashLogPrevious"));
    m_next->setObjectName(QStringLiteral("crashLogNext"));
    m_hitLabel->setObjectName(QStringLiteral("crashLogHits"));
    m_hitLabel->setAccessibleName(tr("Search results"));
    m_hitLabel->setMinimumWidth(
        m_hitLabel->fontMetrics().horizontalAdvance(tr("%1 of %2").arg(9999).arg(9999)));
    theme::bindColor(m_hitLabel, QPalette::WindowText, theme::textSecondary);

    m_copy->setObjectName(QStringLiteral("crashLogCopy"));
    m_copy->setAccessibleName(tr("Copy the crash log"));
    m_copy->setToolTip(tr("Copies the selected text, or the whole log when nothing is selected."));
    m_save->setObjectName(QStringLiteral("crashLogSave"));
    m_save->setAccessibleName(tr("Save the crash log as a file"));
    m_save->setToolTip(tr("Saves the log exactly as received, as a .crash or .ips file."));
    for (QPushButton *button : {m_copy, m_save, m_collapseOthers, m_expandAll})
        button->setAutoDefault(false);

    m_status->setObjectName(QStringLiteral("crashLogStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();

    m_editor->setObjectName(QStringLiteral("crashLogText"));
    m_editor->setAccessibleName(tr("Crash log"));
    m_editor->setContextMenuPolicy(Qt::CustomContextMenu);
    m_editor->setFrameShape(QFrame::NoFrame);
    m_highlighter->setColors(m_editor->colors());

    auto *threadsTitle = new QLabel(tr("Threads"), m_threadPanel);
    threadsTitle->setFont(theme::font(-1, true));
    threadsTitle->setBuddy(m_threads);
    m_threads->setObjectName(QStringLiteral("crashLogThreads"));
    m_threads->setAccessibleName(tr("Threads"));
    m_threads->setAccessibleDescription(tr(
        "Selecting a thread shows it in the log. Double-click, or Left and Right, collapse and expand it."));
    m_threads->setUniformItemSizes(false);
    m_threads->setItemDelegate(new ThreadItemDelegate(m_threads));
    m_threads->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_threads->setResizeMode(QListView::Adjust);
    m_threads->setTextElideMode(Qt::ElideRight);
    m_threads->setFrameShape(QFrame::NoFrame);
    m_threads->installEventFilter(this);
    m_collapseOthers->setObjectName(QStringLiteral("crashLogCollapseOthers"));
    m_collapseOthers->setAccessibleName(tr("Collapse other threads"));
    m_collapseOthers->setToolTip(tr("Collapses every thread except the one that crashed."));
    m_expandAll->setObjectName(QStringLiteral("crashLogExpandAll"));
    m_expandAll->setAccessibleName(tr("Expand all threads and sections"));
    auto *panelButtons = new QHBoxLayout;
    panelButtons->setSpacing(6);
    panelButtons->setContentsMargins(0, 0, 0, 0);
    panelButtons->addWidget(m_collapseOthers);
    panelButtons->addWidget(m_expandAll);
    auto *panelLayout = new QVBoxLayout(m_threadPanel);
    panelLayout->setContentsMargins(0, 0, 8, 0);
    panelLayout->setSpacing(6);
    panelLayout->addWidget(threadsTitle);
    panelLayout->addWidget(m_threads, 1);
    panelLayout->addLayout(panelButtons);

    // The editor sits in a thin frame of its own so that the splitter handle does not touch the text.
    auto *editorFrame = new QFrame(this);
    editorFrame->setFrameShape(QFrame::StyledPanel);
    auto *editorLayout = new QVBoxLayout(editorFrame);
    editorLayout->setContentsMargins(1, 1, 1, 1);
    editorLayout->addWidget(m_editor);

    m_splitter->addWidget(m_threadPanel);
    m_splitter->addWidget(editorFrame);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(true);
    m_splitter->setSizes({220, 700});

    auto *searchRow = new QHBoxLayout;
    searchRow->setSpacing(6);
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_hitLabel);
    searchRow->addWidget(m_previous);
    searchRow->addWidget(m_next);
    searchRow->addStretch(0);
    searchRow->addSpacing(12);
    searchRow->addWidget(m_copy);
    searchRow->addWidget(m_save);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_summary);
    layout->addLayout(searchRow);
    layout->addWidget(m_status);
    layout->addWidget(m_splitter, 1);

    setTabOrder(m_summary->goToCrashedButton(), m_search);
    setTabOrder(m_search, m_previous);
    setTabOrder(m_previous, m_next);
    setTabOrder(m_next, m_copy);
    setTabOrder(m_copy, m_save);
    setTabOrder(m_save, m_threads);
    setTabOrder(m_threads, m_collapseOthers);
    setTabOrder(m_collapseOthers, m_expandAll);
    setTabOrder(m_expandAll, m_editor);

    connect(m_search, &QLineEdit::textChanged, this, &CrashLogViewer::runSearch);
    connect(m_next, &QToolButton::clicked, this, &CrashLogViewer::findNext);
    connect(m_previous, &QToolButton::clicked, this, &CrashLogViewer::findPrevious);
    connect(m_copy, &QPushButton::clicked, this, &CrashLogViewer::copy);
    connect(m_save, &QPushButton::clicked, this, &CrashLogViewer::saveAs);
    connect(m_collapseOthers, &QPushButton::clicked, this, &CrashLogViewer::collapseOtherThreads);
    connect(m_expandAll, &QPushButton::clicked, this, &CrashLogViewer::expandAll);
    connect(m_summary, &CrashLogSummaryBar::goToCrashedThreadRequested, this, [this] {
        goToCrashedThread();
        m_editor->setFocus(Qt::OtherFocusReason);
    });
    connect(m_editor, &CrashLogEditor::foldToggled, this, &CrashLogViewer::updateThreadListStates);
    connect(m_editor, &CrashLogEditor::colorsChanged, this, [this] {
        m_highlighter->setColors(m_editor->colors());
        applyReportHighlights();
        updateSearchHighlights();
        updateThreadListStates();
    });
    connect(m_editor, &QWidget::customContextMenuRequested, this, &CrashLogViewer::showContextMenu);
    connect(m_threads, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { goToThread(item->data(Qt::UserRole).toInt()); });
    connect(m_threads, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        const int number = item->data(Qt::UserRole).toInt();
        setThreadCollapsed(number, !isThreadCollapsed(number));
    });

    // F3 / Shift+F3 (and the platform's other find-next keys) anywhere in the viewer.
    auto *next =
        new QShortcut(QKeySequence::FindNext, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(next, &QShortcut::activated, this, &CrashLogViewer::findNext);
    auto *previous =
        new QShortcut(QKeySequence::FindPrevious, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(previous, &QShortcut::activated, this, &CrashLogViewer::findPrevious);

    clear();
}

bool CrashLogViewer::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_search) {
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier)
                findPrevious();
            else
                findNext();
            return true;
        }
        if (key->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
            m_search->clear();
            return true;
        }
    } else if (watched == m_threads && m_threads->currentItem()) {
        const int number = m_threads->currentItem()->data(Qt::UserRole).toInt();
        if (key->key() == Qt::Key_Left || key->key() == Qt::Key_Right) {
            setThreadCollapsed(number, key->key() == Qt::Key_Left);
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            goToThread(number);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void CrashLogViewer::setLog(const QString &text, const QString &suggestedBaseName)
{
    m_text = text;
    m_baseName = suggestedBaseName;
    m_report = feedback::CrashReport::parse(text);
    m_hits.clear();
    m_currentHit = -1;
    m_editor->setExtraSelections({});
    m_editor->setFolds({});
    m_editor->setMarkedLines(-1, -1);

    // The document gets '\n' line ends so that its block numbers are the parser's line numbers.
    QString display = text;
    display.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    m_highlighter->setReport(m_report.exceptionTypeLine, m_report.processName, m_report.ips);
    m_editor->setPlainText(display);

    applyReportHighlights();
    rebuildFolds();
    fillThreadList();
    m_summary->setReport(m_report);
    m_summary->show();
    m_status->hide();
    m_copy->setEnabled(!text.isEmpty());
    m_save->setEnabled(!text.isEmpty());
    m_search->setEnabled(true);
    runSearch(); // a search typed for the previous log applies to this one
    if (m_search->text().isEmpty())
        m_editor->scrollToLine(0, 0);
}

void CrashLogViewer::clear()
{
    m_text.clear();
    m_baseName.clear();
    m_report = {};
    m_hits.clear();
    m_currentHit = -1;
    m_threadFold.clear();
    m_editor->setExtraSelections({});
    m_editor->setFolds({});
    m_editor->setMarkedLines(-1, -1);
    m_editor->clear();
    m_threads->clear();
    m_threadPanel->hide();
    m_summary->hide();
    m_status->hide();
    m_copy->setEnabled(false);
    m_save->setEnabled(false);
    updateHitLabel();
}

void CrashLogViewer::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

QString CrashLogViewer::suggestedFileName() const
{
    const QString base = m_baseName.isEmpty() ? QStringLiteral("crash") : m_baseName;
    return base + QLatin1Char('.') + m_report.suggestedSuffix();
}

QString CrashLogViewer::statusText() const
{
    return m_status->isVisibleTo(this) ? m_status->text() : QString();
}

// ---- Highlights and folds
// ----------------------------------------------------------------------------------

void CrashLogViewer::applyReportHighlights()
{
    QTextDocument *document = m_editor->document();
    const CrashLogColors &colors = m_editor->colors();
    QTextCursor all(document);
    all.select(QTextCursor::Document);
    all.setBlockFormat(QTextBlockFormat());

    const auto paintLines = [&](int first, int last, const QColor &color) {
        const QTextBlock from = document->findBlockByNumber(first);
        const QTextBlock to = document->findBlockByNumber(last);
        if (!from.isValid() || !to.isValid())
            return;
        QTextCursor cursor(document);
        cursor.setPosition(from.position());
        cursor.setPosition(to.position(), QTextCursor::KeepAnchor);
        QTextBlockFormat format;
        format.setBackground(color);
        cursor.mergeBlockFormat(format);
    };

    int markedFirst = -1;
    int markedLast = -1;
    if (const feedback::CrashThread *crashed = m_report.crashed()) {
        // In an .ips whose threads share one line the crashed thread has no lines of its own.
        bool shared = false;
        for (const feedback::CrashThread &other : m_report.threads) {
            if (other.number != crashed->number && other.firstLine <= crashed->lastLine &&
                other.lastLine >= crashed->firstLine)
                shared = true;
        }
        if (!shared) {
            paintLines(crashed->firstLine, crashed->lastLine, colors.crashedBackground);
            markedFirst = crashed->firstLine;
            markedLast = crashed->lastLine;
        }
    }
    if (m_report.exceptionTypeLine >= 0)
        paintLines(m_report.exceptionTypeLine, m_report.exceptionTypeLine, colors.exceptionBackground);
    m_editor->setMarkedLines(markedFirst, markedLast);
}

void CrashLogViewer::rebuildFolds()
{
    struct Entry {
        CrashLogEditor::Fold fold;
        int thread = -1; // index into m_report.threads
    };
    QList<Entry> entries;
    const QTextDocument *document = m_editor->document();
    for (int i = 0; i < m_report.threads.size(); ++i) {
        const feedback::CrashThread &thread = m_report.threads.at(i);
        const int frames = countFrames(document, thread.firstLine, thread.lastLine);
        CrashLogEditor::Fold fold;
        fold.firstLine = thread.firstLine;
        fold.lastLine = thread.lastLine;
        fold.label = frames > 0 ? tr("%n frame(s)", nullptr, frames) : QString();
        entries.append({fold, i});
    }
    for (const feedback::CrashSection &section : m_report.sections) {
        CrashLogEditor::Fold fold;
        fold.firstLine = section.firstLine;
        fold.lastLine = section.lastLine;
        switch (section.kind) {
        case feedback::CrashSection::Kind::BinaryImages:
            fold.label =
                m_report.ips ? QString() : tr("%n image(s)", nullptr, section.lastLine - section.firstLine);
            fold.folded = true; // long and rarely read; one click away
            break;
        case feedback::CrashSection::Kind::LastExceptionBacktrace:
            fold.label =
                tr("%n frame(s)", nullptr, countFrames(document, section.firstLine, section.lastLine));
            break;
        case feedback::CrashSection::Kind::ThreadState:
            break;
        }
        entries.append({fold, -1});
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry &a, const Entry &b) { return a.fold.firstLine < b.fold.firstLine; });
    QList<CrashLogEditor::Fold> folds;
    for (const Entry &entry : entries)
        folds.append(entry.fold);
    m_editor->setFolds(folds);

    m_threadFold.clear();
    for (const feedback::CrashThread &thread : m_report.threads) {
        const int index = m_editor->foldStartingAt(thread.firstLine);
        const bool own = index >= 0 && m_editor->folds().at(index).lastLine == thread.lastLine;
        m_threadFold.append(own ? index : -1);
    }
}

void CrashLogViewer::fillThreadList()
{
    m_threads->clear();
    for (const feedback::CrashThread &thread : m_report.threads) {
        QString text = thread.crashed ? tr("Thread %1 — crashed").arg(thread.number)
                                      : tr("Thread %1").arg(thread.number);
        if (!thread.name.isEmpty())
            text += QLatin1Char('\n') + thread.name;
        auto *item = new QListWidgetItem(text, m_threads);
        item->setData(Qt::UserRole, thread.number);
        item->setToolTip(thread.name.isEmpty() ? text : thread.name);
        if (thread.crashed) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
    }
    m_threadPanel->setVisible(!m_report.threads.isEmpty());
    const bool canFold =
        std::any_of(m_threadFold.cbegin(), m_threadFold.cend(), [](int f) { return f >= 0; });
    m_collapseOthers->setEnabled(canFold && m_report.threads.size() > 1);
    m_expandAll->setEnabled(!m_editor->folds().isEmpty());
    updateThreadListStates();
}

void CrashLogViewer::updateThreadListStates()
{
    const CrashLogColors &colors = m_editor->colors();
    for (int row = 0; row < m_threads->count() && row < m_report.threads.size(); ++row) {
        QListWidgetItem *item = m_threads->item(row);
        const int fold = m_threadFold.value(row, -1);
        const bool folded = fold >= 0 && m_editor->folds().at(fold).folded;
        item->setIcon(fold >= 0 ? chevronIcon(folded, colors.foldMarker) : QIcon());
        if (m_report.threads.at(row).crashed)
            item->setForeground(colors.critical);
        else
            item->setData(Qt::ForegroundRole, QVariant());
        item->setData(Qt::AccessibleDescriptionRole, folded ? tr("collapsed") : tr("expanded"));
    }
}

bool CrashLogViewer::isThreadCollapsed(int number) const
{
    for (int i = 0; i < m_report.threads.size(); ++i) {
        if (m_report.threads.at(i).number == number) {
            const int fold = m_threadFold.value(i, -1);
            return fold >= 0 && m_editor->folds().at(fold).folded;
        }
    }
    return false;
}

void CrashLogViewer::setThreadCollapsed(int number, bool collapsed)
{
    for (int i = 0; i < m_report.threads.size(); ++i) {
        if (m_report.threads.at(i).number == number)
            m_editor->setFolded(m_threadFold.value(i, -1), collapsed);
    }
}

void CrashLogViewer::collapseOtherThreads()
{
    for (int i = 0; i < m_report.threads.size(); ++i)
        m_editor->setFolded(m_threadFold.value(i, -1), !m_report.threads.at(i).crashed);
    if (m_report.crashed())
        goToCrashedThread();
}

void CrashLogViewer::expandAll()
{
    for (int i = 0; i < m_editor->folds().size(); ++i)
        m_editor->setFolded(i, false);
}

void CrashLogViewer::goToThread(int number)
{
    const feedback::CrashThread *thread = m_report.thread(number);
    if (!thread)
        return;
    setThreadCollapsed(number, false);
    m_editor->scrollToLine(thread->firstLine, 1);
    for (int row = 0; row < m_threads->count(); ++row) {
        if (m_threads->item(row)->data(Qt::UserRole).toInt() == number && m_threads->currentRow() != row)
            m_threads->setCurrentRow(row);
    }
}

void CrashLogViewer::goToCrashedThread()
{
    if (m_report.crashed())
        goToThread(m_report.crashedThread);
}

// ---- Search
// ------------------------------------------------------------------------------------------------

void CrashLogViewer::setSearchText(const QString &text)
{
    m_search->setText(text); // runs the search
}

QString CrashLogViewer::searchText() const
{
    return m_search->text();
}

void CrashLogViewer::runSearch()
{
    m_hits.clear();
    const QString needle = m_search->text();
    QTextDocument *document = m_editor->document();
    if (!needle.isEmpty()) {
        for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
            const QString text = block.text();
            for (qsizetype from = text.indexOf(needle, 0, Qt::CaseInsensitive); from >= 0;
                 from = text.indexOf(needle, from + needle.size(), Qt::CaseInsensitive)) {
                QTextCursor cursor(document);
                cursor.setPosition(block.position() + int(from));
                cursor.setPosition(block.position() + int(from + needle.size()), QTextCursor::KeepAnchor);
                m_hits.append(cursor);
            }
        }
    }
    // Stay where the reader is: the first hit at or after the cursor (typing on refines the same hit).
    int current = -1;
    if (!m_hits.isEmpty()) {
        const int position = m_editor->textCursor().selectionStart();
        current = 0;
        for (int i = 0; i < m_hits.size(); ++i) {
            if (m_hits.at(i).selectionStart() >= position) {
                current = i;
                break;
            }
        }
    }
    m_currentHit = -1;
    setCurrentHit(current);
}

void CrashLogViewer::setCurrentHit(int index)
{
    m_currentHit = index;
    if (index >= 0 && index < m_hits.size()) {
        const QTextCursor &hit = m_hits.at(index);
        m_editor->revealLine(hit.block().blockNumber());
        QTextCursor cursor(m_editor->document());
        cursor.setPosition(hit.selectionStart());
        m_editor->setTextCursor(cursor);
        m_editor->centerCursor();
    }
    updateSearchHighlights();
    updateHitLabel();
}

void CrashLogViewer::findNext()
{
    if (m_hits.isEmpty())
        return;
    setCurrentHit(m_currentHit < 0 ? 0 : (m_currentHit + 1) % int(m_hits.size()));
}

void CrashLogViewer::findPrevious()
{
    if (m_hits.isEmpty())
        return;
    const int count = int(m_hits.size());
    setCurrentHit(m_currentHit < 0 ? count - 1 : (m_currentHit - 1 + count) % count);
}

void CrashLogViewer::updateSearchHighlights()
{
    const CrashLogColors &colors = m_editor->colors();
    QList<QTextEdit::ExtraSelection> selections;
    selections.reserve(qMin(int(m_hits.size()), kMaxHighlightedHits) + 1);
    for (int i = 0; i < m_hits.size() && i < kMaxHighlightedHits; ++i) {
        if (i == m_currentHit)
            continue;
        QTextEdit::ExtraSelection selection;
        selection.cursor = m_hits.at(i);
        selection.format.setBackground(colors.hit);
        selections.append(selection);
    }
    // The current hit last, so it is drawn over everything else.
    if (m_currentHit >= 0 && m_currentHit < m_hits.size()) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = m_hits.at(m_currentHit);
        selection.format.setBackground(colors.currentHit);
        selection.format.setForeground(colors.currentHitText);
        selections.append(selection);
    }
    m_editor->setExtraSelections(selections);
}

QString CrashLogViewer::hitCountText() const
{
    if (m_search->text().isEmpty())
        return {};
    if (m_hits.isEmpty())
        return tr("No matches");
    return tr("%1 of %2").arg(m_currentHit + 1).arg(m_hits.size());
}

void CrashLogViewer::updateHitLabel()
{
    m_hitLabel->setText(hitCountText());
    const bool none = !m_search->text().isEmpty() && m_hits.isEmpty();
    theme::bindColor(m_hitLabel, QPalette::WindowText, none ? theme::critical : theme::textSecondary);
    m_previous->setEnabled(m_hits.size() > 0);
    m_next->setEnabled(m_hits.size() > 0);
}

// ---- Copy and save
// -----------------------------------------------------------------------------------------

void CrashLogViewer::copy()
{
    const QTextCursor cursor = m_editor->textCursor();
    const bool selection = cursor.hasSelection();
    const QString text = selection ? cursor.selection().toPlainText() : m_text;
    if (text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(text);
    showStatus(selection ? tr("Copied the selected text.") : tr("Copied the whole crash log."), false);
}

bool CrashLogViewer::saveTo(const QString &path, QString *errorString)
{
    QSaveFile file(path);
    QString problem;
    if (!file.open(QIODevice::WriteOnly))
        problem = file.errorString();
    else if (file.write(m_text.toUtf8()) < 0 || !file.commit())
        problem = file.errorString();
    if (!problem.isEmpty()) {
        const QString message =
            tr("Could not save the crash log to %1: %2. Choose another folder and try again.")
                .arg(QDir::toNativeSeparators(path), problem);
        if (errorString)
            *errorString = message;
        showStatus(message, true);
        return false;
    }
    showStatus(tr("Saved to %1").arg(QDir::toNativeSeparators(path)), false);
    emit saved(path);
    return true;
}

void CrashLogViewer::saveAs()
{
    if (m_text.isEmpty())
        return;
    const QString crashFilter = tr("Crash reports (*.crash)");
    const QString ipsFilter = tr("JSON crash reports (*.ips)");
    const QString textFilter = tr("Text files (*.txt)");
    const QStringList filters = m_report.ips ? QStringList{ipsFilter, crashFilter, textFilter}
                                             : QStringList{crashFilter, ipsFilter, textFilter};
    QSettings settings;
    const QString directory =
        settings.value(kSaveDirKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .toString();
    QString selectedFilter = filters.first();
    QString path = QFileDialog::getSaveFileName(this, tr("Save Crash Log"),
                                                QDir(directory).filePath(suggestedFileName()),
                                                filters.join(QStringLiteral(";;")), &selectedFilter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty()) {
        static const QRegularExpression suffix(QStringLiteral("\\*\\.(\\w+)"));
        const QString chosen = suffix.match(selectedFilter).captured(1);
        path += QLatin1Char('.') + (chosen.isEmpty() ? m_report.suggestedSuffix() : chosen);
    }
    settings.setValue(kSaveDirKey, QFileInfo(path).absolutePath());
    saveTo(path);
}

void CrashLogViewer::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    theme::bindColor(m_status, QPalette::WindowText, error ? theme::errorText : theme::textSecondary);
    m_status->setVisible(!text.isEmpty());
}

void CrashLogViewer::showContextMenu(const QPoint &pos)
{
    QMenu *menu = m_editor->createStandardContextMenu(pos);
    menu->addSeparator();
    menu->addAction(tr("Copy Whole Log"), this, [this] {
        QGuiApplication::clipboard()->setText(m_text);
        showStatus(tr("Copied the whole crash log."), false);
    });
    menu->addAction(tr("Find…"), this, &CrashLogViewer::focusSearch);
    menu->addSeparator();
    QAction *goTo = menu->addAction(tr("Go to Crashed Thread"), this, &CrashLogViewer::goToCrashedThread);
    goTo->setEnabled(m_report.crashed() != nullptr);
    QAction *collapse =
        menu->addAction(tr("Collapse Other Threads"), this, &CrashLogViewer::collapseOtherThreads);
    collapse->setEnabled(m_collapseOthers->isEnabled());
    QAction *expand = menu->addAction(tr("Expand All"), this, &CrashLogViewer::expandAll);
    expand->setEnabled(!m_editor->folds().isEmpty());
    menu->addSeparator();
    QAction *save = menu->addAction(tr("Save As…"), this, &CrashLogViewer::saveAs);
    save->setEnabled(!m_text.isEmpty());
    menu->exec(m_editor->viewport()->mapToGlobal(pos));
    delete menu;
}

} // namespace ascend::ui

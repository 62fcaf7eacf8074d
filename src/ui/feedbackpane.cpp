#include "ui/feedbackpane.h"

#include "core/api/apiclient.h"
#include "core/api/apireply.h"
#include "core/api/apps.h"
#include "core/feedback/screenshotfetcher.h"
#include "core/session/session.h"
#include "core/store/feedbacktriage.h"
#include "models/feedbackfiltermodel.h"
#include "models/feedbackloader.h"
#include "models/feedbackmodel.h"
#include "ui/emptystatewidget.h"
#include "ui/feedbackdetailpanel.h"
#include "ui/feedbackfilterbar.h"
#include "ui/feedbackgriddelegate.h"
#include "ui/feedbackicons.h"
#include "ui/messagebanner.h"
#include "ui/screenshotviewer.h"
#include "ui/theme.h"
#include "ui/thumbnailcache.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QButtonGroup>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImageReader>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace ascend::ui {

using api::FeedbackKind;
using api::FeedbackSubmission;
using models::FeedbackFilterModel;
using models::FeedbackModel;

namespace {

const auto kViewModeKey = QStringLiteral("feedback/viewMode");
constexpr int kCrashLogsKept = 24;

QPushButton *actionButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAutoDefault(false);
    return button;
}

// The list's Kind column: the icon alone (the kind's name stays the tooltip and accessible text).
class KindIconDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->text.clear();
        option->decorationAlignment = Qt::AlignCenter;
        option->decorationSize = QSize(16, 16);
        option->displayAlignment = Qt::AlignCenter;
    }
};

QString firstLine(const QString &text, int maxLength = 120)
{
    const QString line = text.trimmed().section(QLatin1Char('\n'), 0, 0).simplified();
    return line.size() > maxLength ? line.left(maxLength - 1) + QChar(0x2026) : line;
}

} // namespace

FeedbackPane::FeedbackPane(QWidget *parent)
    : PaneWidget(models::SourceListModel::Feedback, parent)
    , m_model(new FeedbackModel(this))
    , m_filter(new FeedbackFilterModel(this))
    , m_thumbnails(new ThumbnailCache(nullptr, this))
    , m_crashLogs(kCrashLogsKept)
{
    m_filter->setSourceModel(m_model);
    m_model->setKindIcons(feedbackicons::icon(feedbackicons::Glyph::Screenshot),
                          feedbackicons::icon(feedbackicons::Glyph::Crash));
    const qreal dpr = std::max<qreal>(1.0, qApp->devicePixelRatio());
    m_thumbnails->setThumbnailSize(FeedbackGridDelegate::imageSize() * dpr);

    m_confirm = [this](const QString &title, const QString &text) {
        return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Yes;
    };
    m_chooseDirectory = [this](const QString &title) {
        return QFileDialog::getExistingDirectory(this, title, QDir::homePath());
    };

    // The empty state comes first: it is the pane's EmptyStateWidget.
    m_emptyState = new EmptyStateWidget(this);
    m_emptyState->setObjectName(QStringLiteral("feedbackEmptyState"));
    m_emptyState->setIcon(QStringLiteral(":/icons/feedback.svg"));
    QPushButton *emptyRefresh = m_emptyState->addButton(tr("Refresh"));
    emptyRefresh->setObjectName(QStringLiteral("feedbackEmptyRefresh"));
    emptyRefresh->hide();
    connect(emptyRefresh, &QPushButton::clicked, this, &FeedbackPane::reload);

    // Header: progress, the Grid/List switch and Refresh.
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(120);
    m_progress->setMaximumHeight(8);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Loading feedback"));
    m_progress->hide();
    m_gridButton = new QToolButton(this);
    m_listButton = new QToolButton(this);
    m_gridButton->setObjectName(QStringLiteral("feedbackGridButton"));
    m_listButton->setObjectName(QStringLiteral("feedbackListButton"));
    m_gridButton->setIcon(feedbackicons::icon(feedbackicons::Glyph::Grid));
    m_listButton->setIcon(feedbackicons::icon(feedbackicons::Glyph::List));
    m_gridButton->setText(tr("Grid"));
    m_listButton->setText(tr("List"));
    m_gridButton->setToolTip(tr("Show feedback as a grid of screenshots"));
    m_listButton->setToolTip(tr("Show feedback as a list"));
    m_gridButton->setAccessibleName(tr("Grid view"));
    m_listButton->setAccessibleName(tr("List view"));
    auto *viewGroup = new QButtonGroup(this);
    viewGroup->setExclusive(true);
    for (QToolButton *button : {m_gridButton, m_listButton}) {
        button->setCheckable(true);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setIconSize(QSize(16, 16));
        button->setAutoRaise(true);
        viewGroup->addButton(button);
    }
    m_gridButton->setChecked(true);
    connect(m_gridButton, &QToolButton::clicked, this, [this] { setViewMode(ViewMode::Grid); });
    connect(m_listButton, &QToolButton::clicked, this, [this] { setViewMode(ViewMode::List); });
    m_refreshButton = actionButton(tr("Refresh"), QStringLiteral("feedbackRefresh"), this);
    m_refreshButton->setToolTip(tr("Load the feedback again (F5)"));
    connect(m_refreshButton, &QPushButton::clicked, this, &FeedbackPane::reload);
    addHeaderWidget(m_progress);
    addHeaderWidget(m_gridButton);
    addHeaderWidget(m_listButton);
    addHeaderWidget(m_refreshButton);

    m_content = buildContent();
    createActions();
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_content);
    setBody(m_stack);

    connect(m_model, &FeedbackModel::unreadCountChanged, this, &FeedbackPane::unreadCountChanged);
    connect(m_model, &FeedbackModel::unreadCountChanged, this, &FeedbackPane::updateCount);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &FeedbackPane::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &FeedbackPane::updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &FeedbackPane::updateCount);
    connect(m_filter, &FeedbackFilterModel::filtersChanged, this, &FeedbackPane::updateCount);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &FeedbackPane::updateActions);
    connect(m_thumbnails, &ThumbnailCache::thumbnailReady, this,
            [this](const QString &id, int) { onThumbnailReady(id); });
    connect(m_thumbnails, &ThumbnailCache::thumbnailFailed, this,
            [this](const QString &id, int, const QString &) { onThumbnailReady(id); });

    const QString savedMode = QSettings().value(kViewModeKey).toString();
    setViewMode(savedMode == QLatin1String("list") ? ViewMode::List : ViewMode::Grid);
    updateEmptyState();
    updateActions();
}

FeedbackPane::~FeedbackPane()
{
    // The cache's workers and the fetcher's callbacks refer to this pane: stop them first.
    m_thumbnails->setFetcher(nullptr);
    if (m_exporter)
        m_exporter->cancel();
}

QWidget *FeedbackPane::buildContent()
{
    auto *content = new QWidget(this);
    m_banner = new MessageBanner(content);
    m_banner->setObjectName(QStringLiteral("feedbackBanner"));
    m_banner->hide();
    QPushButton *dismiss = m_banner->addAction(tr("Dismiss"));
    connect(dismiss, &QPushButton::clicked, m_banner, &QWidget::hide);

    m_filterBar = new FeedbackFilterBar(m_filter, content);

    // Left: the actions on the selection over the grid or the list.
    m_views = new QWidget(content);
    m_countLabel = new QLabel(m_views);
    m_countLabel->setObjectName(QStringLiteral("feedbackCount"));
    theme::bindColor(m_countLabel, QPalette::WindowText, [] { return theme::textSecondary(); });
    m_triageButton = actionButton(tr("Mark Triaged"), QStringLiteral("feedbackTriage"), m_views);
    m_unreadButton = actionButton(tr("Mark Unread"), QStringLiteral("feedbackUnread"), m_views);
    m_exportButton = actionButton(tr("Export"), QStringLiteral("feedbackExport"), m_views);
    m_copyButton = actionButton(tr("Copy as Text"), QStringLiteral("feedbackCopy"), m_views);
    m_deleteButton = actionButton(tr("Delete…"), QStringLiteral("feedbackDelete"), m_views);
    m_triageButton->setAccessibleName(tr("Mark the selected feedback as triaged"));
    m_unreadButton->setAccessibleName(tr("Mark the selected feedback as unread"));
    m_exportButton->setAccessibleName(tr("Export the selected feedback"));
    m_copyButton->setAccessibleName(tr("Copy the selected feedback as text"));
    m_deleteButton->setAccessibleName(tr("Delete the selected feedback"));
    auto *actionsRow = new QHBoxLayout;
    actionsRow->setContentsMargins(16, 8, 12, 4);
    actionsRow->setSpacing(6);
    actionsRow->addWidget(m_countLabel, 1);
    for (QPushButton *button : {m_triageButton, m_unreadButton, m_exportButton, m_copyButton, m_deleteButton})
        actionsRow->addWidget(button);

    m_grid = new QListView(m_views);
    m_grid->setObjectName(QStringLiteral("feedbackGrid"));
    m_grid->setAccessibleName(tr("Feedback, as a grid"));
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setMovement(QListView::Static);
    m_grid->setFlow(QListView::LeftToRight);
    m_grid->setWrapping(true);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setUniformItemSizes(true);
    m_grid->setGridSize(FeedbackGridDelegate::cellSize());
    m_grid->setSpacing(0);
    m_grid->setLayoutMode(QListView::Batched);
    m_grid->setBatchSize(500);
    m_grid->setDragEnabled(false);
    m_grid->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_grid->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_grid->verticalScrollBar()->setSingleStep(32);
    m_grid->setFrameShape(QFrame::NoFrame);
    m_grid->setMouseTracking(true);
    m_grid->setContextMenuPolicy(Qt::CustomContextMenu);
    m_gridDelegate = new FeedbackGridDelegate(m_thumbnails, m_grid);
    m_grid->setItemDelegate(m_gridDelegate);
    m_grid->viewport()->installEventFilter(this);
    m_grid->setModel(m_filter);
    m_grid->setContentsMargins(8, 4, 8, 8);

    m_list = new QTreeView(m_views);
    m_list->setObjectName(QStringLiteral("feedbackList"));
    m_list->setAccessibleName(tr("Feedback, as a list"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setModel(m_filter);
    m_list->header()->setSortIndicator(FeedbackModel::Date, Qt::DescendingOrder);
    m_list->setSortingEnabled(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(FeedbackModel::Comment, QHeaderView::Stretch);
    // Unread rows are bold: size the columns for bold text.
    QFont bold = m_list->font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    const QDateTime sampleDate(QDate(2026, 12, 30), QTime(23, 59));
    const QList<std::pair<int, QString>> samples = {
        {FeedbackModel::Kind, QStringLiteral("MM")},
        {FeedbackModel::Tester, QStringLiteral("Maya Andersen")},
        {FeedbackModel::DeviceModel, QStringLiteral("iPhone15,2")},
        {FeedbackModel::OsVersion, QStringLiteral("17.5.1")},
        {FeedbackModel::Build, QStringLiteral("1000")},
        {FeedbackModel::Date, QLocale().toString(sampleDate, QLocale::ShortFormat)}};
    for (const auto &[column, sample] : samples)
        m_list->setColumnWidth(column, metrics.horizontalAdvance(sample) + 20);
    m_list->setItemDelegateForColumn(FeedbackModel::Kind, new KindIconDelegate(m_list));

    m_noMatches = new QWidget(m_views);
    m_noMatches->setObjectName(QStringLiteral("feedbackNoMatches"));
    auto *noMatchesText = new QLabel(tr("No feedback matches these filters."), m_noMatches);
    noMatchesText->setAlignment(Qt::AlignCenter);
    theme::bindColor(noMatchesText, QPalette::WindowText, [] { return theme::textSecondary(); });
    auto *clearFilters =
        actionButton(tr("Clear Filters"), QStringLiteral("feedbackNoMatchesClear"), m_noMatches);
    connect(clearFilters, &QPushButton::clicked, m_filterBar->clearButton(), &QPushButton::click);
    auto *noMatchesLayout = new QVBoxLayout(m_noMatches);
    noMatchesLayout->addStretch(1);
    noMatchesLayout->addWidget(noMatchesText);
    noMatchesLayout->addWidget(clearFilters, 0, Qt::AlignHCenter);
    noMatchesLayout->addStretch(2);

    m_viewStack = new QStackedWidget(m_views);
    m_viewStack->addWidget(m_grid);
    m_viewStack->addWidget(m_list);
    m_viewStack->addWidget(m_noMatches);
    auto *viewsLayout = new QVBoxLayout(m_views);
    viewsLayout->setContentsMargins(0, 0, 0, 0);
    viewsLayout->setSpacing(0);
    viewsLayout->addLayout(actionsRow);
    viewsLayout->addWidget(m_viewStack, 1);

    m_detail = new FeedbackDetailPanel(content);
    auto *splitter = new QSplitter(Qt::Horizontal, content);
    splitter->setObjectName(QStringLiteral("feedbackSplitter"));
    splitter->addWidget(m_views);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 4);
    splitter->setSizes({720, 680});
    splitter->setChildrenCollapsible(false);

    auto *separator = new QFrame(content);
    separator->setFrameShape(QFrame::NoFrame);
    separator->setFixedHeight(1);
    separator->setAutoFillBackground(true);
    theme::bindColor(separator, QPalette::Window, [] { return theme::separator(); });

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_filterBar);
    layout->addWidget(separator);
    layout->addWidget(splitter, 1);

    for (QAbstractItemView *view :
         {static_cast<QAbstractItemView *>(m_grid), static_cast<QAbstractItemView *>(m_list)}) {
        connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this, view] {
            if (view == currentView()) {
                updateDetail();
                updateActions();
            }
        });
        connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this, view] {
            if (view == currentView())
                updateDetail();
        });
        connect(view, &QWidget::customContextMenuRequested, this,
                [this, view](const QPoint &pos) { showContextMenu(view, pos); });
    }
    connect(m_detail->screenshotViewer(), &ScreenshotViewer::imageNeeded, this,
            [this](int index) { loadFullImage(m_shownId, index); });
    connect(m_detail->screenshotViewer(), &ScreenshotViewer::navigateBeyond, this,
            &FeedbackPane::moveSelection);
    return content;
}

void FeedbackPane::createActions()
{
    m_triageAction = new QAction(tr("Mark Triaged"), m_views);
    m_triageAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_unreadAction = new QAction(tr("Mark Unread"), m_views);
    m_unreadAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    m_copyAction = new QAction(tr("Copy as Text"), m_views);
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_exportFolderAction = new QAction(tr("Export to a Folder…"), m_views);
    m_exportFolderAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportMarkdownAction = new QAction(tr("Export as Markdown…"), m_views);
    m_deleteAction = new QAction(tr("Delete…"), m_views);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    for (QAction *action : {m_triageAction, m_unreadAction, m_copyAction, m_exportFolderAction,
                            m_exportMarkdownAction, m_deleteAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_views->addAction(action);
    }
    connect(m_triageAction, &QAction::triggered, this, [this] {
        bool allTriaged = true;
        for (const QString &id : selectedIds())
            allTriaged = allTriaged && m_model->isTriaged(id);
        setSelectedTriaged(!allTriaged);
    });
    connect(m_unreadAction, &QAction::triggered, this, [this] {
        bool allUnread = true;
        for (const QString &id : selectedIds())
            allUnread = allUnread && !m_model->isRead(id);
        setSelectedRead(allUnread);
    });
    connect(m_copyAction, &QAction::triggered, this, &FeedbackPane::copySelectedAsText);
    connect(m_exportFolderAction, &QAction::triggered, this,
            [this] { exportSelected(feedback::ExportFormat::Folder); });
    connect(m_exportMarkdownAction, &QAction::triggered, this,
            [this] { exportSelected(feedback::ExportFormat::Markdown); });
    connect(m_deleteAction, &QAction::triggered, this, &FeedbackPane::deleteSelected);

    connect(m_triageButton, &QPushButton::clicked, m_triageAction, &QAction::trigger);
    connect(m_unreadButton, &QPushButton::clicked, m_unreadAction, &QAction::trigger);
    connect(m_copyButton, &QPushButton::clicked, m_copyAction, &QAction::trigger);
    connect(m_deleteButton, &QPushButton::clicked, m_deleteAction, &QAction::trigger);
    auto *exportMenu = new QMenu(m_exportButton);
    exportMenu->addAction(m_exportFolderAction);
    exportMenu->addAction(m_exportMarkdownAction);
    m_exportButton->setMenu(exportMenu);
}

bool FeedbackPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_grid->viewport() && event->type() == QEvent::Resize) {
        // Cards widen to use the whole row instead of leaving a gap at the right.
        const QSize cell = FeedbackGridDelegate::cellSizeFor(m_grid->viewport()->width());
        if (cell != m_grid->gridSize()) {
            m_gridDelegate->setCellSize(cell);
            m_grid->setGridSize(cell);
        }
    }
    return PaneWidget::eventFilter(watched, event);
}

void FeedbackPane::setSession(session::Session *session)
{
    PaneWidget::setSession(session);
    ++m_generation;
    m_deletesInFlight = 0; // the old session's replies go away with its client
    m_loader.reset();
    std::unique_ptr<feedback::ScreenshotFetcher> fetcher;
    if (session) {
        fetcher = std::make_unique<feedback::ScreenshotFetcher>(session->client());
        connect(fetcher.get(), &feedback::ScreenshotFetcher::submissionRefreshed, this,
                &FeedbackPane::onSubmissionRefreshed);
        m_loader = std::make_unique<models::FeedbackLoader>(session->client());
        connect(m_loader.get(), &models::FeedbackLoader::itemsReady, this,
                [this](const QList<FeedbackSubmission> &items) {
                    m_model->appendItems(items);
                    updateEmptyState();
                    if (!m_firstItemsShown) {
                        m_firstItemsShown = true;
                        emit firstItemsShown();
                    }
                });
        connect(m_loader.get(), &models::FeedbackLoader::finished, this, [this] {
            m_progress->hide();
            QStringList problems;
            for (const api::ApiError &error : m_loader->errors())
                if (error.kind != api::ApiError::Kind::Cancelled)
                    problems << error.message();
            problems.removeDuplicates();
            if (!problems.isEmpty())
                showError(m_model->rowCount() > 0 ? tr("Some feedback could not be loaded")
                                                  : tr("The feedback could not be loaded"),
                          problems.join(QLatin1Char('\n')));
            updateCount();
            updateEmptyState();
            emit loaded();
        });
    }
    m_thumbnails->setFetcher(fetcher.get());
    m_fetcher = std::move(fetcher);
    openStores();
    reload();
}

void FeedbackPane::setCurrentApp(const api::App *app)
{
    PaneWidget::setCurrentApp(app);
    const QString id = app ? app->id : QString();
    m_appBundleId = app ? app->bundleId : QString();
    m_appName = app ? app->name : QString();
    if (id == m_appId && (m_model->rowCount() > 0 || isLoading()))
        return;
    m_appId = id;
    openStores();
    reload();
}

void FeedbackPane::setTriageDatabasePath(const QString &path)
{
    m_triagePath = path;
}

void FeedbackPane::setThumbnailCacheDirectory(const QString &path)
{
    m_thumbnailDir = path;
    m_thumbnailDirSet = true;
    m_thumbnails->setDiskCacheDirectory(path);
}

void FeedbackPane::openStores()
{
    const bool demo = session() && session()->info().isSimulator;
    if (demo && !m_demoDir)
        m_demoDir = std::make_unique<QTemporaryDir>();
    QString path = m_triagePath;
    if (path.isEmpty())
        path = demo ? m_demoDir->filePath(QStringLiteral("feedback.sqlite"))
                    : store::FeedbackTriage::defaultPath();
    if (path != m_openTriagePath || !m_triage) {
        m_model->setTriageStore(nullptr, {});
        m_triage = std::make_unique<store::FeedbackTriage>();
        QString error;
        if (m_triage->open(path, &error)) {
            m_openTriagePath = path;
        } else {
            m_triage.reset();
            m_openTriagePath.clear();
            showError(tr("Read and triaged marks will not be kept"),
                      tr("The feedback database %1 could not be opened: %2").arg(path, error));
        }
    }
    if (!m_thumbnailDirSet)
        m_thumbnails->setDiskCacheDirectory(demo ? m_demoDir->filePath(QStringLiteral("thumbnails"))
                                                 : ThumbnailCache::defaultDiskCacheDirectory());
    if (session() && !m_appId.isEmpty()) {
        const session::ConnectionInfo &info = session()->info();
        m_scope = store::FeedbackTriage::scopeFor(
            info.baseUrl, info.issuerId.isEmpty() ? info.keyId : info.issuerId, m_appId);
    } else {
        m_scope.clear();
    }
}

void FeedbackPane::refresh()
{
    reload();
}

void FeedbackPane::focusSearch()
{
    if (isShowingContent())
        m_filterBar->focusSearch();
}

bool FeedbackPane::isLoading() const
{
    return m_loader && m_loader->isRunning();
}

bool FeedbackPane::isShowingContent() const
{
    return m_stack->currentWidget() == m_content;
}

void FeedbackPane::reload()
{
    ++m_generation;
    m_thumbnails->cancelQueued();
    m_thumbnails->retryFailed();
    m_crashLogs.clear();
    m_shownId.clear();
    m_crashLogWanted.clear();
    m_filter->setPinnedId({});
    m_model->clear();
    m_detail->clear();
    m_banner->hide();
    m_firstItemsShown = false;
    if (!session() || m_appId.isEmpty() || !m_loader) {
        m_progress->hide();
        updateEmptyState();
        updateActions();
        return;
    }
    m_model->setTriageStore(m_triage.get(), m_scope);
    m_loader->start(m_appId);
    m_progress->show();
    updateCount();
    updateEmptyState();
    updateActions();
}

void FeedbackPane::updateEmptyState()
{
    QPushButton *refresh = m_emptyState->findChild<QPushButton *>(QStringLiteral("feedbackEmptyRefresh"));
    const bool loaded = m_loader && m_loader->isFinished();
    const bool failed = loaded && !m_loader->errors().isEmpty();
    m_refreshButton->setEnabled(session() && !m_appId.isEmpty());
    if (!session() || m_appId.isEmpty()) {
        m_emptyState->setTitle(tr("See what your testers report"));
        m_emptyState->setText(
            tr("Screenshots and crash reports sent from TestFlight, newest first, with filters, a "
               "grid of screenshots and a crash-log viewer next to them."));
        m_emptyState->setNote(!session()
                                  ? tr("Connect to an App Store Connect account, or start the demo, to see "
                                       "your testers' feedback here.")
                                  : tr("Choose an app to see its feedback."));
        refresh->hide();
        m_stack->setCurrentWidget(m_emptyState);
        return;
    }
    if (loaded && !failed && m_model->rowCount() == 0) {
        m_emptyState->setTitle(tr("No feedback yet"));
        m_emptyState->setText(
            tr("When testers send a screenshot or a crash report from TestFlight for %1, it shows "
               "up here, newest first.")
                .arg(m_appName.isEmpty() ? tr("this app") : m_appName));
        m_emptyState->setNote(tr("New feedback also arrives live while the webhook listener runs."));
        refresh->show();
        m_stack->setCurrentWidget(m_emptyState);
        return;
    }
    refresh->hide();
    m_stack->setCurrentWidget(m_content);
}

void FeedbackPane::updateCount()
{
    const QLocale locale;
    const int total = m_model->rowCount();
    const int shown = m_filter->rowCount();
    QString text;
    if (m_filter->hasFilters())
        text = tr("%1 of %2 shown").arg(locale.toString(shown), locale.toString(total));
    else
        text = tr("%n submission(s)", nullptr, total).replace(QString::number(total), locale.toString(total));
    if (isLoading())
        text += QStringLiteral(" · ") + tr("loading…");
    const int unread = m_model->unreadCount();
    if (unread > 0 && !isLoading())
        text += QStringLiteral(" · ") + tr("%1 unread").arg(locale.toString(unread));
    m_countLabel->setText(text);
    QWidget *view = total > 0 && shown == 0 ? m_noMatches : static_cast<QWidget *>(currentView());
    if (m_viewStack->currentWidget() != view)
        m_viewStack->setCurrentWidget(view);
}

QAbstractItemView *FeedbackPane::currentView() const
{
    return m_viewMode == ViewMode::Grid ? static_cast<QAbstractItemView *>(m_grid)
                                        : static_cast<QAbstractItemView *>(m_list);
}

void FeedbackPane::setViewMode(ViewMode mode)
{
    const ViewMode before = m_viewMode;
    if (before != mode) {
        QAbstractItemView *from = currentView();
        m_viewMode = mode;
        syncSelection(from, currentView());
    }
    m_gridButton->setChecked(mode == ViewMode::Grid);
    m_listButton->setChecked(mode == ViewMode::List);
    QSettings().setValue(kViewModeKey,
                         mode == ViewMode::Grid ? QStringLiteral("grid") : QStringLiteral("list"));
    updateCount();
    if (before != mode && currentView()->currentIndex().isValid())
        currentView()->scrollTo(currentView()->currentIndex(), QAbstractItemView::PositionAtCenter);
}

void FeedbackPane::syncSelection(QAbstractItemView *from, QAbstractItemView *to)
{
    QItemSelection selection;
    const int lastColumn = to == m_list ? FeedbackModel::ColumnCount - 1 : 0;
    for (const int row : selectedRows(from))
        selection.select(m_filter->index(row, 0), m_filter->index(row, lastColumn));
    const QSignalBlocker blocker(to->selectionModel());
    to->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    const QModelIndex current = from->currentIndex();
    to->selectionModel()->setCurrentIndex(
        current.isValid() ? m_filter->index(current.row(), 0) : QModelIndex(), QItemSelectionModel::NoUpdate);
    to->viewport()->update();
}

QStringList FeedbackPane::selectedIds() const
{
    QStringList ids;
    for (const int row : selectedRows(currentView()))
        ids << m_filter->index(row, 0).data(FeedbackModel::IdRole).toString();
    return ids;
}

QList<int> FeedbackPane::selectedRows(QAbstractItemView *view) const
{
    // The grid selects only column 0, the list whole rows: go by the rows of any selected index.
    QList<int> rows;
    for (const QItemSelectionRange &range : view->selectionModel()->selection())
        for (int row = range.top(); row <= range.bottom(); ++row)
            rows << row;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

QString FeedbackPane::currentId() const
{
    return currentView()->currentIndex().data(FeedbackModel::IdRole).toString();
}

QList<FeedbackSubmission> FeedbackPane::selectedSubmissions() const
{
    QList<FeedbackSubmission> items;
    for (const QString &id : selectedIds())
        if (const FeedbackSubmission *item = m_model->submissionById(id))
            items << *item;
    return items;
}

bool FeedbackPane::selectSubmission(const QString &id)
{
    const QModelIndex index = m_filter->indexOfId(id);
    if (!index.isValid())
        return false;
    QAbstractItemView *view = currentView();
    const int lastColumn = view == m_list ? FeedbackModel::ColumnCount - 1 : 0;
    view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    view->selectionModel()->select(QItemSelection(index, index.siblingAtColumn(lastColumn)),
                                   QItemSelectionModel::ClearAndSelect);
    view->scrollTo(index);
    return true;
}

void FeedbackPane::updateActions()
{
    const QStringList ids = selectedIds();
    const bool any = !ids.isEmpty();
    bool allTriaged = any;
    bool allUnread = any;
    for (const QString &id : ids) {
        allTriaged = allTriaged && m_model->isTriaged(id);
        allUnread = allUnread && !m_model->isRead(id);
    }
    const QString triageText = allTriaged ? tr("Mark Not Triaged") : tr("Mark Triaged");
    const QString readText = allUnread ? tr("Mark Read") : tr("Mark Unread");
    m_triageAction->setText(triageText);
    m_triageButton->setText(triageText);
    m_unreadAction->setText(readText);
    m_unreadButton->setText(readText);
    const bool connected = session() != nullptr;
    m_triageAction->setEnabled(any);
    m_unreadAction->setEnabled(any);
    m_copyAction->setEnabled(any);
    m_exportFolderAction->setEnabled(any && connected && !m_exporter);
    m_exportMarkdownAction->setEnabled(any && connected && !m_exporter);
    m_deleteAction->setEnabled(any && connected && m_deletesInFlight == 0);
    m_triageButton->setEnabled(any);
    m_unreadButton->setEnabled(any);
    m_copyButton->setEnabled(any);
    m_exportButton->setEnabled(any && connected && !m_exporter);
    m_deleteButton->setEnabled(any && connected && m_deletesInFlight == 0);
}

void FeedbackPane::updateDetail()
{
    const QStringList ids = selectedIds();
    if (ids.size() != 1) {
        m_shownId.clear();
        m_crashLogWanted.clear();
        if (ids.isEmpty())
            m_detail->clear();
        else
            m_detail->showSelectionCount(int(ids.size()));
        return;
    }
    const QString id = ids.first();
    const FeedbackSubmission *item = m_model->submissionById(id);
    if (!item)
        return;
    if (id == m_shownId)
        return;
    m_shownId = id;
    m_detail->setSubmission(*item);
    if (item->kind == FeedbackKind::Crash)
        showCrashLog(*item);
    // Opening it marks it read (once: "Mark Unread" while it is open sticks). It stays in an "Unread" view
    // while it is the one being read.
    m_filter->setPinnedId(id);
    if (!m_model->isRead(id) && !m_model->setRead({id}, true))
        showError(tr("Could not mark the feedback as read"), m_model->lastError());
}

void FeedbackPane::showCrashLog(const FeedbackSubmission &item)
{
    if (const QString *cached = m_crashLogs.object(item.id)) {
        m_detail->setCrashLog(*cached);
        emit crashLogShown(item.id);
        return;
    }
    if (!session())
        return;
    const QString id = item.id;
    m_crashLogWanted = id;
    api::ApiReply *reply = session()->client()->send(api::getCrashLog(id));
    const quint64 generation = m_generation;
    connect(reply, &api::ApiReply::finished, this, [this, reply, id, generation] {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        if (reply->ok()) {
            if (const auto text = api::crashLogText(reply->document())) {
                m_crashLogs.insert(id, new QString(*text));
                if (m_shownId == id) {
                    m_detail->setCrashLog(*text);
                    emit crashLogShown(id);
                }
                return;
            }
        }
        if (m_shownId == id)
            m_detail->setCrashLogError(reply->ok() ? tr("the server sent no crash log.")
                                                   : reply->error().message());
    });
}

void FeedbackPane::loadFullImage(const QString &submissionId, int index)
{
    const FeedbackSubmission *item = m_model->submissionById(submissionId);
    if (!item || !m_fetcher)
        return;
    const quint64 generation = m_generation;
    m_fetcher->fetch(
        *item, index, this,
        [this, submissionId, index, generation](const feedback::ScreenshotResult &result) {
            if (generation != m_generation || m_shownId != submissionId)
                return;
            ScreenshotViewer *viewer = m_detail->screenshotViewer();
            if (!result.ok()) {
                viewer->setImageError(index, result.errorString);
                return;
            }
            const QByteArray bytes = result.bytes;
            const QString suffix = result.suffix;
            // Full-size screenshots take a while to decode: not on the GUI thread.
            QtConcurrent::run([bytes] {
                QBuffer buffer;
                buffer.setData(bytes);
                buffer.open(QIODevice::ReadOnly);
                QImageReader reader(&buffer);
                reader.setAutoTransform(true);
                return reader.read();
            }).then(this, [this, submissionId, index, bytes, suffix, generation](const QImage &image) {
                if (generation != m_generation || m_shownId != submissionId)
                    return;
                ScreenshotViewer *viewer = m_detail->screenshotViewer();
                if (image.isNull())
                    viewer->setImageError(index, tr("The image could not be read."));
                else
                    viewer->setImage(index, image, bytes, suffix);
            });
        });
}

void FeedbackPane::moveSelection(int direction)
{
    QAbstractItemView *view = currentView();
    const int row = view->currentIndex().row() + direction;
    if (row < 0 || row >= m_filter->rowCount())
        return;
    const QString id = m_filter->index(row, 0).data(FeedbackModel::IdRole).toString();
    selectSubmission(id);
    if (direction < 0) {
        ScreenshotViewer *viewer = m_detail->screenshotViewer();
        if (viewer->imageCount() > 1)
            viewer->setCurrentIndex(viewer->imageCount() - 1);
    }
}

void FeedbackPane::onThumbnailReady(const QString &submissionId)
{
    if (m_viewMode != ViewMode::Grid)
        return;
    const QModelIndex index = m_filter->indexOfId(submissionId);
    if (index.isValid())
        m_grid->update(index);
}

void FeedbackPane::onSubmissionRefreshed(const FeedbackSubmission &fresh)
{
    // New screenshot URLs (the old ones expired): keep the fresh copy for every later download.
    if (m_model->updateItem(fresh))
        if (const FeedbackSubmission *item = m_model->submissionById(fresh.id))
            m_detail->updateSubmission(*item);
}

void FeedbackPane::showError(const QString &title, const QString &detail)
{
    m_banner->setTone(MessageBanner::Tone::Error);
    m_banner->setMessage(title, detail);
    m_banner->show();
}

void FeedbackPane::showInfo(const QString &title, const QString &detail)
{
    m_banner->setTone(MessageBanner::Tone::Info);
    m_banner->setMessage(title, detail);
    m_banner->show();
}

void FeedbackPane::showContextMenu(QAbstractItemView *view, const QPoint &pos)
{
    const QModelIndex index = view->indexAt(pos);
    if (index.isValid() && !view->selectionModel()->isSelected(index))
        selectSubmission(index.data(FeedbackModel::IdRole).toString());
    if (selectedIds().isEmpty())
        return;
    QMenu menu(this);
    menu.addAction(m_triageAction);
    menu.addAction(m_unreadAction);
    menu.addSeparator();
    menu.addAction(m_copyAction);
    menu.addAction(m_exportFolderAction);
    menu.addAction(m_exportMarkdownAction);
    menu.addSeparator();
    menu.addAction(m_deleteAction);
    menu.exec(view->viewport()->mapToGlobal(pos));
}

void FeedbackPane::setSelectedTriaged(bool triaged)
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    const bool ok = m_model->setTriaged(ids, triaged);
    if (!ok)
        showError(tr("Could not change the triage mark"), m_model->lastError());
    updateActions();
    emit actionFinished(ok);
}

void FeedbackPane::setSelectedRead(bool read)
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    const bool ok = m_model->setRead(ids, read);
    if (!ok)
        showError(tr("Could not change the read mark"), m_model->lastError());
    updateActions();
    emit actionFinished(ok);
}

void FeedbackPane::deleteSelected()
{
    const QList<FeedbackSubmission> items = selectedSubmissions();
    if (items.isEmpty() || !session() || m_deletesInFlight > 0)
        return;
    const int count = int(items.size());
    const QString title =
        count == 1 ? tr("Delete this feedback?") : tr("Delete %n submission(s)?", nullptr, count);
    const QString text =
        tr("The feedback is deleted in App Store Connect, for everyone on your team. This cannot be undone.");
    if (!m_confirm(title, text))
        return;
    struct Batch {
        int pending = 0;
        int total = 0;
        QStringList failures;
    };
    auto batch = std::make_shared<Batch>();
    batch->pending = batch->total = count;
    m_deletesInFlight = count;
    updateActions();
    const quint64 generation = m_generation;
    for (const FeedbackSubmission &item : items) {
        api::ApiReply *reply = session()->client()->send(api::deleteFeedback(item.kind, item.id));
        const QString id = item.id;
        const QString label = item.kind == FeedbackKind::Crash
                                  ? tr("Crash from %1").arg(item.testerDisplayName())
                                  : tr("Screenshot from %1").arg(item.testerDisplayName());
        connect(reply, &api::ApiReply::finished, this, [this, reply, id, label, batch, generation] {
            reply->deleteLater();
            --m_deletesInFlight;
            if (generation == m_generation) {
                if (reply->ok()) {
                    m_model->removeItem(id);
                    m_thumbnails->forget(id);
                    m_crashLogs.remove(id);
                } else {
                    batch->failures << tr("%1: %2").arg(label, reply->error().message());
                }
            }
            if (--batch->pending > 0)
                return;
            if (batch->failures.isEmpty()) {
                m_banner->hide();
            } else {
                showError(tr("Could not delete %1 of %n submission(s)", nullptr, batch->total)
                              .arg(batch->failures.size()),
                          batch->failures.join(QLatin1Char('\n')));
            }
            updateDetail();
            updateActions();
            updateEmptyState();
            emit actionFinished(batch->failures.isEmpty());
        });
    }
}

void FeedbackPane::exportSelected(feedback::ExportFormat format, const QString &directory)
{
    const QList<FeedbackSubmission> items = selectedSubmissions();
    if (items.isEmpty() || !session() || m_exporter)
        return;
    const QString title =
        format == feedback::ExportFormat::Markdown ? tr("Export as Markdown to") : tr("Export to the folder");
    const QString target = directory.isEmpty() ? m_chooseDirectory(title) : directory;
    if (target.isEmpty())
        return;
    auto *exporter = new feedback::FeedbackExporter(session()->client(), this);
    m_exporter = exporter;
    auto *progress = new QProgressDialog(tr("Exporting %n submission(s)…", nullptr, int(items.size())),
                                         tr("Cancel"), 0, int(items.size()), this);
    progress->setObjectName(QStringLiteral("feedbackExportProgress"));
    progress->setWindowTitle(tr("Export feedback"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setMinimumDuration(400);
    progress->setValue(0);
    m_exportProgress = progress;
    connect(progress, &QProgressDialog::canceled, exporter, &feedback::FeedbackExporter::cancel);
    connect(exporter, &feedback::FeedbackExporter::progress, progress, [progress](int done, int total) {
        progress->setMaximum(total);
        progress->setValue(done);
        progress->setLabelText(tr("Exported %1 of %2…").arg(done).arg(total));
    });
    connect(exporter, &feedback::FeedbackExporter::finished, this,
            [this, exporter, progress, target](const feedback::ExportResult &result) {
                progress->hide();
                progress->deleteLater();
                exporter->deleteLater();
                m_exporter = nullptr;
                if (result.cancelled)
                    showInfo(tr("Export cancelled"), tr("%n file(s) written to %1 before it stopped.",
                                                        nullptr, int(result.filesWritten.size()))
                                                         .arg(QDir::toNativeSeparators(target)));
                else if (!result.errors.isEmpty())
                    showError(
                        tr("The export finished with %n problem(s)", nullptr, int(result.errors.size())),
                        result.errors.mid(0, 5).join(QLatin1Char('\n')));
                else
                    showInfo(tr("Export finished"),
                             tr("%n file(s) written to %1.", nullptr, int(result.filesWritten.size()))
                                 .arg(QDir::toNativeSeparators(target)));
                updateActions();
                emit exportFinished(result);
            });
    updateActions();
    exporter->start(items, target, format);
}

void FeedbackPane::copySelectedAsText()
{
    QStringList parts;
    for (const FeedbackSubmission &item : selectedSubmissions())
        parts << feedback::feedbackAsText(item).trimmed();
    if (parts.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(parts.join(QStringLiteral("\n\n---\n\n")) + QLatin1Char('\n'));
}

void FeedbackPane::handleFeedbackCreated(FeedbackKind kind, const QString &id)
{
    if (!session() || m_appId.isEmpty() || id.isEmpty() || m_model->rowOfId(id) >= 0)
        return;
    api::Query query;
    query.include({QStringLiteral("build"), QStringLiteral("tester")});
    api::ApiReply *reply = session()->client()->send(api::getFeedback(kind, id, query));
    const quint64 generation = m_generation;
    connect(reply, &api::ApiReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        if (generation != m_generation || !reply->ok())
            return; // gone again, or unreachable: the next refresh shows what there is
        const QList<FeedbackSubmission> items = FeedbackSubmission::fromDocument(reply->document());
        if (items.isEmpty())
            return;
        const FeedbackSubmission &item = items.first();
        const bool ours =
            m_appBundleId.isEmpty() || item.buildBundleId.isEmpty() || item.buildBundleId == m_appBundleId;
        const QString tester = item.testerDisplayName();
        const QString title = item.kind == FeedbackKind::Crash ? tr("New crash report from %1").arg(tester)
                                                               : tr("New feedback from %1").arg(tester);
        QString text = firstLine(item.comment);
        if (text.isEmpty())
            text = item.kind == FeedbackKind::Crash
                       ? tr("The app crashed on %1 (%2).").arg(item.deviceModel, item.osVersion)
                       : tr("A screenshot from %1 (%2).").arg(item.deviceModel, item.osVersion);
        if (ours) {
            m_model->insertItem(item);
            updateEmptyState();
            emit liveItemInserted(item.id);
        } else {
            text = tr("%1: %2").arg(item.buildBundleId, text);
        }
        emit notificationRequested(title, text);
    });
}

} // namespace ascend::ui

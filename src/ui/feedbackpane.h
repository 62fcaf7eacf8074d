#pragma once
// The Feedback pane: the TestFlight feedback inbox of the selected app. Both kinds (screenshots and crashes)
// load together, newest first, a page at a time (FeedbackLoader). A filter bar narrows them, with counts per
// value. The inbox shows as a grid of cards with thumbnails (loaded lazily, decoded off the GUI thread,
// cached in memory and on disk) or as a list. The selected submission's detail is at the right: its facts and
// its screenshots in a ScreenshotViewer or its crash log in a CrashLogViewer. Selecting marks it read; it can
// be marked triaged or unread again (kept in SQLite), exported, copied as text or deleted.
//
// Live: handleFeedbackCreated() fetches just the new submission, inserts it where it belongs and asks for a
// desktop notification (notificationRequested).

#include "core/api/betafeedback.h"
#include "core/feedback/feedbackexporter.h"
#include "ui/panewidget.h"

#include <QCache>
#include <QPointer>
#include <functional>
#include <memory>

class QAbstractItemView;
class QAction;
class QLabel;
class QListView;
class QMenu;
class QProgressBar;
class QProgressDialog;
class QPushButton;
class QStackedWidget;
class QTemporaryDir;
class QToolButton;
class QTreeView;

namespace ascend::feedback {
class ScreenshotFetcher;
}
namespace ascend::models {
class FeedbackFilterModel;
class FeedbackLoader;
class FeedbackModel;
} // namespace ascend::models
namespace ascend::store {
class FeedbackTriage;
}

namespace ascend::ui {

class EmptyStateWidget;
class FeedbackDetailPanel;
class FeedbackGridDelegate;
class FeedbackFilterBar;
class MessageBanner;
class ThumbnailCache;

class FeedbackPane : public PaneWidget {
    Q_OBJECT
public:
    enum class ViewMode { Grid, List };

    explicit FeedbackPane(QWidget *parent = nullptr);
    ~FeedbackPane() override;

    void setSession(session::Session *session) override;
    void setCurrentApp(const api::App *app) override;
    void refresh() override;
    void focusSearch() override;

    // A BETA_FEEDBACK_*_CREATED event: fetches that submission (include=build,tester) and inserts it.
    void handleFeedbackCreated(api::FeedbackKind kind, const QString &id);

    // Asks before deleting; tests replace it. Returns true to go ahead.
    using Confirm = std::function<bool(const QString &title, const QString &text)>;
    void setConfirmHandler(Confirm confirm) { m_confirm = std::move(confirm); }
    // Asks where to export; returns an empty string to cancel. Tests replace it.
    using ChooseDirectory = std::function<QString(const QString &title)>;
    void setDirectoryChooser(ChooseDirectory choose) { m_chooseDirectory = std::move(choose); }
    // Where read/triaged state is kept. Default: FeedbackTriage::defaultPath(), or a file that lives as long
    // as the pane for the demo simulator. Takes effect at the next session or app.
    void setTriageDatabasePath(const QString &path);
    // Where scaled thumbnails are kept (empty: memory only). Default:
    // ThumbnailCache::defaultDiskCacheDirectory() for real accounts, a temporary folder for the demo
    // simulator.
    void setThumbnailCacheDirectory(const QString &path);

    void setViewMode(ViewMode mode);
    ViewMode viewMode() const { return m_viewMode; }

    models::FeedbackModel *model() const { return m_model; }
    models::FeedbackFilterModel *filterModel() const { return m_filter; }
    models::FeedbackLoader *loader() const { return m_loader.get(); }
    QListView *gridView() const { return m_grid; }
    QTreeView *listView() const { return m_list; }
    FeedbackDetailPanel *detailPanel() const { return m_detail; }
    FeedbackFilterBar *filterBar() const { return m_filterBar; }
    ThumbnailCache *thumbnails() const { return m_thumbnails; }
    feedback::ScreenshotFetcher *fetcher() const { return m_fetcher.get(); }
    MessageBanner *banner() const { return m_banner; }
    EmptyStateWidget *emptyState() const { return m_emptyState; }
    QLabel *countLabel() const { return m_countLabel; }
    QPushButton *deleteButton() const { return m_deleteButton; }
    QPushButton *triageButton() const { return m_triageButton; }
    QPushButton *unreadButton() const { return m_unreadButton; }
    QPushButton *exportButton() const { return m_exportButton; }
    QPushButton *copyButton() const { return m_copyButton; }
    QToolButton *gridButton() const { return m_gridButton; }
    QToolButton *listButton() const { return m_listButton; }
    bool isLoading() const;
    bool isShowingContent() const;
    // Ids of the selected submissions in the visible view, in view order.
    QStringList selectedIds() const;
    QString currentId() const;

public slots:
    void reload();
    // Selects one submission in the visible view (clearing filters that hide it is left to the caller).
    bool selectSubmission(const QString &id);
    void deleteSelected();
    void setSelectedTriaged(bool triaged);
    void setSelectedRead(bool read);
    // directory empty: ask with the directory chooser.
    void exportSelected(feedback::ExportFormat format, const QString &directory = {});
    void copySelectedAsText();

signals:
    void notificationRequested(const QString &title, const QString &text);
    void unreadCountChanged(int unread);
    void firstItemsShown();                   // the first submissions are in the view
    void loaded();                            // both lists read to the end (or failed)
    void actionFinished(bool ok);             // delete, triage change
    void liveItemInserted(const QString &id); // handleFeedbackCreated() added it
    void crashLogShown(const QString &submissionId);
    void exportFinished(const ascend::feedback::ExportResult &result);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildContent();
    void createActions();
    void openStores();
    void updateEmptyState();
    void updateActions();
    void updateCount();
    void updateDetail();
    void showCrashLog(const api::FeedbackSubmission &item);
    void loadFullImage(const QString &submissionId, int index);
    void moveSelection(int direction);
    void showError(const QString &title, const QString &detail);
    void showInfo(const QString &title, const QString &detail);
    QAbstractItemView *currentView() const;
    QList<api::FeedbackSubmission> selectedSubmissions() const;
    QList<int> selectedRows(QAbstractItemView *view) const;
    void syncSelection(QAbstractItemView *from, QAbstractItemView *to);
    void showContextMenu(QAbstractItemView *view, const QPoint &pos);
    void onThumbnailReady(const QString &submissionId);
    void onSubmissionRefreshed(const api::FeedbackSubmission &fresh);

    models::FeedbackModel *m_model;
    models::FeedbackFilterModel *m_filter;
    std::unique_ptr<models::FeedbackLoader> m_loader;
    std::unique_ptr<feedback::ScreenshotFetcher> m_fetcher;
    std::unique_ptr<store::FeedbackTriage> m_triage;
    QPointer<feedback::FeedbackExporter> m_exporter;
    QPointer<QProgressDialog> m_exportProgress;
    ThumbnailCache *m_thumbnails;
    QCache<QString, QString> m_crashLogs;
    std::unique_ptr<QTemporaryDir> m_demoDir;

    QStackedWidget *m_stack = nullptr;
    EmptyStateWidget *m_emptyState = nullptr;
    QWidget *m_content = nullptr;
    MessageBanner *m_banner = nullptr;
    FeedbackFilterBar *m_filterBar = nullptr;
    QStackedWidget *m_viewStack = nullptr;
    QListView *m_grid = nullptr;
    FeedbackGridDelegate *m_gridDelegate = nullptr;
    QTreeView *m_list = nullptr;
    QWidget *m_noMatches = nullptr;
    QWidget *m_views = nullptr;
    FeedbackDetailPanel *m_detail = nullptr;
    QLabel *m_countLabel = nullptr;
    QPushButton *m_triageButton = nullptr;
    QPushButton *m_unreadButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_copyButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QToolButton *m_gridButton = nullptr;
    QToolButton *m_listButton = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_triageAction = nullptr;
    QAction *m_unreadAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_exportFolderAction = nullptr;
    QAction *m_exportMarkdownAction = nullptr;

    ViewMode m_viewMode = ViewMode::Grid;
    QString m_appId;
    QString m_appBundleId;
    QString m_appName;
    QString m_scope;
    QString m_triagePath;
    QString m_openTriagePath;
    QString m_thumbnailDir;
    bool m_thumbnailDirSet = false;
    QString m_shownId;        // the submission in the detail panel
    QString m_crashLogWanted; // the crash log being fetched for the detail
    Confirm m_confirm;
    ChooseDirectory m_chooseDirectory;
    bool m_firstItemsShown = false;
    int m_deletesInFlight = 0;
    quint64 m_generation = 0; // bumps on app/session change so stale answers are ignored
};

} // namespace ascend::ui

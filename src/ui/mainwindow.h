#pragma once
// The main window: source list (account, app picker, workspace entries) on the left, the four panes on the
// right, connection state and API budget in the status bar; a welcome page while there is no account.
//
// Everything is reachable from the keyboard: menus with mnemonics, Ctrl+1…4 for the panes (in the order of
// the source list), Ctrl+O Add Build, F5 refreshes the current pane, Ctrl+F moves to its search field;
// Help ▸ Keyboard Shortcuts lists them all. The window restores its geometry, the splitter, the current pane
// and the state of the panes (every QSplitter, QTabWidget and item view header inside a pane that has an
// objectName, and checkable buttons with the dynamic property "ascendRestoreState" set to true, for view
// mode switches) from QSettings.

#include "models/sourcelistmodel.h"

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QSplitter;
class QStackedWidget;
class QActionGroup;
class QPushButton;

namespace ascend::auth {
class AccountStore;
class SecretStore;
} // namespace ascend::auth

namespace ascend::ui {

class DesktopNotifier;
class LogViewer;
class MessageBanner;
class PaneWidget;
class SessionController;
class SettingsDialog;
class SourceListWidget;
class StatusIndicator;
class WelcomePage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // accounts and secrets are not owned and must outlive the window.
    MainWindow(auth::AccountStore *accounts, auth::SecretStore *secrets, QWidget *parent = nullptr);
    ~MainWindow() override;

    SessionController *controller() const { return m_controller; }
    SourceListWidget *sourceList() const { return m_sourceList; }
    WelcomePage *welcomePage() const { return m_welcome; }
    StatusIndicator *connectionIndicator() const { return m_connection; }
    QLabel *rateLimitLabel() const { return m_rateLimit; }
    StatusIndicator *listenerIndicator() const { return m_listener; }
    QPushButton *cancelConnectingButton() const { return m_cancelConnecting; }

    models::SourceListModel *paneModel() const { return m_paneModel; }
    DesktopNotifier *notifier() const { return m_notifier; }
    models::SourceListModel::Pane currentPane() const;
    PaneWidget *pane(models::SourceListModel::Pane pane) const;
    bool isShowingWelcome() const;
    MessageBanner *connectionBanner() const { return m_banner; }

    // The window's actions, for tests and the shortcut list.
    QAction *addBuildAction() const { return m_addBuildAction; }
    QAction *refreshAction() const { return m_refreshAction; }
    QAction *findAction() const { return m_findAction; }
    QAction *settingsAction() const { return m_settingsAction; }
    QAction *shortcutsAction() const { return m_shortcutsAction; }
    QAction *showLogAction() const { return m_showLogAction; }
    QAction *aboutAction() const { return m_aboutAction; }
    QList<QAction *> paneActions() const { return m_paneActions; }
    // The open log viewer, if any.
    LogViewer *logViewer() const;

    // Opens the stored account name: reads its key from the secret store and connects.
    bool openAccount(const QString &name);
    // The last used (or the first) stored account; the welcome page when there is none.
    void openDefaultAccount();

public slots:
    void setCurrentPane(ascend::models::SourceListModel::Pane pane);
    void startDemo();
    void addAccount();
    void editAccount();
    void removeAccount();
    void showAbout();
    // Connects again with the same account (or restarts the demo) after a failure.
    void retryConnection();
    // Gives up the connection being made (the demo starting, or the first request to a server).
    void cancelConnecting();
    // Ctrl+O: the Uploads pane's file chooser.
    void addBuild();
    // F5: the current pane loads again what it shows.
    void refreshCurrentPane();
    // Ctrl+F: the keyboard focus goes to the current pane's search or filter field.
    void focusSearch();
    // File ▸ Settings; page is a SettingsDialog::Page.
    void showSettings(int page = 0);
    void showShortcuts();
    void showLog();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createStatusBar();
    void connectUploads();
    void connectSettings(SettingsDialog *dialog);
    void rebuildAccountMenu();
    void updateConnectionStatus();
    void updateRateLimit();
    void updateAppPicker();
    void updateWorkspaceVisibility();
    void updateActions();
    void addStartButtons();
    void onCurrentAppChanged(int row);
    void onAccountRemoved(const QString &name);
    void restoreSettings();
    void saveSettings() const;
    void restorePaneState();
    void savePaneState() const;
    QString currentAccountName() const;

    auth::AccountStore *m_accounts;
    auth::SecretStore *m_secrets;
    SessionController *m_controller;
    models::SourceListModel *m_paneModel;

    QStackedWidget *m_root;
    WelcomePage *m_welcome;
    QSplitter *m_splitter;
    SourceListWidget *m_sourceList;
    MessageBanner *m_banner;
    QPushButton *m_bannerRetry = nullptr;
    QPushButton *m_bannerEdit = nullptr;
    QStackedWidget *m_paneStack;
    QList<PaneWidget *> m_panes;
    DesktopNotifier *m_notifier = nullptr;

    StatusIndicator *m_connection;
    QPushButton *m_cancelConnecting;
    QLabel *m_rateLimit;
    StatusIndicator *m_listener;

    QAction *m_addBuildAction = nullptr;
    QAction *m_addAccountAction = nullptr;
    QAction *m_editAccountAction = nullptr;
    QAction *m_removeAccountAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_showLogAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QList<QAction *> m_paneActions;
    QList<QAction *> m_themeActions;
    QList<QPushButton *> m_startButtons; // "Add an API key…" / "Try the demo" in the panes' empty states
    QMenu *m_accountMenu = nullptr;
    QPointer<LogViewer> m_logViewer;

    QString m_accountName; // the stored account in use; empty in demo mode
    QString m_preferredAppId;
    bool m_connectionCancelled = false;
};

} // namespace ascend::ui

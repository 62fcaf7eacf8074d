#pragma once
// The main window: source list (account, app picker, workspace entries) on the left, the four panes on the
// right, connection state and API budget in the status bar; a welcome page while there is no account.

#include "models/sourcelistmodel.h"

#include <QMainWindow>

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
class MessageBanner;
class PaneWidget;
class SessionController;
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

    models::SourceListModel *paneModel() const { return m_paneModel; }
    DesktopNotifier *notifier() const { return m_notifier; }
    models::SourceListModel::Pane currentPane() const;
    PaneWidget *pane(models::SourceListModel::Pane pane) const;
    bool isShowingWelcome() const;
    MessageBanner *connectionBanner() const { return m_banner; }

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

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createStatusBar();
    void connectUploads();
    void rebuildAccountMenu();
    void updateConnectionStatus();
    void updateRateLimit();
    void updateAppPicker();
    void updateWorkspaceVisibility();
    void onCurrentAppChanged(int row);
    void restoreSettings();
    void saveSettings() const;
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
    QPushButton *m_bannerEdit = nullptr;
    QStackedWidget *m_paneStack;
    QList<PaneWidget *> m_panes;
    DesktopNotifier *m_notifier = nullptr;

    StatusIndicator *m_connection;
    QLabel *m_rateLimit;
    StatusIndicator *m_listener;

    QAction *m_addAccountAction = nullptr;
    QAction *m_editAccountAction = nullptr;
    QAction *m_removeAccountAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QList<QAction *> m_paneActions;
    QMenu *m_accountMenu = nullptr;

    QString m_accountName; // the stored account in use; empty in demo mode
    QString m_preferredAppId;
};

} // namespace ascend::ui

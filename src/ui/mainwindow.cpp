#include "ui/mainwindow.h"

#include "core/api/apiclient.h"
#include "core/auth/accountstore.h"
#include "core/auth/secretstore.h"
#include "core/session/session.h"
#include "core/webhooks/eventbus.h"
#include "models/applistmodel.h"
#include "models/listenercontroller.h"
#include "ui/aboutdialog.h"
#include "ui/accountbutton.h"
#include "ui/accountdialog.h"
#include "ui/apppicker.h"
#include "ui/appsettings.h"
#include "ui/desktopnotifier.h"
#include "ui/emptystatewidget.h"
#include "ui/feedbackpane.h"
#include "ui/logbuffer.h"
#include "ui/logviewer.h"
#include "ui/messagebanner.h"
#include "ui/sessioncontroller.h"
#include "ui/settingsdialog.h"
#include "ui/shortcutsdialog.h"
#include "ui/sourcelistwidget.h"
#include "ui/statusindicator.h"
#include "ui/testflightpane.h"
#include "ui/theme.h"
#include "ui/uploadspane.h"
#include "ui/webhookeventswidget.h"
#include "ui/webhookspane.h"
#include "ui/welcomepage.h"

#include <QAbstractButton>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFrame>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMetaEnum>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace ascend::ui {

namespace {

using Pane = models::SourceListModel::Pane;

const char kGeometryKey[] = "mainWindow/geometry";
const char kWindowStateKey[] = "mainWindow/state";
const char kSplitterKey[] = "mainWindow/splitter";
const char kPaneKey[] = "mainWindow/pane";
const char kLastAccountKey[] = "accounts/last";
const char kRestoreProperty[] = "ascendRestoreState";
const QString kDemoSettingsName = QStringLiteral("demo");

// Account names may hold characters QSettings treats as structure ('/', '\').
QString appSettingsKey(const QString &accountName)
{
    const QString name = accountName.isEmpty() ? kDemoSettingsName : accountName;
    return QStringLiteral("lastApp/") + QString::fromLatin1(QUrl::toPercentEncoding(name));
}

QFrame *statusSeparator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Plain);
    line->setFixedHeight(14);
    theme::bindColor(line, QPalette::WindowText, theme::separator);
    return line;
}

// "panes/Uploads" for the settings of a pane's widgets.
QString paneStateGroup(Pane pane)
{
    return QStringLiteral("panes/") + QString::fromLatin1(QMetaEnum::fromType<Pane>().valueToKey(pane));
}

// The widgets of a pane whose state is kept across restarts, each with a name unique in the pane.
QList<QWidget *> restorableWidgets(QWidget *pane)
{
    QList<QWidget *> widgets;
    for (QWidget *widget : pane->findChildren<QWidget *>()) {
        if (widget->objectName().isEmpty())
            continue;
        if (qobject_cast<QSplitter *>(widget) || qobject_cast<QTabWidget *>(widget) ||
            qobject_cast<QAbstractItemView *>(widget) ||
            (qobject_cast<QAbstractButton *>(widget) && widget->property(kRestoreProperty).toBool()))
            widgets << widget;
    }
    return widgets;
}

} // namespace

MainWindow::MainWindow(auth::AccountStore *accounts, auth::SecretStore *secrets, QWidget *parent)
    : QMainWindow(parent)
    , m_accounts(accounts)
    , m_secrets(secrets)
    , m_controller(new SessionController(this))
    , m_paneModel(new models::SourceListModel(this))
    , m_root(new QStackedWidget(this))
    , m_welcome(new WelcomePage(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_sourceList(new SourceListWidget(m_paneModel, m_controller->apps(), this))
    , m_banner(new MessageBanner(this))
    , m_paneStack(new QStackedWidget(this))
    , m_connection(new StatusIndicator(this))
    , m_cancelConnecting(new QPushButton(tr("Cancel"), this))
    , m_rateLimit(new QLabel(this))
    , m_listener(new StatusIndicator(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Ascend"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/ascend.svg")));

    m_panes = {new UploadsPane(m_paneStack), new WebhooksPane(m_paneStack), new TestFlightPane(m_paneStack),
               new FeedbackPane(m_paneStack)};
    for (PaneWidget *pane : std::as_const(m_panes))
        m_paneStack->addWidget(pane);
    if (auto *webhooks = qobject_cast<WebhooksPane *>(m_panes.at(Pane::Webhooks))) {
        webhooks->setSecretStore(m_secrets);
        connect(webhooks, &WebhooksPane::listenerStateChanged, this,
                [this](bool listening, const QString &url) {
                    m_listener->setStatus(
                        listening ? StatusIndicator::Tone::Good : StatusIndicator::Tone::Idle,
                        listening ? tr("Listening at %1").arg(url) : tr("Webhook listener off"));
                    if (listening)
                        m_paneModel->setBadge(Pane::Webhooks, tr("On"),
                                              models::SourceListModel::BadgeTone::Positive);
                    else
                        m_paneModel->clearBadge(Pane::Webhooks);
                });
        connect(webhooks, &WebhooksPane::openInstanceRequested, this,
                [this](const QString &type, const QString &) {
                    const int pane = WebhookEventsWidget::paneForInstanceType(type);
                    if (pane >= 0)
                        setCurrentPane(static_cast<Pane>(pane));
                });
    }
    m_paneStack->setObjectName(QStringLiteral("paneStack"));
    m_paneStack->setAutoFillBackground(true);
    theme::bindColor(m_paneStack, QPalette::Window,
                     [] { return QGuiApplication::palette().color(QPalette::Base); });

    m_splitter->setObjectName(QStringLiteral("workspaceSplitter"));
    m_splitter->addWidget(m_sourceList);
    m_banner->hide();
    m_bannerRetry = m_banner->addAction(tr("Try Again"));
    connect(m_bannerRetry, &QPushButton::clicked, this, &MainWindow::retryConnection);
    m_bannerEdit = m_banner->addAction(tr("Edit Account…"));
    connect(m_bannerEdit, &QPushButton::clicked, this, &MainWindow::editAccount);
    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(0);
    contentLayout->addWidget(m_banner);
    contentLayout->addWidget(m_paneStack, 1);
    m_splitter->addWidget(content);
    m_splitter->setCollapsible(0, false);
    m_splitter->setCollapsible(1, false);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setHandleWidth(1);
    m_splitter->setSizes({252, 900});

    m_root->addWidget(m_welcome);
    m_root->addWidget(m_splitter);
    setCentralWidget(m_root);

    createActions();
    createMenus();
    createStatusBar();
    connectUploads();
    addStartButtons();

    connect(m_sourceList, &SourceListWidget::currentPaneChanged, this, [this](Pane pane) {
        m_paneStack->setCurrentIndex(pane);
        if (pane >= 0 && pane < m_paneActions.size())
            m_paneActions.at(pane)->setChecked(true);
    });
    connect(m_welcome, &WelcomePage::addAccountRequested, this, &MainWindow::addAccount);
    connect(m_welcome, &WelcomePage::demoRequested, this, &MainWindow::startDemo);
    connect(m_welcome, &WelcomePage::cancelRequested, this, &MainWindow::cancelConnecting);

    connect(m_controller, &SessionController::stateChanged, this, [this] {
        updateConnectionStatus();
        updateWorkspaceVisibility();
        updateAppPicker();
    });
    connect(m_controller, &SessionController::sessionChanged, this, [this](session::Session *session) {
        for (PaneWidget *pane : std::as_const(m_panes))
            pane->setSession(session);
        updateActions();
    });
    connect(m_controller, &SessionController::appsLoadingChanged, this, &MainWindow::updateAppPicker);
    connect(m_controller, &SessionController::appsChanged, this, &MainWindow::updateAppPicker);
    connect(m_controller, &SessionController::rateLimitChanged, this, &MainWindow::updateRateLimit);
    connect(m_sourceList->appPicker(), &QComboBox::currentIndexChanged, this,
            &MainWindow::onCurrentAppChanged);

    updateConnectionStatus();
    updateRateLimit();
    updateAppPicker();
    updateWorkspaceVisibility();
    resize(1180, 760);
    restoreSettings();
}

MainWindow::~MainWindow()
{
    // Panes hold the session pointer; tell them before the controller (a child) destroys it.
    for (PaneWidget *pane : std::as_const(m_panes))
        pane->setSession(nullptr);
}

void MainWindow::createActions()
{
    auto makeAction = [this](const QString &text, const QString &name) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        addAction(action); // shortcuts work without a menu bar too
        return action;
    };

    m_addBuildAction = makeAction(tr("Add &Build…"), QStringLiteral("addBuildAction"));
    m_addBuildAction->setIcon(theme::icon(QStringLiteral(":/icons/uploads.svg")));
    m_addBuildAction->setShortcut(QKeySequence::Open);
    m_addBuildAction->setStatusTip(tr("Choose .ipa or .pkg files to upload"));
    connect(m_addBuildAction, &QAction::triggered, this, &MainWindow::addBuild);

    m_addAccountAction = makeAction(tr("&Add an API Key…"), QStringLiteral("addAccountAction"));
    m_addAccountAction->setIcon(theme::icon(QStringLiteral(":/icons/key.svg")));
    m_addAccountAction->setShortcut(QKeySequence::New);
    connect(m_addAccountAction, &QAction::triggered, this, &MainWindow::addAccount);

    m_editAccountAction = makeAction(tr("&Edit Account…"), QStringLiteral("editAccountAction"));
    connect(m_editAccountAction, &QAction::triggered, this, &MainWindow::editAccount);

    m_removeAccountAction = makeAction(tr("&Remove Account…"), QStringLiteral("removeAccountAction"));
    connect(m_removeAccountAction, &QAction::triggered, this, &MainWindow::removeAccount);

    m_demoAction = makeAction(tr("Try the &Demo"), QStringLiteral("demoAction"));
    m_demoAction->setIcon(theme::icon(QStringLiteral(":/icons/play.svg")));
    connect(m_demoAction, &QAction::triggered, this, &MainWindow::startDemo);

    m_settingsAction = makeAction(tr("&Settings…"), QStringLiteral("settingsAction"));
    // Not every desktop defines a Preferences key; Ctrl+, is what most applications use.
    QList<QKeySequence> settingsKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (!settingsKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)))
        settingsKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setShortcuts(settingsKeys);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, [this] { showSettings(); });

    m_quitAction = makeAction(tr("&Quit"), QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    if (m_quitAction->shortcut().isEmpty()) // the platform defines none (e.g. a bare X11 session)
        m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, qApp, &QApplication::closeAllWindows);

    m_refreshAction = makeAction(tr("&Refresh"), QStringLiteral("refreshAction"));
    m_refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_refreshAction->setStatusTip(tr("Load what the current pane shows again"));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refreshCurrentPane);

    m_findAction = makeAction(tr("F&ind…"), QStringLiteral("findAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setStatusTip(tr("Go to the search or filter field of the current pane"));
    connect(m_findAction, &QAction::triggered, this, &MainWindow::focusSearch);

    m_reloadAction = makeAction(tr("Reload &Apps"), QStringLiteral("reloadAppsAction"));
    m_reloadAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_reloadAction, &QAction::triggered, m_controller, &SessionController::reloadApps);

    m_shortcutsAction = makeAction(tr("&Keyboard Shortcuts"), QStringLiteral("shortcutsAction"));
    m_shortcutsAction->setShortcut(QKeySequence::HelpContents);
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);

    m_showLogAction = makeAction(tr("Show &Log"), QStringLiteral("showLogAction"));
    m_showLogAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(m_showLogAction, &QAction::triggered, this, &MainWindow::showLog);

    m_aboutAction = makeAction(tr("&About Ascend"), QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    m_aboutQtAction = makeAction(tr("About &Qt"), QStringLiteral("aboutQtAction"));
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);

    auto *paneGroup = new QActionGroup(this);
    for (int pane = 0; pane < models::SourceListModel::PaneCount; ++pane) {
        const auto p = static_cast<Pane>(pane);
        // "&Uploads": the title's first letter is the mnemonic.
        auto *action = makeAction(QLatin1Char('&') + models::SourceListModel::title(p),
                                  QStringLiteral("paneAction%1").arg(pane));
        action->setIcon(theme::icon(models::SourceListModel::iconPath(p)));
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(int(Qt::Key_1) + int(pane))));
        action->setShortcutContext(Qt::WindowShortcut);
        action->setData(pane);
        connect(action, &QAction::triggered, this, [this, p] { setCurrentPane(p); });
        paneGroup->addAction(action);
        m_paneActions << action;
    }
    m_paneActions.first()->setChecked(true);

    auto *themeGroup = new QActionGroup(this);
    const QList<QPair<theme::Mode, QString>> themes = {{theme::Mode::System, tr("&System")},
                                                       {theme::Mode::Light, tr("&Light")},
                                                       {theme::Mode::Dark, tr("&Dark")}};
    for (const auto &[mode, text] : themes) {
        auto *action = new QAction(text, this);
        action->setCheckable(true);
        action->setChecked(theme::mode() == mode);
        themeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [mode] {
            AppSettings::setThemeMode(mode);
            theme::setMode(mode);
        });
        m_themeActions << action;
    }
    connect(AppSettings::instance(), &AppSettings::changed, this, [this](const QString &key) {
        if (key != AppSettings::ThemeKey)
            return;
        const theme::Mode mode = AppSettings::themeMode();
        m_themeActions.at(int(mode))->setChecked(true);
    });

    m_accountMenu = new QMenu(this);
    connect(m_accountMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildAccountMenu);
    m_sourceList->accountButton()->setMenu(m_accountMenu);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_addBuildAction);
    file->addSeparator();
    file->addAction(m_addAccountAction);
    file->addAction(m_editAccountAction);
    file->addAction(m_removeAccountAction);
    file->addSeparator();
    file->addAction(m_demoAction);
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QAction *action : std::as_const(m_paneActions))
        view->addAction(action);
    view->addSeparator();
    view->addAction(m_refreshAction);
    view->addAction(m_findAction);
    view->addAction(m_reloadAction);
    view->addSeparator();
    QMenu *appearance = view->addMenu(tr("A&ppearance"));
    appearance->addActions(m_themeActions);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_shortcutsAction);
    help->addAction(m_showLogAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

void MainWindow::createStatusBar()
{
    QStatusBar *bar = statusBar();
    bar->setSizeGripEnabled(false);
    bar->setContentsMargins(10, 0, 10, 0);

    m_connection->setObjectName(QStringLiteral("connectionStatus"));
    m_rateLimit->setObjectName(QStringLiteral("rateLimitStatus"));
    m_rateLimit->setToolTip(tr("App Store Connect allows each API key a number of requests per rolling hour. "
                               "The count comes from the X-Rate-Limit header of the last response."));
    m_listener->setObjectName(QStringLiteral("listenerStatus"));
    m_listener->setStatus(StatusIndicator::Tone::Idle, tr("Webhook listener off"));
    m_listener->setToolTip(tr("The local webhook listener checks each notification's signature and records "
                              "it. Start it in Webhooks → Live Events."));

    m_cancelConnecting->setObjectName(QStringLiteral("cancelConnecting"));
    m_cancelConnecting->setAccessibleName(tr("Cancel connecting"));
    m_cancelConnecting->setFlat(true);
    m_cancelConnecting->setCursor(Qt::PointingHandCursor);
    m_cancelConnecting->hide();
    connect(m_cancelConnecting, &QPushButton::clicked, this, &MainWindow::cancelConnecting);

    bar->addWidget(m_connection, 1);
    bar->addWidget(m_cancelConnecting);
    auto *rateSeparator = statusSeparator(bar);
    rateSeparator->setObjectName(QStringLiteral("rateLimitSeparator"));
    bar->addPermanentWidget(rateSeparator);
    bar->addPermanentWidget(m_rateLimit);
    bar->addPermanentWidget(statusSeparator(bar));
    bar->addPermanentWidget(m_listener);
}

models::SourceListModel::Pane MainWindow::currentPane() const
{
    return static_cast<Pane>(m_paneStack->currentIndex());
}

PaneWidget *MainWindow::pane(models::SourceListModel::Pane pane) const
{
    return (pane >= 0 && pane < m_panes.size()) ? m_panes.at(pane) : nullptr;
}

bool MainWindow::isShowingWelcome() const
{
    return m_root->currentWidget() == m_welcome;
}

void MainWindow::setCurrentPane(models::SourceListModel::Pane pane)
{
    if (pane < 0 || pane >= m_panes.size())
        return;
    m_sourceList->setCurrentPane(pane);
    m_paneStack->setCurrentIndex(pane);
    m_paneActions.at(pane)->setChecked(true);
}

QString MainWindow::currentAccountName() const
{
    return m_controller->isDemo() ? QString() : m_accountName;
}

bool MainWindow::openAccount(const QString &name)
{
    const std::optional<auth::Account> account = m_accounts->account(name);
    if (!account)
        return false;
    m_accountName = name;
    QSettings().setValue(kLastAccountKey, name);
    m_preferredAppId = QSettings().value(appSettingsKey(name)).toString();

    session::ConnectionInfo info;
    info.name = account->name;
    info.baseUrl =
        account->baseUrl.isEmpty() ? api::ApiClient::defaultBaseUrl().toString() : account->baseUrl;
    info.keyId = account->keyId;
    info.issuerId = account->issuerId;
    info.individualKey = account->individualKey;
    QString error;
    const std::optional<QByteArray> pem = m_accounts->privateKeyPem(name, &error);
    if (!pem) {
        m_controller->reportFailure(info, error);
    } else {
        info.privateKeyPem = *pem;
        m_controller->connectTo(info);
    }
    updateWorkspaceVisibility();
    return true;
}

void MainWindow::openDefaultAccount()
{
    const QList<auth::Account> accounts = m_accounts->accounts();
    if (accounts.isEmpty()) {
        updateWorkspaceVisibility();
        return;
    }
    const QString last = QSettings().value(kLastAccountKey).toString();
    for (const auth::Account &account : accounts) {
        if (account.name == last) {
            openAccount(last);
            return;
        }
    }
    openAccount(accounts.first().name);
}

void MainWindow::startDemo()
{
    m_accountName.clear();
    m_preferredAppId = QSettings().value(appSettingsKey(QString())).toString();
    m_controller->startDemo();
    updateWorkspaceVisibility();
}

void MainWindow::addAccount()
{
    AccountDialog dialog(m_accounts, m_secrets, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    openAccount(dialog.savedAccountName());
}

void MainWindow::editAccount()
{
    const QString name = currentAccountName();
    const std::optional<auth::Account> account = name.isEmpty() ? std::nullopt : m_accounts->account(name);
    if (!account)
        return;
    AccountDialog dialog(m_accounts, m_secrets, this);
    dialog.setAccount(*account);
    if (dialog.exec() != QDialog::Accepted)
        return;
    openAccount(dialog.savedAccountName());
}

void MainWindow::removeAccount()
{
    const QString name = currentAccountName();
    if (name.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Remove Account"),
        tr("Remove the account “%1” from Ascend?\n\nIts private key is deleted from %2. The key itself stays "
           "valid in App Store Connect until you revoke it there.")
            .arg(name, m_secrets->backendDescription()),
        QMessageBox::Cancel | QMessageBox::Yes, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    QString error;
    if (!m_accounts->remove(name, &error)) {
        QMessageBox::warning(this, tr("Remove Account"), error);
        return;
    }
    onAccountRemoved(name);
}

void MainWindow::onAccountRemoved(const QString &name)
{
    QSettings().remove(appSettingsKey(name));
    if (name != m_accountName || m_controller->isDemo()) {
        updateWorkspaceVisibility();
        return;
    }
    m_accountName.clear();
    m_controller->disconnectSession();
    openDefaultAccount();
    updateWorkspaceVisibility();
}

void MainWindow::retryConnection()
{
    m_connectionCancelled = false;
    if (m_controller->isDemo())
        startDemo();
    else if (!m_accountName.isEmpty())
        openAccount(m_accountName);
}

void MainWindow::showAbout()
{
    AboutDialog dialog(m_secrets->backendDescription(), this);
    dialog.exec();
}

void MainWindow::cancelConnecting()
{
    if (!m_controller->isConnecting())
        return;
    m_connectionCancelled = !m_controller->isDemo();
    m_controller->cancelConnecting();
    updateConnectionStatus();
    updateWorkspaceVisibility();
}

void MainWindow::addBuild()
{
    auto *uploads = qobject_cast<UploadsPane *>(pane(Pane::Uploads));
    if (!uploads || !m_controller->session())
        return;
    setCurrentPane(Pane::Uploads);
    uploads->chooseFiles();
}

void MainWindow::refreshCurrentPane()
{
    if (isShowingWelcome())
        return;
    if (PaneWidget *current = pane(currentPane()))
        current->refresh();
}

void MainWindow::focusSearch()
{
    if (isShowingWelcome())
        return;
    if (PaneWidget *current = pane(currentPane()))
        current->focusSearch();
}

void MainWindow::showSettings(int page)
{
    SettingsDialog dialog(m_accounts, m_secrets, this);
    dialog.setCurrentPage(static_cast<SettingsDialog::Page>(page));
    connectSettings(&dialog);
    dialog.exec();
}

void MainWindow::connectSettings(SettingsDialog *dialog)
{
    connect(dialog, &SettingsDialog::accountAdded, this, [this](const QString &name) {
        // A first account (or one added while nothing is connected) is opened at once.
        if (m_controller->session() == nullptr && !m_controller->isConnecting())
            openAccount(name);
        updateWorkspaceVisibility();
    });
    connect(dialog, &SettingsDialog::accountChanged, this, [this](const QString &name) {
        if (!m_controller->isDemo() && name == m_accountName)
            openAccount(name); // connect again with what was changed
    });
    connect(dialog, &SettingsDialog::accountRemoved, this, &MainWindow::onAccountRemoved);
}

void MainWindow::showShortcuts()
{
    QList<ShortcutsDialog::Group> groups;
    for (QAction *menuAction : menuBar()->actions()) {
        QMenu *menu = menuAction->menu();
        if (!menu)
            continue;
        QList<QAction *> actions;
        for (QAction *action : menu->actions()) {
            if (!action->isSeparator() && !action->menu())
                actions << action;
        }
        groups.append({menuAction->text(), actions});
    }
    ShortcutsDialog dialog(groups, this);
    dialog.exec();
}

LogViewer *MainWindow::logViewer() const
{
    return m_logViewer;
}

void MainWindow::showLog()
{
    if (!m_logViewer) {
        m_logViewer = new LogViewer(LogBuffer::instance(), this);
        m_logViewer->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_logViewer->show();
    m_logViewer->raise();
    m_logViewer->activateWindow();
}

void MainWindow::rebuildAccountMenu()
{
    m_accountMenu->clear();
    const QList<auth::Account> accounts = m_accounts->accounts();
    auto *group = new QActionGroup(m_accountMenu);
    for (const auth::Account &account : accounts) {
        QAction *action = m_accountMenu->addAction(account.name);
        action->setCheckable(true);
        action->setChecked(!m_controller->isDemo() && account.name == m_accountName);
        group->addAction(action);
        const QString name = account.name;
        connect(action, &QAction::triggered, this, [this, name] { openAccount(name); });
    }
    if (m_controller->isDemo()) {
        QAction *demo = m_accountMenu->addAction(tr("Demo simulator"));
        demo->setCheckable(true);
        demo->setChecked(true);
        group->addAction(demo);
    }
    if (!m_accountMenu->isEmpty())
        m_accountMenu->addSeparator();
    m_accountMenu->addAction(m_addAccountAction);
    const bool haveStoredAccount = !currentAccountName().isEmpty();
    m_editAccountAction->setEnabled(haveStoredAccount);
    m_removeAccountAction->setEnabled(haveStoredAccount);
    if (haveStoredAccount) {
        m_accountMenu->addAction(m_editAccountAction);
        m_accountMenu->addAction(m_removeAccountAction);
    }
    if (!m_controller->isDemo()) {
        m_accountMenu->addSeparator();
        m_accountMenu->addAction(m_demoAction);
    }
}

void MainWindow::updateConnectionStatus()
{
    using State = SessionController::State;
    const State state = m_controller->state();
    StatusIndicator::Tone tone = StatusIndicator::Tone::Idle;
    switch (state) {
    case State::Disconnected:
        tone = StatusIndicator::Tone::Idle;
        break;
    case State::StartingSimulator:
    case State::Connecting:
        tone = StatusIndicator::Tone::Busy;
        break;
    case State::Connected:
        tone = StatusIndicator::Tone::Good;
        break;
    case State::Failed:
        tone = StatusIndicator::Tone::Bad;
        break;
    }
    m_connection->setStatus(tone, m_controller->statusText());
    if (state == State::Failed && !m_controller->errorMessage().isEmpty())
        m_connection->setToolTip(m_controller->errorMessage());

    if (state != State::Disconnected)
        m_connectionCancelled = false;
    const bool cancelled = state == State::Disconnected && m_connectionCancelled && !m_accountName.isEmpty();
    if (state == State::Failed) {
        const QString title = m_controller->isDemo() && !m_controller->session()
                                  ? tr("The demo could not start")
                                  : tr("Could not connect to %1").arg(m_controller->serverDescription());
        m_banner->setTone(MessageBanner::Tone::Error);
        m_banner->setMessage(title, m_controller->errorMessage());
        m_bannerRetry->setText(tr("Try Again"));
        m_bannerEdit->setVisible(!currentAccountName().isEmpty());
    } else if (cancelled) {
        m_banner->setTone(MessageBanner::Tone::Info);
        m_banner->setMessage(
            tr("Not connected to “%1”").arg(m_accountName),
            tr("Connecting was cancelled. Connect again when you are ready, or choose another "
               "account from the account menu."));
        m_bannerRetry->setText(tr("Connect"));
        m_bannerEdit->setVisible(true);
    }
    m_banner->setVisible(state == State::Failed || cancelled);
    m_cancelConnecting->setVisible(m_controller->isConnecting());
    m_connection->setPill(m_controller->isDemo() ? tr("Demo") : QString());

    const session::ConnectionInfo &info = m_controller->connectionInfo();
    if (m_controller->isDemo()) {
        const QUrl url(info.baseUrl);
        const QString where =
            url.port() > 0 ? tr("Simulator on port %1").arg(url.port()) : tr("Local simulator");
        m_sourceList->accountButton()->setAccount(tr("Demo simulator"), where, true);
    } else if (!m_accountName.isEmpty()) {
        const QString detail =
            info.individualKey ? tr("Individual key %1").arg(info.keyId) : tr("Team key %1").arg(info.keyId);
        m_sourceList->accountButton()->setAccount(m_accountName, detail, false);
    } else {
        m_sourceList->accountButton()->setAccount(QString(), tr("Add an API key to connect"), false);
    }

    updateActions();
    setWindowTitle(m_controller->isDemo()    ? tr("Ascend — Demo")
                   : m_accountName.isEmpty() ? tr("Ascend")
                                             : tr("Ascend — %1").arg(m_accountName));
}

void MainWindow::addStartButtons()
{
    const QList<EmptyStateWidget *> emptyStates = {
        static_cast<UploadsPane *>(m_panes.at(Pane::Uploads))->emptyState(),
        static_cast<WebhooksPane *>(m_panes.at(Pane::Webhooks))->emptyState(),
        static_cast<TestFlightPane *>(m_panes.at(Pane::TestFlight))->emptyState()};
    for (EmptyStateWidget *empty : emptyStates) {
        QPushButton *add = empty->addButton(tr("Add an API key…"), true);
        add->setObjectName(QStringLiteral("primaryButton"));
        add->setIcon(theme::icon(QStringLiteral(":/icons/key.svg"), theme::Tint::OnAccent));
        add->setProperty("ascendStart", QStringLiteral("addAccount"));
        connect(add, &QPushButton::clicked, this, &MainWindow::addAccount);
        QPushButton *demo = empty->addButton(tr("Try the demo"));
        demo->setIcon(theme::icon(QStringLiteral(":/icons/play.svg")));
        demo->setProperty("ascendStart", QStringLiteral("demo"));
        connect(demo, &QPushButton::clicked, this, &MainWindow::startDemo);
        m_startButtons << add << demo;
    }
}

void MainWindow::updateActions()
{
    const bool haveStoredAccount = !currentAccountName().isEmpty();
    const bool live = m_controller->session() != nullptr;
    m_editAccountAction->setEnabled(haveStoredAccount);
    m_removeAccountAction->setEnabled(haveStoredAccount);
    m_reloadAction->setEnabled(live);
    m_addBuildAction->setEnabled(m_controller->state() == SessionController::State::Connected);
    m_demoAction->setEnabled(m_controller->state() != SessionController::State::StartingSimulator);
    const bool workspace = !isShowingWelcome();
    m_refreshAction->setEnabled(workspace);
    m_findAction->setEnabled(workspace);
    // Panes with nothing to show offer the two ways to start while nothing is connected.
    for (QPushButton *button : std::as_const(m_startButtons))
        button->setVisible(!live && !m_controller->isConnecting());
}

void MainWindow::updateRateLimit()
{
    const api::RateLimitState state = m_controller->rateLimit();
    const bool visible = state.valid;
    m_rateLimit->setVisible(visible);
    if (auto *separator = statusBar()->findChild<QFrame *>(QStringLiteral("rateLimitSeparator")))
        separator->setVisible(visible);
    if (!visible) {
        m_rateLimit->clear();
        return;
    }
    m_rateLimit->setText(state.toDisplayString());
    const bool low = state.limit > 0 && state.remaining * 10 < state.limit;
    theme::bindColor(m_rateLimit, QPalette::WindowText, low ? theme::critical : theme::textSecondary);
}

void MainWindow::updateAppPicker()
{
    AppPicker *picker = m_sourceList->appPicker();
    models::AppListModel *apps = m_controller->apps();
    const bool loading = m_controller->isLoadingApps();
    using State = SessionController::State;

    if (apps->rowCount() > 0 && !loading) {
        picker->setEnabled(true);
        picker->setStatusText(QString());
        int row = m_preferredAppId.isEmpty() ? -1 : apps->rowOfId(m_preferredAppId);
        if (row < 0)
            row = picker->currentIndex() >= 0 ? picker->currentIndex() : 0;
        if (picker->currentIndex() != row)
            picker->setCurrentIndex(row);
        else
            onCurrentAppChanged(row);
        return;
    }

    picker->setEnabled(false);
    if (picker->currentIndex() != -1)
        picker->setCurrentIndex(-1);
    if (loading) {
        picker->setStatusText(tr("Loading apps…"));
    } else if (!m_controller->appsError().isEmpty()) {
        picker->setStatusText(tr("Apps could not be loaded"), true);
        picker->setToolTip(m_controller->appsError());
    } else if (m_controller->state() == State::StartingSimulator) {
        picker->setStatusText(tr("Starting the demo…"));
    } else if (m_controller->state() == State::Failed) {
        picker->setStatusText(tr("Not connected"), true);
        picker->setToolTip(m_controller->errorMessage());
    } else if (m_controller->session()) {
        picker->setStatusText(tr("No apps in this account"));
    } else {
        picker->setStatusText(tr("Not connected"));
    }
    onCurrentAppChanged(-1);
}

void MainWindow::onCurrentAppChanged(int row)
{
    models::AppListModel *apps = m_controller->apps();
    const bool valid = row >= 0 && row < apps->rowCount();
    const api::App app = apps->app(row);
    for (PaneWidget *pane : std::as_const(m_panes))
        pane->setCurrentApp(valid ? &app : nullptr);
    if (valid) {
        m_preferredAppId = app.id;
        QSettings().setValue(appSettingsKey(currentAccountName()), app.id);
    }
}

void MainWindow::updateWorkspaceVisibility()
{
    using State = SessionController::State;
    const bool hasAccounts = !m_accounts->accounts().isEmpty();
    const bool live = m_controller->session() != nullptr;
    const bool showWorkspace = hasAccounts || live;
    m_root->setCurrentWidget(showWorkspace ? static_cast<QWidget *>(m_splitter) : m_welcome);
    for (QAction *action : std::as_const(m_paneActions))
        action->setEnabled(showWorkspace);
    updateActions();

    if (m_controller->state() == State::StartingSimulator)
        m_welcome->setBusy(tr("Starting the demo simulator…"));
    else if (m_controller->state() == State::Failed && m_controller->isDemo() && !live)
        m_welcome->setIdle(m_controller->statusText());
    else
        m_welcome->setIdle();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    const QByteArray geometry = settings.value(kGeometryKey).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = settings.value(kWindowStateKey).toByteArray();
    if (!state.isEmpty())
        restoreState(state);
    const QByteArray splitter = settings.value(kSplitterKey).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    const int pane = settings.value(kPaneKey, 0).toInt();
    setCurrentPane(static_cast<Pane>(qBound(0, pane, models::SourceListModel::PaneCount - 1)));
    restorePaneState();
}

void MainWindow::restorePaneState()
{
    QSettings settings;
    for (PaneWidget *paneWidget : std::as_const(m_panes)) {
        settings.beginGroup(paneStateGroup(paneWidget->pane()));
        for (QWidget *widget : restorableWidgets(paneWidget)) {
            const QVariant value = settings.value(widget->objectName());
            if (!value.isValid())
                continue;
            if (auto *splitter = qobject_cast<QSplitter *>(widget))
                splitter->restoreState(value.toByteArray());
            else if (auto *tabs = qobject_cast<QTabWidget *>(widget))
                tabs->setCurrentIndex(qBound(0, value.toInt(), tabs->count() - 1));
            else if (auto *view = qobject_cast<QAbstractItemView *>(widget)) {
                if (auto *tree = qobject_cast<QTreeView *>(view))
                    tree->header()->restoreState(value.toByteArray());
                else if (auto *table = qobject_cast<QTableView *>(view))
                    table->horizontalHeader()->restoreState(value.toByteArray());
            } else if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
                if (button->isCheckable() && button->isChecked() != value.toBool())
                    button->click(); // the switch does what a click does, so the view follows
            }
        }
        settings.endGroup();
    }
}

void MainWindow::savePaneState() const
{
    QSettings settings;
    for (PaneWidget *paneWidget : std::as_const(m_panes)) {
        settings.beginGroup(paneStateGroup(paneWidget->pane()));
        for (QWidget *widget : restorableWidgets(paneWidget)) {
            if (auto *splitter = qobject_cast<QSplitter *>(widget))
                settings.setValue(widget->objectName(), splitter->saveState());
            else if (auto *tabs = qobject_cast<QTabWidget *>(widget))
                settings.setValue(widget->objectName(), tabs->currentIndex());
            else if (auto *tree = qobject_cast<QTreeView *>(widget))
                settings.setValue(widget->objectName(), tree->header()->saveState());
            else if (auto *table = qobject_cast<QTableView *>(widget))
                settings.setValue(widget->objectName(), table->horizontalHeader()->saveState());
            else if (auto *button = qobject_cast<QAbstractButton *>(widget))
                settings.setValue(widget->objectName(), button->isChecked());
        }
        settings.endGroup();
    }
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kWindowStateKey, saveState());
    settings.setValue(kSplitterKey, m_splitter->saveState());
    settings.setValue(kPaneKey, int(currentPane()));
    savePaneState();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}

void MainWindow::connectUploads()
{
    m_notifier = new DesktopNotifier(statusBar(), this);
    auto *uploads = static_cast<UploadsPane *>(m_panes.at(Pane::Uploads));
    auto *testFlight = static_cast<TestFlightPane *>(m_panes.at(Pane::TestFlight));
    connect(uploads, &UploadsPane::activeUploadsChanged, this, [this](int count) {
        if (count > 0)
            m_paneModel->setBadge(Pane::Uploads, QString::number(count));
        else
            m_paneModel->clearBadge(Pane::Uploads);
    });
    connect(uploads, &UploadsPane::notificationRequested, m_notifier,
            [this](const QString &title, const QString &text) {
                m_notifier->notify(DesktopNotifier::Kind::Uploads, title, text);
            });
    connect(uploads, &UploadsPane::distributeRequested, this, [this, testFlight](const QString &buildId) {
        setCurrentPane(Pane::TestFlight);
        testFlight->reload();
        connect(
            testFlight, &TestFlightPane::loaded, this,
            [testFlight, buildId] { testFlight->selectBuild(buildId); }, Qt::SingleShotConnection);
    });

    // Verified webhook events drive the panes at once instead of waiting for their next poll.
    auto *webhooksPane = static_cast<WebhooksPane *>(m_panes.at(Pane::Webhooks));
    webhooks::EventBus *bus = webhooksPane->listener()->bus();
    bus->subscribe(asc::WebhookEventType::BUILD_UPLOAD_STATE_UPDATED, uploads,
                   [uploads, testFlight](const webhooks::Notification &event) {
                       uploads->notifyBuildUploadStateChanged(event.instanceId, event.newState());
                       if (event.newState() == QLatin1String("COMPLETE"))
                           testFlight->reload();
                   });
    bus->subscribe(asc::WebhookEventType::BUILD_BETA_DETAIL_EXTERNAL_BUILD_STATE_UPDATED, testFlight,
                   [this, testFlight](const webhooks::Notification &event) {
                       testFlight->reload();
                       const QString state = event.newState();
                       if (state == QLatin1String("BETA_APPROVED"))
                           m_notifier->notify(DesktopNotifier::Kind::Review, tr("Beta App Review"),
                                              tr("A build was approved for external testing."));
                       else if (state == QLatin1String("BETA_REJECTED"))
                           m_notifier->notify(
                               DesktopNotifier::Kind::Review, tr("Beta App Review"),
                               tr("A build was rejected in Beta App Review. The TestFlight pane "
                                  "shows which one."));
                   });

    // New tester feedback: just that item is fetched and inserted, and the desktop says so.
    auto *feedback = static_cast<FeedbackPane *>(m_panes.at(Pane::Feedback));
    connect(feedback, &FeedbackPane::notificationRequested, this,
            [this](const QString &title, const QString &text) {
                m_notifier->notify(DesktopNotifier::Kind::Feedback, title, text);
            });
    connect(feedback, &FeedbackPane::unreadCountChanged, this, [this](int unread) {
        if (unread > 0)
            m_paneModel->setBadge(Pane::Feedback, QString::number(unread));
        else
            m_paneModel->clearBadge(Pane::Feedback);
    });
    bus->subscribe(asc::WebhookEventType::BETA_FEEDBACK_SCREENSHOT_SUBMISSION_CREATED, feedback,
                   [feedback](const webhooks::Notification &event) {
                       feedback->handleFeedbackCreated(api::FeedbackKind::Screenshot, event.instanceId);
                   });
    bus->subscribe(asc::WebhookEventType::BETA_FEEDBACK_CRASH_SUBMISSION_CREATED, feedback,
                   [feedback](const webhooks::Notification &event) {
                       feedback->handleFeedbackCreated(api::FeedbackKind::Crash, event.instanceId);
                   });
}

} // namespace ascend::ui

#include "ui/mainwindow.h"

#include "core/api/apiclient.h"
#include "core/auth/accountstore.h"
#include "core/auth/secretstore.h"
#include "core/session/session.h"
#include "core/webhooks/eventbus.h"
#include "models/applistmodel.h"
#include "models/listenercontroller.h"
#include "ui/accountbutton.h"
#include "ui/accountdialog.h"
#include "ui/apppicker.h"
#include "ui/desktopnotifier.h"
#include "ui/feedbackpane.h"
#include "ui/messagebanner.h"
#include "ui/sessioncontroller.h"
#include "ui/sourcelistwidget.h"
#include "ui/statusindicator.h"
#include "ui/testflightpane.h"
#include "ui/theme.h"
#include "ui/uploadspane.h"
#include "ui/webhookeventswidget.h"
#include "ui/webhookspane.h"
#include "ui/welcomepage.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFrame>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
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
    QPalette palette = line->palette();
    palette.setColor(QPalette::WindowText, theme::separator());
    line->setPalette(palette);
    return line;
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
    QPalette panePalette = m_paneStack->palette();
    panePalette.setColor(QPalette::Window, Qt::white);
    m_paneStack->setPalette(panePalette);

    m_splitter->setObjectName(QStringLiteral("workspaceSplitter"));
    m_splitter->addWidget(m_sourceList);
    m_banner->hide();
    QPushButton *retry = m_banner->addAction(tr("Try Again"));
    connect(retry, &QPushButton::clicked, this, &MainWindow::retryConnection);
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

    connect(m_sourceList, &SourceListWidget::currentPaneChanged, this, [this](Pane pane) {
        m_paneStack->setCurrentIndex(pane);
        if (pane >= 0 && pane < m_paneActions.size())
            m_paneActions.at(pane)->setChecked(true);
    });
    connect(m_welcome, &WelcomePage::addAccountRequested, this, &MainWindow::addAccount);
    connect(m_welcome, &WelcomePage::demoRequested, this, &MainWindow::startDemo);

    connect(m_controller, &SessionController::stateChanged, this, [this] {
        updateConnectionStatus();
        updateWorkspaceVisibility();
        updateAppPicker();
    });
    connect(m_controller, &SessionController::sessionChanged, this, [this](session::Session *session) {
        for (PaneWidget *pane : std::as_const(m_panes))
            pane->setSession(session);
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
    m_addAccountAction =
        new QAction(theme::tintedIcon(QStringLiteral(":/icons/key.svg"), theme::textPrimary()),
                    tr("&Add an API Key…"), this);
    m_addAccountAction->setShortcut(QKeySequence::New);
    connect(m_addAccountAction, &QAction::triggered, this, &MainWindow::addAccount);

    m_editAccountAction = new QAction(tr("&Edit Account…"), this);
    connect(m_editAccountAction, &QAction::triggered, this, &MainWindow::editAccount);

    m_removeAccountAction = new QAction(tr("&Remove Account…"), this);
    connect(m_removeAccountAction, &QAction::triggered, this, &MainWindow::removeAccount);

    m_demoAction = new QAction(theme::tintedIcon(QStringLiteral(":/icons/play.svg"), theme::textPrimary()),
                               tr("Try the &Demo"), this);
    connect(m_demoAction, &QAction::triggered, this, &MainWindow::startDemo);

    m_reloadAction = new QAction(tr("&Reload Apps"), this);
    m_reloadAction->setShortcut(QKeySequence::Refresh);
    connect(m_reloadAction, &QAction::triggered, m_controller, &SessionController::reloadApps);
    addAction(m_reloadAction);

    auto *paneGroup = new QActionGroup(this);
    for (int pane = 0; pane < models::SourceListModel::PaneCount; ++pane) {
        const auto p = static_cast<Pane>(pane);
        auto *action =
            new QAction(theme::tintedIcon(models::SourceListModel::iconPath(p), theme::textPrimary()),
                        models::SourceListModel::title(p), this);
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(int(Qt::Key_1) + int(pane))));
        action->setShortcutContext(Qt::WindowShortcut);
        action->setData(pane);
        connect(action, &QAction::triggered, this, [this, p] { setCurrentPane(p); });
        paneGroup->addAction(action);
        addAction(action); // shortcuts work without a menu bar too
        m_paneActions << action;
    }
    m_paneActions.first()->setChecked(true);

    m_accountMenu = new QMenu(this);
    connect(m_accountMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildAccountMenu);
    m_sourceList->accountButton()->setMenu(m_accountMenu);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_addAccountAction);
    file->addAction(m_editAccountAction);
    file->addAction(m_removeAccountAction);
    file->addSeparator();
    file->addAction(m_demoAction);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QAction *action : std::as_const(m_paneActions))
        view->addAction(action);
    view->addSeparator();
    view->addAction(m_reloadAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Ascend"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
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

    bar->addWidget(m_connection, 1);
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
    QSettings().remove(appSettingsKey(name));
    m_accountName.clear();
    m_controller->disconnectSession();
    openDefaultAccount();
    updateWorkspaceVisibility();
}

void MainWindow::retryConnection()
{
    if (m_controller->isDemo())
        startDemo();
    else if (!m_accountName.isEmpty())
        openAccount(m_accountName);
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Ascend"),
        tr("<h3>Ascend %1</h3><p>A desktop workbench for App Store Connect: upload builds, set up "
           "webhooks, hand builds to TestFlight testers and read their feedback.</p>")
            .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
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

    if (state == State::Failed) {
        const QString title = m_controller->isDemo() && !m_controller->session()
                                  ? tr("The demo could not start")
                                  : tr("Could not connect to %1").arg(m_controller->serverDescription());
        m_banner->setMessage(title, m_controller->errorMessage());
        m_bannerEdit->setVisible(!currentAccountName().isEmpty());
    }
    m_banner->setVisible(state == State::Failed);
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

    const bool haveStoredAccount = !currentAccountName().isEmpty();
    m_editAccountAction->setEnabled(haveStoredAccount);
    m_removeAccountAction->setEnabled(haveStoredAccount);
    m_reloadAction->setEnabled(m_controller->session() != nullptr);
    m_demoAction->setEnabled(state != State::StartingSimulator);
    setWindowTitle(m_controller->isDemo()    ? tr("Ascend — Demo")
                   : m_accountName.isEmpty() ? tr("Ascend")
                                             : tr("Ascend — %1").arg(m_accountName));
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
    QPalette palette = m_rateLimit->palette();
    palette.setColor(QPalette::WindowText, low ? theme::critical() : theme::textSecondary());
    m_rateLimit->setPalette(palette);
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
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kWindowStateKey, saveState());
    settings.setValue(kSplitterKey, m_splitter->saveState());
    settings.setValue(kPaneKey, int(currentPane()));
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
    connect(uploads, &UploadsPane::notificationRequested, m_notifier, &DesktopNotifier::notify);
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
                   [testFlight](const webhooks::Notification &) { testFlight->reload(); });
}

} // namespace ascend::ui

#include "../../src/app/logcapture.h"
#include "core/auth/accountstore.h"
#include "core/auth/apikey.h"
#include "core/auth/filesecretstore.h"
#include "core/session/session.h"
#include "core/session/simulatorprocess.h"
#include "models/applistmodel.h"
#include "models/testflightbuildmodel.h"
#include "ui/aboutdialog.h"
#include "ui/accountbutton.h"
#include "ui/apppicker.h"
#include "ui/dropzonewidget.h"
#include "ui/emptystatewidget.h"
#include "ui/logbuffer.h"
#include "ui/logviewer.h"
#include "ui/mainwindow.h"
#include "ui/messagebanner.h"
#include "ui/panewidget.h"
#include "ui/sessioncontroller.h"
#include "ui/shortcutsdialog.h"
#include "ui/sourcelistwidget.h"
#include "ui/statusindicator.h"
#include "ui/testflightpane.h"
#include "ui/theme.h"
#include "ui/uploadspane.h"
#include "ui/webhookeventswidget.h"
#include "ui/webhookspane.h"
#include "ui/welcomepage.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListView>
#include <QLoggingCategory>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <memory>

using ascend::models::SourceListModel;

namespace {

// With ASCEND_SCREENSHOT_DIR set (scripts/take-screenshots.sh), states reached in a test are saved as images.
bool screenshotsWanted()
{
    return !qEnvironmentVariableIsEmpty("ASCEND_SCREENSHOT_DIR");
}

void saveScreenshot(QWidget *widget, const QString &fileName)
{
    if (!screenshotsWanted())
        return;
    const QString dir = qEnvironmentVariable("ASCEND_SCREENSHOT_DIR");
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(QDir(dir).filePath(fileName)));
}

// Screenshots a person looks at while reviewing: ASCEND_SCREENSHOT_DIR, or /tmp/ascend-shots.
void saveReviewShot(QWidget *widget, const QString &fileName)
{
    const QString dir = qEnvironmentVariable("ASCEND_SCREENSHOT_DIR", QStringLiteral("/tmp/ascend-shots"));
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(QDir(dir).filePath(fileName)));
}

} // namespace
using ascend::ui::MainWindow;
using ascend::ui::SessionController;
using ascend::ui::StatusIndicator;

class TestMainWindow : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ascend::auth::FileSecretStore> m_secrets;
    std::unique_ptr<ascend::auth::AccountStore> m_store;

    // An account whose server refuses connections at once (nothing listens on port 1).
    void storeUnreachableAccount(const QString &name)
    {
        QString error;
        const auto key = ascend::auth::ApiKey::generate(&error);
        QVERIFY2(key.isValid(), qPrintable(error));
        ascend::auth::Account account{name, QStringLiteral("57246542-96fe-1a63-e053-0824d011072a"),
                                      QStringLiteral("ABCDE12345"), false,
                                      QStringLiteral("http://127.0.0.1:1")};
        QVERIFY2(m_store->save(account, key.privateKeyPem(), &error), qPrintable(error));
    }

    static bool simulatorAvailable()
    {
        return !ascend::session::SimulatorProcess::locateExecutable().isEmpty();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("AscendTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        ascend::ui::theme::apply(*qApp);
    }

    void init()
    {
        QSettings().clear();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_secrets =
            std::make_unique<ascend::auth::FileSecretStore>(m_dir->filePath(QStringLiteral("secrets")));
        m_store = std::make_unique<ascend::auth::AccountStore>(m_secrets.get(),
                                                               m_dir->filePath(QStringLiteral("config")));
    }

    void cleanup()
    {
        m_store.reset();
        m_secrets.reset();
        m_dir.reset();
    }

    void welcomePageWithoutAccounts()
    {
        MainWindow window(m_store.get(), m_secrets.get());
        window.openDefaultAccount();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.isShowingWelcome());
        QCOMPARE(window.welcomePage()->addAccountButton()->text(), QStringLiteral("Add an API key…"));
        QCOMPARE(window.welcomePage()->demoButton()->text(), QStringLiteral("Try the demo"));
        QVERIFY(window.welcomePage()->addAccountButton()->isEnabled());
        QCOMPARE(window.controller()->state(), SessionController::State::Disconnected);
        QCOMPARE(window.connectionIndicator()->text(), QStringLiteral("Not connected"));
        QVERIFY(window.rateLimitLabel()->isHidden()); // nothing measured yet
        QCOMPARE(window.listenerIndicator()->text(), QStringLiteral("Webhook listener off"));
    }

    void demoThatCannotStartStaysOnTheWelcomePage()
    {
        MainWindow window(m_store.get(), m_secrets.get());
        window.controller()->setSimulatorExecutable(m_dir->filePath(QStringLiteral("no-such-ascend-sim")));
        window.openDefaultAccount();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::mouseClick(window.welcomePage()->demoButton(), Qt::LeftButton);
        QTRY_COMPARE(window.controller()->state(), SessionController::State::Failed);
        QVERIFY(window.isShowingWelcome());
        const QString note = window.welcomePage()->emptyState()->note();
        QVERIFY2(note.startsWith(QStringLiteral("The demo could not start: ")), qPrintable(note));
        QVERIFY(note.size() > QStringLiteral("The demo could not start: ").size());
        QVERIFY(window.welcomePage()->demoButton()->isEnabled()); // the user can try again
        QCOMPARE(window.connectionIndicator()->tone(), StatusIndicator::Tone::Bad);
    }

    void paneSwitchingByKeyboardAndMouse()
    {
        storeUnreachableAccount(QStringLiteral("Acme"));
        MainWindow window(m_store.get(), m_secrets.get());
        window.openDefaultAccount();
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(!window.isShowingWelcome());
        QCOMPARE(window.sourceList()->accountButton()->accountName(), QStringLiteral("Acme"));

        auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("paneStack"));
        QVERIFY(stack);
        QListView *list = window.sourceList()->paneList();
        for (int pane = SourceListModel::PaneCount - 1; pane >= 0; --pane) {
            QTest::keyClick(&window, Qt::Key(Qt::Key_1 + pane), Qt::ControlModifier);
            QCOMPARE(int(window.currentPane()), pane);
            QCOMPARE(stack->currentWidget(), window.pane(static_cast<SourceListModel::Pane>(pane)));
            QCOMPARE(list->currentIndex().row(), pane);
            QCOMPARE(window.pane(static_cast<SourceListModel::Pane>(pane))->headerTitle(),
                     SourceListModel::title(static_cast<SourceListModel::Pane>(pane)));
        }

        const QModelIndex feedback = window.paneModel()->indexOf(SourceListModel::Feedback);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(feedback).center());
        QCOMPARE(window.currentPane(), SourceListModel::Feedback);
        QCOMPARE(stack->currentWidget(), window.pane(SourceListModel::Feedback));
    }

    void emptyStatesSayWhatIsAvailable()
    {
        storeUnreachableAccount(QStringLiteral("Acme"));
        MainWindow window(m_store.get(), m_secrets.get());
        window.openDefaultAccount();
        for (int pane = 0; pane < SourceListModel::PaneCount; ++pane) {
            auto *widget = window.pane(static_cast<SourceListModel::Pane>(pane));
            auto *empty = widget->findChild<ascend::ui::EmptyStateWidget *>();
            QVERIFY(empty);
            QVERIFY(!empty->title().isEmpty());
            QVERIFY(empty->text().size() > 40);
        }
        // Without a connection the Feedback pane says what it needs.
        auto *feedback = window.pane(SourceListModel::Feedback)->findChild<ascend::ui::EmptyStateWidget *>();
        QVERIFY2(feedback->note().startsWith(QStringLiteral("Connect to an App Store Connect account")) ||
                     feedback->note().startsWith(QStringLiteral("Choose an app")),
                 qPrintable(feedback->note()));
        // Uploads works: its drop zone takes build files.
        auto *uploads = qobject_cast<ascend::ui::UploadsPane *>(window.pane(SourceListModel::Uploads));
        QVERIFY(uploads);
        QCOMPARE(uploads->dropZone()->title(), QStringLiteral("Drop an .ipa or .pkg here"));
        QVERIFY(uploads->dropZone()->acceptsFiles());
    }

    void unreachableServerShowsTheError()
    {
        storeUnreachableAccount(QStringLiteral("Offline"));
        MainWindow window(m_store.get(), m_secrets.get());
        window.openDefaultAccount();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.isShowingWelcome());
        QTRY_COMPARE_WITH_TIMEOUT(window.controller()->state(), SessionController::State::Failed, 60000);
        saveScreenshot(&window, QStringLiteral("connection-failed.png"));
        // The banner over the panes says what failed and offers a way out.
        QVERIFY(window.connectionBanner()->isVisible());
        QCOMPARE(window.connectionBanner()->title(),
                 QStringLiteral("Could not connect to http://127.0.0.1:1"));
        QCOMPARE(window.connectionBanner()->detail(), window.controller()->errorMessage());
        QVERIFY(!window.connectionBanner()->detail().isEmpty());
        QCOMPARE(window.connectionIndicator()->tone(), StatusIndicator::Tone::Bad);
        QVERIFY2(window.connectionIndicator()->text().startsWith(QStringLiteral("Could not connect to "
                                                                                "http://127.0.0.1:1")),
                 qPrintable(window.connectionIndicator()->text()));
        QVERIFY(window.connectionIndicator()->text().contains(QStringLiteral("127.0.0.1")));
        QCOMPARE(window.sourceList()->appPicker()->currentIndex(), -1);
        QVERIFY(window.sourceList()->appPicker()->statusIsError());
        QVERIFY(!window.sourceList()->appPicker()->isEnabled());
    }

    void demoModeConnectsToTheSimulator()
    {
        if (!simulatorAvailable())
            QSKIP("ascend-sim is not built");
        MainWindow window(m_store.get(), m_secrets.get());
        window.openDefaultAccount();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.isShowingWelcome());
        QTest::mouseClick(window.welcomePage()->demoButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window.controller()->state(), SessionController::State::Connected, 30000);

        QVERIFY(!window.isShowingWelcome());
        QVERIFY(!window.connectionBanner()->isVisible());
        QVERIFY(window.controller()->isDemo());
        QCOMPARE(window.connectionIndicator()->pill(), QStringLiteral("Demo"));
        QCOMPARE(window.connectionIndicator()->tone(), StatusIndicator::Tone::Good);
        QVERIFY2(QRegularExpression(
                     QStringLiteral("^Connected to the demo simulator at http://127\\.0\\.0\\.1:\\d+$"))
                     .match(window.connectionIndicator()->text())
                     .hasMatch(),
                 qPrintable(window.connectionIndicator()->text()));
        QCOMPARE(window.sourceList()->accountButton()->accountName(), QStringLiteral("Demo simulator"));

        // The apps came from GET /v1/apps of the simulator, and the first one is selected.
        auto *apps = window.controller()->apps();
        QVERIFY(apps->rowCount() > 0);
        auto *picker = window.sourceList()->appPicker();
        QVERIFY(picker->isEnabled());
        QCOMPARE(picker->currentIndex(), 0);
        const auto first = apps->app(0);
        QVERIFY(!first.bundleId.isEmpty());
        auto *uploads = window.pane(SourceListModel::Uploads);
        QVERIFY(uploads->headerSubtitle().contains(first.bundleId));
        auto *testflight =
            qobject_cast<ascend::ui::TestFlightPane *>(window.pane(SourceListModel::TestFlight));
        QVERIFY(testflight);
        QTRY_VERIFY_WITH_TIMEOUT(testflight->isShowingContent() && testflight->buildModel()->buildCount() > 0,
                                 20000);
        if (apps->rowCount() > 1) {
            picker->setCurrentIndex(1);
            QVERIFY(uploads->headerSubtitle().contains(apps->app(1).bundleId));
            QVERIFY(window.pane(SourceListModel::Feedback)->headerSubtitle().contains(apps->app(1).bundleId));
        }

        // The budget from X-Rate-Limit.
        QTRY_VERIFY(window.controller()->rateLimit().valid);
        QVERIFY(window.rateLimitLabel()->isVisibleTo(&window));
        QVERIFY2(QRegularExpression(QStringLiteral("^[\\d,]+ of [\\d,]+ requests left this hour$"))
                     .match(window.rateLimitLabel()->text())
                     .hasMatch(),
                 qPrintable(window.rateLimitLabel()->text()));
        QVERIFY(window.pane(SourceListModel::Uploads)->session() == window.controller()->session());

        if (screenshotsWanted()) {
            picker->showPopup();
            QTRY_VERIFY(picker->view()->isVisible());
            saveScreenshot(picker->view()->window(), QStringLiteral("app-picker.png"));
            picker->hidePopup();
            QMenu *menu = window.sourceList()->accountButton()->menu();
            menu->popup(window.sourceList()->accountButton()->mapToGlobal(QPoint(0, 0)));
            QTRY_VERIFY(menu->isVisible());
            saveScreenshot(menu, QStringLiteral("account-menu.png"));
            menu->hide();
        }
    }

    void keyboardShortcutsForEveryAction()
    {
        storeUnreachableAccount(QStringLiteral("Acme"));
        MainWindow window(m_store.get(), m_secrets.get());
        window.openDefaultAccount();
        QCOMPARE(window.addBuildAction()->shortcut(), QKeySequence(QKeySequence::Open));
        QCOMPARE(window.refreshAction()->shortcut(), QKeySequence(Qt::Key_F5));
        QCOMPARE(window.findAction()->shortcut(), QKeySequence(QKeySequence::Find));
        QVERIFY(window.settingsAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)));
        // Ctrl+1…4 follow the order of the source list.
        const QList<QAction *> panes = window.paneActions();
        QCOMPARE(panes.size(), int(SourceListModel::PaneCount));
        for (int pane = 0; pane < panes.size(); ++pane) {
            QCOMPARE(panes.at(pane)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + pane)));
            QCOMPARE(window.paneModel()->index(pane, 0).data(Qt::DisplayRole).toString(),
                     panes.at(pane)->text().mid(1));
        }
        // No build can be added before the connection works.
        QVERIFY(!window.addBuildAction()->isEnabled());
        // No two actions share a shortcut.
        QHash<QKeySequence, QString> seen;
        for (QAction *action : window.actions()) {
            for (const QKeySequence &key : action->shortcuts()) {
                QVERIFY2(!seen.contains(key),
                         qPrintable(key.toString() + QStringLiteral(": ") + seen.value(key) +
                                    QStringLiteral(" and ") + action->text()));
                seen.insert(key, action->text());
            }
        }
        // The shortcut list is read from the actions.
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTimer::singleShot(0, &window, [&window] {
            auto *dialog = window.findChild<ascend::ui::ShortcutsDialog *>();
            QVERIFY(dialog);
            QCOMPARE(dialog->shortcutFor(QStringLiteral("Refresh")), QStringLiteral("F5"));
            QCOMPARE(dialog->shortcutFor(QStringLiteral("Add Build")),
                     QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText));
            QCOMPARE(dialog->shortcutFor(QStringLiteral("Uploads")), QStringLiteral("Ctrl+1"));
            saveReviewShot(dialog, QStringLiteral("shortcuts.png"));
            dialog->reject();
        });
        window.shortcutsAction()->trigger();
    }

    void emptyPanesOfferAWayToStart()
    {
        // An account whose private key is gone: nothing can connect, no session exists.
        storeUnreachableAccount(QStringLiteral("Keyless"));
        QString error;
        QVERIFY(
            m_secrets->remove(ascend::auth::AccountStore::secretKeyFor(QStringLiteral("Keyless")), &error));
        MainWindow window(m_store.get(), m_secrets.get());
        window.openDefaultAccount();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.controller()->state(), SessionController::State::Failed);
        QVERIFY(!window.controller()->session());
        for (const auto pane :
             {SourceListModel::Uploads, SourceListModel::Webhooks, SourceListModel::TestFlight}) {
            window.setCurrentPane(pane);
            QStringList shown;
            for (QPushButton *button : window.pane(pane)->findChildren<QPushButton *>()) {
                if (!button->property("ascendStart").isNull() && button->isVisible())
                    shown << button->text();
            }
            QCOMPARE(shown, QStringList({QStringLiteral("Add an API key…"), QStringLiteral("Try the demo")}));
        }
    }

    void windowAndPaneStateSurviveARestart()
    {
        storeUnreachableAccount(QStringLiteral("Acme"));
        QList<int> workspaceSizes;
        QList<int> buildSplit;
        QSize savedSize;
        {
            MainWindow window(m_store.get(), m_secrets.get());
            window.openDefaultAccount();
            window.resize(760, 560);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            savedSize = window.size();
            auto *workspace = window.findChild<QSplitter *>(QStringLiteral("workspaceSplitter"));
            QVERIFY(workspace);
            workspace->setSizes({300, 800});
            workspaceSizes = workspace->sizes();
            auto *webhooks = qobject_cast<ascend::ui::WebhooksPane *>(window.pane(SourceListModel::Webhooks));
            webhooks->tabs()->setCurrentIndex(ascend::ui::WebhooksPane::EventsTab);
            auto *split = window.pane(SourceListModel::TestFlight)
                              ->findChild<QSplitter *>(QStringLiteral("testflightBuildSplitter"));
            QVERIFY(split);
            window.setCurrentPane(SourceListModel::TestFlight);
            QCoreApplication::processEvents();
            split->setSizes({200, 300});
            buildSplit = split->sizes();
            window.setCurrentPane(SourceListModel::Webhooks);
            window.close();
        }
        QVERIFY(QSettings().contains(QStringLiteral("panes/Webhooks/webhookTabs")));
        MainWindow window(m_store.get(), m_secrets.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.size(), savedSize);
        QCOMPARE(window.currentPane(), SourceListModel::Webhooks);
        QCOMPARE(window.findChild<QSplitter *>(QStringLiteral("workspaceSplitter"))->sizes(), workspaceSizes);
        auto *webhooks = qobject_cast<ascend::ui::WebhooksPane *>(window.pane(SourceListModel::Webhooks));
        QCOMPARE(webhooks->tabs()->currentIndex(), int(ascend::ui::WebhooksPane::EventsTab));
        QCOMPARE(window.pane(SourceListModel::TestFlight)
                     ->findChild<QSplitter *>(QStringLiteral("testflightBuildSplitter"))
                     ->saveState(),
                 QSettings().value(QStringLiteral("panes/TestFlight/testflightBuildSplitter")).toByteArray());
        Q_UNUSED(buildSplit);
    }

    void demoStartCanBeCancelled()
    {
        if (!simulatorAvailable())
            QSKIP("ascend-sim is not built");
        MainWindow window(m_store.get(), m_secrets.get());
        window.openDefaultAccount();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.welcomePage()->cancelButton()->isHidden());
        QTest::mouseClick(window.welcomePage()->demoButton(), Qt::LeftButton);
        QCOMPARE(window.controller()->state(), SessionController::State::StartingSimulator);
        QVERIFY(window.welcomePage()->cancelButton()->isVisible());
        QVERIFY(!window.welcomePage()->demoButton()->isEnabled());
        QVERIFY(window.cancelConnectingButton()->isVisibleTo(&window));
        QTest::mouseClick(window.welcomePage()->cancelButton(), Qt::LeftButton);
        QCOMPARE(window.controller()->state(), SessionController::State::Disconnected);
        QVERIFY(!window.controller()->isDemo());
        QVERIFY(window.isShowingWelcome());
        QVERIFY(window.welcomePage()->cancelButton()->isHidden());
        QVERIFY(window.welcomePage()->demoButton()->isEnabled());
        QVERIFY(!window.cancelConnectingButton()->isVisibleTo(&window));
        // Nothing arrives late from the cancelled start.
        QTest::qWait(1500);
        QCOMPARE(window.controller()->state(), SessionController::State::Disconnected);
    }

    void refreshAndFindFollowTheCurrentPane()
    {
        if (!simulatorAvailable())
            QSKIP("ascend-sim is not built");
        MainWindow window(m_store.get(), m_secrets.get());
        window.openDefaultAccount();
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        // Record what happens, as the application does, with the detailed messages too.
        ascend::app::installLogCapture();
        QLoggingCategory::setFilterRules(QStringLiteral("ascend.*.debug=true"));
        auto restoreLogging = qScopeGuard([] {
            QLoggingCategory::setFilterRules(QString());
            ascend::app::uninstallLogCapture();
        });
        window.startDemo();
        QTRY_COMPARE_WITH_TIMEOUT(window.controller()->state(), SessionController::State::Connected, 30000);
        QVERIFY(window.addBuildAction()->isEnabled());

        auto *testflight =
            qobject_cast<ascend::ui::TestFlightPane *>(window.pane(SourceListModel::TestFlight));
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.currentPane(), SourceListModel::TestFlight);
        QTRY_VERIFY_WITH_TIMEOUT(testflight->isShowingContent() && !testflight->isLoading(), 20000);
        QSignalSpy loaded(testflight, &ascend::ui::TestFlightPane::loaded);
        QTest::keyClick(&window, Qt::Key_F5);
        QVERIFY(testflight->isLoading());
        QVERIFY(testflight->cancelLoadButton()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 20000);
        QVERIFY(!testflight->cancelLoadButton()->isVisible());
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), testflight->buildView());

        // Loading can be cancelled, and F5 loads again.
        QTest::keyClick(&window, Qt::Key_F5);
        QVERIFY(testflight->isLoading());
        QTest::mouseClick(testflight->cancelLoadButton(), Qt::LeftButton);
        QVERIFY(!testflight->isLoading());
        QVERIFY(testflight->messageText().contains(QStringLiteral("cancelled")));
        QTest::qWait(300);
        QCOMPARE(loaded.size(), 1); // the cancelled load never finishes
        QTest::keyClick(&window, Qt::Key_F5);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 20000);
        QVERIFY(testflight->buildModel()->buildCount() > 0);

        auto *webhooks = qobject_cast<ascend::ui::WebhooksPane *>(window.pane(SourceListModel::Webhooks));
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QTRY_VERIFY(webhooks->tabs()->isVisible());
        webhooks->tabs()->setCurrentIndex(ascend::ui::WebhooksPane::EventsTab);
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), webhooks->events()->typeFilter());

        // Dark colours reach every pane (looked at in review; the palette itself is tested elsewhere).
        ascend::ui::theme::setMode(ascend::ui::theme::Mode::Dark);
        QCoreApplication::processEvents();
        saveReviewShot(&window, QStringLiteral("webhooks-dark.png"));
        window.setCurrentPane(SourceListModel::TestFlight);
        QCoreApplication::processEvents();
        saveReviewShot(&window, QStringLiteral("testflight-dark.png"));
        window.setCurrentPane(SourceListModel::Uploads);
        QCoreApplication::processEvents();
        saveReviewShot(&window, QStringLiteral("uploads-dark.png"));
        ascend::ui::theme::setMode(ascend::ui::theme::Mode::Light);
        window.setCurrentPane(SourceListModel::Webhooks);

        // The log holds what happened, without the demo key's tokens.
        window.showLogAction()->trigger();
        ascend::ui::LogViewer *log = window.logViewer();
        QVERIFY(log);
        QVERIFY(log->isVisible());
        for (const QString &line : log->visibleLines())
            QVERIFY2(!line.contains(QStringLiteral("eyJ")), qPrintable(line));
        saveReviewShot(log, QStringLiteral("log-viewer.png"));
        log->close();
    }

    void aboutSaysWhatRuns()
    {
        QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
        ascend::ui::AboutDialog about(m_secrets->backendDescription());
        about.show();
        QVERIFY(QTest::qWaitForWindowExposed(&about));
        const QString info = about.versionInfo();
        QVERIFY(info.startsWith(QStringLiteral("Ascend 0.1.0\nQt ")));
        QVERIFY(info.contains(QString::fromLatin1(qVersion())));
        auto *licence = about.findChild<QLabel *>(QStringLiteral("aboutLicence"));
        QVERIFY(licence && licence->text().contains(QStringLiteral("LGPL-3.0")));
        saveReviewShot(&about, QStringLiteral("about.png"));
    }

    void settingsKeepTheWindowButNoSecrets()
    {
        storeUnreachableAccount(QStringLiteral("Acme"));
        QString error;
        const QByteArray pem = m_store->privateKeyPem(QStringLiteral("Acme"), &error).value_or(QByteArray());
        QVERIFY(!pem.isEmpty());
        {
            MainWindow window(m_store.get(), m_secrets.get());
            window.openDefaultAccount();
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.setCurrentPane(SourceListModel::TestFlight);
            window.close();
        }
        {
            MainWindow window(m_store.get(), m_secrets.get());
            QCOMPARE(window.currentPane(), SourceListModel::TestFlight);
        }
        QSettings settings;
        QVERIFY(!settings.allKeys().isEmpty());
        QCOMPARE(settings.value(QStringLiteral("accounts/last")).toString(), QStringLiteral("Acme"));
        const QByteArray keyBody = pem.split('\n').value(1); // a line of the key's base64
        QVERIFY(!keyBody.isEmpty());
        for (const QString &key : settings.allKeys()) {
            const QByteArray value = settings.value(key).toByteArray();
            QVERIFY2(!value.contains("PRIVATE KEY") && !value.contains(keyBody), qPrintable(key));
        }
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

// The Webhooks pane: the form's validation on its own, then the whole flow against the real simulator
// through the main window: create a webhook in the form, run the listener, point a webhook at it, send a
// test and see the verified ping in the timeline and its delivery in the Deliveries tab.

#include "core/auth/accountstore.h"
#include "core/auth/filesecretstore.h"
#include "core/session/simulatorprocess.h"
#include "models/deliverylistmodel.h"
#include "models/eventlogmodel.h"
#include "models/listenercontroller.h"
#include "models/webhookscontroller.h"
#include "ui/mainwindow.h"
#include "ui/messagebanner.h"
#include "ui/sessioncontroller.h"
#include "ui/statusindicator.h"
#include "ui/theme.h"
#include "ui/webhookdeliverieswidget.h"
#include "ui/webhookeventswidget.h"
#include "ui/webhookformwidget.h"
#include "ui/webhookspane.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <memory>

using ascend::asc::WebhookEventType;
using ascend::models::SourceListModel;
using ascend::ui::WebhookFormWidget;
using ascend::ui::WebhooksPane;

namespace {

// With ASCEND_SCREENSHOT_DIR set (scripts/take-screenshots.sh), states reached in a test are saved as images.
void saveScreenshot(QWidget *widget, const QString &fileName)
{
    if (qEnvironmentVariableIsEmpty("ASCEND_SCREENSHOT_DIR"))
        return;
    const QString dir = qEnvironmentVariable("ASCEND_SCREENSHOT_DIR");
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(QDir(dir).filePath(fileName)));
}

const QString kNoEventType = QStringLiteral("Choose at least one event type.");
const QString kBadUrl = QStringLiteral("The URL must be a complete http:// or https:// address.");

// Clicks the destructive button of the confirmation that is about to open.
void confirmNextMessageBox()
{
    QTimer::singleShot(0, [] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                button->click();
        }
    });
}

} // namespace

class TestWebhooksPane : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ascend::auth::FileSecretStore> m_secrets;
    std::unique_ptr<ascend::auth::AccountStore> m_store;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("AscendTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_webhookspane"));
        ascend::ui::theme::apply(*qApp);
    }

    void init()
    {
        QSettings().clear();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        qputenv("ASCEND_CONFIG_DIR", m_dir->filePath(QStringLiteral("config")).toUtf8());
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

    void formValidatesBeforeAnyRequest()
    {
        WebhookFormWidget form;
        form.setSimulatorAccount(false);
        form.startNew();
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        QSignalSpy saves(&form, &WebhookFormWidget::saveRequested);

        // All 12 event types are offered, with their exact names.
        for (const auto &info : ascend::webhooks::eventTypes()) {
            QCheckBox *box = form.eventBox(info.type);
            QVERIFY2(box, qPrintable(info.name));
            QCOMPARE(box->text(), info.name);
            QVERIFY(!box->accessibleDescription().isEmpty());
        }
        // A new webhook starts with a generated secret (32 bytes, base64url), hidden until asked.
        QCOMPARE(form.secretEdit()->text().size(), 43);
        QVERIFY(!form.secretEdit()->text().contains(QLatin1Char('=')));
        QCOMPARE(form.secretEdit()->echoMode(), QLineEdit::Password);
        QTest::mouseClick(form.showSecretButton(), Qt::LeftButton);
        QCOMPARE(form.secretEdit()->echoMode(), QLineEdit::Normal);
        const QString first = form.secretEdit()->text();
        QTest::mouseClick(form.generateButton(), Qt::LeftButton);
        QVERIFY(form.secretEdit()->text() != first);

        // No event type: an error, and no request.
        QTest::keyClicks(form.nameEdit(), QStringLiteral("Builds"));
        QTest::keyClicks(form.urlEdit(), QStringLiteral("https://hooks.example.com/asc"));
        QTest::mouseClick(form.saveButton(), Qt::LeftButton);
        QCOMPARE(saves.count(), 0);
        QCOMPARE(form.shownErrors(), QStringList{kNoEventType});

        // A bad URL: an error too.
        form.eventBox(WebhookEventType::BUILD_UPLOAD_STATE_UPDATED)->setChecked(true);
        form.urlEdit()->setText(QStringLiteral("hooks example"));
        QTest::mouseClick(form.saveButton(), Qt::LeftButton);
        QCOMPARE(saves.count(), 0);
        QCOMPARE(form.shownErrors(), QStringList{kBadUrl});

        // Plain http: a warning for a real account, and saving is still allowed.
        form.urlEdit()->setText(QStringLiteral("http://hooks.example.com/asc"));
        QVERIFY(form.shownErrors().isEmpty());
        QCOMPARE(form.shownWarnings().size(), 1);
        QVERIFY(form.shownWarnings().first().contains(QStringLiteral("HTTPS")));
        QTest::mouseClick(form.saveButton(), Qt::LeftButton);
        QCOMPARE(saves.count(), 1);
        const auto fields = saves.first().first().value<ascend::api::WebhookFields>();
        QCOMPARE(saves.first().at(1).toBool(), true);
        QCOMPARE(fields.name.value_or(QString()), QStringLiteral("Builds"));
        QVERIFY(fields.eventTypes.value_or(QList<WebhookEventType>{}) ==
                QList<WebhookEventType>{WebhookEventType::BUILD_UPLOAD_STATE_UPDATED});
        QCOMPARE(fields.secret.value_or(QByteArray()).size(), 43);

        // For the simulator, http is expected and not warned about.
        form.setSimulatorAccount(true);
        QVERIFY(form.validate().warnings.isEmpty());
        QVERIFY(form.shownWarnings().isEmpty());

        // Editing: the secret is never shown again, and saving without one keeps the current secret.
        ascend::api::Webhook webhook;
        webhook.id = QStringLiteral("wh-1");
        webhook.name = QStringLiteral("Existing");
        webhook.url = QStringLiteral("https://hooks.example.com/existing");
        webhook.enabled = false;
        webhook.eventTypes = {WebhookEventType::BETA_FEEDBACK_CRASH_SUBMISSION_CREATED};
        form.showWebhook(webhook);
        QVERIFY(!form.isCreating());
        QVERIFY(form.secretEdit()->text().isEmpty());
        QVERIFY(!form.enabledBox()->isChecked());
        QVERIFY(form.eventBox(WebhookEventType::BETA_FEEDBACK_CRASH_SUBMISSION_CREATED)->isChecked());
        QVERIFY(!form.eventBox(WebhookEventType::BUILD_UPLOAD_STATE_UPDATED)->isChecked());
        QVERIFY(form.deleteButton()->isVisible());
        QVERIFY(form.testButton()->isVisible());
        QTest::mouseClick(form.saveButton(), Qt::LeftButton);
        QCOMPARE(saves.count(), 2);
        QVERIFY(!saves.last().first().value<ascend::api::WebhookFields>().secret.has_value());
        QCOMPARE(saves.last().at(1).toBool(), false);

        // Busy: nothing can be pressed twice.
        form.setBusy(true);
        QVERIFY(!form.saveButton()->isEnabled());
        QVERIFY(!form.testButton()->isEnabled());
        QVERIFY(!form.deleteButton()->isEnabled());
    }

    void webhooksEndToEndAgainstTheSimulator()
    {
        if (ascend::session::SimulatorProcess::locateExecutable().isEmpty())
            QSKIP("ascend-sim is not built");
        ascend::ui::MainWindow window(m_store.get(), m_secrets.get());
        window.resize(1280, 800);
        window.setCurrentPane(SourceListModel::Webhooks);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.startDemo();
        QTRY_COMPARE_WITH_TIMEOUT(window.controller()->state(),
                                  ascend::ui::SessionController::State::Connected, 30000);
        auto *pane = qobject_cast<WebhooksPane *>(window.pane(SourceListModel::Webhooks));
        QVERIFY(pane);
        QTRY_VERIFY(pane->controller() && !pane->controller()->appId().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!pane->controller()->isBusy(), 10000);
        QVERIFY(!pane->errorBanner()->isVisible());
        QVERIFY(pane->demoPointButton()->isVisible());
        const int initialCount = pane->controller()->webhooks()->rowCount();

        // Create a webhook through the form.
        QTest::mouseClick(pane->newButton(), Qt::LeftButton);
        WebhookFormWidget *form = pane->form();
        QVERIFY(form->isCreating());
        QTest::keyClicks(form->nameEdit(), QStringLiteral("CI builds"));
        QTest::keyClicks(form->urlEdit(), QStringLiteral("https://ci.example.com/asc"));
        form->eventBox(WebhookEventType::BUILD_UPLOAD_STATE_UPDATED)->setChecked(true);
        QTest::mouseClick(form->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!form->isCreating(), 10000);
        QVERIFY2(!pane->errorBanner()->isVisible(), qPrintable(pane->errorBanner()->title()));
        QCOMPARE(pane->controller()->webhooks()->rowCount(), initialCount + 1);
        QCOMPARE(form->nameEdit()->text(), QStringLiteral("CI builds"));
        QCOMPARE(pane->selectedWebhookId(), form->webhookId());
        QVERIFY(form->secretEdit()->text().isEmpty()); // never shown again
        QVERIFY(form->notice().contains(QStringLiteral("created")));

        // Start the listener on any free port.
        auto *events = pane->events();
        pane->tabs()->setCurrentIndex(WebhooksPane::EventsTab);
        events->portSpin()->setValue(0);
        QTest::mouseClick(events->startStopButton(), Qt::LeftButton);
        QTRY_VERIFY(pane->listener()->isListening());
        const QString url = pane->listener()->localUrl();
        QVERIFY2(url.startsWith(QStringLiteral("http://127.0.0.1:")) &&
                     url.endsWith(QStringLiteral("/webhooks/asc")),
                 qPrintable(url));
        QCOMPARE(events->urlLabel()->text(), url);
        QCOMPARE(window.listenerIndicator()->text(), QStringLiteral("Listening at ") + url);
        QCOMPARE(window.listenerIndicator()->tone(), ascend::ui::StatusIndicator::Tone::Good);
        QCOMPARE(window.paneModel()->badge(SourceListModel::Webhooks), QStringLiteral("On"));

        // Point a webhook at it (demo helper), then Send Test: the ping arrives verified.
        QTest::mouseClick(events->pointButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!form->isCreating() && form->urlEdit()->text() == url, 10000);
        QVERIFY2(!pane->errorBanner()->isVisible(), qPrintable(pane->errorBanner()->title()));
        QCOMPARE(pane->tabs()->currentIndex(), int(WebhooksPane::SettingsTab));
        const QString listenerWebhook = form->webhookId();
        for (const auto &info : ascend::webhooks::eventTypes())
            QVERIFY(form->eventBox(info.type)->isChecked());
        QTRY_VERIFY(!pane->controller()->isBusy());
        QTest::mouseClick(form->testButton(), Qt::LeftButton);
        auto *log = pane->listener()->events();
        QTRY_VERIFY_WITH_TIMEOUT(log->rowCount() >= 1, 15000);
        const QModelIndex first = log->index(0, ascend::models::EventLogModel::Signature);
        QCOMPARE(first.data().toString(), QStringLiteral("Verified"));
        QCOMPARE(log->index(0, 0).data(ascend::models::EventLogModel::EventTypeRole).toString(),
                 QStringLiteral("ping"));
        QTRY_COMPARE(events->counterLabel(QStringLiteral("verified"))->text(), QStringLiteral("1"));
        QCOMPARE(events->counterLabel(QStringLiteral("rejected"))->text(), QStringLiteral("0"));
        QVERIFY(form->notice().contains(QStringLiteral("Live Events")));

        // It arrived while Settings was shown: the tab says so until it is looked at.
        QCOMPARE(pane->tabs()->tabText(WebhooksPane::EventsTab), QStringLiteral("Live Events (1 new)"));
        // The timeline: detail with pretty JSON and headers, and the type filter.
        pane->tabs()->setCurrentIndex(WebhooksPane::EventsTab);
        QCOMPARE(pane->tabs()->tabText(WebhooksPane::EventsTab), QStringLiteral("Live Events"));
        QTRY_VERIFY(events->table()->currentIndex().isValid());
        QVERIFY(events->jsonView()->toPlainText().contains(QStringLiteral("\"data\": {")));
        QVERIFY(events->headersView()->toPlainText().contains(QStringLiteral("hmacsha256="),
                                                              Qt::CaseInsensitive));
        events->typeFilter()->setCurrentIndex(
            events->typeFilter()->findData(QStringLiteral("BUILD_UPLOAD_STATE_UPDATED")));
        QCOMPARE(events->visibleEventCount(), 0);
        events->typeFilter()->setCurrentIndex(events->typeFilter()->findData(QStringLiteral("ping")));
        QCOMPARE(events->visibleEventCount(), log->rowCount());

        // The Deliveries tab lists the delivery of that ping, with its payload and the listener's answer.
        pane->tabs()->setCurrentIndex(WebhooksPane::DeliveriesTab);
        auto *deliveries = pane->controller()->deliveries();
        QTRY_VERIFY_WITH_TIMEOUT(deliveries->rowCount() >= 1, 10000);
        QCOMPARE(pane->deliveries()->webhookId(), listenerWebhook);
        const auto delivery = deliveries->delivery(0);
        QVERIFY(delivery.deliveryState == ascend::asc::WebhookDeliveryState::SUCCEEDED);
        QCOMPARE(delivery.httpStatusCode.value_or(0), 200);
        QTRY_VERIFY(!pane->deliveries()->payloadView()->toPlainText().isEmpty());
        QVERIFY(pane->deliveries()->responseView()->toPlainText().contains(QStringLiteral("200")));
        saveScreenshot(&window, QStringLiteral("webhooks-deliveries.png"));

        // Redeliver: a second delivery; the listener counts the same event as a duplicate.
        QTRY_VERIFY(pane->deliveries()->redeliverButton()->isEnabled());
        QTest::mouseClick(pane->deliveries()->redeliverButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(deliveries->rowCount() >= 2, 10000);
        QTRY_COMPARE(events->counterLabel(QStringLiteral("duplicates"))->text(), QStringLiteral("1"));
        QCOMPARE(log->rowCount(), 1);

        // A second test is a new event: the timeline follows it.
        pane->tabs()->setCurrentIndex(WebhooksPane::SettingsTab);
        QTRY_VERIFY(form->testButton()->isEnabled());
        QTest::mouseClick(form->testButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(log->rowCount(), 2, 15000);
        QTRY_COMPARE(events->counterLabel(QStringLiteral("verified"))->text(), QStringLiteral("2"));
        pane->tabs()->setCurrentIndex(WebhooksPane::EventsTab);
        events->typeFilter()->setCurrentIndex(0);
        QTRY_COMPARE(events->table()->currentIndex().row(), 0);
        saveScreenshot(&window, QStringLiteral("webhooks.png"));
        // "Open" leads to an item only for uploads, builds and feedback; a ping has none.
        QVERIFY(!events->openButton()->isEnabled());
        QCOMPARE(ascend::ui::WebhookEventsWidget::paneForInstanceType(QStringLiteral("buildUploads")),
                 int(SourceListModel::Uploads));
        QCOMPARE(ascend::ui::WebhookEventsWidget::paneForInstanceType(
                     QStringLiteral("betaFeedbackScreenshotSubmissions")),
                 int(SourceListModel::Feedback));

        pane->tabs()->setCurrentIndex(WebhooksPane::SettingsTab);
        saveScreenshot(&window, QStringLiteral("webhooks-form.png"));

        // Delete the first webhook, after confirming.
        pane->selectWebhook(listenerWebhook);
        const int before = pane->controller()->webhooks()->rowCount();
        confirmNextMessageBox();
        QTest::mouseClick(form->deleteButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(pane->controller()->webhooks()->rowCount(), before - 1, 10000);
        QVERIFY(form->isCreating());

        // The server's refusal is shown in words: App Store Connect allows at most 10 webhooks per app.
        QSignalSpy failures(pane->controller(), &ascend::models::WebhooksController::failed);
        for (int i = pane->controller()->webhooks()->rowCount(); i <= 10 && failures.isEmpty(); ++i) {
            QTest::mouseClick(pane->newButton(), Qt::LeftButton);
            form->nameEdit()->setText(QStringLiteral("Hook %1").arg(i));
            form->urlEdit()->setText(QStringLiteral("https://hooks.example.com/%1").arg(i));
            form->eventBox(WebhookEventType::BUILD_UPLOAD_STATE_UPDATED)->setChecked(true);
            QTest::mouseClick(form->saveButton(), Qt::LeftButton);
            QVERIFY(!form->saveButton()->isEnabled()); // no second click while the request runs
            QTRY_VERIFY_WITH_TIMEOUT(!pane->controller()->isBusy(), 10000);
        }
        QCOMPARE(failures.count(), 1);
        QCOMPARE(pane->controller()->webhooks()->rowCount(), 10);
        QVERIFY(pane->errorBanner()->isVisible());
        const QString message = pane->errorBanner()->title();
        QVERIFY2(message.startsWith(QStringLiteral("Creating the webhook failed: ")) &&
                     message.size() > QStringLiteral("Creating the webhook failed: ").size() + 10,
                 qPrintable(message));
        QVERIFY(form->isCreating()); // what was typed is still there to correct
        QCOMPARE(form->nameEdit()->text(), QStringLiteral("Hook 10"));

        // Stop: the status bar says so again.
        pane->stopListener();
        QVERIFY(!pane->listener()->isListening());
        QCOMPARE(window.listenerIndicator()->text(), QStringLiteral("Webhook listener off"));
        QVERIFY(window.paneModel()->badge(SourceListModel::Webhooks).isEmpty());
    }
};

QTEST_MAIN(TestWebhooksPane)
#include "tst_webhookspane.moc"

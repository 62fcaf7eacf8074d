// The TestFlight pane against the real simulator (offscreen): the builds tree and groups fill, a build
// dropped onto a group is assigned in the simulator, What to Test is saved and a build submitted for Beta
// App Review reaches APPROVED, expiring asks first, and the server's error detail is shown.

#include "core/api/apiclient.h"
#include "core/api/apireply.h"
#include "core/api/apps.h"
#include "core/api/betagroups.h"
#include "core/api/pager.h"
#include "core/session/session.h"
#include "core/session/simulatorprocess.h"
#include "models/testflightbuildmodel.h"
#include "models/testflightgroupmodel.h"
#include "models/testflighttestermodel.h"
#include "ui/testerimportdialog.h"
#include "ui/testflightbuildpanel.h"
#include "ui/testflightpane.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTreeView>
#include <QtTest>

using namespace ascend;
using models::TestFlightBuildModel;

class TestTestFlightPane : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    session::SimulatorProcess m_simulator;
    std::unique_ptr<session::Session> m_session;
    api::App m_app;

    std::unique_ptr<api::ApiReply> call(const api::ApiRequest &request)
    {
        api::ApiReply *reply = m_session->client()->send(request);
        api::waitForFinished(reply, 20000);
        return std::unique_ptr<api::ApiReply>(reply);
    }

    void open(ui::TestFlightPane &pane)
    {
        pane.resize(1400, 800);
        pane.setConfirmHandler([](const QString &, const QString &) { return true; });
        QSignalSpy loaded(&pane, &ui::TestFlightPane::loaded);
        pane.setSession(m_session.get());
        pane.setCurrentApp(&m_app);
        QVERIFY(loaded.wait(20000));
        pane.show();
    }

    // A VALID, unexpired, externally testable build without a review, and not in the group.
    QString freshBuild(ui::TestFlightPane &pane, const QString &notInGroup = {})
    {
        auto *model = pane.buildModel();
        for (int v = 0; v < model->rowCount(); ++v) {
            const QModelIndex version = model->index(v, 0);
            for (int b = 0; b < model->rowCount(version); ++b) {
                const auto *build = model->build(model->index(b, 0, version));
                if (build->build.processingState == asc::BuildProcessingState::VALID &&
                    !build->build.expired &&
                    build->build.buildAudienceType == asc::BuildAudienceType::APP_STORE_ELIGIBLE &&
                    !build->review && !build->groupIds.contains(notInGroup))
                    return build->build.id;
            }
        }
        return {};
    }

    QString groupId(ui::TestFlightPane &pane, const QString &name)
    {
        for (const auto &group : pane.groupModel()->groups())
            if (group.group.name == name)
                return group.group.id;
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("ASCEND_CONFIG_DIR", m_dir.filePath(QStringLiteral("config")).toUtf8());
        qputenv("ASCEND_SECRET_STORE", "file");
        m_simulator.setExecutable(QStringLiteral(ASCEND_SIM_BINARY));
        m_simulator.setExtraArguments({QStringLiteral("--review-seconds"), QStringLiteral("1")});
        QString error;
        QVERIFY2(m_simulator.startAndWait(30000, &error), qPrintable(error));
        m_session = session::Session::create(m_simulator.connectionInfo(), &error);
        QVERIFY2(m_session, qPrintable(error));
        auto reply = call(api::findAppByBundleId(QStringLiteral("com.ascend.demo.trailhead")));
        QVERIFY(reply->ok());
        const auto app = api::appWithBundleId(reply->document(), QStringLiteral("com.ascend.demo.trailhead"));
        QVERIFY(app);
        m_app = *app;
    }

    void buildsTreeAndGroupsFill()
    {
        ui::TestFlightPane pane;
        m_session->client()->resetRequestCount();
        open(pane);
        QVERIFY(pane.buildModel()->rowCount() >= 3);      // versions
        QVERIFY(pane.buildModel()->buildCount() >= 15);   // builds
        QCOMPARE(m_session->client()->requestCount(), 2); // one page of builds, one of groups
        QCOMPARE(pane.groupModel()->rowCount(), 4);
        const QModelIndex firstVersion = pane.buildModel()->index(0, 0);
        QVERIFY(pane.buildView()->isExpanded(firstVersion));
        // The first group is selected and its testers load.
        QTRY_VERIFY_WITH_TIMEOUT(pane.testerModel()->rowCount() > 0, 10000);
        // A build is selected and its panel shows it.
        QVERIFY(pane.buildPanel()->notesEditor()->isEnabled());
        QVERIFY(pane.messageText().isEmpty());
    }

    void dropBuildOnGroupAssignsIt()
    {
        ui::TestFlightPane pane;
        open(pane);
        const QString group = groupId(pane, QStringLiteral("Friends & Family"));
        const QString build = freshBuild(pane, group);
        QVERIFY(!group.isEmpty() && !build.isEmpty());
        std::unique_ptr<QMimeData> mime(
            pane.buildModel()->mimeData({pane.buildModel()->indexOfBuild(build)}));
        QVERIFY(mime);
        QWidget *viewport = pane.groupView()->viewport();
        const QPoint target = pane.groupView()
                                  ->visualRect(pane.groupModel()->index(pane.groupModel()->rowOfId(group), 0))
                                  .center();
        QDragEnterEvent enter(target, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &enter);
        QDragMoveEvent move(target, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &move);
        QVERIFY(move.isAccepted());
        QSignalSpy done(&pane, &ui::TestFlightPane::actionFinished);
        QDropEvent drop(QPointF(target), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &drop);
        QVERIFY(done.wait(10000));
        QCOMPARE(done.first().first().toBool(), true);
        // The simulator has the assignment …
        auto builds = call(api::listBetaGroupBuilds(group));
        QVERIFY(builds->ok());
        bool assigned = false;
        for (const auto &resource : builds->document().resources())
            assigned |= resource.id == build;
        QVERIFY(assigned);
        // … and the row shows it after its refresh.
        QTRY_VERIFY_WITH_TIMEOUT(pane.buildModel()->buildById(build)->groupIds.contains(group), 10000);
        QTRY_VERIFY(pane.buildModel()
                        ->indexOfBuild(build, TestFlightBuildModel::Groups)
                        .data()
                        .toString()
                        .contains(QStringLiteral("Friends")));
    }

    void notesThenSubmitReachesApproved()
    {
        ui::TestFlightPane pane;
        open(pane);
        const QString group = groupId(pane, QStringLiteral("Public Beta"));
        const QString build = freshBuild(pane, group);
        QVERIFY(!build.isEmpty());
        pane.selectBuild(build);
        ui::TestFlightBuildPanel *panel = pane.buildPanel();
        panel->localePicker()->setCurrentText(QStringLiteral("de-DE"));
        panel->notesEditor()->setPlainText(QStringLiteral("Bitte die neue Karte testen."));
        QSignalSpy done(&pane, &ui::TestFlightPane::actionFinished);
        QTest::mouseClick(panel->saveNotesButton(), Qt::LeftButton);
        QVERIFY(done.wait(10000));
        QVERIFY2(done.first().first().toBool(), qPrintable(pane.messageText()));
        QTRY_VERIFY_WITH_TIMEOUT(pane.buildModel()->buildById(build)->localization(QStringLiteral("de-DE")),
                                 10000);
        QTRY_VERIFY(panel->submitButton()->isEnabled());
        pane.assignBuilds(group, {build});
        QVERIFY(done.wait(10000));
        done.clear();
        QTest::mouseClick(panel->submitButton(), Qt::LeftButton);
        QVERIFY(done.wait(10000));
        QVERIFY2(done.first().first().toBool(), qPrintable(pane.messageText()));
        QTRY_VERIFY_WITH_TIMEOUT(pane.buildModel()->buildById(build)->review &&
                                     pane.buildModel()->buildById(build)->review->betaReviewState ==
                                         asc::BetaReviewState::APPROVED,
                                 20000);
        QTRY_COMPARE_WITH_TIMEOUT(
            pane.buildModel()->indexOfBuild(build, TestFlightBuildModel::External).data().toString(),
            QStringLiteral("In beta testing"), 10000);
        QVERIFY(panel->checksLabel()->text().contains(QStringLiteral("Approved")));
        QVERIFY(!panel->submitButton()->isEnabled());
    }

    void submitChecksAndServerErrorsAreShown()
    {
        ui::TestFlightPane pane;
        open(pane);
        // A build that is not VALID: the pre-check refuses without a request.
        QString processing;
        for (int v = 0; v < pane.buildModel()->rowCount() && processing.isEmpty(); ++v)
            for (int b = 0; b < pane.buildModel()->rowCount(pane.buildModel()->index(v, 0)); ++b) {
                const auto *row =
                    pane.buildModel()->build(pane.buildModel()->index(b, 0, pane.buildModel()->index(v, 0)));
                if (row->build.processingState == asc::BuildProcessingState::PROCESSING)
                    processing = row->build.id;
            }
        pane.selectBuild(processing);
        QVERIFY(!pane.buildPanel()->submitButton()->isEnabled());
        QVERIFY(pane.buildPanel()->checksLabel()->text().contains(QStringLiteral("VALID")));
        m_session->client()->resetRequestCount();
        pane.submitSelectedBuild();
        QCOMPARE(m_session->client()->requestCount(), 0);
        QVERIFY(pane.messageText().contains(QStringLiteral("VALID")));
        // The server's detail reaches the message line: a PROCESSING build cannot join a group.
        QSignalSpy done(&pane, &ui::TestFlightPane::actionFinished);
        pane.assignBuilds(groupId(pane, QStringLiteral("Core Team")), {processing});
        QVERIFY(done.wait(10000));
        QCOMPARE(done.first().first().toBool(), false);
        QVERIFY2(pane.messageText().contains(QStringLiteral("PROCESSING")), qPrintable(pane.messageText()));
    }

    void expireAsksFirst()
    {
        ui::TestFlightPane pane;
        open(pane);
        const QString build = freshBuild(pane);
        pane.selectBuild(build);
        int asked = 0;
        pane.setConfirmHandler([&asked](const QString &title, const QString &) {
            ++asked;
            return !title.isEmpty() && asked > 1; // refuse the first time
        });
        m_session->client()->resetRequestCount();
        pane.expireSelectedBuild();
        QCOMPARE(asked, 1);
        QCOMPARE(m_session->client()->requestCount(), 0);
        QSignalSpy done(&pane, &ui::TestFlightPane::actionFinished);
        pane.expireSelectedBuild();
        QVERIFY(done.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(pane.buildModel()->buildById(build)->build.expired, 10000);
        QCOMPARE(pane.buildModel()->indexOfBuild(build, TestFlightBuildModel::Expires).data().toString(),
                 QStringLiteral("Expired"));
    }

    void csvExportAndImportWithPreview()
    {
        ui::TestFlightPane pane;
        open(pane);
        pane.selectGroup(groupId(pane, QStringLiteral("Core Team")));
        QSignalSpy testers(&pane, &ui::TestFlightPane::testersLoaded);
        QTRY_VERIFY_WITH_TIMEOUT(pane.testerModel()->rowCount() > 0, 10000);
        const QString path = m_dir.filePath(QStringLiteral("core.csv"));
        pane.exportTesters(path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QCOMPARE(csv.count('\n'), pane.testerModel()->rowCount() + 1);
        QVERIFY(csv.contains("Core Team"));

        // Import: a preview with every row, bad rows marked and skipped, the good ones added.
        const QString input = m_dir.filePath(QStringLiteral("import.csv"));
        QFile in(input);
        QVERIFY(in.open(QIODevice::WriteOnly));
        in.write("email,first name,last name\n"
                 "pane1@example.com,Pane,One\n"
                 "not an email,Bad,Row\n"
                 "pane2@example.com,Pane,Two\n");
        in.close();
        const int before = pane.testerModel()->rowCount();
        pane.importTesters(input);
        auto *dialog = pane.findChild<ui::TesterImportDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->table()->rowCount(), 3);
        QVERIFY(dialog->table()
                    ->item(1, ui::TesterImportDialog::Result)
                    ->text()
                    .contains(QStringLiteral("skipped")));
        QSignalSpy finished(dialog, &ui::TesterImportDialog::importFinished);
        QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).toInt(), 2);
        QCOMPARE(finished.first().at(1).toInt(), 1);
        QCOMPARE(dialog->table()->item(0, ui::TesterImportDialog::Result)->text(), QStringLiteral("Added"));
        QTRY_COMPARE_WITH_TIMEOUT(pane.testerModel()->rowCount(), before + 2, 10000);
        dialog->close();
    }
};

QTEST_MAIN(TestTestFlightPane)
#include "tst_testflightpane.moc"

// The Uploads pane against the real simulator: a dropped .ipa becomes a card that reaches COMPLETE, with
// every cell of the chunk grid done and the steps at Complete.

#include "core/session/session.h"
#include "core/session/simulatorprocess.h"
#include "core/upload/buildupload.h"
#include "core/upload/sampleipa.h"
#include "core/upload/uploadqueue.h"
#include "models/uploadqueuemodel.h"
#include "ui/chunkgridwidget.h"
#include "ui/dropzonewidget.h"
#include "ui/pkgmetadatadialog.h"
#include "ui/uploaddetailwidget.h"
#include "ui/uploadspane.h"
#include "ui/uploadstepswidget.h"

#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QPushButton>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace ascend;

class TestUploadsPane : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    session::SimulatorProcess m_simulator;
    std::unique_ptr<session::Session> m_session;

    void dropFile(QWidget *target, const QString &path)
    {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        const QPoint center = target->rect().center();
        QDragEnterEvent enter(center, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(center), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &drop);
        QVERIFY(drop.isAccepted());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("ASCEND_CONFIG_DIR", m_dir.filePath(QStringLiteral("config")).toUtf8());
        qputenv("ASCEND_SECRET_STORE", "file");
        QCoreApplication::setOrganizationName(QStringLiteral("AscendTest"));
        m_simulator.setExecutable(QStringLiteral(ASCEND_SIM_BINARY));
        m_simulator.setExtraArguments({QStringLiteral("--part-size"), QStringLiteral("262144"),
                                       QStringLiteral("--processing-seconds"), QStringLiteral("1")});
        QString error;
        QVERIFY2(m_simulator.startAndWait(30000, &error), qPrintable(error));
        m_session = session::Session::create(m_simulator.connectionInfo(), &error);
        QVERIFY2(m_session, qPrintable(error));
    }

    void emptyPaneInvitesADrop()
    {
        ui::UploadsPane pane;
        pane.setSession(m_session.get());
        QVERIFY(pane.dropZone()->acceptsFiles());
        QVERIFY(pane.dropZone()->isVisibleTo(&pane) || !pane.isVisible());
        QVERIFY(pane.addButton()->isEnabled());
        QCOMPARE(pane.queue()->count(), 0);
    }

    void droppedIpaUploadsToComplete()
    {
        const QString ipa = m_dir.filePath(QStringLiteral("Trailhead.ipa"));
        upload::SampleIpaSpec spec;
        spec.appName = QStringLiteral("Trailhead");
        spec.bundleId = QStringLiteral("com.ascend.demo.trailhead");
        spec.shortVersion = QStringLiteral("9.1");
        spec.bundleVersion = QStringLiteral("901");
        spec.executableBytes = 2 * 1024 * 1024;
        QString error;
        QVERIFY2(upload::writeSampleIpa(ipa, spec, &error), qPrintable(error));

        ui::UploadsPane pane;
        pane.resize(1000, 760);
        pane.setSession(m_session.get());
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        dropFile(&pane, ipa);
        QCOMPARE(pane.queue()->count(), 1);
        QCOMPARE(pane.queueView()->currentIndex().row(), 0);

        upload::BuildUploadJob *job = pane.queue()->job(0);
        QVERIFY(job);
        QCOMPARE(pane.detail()->job(), job);
        QVERIFY2(QTest::qWaitFor([job] { return upload::BuildUploadJob::isTerminal(job->stage()); }, 60000),
                 qPrintable(job->errorString()));
        QCOMPARE(job->stage(), upload::BuildUploadJob::Stage::Complete);
        QVERIFY(!job->buildId().isEmpty());

        ui::ChunkGridWidget *grid = pane.detail()->chunkGrid();
        QVERIFY2(grid->partCount() >= 8, "a 2 MiB build in 256 KiB parts");
        QCOMPARE(grid->count(upload::PartState::Done), grid->partCount());
        QCOMPARE(pane.detail()->steps()->currentStep(), ui::UploadStepsWidget::Step::Complete);
        QCOMPARE(pane.detail()->steps()->outcome(), ui::UploadStepsWidget::Outcome::Succeeded);
        QVERIFY(pane.detail()->distributeButton()->isVisible());
        const QModelIndex card = pane.queueModel()->index(0, models::UploadQueueModel::AppName);
        QCOMPARE(card.data().toString(), QStringLiteral("Trailhead"));
        QCOMPARE(pane.queueModel()->index(0, models::UploadQueueModel::Version).data().toString(),
                 QStringLiteral("9.1"));
    }

    void notAnIpaIsRefusedWithAReason()
    {
        const QString fake = m_dir.filePath(QStringLiteral("broken.ipa"));
        QFile file(fake);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not a zip archive");
        file.close();

        ui::UploadsPane pane;
        pane.setSession(m_session.get());
        QCOMPARE(pane.addFiles({fake}), 1);
        upload::BuildUploadJob *job = pane.queue()->job(0);
        QVERIFY(QTest::qWaitFor([job] { return upload::BuildUploadJob::isTerminal(job->stage()); }, 20000));
        QCOMPARE(job->stage(), upload::BuildUploadJob::Stage::Failed);
        QVERIFY(!job->errorString().isEmpty());
        QVERIFY(job->buildUploadId().isEmpty()); // refused before any reservation
        QVERIFY(pane.detail()->removeButton()->isEnabled());
    }

    void pkgFormValidates()
    {
        ui::PkgMetadataDialog dialog(QStringLiteral("Mac.pkg"));
        QVERIFY(!dialog.validationError().isEmpty());
        QTest::keyClicks(dialog.bundleIdEdit(), QStringLiteral("com.example.mac"));
        QTest::keyClicks(dialog.versionEdit(), QStringLiteral("2.0"));
        QVERIFY(!dialog.validationError().isEmpty());
        QTest::keyClicks(dialog.buildEdit(), QStringLiteral("7"));
        QVERIFY2(dialog.validationError().isEmpty(), qPrintable(dialog.validationError()));
        QCOMPARE(dialog.metadata().bundleId, QStringLiteral("com.example.mac"));
        QVERIFY(dialog.metadata().platform == asc::Platform::MAC_OS);
    }
};

QTEST_MAIN(TestUploadsPane)
#include "tst_uploadspane.moc"

// UploadQueueModel and UploadPartsModel under QAbstractItemModelTester while real uploads run against
// ascend-sim: rows appear as files are added, the chunk grid fills part by part, and the raw-data role
// carries numbers a proxy can sort.

#include "../integration/simfixture.h"
#include "core/upload/sampleipa.h"
#include "core/upload/uploadqueue.h"
#include "models/uploadpartsmodel.h"
#include "models/uploadqueuemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace ascend;
using namespace ascend::models;
using upload::BuildUploadJob;

class TestUploadModels : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString sample(const QString &name, const QString &build)
    {
        upload::SampleIpaSpec spec;
        spec.bundleId = QStringLiteral("com.ascend.demo.lumennotes");
        spec.shortVersion = QStringLiteral("5.0");
        spec.bundleVersion = build;
        spec.executableBytes = 300 * 1024;
        QString error;
        const QString path = m_dir.filePath(name);
        if (!upload::writeSampleIpa(path, spec, &error))
            qWarning("%s", qPrintable(error));
        return path;
    }

private slots:
    void queueAndParts()
    {
        testing::SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("--part-size"), QStringLiteral("32768"),
                           QStringLiteral("--processing-seconds"), QStringLiteral("1"),
                           QStringLiteral("--part-bandwidth"), QStringLiteral("1048576")}));
        upload::UploadQueue queue(sim.client(), nullptr);
        BuildUploadJob::Options options;
        options.pollInitialMs = 200;
        options.pollMaxMs = 500;
        options.parallelism = 2;
        queue.setJobOptions(options);
        UploadQueueModel model(&queue);
        QAbstractItemModelTester queueTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        UploadPartsModel parts;
        QAbstractItemModelTester partsTester(&parts, QAbstractItemModelTester::FailureReportingMode::QtTest);

        QCOMPARE(model.columnCount(), int(UploadQueueModel::ColumnCount));
        QCOMPARE(model.headerData(UploadQueueModel::Stage, Qt::Horizontal).toString(),
                 QStringLiteral("Stage"));

        const QString first = sample(QStringLiteral("first.ipa"), QStringLiteral("501"));
        const QString broken = m_dir.filePath(QStringLiteral("broken.ipa"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a zip");
        file.close();
        QCOMPARE(queue.addFile(first), 0);
        QCOMPARE(queue.addFile(broken), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, UploadQueueModel::Stage).data(UploadQueueModel::RawDataRole).toInt(),
                 int(BuildUploadJob::Stage::Idle)); // waits for the first one
        QCOMPARE(model.index(1, UploadQueueModel::Stage).data().toString(), QStringLiteral("Waiting"));

        BuildUploadJob *job = model.job(model.index(0, 0));
        QVERIFY(job);
        QCOMPARE(model.index(0, 0).data(UploadQueueModel::JobRole).value<QObject *>(), job);
        parts.setJob(job);
        int doneCells = 0;
        double maxFill = 0.0;
        connect(&parts, &QAbstractItemModel::dataChanged, this, [&](const QModelIndex &topLeft) {
            const QModelIndex cell = parts.index(topLeft.row(), UploadPartsModel::State);
            maxFill =
                std::max(maxFill, parts.index(topLeft.row(), 0).data(UploadPartsModel::FillRole).toDouble());
            if (cell.data(UploadPartsModel::StateRole).toInt() == int(upload::PartState::Done))
                ++doneCells;
        });
        QSignalSpy finished(&queue, &upload::UploadQueue::jobFinished);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 2, 60000);
        QCOMPARE(finished.at(0).at(0).toInt(), 0);
        QCOMPARE(finished.at(0).at(1).toBool(), true);
        QCOMPARE(finished.at(1).at(1).toBool(), false);

        QCOMPARE(model.index(0, UploadQueueModel::Stage).data().toString(), QStringLiteral("Complete"));
        QCOMPARE(model.index(0, UploadQueueModel::ServerState).data().toString(), QStringLiteral("COMPLETE"));
        QCOMPARE(model.index(0, UploadQueueModel::Build).data().toString(), QStringLiteral("501"));
        QCOMPARE(model.index(0, UploadQueueModel::Platform).data().toString(), QStringLiteral("IOS"));
        QCOMPARE(model.index(0, UploadQueueModel::Progress).data(UploadQueueModel::RawDataRole).toDouble(),
                 1.0);
        QCOMPARE(
            model.index(0, UploadQueueModel::TotalBytes).data(UploadQueueModel::RawDataRole).toLongLong(),
            QFileInfo(first).size());
        QVERIFY(!model.index(0, UploadQueueModel::BuildId).data().toString().isEmpty());
        QVERIFY(
            model.index(1, UploadQueueModel::Message).data().toString().contains(QLatin1String("not a zip")));

        const int partCount = int((QFileInfo(first).size() + 32767) / 32768);
        QCOMPARE(parts.rowCount(), partCount);
        QVERIFY(doneCells >= partCount);
        QCOMPARE(maxFill, 1.0);
        for (int row = 0; row < parts.rowCount(); ++row) {
            QCOMPARE(parts.index(row, UploadPartsModel::State).data().toString(), QStringLiteral("Done"));
            QCOMPARE(parts.index(row, UploadPartsModel::PartNumber)
                         .data(UploadPartsModel::RawDataRole)
                         .toLongLong(),
                     qint64(row + 1));
        }

        // Finished items can be removed; the grid empties when its job goes.
        QVERIFY(queue.remove(1));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(queue.remove(0));
        QCOMPARE(model.rowCount(), 0);
        QTRY_COMPARE(parts.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestUploadModels)
#include "tst_uploadmodels.moc"

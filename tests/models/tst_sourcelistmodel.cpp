#include "models/sourcelistmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using ascend::models::SourceListModel;

class TestSourceListModel : public QObject {
    Q_OBJECT

private slots:
    void rows()
    {
        SourceListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), int(SourceListModel::PaneCount));
        const QStringList expected = {QStringLiteral("Uploads"), QStringLiteral("Webhooks"),
                                      QStringLiteral("TestFlight"), QStringLiteral("Feedback")};
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row, 0);
            QCOMPARE(index.data().toString(), expected.at(row));
            QCOMPARE(index.data(SourceListModel::PaneRole).toInt(), row);
            QVERIFY(!index.data(SourceListModel::DescriptionRole).toString().isEmpty());
            QVERIFY(index.data(SourceListModel::BadgeRole).toString().isEmpty());
            QVERIFY(
                index.data(SourceListModel::IconPathRole).toString().startsWith(QStringLiteral(":/icons/")));
            QVERIFY(index.data(SourceListModel::ShortcutRole).toString().endsWith(QString::number(row + 1)));
            QCOMPARE(model.indexOf(static_cast<SourceListModel::Pane>(row)), index);
        }
        QVERIFY(!model.indexOf(SourceListModel::PaneCount).isValid());
    }

    void iconsExistInTheSourceTree()
    {
        // The resource paths must name real files under resources/ (they are compiled into ascend_ui).
        for (int row = 0; row < SourceListModel::PaneCount; ++row) {
            QString path = SourceListModel::iconPath(static_cast<SourceListModel::Pane>(row));
            path.replace(QStringLiteral(":/"), QStringLiteral(ASCEND_TEST_DATA_DIR "/../../resources/"));
            QVERIFY2(QFile::exists(path), qPrintable(path));
        }
    }

    void badges()
    {
        SourceListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        model.setBadge(SourceListModel::Uploads, QStringLiteral("2"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.indexOf(SourceListModel::Uploads));
        QCOMPARE(model.badge(SourceListModel::Uploads), QStringLiteral("2"));
        QCOMPARE(model.indexOf(SourceListModel::Uploads).data(SourceListModel::BadgeRole).toString(),
                 QStringLiteral("2"));

        model.setBadge(SourceListModel::Uploads, QStringLiteral("2")); // unchanged: no signal
        QCOMPARE(changed.count(), 1);

        model.setBadge(SourceListModel::Webhooks, QStringLiteral("On"), SourceListModel::BadgeTone::Positive);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(model.indexOf(SourceListModel::Webhooks).data(SourceListModel::BadgeToneRole).toInt(),
                 int(SourceListModel::BadgeTone::Positive));

        model.clearBadge(SourceListModel::Uploads);
        QCOMPARE(changed.count(), 3);
        QVERIFY(model.badge(SourceListModel::Uploads).isEmpty());

        model.setBadge(SourceListModel::PaneCount, QStringLiteral("x")); // out of range: ignored
        QCOMPARE(changed.count(), 3);
    }
};

QTEST_GUILESS_MAIN(TestSourceListModel)
#include "tst_sourcelistmodel.moc"

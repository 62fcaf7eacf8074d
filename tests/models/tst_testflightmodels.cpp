// The TestFlight models under QAbstractItemModelTester: the version → builds tree (grouping, newest first,
// columns, raw data, drag data, live updates), the groups (drops report builds, counts), the testers
// (paged appends, removal).

#include "models/testflightbuildmodel.h"
#include "models/testflightgroupmodel.h"
#include "models/testflighttestermodel.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QtTest>

using namespace ascend;
using models::TestFlightBuildModel;
using models::TestFlightGroupModel;
using models::TestFlightTesterModel;

namespace {

api::TestFlightBuild makeBuild(const QString &id, const QString &version, const QString &number, int ageHours,
                               asc::BuildProcessingState state = asc::BuildProcessingState::VALID)
{
    api::TestFlightBuild row;
    row.build.id = id;
    row.build.version = number;
    row.build.processingState = state;
    row.build.uploadedDate = QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC).addSecs(-3600 * ageHours);
    row.build.expirationDate = row.build.uploadedDate.addDays(90);
    row.preReleaseVersion = version;
    row.platform = asc::Platform::IOS;
    api::BuildBetaDetail detail;
    detail.externalBuildState = asc::ExternalBetaState::READY_FOR_BETA_SUBMISSION;
    detail.internalBuildState = asc::InternalBetaState::READY_FOR_BETA_TESTING;
    row.detail = detail;
    return row;
}

api::TestFlightGroup makeGroup(const QString &id, const QString &name, bool internal, int testers)
{
    api::TestFlightGroup row;
    row.group.id = id;
    row.group.name = name;
    row.group.isInternalGroup = internal;
    row.testerCount = testers;
    return row;
}

api::BetaTester makeTester(int i)
{
    api::BetaTester tester;
    tester.id = QStringLiteral("t%1").arg(i);
    tester.email = QStringLiteral("tester%1@example.com").arg(i);
    tester.firstName = QStringLiteral("Tester");
    tester.lastName = QString::number(i);
    tester.state = asc::BetaTesterState::INSTALLED;
    tester.inviteType = asc::BetaInviteType::EMAIL;
    tester.appDevices.append(
        {QStringLiteral("iPhone15,2"), QStringLiteral("IOS"), QStringLiteral("17.4"), QStringLiteral("12")});
    return tester;
}

} // namespace

class TestTestFlightModels : public QObject {
    Q_OBJECT

private slots:
    void buildTreeGroupsVersionsNewestFirst()
    {
        TestFlightBuildModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBuilds({makeBuild(QStringLiteral("a"), QStringLiteral("2.9"), QStringLiteral("100"), 300),
                         makeBuild(QStringLiteral("b"), QStringLiteral("2.10"), QStringLiteral("102"), 10),
                         makeBuild(QStringLiteral("c"), QStringLiteral("2.10"), QStringLiteral("103"), 1),
                         makeBuild(QStringLiteral("d"), QStringLiteral("2.9"), QStringLiteral("101"), 200,
                                   asc::BuildProcessingState::FAILED)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.buildCount(), 4);
        // 2.10 sorts after 2.9 numerically, so it comes first.
        QCOMPARE(model.index(0, 0).data(TestFlightBuildModel::RawDataRole).toString(),
                 QStringLiteral("2.10"));
        QVERIFY(model.index(0, 0).data().toString().contains(QStringLiteral("2.10")));
        const QModelIndex v210 = model.index(0, 0);
        QCOMPARE(model.rowCount(v210), 2);
        QCOMPARE(model.index(0, TestFlightBuildModel::Build, v210).data().toString(), QStringLiteral("103"));
        QCOMPARE(model.index(1, TestFlightBuildModel::Build, v210).data().toString(), QStringLiteral("102"));
        QCOMPARE(model.index(0, TestFlightBuildModel::External, v210).data().toString(),
                 QStringLiteral("Ready for beta submission"));
        QCOMPARE(model.index(0, TestFlightBuildModel::External, v210)
                     .data(TestFlightBuildModel::RawDataRole)
                     .toString(),
                 QStringLiteral("READY_FOR_BETA_SUBMISSION"));
        QCOMPARE(model.index(0, TestFlightBuildModel::Build, v210)
                     .data(TestFlightBuildModel::RawDataRole)
                     .toLongLong(),
                 103);
        QVERIFY(model.flags(model.index(0, 0, v210)) & Qt::ItemIsDragEnabled);
        QVERIFY(!(model.flags(v210) & Qt::ItemIsDragEnabled));
        QCOMPARE(model.build(model.index(0, 0, model.index(1, 0)))->build.id, QStringLiteral("d"));
        QCOMPARE(model.build(model.index(1, 0, model.index(1, 0)))->build.id, QStringLiteral("a"));
    }

    void groupNamesAndLiveUpdates()
    {
        TestFlightBuildModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto build = makeBuild(QStringLiteral("a"), QStringLiteral("1.0"), QStringLiteral("7"), 1);
        build.groupIds = {QStringLiteral("g1"), QStringLiteral("g2")};
        model.setBuilds({build});
        model.setGroupNames({{QStringLiteral("g1"), QStringLiteral("Core Team")},
                             {QStringLiteral("g2"), QStringLiteral("Public Beta")}});
        const QModelIndex groups = model.indexOfBuild(QStringLiteral("a"), TestFlightBuildModel::Groups);
        QCOMPARE(groups.data().toString(), QStringLiteral("Core Team, Public Beta"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        build.detail->externalBuildState = asc::ExternalBetaState::IN_BETA_TESTING;
        QVERIFY(model.updateBuild(build));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.indexOfBuild(QStringLiteral("a"), TestFlightBuildModel::External).data().toString(),
                 QStringLiteral("In beta testing"));
        QVERIFY(!model.updateBuild(
            makeBuild(QStringLiteral("zzz"), QStringLiteral("1.0"), QStringLiteral("8"), 1)));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void dragBuildsDropOnGroup()
    {
        TestFlightBuildModel builds;
        builds.setBuilds({makeBuild(QStringLiteral("a"), QStringLiteral("1.0"), QStringLiteral("7"), 1),
                          makeBuild(QStringLiteral("b"), QStringLiteral("1.0"), QStringLiteral("8"), 0)});
        TestFlightGroupModel groups;
        QAbstractItemModelTester tester(&groups, QAbstractItemModelTester::FailureReportingMode::QtTest);
        groups.setGroups({makeGroup(QStringLiteral("g1"), QStringLiteral("Core Team"), true, 4),
                          makeGroup(QStringLiteral("g2"), QStringLiteral("Public Beta"), false, 12)});
        const QModelIndex a = builds.indexOfBuild(QStringLiteral("a"));
        const QModelIndex b = builds.indexOfBuild(QStringLiteral("b"));
        std::unique_ptr<QMimeData> mime(builds.mimeData({a, b, builds.indexOfBuild(QStringLiteral("a"), 3)}));
        QVERIFY(mime);
        QCOMPARE(TestFlightBuildModel::buildIdsFromMime(mime.get()).size(), 2);
        QVERIFY(!builds.mimeData({builds.index(0, 0)})); // a version row carries no build
        QSignalSpy dropped(&groups, &TestFlightGroupModel::buildsDropped);
        QVERIFY(groups.canDropMimeData(mime.get(), Qt::CopyAction, -1, -1, groups.index(1, 0)));
        QVERIFY(!groups.canDropMimeData(mime.get(), Qt::CopyAction, -1, -1, QModelIndex()));
        QMimeData other;
        other.setText(QStringLiteral("hello"));
        QVERIFY(!groups.canDropMimeData(&other, Qt::CopyAction, -1, -1, groups.index(1, 0)));
        groups.dropMimeData(mime.get(), Qt::CopyAction, -1, -1, groups.index(1, 0));
        QCOMPARE(dropped.size(), 1);
        QCOMPARE(dropped.first().at(0).toString(), QStringLiteral("g2"));
        QCOMPARE(dropped.first().at(1).toStringList(),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(groups.rowCount(), 2); // a drop changes nothing locally
    }

    void groupColumnsUpsertRemove()
    {
        TestFlightGroupModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto external = makeGroup(QStringLiteral("g2"), QStringLiteral("Public Beta"), false, 12);
        external.group.publicLinkEnabled = true;
        external.group.publicLinkLimitEnabled = true;
        external.group.publicLinkLimit = 100;
        external.group.publicLink = QStringLiteral("https://testflight.apple.com/join/abcdefgh");
        model.setGroups({makeGroup(QStringLiteral("g1"), QStringLiteral("Core Team"), true, 4), external});
        QCOMPARE(model.index(0, TestFlightGroupModel::Kind).data().toString(), QStringLiteral("Internal"));
        QCOMPARE(model.index(1, TestFlightGroupModel::Kind).data().toString(), QStringLiteral("External"));
        QCOMPARE(
            model.index(1, TestFlightGroupModel::Testers).data(TestFlightGroupModel::RawDataRole).toInt(),
            12);
        QCOMPARE(model.index(1, TestFlightGroupModel::PublicLink).data().toString(),
                 QStringLiteral("On · limit 100"));
        QVERIFY(model.index(1, TestFlightGroupModel::PublicLink)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("join")));
        auto renamed = makeGroup(QStringLiteral("g1"), QStringLiteral("Core"), true, -1);
        model.upsert(renamed);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Core"));
        QCOMPARE(model.index(0, TestFlightGroupModel::Testers).data().toString(),
                 QStringLiteral("4")); // kept
        model.upsert(makeGroup(QStringLiteral("g3"), QStringLiteral("New"), false, 0));
        QCOMPARE(model.rowCount(), 3);
        model.setTesterCount(QStringLiteral("g3"), 5);
        QCOMPARE(model.groupById(QStringLiteral("g3"))->testerCount, 5);
        QVERIFY(model.removeGroup(QStringLiteral("g1")));
        QVERIFY(!model.removeGroup(QStringLiteral("g1")));
        QCOMPARE(model.names().value(QStringLiteral("g2")), QStringLiteral("Public Beta"));
    }

    void testersArriveInPages()
    {
        TestFlightTesterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<api::BetaTester> page1, page2;
        for (int i = 0; i < 200; ++i)
            page1 << makeTester(i);
        for (int i = 200; i < 250; ++i)
            page2 << makeTester(i);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.appendTesters(page1);
        model.appendTesters(page2);
        model.appendTesters({});
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(model.rowCount(), 250);
        QCOMPARE(model.index(3, TestFlightTesterModel::Email).data().toString(),
                 QStringLiteral("tester3@example.com"));
        QCOMPARE(model.index(3, TestFlightTesterModel::State).data().toString(), QStringLiteral("Installed"));
        QVERIFY(model.index(3, TestFlightTesterModel::Devices)
                    .data()
                    .toString()
                    .contains(QStringLiteral("iPhone15,2")));
        QCOMPARE(
            model.index(3, TestFlightTesterModel::Devices).data(TestFlightTesterModel::RawDataRole).toInt(),
            1);
        QVERIFY(model.removeTester(QStringLiteral("t3")));
        QCOMPARE(model.rowCount(), 249);
        auto changed = makeTester(4);
        changed.state = asc::BetaTesterState::REVOKED;
        model.upsert(changed);
        QCOMPARE(
            model.index(model.rowOfId(QStringLiteral("t4")), TestFlightTesterModel::State).data().toString(),
            QStringLiteral("Revoked"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTestFlightModels)
#include "tst_testflightmodels.moc"

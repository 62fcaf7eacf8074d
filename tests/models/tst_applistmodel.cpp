#include "core/jsonapi/document.h"
#include "models/applistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using ascend::api::App;
using ascend::models::AppListModel;

namespace {

// A page as GET /v1/apps?fields[apps]=name,bundleId,sku,primaryLocale returns it, including a resource of
// another type that must be skipped.
// Single quotes stand for double quotes (moc cannot read raw string literals).
const char kAppsPage[] =
    "{"
    "  'data': ["
    "    {'type': 'apps', 'id': '1456789012', 'attributes': {'name': 'Lumen Notes', 'bundleId': "
    "'com.example.lumen',"
    "     'sku': 'LUMEN1', 'primaryLocale': 'en-US'}, 'links': {'self': "
    "'https://example.test/v1/apps/1456789012'}},"
    "    {'type': 'apps', 'id': '1456789013', 'attributes': {'name': 'Harbor', 'bundleId': "
    "'com.example.harbor',"
    "     'sku': 'HARBOR', 'primaryLocale': 'de-DE', 'someFutureField': true}},"
    "    {'type': 'apps', 'id': '1456789014', 'attributes': {'bundleId': 'com.example.unnamed', 'sku': 'X'}},"
    "    {'type': 'builds', 'id': 'b1', 'attributes': {'version': '42'}}"
    "  ],"
    "  'links': {'self': 'https://example.test/v1/apps'},"
    "  'meta': {'paging': {'total': 3, 'limit': 200}}"
    "}";

QList<App> appsFromPage()
{
    QString error;
    const auto document = ascend::jsonapi::Document::parse(QByteArray(kAppsPage).replace('\'', '"'), &error);
    if (!document)
        qFatal("test page does not parse: %s", qPrintable(error));
    QList<App> apps;
    for (const auto &resource : document->resources()) {
        if (auto app = App::fromResource(resource))
            apps << *app;
    }
    return apps;
}

} // namespace

class TestAppListModel : public QObject {
    Q_OBJECT

private slots:
    void emptyModel()
    {
        AppListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.rowOfId(QStringLiteral("nope")), -1);
        QVERIFY(model.app(0).id.isEmpty());
        QVERIFY(!model.data(model.index(0, 0)).isValid());
    }

    void fillFromDocument()
    {
        AppListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        const QList<App> apps = appsFromPage();
        QCOMPARE(apps.size(), 3); // the builds resource is not an app
        model.setApps(apps);
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowCount(model.index(0, 0)), 0); // a list: rows have no children

        const QModelIndex first = model.index(0, 0);
        QCOMPARE(first.data(Qt::DisplayRole).toString(), QStringLiteral("Lumen Notes"));
        QCOMPARE(first.data(AppListModel::roleForColumn(AppListModel::BundleId)).toString(),
                 QStringLiteral("com.example.lumen"));
        QCOMPARE(first.data(AppListModel::roleForColumn(AppListModel::Id)).toString(),
                 QStringLiteral("1456789012"));
        QCOMPARE(first.data(AppListModel::roleForColumn(AppListModel::Sku)).toString(),
                 QStringLiteral("LUMEN1"));
        QCOMPARE(first.data(AppListModel::roleForColumn(AppListModel::PrimaryLocale)).toString(),
                 QStringLiteral("en-US"));
        QVERIFY(first.data(Qt::ToolTipRole).toString().contains(QStringLiteral("com.example.lumen")));

        const App raw = first.data(AppListModel::RawDataRole).value<App>();
        QCOMPARE(raw.id, QStringLiteral("1456789012"));
        QCOMPARE(raw.name, QStringLiteral("Lumen Notes"));

        // An app without a name still gets a label: its bundle id.
        QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("com.example.unnamed"));
        QVERIFY(model.index(2, 0).data(AppListModel::roleForColumn(AppListModel::Name)).toString().isEmpty());

        QCOMPARE(model.rowOfId(QStringLiteral("1456789013")), 1);
        QCOMPARE(model.app(1).bundleId, QStringLiteral("com.example.harbor"));
        QVERIFY(!first.data(AppListModel::roleForColumn(AppListModel::ColumnCount)).isValid());
    }

    void clearAndReplace()
    {
        AppListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setApps(appsFromPage());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(resets.count(), 1);
        model.clear(); // already empty: no reset
        QCOMPARE(resets.count(), 1);
        model.setApps(
            {App{QStringLiteral("9"), QStringLiteral("Solo"), QStringLiteral("com.example.solo"), {}, {}}});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Solo"));
    }

    void proxySortsOnColumnRole()
    {
        AppListModel model;
        model.setApps(appsFromPage());
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSortRole(AppListModel::roleForColumn(AppListModel::BundleId));
        proxy.sort(0, Qt::AscendingOrder);
        QStringList order;
        for (int row = 0; row < proxy.rowCount(); ++row)
            order << proxy.index(row, 0).data(AppListModel::roleForColumn(AppListModel::BundleId)).toString();
        QCOMPARE(order,
                 (QStringList{QStringLiteral("com.example.harbor"), QStringLiteral("com.example.lumen"),
                              QStringLiteral("com.example.unnamed")}));

        proxy.setFilterRole(AppListModel::roleForColumn(AppListModel::PrimaryLocale));
        proxy.setFilterFixedString(QStringLiteral("de-DE"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("Harbor"));
    }

    void roleNamesAndColumnNames()
    {
        AppListModel model;
        const auto names = model.roleNames();
        QCOMPARE(names.value(AppListModel::roleForColumn(AppListModel::BundleId)), QByteArray("bundleId"));
        QCOMPARE(names.value(AppListModel::RawDataRole), QByteArray("app"));
        for (int column = 0; column < AppListModel::ColumnCount; ++column)
            QVERIFY(!AppListModel::columnName(static_cast<AppListModel::Column>(column)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAppListModel)
#include "tst_applistmodel.moc"

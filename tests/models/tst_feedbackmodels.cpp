// The feedback inbox models: FeedbackModel under QAbstractItemModelTester (pages appended, a live item
// inserted where its date belongs, removal, an update after fresh screenshot URLs), read/triaged flags
// written through to the SQLite triage store, FeedbackFilterModel (every filter, counts per value given the
// other filters, pinning) also under the tester, and FeedbackLoader merging both kinds newest first from a
// loopback server that pages with links.next.

#include "core/api/apiclient.h"
#include "core/auth/tokensource.h"
#include "core/http/httpserver.h"
#include "core/store/feedbacktriage.h"
#include "models/feedbackfiltermodel.h"
#include "models/feedbackloader.h"
#include "models/feedbackmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace ascend;
using api::FeedbackKind;
using api::FeedbackSubmission;
using models::FeedbackFilterModel;
using models::FeedbackLoader;
using models::FeedbackModel;

namespace {

const QDateTime kBase(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);

// Submission i is i hours older than kBase. Devices, OS versions, builds and testers cycle with
// different periods so the filters cut across each other.
FeedbackSubmission makeItem(int i, FeedbackKind kind = FeedbackKind::Screenshot)
{
    const auto mod = [i](int n) { return ((i % n) + n) % n; };
    FeedbackSubmission item;
    item.kind = kind;
    item.id = QStringLiteral("%1-%2")
                  .arg(kind == FeedbackKind::Screenshot ? QStringLiteral("s") : QStringLiteral("c"))
                  .arg(i);
    item.createdDate = kBase.addSecs(-3600 * i);
    static const QStringList devices = {QStringLiteral("iPhone15,2"), QStringLiteral("iPhone16,1"),
                                        QStringLiteral("iPad14,3")};
    static const QStringList os = {QStringLiteral("17.2"), QStringLiteral("17.10"), QStringLiteral("16.7")};
    item.deviceModel = devices.at(mod(3));
    item.osVersion = os.at(mod(3));
    item.appPlatform = asc::Platform::IOS;
    if (mod(5) == 0)
        item.appPlatform = asc::Platform::VISION_OS;
    item.buildId = QStringLiteral("build-%1").arg(mod(4));
    item.buildVersion = QString::number(100 + mod(4));
    item.testerId = QStringLiteral("tester-%1").arg(mod(2));
    item.testerName = mod(2) ? QStringLiteral("Bea Tester") : QStringLiteral("Al Tester");
    item.comment = mod(7) == 0 ? QStringLiteral("The login Button overlaps the keyboard")
                               : QStringLiteral("Looks fine #%1").arg(i);
    if (kind == FeedbackKind::Screenshot) {
        api::FeedbackScreenshot shot;
        shot.url =
            QUrl(QStringLiteral("http://127.0.0.1:1/sim-assets/feedback/%1/0.png?expires=1").arg(item.id));
        shot.width = 1179;
        shot.height = 2556;
        shot.expirationDate = kBase.addSecs(900);
        item.screenshots << shot;
    }
    return item;
}

QList<FeedbackSubmission> makeItems(int count, FeedbackKind kind = FeedbackKind::Screenshot, int first = 0)
{
    QList<FeedbackSubmission> items;
    for (int i = first; i < first + count; ++i)
        items << makeItem(i, kind);
    return items;
}

QStringList idsOf(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(FeedbackModel::IdRole).toString();
    return ids;
}

class StaticToken : public auth::TokenSource {
public:
    QByteArray bearerToken() override { return "token"; }
    void invalidate() override {}
    QString errorString() const override { return {}; }
};

// Serves both feedback lists of app "app-1" with cursor paging, like App Store Connect: newest first,
// limit honoured, links.next absolute, build and tester included. Screenshot pages are answered late so the
// two lists arrive interleaved.
class InboxServer : public http::RequestHandler {
public:
    QList<FeedbackSubmission> screenshots;
    QList<FeedbackSubmission> crashes;
    QStringList targets;
    quint16 port = 0;
    int screenshotDelayMs = 30;

    void handle(const http::HttpRequest &request, http::Responder respond) override
    {
        targets << QString::fromUtf8(request.target);
        const bool shots = request.path == QLatin1String("/v1/apps/app-1/betaFeedbackScreenshotSubmissions");
        const bool crash = request.path == QLatin1String("/v1/apps/app-1/betaFeedbackCrashSubmissions");
        if (!shots && !crash) {
            respond(http::HttpResponse::json(
                404, R"({"errors":[{"status":"404","code":"NOT_FOUND","title":"x"}]})"));
            return;
        }
        const QList<FeedbackSubmission> &all = shots ? screenshots : crashes;
        const int limit = request.query.queryItemValue(QStringLiteral("limit")).toInt();
        const int offset = request.query.queryItemValue(QStringLiteral("cursor")).toInt();
        QJsonArray data;
        QJsonArray included;
        QSet<QString> seen;
        for (int i = offset; i < std::min<int>(offset + limit, all.size()); ++i) {
            const FeedbackSubmission &item = all.at(i);
            QJsonObject attributes{{QStringLiteral("createdDate"), item.createdDate.toString(Qt::ISODate)},
                                   {QStringLiteral("comment"), item.comment},
                                   {QStringLiteral("deviceModel"), item.deviceModel},
                                   {QStringLiteral("osVersion"), item.osVersion}};
            data.append(QJsonObject{
                {QStringLiteral("type"), item.resourceType()},
                {QStringLiteral("id"), item.id},
                {QStringLiteral("attributes"), attributes},
                {QStringLiteral("relationships"),
                 QJsonObject{
                     {QStringLiteral("build"),
                      QJsonObject{{QStringLiteral("data"),
                                   QJsonObject{{QStringLiteral("type"), QStringLiteral("builds")},
                                               {QStringLiteral("id"), item.buildId}}}}},
                     {QStringLiteral("tester"),
                      QJsonObject{{QStringLiteral("data"),
                                   QJsonObject{{QStringLiteral("type"), QStringLiteral("betaTesters")},
                                               {QStringLiteral("id"), item.testerId}}}}}}}});
            if (!seen.contains(item.buildId)) {
                seen.insert(item.buildId);
                included.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("builds")},
                                            {QStringLiteral("id"), item.buildId},
                                            {QStringLiteral("attributes"),
                                             QJsonObject{{QStringLiteral("version"), item.buildVersion}}}});
            }
            if (!seen.contains(item.testerId)) {
                seen.insert(item.testerId);
                const QStringList name = item.testerName.split(QLatin1Char(' '));
                QJsonObject person;
                person.insert(QStringLiteral("firstName"), name.value(0));
                person.insert(QStringLiteral("lastName"), name.value(1));
                QJsonObject tester;
                tester.insert(QStringLiteral("type"), QStringLiteral("betaTesters"));
                tester.insert(QStringLiteral("id"), item.testerId);
                tester.insert(QStringLiteral("attributes"), person);
                included.append(tester);
            }
        }
        QJsonObject links{
            {QStringLiteral("self"),
             QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(QString::fromUtf8(request.target))}};
        if (offset + limit < all.size()) {
            QUrlQuery next = request.query;
            next.removeAllQueryItems(QStringLiteral("cursor"));
            next.addQueryItem(QStringLiteral("cursor"), QString::number(offset + limit));
            links.insert(QStringLiteral("next"), QStringLiteral("http://127.0.0.1:%1%2?%3")
                                                     .arg(port)
                                                     .arg(request.path, next.toString(QUrl::FullyEncoded)));
        }
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("data"), data},
                                                          {QStringLiteral("included"), included},
                                                          {QStringLiteral("links"), links}})
                                    .toJson(QJsonDocument::Compact);
        if (shots)
            QTimer::singleShot(screenshotDelayMs,
                               [respond, body] { respond(http::HttpResponse::json(200, body)); });
        else
            respond(http::HttpResponse::json(200, body));
    }
};

} // namespace

class TestFeedbackModels : public QObject {
    Q_OBJECT

private slots:
    void modelAppendsPagesAndShowsColumns()
    {
        FeedbackModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.appendItems(makeItems(3));
        model.appendItems(makeItems(2, FeedbackKind::Crash, 3));
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.columnCount(), int(FeedbackModel::ColumnCount));
        QCOMPARE(idsOf(model), (QStringList{"s-0", "s-1", "s-2", "c-3", "c-4"}));
        const QModelIndex crash = model.index(3, FeedbackModel::Kind);
        QCOMPARE(crash.data().toString(), QStringLiteral("Crash"));
        QCOMPARE(crash.data(FeedbackModel::KindRole).toInt(), int(FeedbackKind::Crash));
        QCOMPARE(model.index(0, FeedbackModel::Tester).data().toString(), QStringLiteral("Al Tester"));
        QCOMPARE(model.index(0, FeedbackModel::DeviceModel).data().toString(), QStringLiteral("iPhone15,2"));
        QCOMPARE(model.index(1, FeedbackModel::OsVersion).data().toString(), QStringLiteral("17.10"));
        QCOMPARE(model.index(1, FeedbackModel::Build).data().toString(), QStringLiteral("101"));
        QCOMPARE(model.index(0, FeedbackModel::Comment).data(FeedbackModel::CommentRole).toString(),
                 QStringLiteral("The login Button overlaps the keyboard"));
        QCOMPARE(model.index(0, 0).data(FeedbackModel::CreatedRole).toDateTime(), kBase);
        QCOMPARE(model.index(0, 0).data(FeedbackModel::ScreenshotCountRole).toInt(), 1);
        QCOMPARE(model.index(3, 0).data(FeedbackModel::ScreenshotCountRole).toInt(), 0);
        QCOMPARE(model.index(0, 0).data(FeedbackModel::PlatformRole).toString(), QStringLiteral("VISION_OS"));
        // OS versions sort as numbers: 17.10 above 17.2.
        QVERIFY(model.index(1, FeedbackModel::OsVersion).data(FeedbackModel::RawDataRole).toLongLong() >
                model.index(0, FeedbackModel::OsVersion).data(FeedbackModel::RawDataRole).toLongLong());
        QCOMPARE(model.headerData(FeedbackModel::Comment, Qt::Horizontal).toString(),
                 QStringLiteral("Comment"));
        // A page that repeats a known submission does not duplicate it.
        model.appendItems(makeItems(4));
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(idsOf(model).count(QStringLiteral("s-1")), 1);
        QCOMPARE(model.rowOfId(QStringLiteral("s-3")), 5);
    }

    void liveItemIsInsertedWhereItsDateBelongs()
    {
        FeedbackModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setItems({makeItem(0), makeItem(2), makeItem(4)});
        QCOMPARE(model.insertItem(makeItem(3, FeedbackKind::Crash)), 2);
        QCOMPARE(model.insertItem(makeItem(-5)), 0); // newer than everything
        QCOMPARE(model.insertItem(makeItem(9)), 5);  // older than everything
        QCOMPARE(idsOf(model), (QStringList{"s--5", "s-0", "s-2", "c-3", "s-4", "s-9"}));
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.rowOfId(idsOf(model).at(row)), row);
        // Inserting a known one again changes nothing.
        QCOMPARE(model.insertItem(makeItem(2)), 2);
        QCOMPARE(model.rowCount(), 6);
    }

    void removeAndUpdate()
    {
        FeedbackModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setItems(makeItems(5));
        QVERIFY(model.removeItem(QStringLiteral("s-2")));
        QVERIFY(!model.removeItem(QStringLiteral("s-2")));
        QCOMPARE(idsOf(model), (QStringList{"s-0", "s-1", "s-3", "s-4"}));
        QCOMPARE(model.rowOfId(QStringLiteral("s-4")), 3);
        QVERIFY(!model.submissionById(QStringLiteral("s-2")));

        // A GET of one submission (no included resources) with a fresh URL replaces the copy, keeping the
        // build and tester names learned from the list.
        FeedbackSubmission fresh = makeItem(3);
        fresh.buildVersion.clear();
        fresh.testerName.clear();
        fresh.screenshots[0].url = QUrl(QStringLiteral("http://127.0.0.1:1/new.png?expires=2"));
        fresh.screenshots[0].expirationDate = kBase.addSecs(1800);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.updateItem(fresh));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 2);
        const auto *updated = model.submissionById(QStringLiteral("s-3"));
        QCOMPARE(updated->screenshots.first().url.toString(),
                 QStringLiteral("http://127.0.0.1:1/new.png?expires=2"));
        QCOMPARE(updated->buildVersion, QStringLiteral("103"));
        QCOMPARE(updated->testerName, QStringLiteral("Bea Tester"));
        QVERIFY(!model.updateItem(makeItem(42)));
    }

    void readAndTriagedGoThroughTheStore()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("feedback.sqlite"));
        const QString scope = store::FeedbackTriage::scopeFor(
            QStringLiteral("http://127.0.0.1:1"), QStringLiteral("issuer"), QStringLiteral("app-1"));
        QString error;
        {
            store::FeedbackTriage triage;
            QVERIFY2(triage.open(path, &error), qPrintable(error));
            FeedbackModel model;
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            model.setItems(makeItems(6));
            model.setTriageStore(&triage, scope);
            QCOMPARE(model.unreadCount(), 6);
            QSignalSpy unread(&model, &FeedbackModel::unreadCountChanged);
            QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
            QVERIFY(
                model.setRead({QStringLiteral("s-1"), QStringLiteral("s-2"), QStringLiteral("s-4")}, true));
            QCOMPARE(model.unreadCount(), 3);
            QCOMPARE(unread.last().first().toInt(), 3);
            QCOMPARE(changed.size(), 2); // rows 1-2 and row 4
            QVERIFY(model.index(1, 0).data(FeedbackModel::ReadRole).toBool());
            QVERIFY(!model.index(0, 0).data(FeedbackModel::ReadRole).toBool());
            QVERIFY(model.index(0, 0).data(Qt::FontRole).value<QFont>().bold()); // unread rows are bold
            QVERIFY(model.setTriaged({QStringLiteral("s-2")}, true));
            QVERIFY(model.index(2, 0).data(FeedbackModel::TriagedRole).toBool());
            QVERIFY(triage.state(scope, QStringLiteral("s-2")).triaged);
            // Deleting a submission forgets its state.
            QVERIFY(model.removeItem(QStringLiteral("s-4")));
            QVERIFY(!triage.state(scope, QStringLiteral("s-4")).read);
        }
        // Restart: a new store and model read the same flags back.
        store::FeedbackTriage triage;
        QVERIFY(triage.open(path, &error));
        FeedbackModel model;
        model.setItems(makeItems(6));
        model.setTriageStore(&triage, scope);
        QVERIFY(model.isRead(QStringLiteral("s-1")));
        QVERIFY(model.isRead(QStringLiteral("s-2")));
        QVERIFY(model.isTriaged(QStringLiteral("s-2")));
        QVERIFY(!model.isRead(QStringLiteral("s-4")));
        QVERIFY(!model.isTriaged(QStringLiteral("s-1")));
        QCOMPARE(model.unreadCount(), 4);
        // Another app's scope has nothing.
        model.setTriageStore(&triage, scope + QStringLiteral("x"));
        QCOMPARE(model.unreadCount(), 6);
        // A store that cannot be written leaves the rows unchanged.
        model.setTriageStore(&triage, scope);
        triage.close();
        QVERIFY(!model.setRead({QStringLiteral("s-0")}, true));
        QVERIFY(!model.lastError().isEmpty());
        QVERIFY(!model.isRead(QStringLiteral("s-0")));
    }

    void filtersNarrowAndCount()
    {
        FeedbackModel model;
        model.setItems(makeItems(30) + makeItems(12, FeedbackKind::Crash, 30));
        FeedbackFilterModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(proxy.rowCount(), 42);
        QVERIFY(!proxy.hasFilters());

        // Counts without filters: every value with its share, summing to the total.
        auto countOf = [&proxy](FeedbackFilterModel::Facet facet, const QString &value) {
            for (const auto &entry : proxy.facetValues(facet))
                if (entry.value == value)
                    return entry.count;
            return -1;
        };
        QCOMPARE(countOf(FeedbackFilterModel::KindFacet, QStringLiteral("screenshot")), 30);
        QCOMPARE(countOf(FeedbackFilterModel::KindFacet, QStringLiteral("crash")), 12);
        QCOMPARE(countOf(FeedbackFilterModel::DeviceFacet, QStringLiteral("iPhone15,2")), 14);
        QCOMPARE(countOf(FeedbackFilterModel::PlatformFacet, QStringLiteral("VISION_OS")), 9);
        QCOMPARE(countOf(FeedbackFilterModel::StateFacet, FeedbackFilterModel::Unread), 42);
        const auto builds = proxy.facetValues(FeedbackFilterModel::BuildFacet);
        QCOMPARE(builds.size(), 4);
        QCOMPARE(builds.first().label, QStringLiteral("103")); // newest build first
        const auto os = proxy.facetValues(FeedbackFilterModel::OsFacet);
        QCOMPARE(os.first().label, QStringLiteral("17.10")); // 17.10 is newer than 17.2
        const auto testers = proxy.facetValues(FeedbackFilterModel::TesterFacet);
        QCOMPARE(testers.first().label, QStringLiteral("Al Tester"));
        QCOMPARE(testers.first().value, QStringLiteral("tester-0"));
        QCOMPARE(testers.first().count, 21);

        // Kind narrows; the device counts follow, the kind counts stay (they ignore their own filter).
        QSignalSpy counts(&proxy, &FeedbackFilterModel::countsChanged);
        proxy.setFacet(FeedbackFilterModel::KindFacet, QStringLiteral("crash"));
        QCOMPARE(proxy.rowCount(), 12);
        QVERIFY(counts.wait(1000));
        for (int row = 0; row < proxy.rowCount(); ++row)
            QCOMPARE(proxy.index(row, 0).data(FeedbackModel::KindRole).toInt(), int(FeedbackKind::Crash));
        QCOMPARE(countOf(FeedbackFilterModel::KindFacet, QStringLiteral("screenshot")), 30);
        QCOMPARE(countOf(FeedbackFilterModel::DeviceFacet, QStringLiteral("iPhone15,2")), 4); // 30,33,36,39

        // Device narrows further; choosing a count's value shows exactly that many rows.
        proxy.setFacet(FeedbackFilterModel::DeviceFacet, QStringLiteral("iPhone15,2"));
        QCOMPARE(proxy.rowCount(), 4);
        QCOMPARE(countOf(FeedbackFilterModel::KindFacet, QStringLiteral("screenshot")), 10);
        for (const auto &entry : proxy.facetValues(FeedbackFilterModel::OsFacet)) {
            FeedbackFilterModel check;
            check.setSourceModel(&model);
            check.setFacet(FeedbackFilterModel::KindFacet, QStringLiteral("crash"));
            check.setFacet(FeedbackFilterModel::DeviceFacet, QStringLiteral("iPhone15,2"));
            check.setFacet(FeedbackFilterModel::OsFacet, entry.value);
            QCOMPARE(check.rowCount(), entry.count);
        }
        proxy.clearFilters();
        QCOMPARE(proxy.rowCount(), 42);

        // Build, OS, platform, tester.
        proxy.setFacet(FeedbackFilterModel::BuildFacet, QStringLiteral("build-1"));
        QCOMPARE(proxy.rowCount(), 11); // 1, 5, 9, ... 41
        proxy.setFacet(FeedbackFilterModel::TesterFacet, QStringLiteral("tester-1"));
        QCOMPARE(proxy.rowCount(), 11); // all odd
        proxy.setFacet(FeedbackFilterModel::TesterFacet, QStringLiteral("tester-0"));
        QCOMPARE(proxy.rowCount(), 0);
        QCOMPARE(proxy.facetCount(FeedbackFilterModel::TesterFacet, QStringLiteral("tester-1")), 11);
        proxy.clearFilters();
        proxy.setFacet(FeedbackFilterModel::OsFacet, QStringLiteral("16.7"));
        proxy.setFacet(FeedbackFilterModel::PlatformFacet, QStringLiteral("VISION_OS"));
        QCOMPARE(proxy.rowCount(), 3); // multiples of 15: 5, 20, 35 have i%3 == 2
        for (int row = 0; row < proxy.rowCount(); ++row)
            QCOMPARE(proxy.index(row, 0).data(FeedbackModel::OsVersionRole).toString(),
                     QStringLiteral("16.7"));
        proxy.clearFilters();

        // Text search over comments: every word, any case.
        proxy.setSearchText(QStringLiteral("  login   button "));
        QCOMPARE(proxy.rowCount(), 6); // 0, 7, 14, 21, 28, 35
        // Search applies to every count.
        QCOMPARE(proxy.facetCount(FeedbackFilterModel::KindFacet, QStringLiteral("crash")), 1);
        proxy.setSearchText(QStringLiteral("login nothing"));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setSearchText({});

        // Date range: whole local days, inclusive.
        const QDate newest = kBase.toLocalTime().date();
        proxy.setDateRange(newest, newest);
        int sameDay = 0;
        for (int i = 0; i < 42; ++i)
            sameDay += kBase.addSecs(-3600 * i).toLocalTime().date() == newest;
        QCOMPARE(proxy.rowCount(), sameDay);
        proxy.setDateRange(QDate(), newest.addDays(-1));
        QCOMPARE(proxy.rowCount(), 42 - sameDay);
        QVERIFY(proxy.hasFilters());
        proxy.clearFilters();
        QVERIFY(!proxy.hasFilters());
    }

    void stateFilterFollowsReadAndKeepsThePinnedRow()
    {
        FeedbackModel model;
        model.setItems(makeItems(10));
        FeedbackFilterModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setFacet(FeedbackFilterModel::StateFacet, FeedbackFilterModel::Unread);
        QCOMPARE(proxy.rowCount(), 10);
        QVERIFY(model.setRead({QStringLiteral("s-0"), QStringLiteral("s-1")}, true));
        QCOMPARE(proxy.rowCount(), 8); // read rows leave the "Unread" view at once
        QCOMPARE(proxy.facetCount(FeedbackFilterModel::StateFacet, FeedbackFilterModel::Read), 2);
        // The row being read stays while it is pinned, and goes when the pin moves on.
        proxy.setPinnedId(QStringLiteral("s-5"));
        QVERIFY(model.setRead({QStringLiteral("s-5")}, true));
        QCOMPARE(proxy.rowCount(), 8);
        QVERIFY(proxy.indexOfId(QStringLiteral("s-5")).isValid());
        proxy.setPinnedId(QStringLiteral("s-6"));
        QCOMPARE(proxy.rowCount(), 7);
        QVERIFY(!proxy.indexOfId(QStringLiteral("s-5")).isValid());
        proxy.setFacet(FeedbackFilterModel::StateFacet, FeedbackFilterModel::Triaged);
        QCOMPARE(proxy.rowCount(), 0);
        QVERIFY(model.setTriaged({QStringLiteral("s-3"), QStringLiteral("s-9")}, true));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setFacet(FeedbackFilterModel::StateFacet, FeedbackFilterModel::Untriaged);
        QCOMPARE(proxy.rowCount(), 8);
    }

    void proxyFollowsLiveChangesAndSorts()
    {
        FeedbackModel model;
        FeedbackFilterModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setFacet(FeedbackFilterModel::KindFacet, QStringLiteral("screenshot"));
        model.appendItems(makeItems(5));
        model.appendItems(makeItems(5, FeedbackKind::Crash, 5));
        QCOMPARE(proxy.rowCount(), 5);
        model.insertItem(makeItem(-1));
        QCOMPARE(proxy.rowCount(), 6);
        QCOMPARE(proxy.index(0, 0).data(FeedbackModel::IdRole).toString(), QStringLiteral("s--1"));
        model.removeItem(QStringLiteral("s-2"));
        QCOMPARE(proxy.rowCount(), 5);
        QCOMPARE(proxy.submission(proxy.index(0, 0))->id, QStringLiteral("s--1"));
        // Sorted by date descending it matches the inbox order; by tester, Al before Bea.
        proxy.sort(FeedbackModel::Date, Qt::DescendingOrder);
        QCOMPARE(idsOf(proxy), (QStringList{"s--1", "s-0", "s-1", "s-3", "s-4"}));
        proxy.sort(FeedbackModel::Tester, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, FeedbackModel::Tester).data().toString(), QStringLiteral("Al Tester"));
        QCOMPARE(proxy.index(4, FeedbackModel::Tester).data().toString(), QStringLiteral("Bea Tester"));
        model.clear();
        QCOMPARE(proxy.rowCount(), 0);
    }

    void countsOverTenThousandRowsAreQuick()
    {
        FeedbackModel model;
        model.setItems(makeItems(2000) + makeItems(8000, FeedbackKind::Crash, 2000));
        FeedbackFilterModel proxy;
        proxy.setSourceModel(&model);
        QElapsedTimer timer;
        timer.start();
        proxy.setFacet(FeedbackFilterModel::DeviceFacet, QStringLiteral("iPad14,3"));
        proxy.setSearchText(QStringLiteral("fine"));
        const int shown = proxy.rowCount();
        const auto devices = proxy.facetValues(FeedbackFilterModel::DeviceFacet);
        const qint64 ms = timer.elapsed();
        QCOMPARE(devices.size(), 3);
        int expected = 0;
        for (int i = 0; i < 10000; ++i)
            expected += i % 3 == 2 && i % 7 != 0;
        QCOMPARE(shown, expected);
        qInfo("filter + counts over 10,000 rows: %lld ms", ms);
        QVERIFY2(ms < 2000, qPrintable(QString::number(ms)));
    }

    void loaderMergesBothKindsNewestFirst()
    {
        InboxServer handler;
        // Screenshots every 3 hours, crashes every hour in between: the merge must interleave them.
        for (int i = 0; i < 450; ++i)
            handler.screenshots << makeItem(i * 3);
        for (int i = 0; i < 250; ++i)
            handler.crashes << makeItem(i * 3 + 1, FeedbackKind::Crash);
        http::HttpServer server(&handler);
        QVERIFY(server.listen());
        handler.port = server.port();
        StaticToken token;
        api::ApiClient client(&token);
        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port())));

        FeedbackModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        FeedbackLoader loader(&client);
        connect(&loader, &FeedbackLoader::itemsReady, &model, &FeedbackModel::appendItems);
        QSignalSpy ready(&loader, &FeedbackLoader::itemsReady);
        QSignalSpy finished(&loader, &FeedbackLoader::finished);
        loader.start(QStringLiteral("app-1"));
        QVERIFY(loader.isRunning());
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.size(), 1);
        QVERIFY(loader.ok());
        QCOMPARE(model.rowCount(), 700);
        QCOMPARE(loader.itemCount(), 700);
        // ceil(450/200) + ceil(250/200) pages, one request each, nothing per item.
        QCOMPARE(loader.pageCount(), 5);
        QCOMPARE(client.requestCount(), 5);
        QVERIFY(ready.size() >= 2); // shown while the rest was still coming
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY2(model.submission(row - 1)->createdDate >= model.submission(row)->createdDate,
                     qPrintable(QString::number(row)));
        QCOMPARE(model.submission(0)->id, QStringLiteral("s-0"));
        QCOMPARE(model.submission(1)->id, QStringLiteral("c-1"));
        QCOMPARE(model.submission(1)->buildVersion, QStringLiteral("101"));
        QCOMPARE(model.submission(1)->testerName, QStringLiteral("Bea Tester"));
        // The inbox query, verbatim.
        const QString first = handler.targets.first();
        QVERIFY2(first.contains(QStringLiteral("sort=-createdDate")), qPrintable(first));
        QVERIFY(first.contains(QStringLiteral("limit=200")));
        QVERIFY(first.contains(QStringLiteral("include=build,tester")));
    }

    void loaderKeepsWhatOneListGaveWhenTheOtherFails()
    {
        InboxServer handler;
        handler.screenshots = makeItems(3);
        http::HttpServer server(&handler);
        QVERIFY(server.listen());
        handler.port = server.port();
        StaticToken token;
        api::ApiClient client(&token);
        api::RetryPolicy fast;
        fast.maxAttempts = 1;
        client.setRetryPolicy(fast);
        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port())));
        FeedbackModel model;
        FeedbackLoader loader(&client);
        connect(&loader, &FeedbackLoader::itemsReady, &model, &FeedbackModel::appendItems);
        QSignalSpy finished(&loader, &FeedbackLoader::finished);
        loader.start(QStringLiteral("app-2")); // unknown app: both lists answer 404
        QVERIFY(finished.wait(10000));
        QVERIFY(!loader.ok());
        QCOMPARE(loader.errors().size(), 2);
        QCOMPARE(loader.errors().first().httpStatus, 404);
        QCOMPARE(model.rowCount(), 0);

        // Cancelling stops at once with one finished().
        finished.clear();
        loader.start(QStringLiteral("app-1"));
        loader.cancel();
        QCOMPARE(finished.size(), 1);
        QVERIFY(!loader.isRunning());
        QTest::qWait(100);
        QCOMPARE(finished.size(), 1);
    }
};

QTEST_MAIN(TestFeedbackModels)
#include "tst_feedbackmodels.moc"

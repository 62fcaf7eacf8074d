// Pager: follows links.next verbatim across pages, collects or streams, stops on errors, cancels.

#include "core/api/apiclient.h"
#include "core/api/builds.h"
#include "core/api/pager.h"
#include "faketokensource.h"
#include "scriptedserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace ascend;
using namespace ascend::api;

namespace {
RetryPolicy fastPolicy()
{
    RetryPolicy policy;
    policy.maxAttempts = 2;
    policy.baseDelay = Milliseconds(5);
    policy.maxDelay = Milliseconds(20);
    return policy;
}

// One page of builds: ids b<first>..b<first+count-1>, each pointing at preReleaseVersion pv<n % 2>,
// which is included; `next` empty means last page.
QByteArray buildsPage(int first, int count, int total, const QString &self, const QString &next)
{
    QJsonArray data;
    QJsonArray included;
    for (int i = first; i < first + count; ++i) {
        const QString versionId = QStringLiteral("pv%1").arg(i % 2);
        data.append(QJsonObject{
            {QStringLiteral("type"), QStringLiteral("builds")},
            {QStringLiteral("id"), QStringLiteral("b%1").arg(i)},
            {QStringLiteral("attributes"),
             QJsonObject{{QStringLiteral("version"), QString::number(i)},
                         {QStringLiteral("processingState"), QStringLiteral("VALID")}}},
            {QStringLiteral("relationships"),
             QJsonObject{
                 {QStringLiteral("preReleaseVersion"),
                  QJsonObject{{QStringLiteral("data"),
                               QJsonObject{{QStringLiteral("type"), QStringLiteral("preReleaseVersions")},
                                           {QStringLiteral("id"), versionId}}}}}}}});
        bool already = false;
        for (const auto &value : included)
            already = already || value.toObject().value(QStringLiteral("id")).toString() == versionId;
        if (!already)
            included.append(QJsonObject{
                {QStringLiteral("type"), QStringLiteral("preReleaseVersions")},
                {QStringLiteral("id"), versionId},
                {QStringLiteral("attributes"),
                 QJsonObject{{QStringLiteral("version"), QStringLiteral("1.%1").arg(versionId.back())}}}});
    }
    QJsonObject links{{QStringLiteral("self"), self}};
    QJsonObject paging{{QStringLiteral("total"), total}, {QStringLiteral("limit"), count}};
    if (!next.isEmpty()) {
        links.insert(QStringLiteral("next"), next);
        paging.insert(QStringLiteral("nextCursor"), QStringLiteral("cursor"));
    }
    return QJsonDocument(
               QJsonObject{{QStringLiteral("data"), data},
                           {QStringLiteral("included"), included},
                           {QStringLiteral("links"), links},
                           {QStringLiteral("meta"), QJsonObject{{QStringLiteral("paging"), paging}}}})
        .toJson(QJsonDocument::Compact);
}
} // namespace

class TestPager : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<FakeTokenSource> m_tokens;
    std::unique_ptr<ApiClient> m_client;
    QString m_base;

    // Three pages of 2 + 2 + 1 builds whose next links use odd but valid encodings that must be
    // sent back exactly as given.
    void scriptThreePages()
    {
        const QString next2 =
            m_base + QStringLiteral("/v1/builds?cursor=Mg%2B%2BAA&filter%5Bapp%5D=1589427103&limit=2");
        const QString next3 =
            m_base + QStringLiteral("/v1/builds?filter[app]=1589427103&limit=2&cursor=NA..x");
        m_server->enqueue(
            ScriptedResponse::json(200, buildsPage(1, 2, 5, m_base + QStringLiteral("/v1/builds"), next2)));
        m_server->enqueue(ScriptedResponse::json(200, buildsPage(3, 2, 5, next2, next3)));
        m_server->enqueue(ScriptedResponse::json(200, buildsPage(5, 1, 5, next3, QString())));
    }

    void waitFor(Pager &pager)
    {
        QSignalSpy finished(&pager, &Pager::finished);
        if (!pager.isFinished())
            QVERIFY(finished.wait(10000));
        QTest::qWait(20);
        QCOMPARE(finished.count(), pager.isFinished() ? 1 : 0);
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<ScriptedServer>();
        QVERIFY(m_server->listen());
        m_base = m_server->baseUrl().toString();
        m_tokens = std::make_unique<FakeTokenSource>();
        auto *network = new QNetworkAccessManager;
        network->setProxy(QNetworkProxy::NoProxy);
        m_client = std::make_unique<ApiClient>(m_tokens.get(), network);
        m_client->setBaseUrl(m_server->baseUrl());
        m_client->setRetryPolicy(fastPolicy());
    }

    void cleanup()
    {
        m_client.reset();
        m_tokens.reset();
        m_server.reset();
    }

    void collectsAllPagesFollowingNextVerbatim()
    {
        scriptThreePages();
        Pager pager(m_client.get(),
                    listBuilds(Query().filter(QStringLiteral("app"), QStringLiteral("1589427103")).limit(2)));
        QSignalSpy pages(&pager, &Pager::pageReceived);
        QSignalSpy finished(&pager, &Pager::finished);
        pager.start();
        QVERIFY(finished.wait(10000));
        QTest::qWait(20);
        QCOMPARE(finished.count(), 1);

        QVERIFY2(pager.ok(), qPrintable(pager.error().message()));
        QVERIFY(pager.reachedEnd());
        QCOMPARE(pager.pageCount(), 3);
        QCOMPARE(pages.count(), 3);
        QCOMPARE(pager.total(), std::optional<qint64>(5));
        QCOMPARE(m_client->requestCount(), 3);

        QStringList ids;
        for (const auto &resource : pager.resources())
            ids << resource.id;
        QCOMPARE(ids, QStringList({QStringLiteral("b1"), QStringLiteral("b2"), QStringLiteral("b3"),
                                   QStringLiteral("b4"), QStringLiteral("b5")}));
        // Each page included pv0 and/or pv1; the union holds each once.
        QCOMPARE(pager.included().size(), 2);
        const auto build = Build::fromResource(pager.resources().at(2));
        QVERIFY(build);
        const jsonapi::Resource *version =
            pager.findIncluded(QStringLiteral("preReleaseVersions"), build->preReleaseVersionId);
        QVERIFY(version);
        QCOMPARE(version->stringAttribute(QStringLiteral("version")), QStringLiteral("1.1"));

        const auto &requests = m_server->requests();
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests.at(0).target, QByteArray("/v1/builds?filter[app]=1589427103&limit=2"));
        QCOMPARE(requests.at(1).target,
                 QByteArray("/v1/builds?cursor=Mg%2B%2BAA&filter%5Bapp%5D=1589427103&limit=2"));
        QCOMPARE(requests.at(2).target, QByteArray("/v1/builds?filter[app]=1589427103&limit=2&cursor=NA..x"));
        for (const auto &request : requests)
            QCOMPARE(request.header("Authorization"), QByteArray("Bearer token-1"));

        // The pages as announced: the first one carries the paging information.
        const auto firstPage = pages.at(0).at(0).value<jsonapi::Document>();
        QCOMPARE(firstPage.resources().size(), 2);
        QCOMPARE(firstPage.paging()->nextCursor, QStringLiteral("cursor"));
        QVERIFY(pages.at(2).at(0).value<jsonapi::Document>().links().next.isEmpty());
    }

    void pageByPageWithoutCollecting()
    {
        scriptThreePages();
        Pager pager(m_client.get(), listBuilds(Query().limit(2)));
        pager.setCollecting(false);
        int seen = 0;
        connect(&pager, &Pager::pageReceived, this,
                [&seen](const jsonapi::Document &page) { seen += int(page.resources().size()); });
        pager.start();
        waitFor(pager);
        QVERIFY(pager.ok());
        QCOMPARE(seen, 5);
        QVERIFY(pager.resources().isEmpty());
        QVERIFY(pager.included().isEmpty());
    }

    void relativeNextLinkIsResolved()
    {
        m_server->enqueue(ScriptedResponse::json(
            200, buildsPage(1, 1, 2, QStringLiteral("/v1/builds"), QStringLiteral("/v1/builds?cursor=AQ"))));
        m_server->enqueue(ScriptedResponse::json(
            200, buildsPage(2, 1, 2, QStringLiteral("/v1/builds?cursor=AQ"), QString())));
        Pager pager(m_client.get(), listBuilds());
        pager.start();
        waitFor(pager);
        QVERIFY2(pager.ok(), qPrintable(pager.error().message()));
        QCOMPARE(pager.resources().size(), 2);
        QCOMPARE(m_server->requests().at(1).target, QByteArray("/v1/builds?cursor=AQ"));
    }

    void stopsOnErrorKeepingWhatItHad()
    {
        const QString next = m_base + QStringLiteral("/v1/builds?cursor=AQ");
        m_server->enqueue(
            ScriptedResponse::json(200, buildsPage(1, 2, 6, m_base + QStringLiteral("/v1/builds"), next)));
        m_server->enqueue(ScriptedResponse::error(404, "NOT_FOUND", "The specified resource does not exist",
                                                  "The cursor has expired"));
        m_server->enqueue(
            ScriptedResponse::json(200, buildsPage(3, 2, 6, next, QString()))); // never requested
        Pager pager(m_client.get(), listBuilds());
        pager.start();
        waitFor(pager);
        QVERIFY(pager.isFinished());
        QVERIFY(!pager.ok());
        QVERIFY(!pager.reachedEnd());
        QCOMPARE(pager.error().httpStatus, 404);
        QVERIFY(pager.error().message().contains(QStringLiteral("The cursor has expired")));
        QCOMPARE(pager.pageCount(), 1);
        QCOMPARE(pager.resources().size(), 2);
        QCOMPARE(m_server->requests().size(), 2);
    }

    void retriesInsideAPage()
    {
        const QString next = m_base + QStringLiteral("/v1/builds?cursor=AQ");
        m_server->enqueue(
            ScriptedResponse::json(200, buildsPage(1, 1, 2, m_base + QStringLiteral("/v1/builds"), next)));
        m_server->enqueue(ScriptedResponse::error(503, "SERVICE_UNAVAILABLE", "Unavailable", "Later"));
        m_server->enqueue(ScriptedResponse::json(200, buildsPage(2, 1, 2, next, QString())));
        Pager pager(m_client.get(), listBuilds());
        pager.start();
        waitFor(pager);
        QVERIFY2(pager.ok(), qPrintable(pager.error().message()));
        QCOMPARE(pager.pageCount(), 2);
        QCOMPARE(m_server->requests().at(2).target, QByteArray("/v1/builds?cursor=AQ"));
    }

    void cancelWhileAPageIsInFlight()
    {
        const QString next = m_base + QStringLiteral("/v1/builds?cursor=AQ");
        m_server->enqueue(
            ScriptedResponse::json(200, buildsPage(1, 2, 4, m_base + QStringLiteral("/v1/builds"), next)));
        m_server->enqueue(ScriptedResponse::hang());
        Pager pager(m_client.get(), listBuilds());
        QSignalSpy finished(&pager, &Pager::finished);
        QSignalSpy received(m_server.get(), &ScriptedServer::requestReceived);
        pager.start();
        while (received.count() < 2)
            QVERIFY(received.wait(5000));
        QVERIFY(pager.isRunning());
        pager.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(pager.error().kind, ApiError::Kind::Cancelled);
        QCOMPARE(pager.resources().size(), 2);
        pager.cancel();
        QTest::qWait(50);
        QCOMPARE(finished.count(), 1);
    }

    void cancelFromPageHandler()
    {
        scriptThreePages();
        Pager pager(m_client.get(), listBuilds(Query().limit(2)));
        connect(&pager, &Pager::pageReceived, &pager, &Pager::cancel);
        pager.start();
        waitFor(pager);
        QCOMPARE(pager.error().kind, ApiError::Kind::Cancelled);
        QCOMPARE(pager.pageCount(), 1);
        QTest::qWait(50);
        QCOMPARE(m_server->requests().size(), 1);
    }

    void maxPages()
    {
        scriptThreePages();
        Pager pager(m_client.get(), listBuilds(Query().limit(2)));
        pager.setMaxPages(2);
        pager.start();
        waitFor(pager);
        QVERIFY(pager.ok());
        QVERIFY(!pager.reachedEnd());
        QCOMPARE(pager.pageCount(), 2);
        QCOMPARE(m_server->requests().size(), 2);
    }

    void repeatingNextLinkIsAnError()
    {
        const QString self = m_base + QStringLiteral("/v1/builds?cursor=AQ");
        m_server->enqueue(
            ScriptedResponse::json(200, buildsPage(1, 1, 9, m_base + QStringLiteral("/v1/builds"), self)));
        m_server->setHandler([self](const RecordedRequest &) {
            return ScriptedResponse::json(200, buildsPage(2, 1, 9, self, self));
        });
        Pager pager(m_client.get(), listBuilds());
        pager.start();
        waitFor(pager);
        QCOMPARE(pager.error().kind, ApiError::Kind::Decode);
        QVERIFY(pager.error().message().contains(QStringLiteral("repeats a page")));
        QCOMPARE(m_server->requests().size(), 2);
    }

    void invalidFirstRequest()
    {
        Pager pager(m_client.get(), listBuilds(Query().limit(1000)));
        pager.start();
        waitFor(pager);
        QCOMPARE(pager.error().kind, ApiError::Kind::Config);
        QCOMPARE(m_server->requests().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPager)
#include "tst_pager.moc"

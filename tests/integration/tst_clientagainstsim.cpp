// The API client against the real simulator over loopback: pagination, errors, rate limiting, JWT rejection.

#include "core/api/apireply.h"
#include "core/api/apps.h"
#include "core/api/builds.h"
#include "core/api/pager.h"
#include "core/auth/apikey.h"
#include "core/auth/jwtsigner.h"
#include "simfixture.h"

#include <QSet>
#include <QSignalSpy>
#include <QtTest>

using namespace ascend;
using ascend::testing::SimFixture;

namespace {

api::ApiReply *sendAndWait(api::ApiClient *client, const api::ApiRequest &request)
{
    api::ApiReply *reply = client->send(request);
    api::waitForFinished(reply, 30000);
    return reply;
}

struct CollectedPages {
    bool ok = false;
    int pages = 0;
    std::optional<qint64> total;
    QList<jsonapi::Resource> resources;
    QString error;
};

CollectedPages collectAll(api::ApiClient *client, const api::ApiRequest &request)
{
    api::Pager pager(client, request);
    QSignalSpy finished(&pager, &api::Pager::finished);
    pager.start();
    if (!pager.isFinished())
        finished.wait(60000);
    return {pager.ok(), pager.pageCount(), pager.total(), pager.resources(), pager.error().message()};
}

QString firstAppId(api::ApiClient *client)
{
    api::Query query;
    query.sort(QStringLiteral("name")).limit(200);
    std::unique_ptr<api::ApiReply> reply(sendAndWait(client, api::listApps(query)));
    if (!reply->ok() || reply->document().resources().isEmpty())
        return {};
    return reply->document().resources().first().id;
}

} // namespace

class TestClientAgainstSim : public QObject {
    Q_OBJECT

private slots:
    void listsAppsWithOneSignature()
    {
        SimFixture sim;
        QVERIFY(sim.start());
        const CollectedPages apps = collectAll(sim.client(), api::listApps(api::Query().limit(200)));
        QVERIFY2(apps.ok, qPrintable(apps.error));
        QVERIFY(apps.resources.size() >= 3);
        for (const auto &resource : apps.resources) {
            const auto app = api::App::fromResource(resource);
            QVERIFY(app);
            QVERIFY(!app->name.isEmpty());
            QVERIFY(app->bundleId.contains(QLatin1Char('.')));
        }
        // A second call reuses the same token.
        std::unique_ptr<api::ApiReply> again(sendAndWait(sim.client(), api::listApps()));
        QVERIFY(again->ok());
        QCOMPARE(sim.session->signer()->signatureCount(), 1);
    }

    void paginationFollowsNextUntilTheEnd()
    {
        SimFixture sim;
        QVERIFY(sim.start());
        const QString appId = firstAppId(sim.client());
        QVERIFY(!appId.isEmpty());

        api::Query all;
        all.filter(QStringLiteral("app"), appId).limit(200);
        const CollectedPages reference = collectAll(sim.client(), api::listBuilds(all));
        QVERIFY2(reference.ok, qPrintable(reference.error));
        QCOMPARE(reference.pages, 1);
        const int buildCount = int(reference.resources.size());
        QVERIFY2(buildCount > 7, "the demo seed has dozens of builds per app");

        api::Query paged;
        paged.filter(QStringLiteral("app"), appId).sort(QStringLiteral("-uploadedDate")).limit(3);
        const qint64 before = sim.client()->requestCount();
        const CollectedPages pages = collectAll(sim.client(), api::listBuilds(paged));
        QVERIFY2(pages.ok, qPrintable(pages.error));
        QCOMPARE(pages.resources.size(), buildCount);
        QCOMPARE(pages.pages, (buildCount + 2) / 3);
        QCOMPARE(sim.client()->requestCount() - before, qint64(pages.pages));
        QVERIFY(pages.total);
        QCOMPARE(*pages.total, qint64(buildCount));

        QSet<QString> ids;
        QDateTime previous;
        for (const auto &resource : pages.resources) {
            ids.insert(resource.id);
            const auto build = api::Build::fromResource(resource);
            QVERIFY(build);
            QCOMPARE(build->appId.isEmpty() || build->appId == appId, true);
            if (previous.isValid())
                QVERIFY2(build->uploadedDate <= previous, "sort=-uploadedDate holds across pages");
            previous = build->uploadedDate;
        }
        QCOMPARE(ids.size(), buildCount);
    }

    void includeFillsIncluded()
    {
        SimFixture sim;
        QVERIFY(sim.start());
        const QString appId = firstAppId(sim.client());
        api::Query query;
        query.filter(QStringLiteral("app"), appId).include({QStringLiteral("preReleaseVersion")}).limit(10);
        std::unique_ptr<api::ApiReply> reply(sendAndWait(sim.client(), api::listBuilds(query)));
        QVERIFY2(reply->ok(), qPrintable(reply->error().message()));
        const auto &document = reply->document();
        QVERIFY(!document.resources().isEmpty());
        for (const auto &resource : document.resources()) {
            const auto build = api::Build::fromResource(resource);
            QVERIFY(build);
            QVERIFY(!build->preReleaseVersionId.isEmpty());
            QVERIFY2(document.findIncluded(QStringLiteral("preReleaseVersions"), build->preReleaseVersionId),
                     "every referenced pre-release version is in included");
        }
    }

    void serverErrorsAreDecoded()
    {
        SimFixture sim;
        QVERIFY(sim.start());

        std::unique_ptr<api::ApiReply> missing(
            sendAndWait(sim.client(), api::getApp(QStringLiteral("0000000"))));
        QVERIFY(!missing->ok());
        QCOMPARE(missing->httpStatus(), 404);
        QCOMPARE(missing->error().kind, api::ApiError::Kind::Http);
        QVERIFY(!missing->error().errors.isEmpty());
        QCOMPARE(missing->error().errors.first().code, QStringLiteral("NOT_FOUND"));
        QVERIFY(!missing->error().message().isEmpty());

        api::Query tooMany;
        tooMany.param(QStringLiteral("limit"), QStringLiteral("201"));
        std::unique_ptr<api::ApiReply> overLimit(sendAndWait(sim.client(), api::listApps(tooMany)));
        QCOMPARE(overLimit->httpStatus(), 400);
        QVERIFY(overLimit->error().errors.value(0).code.startsWith(QStringLiteral("PARAMETER_ERROR")));
        QCOMPARE(overLimit->attempts(), 1); // a 400 is never retried

        api::Query clientSide;
        clientSide.limit(201);
        QVERIFY(!clientSide.isValid());
        const qint64 before = sim.client()->requestCount();
        std::unique_ptr<api::ApiReply> refused(sendAndWait(sim.client(), api::listApps(clientSide)));
        QCOMPARE(refused->error().kind, api::ApiError::Kind::Config);
        QCOMPARE(sim.client()->requestCount(), before); // refused before anything was sent

        std::unique_ptr<api::ApiReply> unknown(
            sendAndWait(sim.client(), api::ApiRequest::get(QStringLiteral("/v1/noSuchThing"))));
        QCOMPARE(unknown->httpStatus(), 404);
        QVERIFY(!unknown->error().errors.isEmpty());
    }

    void rateLimitIsTrackedAndEnforced()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("--rate-limit"), QStringLiteral("5")}));
        sim.client()->setRetryPolicy(api::RetryPolicy::noRetries());
        QSignalSpy budget(sim.client(), &api::ApiClient::rateLimitChanged);

        for (int i = 0; i < 5; ++i) {
            std::unique_ptr<api::ApiReply> reply(sendAndWait(sim.client(), api::listApps()));
            QVERIFY2(reply->ok(), qPrintable(reply->error().message()));
            QCOMPARE(sim.client()->rateLimit().limit, 5);
            QCOMPARE(sim.client()->rateLimit().remaining, 4 - i);
        }
        QVERIFY(budget.count() >= 5);
        std::unique_ptr<api::ApiReply> limited(sendAndWait(sim.client(), api::listApps()));
        QCOMPARE(limited->httpStatus(), 429);
        QCOMPARE(limited->error().errors.value(0).code, QStringLiteral("RATE_LIMIT_EXCEEDED"));
        QVERIFY(limited->error().message().contains(QStringLiteral("limit"), Qt::CaseInsensitive));
    }

    void rateLimitedGetIsRetriedWithBackoff()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("--rate-limit"), QStringLiteral("1")}));
        std::unique_ptr<api::ApiReply> first(sendAndWait(sim.client(), api::listApps()));
        QVERIFY(first->ok());
        std::unique_ptr<api::ApiReply> second(sendAndWait(sim.client(), api::listApps()));
        QCOMPARE(second->httpStatus(), 429);
        QCOMPARE(second->attempts(), sim.client()->retryPolicy().maxAttempts);
    }

    void rejectsAnUnknownKey()
    {
        SimFixture sim;
        QVERIFY(sim.start());
        QString error;
        const auth::ApiKey stranger = auth::ApiKey::generate(&error);
        QVERIFY2(stranger.isValid(), qPrintable(error));
        auth::JwtClaims claims;
        claims.keyId = sim.info().keyId;
        claims.issuerId = sim.info().issuerId;
        auth::JwtSigner signer(stranger, claims);
        api::ApiClient client(&signer);
        client.setBaseUrl(QUrl(sim.info().baseUrl));

        std::unique_ptr<api::ApiReply> reply(sendAndWait(&client, api::listApps()));
        QCOMPARE(reply->httpStatus(), 401);
        QCOMPARE(reply->error().errors.value(0).code, QStringLiteral("NOT_AUTHORIZED"));
        QCOMPARE(signer.signatureCount(), 2); // one re-sign after the first 401, then give up
    }

    void rejectsWrongIssuerAndKeyId_data()
    {
        QTest::addColumn<QString>("keyId");
        QTest::addColumn<QString>("issuerId");
        QTest::addColumn<bool>("individual");
        QTest::newRow("unknown kid") << QStringLiteral("ZZZZZZZZZZ") << QString() << false;
        QTest::newRow("wrong issuer")
            << QString() << QStringLiteral("00000000-0000-0000-0000-000000000000") << false;
        QTest::newRow("team key used as individual") << QString() << QString() << true;
    }

    void rejectsWrongIssuerAndKeyId()
    {
        QFETCH(QString, keyId);
        QFETCH(QString, issuerId);
        QFETCH(bool, individual);
        SimFixture sim;
        QVERIFY(sim.start());
        QString error;
        const auth::ApiKey key = auth::ApiKey::fromPem(sim.info().privateKeyPem, &error);
        QVERIFY2(key.isValid(), qPrintable(error));
        auth::JwtClaims claims;
        claims.keyId = keyId.isEmpty() ? sim.info().keyId : keyId;
        claims.issuerId = individual ? QString() : (issuerId.isEmpty() ? sim.info().issuerId : issuerId);
        claims.individualKey = individual;
        auth::JwtSigner signer(key, claims);
        api::ApiClient client(&signer);
        client.setBaseUrl(QUrl(sim.info().baseUrl));
        std::unique_ptr<api::ApiReply> reply(sendAndWait(&client, api::listApps()));
        QCOMPARE(reply->httpStatus(), 401);
        QCOMPARE(reply->error().errors.value(0).code, QStringLiteral("NOT_AUTHORIZED"));
    }

    void rejectsAnExpiredToken()
    {
        SimFixture sim;
        QVERIFY(sim.start());
        QString error;
        const auth::ApiKey key = auth::ApiKey::fromPem(sim.info().privateKeyPem, &error);
        auth::JwtClaims claims;
        claims.keyId = sim.info().keyId;
        claims.issuerId = sim.info().issuerId;
        const qint64 anHourAgo = QDateTime::currentSecsSinceEpoch() - 3600;
        auth::JwtSigner signer(key, claims, [anHourAgo] { return anHourAgo; });
        api::ApiClient client(&signer);
        client.setBaseUrl(QUrl(sim.info().baseUrl));
        std::unique_ptr<api::ApiReply> reply(sendAndWait(&client, api::listApps()));
        QCOMPARE(reply->httpStatus(), 401);
        QVERIFY(reply->error().message().contains(QStringLiteral("401")) || !reply->error().errors.isEmpty());
    }

    void retriesServerFaultsOnGets()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("--fault-rate"), QStringLiteral("0.5")}));
        int succeeded = 0;
        int retried = 0;
        for (int i = 0; i < 20; ++i) {
            std::unique_ptr<api::ApiReply> reply(sendAndWait(sim.client(), api::listApps()));
            succeeded += reply->ok() ? 1 : 0;
            retried += reply->attempts() > 1 ? 1 : 0;
            if (!reply->ok())
                QVERIFY(reply->httpStatus() >= 500);
        }
        // With half the requests failing and 4 attempts each, nearly every call gets through.
        QVERIFY2(succeeded >= 16, qPrintable(QString::number(succeeded)));
        QVERIFY(retried > 0);
    }
};

QTEST_GUILESS_MAIN(TestClientAgainstSim)
#include "tst_clientagainstsim.moc"

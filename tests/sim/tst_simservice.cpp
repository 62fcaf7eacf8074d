// The simulator's request pipeline in-process (no sockets): authentication, rate limiting, fault injection,
// routing errors, JSON bodies, X-Rate-Limit and the recorder's redaction.

#include "sim/apikeys.h"
#include "sim/endpoints.h"
#include "sim/recorder.h"
#include "sim/relations.h"
#include "sim/resourceendpoints.h"
#include "sim/seeder.h"
#include "sim/simservice.h"
#include "sim/speccatalog.h"
#include "sim/store.h"
#include "testtokens.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ascend;
using namespace ascend::sim;
using namespace ascend::sim::test;

namespace {
const QString KeyId = QStringLiteral("SERVICEK01");
const QString Issuer = QStringLiteral("0b3c7a3e-3a5e-4c54-9a7e-2b4d1f6f9a10");

http::HttpRequest request(const QByteArray &method, const QString &pathAndQuery, const QByteArray &token = {},
                          const QByteArray &body = {})
{
    http::HttpRequest r;
    r.method = method;
    r.target = pathAndQuery.toUtf8();
    const qsizetype question = pathAndQuery.indexOf(QLatin1Char('?'));
    r.path = question < 0 ? pathAndQuery : pathAndQuery.left(question);
    r.query = QUrlQuery(question < 0 ? QString() : pathAndQuery.mid(question + 1));
    if (!token.isEmpty())
        r.headers.append({"Authorization", "Bearer " + token});
    r.body = body;
    r.bodyLength = body.size();
    return r;
}

QJsonObject json(const http::HttpResponse &response)
{
    return QJsonDocument::fromJson(response.body).object();
}

QString firstCode(const http::HttpResponse &response)
{
    return json(response)
        .value(QLatin1String("errors"))
        .toArray()
        .first()
        .toObject()
        .value(QLatin1String("code"))
        .toString();
}
} // namespace

class TestSimService : public QObject {
    Q_OBJECT

private:
    KeyPtr m_key;
    KeyRing m_keys;
    Store m_store;
    std::unique_ptr<ResourceEndpoints> m_resources;
    qint64 m_nowMs = 1700000000000;

    std::unique_ptr<SimService> makeService(ServiceOptions options = {})
    {
        auto service = std::make_unique<SimService>(m_store, m_keys, SpecCatalog::embedded(), options);
        registerAllEndpoints(service->router(), *m_resources);
        service->setBaseUrl(QStringLiteral("http://127.0.0.1:1"));
        service->setClock([this] { return m_nowMs; });
        return service;
    }
    QByteArray token() const { return teamToken(m_key, KeyId, Issuer); }

private slots:
    void initTestCase()
    {
        m_key = generateKey();
        QString error;
        m_keys.add(ApiKey{KeyId, Issuer, false, crypto::loadPublicKeyPem(publicKeyPem(m_key), &error)});
        defineRelations(m_store);
        seedStore(m_store, SeedOptions{});
        m_resources = std::make_unique<ResourceEndpoints>(m_store, SpecCatalog::embedded());
    }

    void unauthenticatedIs401WithRateHeader()
    {
        auto service = makeService();
        const http::HttpResponse response = service->process(request("GET", QStringLiteral("/v1/apps")));
        QCOMPARE(response.status, 401);
        QCOMPARE(firstCode(response), QStringLiteral("NOT_AUTHORIZED"));
        QCOMPARE(response.headers.isEmpty(), false);
        QCOMPARE(http::headerValue(response.headers, "Content-Type"), QByteArray("application/json"));
        QCOMPARE(http::headerValue(response.headers, "X-Rate-Limit"),
                 QByteArray("user-hour-lim:3600;user-hour-rem:3600;"));
        // Unknown paths are not revealed before authentication.
        QCOMPARE(service->process(request("GET", QStringLiteral("/v1/nothing"))).status, 401);
    }

    void authenticatedListCountsDownTheBudget()
    {
        auto service = makeService();
        const http::HttpResponse first =
            service->process(request("GET", QStringLiteral("/v1/apps"), token()));
        QCOMPARE(first.status, 200);
        QCOMPARE(http::headerValue(first.headers, "X-Rate-Limit"),
                 QByteArray("user-hour-lim:3600;user-hour-rem:3599;"));
        QCOMPARE(json(first).value(QLatin1String("data")).toArray().size(), 5);
        const http::HttpResponse second =
            service->process(request("GET", QStringLiteral("/v1/apps"), token()));
        QCOMPARE(http::headerValue(second.headers, "X-Rate-Limit"),
                 QByteArray("user-hour-lim:3600;user-hour-rem:3598;"));
    }

    void routingErrors()
    {
        auto service = makeService();
        const http::HttpResponse unknown =
            service->process(request("GET", QStringLiteral("/v1/nothing"), token()));
        QCOMPARE(unknown.status, 404);
        QCOMPARE(firstCode(unknown), QStringLiteral("NOT_FOUND"));
        const http::HttpResponse missing =
            service->process(request("GET", QStringLiteral("/v1/builds/no-such-build"), token()));
        QCOMPARE(missing.status, 404);
        QVERIFY(json(missing)
                    .value(QLatin1String("errors"))
                    .toArray()
                    .first()
                    .toObject()
                    .value(QLatin1String("detail"))
                    .toString()
                    .contains(QLatin1String("no-such-build")));
        const http::HttpResponse post =
            service->process(request("POST", QStringLiteral("/v1/apps"), token(), "{}"));
        QCOMPARE(post.status, 405);
        QCOMPARE(http::headerValue(post.headers, "Allow"), QByteArray("GET"));
        QVERIFY(!http::headerValue(post.headers, "X-Rate-Limit").isEmpty());
        const http::HttpResponse bad =
            service->process(request("GET", QStringLiteral("/v1/apps?limit=500"), token()));
        QCOMPARE(bad.status, 400);
        QCOMPARE(firstCode(bad), QStringLiteral("PARAMETER_ERROR.INVALID"));
    }

    void jsonBodiesAreParsedForRoutesThatTakeThem()
    {
        auto service = makeService();
        QJsonObject received;
        Route route;
        route.method = "POST";
        route.pathTemplate = QStringLiteral("/v1/echo/{id}");
        route.body = BodyPolicy::Json;
        route.handler = [&received](const ApiRequest &apiRequest) {
            received = apiRequest.body.object();
            received.insert(QStringLiteral("id"), apiRequest.pathParameter(QStringLiteral("id")));
            return jsonResponse(201, received);
        };
        service->router().add(route);

        const http::HttpResponse malformed = service->process(
            request("POST", QStringLiteral("/v1/echo/7"), token(), "{\"data\": {\"type\": "));
        QCOMPARE(malformed.status, 400);
        const QJsonObject error = json(malformed).value(QLatin1String("errors")).toArray().first().toObject();
        QCOMPARE(error.value(QLatin1String("status")).toString(), QStringLiteral("400"));
        QVERIFY(error.value(QLatin1String("title")).toString().contains(QLatin1String("JSON")));
        QVERIFY(error.value(QLatin1String("source")).toObject().contains(QLatin1String("pointer")));
        QVERIFY(received.isEmpty());

        QCOMPARE(service->process(request("POST", QStringLiteral("/v1/echo/7"), token(), "[1,2]")).status,
                 400);

        const http::HttpResponse ok = service->process(
            request("POST", QStringLiteral("/v1/echo/7"), token(), "{\"data\": {\"type\": \"x\"}}"));
        QCOMPARE(ok.status, 201);
        QCOMPARE(received.value(QLatin1String("id")).toString(), QStringLiteral("7"));
        QCOMPARE(received.value(QLatin1String("data")).toObject().value(QLatin1String("type")).toString(),
                 QStringLiteral("x"));
    }

    void rateLimitRollsOverAnHour()
    {
        ServiceOptions options;
        options.rateLimitPerHour = 3;
        auto service = makeService(options);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(service->process(request("GET", QStringLiteral("/v1/apps"), token())).status, 200);
        const http::HttpResponse limited =
            service->process(request("GET", QStringLiteral("/v1/apps"), token()));
        QCOMPARE(limited.status, 429);
        QCOMPARE(firstCode(limited), QStringLiteral("RATE_LIMIT_EXCEEDED"));
        QCOMPARE(http::headerValue(limited.headers, "X-Rate-Limit"),
                 QByteArray("user-hour-lim:3;user-hour-rem:0;"));
        m_nowMs += 30 * 60 * 1000;
        QCOMPARE(service->process(request("GET", QStringLiteral("/v1/apps"), token())).status, 429);
        m_nowMs += 30 * 60 * 1000 + 1; // the first three requests left the window
        const http::HttpResponse again =
            service->process(request("GET", QStringLiteral("/v1/apps"), token()));
        QCOMPARE(again.status, 200);
        QCOMPARE(http::headerValue(again.headers, "X-Rate-Limit"),
                 QByteArray("user-hour-lim:3;user-hour-rem:2;"));
    }

    void faultInjection()
    {
        ServiceOptions options;
        options.faultRate = 1.0;
        auto service = makeService(options);
        QSet<int> statuses;
        for (int i = 0; i < 20; ++i) {
            const http::HttpResponse response =
                service->process(request("GET", QStringLiteral("/v1/apps"), token()));
            statuses.insert(response.status);
            QVERIFY(!firstCode(response).isEmpty());
            if (response.status == 503)
                QCOMPARE(http::headerValue(response.headers, "Retry-After"), QByteArray("1"));
        }
        QCOMPARE(statuses, QSet<int>({500, 503}));

        options.faultRate = 0.3;
        auto partial = makeService(options);
        int faults = 0;
        for (int i = 0; i < 200; ++i)
            faults +=
                partial->process(request("GET", QStringLiteral("/v1/apps"), token())).status >= 500 ? 1 : 0;
        QVERIFY2(faults > 30 && faults < 90, qPrintable(QString::number(faults)));
        // Unauthenticated requests are refused before any fault.
        QCOMPARE(partial->process(request("GET", QStringLiteral("/v1/apps"))).status, 401);
    }

    void recorderRedactsAuthorization()
    {
        http::HttpRequest r =
            request("GET", QStringLiteral("/v1/apps?limit=2&filter[name]=Trailhead"), token());
        const http::HttpResponse response = http::HttpResponse::json(200, "{\"data\":[]}");
        const QJsonObject line = Recorder::describe(r, response, 3);
        const QByteArray text = QJsonDocument(line).toJson(QJsonDocument::Compact);
        QVERIFY(!text.contains(token()));
        QCOMPARE(line.value(QLatin1String("requestHeaders"))
                     .toObject()
                     .value(QLatin1String("Authorization"))
                     .toString(),
                 QStringLiteral("[redacted]"));
        QCOMPARE(line.value(QLatin1String("method")).toString(), QStringLiteral("GET"));
        QCOMPARE(line.value(QLatin1String("path")).toString(), QStringLiteral("/v1/apps"));
        QCOMPARE(
            line.value(QLatin1String("query")).toObject().value(QLatin1String("filter[name]")).toString(),
            QStringLiteral("Trailhead"));
        QCOMPARE(line.value(QLatin1String("status")).toInt(), 200);
        QCOMPARE(line.value(QLatin1String("requestBodyBytes")).toInt(), 0);
        QVERIFY(line.value(QLatin1String("responseBody")).toObject().contains(QLatin1String("data")));

        http::HttpRequest upload = request("PUT", QStringLiteral("/upload/1"));
        upload.bodyFilePath = QStringLiteral("/tmp/spooled");
        upload.bodyLength = 123456789;
        const QJsonObject binary = Recorder::describe(upload, http::HttpResponse::text(200, "not json"), 1);
        QCOMPARE(binary.value(QLatin1String("requestBodyBytes")).toInteger(), 123456789);
        QCOMPARE(binary.value(QLatin1String("responseBodyBytes")).toInt(), 8);
    }

    void recorderRedactsWebhookSecrets()
    {
        http::HttpRequest create = request("POST", QStringLiteral("/v1/webhooks"), token());
        create.body =
            R"({"data":{"type":"webhooks","attributes":{"name":"n","secret":"s3cr3t-value","url":"https://x"}}})";
        const QJsonObject line = Recorder::describe(create, http::HttpResponse::json(201, "{}"), 1);
        const QByteArray text = QJsonDocument(line).toJson(QJsonDocument::Compact);
        QVERIFY(!text.contains("s3cr3t-value"));
        QCOMPARE(line.value(QLatin1String("requestBody"))
                     .toObject()
                     .value(QLatin1String("data"))
                     .toObject()
                     .value(QLatin1String("attributes"))
                     .toObject()
                     .value(QLatin1String("secret"))
                     .toString(),
                 QStringLiteral("[redacted]"));
    }
};

QTEST_GUILESS_MAIN(TestSimService)
#include "tst_simservice.moc"

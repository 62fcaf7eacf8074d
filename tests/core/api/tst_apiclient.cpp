// ApiClient over real loopback sockets against a scripted server: auth header, retries, 401 re-sign,
// Retry-After, timeouts, rate-limit tracking, cancellation and what reaches the log.

#include "core/api/apiclient.h"
#include "core/api/apps.h"
#include "faketokensource.h"
#include "scriptedserver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace ascend::api;

namespace {
const QByteArray kAppsPage =
    R"({"data":[{"type":"apps","id":"1589427103","attributes":{"name":"Trailhead Weather",
"bundleId":"com.northpine.trailhead","sku":"TRAILHEAD2021","primaryLocale":"en-US"}}],
"links":{"self":"/v1/apps"},"meta":{"paging":{"total":1,"limit":50}}})";

RetryPolicy fastPolicy()
{
    RetryPolicy policy;
    policy.maxAttempts = 3;
    policy.baseDelay = Milliseconds(5);
    policy.factor = 2.0;
    policy.maxDelay = Milliseconds(50);
    policy.jitter = 0.2;
    policy.maxRetryAfter = Milliseconds(5000);
    return policy;
}

quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;
void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_log << QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ') + message;
    Q_UNUSED(type);
}
} // namespace

class TestApiClient : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<FakeTokenSource> m_tokens;
    std::unique_ptr<ApiClient> m_client;

    // Sends, checks that finished() is never emitted from inside send(), waits, and checks that
    // finished() came exactly once.
    ApiReply *run(const ApiRequest &request, int timeoutMs = 15000)
    {
        ApiReply *reply = m_client->send(request);
        auto spy = std::make_shared<QSignalSpy>(reply, &ApiReply::finished);
        if (spy->count() != 0)
            qFatal("finished() emitted inside send()");
        if (!waitForFinished(reply, timeoutMs))
            qFatal("request did not finish in time");
        QTest::qWait(20); // a second emission would show up here
        if (spy->count() != 1)
            qFatal("finished() emitted %d times", int(spy->count()));
        return reply;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<ScriptedServer>();
        QVERIFY(m_server->listen());
        m_tokens = std::make_unique<FakeTokenSource>();
        auto *network = new QNetworkAccessManager;
        network->setProxy(QNetworkProxy::NoProxy);
        m_client = std::make_unique<ApiClient>(m_tokens.get(), network);
        QCOMPARE(m_client->networkAccessManager(), network); // the injected manager is the one used
        m_client->setBaseUrl(m_server->baseUrl());
        m_client->setRetryPolicy(fastPolicy());
    }

    void cleanup()
    {
        m_client.reset();
        m_tokens.reset();
        m_server.reset();
    }

    void getSendsBearerAndDecodes()
    {
        m_server->enqueue(ScriptedResponse::json(200, kAppsPage));
        ApiReply *reply = run(listApps(
            Query().filter(QStringLiteral("bundleId"), QStringLiteral("com.northpine.trailhead")).limit(50)));
        QVERIFY2(reply->ok(), qPrintable(reply->error().message()));
        QCOMPARE(reply->httpStatus(), 200);
        QCOMPARE(reply->rawBody(), kAppsPage);
        QCOMPARE(reply->document().resources().size(), 1);
        QCOMPARE(App::fromResource(reply->document().resources().first())->name,
                 QStringLiteral("Trailhead Weather"));
        QCOMPARE(reply->attempts(), 1);
        QCOMPARE(m_client->requestCount(), 1);

        QCOMPARE(m_server->requests().size(), 1);
        const RecordedRequest &request = m_server->requests().first();
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.path(), QByteArray("/v1/apps"));
        QCOMPARE(request.target, QByteArray("/v1/apps?filter[bundleId]=com.northpine.trailhead&limit=50"));
        QCOMPARE(Query::fromEncoded(request.query()).value(QStringLiteral("filter[bundleId]")),
                 QStringLiteral("com.northpine.trailhead"));
        QCOMPARE(Query::fromEncoded(request.query()).value(QStringLiteral("limit")), QStringLiteral("50"));
        QCOMPARE(request.header("Authorization"), QByteArray("Bearer token-1"));
        QCOMPARE(request.header("Accept"), QByteArray("application/json"));
        QVERIFY(request.header("User-Agent").startsWith("Ascend/"));
        QVERIFY(!request.hasHeader("Content-Type"));
        QCOMPARE(m_tokens->tokenRequests, 1);
    }

    void extraHeadersAndBody()
    {
        m_server->enqueue(ScriptedResponse::json(
            201, R"({"data":{"type":"webhooks","id":"w1","attributes":{"name":"CI"}}})"));
        ApiRequest request = ApiRequest::post(
            QStringLiteral("/v1/webhooks"),
            QJsonObject{
                {QStringLiteral("data"), QJsonObject{{QStringLiteral("type"), QStringLiteral("webhooks")}}}});
        request.headers.emplaceBack("X-Test", "yes");
        ApiReply *reply = run(request);
        QVERIFY(reply->ok());
        QCOMPARE(reply->httpStatus(), 201);
        QCOMPARE(reply->document().resource()->id, QStringLiteral("w1"));
        const RecordedRequest &received = m_server->requests().first();
        QCOMPARE(received.method, QByteArray("POST"));
        QCOMPARE(received.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(received.header("X-Test"), QByteArray("yes"));
        QCOMPARE(QJsonDocument::fromJson(received.body).object(), *request.body);
    }

    void serverErrorThenSuccessIsRetried()
    {
        m_server->enqueue(
            ScriptedResponse::error(503, "SERVICE_UNAVAILABLE", "Service Unavailable", "Try later"));
        m_server->enqueue(ScriptedResponse::error(500, "UNEXPECTED_ERROR", "Internal error", "Oops"));
        m_server->enqueue(ScriptedResponse::json(200, kAppsPage));
        ApiReply *reply = run(listApps());
        QVERIFY2(reply->ok(), qPrintable(reply->error().message()));
        QCOMPARE(reply->attempts(), 3);
        QCOMPARE(m_server->requests().size(), 3);
        QCOMPARE(m_client->requestCount(), 3);
        QCOMPARE(reply->document().resources().size(), 1);
    }

    void serverErrorsExhaustAttempts()
    {
        for (int i = 0; i < 3; ++i)
            m_server->enqueue(ScriptedResponse::error(500, "UNEXPECTED_ERROR", "An unexpected error occurred",
                                                      "Please try again"));
        ApiReply *reply = run(listApps());
        QVERIFY(!reply->ok());
        QCOMPARE(reply->error().kind, ApiError::Kind::Http);
        QCOMPARE(reply->httpStatus(), 500);
        QCOMPARE(reply->error().code(), QStringLiteral("UNEXPECTED_ERROR"));
        QVERIFY(reply->error().message().contains(
            QStringLiteral("An unexpected error occurred: Please try again")));
        QCOMPARE(m_server->requests().size(), 3);
    }

    void tooManyRequestsHonoursRetryAfter()
    {
        m_server->enqueue(ScriptedResponse::error(
            429, "RATE_LIMIT_EXCEEDED", "The request rate limit has been reached.",
            "We've received too many requests for this API.", {{"Retry-After", "1"}}));
        m_server->enqueue(ScriptedResponse::json(200, kAppsPage));
        ApiReply *reply = run(listApps());
        QVERIFY2(reply->ok(), qPrintable(reply->error().message()));
        QCOMPARE(m_server->requests().size(), 2);
        // The backoff alone would be a few milliseconds; the second try waited for Retry-After.
        const qint64 gap = m_server->requests().at(1).receivedAtMs - m_server->requests().at(0).receivedAtMs;
        QVERIFY2(gap >= 950, qPrintable(QString::number(gap)));
        QVERIFY2(gap < 3000, qPrintable(QString::number(gap)));
    }

    void tooManyRequestsWithoutRetryAfterBacksOff()
    {
        for (int i = 0; i < 3; ++i)
            m_server->enqueue(ScriptedResponse::error(429, "RATE_LIMIT_EXCEEDED", "Rate limit", "Too many"));
        ApiReply *reply = run(listApps());
        QCOMPARE(reply->error().kind, ApiError::Kind::Http);
        QCOMPARE(reply->httpStatus(), 429);
        QVERIFY(reply->error().hasCode(QStringLiteral("RATE_LIMIT_EXCEEDED")));
        QVERIFY(reply->error().message().contains(QStringLiteral("hourly request budget")));
        QCOMPARE(m_server->requests().size(), 3);
    }

    void postIsNotRetriedAfterServerError()
    {
        m_server->enqueue(ScriptedResponse::error(500, "UNEXPECTED_ERROR", "Internal error", "Oops"));
        m_server->enqueue(ScriptedResponse::json(201, R"({"data":{"type":"webhooks","id":"w2"}})"));
        ApiReply *reply = run(ApiRequest::post(QStringLiteral("/v1/webhooks"),
                                               QJsonObject{{QStringLiteral("data"), QJsonObject()}}));
        QVERIFY(!reply->ok());
        QCOMPARE(reply->httpStatus(), 500);
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_client->requestCount(), 1);
    }

    void postIsNotRetriedWhenConnectionDropsAfterSending()
    {
        m_server->enqueue(ScriptedResponse::closeConnection());
        m_server->enqueue(ScriptedResponse::json(201, R"({"data":{"type":"webhooks","id":"w3"}})"));
        ApiReply *reply = run(ApiRequest::post(QStringLiteral("/v1/webhooks"),
                                               QJsonObject{{QStringLiteral("data"), QJsonObject()}}));
        QVERIFY(!reply->ok());
        QCOMPARE(reply->error().kind, ApiError::Kind::Network);
        QCOMPARE(m_client->requestCount(), 1);
        QTest::qWait(100);
        QCOMPARE(m_server->requests().size(), 1); // not even Qt's own resend happened
        QVERIFY2(reply->error().message().contains(QStringLiteral("may already have taken effect")),
                 qPrintable(reply->error().message()));
    }

    void postsReuseAndSurviveClosedKeepAliveConnections()
    {
        ScriptedResponse first = ScriptedResponse::json(201, R"({"data":{"type":"webhooks","id":"a"}})");
        m_server->enqueue(first);
        first.closeAfterResponse = true;
        m_server->enqueue(first);
        m_server->enqueue(ScriptedResponse::json(201, R"({"data":{"type":"webhooks","id":"c"}})"));
        const ApiRequest create = ApiRequest::post(QStringLiteral("/v1/webhooks"),
                                                   QJsonObject{{QStringLiteral("data"), QJsonObject()}});
        QVERIFY(run(create)->ok());
        QVERIFY(run(create)->ok());
        QTest::qWait(150); // the server has closed the idle connection
        ApiReply *third = run(create);
        QVERIFY2(third->ok(), qPrintable(third->error().message()));
        QCOMPARE(third->document().resource()->id, QStringLiteral("c"));
        QCOMPARE(m_server->requests().size(), 3);
        for (const auto &request : m_server->requests())
            QCOMPARE(request.body, QByteArray(R"({"data":{}})"));
    }

    void getIsRetriedWhenConnectionDrops()
    {
        m_server->enqueue(ScriptedResponse::closeConnection());
        m_server->enqueue(ScriptedResponse::json(200, kAppsPage));
        ApiReply *reply = run(listApps());
        QVERIFY2(reply->ok(), qPrintable(reply->error().message()));
        QVERIFY(m_server->requests().size() >= 2);
    }

    void unauthorizedResignsOnce()
    {
        m_server->enqueue(ScriptedResponse::error(401, "NOT_AUTHORIZED",
                                                  "Authentication credentials are missing or invalid.",
                                                  "Provide a properly configured and signed bearer token."));
        m_server->enqueue(ScriptedResponse::json(200, kAppsPage));
        ApiReply *reply = run(listApps());
        QVERIFY2(reply->ok(), qPrintable(reply->error().message()));
        QCOMPARE(m_tokens->invalidations, 1);
        QCOMPARE(m_server->requests().size(), 2);
        QCOMPARE(m_server->requests().at(0).header("Authorization"), QByteArray("Bearer token-1"));
        QCOMPARE(m_server->requests().at(1).header("Authorization"), QByteArray("Bearer token-2"));
    }

    void unauthorizedTwiceFails()
    {
        for (int i = 0; i < 2; ++i)
            m_server->enqueue(ScriptedResponse::error(
                401, "NOT_AUTHORIZED", "Authentication credentials are missing or invalid.",
                "Provide a properly configured and signed bearer token."));
        m_server->enqueue(ScriptedResponse::json(200, kAppsPage)); // must not be reached
        ApiReply *reply = run(listApps());
        QVERIFY(!reply->ok());
        QCOMPARE(reply->error().kind, ApiError::Kind::Http);
        QCOMPARE(reply->httpStatus(), 401);
        QCOMPARE(m_tokens->invalidations, 1);
        QCOMPARE(m_server->requests().size(), 2);
        const QString message = reply->error().message();
        QVERIFY(message.contains(QStringLiteral("Authentication credentials are missing or invalid.")));
        QVERIFY(message.contains(QStringLiteral("did not accept the API key")));
    }

    void connectionRefusedIsRetriedThenReported()
    {
        m_client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort())));
        ApiReply *reply = run(listApps());
        QVERIFY(!reply->ok());
        QCOMPARE(reply->error().kind, ApiError::Kind::Network);
        QCOMPARE(reply->httpStatus(), 0);
        QCOMPARE(reply->attempts(), 3);
        QCOMPARE(m_client->requestCount(), 3);
        QVERIFY2(reply->error().message().contains(QStringLiteral("The connection to 127.0.0.1 failed")),
                 qPrintable(reply->error().message()));
    }

    void postIsRetriedWhenItCouldNotConnect()
    {
        m_client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort())));
        ApiReply *reply = run(ApiRequest::post(QStringLiteral("/v1/webhooks"),
                                               QJsonObject{{QStringLiteral("data"), QJsonObject()}}));
        QCOMPARE(reply->error().kind, ApiError::Kind::Network);
        QCOMPARE(reply->attempts(), 3); // nothing was sent, so resending is safe
    }

    void timeoutIsRetriedThenReported()
    {
        for (int i = 0; i < 3; ++i)
            m_server->enqueue(ScriptedResponse::hang());
        ApiRequest request = listApps();
        request.timeout = Milliseconds(250);
        QElapsedTimer clock;
        clock.start();
        ApiReply *reply = run(request);
        QCOMPARE(reply->error().kind, ApiError::Kind::Timeout);
        QCOMPARE(m_server->requests().size(), 3);
        QVERIFY(clock.elapsed() >= 3 * 250);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(reply->error().message().contains(QStringLiteral("did not answer in time")));
    }

    void timeoutThenSuccess()
    {
        m_server->enqueue(ScriptedResponse::hang());
        m_server->enqueue(ScriptedResponse::json(200, kAppsPage));
        ApiRequest request = listApps();
        request.timeout = Milliseconds(200);
        ApiReply *reply = run(request);
        QVERIFY2(reply->ok(), qPrintable(reply->error().message()));
        QCOMPARE(reply->attempts(), 2);
    }

    void rateLimitIsTracked()
    {
        QSignalSpy spy(m_client.get(), &ApiClient::rateLimitChanged);
        m_server->enqueue(ScriptedResponse::json(
            200, kAppsPage, {{"X-Rate-Limit", "user-hour-lim:3600;user-hour-rem:3599;"}}));
        m_server->enqueue(
            ScriptedResponse::error(404, "NOT_FOUND", "Not found", "No app",
                                    {{"X-Rate-Limit", "user-hour-lim:3600;user-hour-rem:3598;"}}));
        m_server->enqueue(ScriptedResponse::json(
            200, kAppsPage, {{"x-rate-limit", "user-hour-lim:3600;user-hour-rem:3598;"}}));
        m_server->enqueue(ScriptedResponse::json(200, kAppsPage));

        QVERIFY(run(listApps())->ok());
        QCOMPARE(spy.count(), 1);
        auto state = spy.at(0).at(0).value<RateLimitState>();
        QCOMPARE(state.limit, 3600);
        QCOMPARE(state.remaining, 3599);
        QVERIFY(state.valid);

        QVERIFY(!run(getApp(QStringLiteral("404")))->ok()); // error responses count too
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).value<RateLimitState>().remaining, 3598);

        QVERIFY(run(listApps())->ok()); // unchanged: no signal
        QVERIFY(run(listApps())->ok()); // no header: state kept
        QCOMPARE(spy.count(), 2);
        QCOMPARE(m_client->rateLimit().remaining, 3598);
    }

    void optedOutRequestsCarryNoAuthorization()
    {
        m_server->enqueue(ScriptedResponse::json(200, "{}"));
        m_server->enqueue(ScriptedResponse::json(200, "{}"));
        ApiRequest upload;
        upload.method = "PUT";
        upload.path = m_server->baseUrl().toString() + QStringLiteral("/upload/part-1?X-Amz-Signature=abc");
        upload.authenticated = false;
        upload.expectJsonApi = false;
        upload.headers.emplaceBack("Content-Type", "application/octet-stream");
        QVERIFY(run(upload)->ok());

        ApiRequest relative = ApiRequest::get(QStringLiteral("/v1/apps"));
        relative.authenticated = false;
        relative.expectJsonApi = false;
        QVERIFY(run(relative)->ok());

        QCOMPARE(m_server->requests().size(), 2);
        for (const auto &request : m_server->requests())
            QVERIFY(!request.hasHeader("Authorization"));
        QCOMPARE(m_server->requests().at(0).target, QByteArray("/upload/part-1?X-Amz-Signature=abc"));
        QCOMPARE(m_tokens->tokenRequests, 0);
    }

    void tokenIsNotSentToAnotherHost()
    {
        ScriptedServer other;
        QVERIFY(other.listen());
        other.enqueue(ScriptedResponse::json(200, kAppsPage));
        ApiReply *reply = run(ApiRequest::get(other.baseUrl().toString() + QStringLiteral("/v1/apps")));
        QCOMPARE(reply->error().kind, ApiError::Kind::Config);
        QVERIFY(reply->error().message().contains(QStringLiteral("Refusing to send the API token")));
        QCOMPARE(other.requests().size(), 0);
        QCOMPARE(m_client->requestCount(), 0);
    }

    void tokenFailureStopsBeforeSending()
    {
        m_tokens->failure = QStringLiteral("the key file /keys/AuthKey_2X9R4HXF34.p8 does not exist");
        ApiReply *reply = run(listApps());
        QCOMPARE(reply->error().kind, ApiError::Kind::Auth);
        QVERIFY(reply->error().message().contains(QStringLiteral("AuthKey_2X9R4HXF34.p8 does not exist")));
        QCOMPARE(m_server->requests().size(), 0);
        QCOMPARE(m_client->requestCount(), 0);

        m_client->setTokenSource(nullptr);
        QCOMPARE(run(listApps())->error().kind, ApiError::Kind::Auth);
    }

    void invalidQueryStopsBeforeSending()
    {
        ApiReply *reply = run(listApps(Query().limit(500)));
        QCOMPARE(reply->error().kind, ApiError::Kind::Config);
        QVERIFY(reply->error().message().contains(QStringLiteral("limit 500")));
        QCOMPARE(m_server->requests().size(), 0);

        m_server->enqueue(ScriptedResponse::json(200, kAppsPage));
        QVERIFY(run(ApiRequest::get(QStringLiteral("/v1/apps/1/prices"), Query().limit(500, 8000)))->ok());
        QCOMPARE(m_server->requests().size(), 1);
    }

    void httpErrorCarriesServerErrors()
    {
        m_server->enqueue(ScriptedResponse::error(404, "NOT_FOUND", "The specified resource does not exist",
                                                  "There is no resource of type 'apps' with id '42'"));
        ApiReply *reply = run(getApp(QStringLiteral("42")));
        QCOMPARE(reply->error().kind, ApiError::Kind::Http);
        QCOMPARE(reply->error().httpStatus, 404);
        QCOMPARE(reply->error().errors.size(), 1);
        QCOMPARE(reply->error().errors.first().detail,
                 QStringLiteral("There is no resource of type 'apps' with id '42'"));
        QCOMPARE(reply->document().errors().size(), 1);
        QCOMPARE(m_server->requests().size(), 1); // 404 is final
        QCOMPARE(m_server->requests().first().path(), QByteArray("/v1/apps/42"));
    }

    void undecodableSuccessIsADecodeError()
    {
        m_server->enqueue(ScriptedResponse::json(200, "<html>maintenance</html>"));
        ApiReply *reply = run(listApps());
        QCOMPARE(reply->error().kind, ApiError::Kind::Decode);
        QCOMPARE(reply->httpStatus(), 200);
        QVERIFY(reply->error().message().contains(QStringLiteral("invalid JSON")));
        QCOMPARE(m_server->requests().size(), 1);
    }

    void emptySuccess()
    {
        ScriptedResponse noContent;
        noContent.status = 204;
        m_server->enqueue(noContent);
        ApiReply *reply = run(ApiRequest::remove(QStringLiteral("/v1/webhooks/w1")));
        QVERIFY2(reply->ok(), qPrintable(reply->error().message()));
        QCOMPARE(reply->httpStatus(), 204);
        QCOMPARE(reply->document().dataKind(), ascend::jsonapi::Document::DataKind::Absent);
        QCOMPARE(m_server->requests().first().method, QByteArray("DELETE"));
    }

    void redirectsAreNotFollowed()
    {
        ScriptedServer elsewhere;
        QVERIFY(elsewhere.listen());
        m_server->enqueue(ScriptedResponse::json(302, "{}", {{"Location", "/v1/apps?moved=1"}}));
        m_server->enqueue(
            ScriptedResponse::json(307, "", {{"Location", elsewhere.baseUrl().toEncoded() + "/v1/apps"}}));
        for (int i = 0; i < 2; ++i) {
            ApiReply *reply = run(listApps());
            QVERIFY(!reply->ok());
            QCOMPARE(reply->error().kind, ApiError::Kind::Http);
            QCOMPARE(reply->httpStatus(), i == 0 ? 302 : 307);
        }
        QCOMPARE(m_server->requests().size(), 2);
        QCOMPARE(elsewhere.requests().size(), 0);
    }

    void abortInFlight()
    {
        m_server->enqueue(ScriptedResponse::hang());
        ApiReply *reply = m_client->send(listApps());
        QSignalSpy finished(reply, &ApiReply::finished);
        QSignalSpy received(m_server.get(), &ScriptedServer::requestReceived);
        QVERIFY(received.wait(5000));
        reply->abort();
        QCOMPARE(finished.count(), 1);
        QVERIFY(reply->isFinished());
        QCOMPARE(reply->error().kind, ApiError::Kind::Cancelled);
        reply->abort(); // harmless
        QTest::qWait(50);
        QCOMPARE(finished.count(), 1);
    }

    void abortWhileWaitingToRetry()
    {
        RetryPolicy slow = fastPolicy();
        slow.baseDelay = Milliseconds(10000);
        slow.maxDelay = Milliseconds(10000);
        m_client->setRetryPolicy(slow);
        m_server->enqueue(ScriptedResponse::error(503, "SERVICE_UNAVAILABLE", "Unavailable", "Later"));
        ApiReply *reply = m_client->send(listApps());
        QSignalSpy finished(reply, &ApiReply::finished);
        QSignalSpy received(m_server.get(), &ScriptedServer::requestReceived);
        QVERIFY(received.wait(5000));
        QTest::qWait(100); // the 503 has arrived; the retry timer is running
        QCOMPARE(finished.count(), 0);
        reply->abort();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(reply->error().kind, ApiError::Kind::Cancelled);
        QCOMPARE(m_server->requests().size(), 1);
    }

    void deletingAnUnfinishedReplyIsSafe()
    {
        m_server->enqueue(ScriptedResponse::hang());
        ApiReply *reply = m_client->send(listApps());
        QSignalSpy received(m_server.get(), &ScriptedServer::requestReceived);
        QVERIFY(received.wait(5000));
        delete reply;
        QTest::qWait(50);
    }

    void waitForFinishedTimesOut()
    {
        m_server->enqueue(ScriptedResponse::hang());
        ApiReply *reply = m_client->send(listApps());
        QVERIFY(!waitForFinished(reply, 150));
        QVERIFY(!reply->isFinished());
        reply->abort();
        QVERIFY(waitForFinished(reply, 0));
    }

    void secretsNeverReachTheLog()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("ascend.api.debug=true"));
        g_log.clear();
        g_previousHandler = qInstallMessageHandler(captureMessage);
        m_tokens->generation = 777;
        m_server->enqueue(ScriptedResponse::error(401, "NOT_AUTHORIZED", "Unauthorized", "Bad token"));
        m_server->enqueue(ScriptedResponse::json(201, R"({"data":{"type":"webhooks","id":"w9"}})"));
        ApiRequest create = ApiRequest::post(
            QStringLiteral("/v1/webhooks"),
            QJsonObject{{QStringLiteral("data"),
                         QJsonObject{{QStringLiteral("attributes"),
                                      QJsonObject{{QStringLiteral("secret"),
                                                   QStringLiteral("s3cr3t-webhook-key")}}}}}});
        const bool ok = run(create)->ok();

        m_server->enqueue(ScriptedResponse::json(200, "{}"));
        ApiRequest upload;
        upload.method = "PUT";
        upload.path = m_server->baseUrl().toString() + QStringLiteral("/part?X-Amz-Signature=sig-value-123");
        upload.authenticated = false;
        upload.expectJsonApi = false;
        const bool uploadOk = run(upload)->ok();

        qInstallMessageHandler(g_previousHandler);
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(ok);
        QVERIFY(uploadOk);
        const QString log = g_log.join(QLatin1Char('\n'));
        QVERIFY2(log.contains(QStringLiteral("POST")), qPrintable(log)); // logging was on
        QVERIFY(log.contains(QStringLiteral("ascend.api")));
        QVERIFY2(!log.contains(QStringLiteral("token-777")), qPrintable(log));
        QVERIFY2(!log.contains(QStringLiteral("token-778")), qPrintable(log));
        QVERIFY(!log.contains(QStringLiteral("Bearer"), Qt::CaseInsensitive));
        QVERIFY(!log.contains(QStringLiteral("s3cr3t-webhook-key")));
        QVERIFY(!log.contains(QStringLiteral("sig-value-123")));
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"

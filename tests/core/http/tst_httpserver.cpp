// Wire-level tests of the HTTP/1.1 server: raw bytes over loopback, responses decoded by http-parser.

#include "core/http/httpserver.h"
#include "rawclient.h"
#include "testhandler.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace ascend::http;

namespace {

QByteArray get(const QByteArray &target, const QByteArray &extraHeaders = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
}

QByteArray post(const QByteArray &target, const QByteArray &body, const QByteArray &extraHeaders = {})
{
    return "POST " + target +
           " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" +
           extraHeaders + "\r\n" + body;
}

} // namespace

class TestHttpServer : public QObject {
    Q_OBJECT

private slots:
    void init() { m_handler = std::make_unique<TestHandler>(); }

    void messageHelpers();
    void simpleGet();
    void queryAndPathDecoding();
    void postBodyInMemory();
    void headRequestHasNoBody();
    void keepAliveTwoRequests();
    void pipelinedRequestsAnsweredInOrder();
    void malformedRequest_data();
    void malformedRequest();
    void emptyHeaderValue();
    void http10Closes();
    void http10KeepAlive();
    void connectionCloseFromClient();
    void headTooLarge();
    void headJustUnderLimit();
    void slowHeadTimesOut();
    void idleKeepAliveTimesOut();
    void stalledBodyTimesOut();
    void asyncResponder();
    void responderAfterClientLeft();
    void responderDroppedGives500();
    void rejectWithoutBodyKeepsConnection();
    void rejectWithBodyCloses();
    void expectContinueAccepted();
    void expectContinueRejected();
    void unknownExpectation();
    void maxConnections();
    void loopbackByDefault();
    void secretsNeverLogged();

private:
    std::unique_ptr<HttpServer> start(ServerLimits limits = {})
    {
        auto server = std::make_unique<HttpServer>(m_handler.get(), limits);
        if (!server->listen())
            qFatal("cannot listen: %s", qPrintable(server->errorString()));
        return server;
    }

    std::unique_ptr<TestHandler> m_handler;
};

void TestHttpServer::messageHelpers()
{
    HeaderList headers{
        {"Content-Type", "text/plain"}, {"X-Apple-Signature", "a"}, {"x-apple-signature", "b"}};
    QCOMPARE(headerValue(headers, "content-type"), QByteArray("text/plain"));
    QCOMPARE(headerValue(headers, "X-APPLE-SIGNATURE"), QByteArray("a"));
    QVERIFY(headerValue(headers, "missing").isEmpty());
    QVERIFY(headerValue(headers, "content-typ").isEmpty());

    HttpResponse json = HttpResponse::json(201, R"({"data":[]})");
    QCOMPARE(json.status, 201);
    QCOMPARE(headerValue(json.headers, "Content-Type"), QByteArray("application/json"));
    QCOMPARE(json.body, QByteArray(R"({"data":[]})"));

    HttpResponse text = HttpResponse::text(404, "nope");
    QCOMPARE(headerValue(text.headers, "content-type"), QByteArray("text/plain; charset=utf-8"));

    HttpResponse empty = HttpResponse::empty(204);
    QCOMPARE(empty.status, 204);
    QVERIFY(empty.body.isEmpty());
    QVERIFY(empty.headers.isEmpty());

    empty.setHeader("X-Rate-Limit", "user-hour-lim:3600;");
    empty.setHeader("x-rate-limit", "user-hour-lim:3600;user-hour-rem:3599;");
    QCOMPARE(empty.headers.size(), 1);
    QCOMPARE(empty.headers.first().first, QByteArray("X-Rate-Limit"));
    QCOMPARE(empty.headers.first().second, QByteArray("user-hour-lim:3600;user-hour-rem:3599;"));
}

void TestHttpServer::simpleGet()
{
    m_handler->onRequest = [](const HttpRequest &, Responder respond) {
        HttpResponse response = HttpResponse::json(200, R"({"data":[]})");
        response.setHeader("X-Rate-Limit", "user-hour-lim:3600;user-hour-rem:3599;");
        response.setHeader("Content-Length", "999"); // the server owns this one
        respond(response);
    };
    auto server = start();
    QSignalSpy served(server.get(), &HttpServer::requestServed);
    RawClient client(server->port());
    QVERIFY(client.connectToServer());
    client.send(get("/v1/apps?limit=2", "Accept: application/json\r\n"));
    QVERIFY(client.waitForResponses(1));

    const ParsedResponse &response = client.responses().first();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, QByteArray(R"({"data":[]})"));
    QCOMPARE(response.header("Content-Length"), QByteArray::number(response.body.size()));
    QCOMPARE(response.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(response.header("X-Rate-Limit"), QByteArray("user-hour-lim:3600;user-hour-rem:3599;"));
    QVERIFY(response.header("Connection").isEmpty());
    const QDateTime date = QLocale::c().toDateTime(QString::fromLatin1(response.header("Date")),
                                                   QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    QVERIFY2(date.isValid(), response.header("Date").constData());
    QVERIFY(client.received().startsWith("HTTP/1.1 200 OK\r\n"));

    QCOMPARE(m_handler->requests.size(), 1);
    const HttpRequest &request = m_handler->requests.first();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.target, QByteArray("/v1/apps?limit=2"));
    QCOMPARE(request.path, QStringLiteral("/v1/apps"));
    QCOMPARE(request.query.queryItemValue("limit"), QStringLiteral("2"));
    QCOMPARE(request.header("accept"), QByteArray("application/json"));
    QCOMPARE(request.peerAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(request.localPort, server->port());
    QCOMPARE(request.bodyLength, 0);

    QCOMPARE(served.size(), 1);
    QCOMPARE(served.first().at(0).toByteArray(), QByteArray("GET"));
    QCOMPARE(served.first().at(1).toString(), QStringLiteral("/v1/apps"));
    QCOMPARE(served.first().at(2).toInt(), 200);
    QVERIFY(!client.isDisconnected());
}

void TestHttpServer::queryAndPathDecoding()
{
    auto server = start();
    RawClient client(server->port());
    QVERIFY(client.connectToServer());
    client.send(
        get("/v1/apps/caf%C3%A9%20x/builds?filter%5BbundleId%5D=com.example.app&fields%5Bapps%5D=name,sku"));
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().first().status, 200);
    const HttpRequest &request = m_handler->requests.first();
    QCOMPARE(request.path, QStringLiteral("/v1/apps/café x/builds"));
    QCOMPARE(request.query.queryItemValue("filter[bundleId]", QUrl::FullyDecoded),
             QStringLiteral("com.example.app"));
    QCOMPARE(request.query.queryItemValue("fields[apps]", QUrl::FullyDecoded), QStringLiteral("name,sku"));
}

void TestHttpServer::postBodyInMemory()
{
    auto server = start();
    RawClient client(server->port());
    QVERIFY(client.connectToServer());
    client.send(
        post("/v1/webhooks", R"({"data":{"type":"webhooks"}})", "Content-Type: application/json\r\n"));
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().first().status, 200);
    QCOMPARE(client.responses().first().body, QByteArray("POST /v1/webhooks 28"));
    const HttpRequest &request = m_handler->requests.first();
    QCOMPARE(request.body, QByteArray(R"({"data":{"type":"webhooks"}})"));
    QCOMPARE(request.bodyLength, 28);
    QVERIFY(request.bodyFilePath.isEmpty());
}

void TestHttpServer::headRequestHasNoBody()
{
    auto server = start();
    RawClient client(server->port());
    QVERIFY(client.connectToServer());
    client.setHeadMode(true);
    client.send("HEAD /v1/apps HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(client.waitForResponses(1));
    const ParsedResponse &response = client.responses().first();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("Content-Length"), QByteArray::number(QByteArray("HEAD /v1/apps 0").size()));
    QVERIFY(response.body.isEmpty());
    QTest::qWait(50);
    QVERIFY(client.received().endsWith("\r\n\r\n")); // nothing after the head
}

void TestHttpServer::keepAliveTwoRequests()
{
    auto server = start();
    RawClient client(server->port());
    QVERIFY(client.connectToServer());
    client.send(get("/one"));
    QVERIFY(client.waitForResponses(1));
    client.send(post("/two", "abc"));
    QVERIFY(client.waitForResponses(2));
    QCOMPARE(client.responses().at(0).body, QByteArray("GET /one 0"));
    QCOMPARE(client.responses().at(1).body, QByteArray("POST /two 3"));
    QVERIFY(!client.isDisconnected());
    QCOMPARE(server->openConnectionCount(), 1);
}

void TestHttpServer::pipelinedRequestsAnsweredInOrder()
{
    // The first request is answered late, the others at once: responses must still come in request order.
    QList<Responder> held;
    m_handler->onRequest = [&](const HttpRequest &request, Responder respond) {
        const QByteArray body = request.path.toUtf8() + ':' + request.body;
        if (request.path == QLatin1String("/slow")) {
            QTimer::singleShot(150, [respond, body] { respond(HttpResponse::text(200, body)); });
            return;
        }
        respond(HttpResponse::text(200, body));
    };
    auto server = start();
    RawClient client(server->port());
    QVERIFY(client.connectToServer());
    client.send(get("/slow") + post("/second", "payload-2") + get("/third"));
    QVERIFY(client.waitForResponses(3));
    QCOMPARE(client.responses().at(0).body, QByteArray("/slow:"));
    QCOMPARE(client.responses().at(1).body, QByteArray("/second:payload-2"));
    QCOMPARE(client.responses().at(2).body, QByteArray("/third:"));
    QCOMPARE(m_handler->requests.size(), 3);
    QVERIFY(!client.isDisconnected());
}

void TestHttpServer::malformedRequest_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("garbage") << QByteArray("GARBAGE\r\n\r\n");
    QTest::newRow("bad version") << QByteArray("GET / HTTP/x.y\r\n\r\n");
    QTest::newRow("space in header name") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n");
    QTest::newRow("bad content-length")
        << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 12x\r\n\r\n");
    QTest::newRow("length and chunked")
        << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: "
                      "chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
    QTest::newRow("HTTP/1.1 without Host") << QByteArray("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n");
    QTest::newRow("bad chunk size") << QByteArray(
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
}

void TestHttpServer::malformedRequest()
{
    QFETCH(QByteArray, bytes);
    auto server = start();
    RawClient client(server->port());
    QVERIFY(client.connectToServer());
    client.send(bytes);
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().first().status, 400);
    QCOMPARE(client.responses().first().header("Connection"), QByteArray("close"));
    QVERIFY(client.waitForDisconnected());
    QVERIFY(m_handler->requests.isEmpty());
}

void TestHttpServer::emptyHeaderValue()
{
    auto server = start();
    RawClient client(server->port());
    QVERIFY(client.connectToServer());
    client.send(get("/", "X-Empty:\r\nX-Next: value \r\n"));
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().first().status, 200);
    const HttpRequest &request = m_handler->requests.first();
    QCOMPARE(request.headers.size(), 3);
    QCOMPARE(request.headers.at(1).first, QByteArray("X-Empty"));
    QCOMPARE(request.headers.at(1).second, QByteArray());
    QCOMPARE(request.header("x-next"), QByteArray("value"));
}

void TestHttpServer::http10Closes()
{
    auto server = start();
    RawClient client(server->port());
    QVERIFY(client.connectToServer());
    client.send("GET /old HTTP/1.0\r\n\r\n");
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().first().status, 200);
    QCOMPARE(client.responses().first().header("Connection"), QByteArray("close"));
    QVERIFY(client.waitForDisconnected());
    QCOMPARE(client.lastError(), QAbstractSocket::RemoteHostClosedError);
}

void TestHttpServer::http10KeepAlive()
{
    auto server = start();
    RawClient client(server->port());
    QVERIFY(client.connectToServer());
    client.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().first().header("Connection"), QByteArray("keep-alive"));
    client.send("GET /b HTTP/1.0\r\n\r\n");
    QVERIFY(client.waitForResponses(2));
    QCOMPARE(client.responses().at(1).body, QByteArray("GET /b 0"));
    QCOMPARE(client.responses().at(1).header("Connection"), QByteArray("close"));
    QVERIFY(client.waitForDisconnected());
}

void TestHttpServer::connectionCloseFromClient()
{
    auto server = start();
    RawClient client(server->port());
    QVERIFY(client.connectToServer());
    client.send(get("/bye", "Connection: close\r\n") + get("/never"));
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().first().header("Connection"), QByteArray("close"));
    QVERIFY(client.waitForDisconnected());
    QCOMPARE(client.responses().size(), 1);
    QCOMPARE(m_handler->requests.size(), 1);
}

void TestHttpServer::headTooLarge()
{
    ServerLimits limits;
    limits.maxHeaderBytes = 1024;
    auto server = start(limits);
    RawClient client(server->port());
    QVERIFY(client.connectToServer());
    client.send(get("/", "X-Big: " + QByteArray(2000, 'a') + "\r\n"));
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().first().status, 431);
    QVERIFY(client.waitForDisconnected());
    QVERIFY(m_handler->heads.isEmpty());

    // A head that never ends is refused as soon as it passes the cap.
    RawClient endless(server->port());
    QVERIFY(endless.connectToServer());
    endless.send("GET / HTTP/1.1\r\nHost: x\r\n");
    for (int i = 0; i < 40; ++i)
        endless.send("X-Filler-" + QByteArray::number(i) + ": " + QByteArray(40, 'b') + "\r\n");
    QVERIFY(endless.waitForResponses(1));
    QCOMPARE(endless.responses().first().status, 431);
    QVERIFY(endless.waitForDisconnected());
}

void TestHttpServer::headJustUnderLimit()
{
    ServerLimits limits;
    limits.maxHeaderBytes = 1024;
    auto server = start(limits);
    RawClient client(server->port());
    QVERIFY(client.connectToServer());
    QByteArray head = get("/", "X-Pad: ");
    const int padding = 1024 - head.size() - 2; // the whole head, final CRLF included, is exactly the cap
    head = get("/", "X-Pad: " + QByteArray(padding, 'p') + "\r\n");
    QCOMPARE(head.size(), 1024);
    client.send(head);
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().first().status, 200);
}

void TestHttpServer::slowHeadTimesOut()
{
    ServerLimits limits;
    limits.headerTimeoutMs = 300;
    auto server = start(limits);
    RawClient client(server->port());
    QVERIFY(client.connectToServer());
    QElapsedTimer timer;
    timer.start();
    client.send("GET / HTTP/1.1\r\nHost: x\r\n");
    // Trickling header lines must not extend the deadline.
    QTimer trickle;
    QObject::connect(&trickle, &QTimer::timeout, [&] { client.send("X-Slow: 1\r\n"); });
    trickle.start(50);
    QVERIFY(client.waitForResponses(1));
    trickle.stop();
    QCOMPARE(client.responses().first().status, 408);
    QVERIFY(client.waitForDisconnected());
    QVERIFY2(timer.elapsed() >= 250 && timer.elapsed() < 2000, QByteArray::number(timer.elapsed()));
    QVERIFY(m_handler->heads.isEmpty());

    // A connection that never sends anything is closed silently after the same time.
    RawClient silent(server->port());
    QVERIFY(silent.connectToServer());
    QVERIFY(silent.waitForDisconnected(2000));
    QVERIFY(silent.responses().isEmpty());
}

void TestHttpServer::idleKeepAliveTimesOut()
{
    ServerLimits limits;
    limits.idleTimeoutMs = 300;
    auto server = start(limits);
    RawClient client(server->port());
    QVERIFY(client.connectToServer());
    client.send(get("/"));
    QVERIFY(client.waitForResponses(1));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(client.waitForDisconnected(3000));
    QVERIFY2(timer.elapsed() >= 250, QByteArray::number(timer.elapsed()));
    QCOMPARE(client.responses().size(), 1);
    QTRY_COMPARE(server->openConnectionCount(), 0);
}

void TestHttpServer::stalledBodyTimesOut()
{
    ServerLimits limits;
    limits.bodyStallTimeoutMs = 300;
    auto server = start(limits);
    RawClient client(server->port());
    QVERIFY(client.connectToServer());
    client.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789");
    QTest::qWait(150);
    client.send("0123456789"); // progress restarts the stall timer
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().first().status, 408);
    QVERIFY(client.waitForDisconnected());
    QVERIFY(m_handler->requests.isEmpty());
}

void TestHttpServer::asyncResponder()
{
    Responder held;
    m_handler->onRequest = [&](const HttpRequest &, Responder respond) { held = std::move(respond); };
    auto server = start();
    RawClient client(server->port());
    QVERIFY(client.connectToServer());
    client.send(get("/later"));
    QTRY_VERIFY(held);
    QTest::qWait(100);
    QVERIFY(client.responses().isEmpty());
    held(HttpResponse::text(202, "done"));
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().first().status, 202);
    QCOMPARE(client.responses().first().body, QByteArray("done"));

    QTest::ignoreMessage(QtWarningMsg, "a request was answered twice; the second response is ignored");
    held(HttpResponse::text(500, "second answer")); // ignored
    client.send(get("/next"));
    QTRY_COMPARE(m_handler->requests.size(), 2);
    held(HttpResponse::text(200, "next"));
    QVERIFY(client.waitForResponses(2));
    QCOMPARE(client.responses().size(), 2);
    QCOMPARE(client.responses().at(1).body, QByteArray("next"));
}

void TestHttpServer::responderAfterClientLeft()
{
    Responder held;
    m_handler->onRequest = [&](const HttpRequest &, Responder respond) { held = std::move(respond); };
    auto server = start();
    {
        RawClient client(server->port());
        QVERIFY(client.connectToServer());
        client.send(get("/gone"));
        QTRY_VERIFY(held);
        client.socket().abort();
    }
    QTRY_COMPARE(server->openConnectionCount(), 0);
    held(HttpResponse::text(200, "nobody listens")); // must be harmless

    // And after the whole server is gone.
    {
        RawClient client(server->port());
        QVERIFY(client.connectToServer());
        client.send(get("/again"));
        QTRY_COMPARE(m_handler->requests.size(), 2);
    }
    server.reset();
    held(HttpResponse::text(200, "server gone"));
}

void TestHttpServer::responderDroppedGives500()
{
    m_handler->onRequest = [](const HttpRequest &, Responder) {};
    auto server = start();
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression("GET /forgotten was never answered by its handler"));
    RawClient client(server->port());
    QVERIFY(client.connectToServer());
    client.send(get("/forgotten"));
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().first().status, 500);
    QVERIFY(!client.isDisconnected());
}

void TestHttpServer::rejectWithoutBodyKeepsConnection()
{
    m_handler->onHead = [](const HttpRequest &head) {
        HeadDecision decision;
        if (head.method != "POST") {
            HttpResponse response = HttpResponse::text(405, "only POST");
            response.setHeader("Allow", "POST");
            decision.reject = response;
        }
        return decision;
    };
    auto server = start();
    RawClient client(server->port());
    QVERIFY(client.connectToServer());
    client.send(get("/webhook") + post("/webhook", "{}"));
    QVERIFY(client.waitForResponses(2));
    QCOMPARE(client.responses().at(0).status, 405);
    QCOMPARE(client.responses().at(0).header("Allow"), QByteArray("POST"));
    QCOMPARE(client.responses().at(1).status, 200);
    QCOMPARE(m_handler->requests.size(), 1);
    QCOMPARE(m_handler->requests.first().method, QByteArray("POST"));
    QVERIFY(!client.isDisconnected());
}

void TestHttpServer::rejectWithBodyCloses()
{
    m_handler->onHead = [](const HttpRequest &head) {
        HeadDecision decision;
        if (head.header("authorization") != "Bearer good")
            decision.reject =
                HttpResponse::json(401, R"({"errors":[{"status":"401","code":"NOT_AUTHORIZED"}]})");
        return decision;
    };
    auto server = start();
    RawClient client(server->port());
    QVERIFY(client.connectToServer());
    // Part of the body is already on its way when the server refuses: the answer must still arrive.
    client.send(
        "POST /hook HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer bad\r\nContent-Length: 1000000\r\n\r\n" +
        QByteArray(200000, 'x'));
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().first().status, 401);
    QCOMPARE(client.responses().first().header("Connection"), QByteArray("close"));
    QVERIFY(client.waitForDisconnected());
    QVERIFY(m_handler->requests.isEmpty());
}

void TestHttpServer::expectContinueAccepted()
{
    auto server = start();
    RawClient client(server->port());
    QVERIFY(client.connectToServer());
    client.send("PUT /part HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().first().status, 100);
    QVERIFY(client.received().startsWith("HTTP/1.1 100 Continue\r\n\r\n"));
    QVERIFY(m_handler->requests.isEmpty());
    client.send("hello");
    QVERIFY(client.waitForResponses(2));
    QCOMPARE(client.responses().at(1).status, 200);
    QCOMPARE(m_handler->requests.first().body, QByteArray("hello"));
}

void TestHttpServer::expectContinueRejected()
{
    m_handler->onHead = [](const HttpRequest &head) {
        HeadDecision decision;
        decision.maxBodyBytes = 10;
        if (head.path == QLatin1String("/forbidden"))
            decision.reject = HttpResponse::text(403, "no");
        return decision;
    };
    auto server = start();

    RawClient rejected(server->port());
    QVERIFY(rejected.connectToServer());
    rejected.send("PUT /forbidden HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
    QVERIFY(rejected.waitForResponses(1));
    QCOMPARE(rejected.responses().first().status, 403);
    QVERIFY(rejected.waitForDisconnected());
    QVERIFY(!rejected.received().contains("100 Continue"));

    RawClient tooBig(server->port());
    QVERIFY(tooBig.connectToServer());
    tooBig.send("PUT /part HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 11\r\n\r\n");
    QVERIFY(tooBig.waitForResponses(1));
    QCOMPARE(tooBig.responses().first().status, 413);
    QVERIFY(tooBig.waitForDisconnected());
    QVERIFY(!tooBig.received().contains("100 Continue"));
    QVERIFY(m_handler->requests.isEmpty());
}

void TestHttpServer::unknownExpectation()
{
    auto server = start();
    RawClient client(server->port());
    QVERIFY(client.connectToServer());
    client.send("PUT /part HTTP/1.1\r\nHost: x\r\nExpect: something-else\r\nContent-Length: 5\r\n\r\n");
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().first().status, 417);
    QVERIFY(client.waitForDisconnected());
}

void TestHttpServer::maxConnections()
{
    ServerLimits limits;
    limits.maxConnections = 2;
    auto server = start(limits);
    RawClient a(server->port()), b(server->port()), c(server->port());
    QVERIFY(a.connectToServer());
    QVERIFY(b.connectToServer());
    QTRY_COMPARE(server->openConnectionCount(), 2);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("connection limit of 2 reached"));
    QVERIFY(c.connectToServer());
    QVERIFY(c.waitForResponses(1));
    QCOMPARE(c.responses().first().status, 503);
    QVERIFY(c.waitForDisconnected());
    QCOMPARE(server->openConnectionCount(), 2);

    a.send(get("/a"));
    QVERIFY(a.waitForResponses(1));
    QCOMPARE(a.responses().first().status, 200);
    a.socket().abort();
    QTRY_COMPARE(server->openConnectionCount(), 1);
    RawClient d(server->port());
    QVERIFY(d.connectToServer());
    d.send(get("/d"));
    QVERIFY(d.waitForResponses(1));
    QCOMPARE(d.responses().first().status, 200);
}

void TestHttpServer::loopbackByDefault()
{
    HttpServer server(m_handler.get());
    QVERIFY(server.listen());
    QVERIFY(server.isListening());
    QVERIFY(server.address().isLoopback());
    QVERIFY(server.port() != 0);
    QCOMPARE(server.limits().maxBodyBytes, 1024 * 1024);
    server.close();
    QVERIFY(!server.isListening());
}

namespace {
QStringList *g_logLines = nullptr;
void captureLog(QtMsgType, const QMessageLogContext &, const QString &message)
{
    if (g_logLines)
        g_logLines->append(message);
}
} // namespace

void TestHttpServer::secretsNeverLogged()
{
    QStringList lines;
    g_logLines = &lines;
    QLoggingCategory::setFilterRules(QStringLiteral("ascend.http.debug=true"));
    const QtMessageHandler previous = qInstallMessageHandler(captureLog);

    m_handler->onHead = [](const HttpRequest &head) {
        HeadDecision decision;
        if (head.path == QLatin1String("/reject"))
            decision.reject = HttpResponse::text(401, "no");
        return decision;
    };
    auto server = start();
    RawClient client(server->port());
    QVERIFY(client.connectToServer());
    client.send(
        get("/ok", "Authorization: Bearer SECRET-TOKEN-123\r\nX-Apple-Signature: hmacsha256=SIG-456\r\n") +
        get("/reject", "Authorization: Bearer SECRET-TOKEN-123\r\n") +
        "GET /bad HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer SECRET-TOKEN-123\r\nBad Header: x\r\n\r\n");
    QVERIFY(client.waitForResponses(3));
    QVERIFY(client.waitForDisconnected());

    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    g_logLines = nullptr;
    QVERIFY(!lines.isEmpty()); // the server did log these requests
    for (const QString &line : std::as_const(lines)) {
        QVERIFY2(!line.contains(QLatin1String("SECRET-TOKEN")), qPrintable(line));
        QVERIFY2(!line.contains(QLatin1String("SIG-456")), qPrintable(line));
    }
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"

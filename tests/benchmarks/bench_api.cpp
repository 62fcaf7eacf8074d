// bench_api: list 5,000 builds through pagination from the simulator.
// Prints the HTTP requests made (expected 25 with limit=200), the JWT signatures made (expected 1) and the
// wall time, next to curl fetching the same 25 pages with one pre-signed token for comparison.

#include "core/api/apiclient.h"
#include "core/api/apps.h"
#include "core/api/builds.h"
#include "core/api/pager.h"
#include "core/auth/jwtsigner.h"
#include "core/session/session.h"
#include "core/session/simulatorprocess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTextStream>
#include <cstdio>

using namespace ascend;

namespace {

constexpr int kBuildCount = 5000;
constexpr int kPageSize = 200;
constexpr int kExpectedRequests = kBuildCount / kPageSize;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QString benchmarkAppId(api::ApiClient *client)
{
    api::Query query;
    query.sort(QStringLiteral("name")).limit(200);
    api::ApiReply *reply = client->send(api::listApps(query));
    api::waitForFinished(reply, 30000);
    QString appId;
    qint64 most = -1;
    // The app seeded with --builds-count holds the 5,000 builds: pick the one whose paging total is largest.
    for (const auto &resource : reply->document().resources()) {
        api::Query probe;
        probe.filter(QStringLiteral("app"), resource.id).limit(1);
        api::ApiReply *count = client->send(api::listBuilds(probe));
        api::waitForFinished(count, 30000);
        const auto paging = count->document().paging();
        if (paging && paging->total && *paging->total > most) {
            most = *paging->total;
            appId = resource.id;
        }
        count->deleteLater();
    }
    reply->deleteLater();
    return appId;
}

// curl over the same pages, following links.next, with one token: the transport baseline.
double curlBaselineMs(const QString &firstUrl, const QByteArray &token, int *pages)
{
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty())
        return -1;
    QElapsedTimer timer;
    timer.start();
    QString url = firstUrl;
    *pages = 0;
    while (!url.isEmpty()) {
        QProcess process;
        // The token goes through a config file on stdin, never the command line.
        process.start(curl, {QStringLiteral("-sS"), QStringLiteral("--globoff"), QStringLiteral("--config"),
                             QStringLiteral("-"), url});
        process.write("header = \"Authorization: Bearer " + token + "\"\n");
        process.closeWriteChannel();
        process.waitForFinished(30000);
        const QJsonObject page = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        ++*pages;
        url = page.value(QStringLiteral("links")).toObject().value(QStringLiteral("next")).toString();
    }
    return timer.nsecsElapsed() / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    session::SimulatorProcess simulator;
    simulator.setExecutable(QStringLiteral(ASCEND_SIM_BINARY));
    simulator.setExtraArguments({QStringLiteral("--builds-count"), QString::number(kBuildCount)});
    QString error;
    if (!simulator.startAndWait(60000, &error)) {
        fprintf(stderr, "bench_api: %s\n", qPrintable(error));
        return 1;
    }
    auto session = session::Session::create(simulator.connectionInfo(), &error);
    if (!session) {
        fprintf(stderr, "bench_api: %s\n", qPrintable(error));
        return 1;
    }
    api::ApiClient *client = session->client();
    const QString appId = benchmarkAppId(client);

    api::Query query;
    query.filter(QStringLiteral("app"), appId).limit(kPageSize);
    const api::ApiRequest firstPage = api::listBuilds(query);
    client->resetRequestCount();
    const int signaturesBefore = session->signer()->signatureCount();

    api::Pager pager(client, firstPage);
    QEventLoop loop;
    QObject::connect(&pager, &api::Pager::finished, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    pager.start();
    if (!pager.isFinished())
        loop.exec();
    const double ascendMs = timer.nsecsElapsed() / 1e6;
    if (!pager.ok()) {
        fprintf(stderr, "bench_api: listing failed: %s\n", qPrintable(pager.error().message()));
        return 1;
    }
    const qint64 requests = client->requestCount();
    // The signer may have signed one token earlier (while finding the app); the listing itself must reuse it.
    const int signatures = session->signer()->signatureCount();

    int curlPages = 0;
    const double curlMs =
        curlBaselineMs(client->resolve(firstPage).toString(), session->signer()->bearerToken(), &curlPages);

    out() << "bench_api: list " << kBuildCount << " builds through pagination (limit=" << kPageSize << ")\n";
    out() << "  builds received      " << pager.resources().size() << '\n';
    out() << "  HTTP requests        " << requests << "  (expected " << kExpectedRequests << ")\n";
    out() << "  JWT signatures       " << signatures << "  (expected 1; " << signatures - signaturesBefore
          << " during the listing)\n";
    out() << "  wall time (Ascend)   " << QString::number(ascendMs, 'f', 1) << " ms\n";
    if (curlMs >= 0) {
        out() << "  wall time (curl)     " << QString::number(curlMs, 'f', 1) << " ms for " << curlPages
              << " pages, one curl process per page\n";
        out() << "  ratio Ascend/curl    " << QString::number(ascendMs / curlMs, 'f', 2) << '\n';
    }
    out().flush();

    const bool countsOk =
        pager.resources().size() == kBuildCount && requests == kExpectedRequests && signatures == 1;
    return countsOk ? 0 : 1;
}

#include "demoscenario.h"

#include "clicontext.h"
#include "command.h"
#include "core/api/apiclient.h"
#include "core/api/apps.h"
#include "core/api/builds.h"
#include "core/auth/jwtsigner.h"
#include "core/session/session.h"
#include "demofeedback.h"
#include "demotestflight.h"
#include "demoupload.h"
#include "demowebhook.h"
#include "pagedlist.h"
#include "table.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QMap>

namespace ascend::cli {

namespace {

constexpr int kEventTimeoutMs = 30000;

class StepPrinter {
public:
    explicit StepPrinter(CliContext &context)
        : m_context(context)
    {
        m_clock.start();
    }
    void step(const QString &text)
    {
        m_context.out()
            << QStringLiteral("[%1] %2. ").arg(m_clock.elapsed() / 1000.0, 5, 'f', 2).arg(++m_number) << text
            << '\n';
        m_context.out().flush();
    }
    void detail(const QString &text) { m_context.out() << "         " << text << '\n'; }

private:
    CliContext &m_context;
    QElapsedTimer m_clock;
    int m_number = 0;
};

} // namespace

int runDemoScenario(CliContext &context)
{
    StepPrinter printer(context);
    context.out() << "Ascend demo: a local App Store Connect simulator, reached over real HTTP with a real "
                     "ES256 key.\n\n";
    // Beta App Review steps of two seconds, so the approval arrives while the demo waits.
    context.setSimulatorArguments({QStringLiteral("--review-seconds"), QStringLiteral("2")});
    session::Session *session = context.session();
    if (!session)
        return ExitFailure;
    printer.step(QStringLiteral("Started ascend-sim at %1 with a freshly generated API key %2")
                     .arg(session->info().baseUrl, session->info().keyId));

    api::Query appsQuery;
    appsQuery.sort(QStringLiteral("name")).limit(200);
    const auto apps = fetchAllPages(context, api::listApps(appsQuery), QStringLiteral("Listing apps"));
    if (!apps)
        return ExitFailure;
    printer.step(QStringLiteral("Listed %1 apps (GET /v1/apps):").arg(apps->size()));
    Table appTable({QStringLiteral("NAME"), QStringLiteral("BUNDLE ID"), QStringLiteral("ID")});
    QList<api::App> typedApps;
    for (const auto &resource : *apps) {
        if (const auto app = api::App::fromResource(resource)) {
            typedApps << *app;
            appTable.addRow({app->name, app->bundleId, app->id});
        }
    }
    appTable.print(context.out());
    if (typedApps.isEmpty()) {
        context.printError(QStringLiteral("The simulator has no apps; the demo needs its demo seed."));
        return ExitFailure;
    }

    const api::App &app = typedApps.first();
    api::Query buildsQuery;
    buildsQuery.filter(QStringLiteral("app"), app.id).sort(QStringLiteral("-uploadedDate")).limit(200);
    const auto builds = fetchAllPages(context, api::listBuilds(buildsQuery),
                                      QStringLiteral("Listing the builds of %1").arg(app.name));
    if (!builds)
        return ExitFailure;
    QMap<QString, int> byState;
    for (const auto &resource : *builds) {
        if (const auto build = api::Build::fromResource(resource))
            ++byState[build->processingState ? asc::toString(*build->processingState)
                                             : QStringLiteral("UNKNOWN")];
    }
    QStringList stateSummary;
    for (auto it = byState.cbegin(); it != byState.cend(); ++it)
        stateSummary << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
    printer.step(QStringLiteral("Listed %1 builds of %2 (GET /v1/builds?filter[app]=%3): %4")
                     .arg(builds->size())
                     .arg(app.name, app.id, stateSummary.join(QStringLiteral(", "))));

    DemoWebhook webhook;
    QString error;
    if (!webhook.start(session->client(), app.id, &error)) {
        context.printError(error);
        return ExitFailure;
    }
    printer.step(
        QStringLiteral("Started a webhook listener at %1 and created webhook %2 for every event type "
                       "(POST /v1/webhooks, with a fresh secret)")
            .arg(webhook.listenerUrl(), webhook.webhookId()));

    DemoUploadResult upload;
    if (!runDemoUpload(
            session->client(), app.bundleId, [&](const QString &text) { printer.step(text); }, &upload,
            &error)) {
        context.printError(QStringLiteral("The demo upload failed: %1").arg(error));
        return ExitFailure;
    }
    const auto uploadEvent = webhook.waitFor(
        [&](const webhooks::Notification &event) {
            return event.eventType == asc::WebhookEventType::BUILD_UPLOAD_STATE_UPDATED &&
                   event.instanceId == upload.buildUploadId && event.newState() == QLatin1String("COMPLETE");
        },
        kEventTimeoutMs);
    if (!uploadEvent) {
        context.printError(
            QStringLiteral("The listener received no buildUploadStateUpdated event for %1 within "
                           "%2 s.")
                .arg(upload.buildUploadId)
                .arg(kEventTimeoutMs / 1000));
        return ExitFailure;
    }
    printer.step(
        QStringLiteral("Received a verified %1 event (x-apple-signature checked): buildUploads/%2 → %3")
            .arg(uploadEvent->notificationType, uploadEvent->instanceId, uploadEvent->newState()));

    if (!runDemoTestFlight(
            session->client(), app.id, upload.buildId, webhook,
            [&](const QString &text) { printer.step(text); }, &error)) {
        context.printError(QStringLiteral("The TestFlight step failed: %1").arg(error));
        return ExitFailure;
    }

    const QString outDir = QDir::temp().filePath(
        QStringLiteral("ascend-demo-%1")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    if (!runDemoFeedback(
            session->client(), app.id, outDir, [&](const QString &text) { printer.step(text); }, &error)) {
        context.printError(QStringLiteral("The feedback step failed: %1").arg(error));
        return ExitFailure;
    }

    const auto budget = session->client()->rateLimit();
    printer.step(QStringLiteral("Made %1 HTTP requests with %2 JWT signature(s); API budget: %3")
                     .arg(session->client()->requestCount())
                     .arg(session->signer()->signatureCount())
                     .arg(budget.toDisplayString()));
    context.out() << "\nDone. Open the same scenario in the desktop app with `ascend --demo`.\n";
    return ExitOk;
}

} // namespace ascend::cli

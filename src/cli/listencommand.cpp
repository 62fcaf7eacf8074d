// ascendctl listen --port P [--host H] [--path /webhooks/asc] (--secret-file F | --secret-env VAR) [--db
// FILE] Runs the local webhook listener until interrupted and prints one JSON line per verified event on
// stdout. With --demo: a webhook for the first demo app is created in the simulator, pointing at this
// listener.

#include "clicontext.h"
#include "command.h"
#include "core/api/apiclient.h"
#include "core/api/apireply.h"
#include "core/api/apps.h"
#include "core/api/webhooks.h"
#include "core/session/session.h"
#include "core/store/eventlog.h"
#include "core/webhooks/defaults.h"
#include "core/webhooks/webhooklistener.h"
#include "core/webhooks/webhooksecrets.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <csignal>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>

namespace ascend::cli {

namespace {

int g_signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalFds[0], &byte, 1);
}

QJsonObject eventLine(const webhooks::ReceivedEvent &event)
{
    const webhooks::Notification &n = event.notification;
    QJsonObject line{{QStringLiteral("id"), n.id},
                     {QStringLiteral("type"), n.notificationType},
                     {QStringLiteral("eventType"), n.eventType ? asc::toString(*n.eventType) : QJsonValue()},
                     {QStringLiteral("ping"), n.ping},
                     {QStringLiteral("instanceType"), n.instanceType},
                     {QStringLiteral("instanceId"), n.instanceId},
                     {QStringLiteral("timestamp"),
                      n.timestamp.isValid() ? n.timestamp.toString(Qt::ISODateWithMs) : QJsonValue()},
                     {QStringLiteral("receivedAt"), event.logged.receivedAt.toString(Qt::ISODateWithMs)},
                     {QStringLiteral("attributes"), n.attributes}};
    if (!n.newState().isEmpty())
        line.insert(QStringLiteral("newState"), n.newState());
    return line;
}

// --demo: register the listener with the simulator through the API, like a user would.
bool registerWithDemo(CliContext &context, const QString &url, const QByteArray &secret)
{
    session::Session *session = context.session();
    if (!session)
        return false;
    std::unique_ptr<api::ApiReply> apps(session->client()->send(api::listApps(api::Query().limit(1))));
    if (!context.await(apps.get(), QStringLiteral("Listing the demo apps")) ||
        apps->document().resources().isEmpty())
        return false;
    const auto app = api::App::fromResource(apps->document().resources().first());
    api::WebhookFields fields;
    fields.name = QStringLiteral("ascendctl listen");
    fields.url = url;
    fields.enabled = true;
    QList<asc::WebhookEventType> all;
    for (const QString &name : asc::allNames<asc::WebhookEventType>())
        all << *asc::fromString<asc::WebhookEventType>(name);
    fields.eventTypes = all;
    fields.secret = secret;
    std::unique_ptr<api::ApiReply> created(session->client()->send(api::createWebhook(app->id, fields)));
    if (!context.await(created.get(), QStringLiteral("Creating the demo webhook")))
        return false;
    const auto resource = created->document().resource();
    context.err() << "registered webhook " << (resource ? resource->id : QString()) << " of " << app->name
                  << " with the simulator at " << session->info().baseUrl << "\n";
    context.err().flush();
    // A first ping, so the loop shows at once (and stays in the simulator's deliveries).
    if (resource) {
        api::ApiReply *ping = session->client()->send(api::pingWebhook(resource->id));
        QObject::connect(ping, &api::ApiReply::finished, ping, &QObject::deleteLater);
    }
    return true;
}

int listen(CliContext &context, const QCommandLineParser &parser)
{
    webhooks::ListenerConfig config;
    bool ok = true;
    const uint port = parser.value(QStringLiteral("port")).toUInt(&ok);
    if (!parser.isSet(QStringLiteral("port")) || !ok || port > 65535) {
        context.printError(QStringLiteral("listen needs --port P (0 picks a free port)."));
        return ExitUsage;
    }
    config.port = quint16(port);
    if (parser.isSet(QStringLiteral("host"))) {
        const QString host = parser.value(QStringLiteral("host"));
        if (host == QLatin1String("localhost"))
            config.host = QHostAddress(QHostAddress::LocalHost);
        else if (!config.host.setAddress(host)) {
            context.printError(QStringLiteral("--host: '%1' is not an IP address.").arg(host));
            return ExitUsage;
        }
    }
    if (parser.isSet(QStringLiteral("path")))
        config.path = parser.value(QStringLiteral("path"));

    QList<QByteArray> secrets;
    QString error;
    const bool fromFile = parser.isSet(QStringLiteral("secret-file"));
    const bool fromEnv = parser.isSet(QStringLiteral("secret-env"));
    if (fromFile == fromEnv && !context.options().demo) {
        context.printError(
            QStringLiteral("give the secret with exactly one of --secret-file FILE or --secret-env VAR."));
        return ExitUsage;
    }
    if (fromFile || fromEnv) {
        const auto secret =
            fromFile ? webhooks::readSecretFile(parser.value(QStringLiteral("secret-file")), &error)
                     : webhooks::readSecretEnv(parser.value(QStringLiteral("secret-env")), &error);
        if (!secret) {
            context.printError(error);
            return ExitUsage;
        }
        secrets << *secret;
    } else {
        secrets << webhooks::generateSecret(); // --demo without a secret: one for the demo webhook
    }

    const QString dbPath = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db"))
                                                              : webhooks::defaultEventLogPath();
    store::EventLog log;
    if (!log.open(dbPath, &error)) {
        context.printError(error);
        return ExitFailure;
    }
    webhooks::WebhookListener listener(&log);
    listener.setSecrets(secrets);
    if (!listener.start(config, &error)) {
        context.printError(error);
        return ExitFailure;
    }
    QTextStream &out = context.out();
    QObject::connect(&listener, &webhooks::WebhookListener::eventReceived, &listener,
                     [&out](const webhooks::ReceivedEvent &event) {
                         out << QJsonDocument(eventLine(event)).toJson(QJsonDocument::Compact) << '\n';
                         out.flush();
                     });
    QObject::connect(&listener, &webhooks::WebhookListener::requestRejected, &listener,
                     [&context](int status, const QString &reason) {
                         context.err() << "refused (" << status << "): " << reason << "\n";
                         context.err().flush();
                     });
    context.err()
        << "listening on " << listener.localUrl() << " (event log " << dbPath << ")\n"
        << "App Store Connect needs a public HTTPS URL: put a reverse proxy or a tunnel in front of it.\n";
    context.err().flush();
    if (context.options().demo && !registerWithDemo(context, listener.localUrl(), secrets.first()))
        return ExitFailure;

    // SIGINT/SIGTERM end the loop cleanly (every answered event is already on disk either way).
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) == 0) {
        auto *notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, &listener);
        QObject::connect(notifier, &QSocketNotifier::activated, qApp, &QCoreApplication::quit);
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    QCoreApplication::exec();
    listener.stop();
    const auto counters = listener.counters();
    context.err() << "stopped: " << counters.stored << " stored, " << counters.duplicates << " duplicates, "
                  << counters.rejected() << " refused\n";
    return ExitOk;
}

} // namespace

QList<Command> listenCommands()
{
    Command c;
    c.words = {QStringLiteral("listen")};
    c.summary =
        QStringLiteral("Receive webhook notifications locally, verify them and keep them in the event log");
    c.declareOptions = [](QCommandLineParser &parser) {
        parser.addOption({QStringLiteral("port"), QStringLiteral("Port to listen on (0 = any free one)."),
                          QStringLiteral("P")});
        parser.addOption({QStringLiteral("host"), QStringLiteral("Address to listen on (default 127.0.0.1)."),
                          QStringLiteral("H")});
        parser.addOption({QStringLiteral("path"), QStringLiteral("Request path (default /webhooks/asc)."),
                          QStringLiteral("PATH")});
        parser.addOption({QStringLiteral("secret-file"), QStringLiteral("File holding the webhook secret."),
                          QStringLiteral("FILE")});
        parser.addOption({QStringLiteral("secret-env"),
                          QStringLiteral("Environment variable holding the webhook secret."),
                          QStringLiteral("VAR")});
        parser.addOption({QStringLiteral("db"),
                          QStringLiteral("Event log file (default in the config folder)."),
                          QStringLiteral("FILE")});
    };
    c.run = listen;
    c.details = QStringLiteral(
        "Needs --port and exactly one of --secret-file or --secret-env (with --demo the secret is generated "
        "and a demo webhook is pointed at the listener). Each request must be a POST to the path with a "
        "valid x-apple-signature (HMAC-SHA256 of the body with the secret); anything else is refused with "
        "401, 405, 413 or 400. Every verified event is stored in the event log before the answer 200, and a "
        "redelivery is recorded once. Prints one JSON line per verified event on stdout and what was refused "
        "on stderr; Ctrl+C (SIGINT) or SIGTERM stops it and prints the counts. App Store Connect needs a "
        "public HTTPS URL: put a reverse proxy or a tunnel in front of the listener.");
    return {c};
}

} // namespace ascend::cli

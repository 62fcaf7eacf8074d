// ascendctl webhooks list|create|update|delete|ping|deliveries|redeliver
// Secrets come from files (--secret-file) or are generated (--generate-secret), never from the command line;
// they are kept in the secret store under the webhook's id so `listen` and the app can verify with them.

#include "clicontext.h"
#include "command.h"
#include "core/api/apiclient.h"
#include "core/api/webhookdeliveries.h"
#include "core/api/webhooks.h"
#include "core/auth/secretstore.h"
#include "core/session/session.h"
#include "core/webhooks/webhooksecrets.h"
#include "pagedlist.h"
#include "table.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>
#include <memory>

namespace ascend::cli {

namespace {

QString shortDate(const QDateTime &dateTime)
{
    return dateTime.isValid() ? dateTime.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

QString eventList(const QList<asc::WebhookEventType> &types)
{
    QStringList names;
    for (const auto type : types)
        names << asc::toString(type);
    return names.join(QLatin1Char(','));
}

// The result of one call, waited for; nullptr after printing the error.
std::unique_ptr<api::ApiReply> send(CliContext &context, const api::ApiRequest &request, const QString &what)
{
    session::Session *session = context.session();
    if (!session)
        return nullptr;
    std::unique_ptr<api::ApiReply> reply(session->client()->send(request));
    if (!context.await(reply.get(), what))
        return nullptr;
    return reply;
}

void printWebhook(CliContext &context, const jsonapi::Resource &resource, const QString &verb)
{
    if (context.json()) {
        context.printJson(resource.toJson());
        return;
    }
    const auto webhook = api::Webhook::fromResource(resource);
    if (!webhook)
        return;
    context.out() << verb << " webhook " << webhook->id << " \"" << webhook->name << "\" → " << webhook->url
                  << (webhook->enabled ? "" : " (disabled)")
                  << "\n  events: " << eventList(webhook->eventTypes) << "\n";
}

bool parseEvents(CliContext &context, const QString &text, QList<asc::WebhookEventType> *out)
{
    for (const QString &name : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto type = asc::fromString<asc::WebhookEventType>(name.trimmed().toUpper());
        if (!type) {
            context.printError(
                QStringLiteral("unknown event type \"%1\"; one of: %2")
                    .arg(name, asc::allNames<asc::WebhookEventType>().join(QStringLiteral(", "))));
            return false;
        }
        out->append(*type);
    }
    if (out->isEmpty()) {
        context.printError(QStringLiteral("--events needs at least one event type."));
        return false;
    }
    return true;
}

bool validUrl(CliContext &context, const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        context.printError(QStringLiteral("--url must be an absolute http(s) URL."));
        return false;
    }
    if (url.scheme() == QLatin1String("http") && !context.options().demo)
        context.err() << "warning: App Store Connect delivers only to public HTTPS URLs.\n";
    return true;
}

// --secret-file F or --generate-secret (then optionally --secret-out F); nullopt = not asked for.
bool secretFromOptions(CliContext &context, const QCommandLineParser &parser,
                       std::optional<QByteArray> *secret)
{
    const bool fromFile = parser.isSet(QStringLiteral("secret-file"));
    const bool generate = parser.isSet(QStringLiteral("generate-secret"));
    if (fromFile && generate) {
        context.printError(QStringLiteral("use either --secret-file or --generate-secret."));
        return false;
    }
    if (fromFile) {
        QString error;
        *secret = webhooks::readSecretFile(parser.value(QStringLiteral("secret-file")), &error);
        if (!*secret) {
            context.printError(error);
            return false;
        }
    } else if (generate) {
        *secret = webhooks::generateSecret();
        if (parser.isSet(QStringLiteral("secret-out"))) {
            QFile file(parser.value(QStringLiteral("secret-out")));
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
                !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
                file.write(**secret + '\n') < 0) {
                context.printError(
                    QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
                return false;
            }
        }
    }
    return true;
}

void rememberSecret(CliContext &context, const QString &webhookId, const QByteArray &secret)
{
    auto store = auth::createDefaultSecretStore();
    webhooks::WebhookSecrets secrets(*store);
    QString error;
    if (!secrets.save(webhookId, secret, &error))
        context.err() << "warning: the secret could not be stored (" << error << "); keep your copy.\n";
    else if (!context.json())
        context.out() << "  secret kept in the " << store->backendDescription() << "\n";
}

void addSecretOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("secret-file"),
                      QStringLiteral("Read the webhook secret from this file (first line)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("generate-secret"),
                      QStringLiteral("Generate a random secret (32 bytes, base64url).")});
    parser.addOption(
        {QStringLiteral("secret-out"),
         QStringLiteral("With --generate-secret: also write the secret to this file (mode 0600)."),
         QStringLiteral("FILE")});
}

int listWebhooks(CliContext &context, const QCommandLineParser &parser)
{
    const QString appArgument = parser.value(QStringLiteral("app"));
    if (appArgument.isEmpty()) {
        context.printError(QStringLiteral("webhooks list needs --app BUNDLE_ID_OR_ID."));
        return ExitUsage;
    }
    const auto app = resolveApp(context, appArgument);
    if (!app)
        return ExitFailure;
    const auto resources = fetchAllPages(context, api::listAppWebhooks(app->id, api::Query().limit(200)),
                                         QStringLiteral("Listing the webhooks of %1").arg(app->name));
    if (!resources)
        return ExitFailure;
    if (context.json()) {
        QJsonArray array;
        for (const auto &resource : *resources)
            array.append(resource.toJson());
        context.printJson(array);
        return ExitOk;
    }
    Table table({QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("ENABLED"),
                 QStringLiteral("URL"), QStringLiteral("EVENTS")});
    for (const auto &resource : *resources) {
        if (const auto webhook = api::Webhook::fromResource(resource))
            table.addRow({webhook->id, webhook->name,
                          webhook->enabled ? QStringLiteral("yes") : QStringLiteral("no"), webhook->url,
                          eventList(webhook->eventTypes)});
    }
    if (table.isEmpty()) {
        context.out() << app->name << " has no webhooks.\n";
        return ExitOk;
    }
    table.print(context.out());
    return ExitOk;
}

int createWebhook(CliContext &context, const QCommandLineParser &parser)
{
    api::WebhookFields fields;
    const QString appArgument = parser.value(QStringLiteral("app"));
    if (appArgument.isEmpty() || !parser.isSet(QStringLiteral("name")) ||
        !parser.isSet(QStringLiteral("url")) || !parser.isSet(QStringLiteral("events"))) {
        context.printError(QStringLiteral("webhooks create needs --app, --name, --url, --events and a secret "
                                          "(--secret-file or --generate-secret)."));
        return ExitUsage;
    }
    fields.name = parser.value(QStringLiteral("name"));
    fields.url = parser.value(QStringLiteral("url"));
    fields.enabled = !parser.isSet(QStringLiteral("disabled"));
    QList<asc::WebhookEventType> types;
    if (!parseEvents(context, parser.value(QStringLiteral("events")), &types) ||
        !validUrl(context, *fields.url))
        return ExitUsage;
    fields.eventTypes = types;
    if (!secretFromOptions(context, parser, &fields.secret))
        return ExitUsage;
    if (!fields.secret) {
        context.printError(QStringLiteral("a secret is required: --secret-file FILE or --generate-secret."));
        return ExitUsage;
    }
    const auto app = resolveApp(context, appArgument);
    if (!app)
        return ExitFailure;
    const auto reply =
        send(context, api::createWebhook(app->id, fields), QStringLiteral("Creating the webhook"));
    if (!reply)
        return ExitFailure;
    const auto resource = reply->document().resource();
    if (!resource)
        return ExitFailure;
    printWebhook(context, *resource, QStringLiteral("Created"));
    rememberSecret(context, resource->id, *fields.secret);
    return ExitOk;
}

int updateWebhook(CliContext &context, const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        context.printError(QStringLiteral("webhooks update needs the webhook ID."));
        return ExitUsage;
    }
    api::WebhookFields fields;
    if (parser.isSet(QStringLiteral("name")))
        fields.name = parser.value(QStringLiteral("name"));
    if (parser.isSet(QStringLiteral("url"))) {
        fields.url = parser.value(QStringLiteral("url"));
        if (!validUrl(context, *fields.url))
            return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("enable")) && parser.isSet(QStringLiteral("disable"))) {
        context.printError(QStringLiteral("use either --enable or --disable."));
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("enable")) || parser.isSet(QStringLiteral("disable")))
        fields.enabled = parser.isSet(QStringLiteral("enable"));
    if (parser.isSet(QStringLiteral("events"))) {
        QList<asc::WebhookEventType> types;
        if (!parseEvents(context, parser.value(QStringLiteral("events")), &types))
            return ExitUsage;
        fields.eventTypes = types;
    }
    if (!secretFromOptions(context, parser, &fields.secret))
        return ExitUsage;
    const auto reply =
        send(context, api::updateWebhook(positional.first(), fields), QStringLiteral("Updating the webhook"));
    if (!reply)
        return ExitFailure;
    if (const auto resource = reply->document().resource())
        printWebhook(context, *resource, QStringLiteral("Updated"));
    if (fields.secret)
        rememberSecret(context, positional.first(), *fields.secret);
    return ExitOk;
}

int deleteWebhook(CliContext &context, const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        context.printError(QStringLiteral("webhooks delete needs the webhook ID."));
        return ExitUsage;
    }
    if (!send(context, api::deleteWebhook(positional.first()), QStringLiteral("Deleting the webhook")))
        return ExitFailure;
    auto store = auth::createDefaultSecretStore();
    QString error;
    webhooks::WebhookSecrets(*store).remove(positional.first(), &error);
    if (context.json())
        context.printJson(QJsonObject{{QStringLiteral("deleted"), positional.first()}});
    else
        context.out() << "Deleted webhook " << positional.first() << "\n";
    return ExitOk;
}

int pingWebhook(CliContext &context, const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        context.printError(QStringLiteral("webhooks ping needs the webhook ID."));
        return ExitUsage;
    }
    const auto reply =
        send(context, api::pingWebhook(positional.first()), QStringLiteral("Sending a test ping"));
    if (!reply)
        return ExitFailure;
    const auto resource = reply->document().resource();
    if (context.json())
        context.printJson(resource ? resource->toJson() : QJsonObject());
    else
        context.out() << "Ping " << (resource ? resource->id : QString())
                      << " sent; see `ascendctl webhooks deliveries " << positional.first()
                      << "` for the result.\n";
    return ExitOk;
}

int listDeliveries(CliContext &context, const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        context.printError(QStringLiteral("webhooks deliveries needs the webhook ID."));
        return ExitUsage;
    }
    std::optional<asc::WebhookDeliveryState> state;
    if (parser.isSet(QStringLiteral("state"))) {
        state = asc::fromString<asc::WebhookDeliveryState>(parser.value(QStringLiteral("state")).toUpper());
        if (!state) {
            context.printError(
                QStringLiteral("--state must be one of %1.")
                    .arg(asc::allNames<asc::WebhookDeliveryState>().join(QStringLiteral(", "))));
            return ExitUsage;
        }
    }
    bool ok = true;
    const int days =
        parser.isSet(QStringLiteral("days")) ? parser.value(QStringLiteral("days")).toInt(&ok) : 7;
    if (!ok || days < 1) {
        context.printError(QStringLiteral("--days must be a positive number."));
        return ExitUsage;
    }
    QList<jsonapi::Resource> included;
    const auto resources = fetchAllPages(
        context, api::listWebhookDeliveries(positional.first(), api::recentDeliveries(days, state)),
        QStringLiteral("Listing the deliveries"), &included);
    if (!resources)
        return ExitFailure;
    jsonapi::Document document;
    document.setResources(*resources);
    document.setIncluded(included);
    const QList<api::WebhookDelivery> deliveries = api::WebhookDelivery::listFromDocument(document);
    if (context.json()) {
        context.printJson(document.toJson());
        return ExitOk;
    }
    Table table({QStringLiteral("ID"), QStringLiteral("CREATED (UTC)"), QStringLiteral("SENT"),
                 QStringLiteral("STATE"), QStringLiteral("HTTP"), QStringLiteral("EVENT"),
                 QStringLiteral("ERROR")});
    for (const auto &d : deliveries) {
        QString event;
        if (d.event)
            event = d.event->ping ? QStringLiteral("ping")
                                  : (d.event->eventType ? asc::toString(*d.event->eventType) : QString());
        if (d.redelivery)
            event += QStringLiteral(" (redelivery)");
        table.addRow({d.id, shortDate(d.createdDate), shortDate(d.sentDate),
                      d.deliveryState ? asc::toString(*d.deliveryState) : QString(),
                      d.httpStatusCode ? QString::number(*d.httpStatusCode) : QString(), event,
                      d.errorMessage});
    }
    if (table.isEmpty()) {
        context.out() << "No deliveries in the last " << days << " days.\n";
        return ExitOk;
    }
    table.print(context.out());
    return ExitOk;
}

int redeliver(CliContext &context, const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        context.printError(QStringLiteral("webhooks redeliver needs the ID of the delivery to send again."));
        return ExitUsage;
    }
    const auto reply = send(context, api::redeliver(positional.first()), QStringLiteral("Redelivering"));
    if (!reply)
        return ExitFailure;
    const auto resource = reply->document().resource();
    if (context.json())
        context.printJson(resource ? resource->toJson() : QJsonObject());
    else
        context.out() << "Redelivery " << (resource ? resource->id : QString()) << " started.\n";
    return ExitOk;
}

Command command(const QString &verb, const QString &summary,
                std::function<void(QCommandLineParser &)> options,
                std::function<int(CliContext &, const QCommandLineParser &)> run, const QString &details)
{
    Command c;
    c.words = {QStringLiteral("webhooks"), verb};
    c.summary = summary;
    c.declareOptions = std::move(options);
    c.run = std::move(run);
    c.details = details;
    return c;
}

} // namespace

QList<Command> webhooksCommands()
{
    const auto appOption = [](QCommandLineParser &parser) {
        parser.addOption({QStringLiteral("app"),
                          QStringLiteral("The app: bundle ID or App Store Connect app ID."),
                          QStringLiteral("BUNDLE_ID_OR_ID")});
    };
    const auto idArgument = [](const QString &what) {
        return
            [what](QCommandLineParser &parser) { parser.addPositionalArgument(QStringLiteral("ID"), what); };
    };
    return {
        command(QStringLiteral("list"),
                QStringLiteral("List the webhooks of an app (GET /v1/apps/{id}/webhooks)"), appOption,
                listWebhooks,
                QStringLiteral("Needs --app. Prints a table: ID, name, enabled, URL and event types. With "
                               "--json: the JSON:API webhook resources.")),
        command(
            QStringLiteral("create"), QStringLiteral("Create a webhook (POST /v1/webhooks)"),
            [appOption](QCommandLineParser &parser) {
                appOption(parser);
                parser.addOption(
                    {QStringLiteral("name"), QStringLiteral("Its name."), QStringLiteral("NAME")});
                parser.addOption({QStringLiteral("url"),
                                  QStringLiteral("Where notifications go (public HTTPS)."),
                                  QStringLiteral("URL")});
                parser.addOption(
                    {QStringLiteral("events"),
                     QStringLiteral("Comma-separated event types, e.g. BUILD_UPLOAD_STATE_UPDATED."),
                     QStringLiteral("A,B")});
                parser.addOption({QStringLiteral("disabled"), QStringLiteral("Create it disabled.")});
                addSecretOptions(parser);
            },
            createWebhook,
            QStringLiteral(
                "Needs --app, --name, --url, --events and a secret: --secret-file FILE (first line) or "
                "--generate-secret (--secret-out FILE saves a copy). The secret never appears on the command "
                "line; it is kept in the keychain (or a 0600 file) so that the app can verify the "
                "notifications. Prints the new webhook; with --json its JSON:API resource. Event types:\n") +
                QStringLiteral("  ") + asc::allNames<asc::WebhookEventType>().join(QStringLiteral("\n  "))),
        command(
            QStringLiteral("update"), QStringLiteral("Change a webhook (PATCH /v1/webhooks/{id})"),
            [](QCommandLineParser &parser) {
                parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The webhook."));
                parser.addOption(
                    {QStringLiteral("name"), QStringLiteral("New name."), QStringLiteral("NAME")});
                parser.addOption({QStringLiteral("url"), QStringLiteral("New URL."), QStringLiteral("URL")});
                parser.addOption({QStringLiteral("events"),
                                  QStringLiteral("New event types (replace the old)."),
                                  QStringLiteral("A,B")});
                parser.addOption({QStringLiteral("enable"), QStringLiteral("Enable it.")});
                parser.addOption({QStringLiteral("disable"), QStringLiteral("Disable it.")});
                addSecretOptions(parser);
            },
            updateWebhook,
            QStringLiteral("Changes only what is given; --events replaces the whole list. A new secret "
                           "(--secret-file or --generate-secret) is kept like the one of `webhooks create`. "
                           "Prints the changed webhook.")),
        command(QStringLiteral("delete"), QStringLiteral("Delete a webhook (DELETE /v1/webhooks/{id})"),
                idArgument(QStringLiteral("The webhook.")), deleteWebhook,
                QStringLiteral("Deletes the webhook on App Store Connect. Prints its ID.")),
        command(QStringLiteral("ping"), QStringLiteral("Send a test notification (POST /v1/webhookPings)"),
                idArgument(QStringLiteral("The webhook.")), pingWebhook,
                QStringLiteral("App Store Connect sends a ping notification to the webhook's URL; see the "
                               "result with `webhooks deliveries ID`. Prints the ping's ID.")),
        command(
            QStringLiteral("deliveries"),
            QStringLiteral("List a webhook's deliveries (GET /v1/webhooks/{id}/deliveries)"),
            [](QCommandLineParser &parser) {
                parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The webhook."));
                parser.addOption({QStringLiteral("state"), QStringLiteral("SUCCEEDED, FAILED or PENDING."),
                                  QStringLiteral("STATE")});
                parser.addOption({QStringLiteral("days"), QStringLiteral("How far back (default 7)."),
                                  QStringLiteral("N")});
            },
            listDeliveries,
            QStringLiteral("Prints a table: delivery ID, created and sent (UTC), state, HTTP status, event "
                           "and error. With --json: the JSON:API document.")),
        command(
            QStringLiteral("redeliver"),
            QStringLiteral("Send a delivery's notification again (POST /v1/webhookDeliveries)"),
            idArgument(QStringLiteral("The delivery to send again.")), redeliver,
            QStringLiteral("The ID comes from `webhooks deliveries`. Prints the ID of the new delivery.")),
    };
}

} // namespace ascend::cli

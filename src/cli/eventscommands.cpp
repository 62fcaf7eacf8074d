// ascendctl events list [--type T] [--db FILE] [--limit N] [--json]: what the listener has stored.

#include "clicontext.h"
#include "command.h"
#include "core/store/eventlog.h"
#include "core/webhooks/defaults.h"
#include "table.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ascend::cli {

namespace {

int listEvents(CliContext &context, const QCommandLineParser &parser)
{
    const QString dbPath = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db"))
                                                              : webhooks::defaultEventLogPath();
    if (!QFileInfo::exists(dbPath)) {
        context.printError(
            QStringLiteral("there is no event log at %1 yet (run `ascendctl listen`).").arg(dbPath));
        return ExitFailure;
    }
    store::EventLog log;
    QString error;
    if (!log.open(dbPath, &error)) {
        context.printError(error);
        return ExitFailure;
    }
    store::EventQuery query;
    query.eventType = parser.value(QStringLiteral("type"));
    bool ok = true;
    if (parser.isSet(QStringLiteral("limit")))
        query.limit = parser.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || query.limit < 1) {
        context.printError(QStringLiteral("--limit must be a positive number."));
        return ExitUsage;
    }
    // The newest N, printed oldest first.
    query.newestFirst = true;
    QList<store::LoggedEvent> events = log.events(query);
    std::reverse(events.begin(), events.end());

    if (context.json()) {
        QJsonArray array;
        for (const auto &e : events) {
            array.append(QJsonObject{
                {QStringLiteral("seq"), e.seq},
                {QStringLiteral("id"), e.eventId},
                {QStringLiteral("type"), e.notificationType},
                {QStringLiteral("eventType"), e.eventType.isEmpty() ? QJsonValue() : QJsonValue(e.eventType)},
                {QStringLiteral("ping"), e.ping},
                {QStringLiteral("instanceType"), e.instanceType},
                {QStringLiteral("instanceId"), e.instanceId},
                {QStringLiteral("timestamp"), e.eventTimestamp.isValid()
                                                  ? QJsonValue(e.eventTimestamp.toString(Qt::ISODateWithMs))
                                                  : QJsonValue()},
                {QStringLiteral("receivedAt"), e.receivedAt.toString(Qt::ISODateWithMs)},
                {QStringLiteral("signature"), e.verdict},
                {QStringLiteral("duplicates"), e.duplicates},
                {QStringLiteral("payload"), QJsonDocument::fromJson(e.body).object()}});
        }
        context.printJson(array);
        return ExitOk;
    }
    Table table({QStringLiteral("RECEIVED (UTC)"), QStringLiteral("TYPE"), QStringLiteral("INSTANCE"),
                 QStringLiteral("SIGNATURE"), QStringLiteral("DUPLICATES"), QStringLiteral("ID")});
    for (const auto &e : std::as_const(events)) {
        table.addRow(
            {e.receivedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
             e.ping ? QStringLiteral("ping") : (e.eventType.isEmpty() ? e.notificationType : e.eventType),
             e.instanceType.isEmpty() ? QString() : e.instanceType + QLatin1Char('/') + e.instanceId,
             e.verdict, QString::number(e.duplicates), e.eventId});
    }
    if (table.isEmpty()) {
        context.out() << "No events"
                      << (query.eventType.isEmpty() ? QString()
                                                    : QStringLiteral(" of type ") + query.eventType)
                      << " in " << dbPath << ".\n";
        return ExitOk;
    }
    table.print(context.out());
    context.out() << events.size() << " of " << log.eventCount() << " events; " << log.malformedCount()
                  << " malformed bodies kept; " << log.counter(QStringLiteral("rejected.signature"))
                  << " refused for their signature.\n";
    return ExitOk;
}

} // namespace

QList<Command> eventsCommands()
{
    Command c;
    c.words = {QStringLiteral("events"), QStringLiteral("list")};
    c.summary = QStringLiteral("List the webhook events the listener stored");
    c.details = QStringLiteral(
        "Reads the event log written by `ascendctl listen` (or the app's listener) and prints the newest "
        "events, oldest first: time received (UTC), type, the resource concerned, signature verdict, "
        "duplicates and event ID. With --json: an array of objects with seq, id, type, eventType, "
        "instanceType, instanceId, timestamps, signature, duplicates and the payload.");
    c.declareOptions = [](QCommandLineParser &parser) {
        parser.addOption(
            {QStringLiteral("type"),
             QStringLiteral("Only this type (e.g. BUILD_UPLOAD_STATE_UPDATED or buildUploadStateUpdated)."),
             QStringLiteral("T")});
        parser.addOption({QStringLiteral("db"),
                          QStringLiteral("Event log file (default in the config folder)."),
                          QStringLiteral("FILE")});
        parser.addOption({QStringLiteral("limit"),
                          QStringLiteral("At most this many, the newest (default 1000)."),
                          QStringLiteral("N")});
    };
    c.run = listEvents;
    return {c};
}

} // namespace ascend::cli

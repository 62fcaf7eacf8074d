// ascendctl feedback list|show|download|crashlog|delete|export: the TestFlight feedback inbox (screenshot and
// crash submissions) from the command line. list and export need --app; the others take a submission ID and
// find its kind themselves (screenshot first, then crash) unless --kind says which.

#include "clicontext.h"
#include "command.h"
#include "core/api/apiclient.h"
#include "core/api/apireply.h"
#include "core/api/betafeedback.h"
#include "core/api/pager.h"
#include "core/feedback/crashreport.h"
#include "core/feedback/feedbackexporter.h"
#include "core/feedback/screenshotfetcher.h"
#include "core/jsonapi/datetime.h"
#include "core/session/session.h"
#include "pagedlist.h"
#include "savefile.h"
#include "table.h"

#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <memory>
#include <unistd.h>

namespace ascend::cli {

namespace {

using Parser = QCommandLineParser;
using api::FeedbackKind;
using api::FeedbackSubmission;

QString opt(const Parser &parser, const char *name)
{
    return parser.value(QString::fromLatin1(name));
}

QString kindText(FeedbackKind kind)
{
    return kind == FeedbackKind::Crash ? QStringLiteral("Crash") : QStringLiteral("Screenshot feedback");
}

QString date(const QDateTime &dateTime)
{
    return dateTime.isValid() ? dateTime.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

QString isoDate(const QDateTime &dateTime)
{
    return dateTime.isValid() ? jsonapi::formatDateTime(dateTime) : QString();
}

// One line, at most `width` characters.
QString oneLine(const QString &text, int width)
{
    QString line = text.simplified();
    if (line.size() > width)
        line = line.left(width - 1) + QChar(0x2026);
    return line;
}

// The kinds --kind allows: both when absent; nullopt after printing the mistake.
std::optional<QList<FeedbackKind>> kindsOption(CliContext &context, const Parser &parser)
{
    const QString value = opt(parser, "kind");
    if (value.isEmpty())
        return QList<FeedbackKind>{FeedbackKind::Screenshot, FeedbackKind::Crash};
    const auto kind = api::feedbackKindFromName(value);
    if (!kind) {
        context.printError(QStringLiteral("--kind is \"screenshot\" or \"crash\", not \"%1\".").arg(value));
        return std::nullopt;
    }
    return QList<FeedbackKind>{*kind};
}

// Sends and waits without printing anything; the caller explains failures.
std::unique_ptr<api::ApiReply, void (*)(api::ApiReply *)> sendQuietly(session::Session *session,
                                                                      const api::ApiRequest &request)
{
    auto deleter = [](api::ApiReply *reply) { reply->deleteLater(); };
    api::ApiReply *reply = session->client()->send(request);
    api::waitForFinished(reply);
    return {reply, deleter};
}

QJsonObject feedbackJson(const FeedbackSubmission &item)
{
    QJsonObject object{{QStringLiteral("id"), item.id},
                       {QStringLiteral("kind"), api::feedbackKindName(item.kind)},
                       {QStringLiteral("createdDate"), isoDate(item.createdDate)},
                       {QStringLiteral("comment"), item.comment},
                       {QStringLiteral("email"), item.email},
                       {QStringLiteral("tester"), QJsonObject{{QStringLiteral("id"), item.testerId},
                                                              {QStringLiteral("name"), item.testerName}}},
                       {QStringLiteral("build"), QJsonObject{{QStringLiteral("id"), item.buildId},
                                                             {QStringLiteral("version"), item.buildVersion}}},
                       {QStringLiteral("deviceModel"), item.deviceModel},
                       {QStringLiteral("osVersion"), item.osVersion},
                       {QStringLiteral("locale"), item.locale},
                       {QStringLiteral("timeZone"), item.timeZone},
                       {QStringLiteral("architecture"), item.architecture},
                       {QStringLiteral("pairedAppleWatch"), item.pairedAppleWatch},
                       {QStringLiteral("buildBundleId"), item.buildBundleId}};
    const auto put = [&object](const char *name, const auto &value) {
        if (value)
            object.insert(QLatin1String(name), QJsonValue(*value));
    };
    const auto putEnum = [&object](const char *name, const auto &value) {
        if (value)
            object.insert(QLatin1String(name), asc::toString(*value));
    };
    putEnum("connectionType", item.connectionType);
    putEnum("appPlatform", item.appPlatform);
    putEnum("devicePlatform", item.devicePlatform);
    putEnum("deviceFamily", item.deviceFamily);
    put("appUptimeInMilliseconds", item.appUptimeInMilliseconds);
    put("diskBytesAvailable", item.diskBytesAvailable);
    put("diskBytesTotal", item.diskBytesTotal);
    put("batteryPercentage", item.batteryPercentage);
    put("screenWidthInPoints", item.screenWidthInPoints);
    put("screenHeightInPoints", item.screenHeightInPoints);
    if (item.kind == FeedbackKind::Screenshot) {
        QJsonArray screenshots;
        for (const api::FeedbackScreenshot &screenshot : item.screenshots)
            screenshots.append(
                QJsonObject{{QStringLiteral("url"), screenshot.url.toString(QUrl::FullyEncoded)},
                            {QStringLiteral("width"), screenshot.width},
                            {QStringLiteral("height"), screenshot.height},
                            {QStringLiteral("expirationDate"), isoDate(screenshot.expirationDate)}});
        object.insert(QStringLiteral("screenshots"), screenshots);
    }
    return object;
}

struct Filters {
    QString build;
    QString tester;
    QString device;
    QString os;
    int limit = 0; // 0 = all
};

// Reads --build, --tester, --device, --os and --limit; nullopt after printing the mistake.
std::optional<Filters> filtersOption(CliContext &context, const Parser &parser)
{
    Filters filters{opt(parser, "build"), opt(parser, "tester"), opt(parser, "device"), opt(parser, "os")};
    if (parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        filters.limit = opt(parser, "limit").toInt(&ok);
        if (!ok || filters.limit < 1) {
            context.printError(QStringLiteral("--limit expects a positive number."));
            return std::nullopt;
        }
    }
    return filters;
}

// Both kinds (or the ones asked for) of an app, newest first, following links.next; nullopt after printing
// why.
std::optional<QList<FeedbackSubmission>> loadInbox(CliContext &context, const api::App &app,
                                                   const QList<FeedbackKind> &kinds, const Filters &filters)
{
    session::Session *session = context.session();
    if (!session)
        return std::nullopt;
    QList<FeedbackSubmission> items;
    for (const FeedbackKind kind : kinds) {
        api::Query query = api::feedbackInboxQuery();
        if (filters.limit > 0 && filters.limit < api::Query::DefaultMaxLimit)
            query.limit(filters.limit);
        if (!filters.build.isEmpty())
            query.filter(QStringLiteral("build"), filters.build);
        if (!filters.tester.isEmpty())
            query.filter(QStringLiteral("tester"), filters.tester);
        if (!filters.device.isEmpty())
            query.filter(QStringLiteral("deviceModel"), filters.device);
        if (!filters.os.isEmpty())
            query.filter(QStringLiteral("osVersion"), filters.os);

        api::Pager pager(session->client(), api::listFeedback(app.id, kind, query));
        if (filters.limit > 0) // newest first on each list: later pages cannot make the cut
            pager.setMaxPages((filters.limit + api::Query::DefaultMaxLimit - 1) /
                              api::Query::DefaultMaxLimit);
        QEventLoop loop;
        QObject::connect(&pager, &api::Pager::finished, &loop, &QEventLoop::quit);
        pager.start();
        if (!pager.isFinished())
            loop.exec();
        if (!pager.ok()) {
            context.printError(QStringLiteral("Listing the %1 of %2 failed: %3")
                                   .arg(kind == FeedbackKind::Crash
                                            ? QStringLiteral("crash submissions")
                                            : QStringLiteral("screenshot submissions"),
                                        app.name, pager.error().message()));
            return std::nullopt;
        }
        items += FeedbackSubmission::fromResources(pager.resources(), pager.included());
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const FeedbackSubmission &a, const FeedbackSubmission &b) {
                         return a.createdDate > b.createdDate;
                     });
    if (filters.limit > 0 && items.size() > filters.limit)
        items.resize(filters.limit);
    return items;
}

// --app resolved; nullopt with the exit code set when it is missing or unknown.
std::optional<api::App> appOption(CliContext &context, const Parser &parser, const QString &command,
                                  int *exitCode)
{
    const QString app = opt(parser, "app");
    if (app.isEmpty()) {
        context.printError(QStringLiteral("%1 needs --app BUNDLE_ID_OR_ID.").arg(command));
        *exitCode = ExitUsage;
        return std::nullopt;
    }
    auto resolved = resolveApp(context, app);
    if (!resolved)
        *exitCode = ExitFailure;
    return resolved;
}

// The one positional ID; empty after printing the mistake.
QString idArgument(CliContext &context, const Parser &parser, const QString &command)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || positional.first().trimmed().isEmpty()) {
        context.printError(
            QStringLiteral("%1 needs exactly one submission ID (see `ascendctl feedback list`).")
                .arg(command));
        return {};
    }
    return positional.first().trimmed();
}

// A submission by ID: each allowed kind in turn (screenshot first); nullopt after printing why.
std::optional<FeedbackSubmission> findSubmission(CliContext &context, const QString &id,
                                                 const QList<FeedbackKind> &kinds)
{
    session::Session *session = context.session();
    if (!session)
        return std::nullopt;
    api::Query query;
    query.include({QStringLiteral("build"), QStringLiteral("tester")});
    for (const FeedbackKind kind : kinds) {
        auto reply = sendQuietly(session, api::getFeedback(kind, id, query));
        if (reply->ok()) {
            const auto items = FeedbackSubmission::fromDocument(reply->document());
            if (!items.isEmpty())
                return items.first();
        } else if (reply->httpStatus() != 404) {
            context.printError(
                QStringLiteral("Looking up the feedback %1 failed: %2").arg(id, reply->error().message()));
            return std::nullopt;
        }
    }
    context.printError(
        kinds.size() == 1
            ? QStringLiteral("There is no %1 submission with ID \"%2\" (it may have been deleted).")
                  .arg(api::feedbackKindName(kinds.first()), id)
            : QStringLiteral("There is no feedback with ID \"%1\": neither a screenshot nor a crash "
                             "submission (it may have been deleted).")
                  .arg(id));
    return std::nullopt;
}

// The crash log text; nullopt after printing why.
std::optional<QString> loadCrashLog(CliContext &context, const QString &id)
{
    session::Session *session = context.session();
    if (!session)
        return std::nullopt;
    auto reply = sendQuietly(session, api::getCrashLog(id));
    if (reply->ok()) {
        if (const auto text = api::crashLogText(reply->document()))
            return text;
        context.printError(QStringLiteral("The server's answer for %1 held no crash log.").arg(id));
        return std::nullopt;
    }
    if (reply->httpStatus() == 404) {
        // Say why: a screenshot submission has no crash log, or the ID does not exist at all.
        auto screenshot = sendQuietly(session, api::getFeedback(FeedbackKind::Screenshot, id));
        if (screenshot->ok())
            context.printError(
                QStringLiteral("%1 is screenshot feedback; only crash submissions have a crash log.")
                    .arg(id));
        else
            context.printError(
                QStringLiteral("There is no crash submission with ID \"%1\" (it may have been deleted).")
                    .arg(id));
        return std::nullopt;
    }
    context.printError(
        QStringLiteral("Downloading the crash log of %1 failed: %2").arg(id, reply->error().message()));
    return std::nullopt;
}

// ---- commands ----

int list(CliContext &context, const Parser &parser)
{
    const QString command = QStringLiteral("feedback list");
    const auto kinds = kindsOption(context, parser);
    const auto filters = kinds ? filtersOption(context, parser) : std::nullopt;
    if (!kinds || !filters)
        return ExitUsage;
    int exitCode = ExitOk;
    const auto app = appOption(context, parser, command, &exitCode);
    if (!app)
        return exitCode;
    const auto items = loadInbox(context, *app, *kinds, *filters);
    if (!items)
        return ExitFailure;
    if (context.json()) {
        QJsonArray array;
        for (const FeedbackSubmission &item : *items)
            array.append(feedbackJson(item));
        context.printJson(array);
        return ExitOk;
    }
    if (items->isEmpty()) {
        context.out() << app->name << " has no feedback"
                      << (filters->build.isEmpty() && filters->tester.isEmpty() &&
                                  filters->device.isEmpty() && filters->os.isEmpty() && kinds->size() == 2
                              ? ""
                              : " matching these filters")
                      << ".\n";
        return ExitOk;
    }
    Table table({QStringLiteral("ID"), QStringLiteral("KIND"), QStringLiteral("DATE"),
                 QStringLiteral("TESTER"), QStringLiteral("DEVICE"), QStringLiteral("OS"),
                 QStringLiteral("BUILD"), QStringLiteral("COMMENT")});
    int crashes = 0;
    for (const FeedbackSubmission &item : *items) {
        crashes += item.kind == FeedbackKind::Crash ? 1 : 0;
        QString kind = api::feedbackKindName(item.kind);
        if (item.kind == FeedbackKind::Screenshot && item.screenshots.size() > 1)
            kind += QStringLiteral(" ×%1").arg(item.screenshots.size());
        table.addRow({item.id, kind, date(item.createdDate), oneLine(item.testerDisplayName(), 28),
                      item.deviceModel, item.osVersion,
                      item.buildVersion.isEmpty() ? item.buildId : item.buildVersion,
                      oneLine(item.comment, 50)});
    }
    table.print(context.out());
    context.out() << items->size() << " feedback items of " << app->name << " (" << items->size() - crashes
                  << " screenshot, " << crashes << " crash)\n";
    return ExitOk;
}

int show(CliContext &context, const Parser &parser)
{
    const auto kinds = kindsOption(context, parser);
    const QString id = kinds ? idArgument(context, parser, QStringLiteral("feedback show")) : QString();
    if (id.isEmpty())
        return ExitUsage;
    const auto item = findSubmission(context, id, *kinds);
    if (!item)
        return ExitFailure;
    if (context.json()) {
        context.printJson(feedbackJson(*item));
        return ExitOk;
    }
    QTextStream &out = context.out();
    out << kindText(item->kind) << ' ' << item->id << '\n';
    auto facts = feedback::feedbackFacts(*item);
    // The heading already says the kind and the ID.
    if (!facts.isEmpty())
        facts.removeFirst();
    if (!facts.isEmpty() && facts.last().second == item->id)
        facts.removeLast();
    qsizetype width = 0;
    for (const auto &[name, value] : facts)
        width = std::max(width, name.size());
    for (const auto &[name, value] : facts)
        out << "  " << name.leftJustified(width + 2) << value << '\n';
    if (!item->comment.trimmed().isEmpty()) {
        out << "\nComment:\n";
        for (const QString &line : item->comment.trimmed().split(QLatin1Char('\n')))
            out << "  " << line << '\n';
    }
    if (item->kind == FeedbackKind::Screenshot) {
        out << "\nScreenshots (" << item->screenshots.size() << "):\n";
        for (int i = 0; i < item->screenshots.size(); ++i) {
            const api::FeedbackScreenshot &screenshot = item->screenshots.at(i);
            out << "  " << i + 1 << "  " << screenshot.width << " × " << screenshot.height;
            if (screenshot.expirationDate.isValid())
                out << "  link valid until " << date(screenshot.expirationDate) << " UTC";
            out << '\n';
        }
        if (!item->screenshots.isEmpty())
            out << "\n`ascendctl feedback download " << item->id << " --out DIR` saves them.\n";
    } else {
        out << "\n`ascendctl feedback crashlog " << item->id << "` prints the crash log.\n";
    }
    return ExitOk;
}

int download(CliContext &context, const Parser &parser)
{
    const QString command = QStringLiteral("feedback download");
    const auto kinds = kindsOption(context, parser);
    const QString id = kinds ? idArgument(context, parser, command) : QString();
    if (id.isEmpty())
        return ExitUsage;
    const QString outDir = opt(parser, "out");
    if (outDir.isEmpty()) {
        context.printError(QStringLiteral("%1 needs --out DIR.").arg(command));
        return ExitUsage;
    }
    const auto item = findSubmission(context, id, *kinds);
    if (!item)
        return ExitFailure;
    if (!QDir().mkpath(outDir)) {
        context.printError(
            QStringLiteral("The folder %1 could not be created.").arg(QDir::toNativeSeparators(outDir)));
        return ExitFailure;
    }
    const QDir dir(outDir);
    const QString stem = feedback::fileNameSafe(item->id);
    QStringList files;
    QStringList errors;
    if (item->kind == FeedbackKind::Screenshot) {
        feedback::ScreenshotFetcher fetcher(context.session()->client());
        QList<feedback::ScreenshotResult> results;
        QEventLoop loop;
        for (int i = 0; i < item->screenshots.size(); ++i)
            fetcher.fetch(*item, i, &loop, [&](const feedback::ScreenshotResult &result) {
                results.append(result);
                if (results.size() == item->screenshots.size())
                    loop.quit();
            });
        if (!item->screenshots.isEmpty())
            loop.exec();
        std::sort(results.begin(), results.end(),
                  [](const auto &a, const auto &b) { return a.index < b.index; });
        for (const feedback::ScreenshotResult &result : results) {
            QString error = result.errorString;
            const QString path = dir.absoluteFilePath(
                QStringLiteral("%1-screenshot-%2.%3").arg(stem).arg(result.index + 1).arg(result.suffix));
            if (result.ok() && saveFile(path, result.bytes, &error))
                files << path;
            else
                errors << error;
        }
        if (item->screenshots.isEmpty() && !context.json())
            context.err() << "note: " << item->id << " has no screenshots.\n";
    } else {
        const auto text = loadCrashLog(context, item->id);
        if (!text)
            return ExitFailure;
        const QString path = dir.absoluteFilePath(stem + QLatin1Char('.') +
                                                  feedback::CrashReport::parse(*text).suggestedSuffix());
        QString error;
        if (saveFile(path, text->toUtf8(), &error))
            files << path;
        else
            errors << error;
    }
    for (const QString &error : errors)
        context.printError(error);
    if (context.json())
        context.printJson(QJsonObject{{QStringLiteral("id"), item->id},
                                      {QStringLiteral("kind"), api::feedbackKindName(item->kind)},
                                      {QStringLiteral("files"), QJsonArray::fromStringList(files)},
                                      {QStringLiteral("errors"), QJsonArray::fromStringList(errors)}});
    else
        for (const QString &file : files)
            context.out() << file << '\n';
    return errors.isEmpty() ? ExitOk : ExitFailure;
}

int crashlog(CliContext &context, const Parser &parser)
{
    const QString id = idArgument(context, parser, QStringLiteral("feedback crashlog"));
    if (id.isEmpty())
        return ExitUsage;
    const auto text = loadCrashLog(context, id);
    if (!text)
        return ExitFailure;
    if (context.json()) {
        const feedback::CrashReport report = feedback::CrashReport::parse(*text);
        context.printJson(QJsonObject{{QStringLiteral("id"), id},
                                      {QStringLiteral("exceptionType"), report.exceptionType},
                                      {QStringLiteral("crashedThread"), report.crashedThread},
                                      {QStringLiteral("suggestedSuffix"), report.suggestedSuffix()},
                                      {QStringLiteral("logText"), *text}});
        return ExitOk;
    }
    context.out() << *text;
    if (!text->endsWith(QLatin1Char('\n')))
        context.out() << '\n';
    context.out().flush();
    return ExitOk;
}

int remove(CliContext &context, const Parser &parser)
{
    const auto kinds = kindsOption(context, parser);
    const QString id = kinds ? idArgument(context, parser, QStringLiteral("feedback delete")) : QString();
    if (id.isEmpty())
        return ExitUsage;
    FeedbackKind kind = kinds->first();
    if (kinds->size() > 1) {
        const auto item = findSubmission(context, id, *kinds);
        if (!item)
            return ExitFailure;
        kind = item->kind;
    }
    session::Session *session = context.session();
    if (!session)
        return ExitFailure;
    auto reply = sendQuietly(session, api::deleteFeedback(kind, id));
    if (!reply->ok()) {
        if (reply->httpStatus() == 404)
            context.printError(
                QStringLiteral("There is no %1 submission with ID \"%2\" (it may have been deleted already).")
                    .arg(api::feedbackKindName(kind), id));
        else
            context.printError(
                QStringLiteral("Deleting the feedback %1 failed: %2").arg(id, reply->error().message()));
        return ExitFailure;
    }
    if (context.json())
        context.printJson(QJsonObject{{QStringLiteral("deleted"), id},
                                      {QStringLiteral("kind"), api::feedbackKindName(kind)}});
    else
        context.out() << "Deleted " << kindText(kind).toLower() << ' ' << id << '\n';
    return ExitOk;
}

int exportFeedback(CliContext &context, const Parser &parser)
{
    const QString command = QStringLiteral("feedback export");
    const auto kinds = kindsOption(context, parser);
    const auto filters = kinds ? filtersOption(context, parser) : std::nullopt;
    if (!kinds || !filters)
        return ExitUsage;
    const QString outDir = opt(parser, "out");
    if (outDir.isEmpty()) {
        context.printError(QStringLiteral("%1 needs --out DIR.").arg(command));
        return ExitUsage;
    }
    const QString formatName = opt(parser, "format").toLower();
    feedback::ExportFormat format = feedback::ExportFormat::Folder;
    if (formatName == QLatin1String("md") || formatName == QLatin1String("markdown"))
        format = feedback::ExportFormat::Markdown;
    else if (!formatName.isEmpty() && formatName != QLatin1String("json") &&
             formatName != QLatin1String("folder")) {
        context.printError(
            QStringLiteral("--format is \"json\" (a folder per item) or \"md\" (Markdown), not \"%1\".")
                .arg(opt(parser, "format")));
        return ExitUsage;
    }
    int exitCode = ExitOk;
    const auto app = appOption(context, parser, command, &exitCode);
    if (!app)
        return exitCode;
    const auto items = loadInbox(context, *app, *kinds, *filters);
    if (!items)
        return ExitFailure;

    feedback::FeedbackExporter exporter(context.session()->client());
    const bool showProgress = !context.json() && isatty(STDERR_FILENO) == 1;
    QObject::connect(&exporter, &feedback::FeedbackExporter::progress,
                     [&context, showProgress](int done, int total) {
                         if (showProgress)
                             context.err() << "\rExporting " << done << " of " << total << Qt::flush;
                     });
    feedback::ExportResult result;
    QEventLoop loop;
    QObject::connect(&exporter, &feedback::FeedbackExporter::finished, &loop,
                     [&](const feedback::ExportResult &finished) {
                         result = finished;
                         loop.quit();
                     });
    exporter.start(*items, outDir, format);
    loop.exec();
    if (showProgress)
        context.err() << '\n';

    for (const QString &error : std::as_const(result.errors))
        context.printError(error);
    const QString absolute = QDir(outDir).absolutePath();
    if (context.json()) {
        context.printJson(QJsonObject{
            {QStringLiteral("out"), absolute},
            {QStringLiteral("format"),
             format == feedback::ExportFormat::Markdown ? QStringLiteral("md") : QStringLiteral("json")},
            {QStringLiteral("items"), int(items->size())},
            {QStringLiteral("files"), QJsonArray::fromStringList(result.filesWritten)},
            {QStringLiteral("errors"), QJsonArray::fromStringList(result.errors)}});
    } else {
        context.out() << "Exported " << items->size() << " feedback items of " << app->name << " to "
                      << absolute << " (" << result.filesWritten.size() << " files"
                      << (result.errors.isEmpty() ? QString()
                                                  : QStringLiteral(", %1 problems").arg(result.errors.size()))
                      << ")\n";
        context.out() << "Index: "
                      << QDir(absolute).filePath(format == feedback::ExportFormat::Markdown
                                                     ? QStringLiteral("README.md")
                                                     : QStringLiteral("index.json"))
                      << '\n';
    }
    return result.errors.isEmpty() ? ExitOk : ExitFailure;
}

// ---- declarations ----

void kindOption(Parser &parser)
{
    parser.addOption({QStringLiteral("kind"), QStringLiteral("screenshot or crash (default: both)."),
                      QStringLiteral("KIND")});
}

void filterOptions(Parser &parser)
{
    kindOption(parser);
    parser.addOption({QStringLiteral("build"),
                      QStringLiteral("Only feedback on this build (its App Store Connect ID)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("tester"), QStringLiteral("Only feedback from this tester (their ID)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("device"), QStringLiteral("Only this device model, e.g. iPhone15,2."),
                      QStringLiteral("MODEL")});
    parser.addOption({QStringLiteral("os"), QStringLiteral("Only this OS version, e.g. 17.4.1."),
                      QStringLiteral("VERSION")});
    parser.addOption({QStringLiteral("limit"), QStringLiteral("At most N items, the newest (default: all)."),
                      QStringLiteral("N")});
}

void idArgument(Parser &parser)
{
    parser.addPositionalArgument(QStringLiteral("ID"),
                                 QStringLiteral("The submission's ID (see `feedback list`)."));
}

void outOption(Parser &parser, const QString &help)
{
    parser.addOption({QStringLiteral("out"), help, QStringLiteral("DIR")});
}

// list and export need --app; the commands on one ID accept it too (scripts pass it everywhere) but the ID
// alone identifies the submission.
Command make(const QString &verb, const QString &summary, std::function<void(Parser &)> declare,
             std::function<int(CliContext &, const Parser &)> run, const QString &details)
{
    const bool needsApp = verb == QLatin1String("list") || verb == QLatin1String("export");
    Command command;
    command.words = {QStringLiteral("feedback"), verb};
    command.summary = summary;
    command.declareOptions = [declare, needsApp](Parser &parser) {
        parser.addOption({QStringLiteral("app"),
                          needsApp ? QStringLiteral("The app: bundle ID or App Store Connect app ID.")
                                   : QStringLiteral("Optional; the ID alone identifies the submission."),
                          QStringLiteral("BUNDLE_ID_OR_ID")});
        if (declare)
            declare(parser);
    };
    command.run = std::move(run);
    command.details = details;
    return command;
}

} // namespace

QList<Command> feedbackCommands()
{
    return {
        make(QStringLiteral("list"),
             QStringLiteral("TestFlight feedback (screenshots and crashes), newest first"), filterOptions,
             list,
             QStringLiteral(
                 "Needs --app. Lists screenshot and crash submissions together, newest first (all pages "
                 "unless "
                 "--limit): ID, kind (with the number of screenshots), date (UTC), tester, device model, OS "
                 "version, "
                 "build and the start of the comment. The filters are applied by the server. With --json: an "
                 "array of submissions with every attribute, the tester, the build and the screenshot "
                 "links.")),
        make(
            QStringLiteral("show"), QStringLiteral("Everything about one feedback submission"),
            [](Parser &parser) {
                kindOption(parser);
                idArgument(parser);
            },
            show,
            QStringLiteral(
                "Prints the kind, date, tester, build and device facts (model, OS, battery, connection, "
                "disk, uptime, screen, locale, time zone), the comment and the screenshots with the time "
                "their links stop working. The kind is found by trying a screenshot submission first, "
                "then a crash; --kind skips the guess. With --json: the submission as an object.")),
        make(
            QStringLiteral("download"),
            QStringLiteral("Save a submission's screenshots or crash log to a folder"),
            [](Parser &parser) {
                kindOption(parser);
                outOption(parser, QStringLiteral("The folder to save into (created when missing)."));
                idArgument(parser);
            },
            download,
            QStringLiteral(
                "Needs --out. Saves <ID>-screenshot-1.png, <ID>-screenshot-2.jpg, … or the crash log as "
                "<ID>.crash (<ID>.ips when it is a JSON report) and prints each file's path. Expired "
                "screenshot links are renewed automatically. Exit status 1 when any file could not be "
                "saved. With --json: {id, kind, files, errors}.")),
        make(
            QStringLiteral("crashlog"), QStringLiteral("Print the crash log of a crash submission"),
            [](Parser &parser) { idArgument(parser); }, crashlog,
            QStringLiteral(
                "Prints the crash log text to stdout exactly as App Store Connect has it (redirect it to "
                "a .crash file to open it elsewhere). With --json: {id, exceptionType, crashedThread, "
                "suggestedSuffix, logText}.")),
        make(
            QStringLiteral("delete"), QStringLiteral("Delete a feedback submission (cannot be undone)"),
            [](Parser &parser) {
                kindOption(parser);
                idArgument(parser);
            },
            remove,
            QStringLiteral(
                "Deletes the submission in App Store Connect (DELETE /v1/betaFeedbackScreenshotSubmissions/"
                "{id} or the crash equivalent). The kind is looked up first unless --kind is given.")),
        make(
            QStringLiteral("export"),
            QStringLiteral("Export feedback with screenshots and crash logs to a folder"),
            [](Parser &parser) {
                filterOptions(parser);
                outOption(parser, QStringLiteral("The folder to export into (created when missing)."));
                parser.addOption({QStringLiteral("format"),
                                  QStringLiteral("json: a folder per item (default); md: Markdown files."),
                                  QStringLiteral("FORMAT")});
            },
            exportFeedback,
            QStringLiteral(
                "Needs --app and --out; takes the filters of `feedback list`.\n"
                "--format json: index.json, and per item a folder <date>-<kind>-<ID>/ with submission.json "
                "(the "
                "resource as received), screenshot-1.png, … and the crash log (<ID>.crash or .ips).\n"
                "--format md: README.md, and per item <ID>.md (comment, device facts, tester, build, the "
                "screenshots linked next to it, the exception and crashed thread of a crash) with the images "
                "and "
                "the full crash log beside it.\n"
                "A failed item is reported on stderr and the export goes on; the exit status is then 1.")),
    };
}

} // namespace ascend::cli

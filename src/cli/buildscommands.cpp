// ascendctl builds list --app BUNDLE_ID_OR_ID

#include "clicontext.h"
#include "command.h"
#include "core/api/builds.h"
#include "core/api/prereleaseversions.h"
#include "core/asc/ascenums.h"
#include "pagedlist.h"
#include "table.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace ascend::cli {

namespace {

QString shortDate(const QDateTime &dateTime)
{
    return dateTime.isValid() ? dateTime.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

int listBuilds(CliContext &context, const QCommandLineParser &parser)
{
    const QString appArgument = parser.value(QStringLiteral("app"));
    if (appArgument.isEmpty()) {
        context.printError(QStringLiteral("builds list needs --app BUNDLE_ID_OR_ID."));
        return ExitUsage;
    }
    api::Query query;
    query.include({QStringLiteral("preReleaseVersion")}).sort(QStringLiteral("-uploadedDate")).limit(200);
    if (parser.isSet(QStringLiteral("version")))
        query.filter(QStringLiteral("preReleaseVersion.version"), parser.value(QStringLiteral("version")));
    if (parser.isSet(QStringLiteral("state"))) {
        const QString state = parser.value(QStringLiteral("state")).toUpper();
        if (!asc::fromString<asc::BuildProcessingState>(state)) {
            context.printError(
                QStringLiteral("--state must be one of %1.")
                    .arg(asc::allNames<asc::BuildProcessingState>().join(QStringLiteral(", "))));
            return ExitUsage;
        }
        query.filter(QStringLiteral("processingState"), state);
    }

    const auto app = resolveApp(context, appArgument);
    if (!app)
        return ExitFailure;
    query.filter(QStringLiteral("app"), app->id);

    QList<jsonapi::Resource> included;
    const auto resources =
        fetchAllPages(context, api::listBuilds(query),
                      QStringLiteral("Listing the builds of %1").arg(app->name), &included);
    if (!resources)
        return ExitFailure;

    if (context.json()) {
        QJsonArray array;
        for (const auto &resource : *resources)
            array.append(resource.toJson());
        context.printJson(array);
        return ExitOk;
    }
    QHash<QString, api::PreReleaseVersion> versions;
    for (const auto &resource : included) {
        if (const auto version = api::PreReleaseVersion::fromResource(resource))
            versions.insert(version->id, *version);
    }
    Table table({QStringLiteral("ID"), QStringLiteral("VERSION"), QStringLiteral("BUILD"),
                 QStringLiteral("PLATFORM"), QStringLiteral("STATE"), QStringLiteral("UPLOADED (UTC)"),
                 QStringLiteral("EXPIRES")});
    for (const auto &resource : *resources) {
        const auto build = api::Build::fromResource(resource);
        if (!build)
            continue;
        const auto version = versions.value(build->preReleaseVersionId);
        table.addRow({build->id, version.version, build->version,
                      version.platform ? asc::toString(*version.platform) : QString(),
                      build->processingState ? asc::toString(*build->processingState) : QString(),
                      shortDate(build->uploadedDate),
                      build->expired ? QStringLiteral("expired") : shortDate(build->expirationDate)});
    }
    if (table.isEmpty()) {
        context.out() << "No builds of " << app->name << " match.\n";
        return ExitOk;
    }
    table.print(context.out());
    context.out() << resources->size() << " builds of " << app->name << " (" << app->bundleId << ")\n";
    return ExitOk;
}

} // namespace

QList<Command> buildsCommands()
{
    Command list;
    list.words = {QStringLiteral("builds"), QStringLiteral("list")};
    list.summary = QStringLiteral("List the builds of an app, newest first (GET /v1/builds, all pages)");
    list.declareOptions = [](QCommandLineParser &parser) {
        parser.addOption({QStringLiteral("app"),
                          QStringLiteral("The app: bundle ID or App Store Connect app ID."),
                          QStringLiteral("BUNDLE_ID_OR_ID")});
        parser.addOption({QStringLiteral("version"),
                          QStringLiteral("Only builds of this version (CFBundleShortVersionString)."),
                          QStringLiteral("VERSION")});
        parser.addOption(
            {QStringLiteral("state"),
             QStringLiteral("Only builds in this processing state: PROCESSING, FAILED, INVALID, VALID."),
             QStringLiteral("STATE")});
    };
    list.run = listBuilds;
    list.details =
        QStringLiteral("Needs --app. Prints a table: ID, version, build number, platform, processing state, "
                       "upload date and expiry date (UTC). With --json: the JSON:API build resources.");
    return {list};
}

} // namespace ascend::cli

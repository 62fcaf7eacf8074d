// ascendctl testflight …: builds, groups, testers (with CSV import/export), assignment, What to Test,
// Beta App Review, notifications and expiry. Every command takes --app and --json.

#include "clicontext.h"
#include "command.h"
#include "core/api/apiclient.h"
#include "core/api/apireply.h"
#include "core/api/betaappreviewsubmissions.h"
#include "core/api/betabuildlocalizations.h"
#include "core/api/betagroups.h"
#include "core/api/betatesters.h"
#include "core/api/buildbetadetails.h"
#include "core/api/buildbetanotifications.h"
#include "core/api/buildupdates.h"
#include "core/api/testercsv.h"
#include "core/api/testflightviews.h"
#include "core/session/session.h"
#include "pagedlist.h"
#include "table.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>
#include <QThread>
#include <QTimer>

namespace ascend::cli {

namespace {

using Parser = QCommandLineParser;

QString opt(const Parser &parser, const char *name)
{
    return parser.value(QString::fromLatin1(name));
}

// Sends a request and waits; nullptr after printing the error. The caller owns the reply.
std::unique_ptr<api::ApiReply, void (*)(api::ApiReply *)>
call(CliContext &context, const api::ApiRequest &request, const QString &what)
{
    auto deleter = [](api::ApiReply *reply) { reply->deleteLater(); };
    session::Session *session = context.session();
    if (!session)
        return {nullptr, deleter};
    api::ApiReply *reply = session->client()->send(request);
    if (!context.await(reply, what)) {
        reply->deleteLater();
        return {nullptr, deleter};
    }
    return {reply, deleter};
}

std::optional<api::App> requireApp(CliContext &context, const Parser &parser, const QString &command)
{
    const QString app = opt(parser, "app");
    if (app.isEmpty()) {
        context.printError(QStringLiteral("%1 needs --app BUNDLE_ID_OR_ID.").arg(command));
        return std::nullopt;
    }
    return resolveApp(context, app);
}

bool requireOption(CliContext &context, const Parser &parser, const char *name, const QString &command)
{
    if (!opt(parser, name).isEmpty())
        return true;
    context.printError(QStringLiteral("%1 needs --%2.").arg(command, QString::fromLatin1(name)));
    return false;
}

std::optional<QList<api::TestFlightGroup>> loadGroups(CliContext &context, const api::App &app)
{
    QList<jsonapi::Resource> included;
    const auto resources =
        fetchAllPages(context, api::listBetaGroups(api::testFlightGroupsQuery(app.id)),
                      QStringLiteral("Listing the beta groups of %1").arg(app.name), &included);
    if (!resources)
        return std::nullopt;
    return api::assembleTestFlightGroups(*resources);
}

// A group by exact id or case-insensitive name; nullopt after printing the choices.
std::optional<api::BetaGroup> resolveGroup(CliContext &context, const api::App &app, const QString &nameOrId)
{
    const auto groups = loadGroups(context, app);
    if (!groups)
        return std::nullopt;
    QStringList names;
    for (const auto &row : *groups) {
        if (row.group.id == nameOrId || row.group.name.compare(nameOrId, Qt::CaseInsensitive) == 0)
            return row.group;
        names << row.group.name;
    }
    context.printError(QStringLiteral("%1 has no beta group \"%2\". Its groups: %3.")
                           .arg(app.name, nameOrId,
                                names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))));
    return std::nullopt;
}

std::optional<QList<api::TestFlightBuild>> loadBuilds(CliContext &context, const api::App &app)
{
    QList<jsonapi::Resource> included;
    const auto resources = fetchAllPages(context, api::listBuilds(api::testFlightBuildsQuery(app.id)),
                                         QStringLiteral("Listing the builds of %1").arg(app.name), &included);
    if (!resources)
        return std::nullopt;
    return api::assembleTestFlightBuilds(*resources, included);
}

// One build with what the review checks need.
std::optional<api::TestFlightBuild> loadBuild(CliContext &context, const QString &buildId)
{
    api::Query query;
    query.include({QStringLiteral("preReleaseVersion"), QStringLiteral("buildBetaDetail"),
                   QStringLiteral("betaAppReviewSubmission"), QStringLiteral("betaGroups"),
                   QStringLiteral("betaBuildLocalizations")});
    auto reply =
        call(context, api::getBuild(buildId, query), QStringLiteral("Looking up build %1").arg(buildId));
    if (!reply)
        return std::nullopt;
    const auto resource = reply->document().resource();
    if (!resource)
        return std::nullopt;
    const auto rows = api::assembleTestFlightBuilds({*resource}, reply->document().included());
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first();
}

QString stateText(const auto &value)
{
    return value ? asc::toString(*value) : QString();
}

QString date(const QDateTime &dateTime)
{
    return dateTime.isValid() ? dateTime.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

QJsonObject buildJson(const api::TestFlightBuild &row, const QHash<QString, QString> &groupNames)
{
    QJsonArray groups;
    for (const QString &id : row.groupIds)
        groups.append(
            QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("name"), groupNames.value(id)}});
    QJsonArray locales;
    for (const auto &localization : row.localizations)
        locales.append(localization.locale);
    return QJsonObject{
        {QStringLiteral("id"), row.build.id},
        {QStringLiteral("version"), row.preReleaseVersion},
        {QStringLiteral("platform"), stateText(row.platform)},
        {QStringLiteral("build"), row.build.version},
        {QStringLiteral("uploadedDate"), row.build.uploadedDate.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("expirationDate"), row.build.expirationDate.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("expired"), row.build.expired},
        {QStringLiteral("processingState"), stateText(row.build.processingState)},
        {QStringLiteral("internalBuildState"),
         row.detail ? stateText(row.detail->internalBuildState) : QString()},
        {QStringLiteral("externalBuildState"),
         row.detail ? stateText(row.detail->externalBuildState) : QString()},
        {QStringLiteral("autoNotifyEnabled"), row.detail && row.detail->autoNotifyEnabled},
        {QStringLiteral("betaReviewState"), row.review ? stateText(row.review->betaReviewState) : QString()},
        {QStringLiteral("whatToTestLocales"), locales},
        {QStringLiteral("groups"), groups}};
}

int buildsList(CliContext &context, const Parser &parser)
{
    const auto app = requireApp(context, parser, QStringLiteral("testflight builds list"));
    if (!app)
        return ExitFailure;
    const auto builds = loadBuilds(context, *app);
    const auto groups = builds ? loadGroups(context, *app) : std::nullopt;
    if (!builds || !groups)
        return ExitFailure;
    QHash<QString, QString> names;
    for (const auto &row : *groups)
        names.insert(row.group.id, row.group.name);
    if (context.json()) {
        QJsonArray array;
        for (const auto &row : *builds)
            array.append(buildJson(row, names));
        context.printJson(array);
        return ExitOk;
    }
    Table table({QStringLiteral("ID"), QStringLiteral("VERSION"), QStringLiteral("BUILD"),
                 QStringLiteral("UPLOADED"), QStringLiteral("PROCESSING"), QStringLiteral("INTERNAL"),
                 QStringLiteral("EXTERNAL"), QStringLiteral("REVIEW"), QStringLiteral("EXPIRES"),
                 QStringLiteral("GROUPS")});
    for (const auto &row : *builds) {
        QStringList groupNames;
        for (const QString &id : row.groupIds)
            groupNames << names.value(id, id);
        table.addRow({row.build.id, row.preReleaseVersion, row.build.version, date(row.build.uploadedDate),
                      stateText(row.build.processingState),
                      row.detail ? stateText(row.detail->internalBuildState) : QString(),
                      row.detail ? stateText(row.detail->externalBuildState) : QString(),
                      row.review ? stateText(row.review->betaReviewState) : QStringLiteral("-"),
                      row.build.expired ? QStringLiteral("expired") : date(row.build.expirationDate),
                      groupNames.join(QStringLiteral(", "))});
    }
    if (table.isEmpty()) {
        context.out() << app->name << " has no builds.\n";
        return ExitOk;
    }
    table.print(context.out());
    context.out() << builds->size() << " builds of " << app->name << '\n';
    return ExitOk;
}

QJsonObject groupJson(const api::TestFlightGroup &row)
{
    QJsonObject object{{QStringLiteral("id"), row.group.id},
                       {QStringLiteral("name"), row.group.name},
                       {QStringLiteral("isInternalGroup"), row.group.isInternalGroup},
                       {QStringLiteral("hasAccessToAllBuilds"), row.group.hasAccessToAllBuilds},
                       {QStringLiteral("publicLinkEnabled"), row.group.publicLinkEnabled},
                       {QStringLiteral("publicLink"), row.group.publicLink},
                       {QStringLiteral("feedbackEnabled"), row.group.feedbackEnabled},
                       {QStringLiteral("testerCount"), row.testerCount}};
    if (row.group.publicLinkLimitEnabled && row.group.publicLinkLimit)
        object.insert(QStringLiteral("publicLinkLimit"), *row.group.publicLinkLimit);
    return object;
}

int groupsList(CliContext &context, const Parser &parser)
{
    const auto app = requireApp(context, parser, QStringLiteral("testflight groups list"));
    if (!app)
        return ExitFailure;
    const auto groups = loadGroups(context, *app);
    if (!groups)
        return ExitFailure;
    if (context.json()) {
        QJsonArray array;
        for (const auto &row : *groups)
            array.append(groupJson(row));
        context.printJson(array);
        return ExitOk;
    }
    Table table({QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("KIND"),
                 QStringLiteral("TESTERS"), QStringLiteral("PUBLIC LINK"), QStringLiteral("FEEDBACK")});
    for (const auto &row : *groups) {
        QString link = row.group.publicLinkEnabled ? row.group.publicLink : QStringLiteral("off");
        if (row.group.publicLinkEnabled && row.group.publicLinkLimitEnabled && row.group.publicLinkLimit)
            link += QStringLiteral(" (limit %1)").arg(*row.group.publicLinkLimit);
        table.addRow({row.group.id, row.group.name,
                      row.group.isInternalGroup
                          ? (row.group.hasAccessToAllBuilds ? QStringLiteral("internal, all builds")
                                                            : QStringLiteral("internal"))
                          : QStringLiteral("external"),
                      row.testerCount >= 0 ? QString::number(row.testerCount) : QString(), link,
                      row.group.feedbackEnabled ? QStringLiteral("on") : QStringLiteral("off")});
    }
    if (table.isEmpty()) {
        context.out() << app->name << " has no beta groups.\n";
        return ExitOk;
    }
    table.print(context.out());
    return ExitOk;
}

int groupsCreate(CliContext &context, const Parser &parser)
{
    const QString command = QStringLiteral("testflight groups create");
    if (!requireOption(context, parser, "name", command))
        return ExitUsage;
    api::BetaGroupFields fields;
    fields.name = opt(parser, "name");
    fields.isInternalGroup = parser.isSet(QStringLiteral("internal"));
    if (parser.isSet(QStringLiteral("all-builds")))
        fields.hasAccessToAllBuilds = true;
    if (parser.isSet(QStringLiteral("public-link")))
        fields.publicLinkEnabled = true;
    if (parser.isSet(QStringLiteral("public-link-limit"))) {
        bool ok = false;
        const int limit = opt(parser, "public-link-limit").toInt(&ok);
        if (!ok || limit < 1) {
            context.printError(QStringLiteral("--public-link-limit expects a positive number."));
            return ExitUsage;
        }
        fields.publicLinkLimitEnabled = true;
        fields.publicLinkLimit = limit;
    }
    if (parser.isSet(QStringLiteral("no-feedback")))
        fields.feedbackEnabled = false;
    const auto app = requireApp(context, parser, command);
    if (!app)
        return ExitFailure;
    auto reply = call(context, api::createBetaGroup(app->id, fields),
                      QStringLiteral("Creating the group \"%1\"").arg(*fields.name));
    if (!reply)
        return ExitFailure;
    const auto group = reply->document().resource()
                           ? api::BetaGroup::fromResource(*reply->document().resource())
                           : std::nullopt;
    if (!group)
        return ExitFailure;
    if (context.json())
        context.printJson(groupJson({*group, 0}));
    else
        context.out() << "Created the " << (group->isInternalGroup ? "internal" : "external") << " group \""
                      << group->name << "\" (" << group->id << ")\n";
    return ExitOk;
}

int groupsDelete(CliContext &context, const Parser &parser)
{
    const QString command = QStringLiteral("testflight groups delete");
    if (!requireOption(context, parser, "group", command))
        return ExitUsage;
    const auto app = requireApp(context, parser, command);
    if (!app)
        return ExitFailure;
    const auto group = resolveGroup(context, *app, opt(parser, "group"));
    if (!group)
        return ExitFailure;
    if (!call(context, api::deleteBetaGroup(group->id),
              QStringLiteral("Deleting the group \"%1\"").arg(group->name)))
        return ExitFailure;
    if (context.json())
        context.printJson(QJsonObject{{QStringLiteral("deleted"), group->id}});
    else
        context.out() << "Deleted the group \"" << group->name << "\"\n";
    return ExitOk;
}

// ---- testers ----

QJsonObject testerJson(const api::BetaTester &tester, const QHash<QString, QString> &groupNames = {})
{
    QJsonArray devices;
    for (const auto &device : tester.appDevices)
        devices.append(QJsonObject{{QStringLiteral("model"), device.model},
                                   {QStringLiteral("platform"), device.platform},
                                   {QStringLiteral("osVersion"), device.osVersion},
                                   {QStringLiteral("appBuildVersion"), device.appBuildVersion}});
    QJsonArray groups;
    for (const QString &id : tester.groupIds)
        groups.append(groupNames.value(id, id));
    return QJsonObject{{QStringLiteral("id"), tester.id},
                       {QStringLiteral("email"), tester.email},
                       {QStringLiteral("firstName"), tester.firstName},
                       {QStringLiteral("lastName"), tester.lastName},
                       {QStringLiteral("state"), stateText(tester.state)},
                       {QStringLiteral("inviteType"), stateText(tester.inviteType)},
                       {QStringLiteral("devices"), devices},
                       {QStringLiteral("groups"), groups}};
}

// The testers of the app (or of one group), with their groups of this app.
std::optional<QList<api::BetaTester>> loadTesters(CliContext &context, const api::App &app,
                                                  const std::optional<api::BetaGroup> &group)
{
    api::Query query;
    query.filter(QStringLiteral("apps"), app.id)
        .include({QStringLiteral("betaGroups")})
        .fields(QStringLiteral("betaGroups"), {QStringLiteral("name")})
        .limit(QStringLiteral("betaGroups"), 50)
        .sort(QStringLiteral("email"))
        .limit(200);
    if (group)
        query.filter(QStringLiteral("betaGroups"), group->id);
    const auto resources = fetchAllPages(context, api::listBetaTesters(query),
                                         QStringLiteral("Listing the testers of %1").arg(app.name));
    if (!resources)
        return std::nullopt;
    QList<api::BetaTester> testers;
    for (const auto &resource : *resources) {
        if (const auto tester = api::BetaTester::fromResource(resource))
            testers.append(*tester);
    }
    return testers;
}

std::optional<api::BetaGroup> optionalGroup(CliContext &context, const Parser &parser, const api::App &app,
                                            bool *failed)
{
    *failed = false;
    if (opt(parser, "group").isEmpty())
        return std::nullopt;
    auto group = resolveGroup(context, app, opt(parser, "group"));
    *failed = !group;
    return group;
}

int testersList(CliContext &context, const Parser &parser)
{
    const auto app = requireApp(context, parser, QStringLiteral("testflight testers list"));
    if (!app)
        return ExitFailure;
    bool failed = false;
    const auto group = optionalGroup(context, parser, *app, &failed);
    if (failed)
        return ExitFailure;
    const auto testers = loadTesters(context, *app, group);
    const auto groups = testers ? loadGroups(context, *app) : std::nullopt;
    if (!testers || !groups)
        return ExitFailure;
    QHash<QString, QString> names;
    for (const auto &row : *groups)
        names.insert(row.group.id, row.group.name);
    if (context.json()) {
        QJsonArray array;
        for (const auto &tester : *testers)
            array.append(testerJson(tester, names));
        context.printJson(array);
        return ExitOk;
    }
    Table table({QStringLiteral("ID"), QStringLiteral("EMAIL"), QStringLiteral("NAME"),
                 QStringLiteral("STATE"), QStringLiteral("INVITE"), QStringLiteral("DEVICES"),
                 QStringLiteral("GROUPS")});
    for (const auto &tester : *testers) {
        QStringList devices, groupNames;
        for (const auto &device : tester.appDevices)
            devices << device.model;
        for (const QString &id : tester.groupIds)
            if (names.contains(id))
                groupNames << names.value(id);
        table.addRow({tester.id, tester.email, tester.displayName(), stateText(tester.state),
                      stateText(tester.inviteType), devices.join(QStringLiteral(", ")),
                      groupNames.join(QStringLiteral(", "))});
    }
    if (table.isEmpty()) {
        context.out() << "No testers.\n";
        return ExitOk;
    }
    table.print(context.out());
    context.out() << testers->size() << " testers\n";
    return ExitOk;
}

int testersAdd(CliContext &context, const Parser &parser)
{
    const QString command = QStringLiteral("testflight testers add");
    if (!requireOption(context, parser, "email", command) ||
        !requireOption(context, parser, "group", command))
        return ExitUsage;
    const QString email = opt(parser, "email").trimmed();
    if (!api::isPlausibleEmail(email)) {
        context.printError(QStringLiteral("\"%1\" is not a valid email address.").arg(email));
        return ExitUsage;
    }
    const auto app = requireApp(context, parser, command);
    if (!app)
        return ExitFailure;
    const auto group = resolveGroup(context, *app, opt(parser, "group"));
    if (!group)
        return ExitFailure;
    auto reply =
        call(context,
             api::createBetaTester(email, opt(parser, "first-name"), opt(parser, "last-name"), {group->id}),
             QStringLiteral("Adding %1 to \"%2\"").arg(email, group->name));
    if (!reply)
        return ExitFailure;
    const auto tester = reply->document().resource()
                            ? api::BetaTester::fromResource(*reply->document().resource())
                            : std::nullopt;
    if (!tester)
        return ExitFailure;
    if (context.json())
        context.printJson(testerJson(*tester));
    else
        context.out() << "Added " << tester->email << " (" << tester->id << ") to \"" << group->name
                      << "\"\n";
    return ExitOk;
}

// --id, or --email looked up among the app's testers.
std::optional<api::BetaTester> resolveTester(CliContext &context, const Parser &parser, const api::App &app)
{
    const QString id = opt(parser, "id");
    const QString email = opt(parser, "email").trimmed();
    if (id.isEmpty() && email.isEmpty()) {
        context.printError(QStringLiteral("Name the tester with --email or --id."));
        return std::nullopt;
    }
    api::Query query;
    query.filter(QStringLiteral("apps"), app.id).limit(200);
    if (!id.isEmpty())
        query.filter(QStringLiteral("id"), id);
    else
        query.filter(QStringLiteral("email"), email);
    const auto resources =
        fetchAllPages(context, api::listBetaTesters(query), QStringLiteral("Looking up the tester"));
    if (!resources)
        return std::nullopt;
    for (const auto &resource : *resources) {
        const auto tester = api::BetaTester::fromResource(resource);
        if (tester && (tester->id == id || tester->email.compare(email, Qt::CaseInsensitive) == 0))
            return tester;
    }
    context.printError(QStringLiteral("%1 is not a tester of %2.").arg(id.isEmpty() ? email : id, app.name));
    return std::nullopt;
}

int testersRemove(CliContext &context, const Parser &parser)
{
    const auto app = requireApp(context, parser, QStringLiteral("testflight testers remove"));
    if (!app)
        return ExitFailure;
    bool failed = false;
    const auto group = optionalGroup(context, parser, *app, &failed);
    if (failed)
        return ExitFailure;
    const auto tester = resolveTester(context, parser, *app);
    if (!tester)
        return ExitFailure;
    if (group) {
        if (!call(context, api::removeTestersFromBetaGroup(group->id, {tester->id}),
                  QStringLiteral("Removing %1 from \"%2\"").arg(tester->email, group->name)))
            return ExitFailure;
    } else if (!call(context, api::deleteBetaTester(tester->id),
                     QStringLiteral("Removing the tester %1").arg(tester->email))) {
        return ExitFailure;
    }
    if (context.json())
        context.printJson(QJsonObject{{QStringLiteral("removed"), tester->id},
                                      {QStringLiteral("group"), group ? group->id : QString()}});
    else
        context.out() << "Removed " << tester->email
                      << (group ? QStringLiteral(" from \"%1\"").arg(group->name) : QString()) << '\n';
    return ExitOk;
}

int testersInvite(CliContext &context, const Parser &parser)
{
    const auto app = requireApp(context, parser, QStringLiteral("testflight testers invite"));
    if (!app)
        return ExitFailure;
    const auto tester = resolveTester(context, parser, *app);
    if (!tester)
        return ExitFailure;
    if (!call(context, api::inviteBetaTester(app->id, tester->id),
              QStringLiteral("Inviting %1").arg(tester->email)))
        return ExitFailure;
    if (context.json())
        context.printJson(
            QJsonObject{{QStringLiteral("invited"), tester->id}, {QStringLiteral("email"), tester->email}});
    else
        context.out() << "Sent an invitation to " << tester->email << '\n';
    return ExitOk;
}

int testersImport(CliContext &context, const Parser &parser)
{
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        context.printError(QStringLiteral("testflight testers import needs one FILE.csv."));
        return ExitUsage;
    }
    QFile file(files.first());
    if (!file.open(QIODevice::ReadOnly)) {
        context.printError(QStringLiteral("Cannot read %1: %2").arg(files.first(), file.errorString()));
        return ExitFailure;
    }
    const api::TesterCsv csv = api::parseTesterCsv(file.readAll());
    if (!csv.error.isEmpty()) {
        context.printError(QStringLiteral("%1: %2").arg(files.first(), csv.error));
        return ExitFailure;
    }
    const auto app = requireApp(context, parser, QStringLiteral("testflight testers import"));
    if (!app)
        return ExitFailure;
    const auto groups = loadGroups(context, *app);
    const auto existing = groups ? loadTesters(context, *app, std::nullopt) : std::nullopt;
    if (!groups || !existing)
        return ExitFailure;
    auto findGroup = [&groups](const QString &nameOrId) -> QString {
        for (const auto &row : *groups)
            if (row.group.id == nameOrId || row.group.name.compare(nameOrId, Qt::CaseInsensitive) == 0)
                return row.group.id;
        return {};
    };
    QString defaultGroup;
    if (!opt(parser, "group").isEmpty()) {
        defaultGroup = findGroup(opt(parser, "group"));
        if (defaultGroup.isEmpty()) {
            context.printError(
                QStringLiteral("%1 has no beta group \"%2\".").arg(app->name, opt(parser, "group")));
            return ExitFailure;
        }
    }
    QJsonArray results;
    int added = 0, failedRows = 0;
    for (const api::TesterCsvRow &row : csv.rows) {
        QString outcome;
        QString error = row.error;
        QStringList groupIds;
        if (error.isEmpty()) {
            for (const QString &name : row.groups) {
                const QString id = findGroup(name);
                if (id.isEmpty()) {
                    error = QStringLiteral("There is no group \"%1\".").arg(name);
                    break;
                }
                groupIds << id;
            }
            if (error.isEmpty() && groupIds.isEmpty() && !defaultGroup.isEmpty())
                groupIds << defaultGroup;
            if (error.isEmpty() && groupIds.isEmpty())
                error = QStringLiteral("No group: name one in the groups column or pass --group.");
        }
        if (error.isEmpty()) {
            QString existingId;
            for (const auto &tester : *existing)
                if (tester.email.compare(row.email, Qt::CaseInsensitive) == 0)
                    existingId = tester.id;
            api::ApiReply *reply = context.session()->client()->send(
                existingId.isEmpty() ? api::createBetaTester(row.email, row.firstName, row.lastName, groupIds)
                                     : api::addBetaTesterToGroups(existingId, groupIds));
            api::waitForFinished(reply);
            if (reply->ok())
                outcome = existingId.isEmpty() ? QStringLiteral("added") : QStringLiteral("added to groups");
            else
                error = reply->error().message();
            reply->deleteLater();
        }
        if (!error.isEmpty()) {
            ++failedRows;
            outcome = QStringLiteral("skipped");
        } else {
            ++added;
        }
        results.append(QJsonObject{{QStringLiteral("line"), row.line},
                                   {QStringLiteral("email"), row.email},
                                   {QStringLiteral("result"), outcome},
                                   {QStringLiteral("error"), error}});
        if (!context.json()) {
            if (error.isEmpty())
                context.out() << "line " << row.line << ": " << row.email << ": " << outcome << '\n';
            else
                context.err() << "line " << row.line << ": "
                              << (row.email.isEmpty() ? QStringLiteral("(no email)") : row.email)
                              << ": skipped: " << error << Qt::endl;
        }
    }
    if (context.json())
        context.printJson(QJsonObject{{QStringLiteral("added"), added},
                                      {QStringLiteral("skipped"), failedRows},
                                      {QStringLiteral("rows"), results}});
    else
        context.out() << added << " testers imported, " << failedRows << " rows skipped\n";
    return failedRows == 0 ? ExitOk : ExitFailure;
}

int testersExport(CliContext &context, const Parser &parser)
{
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        context.printError(QStringLiteral("testflight testers export needs one FILE.csv."));
        return ExitUsage;
    }
    const auto app = requireApp(context, parser, QStringLiteral("testflight testers export"));
    if (!app)
        return ExitFailure;
    bool failed = false;
    const auto group = optionalGroup(context, parser, *app, &failed);
    if (failed)
        return ExitFailure;
    const auto testers = loadTesters(context, *app, group);
    const auto groups = testers ? loadGroups(context, *app) : std::nullopt;
    if (!testers || !groups)
        return ExitFailure;
    QHash<QString, QString> names;
    for (const auto &row : *groups)
        names.insert(row.group.id, row.group.name);
    QList<api::TesterCsvRow> rows;
    for (const auto &tester : *testers) {
        api::TesterCsvRow row;
        row.email = tester.email;
        row.firstName = tester.firstName;
        row.lastName = tester.lastName;
        for (const QString &id : tester.groupIds)
            if (names.contains(id))
                row.groups << names.value(id);
        rows << row;
    }
    QSaveFile out(files.first());
    if (!out.open(QIODevice::WriteOnly) || out.write(api::writeTesterCsv(rows)) < 0 || !out.commit()) {
        context.printError(QStringLiteral("Cannot write %1: %2").arg(files.first(), out.errorString()));
        return ExitFailure;
    }
    if (context.json())
        context.printJson(QJsonObject{{QStringLiteral("file"), files.first()},
                                      {QStringLiteral("testers"), int(rows.size())}});
    else
        context.out() << "Wrote " << rows.size() << " testers to " << files.first() << '\n';
    return ExitOk;
}

// ---- distribution ----

int assignOrUnassign(CliContext &context, const Parser &parser, bool assign)
{
    const QString command =
        assign ? QStringLiteral("testflight assign") : QStringLiteral("testflight unassign");
    if (!requireOption(context, parser, "build", command) ||
        !requireOption(context, parser, "group", command))
        return ExitUsage;
    const auto app = requireApp(context, parser, command);
    if (!app)
        return ExitFailure;
    const auto group = resolveGroup(context, *app, opt(parser, "group"));
    if (!group)
        return ExitFailure;
    const QString build = opt(parser, "build");
    if (assign && group->isInternalGroup && group->hasAccessToAllBuilds && !context.json())
        context.err() << "warning: \"" << group->name
                      << "\" already has access to all builds; assigning a build there changes nothing."
                      << Qt::endl;
    const auto request = assign ? api::addBuildsToBetaGroup(group->id, {build})
                                : api::removeBuildsFromBetaGroup(group->id, {build});
    if (!call(context, request,
              assign ? QStringLiteral("Adding build %1 to \"%2\"").arg(build, group->name)
                     : QStringLiteral("Removing build %1 from \"%2\"").arg(build, group->name)))
        return ExitFailure;
    if (context.json())
        context.printJson(QJsonObject{{QStringLiteral("build"), build},
                                      {QStringLiteral("group"), group->id},
                                      {QStringLiteral("assigned"), assign}});
    else
        context.out() << (assign ? "Added build " : "Removed build ") << build
                      << (assign ? " to \"" : " from \"") << group->name << "\"\n";
    return ExitOk;
}

int notesSet(CliContext &context, const Parser &parser)
{
    const QString command = QStringLiteral("testflight notes set");
    if (!requireOption(context, parser, "build", command) || !requireOption(context, parser, "text", command))
        return ExitUsage;
    const QString locale = opt(parser, "locale").isEmpty() ? QStringLiteral("en-US") : opt(parser, "locale");
    const QString text = opt(parser, "text");
    if (text.size() > api::BetaBuildLocalization::MaxWhatsNewLength) {
        context.printError(QStringLiteral("What to Test has at most %1 characters.")
                               .arg(api::BetaBuildLocalization::MaxWhatsNewLength));
        return ExitUsage;
    }
    const auto build = loadBuild(context, opt(parser, "build"));
    if (!build)
        return ExitFailure;
    const api::BetaBuildLocalization *existing = build->localization(locale);
    auto reply = call(context,
                      existing ? api::updateBetaBuildLocalization(existing->id, text)
                               : api::createBetaBuildLocalization(build->build.id, locale, text),
                      QStringLiteral("Saving What to Test (%1)").arg(locale));
    if (!reply)
        return ExitFailure;
    if (context.json())
        context.printJson(QJsonObject{{QStringLiteral("build"), build->build.id},
                                      {QStringLiteral("locale"), locale},
                                      {QStringLiteral("created"), existing == nullptr}});
    else
        context.out() << (existing ? "Updated" : "Added") << " What to Test for " << locale << " of build "
                      << build->build.version << '\n';
    return ExitOk;
}

int submit(CliContext &context, const Parser &parser)
{
    if (!requireOption(context, parser, "build", QStringLiteral("testflight submit")))
        return ExitUsage;
    const auto build = loadBuild(context, opt(parser, "build"));
    if (!build)
        return ExitFailure;
    const QStringList blockers = api::betaReviewBlockers(*build);
    if (!blockers.isEmpty()) {
        context.printError(QStringLiteral("Build %1 cannot be submitted for Beta App Review:\n  %2")
                               .arg(build->build.version, blockers.join(QStringLiteral("\n  "))));
        return ExitFailure;
    }
    auto reply = call(context, api::submitForBetaAppReview(build->build.id),
                      QStringLiteral("Submitting build %1 for Beta App Review").arg(build->build.version));
    if (!reply)
        return ExitFailure;
    auto submission = reply->document().resource()
                          ? api::BetaAppReviewSubmission::fromResource(*reply->document().resource())
                          : std::nullopt;
    if (!submission)
        return ExitFailure;
    if (!context.json())
        context.out() << "Submitted build " << build->build.version << ": "
                      << stateText(submission->betaReviewState) << '\n';
    if (parser.isSet(QStringLiteral("wait"))) {
        bool ok = false;
        const int timeout = opt(parser, "timeout").isEmpty() ? 600 : opt(parser, "timeout").toInt(&ok);
        QDeadlineTimer deadline(std::chrono::seconds(std::max(1, timeout)));
        auto last = submission->betaReviewState;
        while (!submission->isFinal()) {
            if (deadline.hasExpired()) {
                context.printError(QStringLiteral("Still %1 after %2 s.").arg(stateText(last)).arg(timeout));
                return ExitFailure;
            }
            QEventLoop loop;
            QTimer::singleShot(1000, &loop, &QEventLoop::quit);
            loop.exec();
            auto poll = call(context, api::getBetaAppReviewSubmission(submission->id),
                             QStringLiteral("Checking the review"));
            if (!poll)
                return ExitFailure;
            submission = api::BetaAppReviewSubmission::fromResource(*poll->document().resource());
            if (!submission)
                return ExitFailure;
            if (submission->betaReviewState != last && !context.json())
                context.out() << "  " << stateText(submission->betaReviewState) << '\n';
            last = submission->betaReviewState;
        }
    }
    if (context.json())
        context.printJson(
            QJsonObject{{QStringLiteral("id"), submission->id},
                        {QStringLiteral("build"), build->build.id},
                        {QStringLiteral("betaReviewState"), stateText(submission->betaReviewState)}});
    return submission->betaReviewState == asc::BetaReviewState::REJECTED ? ExitFailure : ExitOk;
}

int notify(CliContext &context, const Parser &parser)
{
    if (!requireOption(context, parser, "build", QStringLiteral("testflight notify")))
        return ExitUsage;
    const QString build = opt(parser, "build");
    if (!call(context, api::notifyBetaTesters(build),
              QStringLiteral("Notifying the testers of build %1").arg(build)))
        return ExitFailure;
    if (context.json())
        context.printJson(QJsonObject{{QStringLiteral("notified"), build}});
    else
        context.out() << "Testers of build " << build << " were notified\n";
    return ExitOk;
}

int expire(CliContext &context, const Parser &parser)
{
    if (!requireOption(context, parser, "build", QStringLiteral("testflight expire")))
        return ExitUsage;
    const QString build = opt(parser, "build");
    if (!call(context, api::expireBuild(build), QStringLiteral("Expiring build %1").arg(build)))
        return ExitFailure;
    if (context.json())
        context.printJson(QJsonObject{{QStringLiteral("expired"), build}});
    else
        context.out() << "Build " << build << " expired; testers can no longer install it\n";
    return ExitOk;
}

void appOption(Parser &parser)
{
    parser.addOption({QStringLiteral("app"),
                      QStringLiteral("The app: bundle ID or App Store Connect app ID."),
                      QStringLiteral("BUNDLE_ID_OR_ID")});
}
void groupOption(Parser &parser, const QString &help)
{
    parser.addOption({QStringLiteral("group"), help, QStringLiteral("NAME_OR_ID")});
}
void buildOption(Parser &parser)
{
    parser.addOption(
        {QStringLiteral("build"), QStringLiteral("The build's App Store Connect ID."), QStringLiteral("ID")});
}
void testerOptions(Parser &parser)
{
    parser.addOption(
        {QStringLiteral("email"), QStringLiteral("The tester's email address."), QStringLiteral("EMAIL")});
    parser.addOption({QStringLiteral("id"), QStringLiteral("The tester's ID."), QStringLiteral("ID")});
}

Command make(QStringList words, const QString &summary, std::function<void(Parser &)> declare,
             std::function<int(CliContext &, const Parser &)> run, const QString &details)
{
    Command command;
    command.words = QStringList{QStringLiteral("testflight")} + words;
    command.summary = summary;
    command.declareOptions = [declare](Parser &parser) {
        appOption(parser);
        if (declare)
            declare(parser);
    };
    command.run = std::move(run);
    command.details = details;
    return command;
}

} // namespace

QList<Command> testflightCommands()
{
    const auto w = [](const char *a, const char *b = nullptr) {
        return b ? QStringList{QString::fromLatin1(a), QString::fromLatin1(b)}
                 : QStringList{QString::fromLatin1(a)};
    };
    return {
        make(
            w("builds", "list"),
            QStringLiteral("Builds by version with beta states, review and groups (few requests, all pages)"),
            {}, buildsList,
            QStringLiteral(
                "Needs --app. Prints one row per build, newest version first: ID, version, build number, "
                "upload date, processing state, internal and external beta state, Beta App Review state, "
                "expiry and beta groups. With --json: an array of builds with the same fields.")),
        make(w("groups", "list"), QStringLiteral("Beta groups with tester counts and public links"), {},
             groupsList,
             QStringLiteral(
                 "Needs --app. Prints a table: ID, name, kind (internal or external), tester count, public "
                 "link and whether feedback is on. With --json: an array of groups.")),
        make(
            w("groups", "create"), QStringLiteral("Create a beta group (POST /v1/betaGroups)"),
            [](Parser &parser) {
                parser.addOption(
                    {QStringLiteral("name"), QStringLiteral("The group's name."), QStringLiteral("NAME")});
                parser.addOption({QStringLiteral("internal"),
                                  QStringLiteral("An internal group (App Store Connect users).")});
                parser.addOption(
                    {QStringLiteral("all-builds"), QStringLiteral("Internal only: access to every build.")});
                parser.addOption({QStringLiteral("public-link"),
                                  QStringLiteral("External only: turn the public link on.")});
                parser.addOption({QStringLiteral("public-link-limit"),
                                  QStringLiteral("Limit the public link to N testers."),
                                  QStringLiteral("N")});
                parser.addOption(
                    {QStringLiteral("no-feedback"), QStringLiteral("Turn tester feedback off.")});
            },
            groupsCreate,
            QStringLiteral("Needs --app and --name. Without --internal the group is external: its builds "
                           "need Beta App Review before testers get them. Prints the new group's ID.")),
        make(
            w("groups", "delete"), QStringLiteral("Delete a beta group (its testers stay)"),
            [](Parser &parser) { groupOption(parser, QStringLiteral("The group to delete.")); }, groupsDelete,
            QStringLiteral(
                "Needs --app and --group. The testers stay in the app (and in their other groups).")),
        make(
            w("testers", "list"), QStringLiteral("Testers of the app or of one group"),
            [](Parser &parser) { groupOption(parser, QStringLiteral("Only testers of this group.")); },
            testersList,
            QStringLiteral("Needs --app. Prints a table: ID, email, name, state, invitation, devices and "
                           "groups. With --json: an array of testers.")),
        make(
            w("testers", "add"), QStringLiteral("Add a tester to a group (POST /v1/betaTesters)"),
            [](Parser &parser) {
                groupOption(parser, QStringLiteral("The group to add the tester to."));
                parser.addOption({QStringLiteral("email"), QStringLiteral("The tester's email."),
                                  QStringLiteral("EMAIL")});
                parser.addOption(
                    {QStringLiteral("first-name"), QStringLiteral("First name."), QStringLiteral("NAME")});
                parser.addOption(
                    {QStringLiteral("last-name"), QStringLiteral("Last name."), QStringLiteral("NAME")});
            },
            testersAdd,
            QStringLiteral(
                "Needs --app, --group and --email. Prints the tester's ID; with --json the tester.")),
        make(
            w("testers", "remove"),
            QStringLiteral("Remove a tester from a group, or altogether without --group"),
            [](Parser &parser) {
                testerOptions(parser);
                groupOption(parser, QStringLiteral("Remove from this group only."));
            },
            testersRemove,
            QStringLiteral("Needs --app and --email or --id. With --group the tester leaves only that group; "
                           "without it the tester is removed from the app and all its groups.")),
        make(w("testers", "invite"),
             QStringLiteral("Send a tester the invitation (POST /v1/betaTesterInvitations)"), testerOptions,
             testersInvite,
             QStringLiteral("Needs --app and --email or --id. App Store Connect sends the tester the "
                            "TestFlight invitation email.")),
        make(
            w("testers", "import"),
            QStringLiteral("Import testers from FILE.csv (email, first name, last name, groups)"),
            [](Parser &parser) {
                groupOption(parser, QStringLiteral("Group for rows that name none."));
                parser.addPositionalArgument(QStringLiteral("FILE.csv"), QStringLiteral("The CSV file."));
            },
            testersImport,
            QStringLiteral("Needs --app and FILE.csv: columns email, first name, last name and optionally "
                           "groups (names or IDs separated by ';'); a header row naming \"email\" may order "
                           "the columns differently. Rows without a group go to --group. Every row is "
                           "checked and applied on its own: prints one line per row (added, or skipped and "
                           "why) and the totals. With --json: the result of every row.")),
        make(
            w("testers", "export"), QStringLiteral("Export testers to FILE.csv"),
            [](Parser &parser) {
                groupOption(parser, QStringLiteral("Only testers of this group."));
                parser.addPositionalArgument(QStringLiteral("FILE.csv"),
                                             QStringLiteral("The CSV file to write."));
            },
            testersExport,
            QStringLiteral("Needs --app and FILE.csv. Writes email, first name, last name and groups with a "
                           "header row, in the format `testers import` reads.")),
        make(
            w("assign"), QStringLiteral("Give a build to a beta group"),
            [](Parser &parser) {
                buildOption(parser);
                groupOption(parser, QStringLiteral("The group."));
            },
            [](CliContext &c, const Parser &p) { return assignOrUnassign(c, p, true); },
            QStringLiteral("Needs --app, --build (the ID from `testflight builds list`) and --group. Testers "
                           "of an external group get the build once it passed Beta App Review.")),
        make(
            w("unassign"), QStringLiteral("Take a build away from a beta group"),
            [](Parser &parser) {
                buildOption(parser);
                groupOption(parser, QStringLiteral("The group."));
            },
            [](CliContext &c, const Parser &p) { return assignOrUnassign(c, p, false); },
            QStringLiteral(
                "Needs --app, --build and --group. Testers of that group can no longer install the build.")),
        make(
            w("notes", "set"), QStringLiteral("Set What to Test for a locale of a build"),
            [](Parser &parser) {
                buildOption(parser);
                parser.addOption({QStringLiteral("locale"), QStringLiteral("Locale (default en-US)."),
                                  QStringLiteral("LOCALE")});
                parser.addOption({QStringLiteral("text"), QStringLiteral("The What to Test text."),
                                  QStringLiteral("TEXT")});
            },
            notesSet,
            QStringLiteral("Needs --build and --text; --locale defaults to en-US. Creates or replaces the "
                           "What to Test text of that locale (at most 4,000 characters).")),
        make(
            w("submit"), QStringLiteral("Submit a build for Beta App Review, checking it first"),
            [](Parser &parser) {
                buildOption(parser);
                parser.addOption({QStringLiteral("wait"),
                                  QStringLiteral("Wait until the review is APPROVED or REJECTED.")});
                parser.addOption({QStringLiteral("timeout"), QStringLiteral("Seconds to wait (default 600)."),
                                  QStringLiteral("S")});
            },
            submit,
            QStringLiteral(
                "Needs --build. Checks first what App Store Connect would refuse (processing not VALID, "
                "expired, internal only, What to Test empty, already submitted) and says what to fix. With "
                "--wait it prints each review state until APPROVED or REJECTED; REJECTED exits with 1.")),
        make(w("notify"), QStringLiteral("Notify the testers that a build is available"), buildOption, notify,
             QStringLiteral("Needs --build. App Store Connect emails the testers of the build's groups.")),
        make(
            w("expire"), QStringLiteral("Expire a build (cannot be undone)"), buildOption, expire,
            QStringLiteral("Needs --build. Testers can no longer install the build; this cannot be undone.")),
    };
}

} // namespace ascend::cli

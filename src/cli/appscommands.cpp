// ascendctl apps list

#include "clicontext.h"
#include "command.h"
#include "core/api/apps.h"
#include "pagedlist.h"
#include "table.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ascend::cli {

namespace {

int listApps(CliContext &context, const QCommandLineParser &parser)
{
    api::Query query;
    query.sort(QStringLiteral("name")).limit(200);
    if (parser.isSet(QStringLiteral("bundle-id")))
        query.filter(QStringLiteral("bundleId"), parser.value(QStringLiteral("bundle-id")));
    const auto resources = fetchAllPages(context, api::listApps(query), QStringLiteral("Listing apps"));
    if (!resources)
        return ExitFailure;

    if (context.json()) {
        QJsonArray array;
        for (const auto &resource : *resources)
            array.append(resource.toJson());
        context.printJson(array);
        return ExitOk;
    }
    Table table({QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("BUNDLE ID"),
                 QStringLiteral("SKU"), QStringLiteral("LOCALE")});
    for (const auto &resource : *resources) {
        if (const auto app = api::App::fromResource(resource))
            table.addRow({app->id, app->name, app->bundleId, app->sku, app->primaryLocale});
    }
    if (table.isEmpty()) {
        context.out() << "No apps in this account.\n";
        return ExitOk;
    }
    table.print(context.out());
    return ExitOk;
}

} // namespace

QList<Command> appsCommands()
{
    Command list;
    list.words = {QStringLiteral("apps"), QStringLiteral("list")};
    list.summary = QStringLiteral("List the apps of the account (GET /v1/apps, all pages)");
    list.declareOptions = [](QCommandLineParser &parser) {
        parser.addOption({QStringLiteral("bundle-id"), QStringLiteral("Only the app with this bundle ID."),
                          QStringLiteral("BUNDLE_ID")});
    };
    list.run = listApps;
    list.details = QStringLiteral("Prints a table: ID, name, bundle ID, SKU and primary locale. With --json: "
                                  "the JSON:API app resources.");
    return {list};
}

} // namespace ascend::cli

#include "pagedlist.h"

#include "clicontext.h"
#include "core/api/apiclient.h"
#include "core/api/apireply.h"
#include "core/api/pager.h"
#include "core/session/session.h"

#include <QEventLoop>

namespace ascend::cli {

std::optional<QList<jsonapi::Resource>> fetchAllPages(CliContext &context, const api::ApiRequest &firstPage,
                                                      const QString &what, QList<jsonapi::Resource> *included)
{
    session::Session *session = context.session();
    if (!session)
        return std::nullopt;
    if (!firstPage.query.isValid()) {
        context.printError(QStringLiteral("%1: %2").arg(what, firstPage.query.errorString()));
        return std::nullopt;
    }
    api::Pager pager(session->client(), firstPage);
    QEventLoop loop;
    QObject::connect(&pager, &api::Pager::finished, &loop, &QEventLoop::quit);
    pager.start();
    if (!pager.isFinished())
        loop.exec();
    if (!pager.ok()) {
        context.printError(QStringLiteral("%1 failed: %2").arg(what, pager.error().message()));
        return std::nullopt;
    }
    if (included)
        *included = pager.included();
    return pager.resources();
}

std::optional<api::App> resolveApp(CliContext &context, const QString &bundleIdOrId)
{
    session::Session *session = context.session();
    if (!session)
        return std::nullopt;
    const bool looksLikeBundleId = bundleIdOrId.contains(QLatin1Char('.'));
    api::ApiReply *reply = session->client()->send(looksLikeBundleId ? api::findAppByBundleId(bundleIdOrId)
                                                                     : api::getApp(bundleIdOrId));
    const auto cleanup = qScopeGuard([reply] { reply->deleteLater(); });
    if (!context.await(reply, QStringLiteral("Looking up the app %1").arg(bundleIdOrId)))
        return std::nullopt;
    std::optional<api::App> app;
    if (looksLikeBundleId) {
        app = api::appWithBundleId(reply->document(), bundleIdOrId);
    } else if (const auto resource = reply->document().resource()) {
        app = api::App::fromResource(*resource);
    }
    if (!app) {
        context.printError(QStringLiteral("No app with bundle ID or ID \"%1\" in this account. "
                                          "`ascendctl apps list` shows the apps you can use.")
                               .arg(bundleIdOrId));
    }
    return app;
}

} // namespace ascend::cli

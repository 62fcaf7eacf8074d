#include "models/applistloader.h"

#include "core/api/pager.h"

namespace ascend::models {

AppListLoader::AppListLoader(api::ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

AppListLoader::~AppListLoader()
{
    cancel();
}

api::ApiRequest AppListLoader::request()
{
    api::Query query;
    query
        .fields(QString::fromLatin1(api::App::Type), {QStringLiteral("name"), QStringLiteral("bundleId"),
                                                      QStringLiteral("sku"), QStringLiteral("primaryLocale")})
        .sort(QStringLiteral("name"))
        .limit(api::Query::DefaultMaxLimit);
    return api::listApps(query);
}

void AppListLoader::start()
{
    cancel();
    m_running = true;
    m_pager = new api::Pager(m_client, request(), this);
    connect(m_pager, &api::Pager::finished, this, [this] {
        api::Pager *pager = m_pager;
        m_pager = nullptr;
        m_running = false;
        pager->deleteLater();
        if (!pager->ok()) {
            emit failed(pager->error());
            return;
        }
        QList<api::App> apps;
        apps.reserve(pager->resources().size());
        for (const jsonapi::Resource &resource : pager->resources()) {
            if (std::optional<api::App> app = api::App::fromResource(resource))
                apps.append(*app);
        }
        emit succeeded(apps);
    });
    m_pager->start();
}

void AppListLoader::cancel()
{
    m_running = false;
    if (!m_pager)
        return;
    api::Pager *pager = m_pager;
    m_pager = nullptr;
    pager->disconnect(this);
    pager->cancel();
    pager->deleteLater();
}

} // namespace ascend::models

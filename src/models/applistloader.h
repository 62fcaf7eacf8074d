#pragma once
// Loads every app of the account (GET /v1/apps, all pages through the Pager, sorted by name) and reports the
// list or the error once.

#include "core/api/apierror.h"
#include "core/api/apps.h"

#include <QList>
#include <QObject>

namespace ascend::api {
class ApiClient;
class Pager;
} // namespace ascend::api

namespace ascend::models {

class AppListLoader : public QObject {
    Q_OBJECT
public:
    explicit AppListLoader(api::ApiClient *client, QObject *parent = nullptr);
    ~AppListLoader() override;

    // The request the loader sends: name, bundle id, SKU and primary locale of every app, by name.
    static api::ApiRequest request();

    void start();
    // Stops a running load; neither signal follows.
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void succeeded(const QList<ascend::api::App> &apps);
    void failed(const ascend::api::ApiError &error);

private:
    api::ApiClient *m_client;
    api::Pager *m_pager = nullptr;
    bool m_running = false;
};

} // namespace ascend::models

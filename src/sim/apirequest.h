#pragma once
// What an endpoint handler gets: the raw HTTP request plus everything the pipeline already worked out.

#include "core/http/httpmessage.h"
#include "sim/resourcequery.h"

#include <QHash>
#include <QJsonDocument>
#include <QString>

namespace ascend::sim {

struct OperationSpec;
struct Route;

struct ApiRequest {
    const http::HttpRequest *http = nullptr;
    const Route *route = nullptr;
    const OperationSpec *operation = nullptr; // null for routes that are not in the spec
    QHash<QString, QString> pathParameters;   // {id} → value
    ResourceQuery query;                      // validated against the operation's parameters
    QJsonDocument body;                       // parsed when the route takes a JSON body
    QString baseUrl;                          // "http://127.0.0.1:PORT", for links
    QString keyId;                            // the API key that signed the request

    QString pathParameter(const QString &name) const { return pathParameters.value(name); }
};

} // namespace ascend::sim

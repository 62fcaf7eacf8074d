#pragma once
// Maps a method and a path to a handler: "/v1/apps/{id}/builds" matches "/v1/apps/123/builds" with
// id = "123". Literal segments win over placeholders when two templates match.

#include "core/http/httpmessage.h"
#include "sim/apirequest.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>
#include <memory>
#include <vector>

namespace ascend::sim {

using Handler = std::function<http::HttpResponse(const ApiRequest &request)>;

enum class BodyPolicy {
    None,   // a body, if sent, is ignored
    Json,   // parsed before the handler; malformed → 400
    Stream, // kept as sent (spooled to a file when large) for the handler to read
};

struct Route {
    QByteArray method;
    QString pathTemplate;
    QString operationId;  // the spec's; empty for simulator-only routes (e.g. presigned upload URLs)
    QString resourceType; // type of the primary data ("builds"); filters and sort keys refer to it
    Handler handler;
    BodyPolicy body = BodyPolicy::None;
    qint64 maxBodyBytes = -1; // -1 = the server's default cap
    bool requiresAuth = true;
};

struct RouteMatch {
    enum class Status { Found, UnknownPath, MethodNotAllowed };
    Status status = Status::UnknownPath;
    const Route *route = nullptr;
    QHash<QString, QString> parameters;
    QList<QByteArray> allowedMethods; // for MethodNotAllowed
};

class Router {
public:
    Router() = default;
    Router(const Router &) = delete;
    Router &operator=(const Router &) = delete;

    // Returns the stored route; routes live as long as the router.
    const Route &add(Route route);
    const Route &get(const QString &pathTemplate, const QString &operationId, const QString &resourceType,
                     Handler handler);

    RouteMatch match(const QByteArray &method, const QString &path) const;
    QList<const Route *> routes() const;

private:
    struct Entry {
        Route route;
        QStringList segments;
    };
    static bool matchSegments(const QStringList &pattern, const QStringList &path,
                              QHash<QString, QString> *out, int *literalCount);

    QList<Entry *> m_entries;
    std::vector<std::unique_ptr<Entry>> m_storage;
};

} // namespace ascend::sim

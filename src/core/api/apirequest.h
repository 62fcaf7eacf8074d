#pragma once
// Everything needed to send one API call; endpoint builders (apps.h, builds.h, ...) return these.

#include "core/api/query.h"
#include "core/api/retrypolicy.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>
#include <utility>

namespace ascend::api {

struct ApiRequest {
    QByteArray method = "GET";
    // "/v1/apps" (relative to the client's base URL) or an absolute URL such as links.next or a
    // presigned upload URL; absolute URLs are used verbatim.
    QString path;
    Query query;
    std::optional<QJsonObject> body;
    // Adds "Authorization: Bearer"; presigned upload URLs must set this to false.
    bool authenticated = true;
    // A success body must be a JSON:API document (false for uploads and other raw endpoints).
    bool expectJsonApi = true;
    QList<std::pair<QByteArray, QByteArray>> headers;
    Milliseconds timeout{0}; // without progress; 0 uses the client's default

    bool isAbsolute() const;
    // "GET /v1/apps" for logs and messages (never the query, which may carry signatures).
    QString describe() const;

    static ApiRequest get(const QString &path, const Query &query = {});
    static ApiRequest post(const QString &path, const QJsonObject &body);
    static ApiRequest patch(const QString &path, const QJsonObject &body);
    static ApiRequest put(const QString &path, const QJsonObject &body);
    static ApiRequest remove(const QString &path, const std::optional<QJsonObject> &body = std::nullopt);
};

// Percent-encodes an id (or any value) for use as one path segment.
QString pathSegment(const QString &value);

} // namespace ascend::api

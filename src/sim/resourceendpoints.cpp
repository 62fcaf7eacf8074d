#include "sim/resourceendpoints.h"

#include "sim/apierror.h"
#include "sim/documentbuilder.h"
#include "sim/queryengine.h"
#include "sim/speccatalog.h"
#include "sim/store.h"

#include <QJsonDocument>

namespace ascend::sim {

http::HttpResponse jsonResponse(int status, const QJsonObject &document)
{
    return http::HttpResponse::json(status, QJsonDocument(document).toJson(QJsonDocument::Compact));
}

ResourceEndpoints::ResourceEndpoints(Store &store, const SpecCatalog &catalog)
    : m_store(store)
    , m_catalog(catalog)
{}

Handler ResourceEndpoints::collection(const QString &type) const
{
    return [this, type](const ApiRequest &request) {
        const Page page = QueryEngine(m_store).select(m_store.all(type), request.query);
        const DocumentBuilder builder(m_store, m_catalog, request.operation, request.query, request.baseUrl);
        return jsonResponse(200, builder.list(page, QString::fromUtf8(request.http->target),
                                              request.http->path, request.http->query));
    };
}

Handler ResourceEndpoints::instance(const QString &type) const
{
    return [this, type](const ApiRequest &request) {
        const QString id = request.pathParameter(QStringLiteral("id"));
        const Record *record = m_store.find(type, id);
        if (!record)
            return errorResponse(errors::resourceNotFound(type, id));
        const DocumentBuilder builder(m_store, m_catalog, request.operation, request.query, request.baseUrl);
        return jsonResponse(200, builder.single(*record, QString::fromUtf8(request.http->target)));
    };
}

Handler ResourceEndpoints::toManyRelated(const QString &parentType, const QString &relationship) const
{
    return [this, parentType, relationship](const ApiRequest &request) {
        const QString id = request.pathParameter(QStringLiteral("id"));
        const Record *parent = m_store.find(parentType, id);
        if (!parent)
            return errorResponse(errors::resourceNotFound(parentType, id));
        const Page page = QueryEngine(m_store).select(m_store.related(*parent, relationship), request.query);
        const DocumentBuilder builder(m_store, m_catalog, request.operation, request.query, request.baseUrl);
        return jsonResponse(200, builder.list(page, QString::fromUtf8(request.http->target),
                                              request.http->path, request.http->query));
    };
}

} // namespace ascend::sim

#pragma once
// Generic GET handlers over the Store, shaped by the operation's spec: a collection, one instance, and
// the to-many related list of a parent (GET /v1/apps/{id}/builds). Resource areas register routes that use
// them (appsendpoints.cpp, buildsendpoints.cpp, ...).

#include "sim/router.h"

#include <QJsonObject>
#include <QString>

namespace ascend::sim {

class SpecCatalog;
class Store;

http::HttpResponse jsonResponse(int status, const QJsonObject &document);

class ResourceEndpoints {
public:
    ResourceEndpoints(Store &store, const SpecCatalog &catalog);

    Store &store() { return m_store; }
    const SpecCatalog &catalog() const { return m_catalog; }

    // GET /v1/<type>: filters, sort, include, fields, limit and cursor from the request's query.
    Handler collection(const QString &type) const;
    // GET /v1/<type>/{id}
    Handler instance(const QString &type) const;
    // GET /v1/<parentType>/{id>/<relationship>: 404 when the parent does not exist.
    Handler toManyRelated(const QString &parentType, const QString &relationship) const;

private:
    Store &m_store;
    const SpecCatalog &m_catalog;
};

} // namespace ascend::sim

#pragma once
// Renders Store records as JSON:API documents in App Store Connect's shape: resource objects with
// links.self, relationships with links (self/related) and data when included, sparse fieldsets,
// a deduplicated `included`, and for lists links.next (an opaque cursor) and meta.paging.

#include "sim/queryengine.h"
#include "sim/resourcequery.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QUrlQuery>

namespace ascend::sim {

struct OperationSpec;
struct Record;
class SpecCatalog;
class Store;

class DocumentBuilder {
public:
    // operation may be null (then included to-many relationships are capped at DefaultIncludeLimit).
    DocumentBuilder(const Store &store, const SpecCatalog &catalog, const OperationSpec *operation,
                    const ResourceQuery &query, QString baseUrl);

    static constexpr int DefaultIncludeLimit = 50;

    // {"data": {...}, "included": [...], "links": {"self": ...}}
    QJsonObject single(const Record &record, const QString &selfTarget) const;
    // {"data": [...], "included": [...], "links": {"self", "next"}, "meta": {"paging": {...}}}
    // path and query are the request's; next keeps every parameter and sets cursor.
    QJsonObject list(const Page &page, const QString &selfTarget, const QString &path,
                     const QUrlQuery &query) const;

    QJsonObject resourceObject(const Record &record, bool primary) const;
    QString resourceUrl(const Record &record) const;

private:
    int includeLimit(const QString &relationship) const;
    QStringList includedIds(const Record &record, const QString &relationship, bool toMany) const;
    QJsonArray included(const QList<const Record *> &primaries) const;

    const Store &m_store;
    const SpecCatalog &m_catalog;
    const OperationSpec *m_operation;
    const ResourceQuery &m_query;
    QString m_baseUrl;
};

} // namespace ascend::sim

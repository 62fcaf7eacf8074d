#include "sim/documentbuilder.h"

#include "sim/cursor.h"
#include "sim/speccatalog.h"
#include "sim/store.h"

#include <QUrl>

namespace ascend::sim {

DocumentBuilder::DocumentBuilder(const Store &store, const SpecCatalog &catalog,
                                 const OperationSpec *operation, const ResourceQuery &query, QString baseUrl)
    : m_store(store)
    , m_catalog(catalog)
    , m_operation(operation)
    , m_query(query)
    , m_baseUrl(std::move(baseUrl))
{}

QString DocumentBuilder::resourceUrl(const Record &record) const
{
    return m_baseUrl + QStringLiteral("/v1/") + record.type + QLatin1Char('/') + record.id;
}

int DocumentBuilder::includeLimit(const QString &relationship) const
{
    const auto explicitLimit = m_query.includeLimits.constFind(relationship);
    if (explicitLimit != m_query.includeLimits.constEnd())
        return explicitLimit.value();
    if (m_operation) {
        if (const ParameterSpec *spec = m_operation->parameter(QStringLiteral("limit[%1]").arg(relationship));
            spec && spec->maximum > 0) {
            return spec->maximum;
        }
    }
    return DefaultIncludeLimit;
}

QStringList DocumentBuilder::includedIds(const Record &record, const QString &relationship, bool toMany) const
{
    QStringList ids = m_store.relatedIds(record, relationship);
    if (toMany)
        return ids.mid(0, includeLimit(relationship));
    return ids.mid(0, 1);
}

QJsonObject DocumentBuilder::resourceObject(const Record &record, bool primary) const
{
    const ResourceSpec *spec = m_catalog.resource(record.type);
    QJsonObject object{{QStringLiteral("type"), record.type}, {QStringLiteral("id"), record.id}};
    const QString self = resourceUrl(record);

    QJsonObject attributes;
    QJsonObject relationships;
    if (spec) {
        for (const AttributeSpec &attribute : spec->attributes) {
            if (!m_query.wantsField(record.type, attribute.name))
                continue;
            const QJsonValue value = record.attributes.value(attribute.name);
            if (value.isUndefined() || (value.isNull() && !attribute.nullable))
                continue;
            attributes.insert(attribute.name, value);
        }
        for (const RelationshipSpec &relationship : spec->relationships) {
            if (!m_query.wantsField(record.type, relationship.name))
                continue;
            QJsonObject entry;
            if (relationship.hasLinks) {
                entry.insert(
                    QStringLiteral("links"),
                    QJsonObject{{QStringLiteral("self"),
                                 self + QStringLiteral("/relationships/") + relationship.name},
                                {QStringLiteral("related"), self + QLatin1Char('/') + relationship.name}});
            }
            if (primary && relationship.hasData && m_query.include.contains(relationship.name)) {
                const QStringList ids = includedIds(record, relationship.name, relationship.toMany);
                if (relationship.toMany) {
                    QJsonArray data;
                    for (const QString &id : ids)
                        data.append(QJsonObject{{QStringLiteral("type"), relationship.targetType},
                                                {QStringLiteral("id"), id}});
                    entry.insert(QStringLiteral("data"), data);
                    if (relationship.hasMeta) {
                        const qsizetype total = m_store.relatedIds(record, relationship.name).size();
                        entry.insert(QStringLiteral("meta"),
                                     QJsonObject{{QStringLiteral("paging"),
                                                  QJsonObject{{QStringLiteral("total"), qint64(total)},
                                                              {QStringLiteral("limit"),
                                                               includeLimit(relationship.name)}}}});
                    }
                } else if (!ids.isEmpty()) {
                    // The spec gives to-one data no null form, so an empty to-one relationship has no data.
                    entry.insert(QStringLiteral("data"),
                                 QJsonObject{{QStringLiteral("type"), relationship.targetType},
                                             {QStringLiteral("id"), ids.first()}});
                }
            }
            if (!entry.isEmpty())
                relationships.insert(relationship.name, entry);
        }
    }
    if (!attributes.isEmpty())
        object.insert(QStringLiteral("attributes"), attributes);
    if (!relationships.isEmpty())
        object.insert(QStringLiteral("relationships"), relationships);
    object.insert(QStringLiteral("links"), QJsonObject{{QStringLiteral("self"), self}});
    return object;
}

QJsonArray DocumentBuilder::included(const QList<const Record *> &primaries) const
{
    QJsonArray out;
    if (m_query.include.isEmpty())
        return out;
    QSet<QString> seen;
    for (const Record *primary : primaries)
        seen.insert(primary->type + QLatin1Char('/') + primary->id);
    for (const Record *primary : primaries) {
        const ResourceSpec *spec = m_catalog.resource(primary->type);
        if (!spec)
            continue;
        for (const QString &name : m_query.include) {
            const RelationshipSpec *relationship = spec->relationship(name);
            if (!relationship || relationship->targetType.isEmpty())
                continue;
            for (const QString &id : includedIds(*primary, name, relationship->toMany)) {
                const QString key = relationship->targetType + QLatin1Char('/') + id;
                if (seen.contains(key))
                    continue;
                if (const Record *target = m_store.find(relationship->targetType, id)) {
                    seen.insert(key);
                    out.append(resourceObject(*target, false));
                }
            }
        }
    }
    return out;
}

QJsonObject DocumentBuilder::single(const Record &record, const QString &selfTarget) const
{
    QJsonObject document{{QStringLiteral("data"), resourceObject(record, true)}};
    const QJsonArray includedResources = included({&record});
    if (!m_query.include.isEmpty())
        document.insert(QStringLiteral("included"), includedResources);
    document.insert(QStringLiteral("links"), QJsonObject{{QStringLiteral("self"), m_baseUrl + selfTarget}});
    return document;
}

QJsonObject DocumentBuilder::list(const Page &page, const QString &selfTarget, const QString &path,
                                  const QUrlQuery &query) const
{
    QJsonArray data;
    for (const Record *record : page.records)
        data.append(resourceObject(*record, true));
    QJsonObject document{{QStringLiteral("data"), data}};
    if (!m_query.include.isEmpty())
        document.insert(QStringLiteral("included"), included(page.records));

    QJsonObject links{{QStringLiteral("self"), m_baseUrl + selfTarget}};
    QJsonObject paging{{QStringLiteral("total"), qint64(page.total)}, {QStringLiteral("limit"), page.limit}};
    if (page.nextOffset) {
        const QString cursor = encodeCursor(*page.nextOffset);
        // QUrlQuery reads '%' in what it is given as an escape, so literal ones are escaped again.
        const auto escape = [](QString text) { return text.replace(QLatin1Char('%'), QLatin1String("%25")); };
        QUrlQuery nextQuery;
        for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
            if (name != QLatin1String("cursor"))
                nextQuery.addQueryItem(escape(name), escape(value));
        }
        nextQuery.addQueryItem(QStringLiteral("cursor"), cursor);
        QUrl next(m_baseUrl);
        next.setPath(path);
        next.setQuery(nextQuery);
        links.insert(QStringLiteral("next"), next.toString(QUrl::FullyEncoded));
        paging.insert(QStringLiteral("nextCursor"), cursor);
    }
    document.insert(QStringLiteral("links"), links);
    document.insert(QStringLiteral("meta"), QJsonObject{{QStringLiteral("paging"), paging}});
    return document;
}

} // namespace ascend::sim

#include "sim/store.h"

#include <QJsonArray>

namespace ascend::sim {

void Store::defineRelationship(const QString &type, const QString &name, const QString &targetType,
                               bool toMany)
{
    m_relations.insert(key(type, name), Relation{targetType, toMany, {}, {}});
}

void Store::defineInverse(const QString &type, const QString &name, const QString &sourceType,
                          const QString &sourceRelationship)
{
    m_relations.insert(key(type, name), Relation{sourceType, true, sourceType, sourceRelationship});
}

void Store::put(Record record)
{
    Collection &collection = m_collections[record.type];
    const auto existing = collection.index.constFind(record.id);
    if (existing != collection.index.constEnd()) {
        collection.records[existing.value()] = std::move(record);
    } else {
        collection.index.insert(record.id, collection.records.size());
        collection.records.append(std::move(record));
    }
    ++m_revision;
}

bool Store::remove(const QString &type, const QString &id)
{
    auto collection = m_collections.find(type);
    if (collection == m_collections.end())
        return false;
    const auto position = collection->index.constFind(id);
    if (position == collection->index.constEnd())
        return false;
    collection->records.removeAt(position.value());
    collection->index.clear();
    for (qsizetype i = 0; i < collection->records.size(); ++i)
        collection->index.insert(collection->records.at(i).id, i);
    ++m_revision;
    return true;
}

void Store::clear()
{
    m_collections.clear();
    ++m_revision;
}

const Record *Store::find(const QString &type, const QString &id) const
{
    const auto collection = m_collections.constFind(type);
    if (collection == m_collections.constEnd())
        return nullptr;
    const auto position = collection->index.constFind(id);
    return position == collection->index.constEnd() ? nullptr : &collection->records.at(position.value());
}

QList<const Record *> Store::all(const QString &type) const
{
    QList<const Record *> out;
    const auto collection = m_collections.constFind(type);
    if (collection == m_collections.constEnd())
        return out;
    out.reserve(collection->records.size());
    for (const Record &record : collection->records)
        out.append(&record);
    return out;
}

qsizetype Store::count(const QString &type) const
{
    const auto collection = m_collections.constFind(type);
    return collection == m_collections.constEnd() ? 0 : collection->records.size();
}

QStringList Store::types() const
{
    QStringList out = m_collections.keys();
    out.sort();
    return out;
}

bool Store::isKnownRelationship(const QString &type, const QString &name) const
{
    return m_relations.contains(key(type, name));
}

QString Store::relatedType(const QString &type, const QString &name) const
{
    return m_relations.value(key(type, name)).targetType;
}

const Store::InverseIndex &Store::inverseIndex(const QString &sourceType,
                                               const QString &sourceRelationship) const
{
    if (m_indexedRevision != m_revision) {
        m_inverseIndexes.clear();
        m_indexedRevision = m_revision;
    }
    const QString indexKey = key(sourceType, sourceRelationship);
    auto it = m_inverseIndexes.find(indexKey);
    if (it != m_inverseIndexes.end())
        return it.value();
    InverseIndex index;
    const auto collection = m_collections.constFind(sourceType);
    if (collection != m_collections.constEnd()) {
        for (const Record &source : collection->records) {
            for (const QString &targetId : source.relationships.value(sourceRelationship))
                index[targetId].append(source.id);
        }
    }
    return m_inverseIndexes.insert(indexKey, index).value();
}

QStringList Store::relatedIds(const Record &record, const QString &name) const
{
    const auto relation = m_relations.constFind(key(record.type, name));
    if (relation == m_relations.constEnd())
        return {};
    if (relation->inverseOfType.isEmpty())
        return record.relationships.value(name);
    return inverseIndex(relation->inverseOfType, relation->inverseOfName).value(record.id);
}

QList<const Record *> Store::related(const Record &record, const QString &name) const
{
    QList<const Record *> out;
    const QString type = relatedType(record.type, name);
    for (const QString &id : relatedIds(record, name)) {
        if (const Record *target = find(type, id))
            out.append(target);
    }
    return out;
}

QJsonObject Store::toJson() const
{
    QJsonObject collections;
    for (auto it = m_collections.constBegin(); it != m_collections.constEnd(); ++it) {
        QJsonArray records;
        for (const Record &record : it->records) {
            QJsonObject relationships;
            for (auto rel = record.relationships.constBegin(); rel != record.relationships.constEnd(); ++rel)
                relationships.insert(rel.key(), QJsonArray::fromStringList(rel.value()));
            records.append(QJsonObject{{QStringLiteral("id"), record.id},
                                       {QStringLiteral("attributes"), record.attributes},
                                       {QStringLiteral("relationships"), relationships}});
        }
        collections.insert(it.key(), records);
    }
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("ascend-sim-store")},
                       {QStringLiteral("version"), 1},
                       {QStringLiteral("collections"), collections}};
}

bool Store::loadJson(const QJsonObject &document, QString *error)
{
    if (document.value(QLatin1String("format")).toString() != QLatin1String("ascend-sim-store") ||
        document.value(QLatin1String("version")).toInt() != 1) {
        if (error)
            *error = QStringLiteral("not an ascend-sim store (format/version mismatch)");
        return false;
    }
    QHash<QString, Collection> loaded;
    const QJsonObject collections = document.value(QLatin1String("collections")).toObject();
    for (auto it = collections.constBegin(); it != collections.constEnd(); ++it) {
        Collection &collection = loaded[it.key()];
        for (const QJsonValue &value : it.value().toArray()) {
            const QJsonObject object = value.toObject();
            Record record;
            record.type = it.key();
            record.id = object.value(QLatin1String("id")).toString();
            if (record.id.isEmpty() || collection.index.contains(record.id)) {
                if (error)
                    *error =
                        QStringLiteral("a record of type %1 has a missing or duplicate id").arg(it.key());
                return false;
            }
            record.attributes = object.value(QLatin1String("attributes")).toObject();
            const QJsonObject relationships = object.value(QLatin1String("relationships")).toObject();
            for (auto rel = relationships.constBegin(); rel != relationships.constEnd(); ++rel) {
                QStringList ids;
                for (const QJsonValue &id : rel.value().toArray())
                    ids << id.toString();
                record.relationships.insert(rel.key(), ids);
            }
            collection.index.insert(record.id, collection.records.size());
            collection.records.append(record);
        }
    }
    m_collections = loaded;
    ++m_revision;
    return true;
}

} // namespace ascend::sim

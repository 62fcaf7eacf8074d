#include "sim/queryengine.h"

#include "sim/relations.h"
#include "sim/store.h"

#include <algorithm>

namespace ascend::sim {

QueryEngine::QueryEngine(const Store &store)
    : m_store(store)
{}

QString QueryEngine::filterText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number == static_cast<double>(static_cast<qint64>(number)))
            return QString::number(static_cast<qint64>(number));
        return QString::number(number);
    }
    case QJsonValue::String:
        return value.toString();
    default:
        return {};
    }
}

bool QueryEngine::matches(const Record &record, const FilterTerm &term) const
{
    switch (term.kind) {
    case FilterTerm::Kind::Id:
        return term.values.contains(record.id);
    case FilterTerm::Kind::Attribute: {
        const QJsonValue value = record.attributes.value(term.attribute);
        return !value.isUndefined() && !value.isNull() && term.values.contains(filterText(value));
    }
    case FilterTerm::Kind::Relationship: {
        const QStringList ids = m_store.relatedIds(record, term.relationship);
        return std::any_of(ids.cbegin(), ids.cend(),
                           [&](const QString &id) { return term.values.contains(id); });
    }
    case FilterTerm::Kind::RelatedAttribute: {
        const auto related = m_store.related(record, term.relationship);
        return std::any_of(related.cbegin(), related.cend(), [&](const Record *target) {
            // filter[build.preReleaseVersion]: a relationship of the related record, matched by id.
            if (m_store.isKnownRelationship(target->type, term.attribute)) {
                const QStringList ids = m_store.relatedIds(*target, term.attribute);
                return std::any_of(ids.cbegin(), ids.cend(),
                                   [&](const QString &id) { return term.values.contains(id); });
            }
            const QJsonValue value = term.attribute == QLatin1String("id")
                                         ? QJsonValue(target->id)
                                         : target->attributes.value(term.attribute);
            return !value.isUndefined() && !value.isNull() && term.values.contains(filterText(value));
        });
    }
    case FilterTerm::Kind::Exists: {
        bool present = false;
        if (m_store.isKnownRelationship(record.type, term.attribute)) {
            present = !m_store.relatedIds(record, term.attribute).isEmpty();
        } else {
            const QJsonValue value = record.attributes.value(term.attribute);
            present = !value.isUndefined() && !value.isNull();
        }
        return present == term.exists;
    }
    }
    return false;
}

QList<const Record *> QueryEngine::filter(const QList<const Record *> &records,
                                          const QList<FilterTerm> &filters) const
{
    if (filters.isEmpty())
        return records;
    QList<const Record *> out;
    for (const Record *record : records) {
        const bool all = std::all_of(filters.cbegin(), filters.cend(),
                                     [&](const FilterTerm &term) { return matches(*record, term); });
        if (all)
            out.append(record);
    }
    return out;
}

int QueryEngine::naturalCompare(QStringView a, QStringView b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a.at(i).isDigit() && b.at(j).isDigit()) {
            qsizetype endA = i;
            qsizetype endB = j;
            while (endA < a.size() && a.at(endA).isDigit())
                ++endA;
            while (endB < b.size() && b.at(endB).isDigit())
                ++endB;
            // Compare digit runs by value: strip leading zeros, then length, then digits.
            qsizetype startA = i;
            qsizetype startB = j;
            while (startA + 1 < endA && a.at(startA) == QLatin1Char('0'))
                ++startA;
            while (startB + 1 < endB && b.at(startB) == QLatin1Char('0'))
                ++startB;
            const qsizetype lengthA = endA - startA;
            const qsizetype lengthB = endB - startB;
            if (lengthA != lengthB)
                return lengthA < lengthB ? -1 : 1;
            const int digits = a.sliced(startA, lengthA).compare(b.sliced(startB, lengthB));
            if (digits != 0)
                return digits < 0 ? -1 : 1;
            i = endA;
            j = endB;
            continue;
        }
        if (a.at(i) != b.at(j))
            return a.at(i) < b.at(j) ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size())
        return 1;
    if (j < b.size())
        return -1;
    return 0;
}

int QueryEngine::compareValues(const QJsonValue &a, const QJsonValue &b)
{
    const bool missingA = a.isNull() || a.isUndefined();
    const bool missingB = b.isNull() || b.isUndefined();
    if (missingA || missingB)
        return missingA == missingB ? 0 : (missingA ? 1 : -1);
    if (a.isDouble() && b.isDouble()) {
        const double x = a.toDouble();
        const double y = b.toDouble();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (a.isBool() && b.isBool())
        return int(a.toBool()) - int(b.toBool());
    return naturalCompare(filterText(a), filterText(b));
}

QJsonValue QueryEngine::sortValue(const Record &record, const QString &key) const
{
    if (key == QLatin1String("id"))
        return record.id;
    if (m_store.isKnownRelationship(record.type, key)) {
        const auto related = m_store.related(record, key);
        if (related.isEmpty())
            return QJsonValue::Null;
        const QString attribute = sortAttributeOf(related.first()->type);
        return attribute.isEmpty() ? QJsonValue(related.first()->id)
                                   : related.first()->attributes.value(attribute);
    }
    return record.attributes.value(key);
}

void QueryEngine::sort(QList<const Record *> &records, const QList<SortTerm> &sort) const
{
    if (sort.isEmpty())
        return;
    // Precompute keys so relationship lookups happen once per record, not once per comparison.
    struct Keyed {
        const Record *record;
        QList<QJsonValue> keys;
    };
    QList<Keyed> keyed;
    keyed.reserve(records.size());
    for (const Record *record : records) {
        Keyed entry{record, {}};
        for (const SortTerm &term : sort)
            entry.keys.append(sortValue(*record, term.key));
        keyed.append(entry);
    }
    std::stable_sort(keyed.begin(), keyed.end(), [&](const Keyed &x, const Keyed &y) {
        for (qsizetype i = 0; i < sort.size(); ++i) {
            int order = compareValues(x.keys.at(i), y.keys.at(i));
            const bool missing = x.keys.at(i).isNull() || x.keys.at(i).isUndefined() ||
                                 y.keys.at(i).isNull() || y.keys.at(i).isUndefined();
            if (sort.at(i).descending && !missing)
                order = -order; // missing values stay last in both directions
            if (order != 0)
                return order < 0;
        }
        return false;
    });
    for (qsizetype i = 0; i < keyed.size(); ++i)
        records[i] = keyed.at(i).record;
}

Page QueryEngine::select(const QList<const Record *> &candidates, const ResourceQuery &query) const
{
    QList<const Record *> matching = filter(candidates, query.filters);
    sort(matching, query.sort);
    Page page;
    page.total = matching.size();
    page.offset = std::min(query.offset, page.total);
    page.limit = query.limit;
    page.records = matching.mid(page.offset, query.limit);
    const qsizetype end = page.offset + page.records.size();
    if (end < page.total)
        page.nextOffset = end;
    return page;
}

} // namespace ascend::sim

#pragma once
// Applies a ResourceQuery to records from the Store: filters, sort order and one page of results.

#include "sim/resourcequery.h"

#include <QJsonValue>
#include <QList>
#include <optional>

namespace ascend::sim {

struct Record;
class Store;

struct Page {
    QList<const Record *> records;
    qsizetype total = 0;  // matching records over all pages
    qsizetype offset = 0; // position of the first record of this page
    int limit = 0;
    std::optional<qsizetype> nextOffset; // set when there is a next page
};

class QueryEngine {
public:
    explicit QueryEngine(const Store &store);

    bool matches(const Record &record, const FilterTerm &term) const;
    QList<const Record *> filter(const QList<const Record *> &records,
                                 const QList<FilterTerm> &filters) const;
    // Stable: records that compare equal keep their stored order, so pages never overlap.
    void sort(QList<const Record *> &records, const QList<SortTerm> &sort) const;
    Page select(const QList<const Record *> &candidates, const ResourceQuery &query) const;

    // Digit runs compare as numbers ("1.10" after "1.9"); everything else by code point.
    static int naturalCompare(QStringView a, QStringView b);
    // Missing/null values sort after present ones.
    static int compareValues(const QJsonValue &a, const QJsonValue &b);
    // How a stored attribute value reads in a filter: true → "true", 3 → "3".
    static QString filterText(const QJsonValue &value);

private:
    QJsonValue sortValue(const Record &record, const QString &key) const;

    const Store &m_store;
};

} // namespace ascend::sim

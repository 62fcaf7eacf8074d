#include "models/feedbackfiltermodel.h"

#include "models/feedbackmodel.h"

#include <algorithm>
#include <bit>

namespace ascend::models {

using api::FeedbackKind;
using api::FeedbackSubmission;

const QString FeedbackFilterModel::Unread = QStringLiteral("unread");
const QString FeedbackFilterModel::Read = QStringLiteral("read");
const QString FeedbackFilterModel::Triaged = QStringLiteral("triaged");
const QString FeedbackFilterModel::Untriaged = QStringLiteral("untriaged");

namespace {
constexpr int kCountsDelayMs = 80;
// While pages keep arriving the counts are redone at most this often (each pass reads every row).
constexpr int kCountsDelayWhileGrowingMs = 400;

// "17.10" after "17.9", "120" after "99": runs of digits compare as numbers, the rest case-insensitively.
int naturalCompare(const QString &a, const QString &b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a.at(i).isDigit() && b.at(j).isDigit()) {
            qsizetype ei = i;
            qsizetype ej = j;
            while (ei < a.size() && a.at(ei).isDigit())
                ++ei;
            while (ej < b.size() && b.at(ej).isDigit())
                ++ej;
            const qulonglong x = a.mid(i, ei - i).toULongLong();
            const qulonglong y = b.mid(j, ej - j).toULongLong();
            if (x != y)
                return x < y ? -1 : 1;
            i = ei;
            j = ej;
            continue;
        }
        const QChar x = a.at(i).toCaseFolded();
        const QChar y = b.at(j).toCaseFolded();
        if (x != y)
            return x < y ? -1 : 1;
        ++i;
        ++j;
    }
    return (a.size() - i) < (b.size() - j) ? -1 : ((a.size() - i) > (b.size() - j) ? 1 : 0);
}

QString platformLabel(const QString &value)
{
    if (value == QLatin1String("IOS"))
        return QStringLiteral("iOS");
    if (value == QLatin1String("MAC_OS"))
        return QStringLiteral("macOS");
    if (value == QLatin1String("TV_OS"))
        return QStringLiteral("tvOS");
    if (value == QLatin1String("VISION_OS"))
        return QStringLiteral("visionOS");
    return value;
}
} // namespace

FeedbackFilterModel::FeedbackFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(FeedbackModel::RawDataRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    m_countsTimer.setSingleShot(true);
    m_countsTimer.setInterval(kCountsDelayMs);
    connect(&m_countsTimer, &QTimer::timeout, this, &FeedbackFilterModel::countsChanged);
}

void FeedbackFilterModel::setSourceModel(QAbstractItemModel *source)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = qobject_cast<FeedbackModel *>(source);
    Q_ASSERT_X(!source || m_model, "FeedbackFilterModel", "the source must be a FeedbackModel");
    QSortFilterProxyModel::setSourceModel(m_model);
    if (m_model) {
        connect(m_model, &QAbstractItemModel::rowsInserted, this,
                [this] { scheduleCounts(kCountsDelayWhileGrowingMs); });
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] { scheduleCounts(); });
        connect(m_model, &QAbstractItemModel::modelReset, this, [this] { scheduleCounts(); });
        connect(m_model, &QAbstractItemModel::dataChanged, this, [this] { scheduleCounts(); });
    }
    scheduleCounts();
}

void FeedbackFilterModel::setFacet(Facet facet, const QString &value)
{
    if (m_facets.at(facet) == value)
        return;
    m_facets[facet] = value;
    if (facet == StateFacet)
        m_pinned.clear(); // a new state filter starts a fresh view
    refilter();
}

void FeedbackFilterModel::setDateRange(const QDate &from, const QDate &to)
{
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    refilter();
}

void FeedbackFilterModel::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    m_words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    refilter();
}

void FeedbackFilterModel::clearFilters()
{
    m_facets = {};
    m_from = QDate();
    m_to = QDate();
    m_search.clear();
    m_words.clear();
    refilter();
}

bool FeedbackFilterModel::hasFilters() const
{
    return std::any_of(m_facets.cbegin(), m_facets.cend(), [](const QString &v) { return !v.isEmpty(); }) ||
           m_from.isValid() || m_to.isValid() || !m_words.isEmpty();
}

void FeedbackFilterModel::setPinnedId(const QString &id)
{
    if (id == m_pinned)
        return;
    const QString previous = m_pinned;
    m_pinned = id;
    // Only matters when a state filter is active; then the previously pinned row may have to go.
    if (!m_facets.at(StateFacet).isEmpty() && !previous.isEmpty())
        refilter();
}

void FeedbackFilterModel::refilter()
{
    invalidateRowsFilter();
    scheduleCounts();
    emit filtersChanged();
}

void FeedbackFilterModel::scheduleCounts(int delayMs)
{
    m_countsDirty = true;
    if (!m_countsTimer.isActive()) {
        m_countsTimer.start(delayMs);
    } else if (delayMs < m_countsTimer.remainingTime()) {
        m_countsTimer.start(delayMs); // a filter change is answered quickly even while pages arrive
    }
}

QStringList FeedbackFilterModel::valuesOf(Facet facet, const FeedbackSubmission &item) const
{
    switch (facet) {
    case KindFacet:
        return {api::feedbackKindName(item.kind)};
    case BuildFacet:
        return {item.buildId};
    case DeviceFacet:
        return {item.deviceModel};
    case OsFacet:
        return {item.osVersion};
    case PlatformFacet:
        return {FeedbackModel::platformOf(item)};
    case TesterFacet:
        return {item.testerId.isEmpty() ? item.email : item.testerId};
    case StateFacet:
        return {m_model->isRead(item.id) ? Read : Unread, m_model->isTriaged(item.id) ? Triaged : Untriaged};
    case FacetCount:
        break;
    }
    return {};
}

bool FeedbackFilterModel::passesFixed(const FeedbackSubmission &item) const
{
    if (m_from.isValid() || m_to.isValid()) {
        const QDate day = item.createdDate.toLocalTime().date();
        if ((m_from.isValid() && day < m_from) || (m_to.isValid() && day > m_to))
            return false;
    }
    for (const QString &word : m_words)
        if (!item.comment.contains(word, Qt::CaseInsensitive))
            return false;
    return true;
}

unsigned FeedbackFilterModel::failingFacets(const FeedbackSubmission &item) const
{
    unsigned mask = 0;
    for (int facet = 0; facet < FacetCount; ++facet) {
        const QString &wanted = m_facets.at(facet);
        if (wanted.isEmpty())
            continue;
        if (facet == StateFacet && !m_pinned.isEmpty() && item.id == m_pinned)
            continue;
        if (!valuesOf(Facet(facet), item).contains(wanted))
            mask |= 1u << facet;
    }
    return mask;
}

bool FeedbackFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_model)
        return false;
    const FeedbackSubmission *item = m_model->submission(sourceRow);
    return item && passesFixed(*item) && failingFacets(*item) == 0;
}

bool FeedbackFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    const QPartialOrdering order = QVariant::compare(a, b);
    if (order == QPartialOrdering::Less)
        return true;
    if (order == QPartialOrdering::Greater)
        return false;
    if (a.typeId() == QMetaType::QString && b.typeId() == QMetaType::QString && a != b)
        return a.toString().compare(b.toString(), Qt::CaseInsensitive) < 0;
    // Equal keys keep the inbox order (newest first).
    return left.row() > right.row();
}

void FeedbackFilterModel::computeCounts() const
{
    if (!m_countsDirty)
        return;
    m_countsDirty = false;
    for (auto &counts : m_counts)
        counts.clear();
    for (auto &labels : m_labels)
        labels.clear();
    if (!m_model)
        return;
    auto add = [this](int facet, const FeedbackSubmission &item) {
        for (const QString &value : valuesOf(Facet(facet), item)) {
            if (value.isEmpty())
                continue;
            auto it = m_counts[facet].find(value);
            if (it == m_counts[facet].end()) {
                m_counts[facet].insert(value, 1);
                if (!m_labels[facet].contains(value))
                    m_labels[facet].insert(value, facetLabel(Facet(facet), value, &item));
            } else {
                ++*it;
            }
        }
    };
    for (const FeedbackSubmission &item : m_model->items()) {
        if (!passesFixed(item))
            continue;
        const unsigned mask = failingFacets(item);
        if (mask == 0) {
            for (int facet = 0; facet < FacetCount; ++facet)
                add(facet, item);
        } else if ((mask & (mask - 1)) == 0) {
            // Fails exactly one facet: it would show if that facet's value were its own.
            add(std::countr_zero(mask), item);
        }
    }
    // Values filtered away by another facet still belong in the lists (with 0).
    for (const FeedbackSubmission &item : m_model->items())
        for (int facet = 0; facet < FacetCount; ++facet)
            for (const QString &value : valuesOf(Facet(facet), item))
                if (!value.isEmpty() && !m_counts[facet].contains(value)) {
                    m_counts[facet].insert(value, 0);
                    if (!m_labels[facet].contains(value))
                        m_labels[facet].insert(value, facetLabel(Facet(facet), value, &item));
                }
}

QString FeedbackFilterModel::facetLabel(Facet facet, const QString &value, const FeedbackSubmission *sample)
{
    switch (facet) {
    case KindFacet:
        return value == api::feedbackKindName(FeedbackKind::Crash) ? tr("Crash") : tr("Screenshot");
    case BuildFacet:
        return sample && !sample->buildVersion.isEmpty() ? sample->buildVersion : value;
    case PlatformFacet:
        return platformLabel(value);
    case TesterFacet:
        return sample ? sample->testerDisplayName() : value;
    case StateFacet:
        if (value == Unread)
            return tr("Unread");
        if (value == Read)
            return tr("Read");
        if (value == Triaged)
            return tr("Triaged");
        return tr("Not triaged");
    case DeviceFacet:
    case OsFacet:
    case FacetCount:
        break;
    }
    return value;
}

QList<FeedbackFilterModel::FacetValue> FeedbackFilterModel::facetValues(Facet facet) const
{
    computeCounts();
    QList<FacetValue> values;
    const auto &counts = m_counts.at(facet);
    values.reserve(counts.size());
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        values.append({it.key(), m_labels.at(facet).value(it.key(), it.key()), it.value()});
    const QString &current = m_facets.at(facet);
    if (!current.isEmpty() && !counts.contains(current))
        values.append({current, facetLabel(facet, current, nullptr), 0});

    switch (facet) {
    case BuildFacet:
    case OsFacet:
        // Newest first: build "120" before "99", OS "17.10" before "17.9".
        std::sort(values.begin(), values.end(), [](const FacetValue &a, const FacetValue &b) {
            return naturalCompare(a.label, b.label) > 0;
        });
        break;
    case KindFacet:
    case StateFacet: {
        const QStringList order = {api::feedbackKindName(FeedbackKind::Screenshot),
                                   api::feedbackKindName(FeedbackKind::Crash),
                                   Unread,
                                   Read,
                                   Triaged,
                                   Untriaged};
        std::sort(values.begin(), values.end(), [&order](const FacetValue &a, const FacetValue &b) {
            return order.indexOf(a.value) < order.indexOf(b.value);
        });
        break;
    }
    default:
        std::sort(values.begin(), values.end(), [](const FacetValue &a, const FacetValue &b) {
            return naturalCompare(a.label, b.label) < 0;
        });
    }
    return values;
}

int FeedbackFilterModel::facetCount(Facet facet, const QString &value) const
{
    computeCounts();
    return m_counts.at(facet).value(value, 0);
}

int FeedbackFilterModel::totalCount() const
{
    return m_model ? m_model->rowCount() : 0;
}

const FeedbackSubmission *FeedbackFilterModel::submission(const QModelIndex &proxyIndex) const
{
    if (!m_model || !proxyIndex.isValid() || proxyIndex.model() != this)
        return nullptr;
    return m_model->submission(mapToSource(proxyIndex).row());
}

QModelIndex FeedbackFilterModel::indexOfId(const QString &id, int column) const
{
    if (!m_model)
        return {};
    const int row = m_model->rowOfId(id);
    if (row < 0)
        return {};
    return mapFromSource(m_model->index(row, column));
}

} // namespace ascend::models

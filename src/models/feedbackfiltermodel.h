#pragma once
// Filters the feedback inbox (a FeedbackModel) by kind, build, device model, OS version, platform, tester,
// read/triaged state, a date range and text in the comments, and counts for every filter value how many
// submissions it would show given the other filters (for combo boxes such as "iPhone15,2 (37)").
//
// The source must be a FeedbackModel: rows are read directly, which keeps filtering 10,000 rows quick.

#include "core/api/betafeedback.h"

#include <QDate>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <array>

namespace ascend::models {

class FeedbackModel;

class FeedbackFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum Facet {
        KindFacet,
        BuildFacet,
        DeviceFacet,
        OsFacet,
        PlatformFacet,
        TesterFacet,
        StateFacet,
        FacetCount
    };
    Q_ENUM(Facet)

    // Values of StateFacet; a submission has two of them (read or unread, triaged or untriaged).
    static const QString Unread;
    static const QString Read;
    static const QString Triaged;
    static const QString Untriaged;

    struct FacetValue {
        QString
            value; // what setFacet() takes: a build id, a tester id, "screenshot", "IOS", "17.2", "unread"
        QString label; // what a person reads: build version, tester name, "Screenshot", "iOS", ...
        int count = 0; // rows shown if this value were chosen, the other filters unchanged
    };

    explicit FeedbackFilterModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *source) override;
    FeedbackModel *feedbackModel() const { return m_model; }

    // An empty value means "any".
    void setFacet(Facet facet, const QString &value);
    QString facet(Facet facet) const { return m_facets.at(facet); }
    // Invalid dates leave that end open; both ends are inclusive days in local time.
    void setDateRange(const QDate &from, const QDate &to);
    QDate dateFrom() const { return m_from; }
    QDate dateTo() const { return m_to; }
    // Words that must all appear in the comment (case-insensitive).
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    void clearFilters();
    bool hasFilters() const;

    // A submission that stays visible whatever its read/triaged state (the one being read, so marking it
    // read does not pull it away under "Unread"). Empty for none; choosing another state filter clears it.
    void setPinnedId(const QString &id);

    // Values present in the inbox with their counts: builds newest first, OS versions highest first, the
    // rest by label. Values whose count is 0 are listed too when they are the current choice.
    QList<FacetValue> facetValues(Facet facet) const;
    int facetCount(Facet facet, const QString &value) const;
    // Rows in the source, and rows passing the filters.
    int totalCount() const;
    int shownCount() const { return rowCount(); }

    const api::FeedbackSubmission *submission(const QModelIndex &proxyIndex) const;
    QModelIndex indexOfId(const QString &id, int column = 0) const;

    static QString facetLabel(Facet facet, const QString &value, const api::FeedbackSubmission *sample);

signals:
    // The counts changed (at most once per event-loop turn).
    void countsChanged();
    void filtersChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    // Bit f set: the row fails facet f. Rows failing the date range or the text never count anywhere.
    bool passesFixed(const api::FeedbackSubmission &item) const;
    unsigned failingFacets(const api::FeedbackSubmission &item) const;
    QStringList valuesOf(Facet facet, const api::FeedbackSubmission &item) const;
    void refilter();
    void scheduleCounts(int delayMs = 80);
    void computeCounts() const;

    FeedbackModel *m_model = nullptr;
    std::array<QString, FacetCount> m_facets;
    QDate m_from;
    QDate m_to;
    QString m_search;
    QStringList m_words;
    QString m_pinned;
    QTimer m_countsTimer;
    mutable bool m_countsDirty = true;
    mutable std::array<QHash<QString, int>, FacetCount> m_counts;
    mutable std::array<QHash<QString, QString>, FacetCount> m_labels;
};

} // namespace ascend::models

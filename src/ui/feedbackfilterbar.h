#pragma once
// The filter bar above the feedback views: search over comments, a combo box per filter (kind, state, build,
// device, OS, platform, tester) listing each value with how many submissions it would show, and a date
// range. It drives a FeedbackFilterModel and follows its counts.

#include "models/feedbackfiltermodel.h"

#include <QWidget>
#include <array>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace ascend::ui {

class FeedbackFilterBar : public QWidget {
    Q_OBJECT
public:
    explicit FeedbackFilterBar(models::FeedbackFilterModel *filter, QWidget *parent = nullptr);

    QComboBox *combo(models::FeedbackFilterModel::Facet facet) const { return m_combos.at(facet); }
    QLineEdit *searchField() const { return m_search; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QPushButton *clearButton() const { return m_clear; }

    // Chooses a value as if picked in the combo box (tests, keyboard shortcuts).
    bool selectValue(models::FeedbackFilterModel::Facet facet, const QString &value);
    // Rebuilds the combo boxes from the filter's current counts.
    void refreshCounts();
    void focusSearch();

private:
    void onDateChanged();
    void updateClearButton();
    static QString anyLabel(models::FeedbackFilterModel::Facet facet, int count);

    models::FeedbackFilterModel *m_filter;
    std::array<QComboBox *, models::FeedbackFilterModel::FacetCount> m_combos{};
    QLineEdit *m_search;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QPushButton *m_clear;
    QTimer *m_searchDelay;
};

} // namespace ascend::ui

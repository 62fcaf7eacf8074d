#include "ui/feedbackfilterbar.h"

#include "ui/theme.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTimer>
#include <QVBoxLayout>

namespace ascend::ui {

using models::FeedbackFilterModel;

namespace {
// The earliest date of the date edits stands for "no limit" and is shown as "Any".
const QDate kOpenEnd(2000, 1, 1);
constexpr int kSearchDelayMs = 150;
} // namespace

FeedbackFilterBar::FeedbackFilterBar(FeedbackFilterModel *filter, QWidget *parent)
    : QWidget(parent)
    , m_filter(filter)
    , m_search(new QLineEdit(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_clear(new QPushButton(tr("Clear Filters"), this))
    , m_searchDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("feedbackFilterBar"));
    m_search->setObjectName(QStringLiteral("feedbackSearch"));
    m_search->setPlaceholderText(tr("Search comments"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search feedback comments"));
    m_search->setMinimumWidth(220);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] { m_filter->setSearchText(m_search->text()); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay->stop();
        m_filter->setSearchText(m_search->text());
    });

    const QStringList names = {tr("Kind"),     tr("Build"),  tr("Device"), tr("OS version"),
                               tr("Platform"), tr("Tester"), tr("State")};
    for (int facet = 0; facet < FeedbackFilterModel::FacetCount; ++facet) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("feedbackFilter%1").arg(facet));
        combo->setAccessibleName(tr("Filter by %1").arg(names.at(facet).toLower()));
        combo->setToolTip(tr("Filter by %1").arg(names.at(facet).toLower()));
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(facet == FeedbackFilterModel::TesterFacet ? 14 : 10);
        combo->addItem(anyLabel(FeedbackFilterModel::Facet(facet), 0), QString());
        connect(combo, &QComboBox::activated, this, [this, combo, facet](int row) {
            m_filter->setFacet(FeedbackFilterModel::Facet(facet), combo->itemData(row).toString());
        });
        m_combos[facet] = combo;
    }

    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setMinimumDate(kOpenEnd);
        edit->setSpecialValueText(tr("Any"));
        edit->setDate(kOpenEnd);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
        connect(edit, &QDateEdit::dateChanged, this, &FeedbackFilterBar::onDateChanged);
    }
    m_from->setObjectName(QStringLiteral("feedbackFrom"));
    m_to->setObjectName(QStringLiteral("feedbackTo"));
    m_from->setAccessibleName(tr("Submitted on or after"));
    m_to->setAccessibleName(tr("Submitted on or before"));
    auto *fromLabel = new QLabel(tr("From"), this);
    auto *toLabel = new QLabel(tr("to"), this);
    fromLabel->setBuddy(m_from);
    toLabel->setBuddy(m_to);

    m_clear->setObjectName(QStringLiteral("feedbackClearFilters"));
    m_clear->setAutoDefault(false);
    m_clear->setAccessibleName(tr("Clear all filters"));
    connect(m_clear, &QPushButton::clicked, this, [this] {
        m_search->clear();
        m_searchDelay->stop();
        {
            const QSignalBlocker a(m_from), b(m_to);
            m_from->setDate(kOpenEnd);
            m_to->setDate(kOpenEnd);
        }
        m_filter->clearFilters();
    });

    auto *first = new QHBoxLayout;
    first->setSpacing(8);
    first->addWidget(m_search, 2);
    first->addWidget(m_combos[FeedbackFilterModel::KindFacet], 1);
    first->addWidget(m_combos[FeedbackFilterModel::StateFacet], 1);
    first->addWidget(fromLabel);
    first->addWidget(m_from);
    first->addWidget(toLabel);
    first->addWidget(m_to);
    first->addWidget(m_clear);
    auto *second = new QHBoxLayout;
    second->setSpacing(8);
    for (auto facet :
         {FeedbackFilterModel::BuildFacet, FeedbackFilterModel::DeviceFacet, FeedbackFilterModel::OsFacet,
          FeedbackFilterModel::PlatformFacet, FeedbackFilterModel::TesterFacet})
        second->addWidget(m_combos[facet], 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 10, 16, 10);
    layout->setSpacing(8);
    layout->addLayout(first);
    layout->addLayout(second);

    connect(m_filter, &FeedbackFilterModel::countsChanged, this, &FeedbackFilterBar::refreshCounts);
    connect(m_filter, &FeedbackFilterModel::filtersChanged, this, &FeedbackFilterBar::updateClearButton);
    refreshCounts();
    updateClearButton();
}

QString FeedbackFilterBar::anyLabel(FeedbackFilterModel::Facet facet, int count)
{
    const QString number = QLocale().toString(count);
    switch (facet) {
    case FeedbackFilterModel::KindFacet:
        return tr("All kinds (%1)").arg(number);
    case FeedbackFilterModel::BuildFacet:
        return tr("All builds (%1)").arg(number);
    case FeedbackFilterModel::DeviceFacet:
        return tr("All devices (%1)").arg(number);
    case FeedbackFilterModel::OsFacet:
        return tr("All OS versions (%1)").arg(number);
    case FeedbackFilterModel::PlatformFacet:
        return tr("All platforms (%1)").arg(number);
    case FeedbackFilterModel::TesterFacet:
        return tr("All testers (%1)").arg(number);
    case FeedbackFilterModel::StateFacet:
        return tr("Any state (%1)").arg(number);
    case FeedbackFilterModel::FacetCount:
        break;
    }
    return {};
}

void FeedbackFilterBar::refreshCounts()
{
    for (int facet = 0; facet < FeedbackFilterModel::FacetCount; ++facet) {
        QComboBox *combo = m_combos.at(facet);
        const auto kind = FeedbackFilterModel::Facet(facet);
        const QList<FeedbackFilterModel::FacetValue> values = m_filter->facetValues(kind);
        // "Any" counts what the other filters leave, i.e. the sum over this facet's values (for the state
        // facet, whose values overlap, the read/unread pair).
        int any = 0;
        for (const auto &value : values)
            if (kind != FeedbackFilterModel::StateFacet || value.value == FeedbackFilterModel::Read ||
                value.value == FeedbackFilterModel::Unread)
                any += value.count;
        const QString current = m_filter->facet(kind);
        const QSignalBlocker blocker(combo);
        // Rebuilding only the texts when the values are the same keeps an open popup usable.
        bool sameValues = combo->count() == values.size() + 1;
        for (int i = 0; sameValues && i < values.size(); ++i)
            sameValues = combo->itemData(i + 1).toString() == values.at(i).value;
        if (!sameValues) {
            combo->clear();
            combo->addItem(QString(), QString());
            for (const auto &value : values)
                combo->addItem(QString(), value.value);
        }
        combo->setItemText(0, anyLabel(kind, any));
        for (int i = 0; i < values.size(); ++i)
            combo->setItemText(i + 1,
                               tr("%1 (%2)").arg(values.at(i).label, QLocale().toString(values.at(i).count)));
        const int index = combo->findData(current);
        combo->setCurrentIndex(std::max(0, index));
        combo->setEnabled(values.size() > 0 || !current.isEmpty());
    }
}

bool FeedbackFilterBar::selectValue(FeedbackFilterModel::Facet facet, const QString &value)
{
    QComboBox *combo = m_combos.at(facet);
    int index = value.isEmpty() ? 0 : combo->findData(value);
    if (index < 0) {
        refreshCounts(); // the counts may be a moment behind the inbox
        index = combo->findData(value);
    }
    if (index < 0)
        return false;
    combo->setCurrentIndex(index);
    m_filter->setFacet(facet, value);
    return true;
}

void FeedbackFilterBar::onDateChanged()
{
    const QDate from = m_from->date() == kOpenEnd ? QDate() : m_from->date();
    const QDate to = m_to->date() == kOpenEnd ? QDate() : m_to->date();
    m_filter->setDateRange(from, to);
}

void FeedbackFilterBar::updateClearButton()
{
    m_clear->setEnabled(m_filter->hasFilters());
    // Follow changes made to the filter elsewhere (clearFilters(), tests), but never fight the typing.
    const QSignalBlocker a(m_from), b(m_to);
    m_from->setDate(m_filter->dateFrom().isValid() ? m_filter->dateFrom() : kOpenEnd);
    m_to->setDate(m_filter->dateTo().isValid() ? m_filter->dateTo() : kOpenEnd);
    if (!m_searchDelay->isActive() && m_search->text() != m_filter->searchText()) {
        const QSignalBlocker c(m_search);
        m_search->setText(m_filter->searchText());
    }
    for (int facet = 0; facet < FeedbackFilterModel::FacetCount; ++facet) {
        QComboBox *combo = m_combos.at(facet);
        const int index = combo->findData(m_filter->facet(FeedbackFilterModel::Facet(facet)));
        if (index >= 0 && index != combo->currentIndex()) {
            const QSignalBlocker d(combo);
            combo->setCurrentIndex(index);
        }
    }
}

void FeedbackFilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

} // namespace ascend::ui

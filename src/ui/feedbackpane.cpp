#include "ui/feedbackpane.h"

#include "ui/emptystatewidget.h"

namespace ascend::ui {

FeedbackPane::FeedbackPane(QWidget *parent)
    : PaneWidget(models::SourceListModel::Feedback, parent)
    , m_emptyState(new EmptyStateWidget(this))
{
    m_emptyState->setObjectName(QStringLiteral("feedbackEmptyState"));
    m_emptyState->setIcon(QStringLiteral(":/icons/feedback.svg"));
    m_emptyState->setTitle(tr("See what your testers report"));
    m_emptyState->setText(tr("Screenshots and crash reports sent from TestFlight, with a filter bar, a grid "
                             "of screenshots and a crash-log viewer next to them."));
    m_emptyState->setNote(
        tr("Not available in this version yet: Ascend cannot show tester feedback so far."));
    setBody(m_emptyState);
}

} // namespace ascend::ui

#include "ui/webhookspane.h"

#include "ui/emptystatewidget.h"

namespace ascend::ui {

WebhooksPane::WebhooksPane(QWidget *parent)
    : PaneWidget(models::SourceListModel::Webhooks, parent)
    , m_emptyState(new EmptyStateWidget(this)) {
    m_emptyState->setObjectName(QStringLiteral("webhooksEmptyState"));
    m_emptyState->setIcon(QStringLiteral(":/icons/webhooks.svg"));
    m_emptyState->setTitle(tr("Get told when something changes"));
    m_emptyState->setText(tr(
        "Webhooks let App Store Connect call a URL of yours when a build upload changes state, a version "
        "moves through review or a tester sends feedback. This pane will create and edit them, list every "
        "delivery and run a local listener that checks each signature and shows the events as they arrive."));
    m_emptyState->setNote(
        tr("Not available in this version yet: Ascend cannot list or edit webhooks so far."));
    setBody(m_emptyState);
}

} // namespace ascend::ui

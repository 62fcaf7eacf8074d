#include "ui/testflightpane.h"

#include "core/api/apps.h"
#include "ui/emptystatewidget.h"

namespace ascend::ui {

TestFlightPane::TestFlightPane(QWidget *parent)
    : PaneWidget(models::SourceListModel::TestFlight, parent)
    , m_emptyState(new EmptyStateWidget(this)) {
    m_emptyState->setObjectName(QStringLiteral("testflightEmptyState"));
    m_emptyState->setIcon(QStringLiteral(":/icons/testflight.svg"));
    m_emptyState->setTitle(tr("Hand builds to your testers"));
    m_emptyState->setText(
        tr("Browse versions and their builds with their processing state, see your beta groups and the "
           "testers in each, and drag a build onto a group to distribute it."));
    setCurrentApp(nullptr);
    setBody(m_emptyState);
}

void TestFlightPane::setCurrentApp(const api::App *app) {
    PaneWidget::setCurrentApp(app);
    // The command-line client can already list builds; point at it with the selected app.
    const QString bundleId = app && !app->bundleId.isEmpty() ? app->bundleId : tr("BUNDLE_ID");
    m_emptyState->setNote(tr("Not available in this version yet: Ascend cannot show builds or groups here so "
                             "far. Meanwhile, “ascendctl builds list --app %1” lists the builds and their "
                             "processing state.")
                              .arg(bundleId));
}

} // namespace ascend::ui

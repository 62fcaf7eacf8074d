#pragma once
// The TestFlight pane. For now it explains what it is for and says plainly that it is not available yet.

#include "ui/panewidget.h"

namespace ascend::ui {

class EmptyStateWidget;

class TestFlightPane : public PaneWidget {
    Q_OBJECT
public:
    explicit TestFlightPane(QWidget *parent = nullptr);

    EmptyStateWidget *emptyState() const { return m_emptyState; }

    void setCurrentApp(const api::App *app) override;

private:
    EmptyStateWidget *m_emptyState;
};

} // namespace ascend::ui

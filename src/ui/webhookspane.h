#pragma once
// The Webhooks pane. For now it explains what it is for and says plainly that it is not available yet.

#include "ui/panewidget.h"

namespace ascend::ui {

class EmptyStateWidget;

class WebhooksPane : public PaneWidget {
    Q_OBJECT
public:
    explicit WebhooksPane(QWidget *parent = nullptr);

    EmptyStateWidget *emptyState() const { return m_emptyState; }

private:
    EmptyStateWidget *m_emptyState;
};

} // namespace ascend::ui

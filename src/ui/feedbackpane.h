#pragma once
// The Feedback pane. For now it explains what it is for and says plainly that it is not available yet.

#include "ui/panewidget.h"

namespace ascend::ui {

class EmptyStateWidget;

class FeedbackPane : public PaneWidget {
    Q_OBJECT
public:
    explicit FeedbackPane(QWidget *parent = nullptr);

    EmptyStateWidget *emptyState() const { return m_emptyState; }

private:
    EmptyStateWidget *m_emptyState;
};

} // namespace ascend::ui

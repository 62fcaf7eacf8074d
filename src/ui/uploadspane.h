#pragma once
// The Uploads pane. For now: an inviting drop zone and a plain statement that uploading is not available yet.

#include "ui/panewidget.h"

namespace ascend::ui {

class DropZoneWidget;
class EmptyStateWidget;

class UploadsPane : public PaneWidget {
    Q_OBJECT
public:
    explicit UploadsPane(QWidget *parent = nullptr);

    EmptyStateWidget *emptyState() const { return m_emptyState; }
    DropZoneWidget *dropZone() const { return m_dropZone; }

private:
    EmptyStateWidget *m_emptyState;
    DropZoneWidget *m_dropZone;
};

} // namespace ascend::ui

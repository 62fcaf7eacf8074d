#include "ui/uploadspane.h"

#include "ui/dropzonewidget.h"
#include "ui/emptystatewidget.h"

namespace ascend::ui {

UploadsPane::UploadsPane(QWidget *parent)
    : PaneWidget(models::SourceListModel::Uploads, parent)
    , m_emptyState(new EmptyStateWidget(this))
    , m_dropZone(new DropZoneWidget(this)) {
    m_emptyState->setObjectName(QStringLiteral("uploadsEmptyState"));
    m_emptyState->setIcon(QString());
    m_emptyState->setTitle(tr("Upload a build"));
    m_emptyState->setText(tr("Each build will get a card with its app, version and build number, a grid that "
                             "shows every part of the transfer, and the steps from upload to processing. An "
                             "interrupted upload picks up where it stopped."));

    m_dropZone->setObjectName(QStringLiteral("uploadsDropZone"));
    m_dropZone->setTitle(tr("Drop an .ipa or .pkg here"));
    m_dropZone->setSubtitle(tr(".ipa for iOS, tvOS and visionOS apps, .pkg for macOS apps"));
    m_emptyState->setExtraWidget(m_dropZone);

    m_emptyState->setNote(
        tr("Not available in this version yet: Ascend cannot upload builds so far, and the "
           "drop zone does not take files. Until it can, upload with Xcode or Transporter on a "
           "Mac."));
    setBody(m_emptyState);
}

} // namespace ascend::ui

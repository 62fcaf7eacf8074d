#include "ui/dropzonewidget.h"

#include "ui/theme.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>

namespace ascend::ui {

DropZoneWidget::DropZoneWidget(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAcceptDrops(false);
}

void DropZoneWidget::setTitle(const QString &title)
{
    m_title = title;
    update();
}

void DropZoneWidget::setSubtitle(const QString &subtitle)
{
    m_subtitle = subtitle;
    update();
}

void DropZoneWidget::setAcceptsFiles(bool accepts)
{
    m_acceptsFiles = accepts;
    setAcceptDrops(accepts);
    update();
}

bool DropZoneWidget::isBuildFile(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("ipa") || suffix == QLatin1String("pkg");
}

QSize DropZoneWidget::sizeHint() const
{
    return {460, 210};
}

QSize DropZoneWidget::minimumSizeHint() const
{
    return {280, 190};
}

QStringList DropZoneWidget::buildFilesIn(const QMimeData *mime) const
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && isBuildFile(url.toLocalFile()))
            paths << url.toLocalFile();
    }
    return paths;
}

void DropZoneWidget::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_acceptsFiles && !buildFilesIn(event->mimeData()).isEmpty()) {
        event->acceptProposedAction();
        m_hovered = true;
        update();
    }
}

void DropZoneWidget::dragLeaveEvent(QDragLeaveEvent *)
{
    m_hovered = false;
    update();
}

void DropZoneWidget::dropEvent(QDropEvent *event)
{
    m_hovered = false;
    update();
    const QStringList paths = buildFilesIn(event->mimeData());
    if (!m_acceptsFiles || paths.isEmpty())
        return;
    event->acceptProposedAction();
    emit filesDropped(paths);
}

void DropZoneWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);

    const QRectF frame = QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5);
    QColor fill = m_hovered ? theme::accentSoft() : theme::subtleFill();
    QColor border = m_hovered ? theme::accent() : theme::mix(theme::separator(), theme::textPrimary(), 0.2);
    QPen pen(border, 1.6, Qt::CustomDashLine);
    pen.setDashPattern({5, 4});
    painter.setPen(pen);
    painter.setBrush(fill);
    painter.drawRoundedRect(frame, 14, 14);

    const QSize iconSize(44, 44);
    const QColor iconColor = m_acceptsFiles ? theme::accent() : theme::neutral();
    const QPixmap icon =
        theme::tintedPixmap(QStringLiteral(":/icons/uploads.svg"), iconColor, iconSize, devicePixelRatioF());

    const QFont titleFont = theme::font(3, true);
    const QFont subtitleFont = theme::font(0);
    const QFontMetrics titleMetrics(titleFont);
    const QFontMetrics subtitleMetrics(subtitleFont);

    const int gap = 14;
    const QRect textArea = rect().adjusted(24, 0, -24, 0);
    const QRect subtitleBounds =
        subtitleMetrics.boundingRect(textArea, Qt::AlignHCenter | Qt::TextWordWrap, m_subtitle);
    const int contentHeight = iconSize.height() + gap + titleMetrics.height() +
                              (m_subtitle.isEmpty() ? 0 : 6 + subtitleBounds.height());
    int y = (height() - contentHeight) / 2;

    painter.drawPixmap(QPointF((width() - iconSize.width()) / 2.0, y), icon);
    y += iconSize.height() + gap;

    painter.setFont(titleFont);
    painter.setPen(theme::textPrimary());
    painter.drawText(QRect(textArea.left(), y, textArea.width(), titleMetrics.height()), Qt::AlignHCenter,
                     m_title);
    y += titleMetrics.height() + 6;

    if (!m_subtitle.isEmpty()) {
        painter.setFont(subtitleFont);
        painter.setPen(theme::textSecondary());
        painter.drawText(QRect(textArea.left(), y, textArea.width(), subtitleBounds.height()),
                         Qt::AlignHCenter | Qt::TextWordWrap, m_subtitle);
    }
}

} // namespace ascend::ui

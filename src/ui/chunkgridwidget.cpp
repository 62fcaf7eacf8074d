#include "ui/chunkgridwidget.h"

#include "ui/theme.h"

#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>

namespace ascend::ui {

using upload::PartState;

ChunkGridWidget::ChunkGridWidget(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setAccessibleName(tr("Upload parts"));
    setMouseTracking(true);
}

void ChunkGridWidget::setPartCount(int count)
{
    m_parts = QList<Part>(std::max(0, count));
    updateGeometry();
    update();
    emit countsChanged();
}

void ChunkGridWidget::setPartState(int index, PartState state)
{
    if (index < 0 || index >= m_parts.size() || m_parts[index].state == state)
        return;
    m_parts[index].state = state;
    if (state == PartState::Done)
        m_parts[index].fill = 1.0;
    else if (state == PartState::Waiting || state == PartState::Retrying)
        m_parts[index].fill = 0.0;
    update();
    emit countsChanged();
}

void ChunkGridWidget::setPartProgress(int index, qint64 sent, qint64 total)
{
    if (index < 0 || index >= m_parts.size() || total <= 0)
        return;
    const double fill = std::clamp(double(sent) / double(total), 0.0, 1.0);
    if (qFuzzyCompare(m_parts[index].fill + 1.0, fill + 1.0))
        return;
    m_parts[index].fill = fill;
    update(cellRect(index, columnsFor(width())).adjusted(-1, -1, 1, 1));
}

PartState ChunkGridWidget::partState(int index) const
{
    return index >= 0 && index < m_parts.size() ? m_parts[index].state : PartState::Waiting;
}

double ChunkGridWidget::partFill(int index) const
{
    return index >= 0 && index < m_parts.size() ? m_parts[index].fill : 0.0;
}

int ChunkGridWidget::count(PartState state) const
{
    return int(std::count_if(m_parts.cbegin(), m_parts.cend(), [state](const Part &part) { return part.state == state; }));
}

int ChunkGridWidget::columnsFor(int width) const
{
    return std::max(1, (width + Gap) / (CellSize + Gap));
}

int ChunkGridWidget::heightForWidth(int width) const
{
    const int columns = columnsFor(width);
    const int rows = std::max<int>(1, int((m_parts.size() + columns - 1) / columns));
    return rows * (CellSize + Gap) - Gap;
}

QSize ChunkGridWidget::sizeHint() const
{
    const int width = 24 * (CellSize + Gap) - Gap;
    return {width, heightForWidth(width)};
}

QRect ChunkGridWidget::cellRect(int index, int columns) const
{
    const int row = index / columns;
    const int column = index % columns;
    return {column * (CellSize + Gap), row * (CellSize + Gap), CellSize, CellSize};
}

int ChunkGridWidget::indexAt(const QPoint &position) const
{
    const int columns = columnsFor(width());
    const int column = position.x() / (CellSize + Gap);
    const int row = position.y() / (CellSize + Gap);
    if (column >= columns)
        return -1;
    const int index = row * columns + column;
    if (index >= m_parts.size() || !cellRect(index, columns).contains(position))
        return -1;
    return index;
}

void ChunkGridWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const int columns = columnsFor(width());
    const QColor waiting = theme::separator();
    const QColor filling = theme::accent();
    for (int index = 0; index < m_parts.size(); ++index) {
        const Part &part = m_parts[index];
        const QRectF cell = QRectF(cellRect(index, columns)).adjusted(0.5, 0.5, -0.5, -0.5);
        QPainterPath shape;
        shape.addRoundedRect(cell, 3, 3);
        switch (part.state) {
        case PartState::Waiting:
            painter.fillPath(shape, waiting);
            break;
        case PartState::InFlight: {
            QColor backdrop = filling;
            backdrop.setAlphaF(0.22);
            painter.fillPath(shape, backdrop);
            painter.save();
            painter.setClipPath(shape);
            const double filled = cell.height() * part.fill;
            painter.fillRect(QRectF(cell.left(), cell.bottom() - filled, cell.width(), filled), filling);
            painter.restore();
            break;
        }
        case PartState::Done:
            painter.fillPath(shape, theme::positive());
            break;
        case PartState::Retrying:
            painter.fillPath(shape, theme::warning());
            break;
        case PartState::Failed:
            painter.fillPath(shape, theme::critical());
            break;
        }
    }
}

bool ChunkGridWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = indexAt(help->pos());
        if (index < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        QString state;
        switch (m_parts[index].state) {
        case PartState::Waiting:
            state = tr("waiting");
            break;
        case PartState::InFlight:
            state = tr("sending, %1%").arg(qRound(m_parts[index].fill * 100));
            break;
        case PartState::Done:
            state = tr("done");
            break;
        case PartState::Retrying:
            state = tr("failed once, retrying");
            break;
        case PartState::Failed:
            state = tr("failed");
            break;
        }
        QToolTip::showText(help->globalPos(), tr("Part %1: %2").arg(index + 1).arg(state), this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace ascend::ui

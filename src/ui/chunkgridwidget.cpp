#include "ui/chunkgridwidget.h"

#include "ui/theme.h"

#include <QAbstractItemModel>
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

void ChunkGridWidget::setModel(QAbstractItemModel *model, int stateRole, int fillRole)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    m_stateRole = stateRole;
    m_fillRole = fillRole;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::modelReset, this, &ChunkGridWidget::modelChanged);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, &ChunkGridWidget::modelChanged);
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ChunkGridWidget::modelChanged);
        connect(m_model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &from, const QModelIndex &to, const QList<int> &roles) {
                    if (!roles.isEmpty() && !roles.contains(m_stateRole) && !roles.contains(m_fillRole))
                        return;
                    const int columns = columnsFor(width());
                    QRect dirty;
                    for (int row = from.row(); row <= to.row(); ++row)
                        dirty |= cellRect(row, columns);
                    update(dirty.adjusted(-1, -1, 1, 1));
                    emit countsChanged();
                });
    }
    modelChanged();
}

void ChunkGridWidget::modelChanged()
{
    updateGeometry();
    update();
    emit countsChanged();
}

int ChunkGridWidget::partCount() const
{
    return m_model ? m_model->rowCount() : 0;
}

PartState ChunkGridWidget::partState(int index) const
{
    if (!m_model || index < 0 || index >= partCount())
        return PartState::Waiting;
    return PartState(m_model->index(index, 0).data(m_stateRole).toInt());
}

double ChunkGridWidget::partFill(int index) const
{
    if (!m_model || index < 0 || index >= partCount())
        return 0.0;
    return std::clamp(m_model->index(index, 0).data(m_fillRole).toDouble(), 0.0, 1.0);
}

int ChunkGridWidget::count(PartState state) const
{
    int total = 0;
    for (int index = 0; index < partCount(); ++index)
        total += partState(index) == state ? 1 : 0;
    return total;
}

int ChunkGridWidget::columnsFor(int width) const
{
    return std::max(1, (width + Gap) / (CellSize + Gap));
}

int ChunkGridWidget::heightForWidth(int width) const
{
    const int columns = columnsFor(width);
    const int rows = std::max(1, (partCount() + columns - 1) / columns);
    return rows * (CellSize + Gap) - Gap;
}

QSize ChunkGridWidget::sizeHint() const
{
    const int width = 24 * (CellSize + Gap) - Gap;
    return {width, heightForWidth(width)};
}

QRect ChunkGridWidget::cellRect(int index, int columns) const
{
    return {(index % columns) * (CellSize + Gap), (index / columns) * (CellSize + Gap), CellSize, CellSize};
}

int ChunkGridWidget::indexAt(const QPoint &position) const
{
    const int columns = columnsFor(width());
    const int column = position.x() / (CellSize + Gap);
    const int index = (position.y() / (CellSize + Gap)) * columns + column;
    if (column >= columns || index >= partCount() || !cellRect(index, columns).contains(position))
        return -1;
    return index;
}

void ChunkGridWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const int columns = columnsFor(width());
    for (int index = 0; index < partCount(); ++index) {
        const QRectF cell = QRectF(cellRect(index, columns)).adjusted(0.5, 0.5, -0.5, -0.5);
        QPainterPath shape;
        shape.addRoundedRect(cell, 3, 3);
        switch (partState(index)) {
        case PartState::Waiting:
            painter.fillPath(shape, theme::separator());
            break;
        case PartState::InFlight: {
            QColor backdrop = theme::accent();
            backdrop.setAlphaF(0.22);
            painter.fillPath(shape, backdrop);
            painter.save();
            painter.setClipPath(shape);
            const double filled = cell.height() * partFill(index);
            painter.fillRect(QRectF(cell.left(), cell.bottom() - filled, cell.width(), filled),
                             theme::accent());
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
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    auto *help = static_cast<QHelpEvent *>(event);
    const int index = indexAt(help->pos());
    if (index < 0) {
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    QString state;
    switch (partState(index)) {
    case PartState::Waiting:
        state = tr("waiting");
        break;
    case PartState::InFlight:
        state = tr("sending, %1%").arg(qRound(partFill(index) * 100));
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

} // namespace ascend::ui

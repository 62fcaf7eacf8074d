#include "ui/uploadstepswidget.h"

#include "ui/theme.h"

#include <QPainter>

namespace ascend::ui {

namespace {
constexpr int kDot = 12;
constexpr int kStepCount = 5;
} // namespace

UploadStepsWidget::UploadStepsWidget(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Upload steps"));
}

QStringList UploadStepsWidget::stepNames()
{
    return {tr("Reserved"), tr("Uploading"), tr("Committed"), tr("Processing"), tr("Complete")};
}

void UploadStepsWidget::setProgress(Step current, Outcome outcome)
{
    if (m_current == current && m_outcome == outcome)
        return;
    m_current = current;
    m_outcome = outcome;
    const QString state = outcome == Outcome::Failed      ? tr("failed at %1")
                          : outcome == Outcome::Cancelled ? tr("cancelled at %1")
                          : outcome == Outcome::Succeeded ? QStringLiteral("%1")
                                                          : tr("now %1");
    setAccessibleDescription(state.arg(stepNames().value(int(current))));
    update();
}

QSize UploadStepsWidget::sizeHint() const
{
    return {520, kDot + fontMetrics().height() + 10};
}

QSize UploadStepsWidget::minimumSizeHint() const
{
    return {300, sizeHint().height()};
}

void UploadStepsWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QStringList names = stepNames();
    const int current = int(m_current);
    const double slot = double(width()) / kStepCount;
    const int lineY = kDot / 2 + 1;

    for (int step = 0; step < kStepCount; ++step) {
        const double centerX = slot * step + slot / 2;
        const bool reached = step < current || (step == current && m_outcome == Outcome::Succeeded);
        const bool here = step == current;
        QColor color = theme::separator();
        if (reached)
            color = theme::positive();
        else if (here && m_outcome == Outcome::Running)
            color = theme::accent();
        else if (here && m_outcome == Outcome::Failed)
            color = theme::critical();
        else if (here && m_outcome == Outcome::Cancelled)
            color = theme::textSecondary();

        if (step + 1 < kStepCount) {
            painter.setPen(QPen(step < current ? theme::positive() : theme::separator(), 2));
            painter.drawLine(QPointF(centerX + kDot / 2 + 4, lineY),
                             QPointF(centerX + slot - kDot / 2 - 4, lineY));
        }
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawEllipse(QPointF(centerX, lineY), kDot / 2.0, kDot / 2.0);

        QFont font = painter.font();
        font.setBold(here);
        painter.setFont(font);
        painter.setPen(here || reached ? theme::textPrimary() : theme::textSecondary());
        const QRectF label(slot * step, kDot + 4, slot, fontMetrics().height() + 4);
        painter.drawText(label, Qt::AlignHCenter | Qt::AlignTop, names.value(step));
    }
}

} // namespace ascend::ui

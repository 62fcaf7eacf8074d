#include "ui/statusindicator.h"

#include "ui/theme.h"

#include <QPainter>

namespace ascend::ui {

namespace {

constexpr int kDot = 8;
constexpr int kGap = 7;

QFont pillFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(qMax(7.0, base.pointSizeF() - 1.5));
    font.setBold(true);
    return font;
}

QColor toneColor(StatusIndicator::Tone tone)
{
    switch (tone) {
    case StatusIndicator::Tone::Idle:
        return theme::neutral();
    case StatusIndicator::Tone::Busy:
        return theme::warning();
    case StatusIndicator::Tone::Good:
        return theme::positive();
    case StatusIndicator::Tone::Bad:
        return theme::critical();
    }
    return theme::neutral();
}

} // namespace

StatusIndicator::StatusIndicator(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void StatusIndicator::setStatus(Tone tone, const QString &text)
{
    m_tone = tone;
    m_text = text;
    setToolTip(text);
    setAccessibleName(text);
    updateGeometry();
    update();
}

void StatusIndicator::setPill(const QString &pill)
{
    m_pill = pill;
    updateGeometry();
    update();
}

QSize StatusIndicator::sizeHint() const
{
    int width = kDot + kGap + fontMetrics().horizontalAdvance(m_text) + 4;
    if (!m_pill.isEmpty())
        width += QFontMetrics(pillFont(font())).horizontalAdvance(m_pill) + 14 + kGap;
    return {width, fontMetrics().height() + 6};
}

QSize StatusIndicator::minimumSizeHint() const
{
    return {kDot + kGap + 40, fontMetrics().height() + 6};
}

void StatusIndicator::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    int x = 0;
    const qreal cy = height() / 2.0;

    if (!m_pill.isEmpty()) {
        const QFont font = pillFont(this->font());
        const QFontMetrics metrics(font);
        const QRectF pill(x, cy - (metrics.height() + 2) / 2.0, metrics.horizontalAdvance(m_pill) + 12,
                          metrics.height() + 2);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0x7c, 0x3a, 0xed));
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(pill, Qt::AlignCenter, m_pill);
        x = int(pill.right()) + kGap;
    }

    painter.setPen(Qt::NoPen);
    painter.setBrush(toneColor(m_tone));
    painter.drawEllipse(QRectF(x, cy - kDot / 2.0, kDot, kDot));
    x += kDot + kGap;

    painter.setFont(font());
    painter.setPen(m_tone == Tone::Bad ? theme::critical() : palette().color(QPalette::WindowText));
    const QRect textRect(x, 0, width() - x, height());
    painter.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                     fontMetrics().elidedText(m_text, Qt::ElideRight, textRect.width()));
}

} // namespace ascend::ui

#include "ui/accountbutton.h"

#include "ui/theme.h"

#include <QFocusEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionFocusRect>

namespace ascend::ui {

namespace {

constexpr int kAvatarSize = 34;

QString initials(const QString &name)
{
    QString result;
    const auto words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (word.at(0).isLetterOrNumber())
            result += word.at(0).toUpper();
        if (result.size() == 2)
            break;
    }
    return result.isEmpty() ? QStringLiteral("?") : result;
}

} // namespace

AccountButton::AccountButton(QWidget *parent)
    : QToolButton(parent)
{
    setObjectName(QStringLiteral("accountButton"));
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setCursor(Qt::PointingHandCursor);
    setFocusPolicy(Qt::StrongFocus);
}

void AccountButton::setAccount(const QString &name, const QString &detail, bool isDemo)
{
    m_name = name;
    m_detail = detail;
    m_isDemo = isDemo;
    setText(name);
    setAccessibleName(tr("Account: %1").arg(name));
    setToolTip(detail.isEmpty() ? name : tr("%1\n%2").arg(name, detail));
    updateGeometry();
    update();
}

QSize AccountButton::sizeHint() const
{
    return {220, kAvatarSize + 16};
}

QSize AccountButton::minimumSizeHint() const
{
    return {140, kAvatarSize + 16};
}

void AccountButton::enterEvent(QEnterEvent *event)
{
    m_hovered = true;
    update();
    QToolButton::enterEvent(event);
}

void AccountButton::leaveEvent(QEvent *event)
{
    m_hovered = false;
    update();
    QToolButton::leaveEvent(event);
}

void AccountButton::focusInEvent(QFocusEvent *event)
{
    m_keyboardFocus = event->reason() == Qt::TabFocusReason || event->reason() == Qt::BacktabFocusReason ||
                      event->reason() == Qt::ShortcutFocusReason;
    QToolButton::focusInEvent(event);
}

void AccountButton::focusOutEvent(QFocusEvent *event)
{
    m_keyboardFocus = false;
    QToolButton::focusOutEvent(event);
}

void AccountButton::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);

    const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    if (m_hovered || isDown()) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(isDown() ? theme::mix(theme::hoverFill(), theme::textPrimary(), 0.06)
                                  : theme::hoverFill());
        painter.drawRoundedRect(frame, 8, 8);
    }
    if (hasFocus() && m_keyboardFocus) {
        painter.setPen(QPen(theme::accent(), 1.5));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(frame.adjusted(0.75, 0.75, -0.75, -0.75), 8, 8);
    }

    const QRectF avatar(8, (height() - kAvatarSize) / 2.0, kAvatarSize, kAvatarSize);
    painter.setPen(Qt::NoPen);
    painter.setBrush(m_isDemo ? QColor(0x7c, 0x3a, 0xed) : theme::accent());
    painter.drawEllipse(avatar);
    if (m_isDemo) {
        const QSize iconSize(20, 20);
        painter.drawPixmap(QPointF(avatar.center().x() - 10, avatar.center().y() - 10),
                           theme::tintedPixmap(QStringLiteral(":/icons/play.svg"), Qt::white, iconSize,
                                               devicePixelRatioF()));
    } else if (m_name.isEmpty()) {
        const QSize iconSize(18, 18);
        painter.drawPixmap(
            QPointF(avatar.center().x() - 9, avatar.center().y() - 9),
            theme::tintedPixmap(QStringLiteral(":/icons/key.svg"), Qt::white, iconSize, devicePixelRatioF()));
    } else {
        painter.setPen(Qt::white);
        painter.setFont(theme::font(0, true));
        painter.drawText(avatar, Qt::AlignCenter, initials(m_name));
    }

    // Chevron.
    const qreal cx = width() - 16;
    const qreal cy = height() / 2.0;
    QPainterPath chevron;
    chevron.moveTo(cx - 4, cy - 2);
    chevron.lineTo(cx, cy + 2);
    chevron.lineTo(cx + 4, cy - 2);
    painter.setPen(QPen(theme::textSecondary(), 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(chevron);

    const int textLeft = int(avatar.right()) + 10;
    const int textWidth = int(cx) - 10 - textLeft;
    const QFont nameFont = theme::font(0, true);
    const QFont detailFont = theme::font(-1.5);
    const QFontMetrics nameMetrics(nameFont);
    const QFontMetrics detailMetrics(detailFont);
    const bool hasDetail = !m_detail.isEmpty();
    const int blockHeight = nameMetrics.height() + (hasDetail ? detailMetrics.height() : 0);
    const int top = (height() - blockHeight) / 2;
    painter.setFont(nameFont);
    painter.setPen(theme::textPrimary());
    const QString name = m_name.isEmpty() ? tr("No account") : m_name;
    painter.drawText(QRect(textLeft, top, textWidth, nameMetrics.height()), Qt::AlignLeft,
                     nameMetrics.elidedText(name, Qt::ElideRight, textWidth));
    if (hasDetail) {
        painter.setFont(detailFont);
        painter.setPen(theme::textSecondary());
        painter.drawText(QRect(textLeft, top + nameMetrics.height(), textWidth, detailMetrics.height()),
                         Qt::AlignLeft, detailMetrics.elidedText(m_detail, Qt::ElideRight, textWidth));
    }
}

} // namespace ascend::ui

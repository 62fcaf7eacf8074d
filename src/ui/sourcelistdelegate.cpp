#include "ui/sourcelistdelegate.h"

#include "models/sourcelistmodel.h"
#include "ui/theme.h"

#include <QPainter>

namespace ascend::ui {

namespace {

QColor badgeColor(models::SourceListModel::BadgeTone tone)
{
    using Tone = models::SourceListModel::BadgeTone;
    switch (tone) {
    case Tone::Neutral:
        return theme::neutral();
    case Tone::Accent:
        return theme::accent();
    case Tone::Positive:
        return theme::positive();
    case Tone::Warning:
        return theme::warning();
    case Tone::Critical:
        return theme::critical();
    }
    return theme::accent();
}

} // namespace

QSize SourceListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {option.rect.width(), qMax(34, option.fontMetrics.height() + 16)};
}

void SourceListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    const bool enabled = option.state & QStyle::State_Enabled;
    const bool focused =
        (option.state & QStyle::State_HasFocus) && (option.state & QStyle::State_KeyboardFocusChange);

    const QRectF row = QRectF(option.rect).adjusted(8, 1, -8, -1);
    if (selected) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(theme::accentSoft());
        painter->drawRoundedRect(row, 7, 7);
    } else if (hovered && enabled) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(theme::hoverFill());
        painter->drawRoundedRect(row, 7, 7);
    }
    if (focused) {
        painter->setPen(QPen(theme::accent(), 1.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(row.adjusted(0.75, 0.75, -0.75, -0.75), 7, 7);
    }

    QColor foreground = selected ? theme::accent() : theme::textPrimary();
    QColor iconColor = selected ? theme::accent() : theme::textSecondary();
    if (!enabled) {
        foreground = option.palette.color(QPalette::Disabled, QPalette::Text);
        iconColor = foreground;
    }

    const QSize iconSize(18, 18);
    const QString iconPath = index.data(models::SourceListModel::IconPathRole).toString();
    const QRect iconRect(int(row.left()) + 10, int(row.center().y()) - iconSize.height() / 2 + 1,
                         iconSize.width(), iconSize.height());
    if (!iconPath.isEmpty()) {
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->drawPixmap(iconRect.topLeft(), theme::tintedPixmap(iconPath, iconColor, iconSize, dpr));
    }

    // Badge pill at the right end.
    int textRight = int(row.right()) - 10;
    const QString badge = index.data(models::SourceListModel::BadgeRole).toString();
    if (!badge.isEmpty()) {
        QFont badgeFont = option.font;
        badgeFont.setPointSizeF(qMax(7.0, badgeFont.pointSizeF() - 1.5));
        badgeFont.setBold(true);
        const QFontMetrics metrics(badgeFont);
        const int pillHeight = metrics.height() + 2;
        const int pillWidth = qMax(pillHeight, metrics.horizontalAdvance(badge) + 12);
        const QRectF pill(row.right() - 8 - pillWidth, row.center().y() - pillHeight / 2.0, pillWidth,
                          pillHeight);
        const auto tone = static_cast<models::SourceListModel::BadgeTone>(
            index.data(models::SourceListModel::BadgeToneRole).toInt());
        painter->setPen(Qt::NoPen);
        painter->setBrush(enabled ? badgeColor(tone) : theme::separator());
        painter->drawRoundedRect(pill, pillHeight / 2.0, pillHeight / 2.0);
        painter->setFont(badgeFont);
        painter->setPen(Qt::white);
        painter->drawText(pill, Qt::AlignCenter, badge);
        textRight = int(pill.left()) - 6;
    }

    QFont titleFont = option.font;
    if (selected)
        titleFont.setWeight(QFont::DemiBold);
    painter->setFont(titleFont);
    painter->setPen(foreground);
    const QRect textRect(iconRect.right() + 11, int(row.top()), textRight - iconRect.right() - 11,
                         int(row.height()));
    const QString title = QFontMetrics(titleFont).elidedText(index.data(Qt::DisplayRole).toString(),
                                                             Qt::ElideRight, textRect.width());
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, title);

    painter->restore();
}

} // namespace ascend::ui

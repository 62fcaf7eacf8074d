#include "ui/feedbackgriddelegate.h"

#include "core/api/betafeedback.h"
#include "models/feedbackfiltermodel.h"
#include "models/feedbackmodel.h"
#include "ui/feedbackicons.h"
#include "ui/theme.h"
#include "ui/thumbnailcache.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

namespace ascend::ui {

namespace {

constexpr int kTextLine = 18;
constexpr qreal kRadius = 8;

QString shortDate(const QDateTime &date)
{
    const QDateTime local = date.toLocalTime();
    const QDate today = QDate::currentDate();
    if (local.date() == today)
        return QLocale().toString(local.time(), QLocale::ShortFormat);
    if (local.date().year() == today.year())
        return QLocale().toString(local.date(), QStringLiteral("d MMM"));
    return QLocale().toString(local.date(), QLocale::ShortFormat);
}

void drawPill(QPainter *painter, const QPointF &topLeft, const QString &text, const QPixmap &icon,
              const QColor &fill, const QColor &color, const QFont &font)
{
    const QFontMetrics metrics(font);
    const qreal iconWidth = icon.isNull() ? 0 : 14 + 4;
    const QRectF pill(topLeft, QSizeF(metrics.horizontalAdvance(text) + iconWidth + 14, 20));
    QPainterPath path;
    path.addRoundedRect(pill, 10, 10);
    painter->fillPath(path, fill);
    if (!icon.isNull())
        painter->drawPixmap(QRectF(pill.left() + 6, pill.top() + 3, 14, 14), icon, QRectF(icon.rect()));
    painter->setFont(font);
    painter->setPen(color);
    painter->drawText(pill.adjusted(7 + iconWidth, 0, -7, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
}

} // namespace

FeedbackGridDelegate::FeedbackGridDelegate(ThumbnailCache *thumbnails, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_thumbnails(thumbnails)
{}

QSize FeedbackGridDelegate::imageSize()
{
    return {MaxCardWidth - 2 * Padding, ImageHeight};
}

QSize FeedbackGridDelegate::cellSizeFor(int width)
{
    const QSize minimal = cellSize();
    const int columns = std::max(1, width / minimal.width());
    return {std::min(width / columns, MaxCardWidth + 2 * Margin), minimal.height()};
}

QSize FeedbackGridDelegate::cellSize()
{
    const int textHeight = 3 * kTextLine + 6;
    return {CardWidth + 2 * Margin, Padding + ImageHeight + 8 + textHeight + Padding + 2 * Margin};
}

QSize FeedbackGridDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const
{
    return m_cellSize.isValid() ? m_cellSize : cellSize();
}

const api::FeedbackSubmission *FeedbackGridDelegate::submissionAt(const QModelIndex &index)
{
    if (!index.isValid())
        return nullptr;
    if (const auto *proxy = qobject_cast<const models::FeedbackFilterModel *>(index.model()))
        return proxy->submission(index);
    if (const auto *model = qobject_cast<const models::FeedbackModel *>(index.model()))
        return model->submission(index.row());
    return nullptr;
}

void FeedbackGridDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    const api::FeedbackSubmission *item = submissionAt(index);
    if (!item)
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    const bool read = index.data(models::FeedbackModel::ReadRole).toBool();
    const bool triaged = index.data(models::FeedbackModel::TriagedRole).toBool();

    const QRectF cell = QRectF(option.rect).adjusted(Margin, Margin, -Margin, -Margin);
    QPainterPath card;
    card.addRoundedRect(cell.adjusted(0.5, 0.5, -0.5, -0.5), kRadius, kRadius);
    const QColor base = option.palette.color(QPalette::Base);
    painter->fillPath(card, selected ? theme::accentSoft() : (hovered ? theme::hoverFill() : base));
    painter->setPen(QPen(selected ? theme::accent() : theme::separator(), selected ? 2 : 1));
    painter->drawPath(card);

    const QRectF image(cell.left() + Padding, cell.top() + Padding, cell.width() - 2 * Padding, ImageHeight);
    if (item->kind == api::FeedbackKind::Crash)
        paintCrashCard(painter, image, *item, option);
    else
        paintImageArea(painter, image, *item, option);

    // Badges over the image: kind at the left, unread and triaged at the right.
    QFont small = option.font;
    small.setPointSizeF(std::max(7.0, small.pointSizeF() - 1.5));
    small.setBold(true);
    const qreal dpr = painter->device()->devicePixelRatioF();
    const bool crash = item->kind == api::FeedbackKind::Crash;
    QString kindText = crash ? tr("Crash") : tr("Screenshot");
    if (!crash && item->screenshots.size() > 1)
        kindText = tr("%n screenshot(s)", nullptr, int(item->screenshots.size()));
    const QColor pillFill = crash ? theme::critical() : QColor(20, 24, 28, 170);
    drawPill(painter, image.topLeft() + QPointF(6, 6), kindText,
             crash ? QPixmap()
                   : feedbackicons::pixmap(feedbackicons::Glyph::Screenshot, Qt::white, {14, 14}, dpr),
             pillFill, Qt::white, small);
    qreal right = image.right() - 6;
    if (!read) {
        const QRectF dot(right - 12, image.top() + 10, 12, 12);
        painter->setPen(QPen(Qt::white, 2));
        painter->setBrush(theme::accent());
        painter->drawEllipse(dot);
        right = dot.left() - 4;
    }
    if (triaged) {
        const QRectF check(right - 20, image.top() + 6, 20, 20);
        painter->setPen(Qt::NoPen);
        painter->setBrush(Qt::white);
        painter->drawEllipse(check.adjusted(1, 1, -1, -1));
        painter->drawPixmap(check, feedbackicons::pixmap(feedbackicons::Glyph::Triaged, {}, {20, 20}, dpr),
                            QRectF(0, 0, 20 * dpr, 20 * dpr));
    }

    // Tester and date, then the comment.
    const qreal textLeft = cell.left() + Padding;
    const qreal textWidth = cell.width() - 2 * Padding;
    qreal y = image.bottom() + 8;
    QFont title = option.font;
    title.setBold(!read);
    const QFontMetrics titleMetrics(title);
    const QString date = shortDate(item->createdDate);
    const QFontMetrics plainMetrics(option.font);
    const qreal dateWidth = plainMetrics.horizontalAdvance(date) + 6;
    painter->setFont(title);
    painter->setPen(theme::textPrimary());
    painter->drawText(
        QRectF(textLeft, y, textWidth - dateWidth, kTextLine), Qt::AlignLeft | Qt::AlignVCenter,
        titleMetrics.elidedText(item->testerDisplayName(), Qt::ElideRight, int(textWidth - dateWidth)));
    painter->setFont(option.font);
    painter->setPen(theme::textSecondary());
    painter->drawText(QRectF(textLeft, y, textWidth, kTextLine), Qt::AlignRight | Qt::AlignVCenter, date);
    y += kTextLine + 2;

    QString comment = item->comment.simplified();
    if (comment.isEmpty())
        comment = tr("No comment");
    painter->setPen(item->comment.trimmed().isEmpty() ? theme::textSecondary() : theme::textPrimary());
    // Two lines of comment, the second elided.
    const QRectF commentRect(textLeft, y, textWidth, 2 * kTextLine);
    {
        // The first line as wrapped at a word boundary, the rest on a second line, elided. Only the text that
        // can show is laid out (comments can be long).
        const QString shown = comment.left(400);
        QTextLayout layout(shown, option.font, painter->device());
        QTextOption wrap;
        wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout.setTextOption(wrap);
        layout.beginLayout();
        QTextLine line = layout.createLine();
        qsizetype firstLength = shown.size();
        if (line.isValid()) {
            line.setLineWidth(textWidth);
            firstLength = line.textLength();
        }
        layout.endLayout();
        painter->drawText(QRectF(commentRect.left(), commentRect.top(), textWidth, kTextLine),
                          Qt::AlignLeft | Qt::AlignVCenter, shown.left(firstLength).trimmed());
        const QString rest = comment.mid(firstLength).trimmed();
        if (!rest.isEmpty())
            painter->drawText(QRectF(commentRect.left(), commentRect.top() + kTextLine, textWidth, kTextLine),
                              Qt::AlignLeft | Qt::AlignVCenter,
                              plainMetrics.elidedText(rest.left(200), Qt::ElideRight, int(textWidth)));
    }
    if (option.state & QStyle::State_HasFocus && selected) {
        QPainterPath focus;
        focus.addRoundedRect(cell.adjusted(-2.5, -2.5, 2.5, 2.5), kRadius + 2, kRadius + 2);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(theme::mix(theme::accent(), base, 0.5), 1.5));
        painter->drawPath(focus);
    }
    painter->restore();
}

void FeedbackGridDelegate::paintImageArea(QPainter *painter, const QRectF &area,
                                          const api::FeedbackSubmission &item,
                                          const QStyleOptionViewItem &option) const
{
    QPainterPath clip;
    clip.addRoundedRect(area, kRadius - 3, kRadius - 3);
    painter->fillPath(clip, theme::subtleFill());
    const QPixmap thumbnail = m_thumbnails ? m_thumbnails->thumbnail(item, 0) : QPixmap();
    if (!thumbnail.isNull()) {
        const qreal dpr = thumbnail.devicePixelRatio() > 1.0 ? thumbnail.devicePixelRatio()
                                                             : painter->device()->devicePixelRatioF();
        QSizeF size = QSizeF(thumbnail.size()) / dpr;
        size.scale(area.size(), Qt::KeepAspectRatio);
        const QRectF target(area.center().x() - size.width() / 2, area.center().y() - size.height() / 2,
                            size.width(), size.height());
        painter->save();
        painter->setClipPath(clip);
        painter->drawPixmap(target, thumbnail, QRectF(thumbnail.rect()));
        painter->setPen(QPen(theme::separator(), 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(target.adjusted(0.5, 0.5, -0.5, -0.5));
        painter->restore();
        return;
    }
    // Still loading, not loadable, or no screenshot at all.
    const qreal dpr = painter->device()->devicePixelRatioF();
    const QSize glyph(36, 36);
    painter->drawPixmap(QRectF(area.center().x() - 18, area.center().y() - 30, 36, 36),
                        feedbackicons::pixmap(feedbackicons::Glyph::Screenshot, theme::neutral(), glyph, dpr),
                        QRectF(0, 0, 36 * dpr, 36 * dpr));
    QString text;
    if (item.screenshots.isEmpty())
        text = tr("No image");
    else if (m_thumbnails && !m_thumbnails->errorString(item.id, 0).isEmpty())
        text = tr("Preview unavailable");
    else
        text = tr("Loading…");
    painter->setFont(option.font);
    painter->setPen(theme::textSecondary());
    painter->drawText(QRectF(area.left(), area.center().y() + 12, area.width(), kTextLine), Qt::AlignCenter,
                      text);
}

void FeedbackGridDelegate::paintCrashCard(QPainter *painter, const QRectF &area,
                                          const api::FeedbackSubmission &item,
                                          const QStyleOptionViewItem &option) const
{
    QPainterPath clip;
    clip.addRoundedRect(area, kRadius - 3, kRadius - 3);
    painter->fillPath(clip, theme::mix(option.palette.color(QPalette::Base), theme::critical(), 0.08));
    const qreal dpr = painter->device()->devicePixelRatioF();
    const QRectF icon(area.center().x() - 22, area.top() + area.height() * 0.28, 44, 44);
    painter->drawPixmap(icon, feedbackicons::pixmap(feedbackicons::Glyph::Crash, {}, {44, 44}, dpr),
                        QRectF(0, 0, 44 * dpr, 44 * dpr));
    QFont heading = option.font;
    heading.setBold(true);
    heading.setPointSizeF(heading.pointSizeF() + 1);
    painter->setFont(heading);
    painter->setPen(theme::mix(theme::critical(), theme::textPrimary(), 0.35));
    qreal y = icon.bottom() + 10;
    painter->drawText(QRectF(area.left(), y, area.width(), 22), Qt::AlignCenter, tr("Crash report"));
    y += 24;
    painter->setFont(option.font);
    painter->setPen(theme::textSecondary());
    const QFontMetrics metrics(option.font);
    QStringList facts;
    if (!item.deviceModel.isEmpty())
        facts << item.deviceModel;
    const QString platform = models::FeedbackModel::platformOf(item);
    if (!item.osVersion.isEmpty())
        facts << models::FeedbackFilterModel::facetLabel(models::FeedbackFilterModel::PlatformFacet, platform,
                                                         nullptr) +
                     QLatin1Char(' ') + item.osVersion;
    for (const QString &fact : std::as_const(facts)) {
        painter->drawText(QRectF(area.left() + 6, y, area.width() - 12, kTextLine), Qt::AlignCenter,
                          metrics.elidedText(fact.trimmed(), Qt::ElideMiddle, int(area.width() - 12)));
        y += kTextLine;
    }
    if (!item.buildVersion.isEmpty())
        painter->drawText(QRectF(area.left() + 6, y, area.width() - 12, kTextLine), Qt::AlignCenter,
                          tr("Build %1").arg(item.buildVersion));
}

} // namespace ascend::ui

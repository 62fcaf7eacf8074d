#include "ui/uploadcarddelegate.h"

#include "core/upload/buildupload.h"
#include "models/uploadqueuemodel.h"
#include "ui/theme.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>

namespace ascend::ui {

namespace {

using models::UploadQueueModel;
using Stage = upload::BuildUploadJob::Stage;

QVariant column(const QModelIndex &index, UploadQueueModel::Column which, int role = Qt::DisplayRole)
{
    return index.siblingAtColumn(which).data(role);
}

QColor stageColor(Stage stage)
{
    switch (stage) {
    case Stage::Complete:
        return theme::positive();
    case Stage::Failed:
        return theme::critical();
    case Stage::Cancelled:
        return theme::textSecondary();
    default:
        return theme::accent();
    }
}

} // namespace

QSize UploadCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {option.rect.width() > 0 ? option.rect.width() : 480, CardHeight};
}

void UploadCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF card = QRectF(option.rect).adjusted(6, 4, -6, -4);
    const bool selected = option.state & QStyle::State_Selected;
    QPainterPath outline;
    outline.addRoundedRect(card, 8, 8);
    painter->fillPath(outline, selected ? theme::accentSoft() : option.palette.base().color());
    painter->setPen(QPen(selected ? theme::accent() : theme::separator(), 1));
    painter->drawPath(outline);

    const auto stage = Stage(column(index, UploadQueueModel::Stage, UploadQueueModel::RawDataRole).toInt());
    const QRectF iconRect(card.left() + 14, card.top() + 14, 36, 36);
    QPainterPath iconShape;
    iconShape.addRoundedRect(iconRect, 8, 8);
    painter->fillPath(iconShape, theme::accentSoft());
    painter->drawPixmap(iconRect.adjusted(8, 8, -8, -8).toRect(),
                        theme::tintedPixmap(QStringLiteral(":/icons/uploads.svg"), theme::accent(),
                                            QSize(20, 20), painter->device()->devicePixelRatioF()));

    const double textLeft = iconRect.right() + 12;
    const double right = card.right() - 14;
    QString title = column(index, UploadQueueModel::AppName).toString();
    if (title.isEmpty())
        title = column(index, UploadQueueModel::FileName).toString();
    const QString version = column(index, UploadQueueModel::Version).toString();
    const QString build = column(index, UploadQueueModel::Build).toString();
    if (!version.isEmpty())
        title += QStringLiteral("  %1 (%2)").arg(version, build);

    QFont titleFont = option.font;
    titleFont.setBold(true);
    painter->setFont(titleFont);
    painter->setPen(theme::textPrimary());
    const QString stageText = column(index, UploadQueueModel::Stage).toString();
    const int stageWidth = QFontMetrics(titleFont).horizontalAdvance(stageText) + 8;
    painter->drawText(
        QRectF(textLeft, card.top() + 12, right - textLeft - stageWidth, 20),
        Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(titleFont).elidedText(title, Qt::ElideRight, int(right - textLeft - stageWidth)));
    painter->setPen(stageColor(stage));
    painter->drawText(QRectF(right - stageWidth, card.top() + 12, stageWidth, 20),
                      Qt::AlignRight | Qt::AlignVCenter, stageText);

    painter->setFont(option.font);
    painter->setPen(theme::textSecondary());
    QStringList facts;
    for (const auto which :
         {UploadQueueModel::BundleId, UploadQueueModel::Platform, UploadQueueModel::FileName}) {
        const QString text = column(index, which).toString();
        if (!text.isEmpty())
            facts << text;
    }
    const QFontMetrics metrics(option.font);
    painter->drawText(
        QRectF(textLeft, card.top() + 32, right - textLeft, 18), Qt::AlignLeft | Qt::AlignVCenter,
        metrics.elidedText(facts.join(QStringLiteral(" · ")), Qt::ElideMiddle, int(right - textLeft)));

    const double fraction =
        column(index, UploadQueueModel::Progress, UploadQueueModel::RawDataRole).toDouble();
    const QRectF track(textLeft, card.top() + 56, right - textLeft, 5);
    QPainterPath trackShape;
    trackShape.addRoundedRect(track, 2.5, 2.5);
    painter->fillPath(trackShape, theme::separator());
    QPainterPath filled;
    filled.addRoundedRect(
        QRectF(track.left(), track.top(), track.width() * std::clamp(fraction, 0.0, 1.0), track.height()),
        2.5, 2.5);
    painter->fillPath(filled, stageColor(stage));

    QString status;
    if (stage == Stage::Failed || stage == Stage::Cancelled) {
        status = column(index, UploadQueueModel::Message).toString();
    } else {
        status = tr("%1 of %2")
                     .arg(column(index, UploadQueueModel::BytesSent).toString(),
                          column(index, UploadQueueModel::TotalBytes).toString());
        const QString speed = column(index, UploadQueueModel::Throughput).toString();
        const QString eta = column(index, UploadQueueModel::Eta).toString();
        if (stage == Stage::Uploading && !speed.isEmpty())
            status += QStringLiteral(" · ") + speed;
        if (stage == Stage::Uploading && !eta.isEmpty())
            status += QStringLiteral(" · ") + eta;
        const QString buildId = column(index, UploadQueueModel::BuildId).toString();
        if (stage == Stage::Complete && !buildId.isEmpty())
            status += QStringLiteral(" · ") + tr("build %1").arg(buildId);
    }
    painter->setPen(stage == Stage::Failed ? theme::critical() : theme::textSecondary());
    painter->drawText(QRectF(textLeft, card.top() + 64, right - textLeft, 18),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(status, Qt::ElideRight, int(right - textLeft)));
    painter->restore();
}

} // namespace ascend::ui

#include "ui/apppicker.h"

#include "models/applistmodel.h"
#include "ui/theme.h"

#include <QAbstractItemView>
#include <QListView>
#include <QPainter>
#include <QStyleOptionComboBox>
#include <QStylePainter>

namespace ascend::ui {

namespace {

constexpr int kTileSize = 30;

// A stable, pleasant colour per app so the tiles tell apps apart at a glance.
QColor tileColor(const QString &seed)
{
    static const QColor colors[] = {QColor(0x25, 0x63, 0xeb), QColor(0x7c, 0x3a, 0xed),
                                    QColor(0xdb, 0x27, 0x77), QColor(0xea, 0x58, 0x0c),
                                    QColor(0x05, 0x96, 0x69), QColor(0x08, 0x91, 0xb2),
                                    QColor(0x4f, 0x46, 0xe5), QColor(0xca, 0x8a, 0x04)};
    return colors[qHash(seed) % (sizeof(colors) / sizeof(colors[0]))];
}

} // namespace

void AppItemDelegate::paintApp(QPainter *painter, const QRect &rect, const QString &name,
                               const QString &bundleId, const QFont &font, bool selected)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    const QRectF tile(rect.left(), rect.center().y() - kTileSize / 2.0 + 0.5, kTileSize, kTileSize);
    painter->setPen(Qt::NoPen);
    painter->setBrush(tileColor(bundleId.isEmpty() ? name : bundleId));
    painter->drawRoundedRect(tile, 7, 7);
    QFont letterFont = font;
    letterFont.setBold(true);
    letterFont.setPointSizeF(font.pointSizeF() + 2);
    painter->setFont(letterFont);
    painter->setPen(Qt::white);
    painter->drawText(tile, Qt::AlignCenter, name.left(1).toUpper());

    const int textLeft = int(tile.right()) + 10;
    const QRect textRect(textLeft, rect.top(), rect.right() - textLeft, rect.height());
    QFont nameFont = font;
    nameFont.setWeight(QFont::DemiBold);
    QFont detailFont = font;
    detailFont.setPointSizeF(qMax(7.0, font.pointSizeF() - 1.5));
    const QFontMetrics nameMetrics(nameFont);
    const QFontMetrics detailMetrics(detailFont);
    const int blockHeight = nameMetrics.height() + detailMetrics.height();
    const int top = textRect.top() + (textRect.height() - blockHeight) / 2;

    painter->setFont(nameFont);
    painter->setPen(selected ? theme::accent() : theme::textPrimary());
    painter->drawText(QRect(textRect.left(), top, textRect.width(), nameMetrics.height()), Qt::AlignLeft,
                      nameMetrics.elidedText(name, Qt::ElideRight, textRect.width()));
    painter->setFont(detailFont);
    painter->setPen(theme::textSecondary());
    painter->drawText(
        QRect(textRect.left(), top + nameMetrics.height(), textRect.width(), detailMetrics.height()),
        Qt::AlignLeft, detailMetrics.elidedText(bundleId, Qt::ElideMiddle, textRect.width()));
    painter->restore();
}

void AppItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const bool selected = option.state & (QStyle::State_Selected | QStyle::State_MouseOver);
    if (selected) {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(theme::accentSoft());
        painter->drawRoundedRect(QRectF(option.rect).adjusted(4, 1, -4, -1), 6, 6);
        painter->restore();
    }
    const QString name = index.data(Qt::DisplayRole).toString();
    const QString bundleId =
        index.data(models::AppListModel::roleForColumn(models::AppListModel::BundleId)).toString();
    paintApp(painter, option.rect.adjusted(12, 0, -12, 0), name, bundleId, option.font, false);
}

QSize AppItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int textHeight = option.fontMetrics.height() * 2 + 2;
    return {240, qMax(kTileSize, textHeight) + 14};
}

AppPicker::AppPicker(QWidget *parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("appPicker"));
    auto *popup = new QListView(this);
    popup->setUniformItemSizes(true);
    setView(popup);
    setItemDelegate(new AppItemDelegate(this));
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(12);
    setAccessibleName(tr("App"));
}

void AppPicker::setStatusText(const QString &text, bool isError)
{
    m_statusText = text;
    m_statusIsError = isError;
    setToolTip(isError ? text : QString());
    update();
}

QSize AppPicker::sizeHint() const
{
    QSize hint = QComboBox::sizeHint();
    hint.setHeight(qMax(hint.height(), kTileSize + 16));
    return hint;
}

QSize AppPicker::minimumSizeHint() const
{
    QSize hint = QComboBox::minimumSizeHint();
    hint.setHeight(qMax(hint.height(), kTileSize + 16));
    return hint;
}

void AppPicker::paintEvent(QPaintEvent *)
{
    QStylePainter painter(this);
    QStyleOptionComboBox option;
    initStyleOption(&option);
    option.currentText.clear();
    option.currentIcon = QIcon();
    painter.drawComplexControl(QStyle::CC_ComboBox, option);

    const QRect field = style()
                            ->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, this)
                            .adjusted(4, 0, -2, 0);
    const int row = currentIndex();
    if (row >= 0 && model()) {
        const QModelIndex idx = model()->index(row, modelColumn(), rootModelIndex());
        const QString bundleId =
            idx.data(models::AppListModel::roleForColumn(models::AppListModel::BundleId)).toString();
        AppItemDelegate::paintApp(&painter, field, idx.data(Qt::DisplayRole).toString(), bundleId, font(),
                                  false);
        return;
    }
    painter.setPen(m_statusIsError ? theme::critical() : theme::textSecondary());
    const QString text = fontMetrics().elidedText(m_statusText, Qt::ElideRight, field.width());
    painter.drawText(field, Qt::AlignVCenter | Qt::AlignLeft, text);
}

} // namespace ascend::ui

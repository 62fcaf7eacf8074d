#pragma once
// Paints a source-list row: tinted icon, title and a badge pill at the right end.

#include <QStyledItemDelegate>

namespace ascend::ui {

class SourceListDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace ascend::ui

#pragma once
// Paints one upload of the queue as a card: app, version and build, platform and file, the stage, a progress
// bar, and bytes, speed and time left (or the reason it failed). Reads UploadQueueModel's columns.

#include <QStyledItemDelegate>

namespace ascend::ui {

class UploadCardDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static constexpr int CardHeight = 92;
};

} // namespace ascend::ui

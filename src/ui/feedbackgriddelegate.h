#pragma once
// One card per submission in the Feedback grid: the screenshot's thumbnail (or, for a crash, a crash card
// with the device), a kind badge, an unread dot, a check when triaged, the tester, the date and the start of
// the comment. Thumbnails come from the ThumbnailCache, which loads them when a card is first painted.

#include <QStyledItemDelegate>

namespace ascend::api {
struct FeedbackSubmission;
}

namespace ascend::ui {

class ThumbnailCache;

class FeedbackGridDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    static constexpr int CardWidth = 184; // the narrowest card; cards widen to fill the row
    static constexpr int MaxCardWidth = 280;
    static constexpr int ImageHeight = 244;
    static constexpr int Margin = 6;  // around each card inside its grid cell
    static constexpr int Padding = 8; // inside the card

    explicit FeedbackGridDelegate(ThumbnailCache *thumbnails, QObject *parent = nullptr);

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

    // The smallest grid cell of one card, and the largest thumbnail box inside a card (device-independent
    // pixels).
    static QSize cellSize();
    static QSize imageSize();
    // The cell for a grid whose viewport is `width` wide: as many minimal cells as fit, widened to share the
    // rest.
    static QSize cellSizeFor(int width);
    // The cell the cards are drawn in now (the view's grid size).
    void setCellSize(const QSize &size) { m_cellSize = size; }

    // The submission behind an index of a FeedbackModel or a FeedbackFilterModel over one.
    static const api::FeedbackSubmission *submissionAt(const QModelIndex &index);

private:
    void paintImageArea(QPainter *painter, const QRectF &area, const api::FeedbackSubmission &item,
                        const QStyleOptionViewItem &option) const;
    void paintCrashCard(QPainter *painter, const QRectF &area, const api::FeedbackSubmission &item,
                        const QStyleOptionViewItem &option) const;

    ThumbnailCache *m_thumbnails;
    QSize m_cellSize;
};

} // namespace ascend::ui

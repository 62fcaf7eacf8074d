#pragma once
// The picture area of the screenshot viewer: one image fitted to the widget or zoomed, panned by dragging
// or the wheel, zoomed with Ctrl+wheel around the pointer, or a placeholder (loading, error with "Try
// Again", nothing to show). Zoom is measured in device pixels per image pixel, so 100% shows every pixel of
// the screenshot on one pixel of the screen whatever the display's scale factor; images shown smaller are
// resampled smoothly once per size and kept.

#include <QImage>
#include <QPixmap>
#include <QWidget>

class QPushButton;

namespace ascend::ui {

class ScreenshotCanvas : public QWidget {
    Q_OBJECT
public:
    enum class State { Empty, Loading, Image, Error };

    static constexpr qreal kMinZoom = 0.02;
    static constexpr qreal kMaxZoom = 16.0;

    explicit ScreenshotCanvas(QWidget *parent = nullptr);

    void showImage(const QImage &image); // fitted to the window
    void showLoading(const QString &text);
    void showError(const QString &text);
    void showEmpty(const QString &text);
    State state() const { return m_state; }
    QString message() const { return m_message; }
    QImage image() const { return m_image; }

    bool isFitToWindow() const { return m_fit; }
    // Device pixels per image pixel (1.0 = 100%).
    qreal zoom() const;
    qreal fitZoom() const;
    void fitToWindow();
    // anchor: the widget point that keeps showing the same image point; the centre when null.
    void setZoom(qreal zoom, const QPointF &anchor = QPointF(-1, -1));
    void zoomIn();
    void zoomOut();
    bool canPan() const;
    void panBy(const QPointF &delta);
    // Image pixel coordinates to widget coordinates (device-independent pixels).
    QTransform imageTransform() const;

    QPushButton *retryButton() const { return m_retry; }

signals:
    void zoomChanged();
    void retryRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void setState(State state, const QString &message);
    QSizeF shownSize() const; // the image's size on screen, device-independent pixels
    void clampCenter();
    void updateCursor();
    void placeRetryButton();
    void paintImage(QPainter &painter);
    void paintPlaceholder(QPainter &painter);
    QRectF placeholderCard() const;

    State m_state = State::Empty;
    QString m_message;
    QImage m_image;
    QPixmap m_pixmap;        // m_image, for drawing at 100% and above
    QPixmap m_scaled;        // m_image resampled for the current zoom below 100%
    qint64 m_scaledKey = -1; // m_image.cacheKey() the resampled copy was made from
    QSize m_scaledSize;
    bool m_fit = true;
    qreal m_zoom = 1.0;
    QPointF m_center; // image point shown at the widget's centre when the image is larger than the widget
    bool m_keyboardFocus = false; // focus ring only when reached from the keyboard
    bool m_dragging = false;
    QPoint m_lastDragPos;
    QPushButton *m_retry;
};

} // namespace ascend::ui

#include "ui/screenshotviewercanvas.h"

#include "ui/theme.h"

#include <QFocusEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QWheelEvent>
#include <cmath>

namespace ascend::ui {

namespace {

constexpr qreal kFitMargin = 16; // device-independent pixels around a fitted image
constexpr qreal kPhoneAspect = 19.5 / 9.0;
// Zoom stops for the buttons and keys; the wheel zooms continuously.
constexpr qreal kSteps[] = {0.02, 0.05, 0.1, 0.125, 0.1667, 0.25, 0.3333, 0.5,  0.6667, 0.75,
                            1.0,  1.5,  2.0, 3.0,   4.0,    6.0,  8.0,    12.0, 16.0};
const QString kAlertIcon = QStringLiteral(":/icons/alert-circle.svg");

} // namespace

ScreenshotCanvas::ScreenshotCanvas(QWidget *parent)
    : QWidget(parent)
    , m_retry(new QPushButton(tr("Try Again"), this))
{
    setObjectName(QStringLiteral("screenshotCanvas"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(160, 160);
    setAccessibleName(tr("Screenshot"));
    m_retry->setObjectName(QStringLiteral("screenshotRetry"));
    m_retry->setAccessibleName(tr("Load the screenshot again"));
    m_retry->setAutoDefault(false);
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, &ScreenshotCanvas::retryRequested);
}

void ScreenshotCanvas::setState(State state, const QString &message)
{
    m_state = state;
    m_message = message;
    m_dragging = false;
    m_retry->setVisible(state == State::Error);
    setAccessibleDescription(message);
    placeRetryButton();
    updateCursor();
    update();
}

void ScreenshotCanvas::showImage(const QImage &image)
{
    m_image = image;
    m_pixmap = QPixmap::fromImage(image);
    m_scaled = QPixmap();
    m_scaledKey = -1;
    m_fit = true;
    m_center = QPointF(image.width() / 2.0, image.height() / 2.0);
    setState(image.isNull() ? State::Empty : State::Image,
             tr("%1 × %2 pixels").arg(image.width()).arg(image.height()));
    emit zoomChanged();
}

void ScreenshotCanvas::showLoading(const QString &text)
{
    m_image = QImage();
    m_pixmap = QPixmap();
    m_scaled = QPixmap();
    setState(State::Loading, text);
}

void ScreenshotCanvas::showError(const QString &text)
{
    m_image = QImage();
    m_pixmap = QPixmap();
    m_scaled = QPixmap();
    setState(State::Error, text);
}

void ScreenshotCanvas::showEmpty(const QString &text)
{
    m_image = QImage();
    m_pixmap = QPixmap();
    m_scaled = QPixmap();
    setState(State::Empty, text);
}

qreal ScreenshotCanvas::fitZoom() const
{
    if (m_image.isNull())
        return 1.0;
    const qreal dpr = devicePixelRatioF();
    const qreal w = qMax(1.0, width() - 2 * kFitMargin) * dpr;
    const qreal h = qMax(1.0, height() - 2 * kFitMargin) * dpr;
    // Never enlarged to fit: a small image stays sharp at 100%.
    return std::clamp(qMin(w / m_image.width(), h / m_image.height()), kMinZoom, 1.0);
}

qreal ScreenshotCanvas::zoom() const
{
    return m_fit ? fitZoom() : m_zoom;
}

QSizeF ScreenshotCanvas::shownSize() const
{
    return QSizeF(m_image.size()) * (zoom() / devicePixelRatioF());
}

bool ScreenshotCanvas::canPan() const
{
    if (m_state != State::Image)
        return false;
    const QSizeF shown = shownSize();
    return shown.width() > width() + 0.5 || shown.height() > height() + 0.5;
}

void ScreenshotCanvas::clampCenter()
{
    if (m_image.isNull())
        return;
    const qreal s = zoom() / devicePixelRatioF();
    const qreal halfW = width() / (2 * s);
    const qreal halfH = height() / (2 * s);
    const qreal w = m_image.width();
    const qreal h = m_image.height();
    m_center.setX(2 * halfW >= w ? w / 2 : std::clamp(m_center.x(), halfW, w - halfW));
    m_center.setY(2 * halfH >= h ? h / 2 : std::clamp(m_center.y(), halfH, h - halfH));
}

QTransform ScreenshotCanvas::imageTransform() const
{
    if (m_image.isNull())
        return {};
    const qreal dpr = devicePixelRatioF();
    const qreal s = zoom() / dpr;
    const QSizeF shown = shownSize();
    qreal x = shown.width() <= width() ? (width() - shown.width()) / 2 : width() / 2.0 - m_center.x() * s;
    qreal y =
        shown.height() <= height() ? (height() - shown.height()) / 2 : height() / 2.0 - m_center.y() * s;
    // On whole device pixels, so that 100% maps pixel to pixel.
    x = std::round(x * dpr) / dpr;
    y = std::round(y * dpr) / dpr;
    return QTransform(s, 0, 0, s, x, y);
}

void ScreenshotCanvas::fitToWindow()
{
    if (m_fit)
        return;
    m_fit = true;
    m_center = QPointF(m_image.width() / 2.0, m_image.height() / 2.0);
    updateCursor();
    update();
    emit zoomChanged();
}

void ScreenshotCanvas::setZoom(qreal zoom, const QPointF &anchor)
{
    if (m_image.isNull())
        return;
    zoom = std::clamp(zoom, qMin(kMinZoom, fitZoom()), kMaxZoom);
    const QPointF at = anchor.x() < 0 ? QPointF(width() / 2.0, height() / 2.0) : anchor;
    const QPointF imagePoint = imageTransform().inverted().map(at);
    m_fit = false;
    m_zoom = zoom;
    const qreal s = zoom / devicePixelRatioF();
    m_center = QPointF(imagePoint.x() - (at.x() - width() / 2.0) / s,
                       imagePoint.y() - (at.y() - height() / 2.0) / s);
    clampCenter();
    updateCursor();
    update();
    emit zoomChanged();
}

void ScreenshotCanvas::zoomIn()
{
    const qreal current = zoom();
    for (const qreal step : kSteps) {
        if (step > current * 1.01) {
            setZoom(step);
            return;
        }
    }
    setZoom(kMaxZoom);
}

void ScreenshotCanvas::zoomOut()
{
    const qreal current = zoom();
    for (auto it = std::rbegin(kSteps); it != std::rend(kSteps); ++it) {
        if (*it < current * 0.99) {
            // Stepping out past the fitted size lands on it.
            if (*it < fitZoom() && current > fitZoom() * 1.01)
                fitToWindow();
            else
                setZoom(*it);
            return;
        }
    }
}

void ScreenshotCanvas::panBy(const QPointF &delta)
{
    if (!canPan())
        return;
    if (m_fit) {
        m_zoom = fitZoom();
        m_fit = false;
    }
    const qreal s = zoom() / devicePixelRatioF();
    m_center -= delta / s;
    clampCenter();
    update();
}

void ScreenshotCanvas::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    clampCenter();
    placeRetryButton();
    updateCursor();
    if (m_fit)
        emit zoomChanged();
}

void ScreenshotCanvas::updateCursor()
{
    if (m_dragging)
        setCursor(Qt::ClosedHandCursor);
    else if (canPan())
        setCursor(Qt::OpenHandCursor);
    else
        unsetCursor();
}

void ScreenshotCanvas::wheelEvent(QWheelEvent *event)
{
    if (m_state != State::Image) {
        event->ignore();
        return;
    }
    if (event->modifiers() & Qt::ControlModifier) {
        const qreal steps = event->angleDelta().y() / 120.0;
        if (steps != 0)
            setZoom(zoom() * std::pow(1.25, steps), event->position());
        event->accept();
        return;
    }
    if (!canPan()) {
        event->ignore();
        return;
    }
    QPointF delta = event->pixelDelta();
    if (delta.isNull())
        delta = QPointF(event->angleDelta()) / 120.0 * 60.0;
    if (event->modifiers() & Qt::ShiftModifier)
        delta = QPointF(delta.y(), delta.x());
    panBy(delta);
    event->accept();
}

void ScreenshotCanvas::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    if (event->button() == Qt::LeftButton && canPan()) {
        m_dragging = true;
        m_lastDragPos = event->position().toPoint();
        updateCursor();
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void ScreenshotCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging) {
        const QPoint pos = event->position().toPoint();
        panBy(pos - m_lastDragPos);
        m_lastDragPos = pos;
        event->accept();
        return;
    }
    updateCursor();
    QWidget::mouseMoveEvent(event);
}

void ScreenshotCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragging && event->button() == Qt::LeftButton) {
        m_dragging = false;
        updateCursor();
        event->accept();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void ScreenshotCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (m_state != State::Image || event->button() != Qt::LeftButton)
        return;
    // Fitted and smaller than 100%: look closer where clicked; otherwise back to the whole picture.
    if (m_fit && fitZoom() < 0.99)
        setZoom(1.0, event->position());
    else
        fitToWindow();
}

void ScreenshotCanvas::focusInEvent(QFocusEvent *event)
{
    m_keyboardFocus = event->reason() == Qt::TabFocusReason || event->reason() == Qt::BacktabFocusReason;
    QWidget::focusInEvent(event);
    update();
}

void ScreenshotCanvas::focusOutEvent(QFocusEvent *event)
{
    m_keyboardFocus = false;
    QWidget::focusOutEvent(event);
    update();
}

QRectF ScreenshotCanvas::placeholderCard() const
{
    // A phone-shaped card where the screenshot will be.
    const qreal h = qMin(height() - 2 * kFitMargin, 560.0);
    const qreal w = qMin(h / kPhoneAspect, width() - 2 * kFitMargin);
    return QRectF((width() - w) / 2, (height() - h) / 2, w, h);
}

void ScreenshotCanvas::placeRetryButton()
{
    if (!m_retry->isVisible() && m_state != State::Error)
        return;
    const QSize hint = m_retry->sizeHint();
    const QRectF card = placeholderCard();
    m_retry->setGeometry(
        QRect(QPoint(int(card.center().x() - hint.width() / 2.0), int(card.center().y() + 56)), hint));
}

void ScreenshotCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette &pal = palette();
    painter.fillRect(rect(), theme::mix(pal.color(QPalette::Window), pal.color(QPalette::WindowText),
                                        theme::isDark() ? 0.04 : 0.035));
    if (m_state == State::Image)
        paintImage(painter);
    else
        paintPlaceholder(painter);
    if (hasFocus() && m_keyboardFocus) {
        painter.setPen(QPen(theme::mix(pal.color(QPalette::Highlight), pal.color(QPalette::Window), 0.4), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
    }
}

void ScreenshotCanvas::paintImage(QPainter &painter)
{
    const QTransform transform = imageTransform();
    const QRectF target = transform.mapRect(QRectF(m_image.rect()));
    const qreal dpr = devicePixelRatioF();

    // A hairline and a soft shadow keep a white screenshot apart from a light background.
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    for (int i = 1; i <= 4; ++i) {
        QColor shadow(0, 0, 0, theme::isDark() ? 40 - i * 8 : 18 - i * 4);
        painter.setBrush(shadow);
        painter.drawRoundedRect(target.adjusted(-i, -i + 2, i, i + 2), i + 1, i + 1);
    }
    painter.restore();

    const qreal z = zoom();
    if (z < 0.999) {
        // Resampled once per size with a proper filter; a bilinear draw of a large reduction would alias.
        const QSize device = (QSizeF(m_image.size()) * z).toSize().expandedTo(QSize(1, 1));
        if (m_scaledKey != m_image.cacheKey() || m_scaledSize != device) {
            m_scaled =
                QPixmap::fromImage(m_image.scaled(device, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
            m_scaledKey = m_image.cacheKey();
            m_scaledSize = device;
        }
        m_scaled.setDevicePixelRatio(dpr);
        painter.drawPixmap(target.topLeft(), m_scaled);
    } else {
        painter.save();
        // Enlarged far enough to inspect pixels: show them as squares.
        painter.setRenderHint(QPainter::SmoothPixmapTransform, z < 3.0);
        painter.setTransform(transform, true);
        painter.drawPixmap(QPointF(0, 0), m_pixmap);
        painter.restore();
    }
    painter.setPen(QPen(theme::separator(), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(target.adjusted(-0.5, -0.5, 0.5, 0.5));
}

void ScreenshotCanvas::paintPlaceholder(QPainter &painter)
{
    const QPalette &pal = palette();
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF card = placeholderCard();
    if (m_state != State::Empty) {
        painter.setPen(QPen(theme::separator(), 1));
        painter.setBrush(pal.color(QPalette::Base));
        painter.drawRoundedRect(card, 18, 18);
    }
    QRectF textBox(card.left() + 16, card.center().y() - 40, card.width() - 32, 88);
    if (m_state == State::Error) {
        const QSize iconSize(28, 28);
        const QPixmap icon = theme::svgPixmap(kAlertIcon, iconSize, devicePixelRatioF());
        painter.drawPixmap(QPointF(card.center().x() - iconSize.width() / 2.0, card.center().y() - 80), icon);
        textBox = QRectF(card.left() + 16, card.center().y() - 44, card.width() - 32, 92);
    } else if (m_state == State::Empty) {
        textBox = QRectF(rect()).adjusted(24, 0, -24, 0);
    }
    painter.setPen(m_state == State::Error ? theme::errorText() : theme::textSecondary());
    painter.setFont(m_state == State::Error ? theme::font(0) : theme::font(0.5));
    painter.drawText(textBox,
                     Qt::AlignHCenter | (m_state == State::Error ? Qt::AlignTop : Qt::AlignVCenter) |
                         Qt::TextWordWrap,
                     m_message);
}

} // namespace ascend::ui

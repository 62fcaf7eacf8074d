#include "ui/theme.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QStyleFactory>
#include <QSvgRenderer>

namespace ascend::ui::theme {

QColor accent()
{
    return QColor(0x25, 0x63, 0xeb);
}
QColor accentSoft()
{
    return QColor(0xe3, 0xec, 0xfd);
}
QColor textPrimary()
{
    return QColor(0x1f, 0x29, 0x33);
}
QColor textSecondary()
{
    return QColor(0x61, 0x6e, 0x7c);
}
QColor sidebarBackground()
{
    return QColor(0xf3, 0xf4, 0xf6);
}
QColor separator()
{
    return QColor(0xdd, 0xe1, 0xe6);
}
QColor positive()
{
    return QColor(0x1f, 0x9d, 0x55);
}
QColor warning()
{
    return QColor(0xd9, 0x9a, 0x1a);
}
QColor critical()
{
    return QColor(0xd6, 0x45, 0x45);
}

void apply(QApplication &app)
{
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        app.setStyle(fusion);

    QPalette p;
    const QColor window(0xfb, 0xfb, 0xfc);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, textPrimary());
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf7, 0xf9));
    p.setColor(QPalette::ToolTipBase, QColor(0x2b, 0x33, 0x3d));
    p.setColor(QPalette::ToolTipText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa4, 0xaf));
    p.setColor(QPalette::Text, textPrimary());
    p.setColor(QPalette::Button, QColor(0xf4, 0xf5, 0xf7));
    p.setColor(QPalette::ButtonText, textPrimary());
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, accent());
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, accent());
    p.setColor(QPalette::LinkVisited, accent().darker(120));
    p.setColor(QPalette::Light, Qt::white);
    p.setColor(QPalette::Midlight, QColor(0xe9, 0xec, 0xef));
    p.setColor(QPalette::Mid, QColor(0xc4, 0xcb, 0xd3));
    p.setColor(QPalette::Dark, QColor(0xa0, 0xa9, 0xb3));
    p.setColor(QPalette::Shadow, QColor(0x6b, 0x75, 0x80));
    const QColor disabledText(0xa7, 0xb0, 0xba);
    p.setColor(QPalette::Disabled, QPalette::WindowText, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Text, disabledText);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0xc4, 0xcb, 0xd3));
    app.setPalette(p);

    // Only what the palette cannot express: the filled primary button and the status bar's top rule.
    app.setStyleSheet(QStringLiteral(R"(
QPushButton#primaryButton {
    background-color: %1; color: white; border: 1px solid %2; border-radius: 6px;
    padding: 6px 16px; font-weight: 600;
}
QPushButton#primaryButton:hover { background-color: %3; }
QPushButton#primaryButton:pressed { background-color: %2; }
QPushButton#primaryButton:focus { border: 2px solid %4; }
QPushButton#primaryButton:disabled { background-color: #a9bff0; border-color: #a9bff0; }
QMenuBar { border-bottom: 1px solid %5; }
QStatusBar { border-top: 1px solid %5; background: #f7f8fa; }
QStatusBar::item { border: none; }
)")
                          .arg(accent().name(), accent().darker(125).name(), accent().lighter(112).name(),
                               QColor(0x93, 0xb4, 0xf8).name(), separator().name()));
}

QPixmap svgPixmap(const QString &svgPath, const QSize &size, qreal devicePixelRatio)
{
    QPixmap pixmap(size * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QSvgRenderer renderer(svgPath);
    if (!renderer.isValid())
        return pixmap;
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
    return pixmap;
}

QPixmap tintedPixmap(const QString &svgPath, const QColor &color, const QSize &size, qreal devicePixelRatio)
{
    QPixmap pixmap = svgPixmap(svgPath, size, devicePixelRatio);
    QPainter painter(&pixmap);
    painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
    painter.fillRect(QRectF(QPointF(0, 0), QSizeF(size)), color);
    return pixmap;
}

QIcon tintedIcon(const QString &svgPath, const QColor &color, const QSize &size)
{
    QIcon icon;
    icon.addPixmap(tintedPixmap(svgPath, color, size, 2.0), QIcon::Normal);
    QColor disabled = color;
    disabled.setAlphaF(0.35);
    icon.addPixmap(tintedPixmap(svgPath, disabled, size, 2.0), QIcon::Disabled);
    return icon;
}

QFont font(qreal pointDelta, bool bold)
{
    QFont f = QApplication::font();
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() + pointDelta);
    f.setBold(bold);
    return f;
}

} // namespace ascend::ui::theme

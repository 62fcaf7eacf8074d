#pragma once
// The look of Ascend in one place: palette, accent colours and tinted SVG icons.

#include <QColor>
#include <QIcon>
#include <QPixmap>
#include <QString>

class QApplication;

namespace ascend::ui::theme {

// Fusion with a light palette, so the window looks the same on every desktop.
void apply(QApplication &app);

QColor accent();     // selection, primary buttons, links
QColor accentSoft(); // selected rows, icon backdrops
QColor textPrimary();
QColor textSecondary();
QColor sidebarBackground();
QColor separator();
QColor positive();
QColor warning();
QColor critical();

// An SVG from the resources rendered at size (device-independent pixels) in one colour.
QPixmap tintedPixmap(const QString &svgPath, const QColor &color, const QSize &size,
                     qreal devicePixelRatio = 1.0);
QIcon tintedIcon(const QString &svgPath, const QColor &color, const QSize &size = QSize(20, 20));
// An SVG from the resources as it is drawn (multi-colour icons, the logo).
QPixmap svgPixmap(const QString &svgPath, const QSize &size, qreal devicePixelRatio = 1.0);

// A font relative to the application font: pointDelta added, optionally bold.
QFont font(qreal pointDelta, bool bold = false);

} // namespace ascend::ui::theme

#pragma once
// The look of Ascend in one place: the light and dark palettes, the colours derived from the application
// palette, and SVG icons rendered at the device's pixel ratio. Colours are read from the current
// application palette each time, so painting code follows a switch between light and dark by itself;
// widgets that store a colour in their own palette or style sheet use bindColor()/bindStyleSheet().

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QPixmap>
#include <QString>
#include <functional>

class QApplication;
class QWidget;

namespace ascend::ui::theme {

// System follows the desktop's light or dark preference (and its later changes).
enum class Mode { System, Light, Dark };

// Fusion with Ascend's light or dark palette, so the window looks the same on every desktop.
void apply(QApplication &app, Mode mode = Mode::System);
// Switches at run time; every widget updates (palette-bound colours and icons included).
void setMode(Mode mode);
Mode mode();
// Whether the palette in use is the dark one.
bool isDark();
// Whether the desktop asks for dark colours (the platform palette's window colour is dark).
bool systemPrefersDark();

QPalette lightPalette();
QPalette darkPalette();

QColor accent();     // selection, primary buttons, links
QColor accentSoft(); // selected rows, icon backdrops
QColor onAccent();   // text and icons drawn on accent fills
QColor textPrimary();
QColor textSecondary();
QColor sidebarBackground();
QColor separator();
QColor hoverFill();  // rows and buttons under the mouse
QColor subtleFill(); // cards and drop zones, a shade off the base colour
QColor neutral();    // idle dots, neutral badges, inactive icons
QColor positive();
QColor warning();
QColor critical();
// Backgrounds and text of the error and information banners.
QColor errorFill();
QColor errorText();
QColor infoFill();
QColor infoText();

// Blends a into b: 0 gives a, 1 gives b.
QColor mix(const QColor &a, const QColor &b, qreal amount);

// How an icon is coloured when it is drawn; everything but None follows the palette in use.
enum class Tint { None, TextPrimary, TextSecondary, Accent, OnAccent };

// An SVG from the resources, rendered at the exact device pixel size whenever Qt asks for it (sharp at any
// scale factor) and tinted with the palette colour of the moment.
QIcon icon(const QString &svgPath, Tint tint = Tint::TextPrimary);
// The same in one fixed colour. size is only a hint kept for older callers.
QIcon tintedIcon(const QString &svgPath, const QColor &color, const QSize &size = QSize(20, 20));

// An SVG from the resources rendered at size (device-independent pixels) in one colour.
QPixmap tintedPixmap(const QString &svgPath, const QColor &color, const QSize &size,
                     qreal devicePixelRatio = 1.0);
// An SVG from the resources as it is drawn (multi-colour icons, the logo).
QPixmap svgPixmap(const QString &svgPath, const QSize &size, qreal devicePixelRatio = 1.0);

// A font relative to the application font: pointDelta added, optionally bold.
QFont font(qreal pointDelta, bool bold = false);

// Sets role in widget's palette to color() now and again after every change of the application palette.
void bindColor(QWidget *widget, QPalette::ColorRole role, std::function<QColor()> color);
// Sets widget's style sheet to styleSheet() now and again after every change of the application palette.
void bindStyleSheet(QWidget *widget, std::function<QString()> styleSheet);

} // namespace ascend::ui::theme

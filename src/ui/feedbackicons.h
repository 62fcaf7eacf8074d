#pragma once
// Small line icons of the Feedback pane (a screenshot, grid and list layouts), drawn from SVG kept in code
// and coloured at paint time, so they follow the light and dark palettes. Crash and "triaged" use the shared
// alert-circle and check-circle icons.

#include <QColor>
#include <QIcon>
#include <QPixmap>

namespace ascend::ui::feedbackicons {

enum class Glyph { Screenshot, Grid, List, Crash, Triaged };

// The glyph at size (device-independent pixels) in colour; Crash and Triaged keep their own colours.
QPixmap pixmap(Glyph glyph, const QColor &color, const QSize &size, qreal devicePixelRatio = 1.0);
// An icon that renders the glyph in the palette's text colour (and the highlighted text colour when
// selected) at whatever size is asked.
QIcon icon(Glyph glyph);

} // namespace ascend::ui::feedbackicons

#include "ui/feedbackicons.h"

#include "ui/theme.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace ascend::ui::feedbackicons {

namespace {

QByteArray lineSvg(Glyph glyph)
{
    switch (glyph) {
    case Glyph::Screenshot:
        return R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="COLOR"
 stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">
 <rect x="6" y="2.5" width="12" height="19" rx="2.5"/><path d="M6 16.5 10 12.5l3 3 2-2 3 3"/>
 <circle cx="14.5" cy="8" r="1.4"/></svg>)";
    case Glyph::Grid:
        return R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="COLOR"
 stroke-width="1.8" stroke-linejoin="round"><rect x="4" y="4" width="6.5" height="6.5" rx="1.5"/>
 <rect x="13.5" y="4" width="6.5" height="6.5" rx="1.5"/><rect x="4" y="13.5" width="6.5" height="6.5" rx="1.5"/>
 <rect x="13.5" y="13.5" width="6.5" height="6.5" rx="1.5"/></svg>)";
    case Glyph::List:
        return R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="COLOR"
 stroke-width="1.8" stroke-linecap="round"><path d="M9 6.5h11M9 12h11M9 17.5h11"/>
 <circle cx="4.8" cy="6.5" r="0.9" fill="COLOR"/><circle cx="4.8" cy="12" r="0.9" fill="COLOR"/>
 <circle cx="4.8" cy="17.5" r="0.9" fill="COLOR"/></svg>)";
    case Glyph::Crash:
    case Glyph::Triaged:
        break;
    }
    return {};
}

QPixmap render(const QByteArray &svg, const QSize &size, qreal dpr)
{
    QPixmap pixmap(size * dpr);
    pixmap.fill(Qt::transparent);
    pixmap.setDevicePixelRatio(dpr);
    QSvgRenderer renderer(svg);
    QPainter painter(&pixmap);
    renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
    return pixmap;
}

class GlyphEngine : public QIconEngine {
public:
    explicit GlyphEngine(Glyph glyph)
        : m_glyph(glyph)
    {}
    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->drawPixmap(rect, feedbackicons::pixmap(m_glyph, colorFor(mode), rect.size(), dpr));
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State) override
    {
        return feedbackicons::pixmap(m_glyph, colorFor(mode), size, 1.0);
    }
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State, qreal scale) override
    {
        return feedbackicons::pixmap(m_glyph, colorFor(mode), size / scale, scale);
    }
    QIconEngine *clone() const override { return new GlyphEngine(m_glyph); }

private:
    static QColor colorFor(QIcon::Mode mode)
    {
        if (mode == QIcon::Selected)
            return QApplication::palette().color(QPalette::HighlightedText);
        if (mode == QIcon::Disabled)
            return theme::neutral();
        return theme::textPrimary();
    }
    Glyph m_glyph;
};

} // namespace

QPixmap pixmap(Glyph glyph, const QColor &color, const QSize &size, qreal devicePixelRatio)
{
    // The grid paints these for every card: render each glyph, colour and size once.
    const QString key = QStringLiteral("ascend-feedback-glyph-%1-%2-%3x%4@%5")
                            .arg(int(glyph))
                            .arg(color.rgba())
                            .arg(size.width())
                            .arg(size.height())
                            .arg(devicePixelRatio);
    QPixmap cached;
    if (QPixmapCache::find(key, &cached))
        return cached;
    if (glyph == Glyph::Crash) {
        cached = theme::svgPixmap(QStringLiteral(":/icons/alert-circle.svg"), size, devicePixelRatio);
    } else if (glyph == Glyph::Triaged) {
        cached = theme::svgPixmap(QStringLiteral(":/icons/check-circle.svg"), size, devicePixelRatio);
    } else {
        QByteArray svg = lineSvg(glyph);
        svg.replace("COLOR", color.name().toLatin1());
        cached = render(svg, size, devicePixelRatio);
    }
    QPixmapCache::insert(key, cached);
    return cached;
}

QIcon icon(Glyph glyph)
{
    if (glyph == Glyph::Crash)
        return QIcon(theme::svgPixmap(QStringLiteral(":/icons/alert-circle.svg"), QSize(32, 32), 2.0));
    if (glyph == Glyph::Triaged)
        return QIcon(theme::svgPixmap(QStringLiteral(":/icons/check-circle.svg"), QSize(32, 32), 2.0));
    return QIcon(new GlyphEngine(glyph));
}

} // namespace ascend::ui::feedbackicons

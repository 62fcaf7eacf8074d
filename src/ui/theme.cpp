#include "ui/theme.h"

#include <QApplication>
#include <QEvent>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>
#include <QPointer>
#include <QStyle>
#include <QStyleFactory>
#include <QSvgRenderer>
#include <QTimer>
#include <QWidget>

namespace ascend::ui::theme {

namespace {

Mode g_mode = Mode::System;
bool g_systemDark = false;
bool g_systemKnown = false;

QPalette appPalette()
{
    return QGuiApplication::palette();
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

// The desktop's own palette: what the application resolves to when it sets none.
bool readSystemPrefersDark()
{
    const QPalette current = QGuiApplication::palette();
    QGuiApplication::setPalette(QPalette());
    const bool dark = isDarkPalette(QGuiApplication::palette());
    QGuiApplication::setPalette(current);
    return dark;
}

QString styleSheet()
{
    // Only what the palette cannot express: the filled primary button and the status bar's top rule.
    return QStringLiteral(R"(
QPushButton#primaryButton {
    background-color: %1; color: %6; border: 1px solid %2; border-radius: 6px;
    padding: 6px 16px; font-weight: 600;
}
QPushButton#primaryButton:hover { background-color: %3; }
QPushButton#primaryButton:pressed { background-color: %2; }
QPushButton#primaryButton:focus { border: 2px solid %4; }
QPushButton#primaryButton:disabled { background-color: %7; border-color: %7; }
QMenuBar { border-bottom: 1px solid %5; }
QStatusBar { border-top: 1px solid %5; background: %8; }
QStatusBar::item { border: none; }
)")
        .arg(accent().name(), accent().darker(125).name(), accent().lighter(112).name(),
             mix(accent(), onAccent(), 0.45).name(), separator().name(), onAccent().name(),
             mix(accent(), appPalette().color(QPalette::Window), 0.55).name(),
             mix(appPalette().color(QPalette::Window), textPrimary(), 0.02).name());
}

class ThemeBinding;
QList<ThemeBinding *> g_bindings; // every live binding; each removes itself when destroyed
void applyBindings();

void applyPalette()
{
    const bool dark = g_mode == Mode::Dark || (g_mode == Mode::System && g_systemDark);
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
        app->setStyleSheet(styleSheet());
    applyBindings();
}

// One filter on the application: follows the desktop when it switches between light and dark while Ascend
// runs (mode System), and re-applies the theme-bound colours of widgets after any palette change.
class Watcher : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // Widgets hear of a new application palette one by one; re-apply the bindings once afterwards.
        if (event->type() == QEvent::ApplicationPaletteChange && !m_bindingsPending) {
            m_bindingsPending = true;
            QTimer::singleShot(0, this, [this] {
                m_bindingsPending = false;
                applyBindings();
            });
        }
        if (event->type() == QEvent::ThemeChange && g_mode == Mode::System && !m_pending) {
            m_pending = true;
            QTimer::singleShot(0, this, [this] {
                m_pending = false;
                const bool dark = readSystemPrefersDark();
                if (dark != g_systemDark) {
                    g_systemDark = dark;
                    applyPalette();
                }
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_pending = false;
    bool m_bindingsPending = false;
};

void ensureWatcher()
{
    static QPointer<Watcher> watcher;
    if (!watcher && QCoreApplication::instance()) {
        watcher = new Watcher(QCoreApplication::instance());
        QCoreApplication::instance()->installEventFilter(watcher);
    }
}

QColor tintColor(Tint tint, QIcon::Mode mode)
{
    const bool selected = mode == QIcon::Selected || mode == QIcon::Active;
    switch (tint) {
    case Tint::None:
        return QColor();
    case Tint::TextPrimary:
        return selected && mode == QIcon::Selected ? appPalette().color(QPalette::HighlightedText)
                                                   : textPrimary();
    case Tint::TextSecondary:
        return mode == QIcon::Selected ? appPalette().color(QPalette::HighlightedText) : textSecondary();
    case Tint::Accent:
        return mode == QIcon::Selected ? appPalette().color(QPalette::HighlightedText) : accent();
    case Tint::OnAccent:
        return onAccent();
    }
    return textPrimary();
}

// Renders the SVG each time Qt asks for a size (in device pixels), so icons stay sharp at any scale factor,
// and picks the tint from the palette of the moment. Results are cached by QPixmapCache.
class SvgIconEngine : public QIconEngine {
public:
    SvgIconEngine(QString path, Tint tint, QColor fixed)
        : m_path(std::move(path))
        , m_tint(tint)
        , m_fixed(std::move(fixed))
    {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap pm = pixmap((QSizeF(rect.size()) * dpr).toSize(), mode, state);
        pm.setDevicePixelRatio(dpr);
        painter->drawPixmap(rect.topLeft(), pm);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State) override
    {
        if (size.isEmpty())
            return {};
        QColor color = m_fixed.isValid() ? m_fixed : tintColor(m_tint, mode);
        const bool disabled = mode == QIcon::Disabled;
        if (disabled && color.isValid())
            color.setAlphaF(color.alphaF() * 0.35);
        const QString key =
            QStringLiteral("ascend-icon:%1:%2:%3x%4:%5")
                .arg(m_path, color.isValid() ? color.name(QColor::HexArgb) : QStringLiteral("-"))
                .arg(size.width())
                .arg(size.height())
                .arg(disabled ? 1 : 0);
        QPixmap pm;
        if (QPixmapCache::find(key, &pm))
            return pm;
        pm = QPixmap(size);
        pm.fill(Qt::transparent);
        QSvgRenderer renderer(m_path);
        if (renderer.isValid()) {
            QPainter painter(&pm);
            painter.setRenderHint(QPainter::Antialiasing);
            if (disabled && !color.isValid())
                painter.setOpacity(0.4);
            renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
            if (color.isValid()) {
                painter.setOpacity(1.0);
                painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
                painter.fillRect(pm.rect(), color);
            }
        }
        QPixmapCache::insert(key, pm);
        return pm;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine *clone() const override { return new SvgIconEngine(m_path, m_tint, m_fixed); }
    QString key() const override { return QStringLiteral("AscendSvgIconEngine"); }

private:
    QString m_path;
    Tint m_tint;
    QColor m_fixed;
};

// Re-applies a widget's theme-bound colours and style sheet whenever the application palette changes.
class ThemeBinding : public QObject {
public:
    explicit ThemeBinding(QWidget *widget)
        : QObject(widget)
        , m_widget(widget)
    {
        setObjectName(QStringLiteral("ascendThemeBinding"));
        ensureWatcher();
        g_bindings.append(this);
    }
    ~ThemeBinding() override { g_bindings.removeAll(this); }

    void setColor(QPalette::ColorRole role, std::function<QColor()> color)
    {
        m_colors[role] = std::move(color);
        apply();
    }

    void setStyleSheet(std::function<QString()> styleSheet)
    {
        m_styleSheet = std::move(styleSheet);
        apply();
    }

    void apply()
    {
        if (!m_widget)
            return;
        if (!m_colors.isEmpty()) {
            QPalette palette = m_widget->palette();
            for (auto it = m_colors.cbegin(); it != m_colors.cend(); ++it)
                palette.setColor(it.key(), it.value()());
            m_widget->setPalette(palette);
        }
        if (m_styleSheet)
            m_widget->setStyleSheet(m_styleSheet());
    }

private:
    QPointer<QWidget> m_widget;
    QHash<QPalette::ColorRole, std::function<QColor()>> m_colors;
    std::function<QString()> m_styleSheet;
};

void applyBindings()
{
    const QList<ThemeBinding *> bindings = g_bindings;
    for (ThemeBinding *binding : bindings) {
        if (g_bindings.contains(binding))
            binding->apply();
    }
}

ThemeBinding *bindingFor(QWidget *widget)
{
    auto *binding =
        widget->findChild<ThemeBinding *>(QStringLiteral("ascendThemeBinding"), Qt::FindDirectChildrenOnly);
    return binding ? binding : new ThemeBinding(widget);
}

} // namespace

QColor mix(const QColor &a, const QColor &b, qreal amount)
{
    const qreal t = std::clamp(amount, 0.0, 1.0);
    return QColor::fromRgbF(
        float(a.redF() + (b.redF() - a.redF()) * t), float(a.greenF() + (b.greenF() - a.greenF()) * t),
        float(a.blueF() + (b.blueF() - a.blueF()) * t), float(a.alphaF() + (b.alphaF() - a.alphaF()) * t));
}

bool isDark()
{
    return isDarkPalette(appPalette());
}

QColor accent()
{
    return appPalette().color(QPalette::Highlight);
}
QColor accentSoft()
{
    return mix(appPalette().color(QPalette::Base), accent(), isDark() ? 0.30 : 0.13);
}
QColor onAccent()
{
    return appPalette().color(QPalette::HighlightedText);
}
QColor textPrimary()
{
    return appPalette().color(QPalette::WindowText);
}
QColor textSecondary()
{
    return mix(textPrimary(), appPalette().color(QPalette::Window), isDark() ? 0.38 : 0.33);
}
QColor sidebarBackground()
{
    const QColor window = appPalette().color(QPalette::Window);
    return isDark() ? mix(window, Qt::black, 0.22) : mix(window, textPrimary(), 0.035);
}
QColor separator()
{
    return mix(appPalette().color(QPalette::Window), textPrimary(), isDark() ? 0.16 : 0.12);
}
QColor hoverFill()
{
    return mix(sidebarBackground(), textPrimary(), isDark() ? 0.10 : 0.05);
}
QColor subtleFill()
{
    return mix(appPalette().color(QPalette::Base), textPrimary(), isDark() ? 0.05 : 0.025);
}
QColor neutral()
{
    return mix(textPrimary(), appPalette().color(QPalette::Window), 0.48);
}
QColor positive()
{
    return isDark() ? QColor(0x3c, 0xc4, 0x78) : QColor(0x1f, 0x9d, 0x55);
}
QColor warning()
{
    return isDark() ? QColor(0xe8, 0xb3, 0x3c) : QColor(0xd9, 0x9a, 0x1a);
}
QColor critical()
{
    return isDark() ? QColor(0xf0, 0x6e, 0x6e) : QColor(0xd6, 0x45, 0x45);
}
QColor errorFill()
{
    return mix(appPalette().color(QPalette::Base), critical(), isDark() ? 0.22 : 0.09);
}
QColor errorText()
{
    return isDark() ? QColor(0xf8, 0xc4, 0xc4) : QColor(0x8f, 0x1f, 0x1f);
}
QColor infoFill()
{
    return mix(appPalette().color(QPalette::Base), accent(), isDark() ? 0.22 : 0.09);
}
QColor infoText()
{
    return isDark() ? QColor(0xc5, 0xd8, 0xf8) : QColor(0x17, 0x2f, 0x5c);
}

QPalette lightPalette()
{
    QPalette p;
    const QColor text(0x1f, 0x29, 0x33);
    const QColor accentColor(0x25, 0x63, 0xeb);
    p.setColor(QPalette::Window, QColor(0xfb, 0xfb, 0xfc));
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf7, 0xf9));
    p.setColor(QPalette::ToolTipBase, QColor(0x2b, 0x33, 0x3d));
    p.setColor(QPalette::ToolTipText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x94, 0x9f));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0xf4, 0xf5, 0xf7));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, accentColor);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, accentColor);
    p.setColor(QPalette::LinkVisited, accentColor.darker(120));
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
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor text(0xe4, 0xe7, 0xeb);
    const QColor accentColor(0x4c, 0x8d, 0xf6);
    p.setColor(QPalette::Window, QColor(0x20, 0x23, 0x28));
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, QColor(0x18, 0x1a, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x22, 0x25, 0x2a));
    p.setColor(QPalette::ToolTipBase, QColor(0x33, 0x38, 0x40));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x7d, 0x85, 0x90));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2c, 0x30, 0x36));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, accentColor);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xab, 0xfa));
    p.setColor(QPalette::LinkVisited, QColor(0xa8, 0x9b, 0xf5));
    p.setColor(QPalette::Light, QColor(0x3c, 0x41, 0x48));
    p.setColor(QPalette::Midlight, QColor(0x33, 0x37, 0x3d));
    p.setColor(QPalette::Mid, QColor(0x4a, 0x50, 0x58));
    p.setColor(QPalette::Dark, QColor(0x14, 0x16, 0x19));
    p.setColor(QPalette::Shadow, QColor(0x05, 0x06, 0x07));
    const QColor disabledText(0x6b, 0x72, 0x7b);
    p.setColor(QPalette::Disabled, QPalette::WindowText, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Text, disabledText);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x3a, 0x3f, 0x46));
    return p;
}

bool systemPrefersDark()
{
    if (!g_systemKnown) {
        g_systemDark = readSystemPrefersDark();
        g_systemKnown = true;
    }
    return g_systemDark;
}

void apply(QApplication &app, Mode mode)
{
    if (app.style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0) {
        if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
            app.setStyle(fusion);
    }
    if (!g_systemKnown) {
        g_systemDark = readSystemPrefersDark();
        g_systemKnown = true;
    }
    ensureWatcher();
    g_mode = mode;
    applyPalette();
}

void setMode(Mode mode)
{
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
        apply(*app, mode);
}

Mode mode()
{
    return g_mode;
}

QIcon icon(const QString &svgPath, Tint tint)
{
    return QIcon(new SvgIconEngine(svgPath, tint, QColor()));
}

QIcon tintedIcon(const QString &svgPath, const QColor &color, const QSize &)
{
    return QIcon(new SvgIconEngine(svgPath, Tint::None, color));
}

QPixmap svgPixmap(const QString &svgPath, const QSize &size, qreal devicePixelRatio)
{
    QPixmap pixmap((QSizeF(size) * devicePixelRatio).toSize());
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

QFont font(qreal pointDelta, bool bold)
{
    QFont f = QApplication::font();
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() + pointDelta);
    f.setBold(bold);
    return f;
}

void bindColor(QWidget *widget, QPalette::ColorRole role, std::function<QColor()> color)
{
    bindingFor(widget)->setColor(role, std::move(color));
}

void bindStyleSheet(QWidget *widget, std::function<QString()> styleSheet)
{
    bindingFor(widget)->setStyleSheet(std::move(styleSheet));
}

} // namespace ascend::ui::theme

#include "sim/feedbackscreenshot.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImageWriter>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRandomGenerator>
#include <QStringList>
#include <QtMath>

namespace ascend::sim {

namespace {

quint32 fnv1a(const QString &text)
{
    quint32 hash = 2166136261u;
    for (const QChar c : text) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return hash;
}

const char *const kScreenTitles[] = {"Today", "Library", "Explore", "Favorites",   "Activity",
                                     "Inbox", "Nearby",  "Recent",  "Collections", "Saved"};
const char *const kItemTitles[] = {"Cedar Falls Trail",  "Weekly Review", "Morning Run",     "Project Atlas",
                                   "Sunset Point",       "Team Sync",     "Grocery list",    "Old Mill Loop",
                                   "Reading notes",      "Budget 2024",   "Lake Shore Path", "Garden ideas",
                                   "Photos from Lisbon", "Invoices",      "Eagle Ridge",     "Recipes",
                                   "Draft: Q3 plan",     "Harbor Walk",   "Packing list",    "Book club",
                                   "North Face Route",   "Bike tune-up",  "Trip to Kyoto",   "Daily standup"};
const char *const kSubtitles[] = {
    "Updated 2 min ago", "3.4 km · 1 h 05", "12 items",        "Shared with Mia",
    "Yesterday, 18:20",  "Synced",          "Draft",           "4 photos",
    "Due Friday",        "8.1 km · 2 h 40", "Edited by Jonas", "3 comments"};
const char *const kSentences[] = {
    "Follow the ridge past the old mill and keep left where the trail forks.",
    "The last stretch is steep but short, with a view over the whole valley.",
    "Bring water: there is no spring after the second bridge.",
    "Best in the early morning, before the parking fills up.",
    "Dogs are welcome on a leash.",
    "Parts of the path are muddy after rain, so wear proper shoes.",
    "Shared with 4 people. Last edited on Tuesday.",
    "Tap Start to begin recording; the route syncs when you are back online.",
    "Offline maps for this area take about 80 MB.",
};
const char *const kTabs[] = {"Home", "Search", "Saved", "Activity", "Profile"};
const char *const kSettings[] = {"Notifications", "Offline maps", "Units",   "Dark appearance", "iCloud sync",
                                 "Haptics",       "Auto-play",    "Privacy", "Widgets",         "About"};

class ScreenPainter {
public:
    ScreenPainter(QPainter &painter, const ScreenshotSpec &spec)
        : p(painter)
        , s(spec)
        , r(fnv1a(spec.submissionId + QLatin1Char('/') + QString::number(spec.index)))
    {
        canText = qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr;
        W = qreal(spec.width) / spec.scale;
        H = qreal(spec.height) / spec.scale;
        dark = r.bounded(100u) < 28;
        accent = QColor::fromHsv(int(fnv1a(spec.appName) % 360), 170 + int(r.bounded(60u)), 215);
        background = dark ? QColor(0, 0, 0) : QColor(242, 242, 247);
        surface = dark ? QColor(28, 28, 30) : QColor(255, 255, 255);
        label = dark ? QColor(255, 255, 255) : QColor(0, 0, 0);
        secondary = dark ? QColor(235, 235, 245, 150) : QColor(60, 60, 67, 150);
        separator = dark ? QColor(84, 84, 88, 160) : QColor(60, 60, 67, 50);
    }

    void paint();

private:
    QString pick(const char *const *items, size_t count)
    {
        return QString::fromUtf8(items[r.bounded(quint32(count))]);
    }
    template <size_t N> QString pick(const char *const (&items)[N]) { return pick(items, N); }

    QFont font(qreal size, QFont::Weight weight = QFont::Normal, bool handwriting = false) const
    {
        QFont f;
        f.setFamilies(handwriting ? QStringList{QStringLiteral("Z003"), QStringLiteral("URW Chancery L"),
                                                QStringLiteral("DejaVu Serif")}
                                  : QStringList{QStringLiteral("Nimbus Sans"), QStringLiteral("Helvetica"),
                                                QStringLiteral("DejaVu Sans")});
        f.setPixelSize(std::max(1, qRound(size)));
        f.setWeight(weight);
        f.setItalic(handwriting);
        return f;
    }
    // Text, or where there are no fonts a rounded bar as long as the text would be.
    void text(const QRectF &box, const QString &string, qreal size, const QColor &color,
              QFont::Weight weight = QFont::Normal, Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter)
    {
        if (canText) {
            p.setFont(font(size, weight));
            p.setPen(color);
            p.drawText(box, int(align) | Qt::TextSingleLine, string);
            return;
        }
        const qreal width = std::min(box.width(), string.size() * size * 0.52);
        const qreal height = size * 0.62;
        qreal x = box.left();
        if (align & Qt::AlignHCenter)
            x = box.center().x() - width / 2;
        else if (align & Qt::AlignRight)
            x = box.right() - width;
        QColor fill = color;
        fill.setAlphaF(fill.alphaF() * 0.55);
        p.setPen(Qt::NoPen);
        p.setBrush(fill);
        p.drawRoundedRect(QRectF(x, box.center().y() - height / 2, width, height), height / 2, height / 2);
    }
    void glyph(const QRectF &box, int kind, const QColor &color)
    {
        // Tab bar and sidebar symbols: house, magnifier, bookmark, bell, person.
        p.setPen(QPen(color, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        const QRectF b =
            box.adjusted(box.width() * 0.18, box.height() * 0.18, -box.width() * 0.18, -box.height() * 0.18);
        switch (kind % 5) {
        case 0: {
            QPainterPath house;
            house.moveTo(b.left(), b.center().y());
            house.lineTo(b.center().x(), b.top());
            house.lineTo(b.right(), b.center().y());
            house.moveTo(b.left() + b.width() * 0.15, b.center().y() - 1);
            house.lineTo(b.left() + b.width() * 0.15, b.bottom());
            house.lineTo(b.right() - b.width() * 0.15, b.bottom());
            house.lineTo(b.right() - b.width() * 0.15, b.center().y() - 1);
            p.drawPath(house);
            break;
        }
        case 1:
            p.drawEllipse(QRectF(b.left(), b.top(), b.width() * 0.7, b.height() * 0.7));
            p.drawLine(QPointF(b.left() + b.width() * 0.6, b.top() + b.height() * 0.6), b.bottomRight());
            break;
        case 2: {
            QPainterPath mark;
            mark.moveTo(b.left() + b.width() * 0.15, b.top());
            mark.lineTo(b.right() - b.width() * 0.15, b.top());
            mark.lineTo(b.right() - b.width() * 0.15, b.bottom());
            mark.lineTo(b.center().x(), b.bottom() - b.height() * 0.25);
            mark.lineTo(b.left() + b.width() * 0.15, b.bottom());
            mark.closeSubpath();
            p.drawPath(mark);
            break;
        }
        case 3:
            p.drawChord(QRectF(b.left() + b.width() * 0.1, b.top(), b.width() * 0.8, b.height() * 1.5), 0,
                        180 * 16);
            p.drawLine(QPointF(b.left(), b.top() + b.height() * 0.75),
                       QPointF(b.right(), b.top() + b.height() * 0.75));
            break;
        default:
            p.drawEllipse(
                QRectF(b.center().x() - b.width() * 0.22, b.top(), b.width() * 0.44, b.height() * 0.44));
            p.drawArc(QRectF(b.left(), b.top() + b.height() * 0.55, b.width(), b.height() * 0.9), 0,
                      180 * 16);
            break;
        }
    }
    // A photo placeholder: sky gradient, hills, a sun.
    void picture(const QRectF &box, qreal radius)
    {
        p.save();
        QPainterPath clip;
        clip.addRoundedRect(box, radius, radius);
        p.setClipPath(clip);
        const int hue = int(r.bounded(360u));
        QLinearGradient sky(box.topLeft(), box.bottomLeft());
        sky.setColorAt(0, QColor::fromHsv(hue, 90, 250));
        sky.setColorAt(1, QColor::fromHsv((hue + 30) % 360, 140, 210));
        p.fillRect(box, sky);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(255, 250, 220, 220));
        const qreal sun = box.height() * 0.16;
        p.drawEllipse(QPointF(box.left() + box.width() * (0.2 + 0.6 * r.generateDouble()),
                              box.top() + box.height() * 0.3),
                      sun, sun);
        for (int layer = 0; layer < 2; ++layer) {
            QPainterPath hills;
            hills.moveTo(box.bottomLeft());
            const int peaks = 3 + int(r.bounded(3u));
            for (int i = 0; i <= peaks; ++i) {
                const qreal x = box.left() + box.width() * i / peaks;
                const qreal y = box.top() + box.height() * (0.45 + 0.12 * layer + 0.25 * r.generateDouble());
                hills.lineTo(x, y);
            }
            hills.lineTo(box.bottomRight());
            hills.closeSubpath();
            p.setBrush(QColor::fromHsv((hue + 120 + 20 * layer) % 360, 120 + 40 * layer, 150 - 40 * layer));
            p.drawPath(hills);
        }
        p.restore();
    }
    void statusBar(qreal top, qreal height, bool island)
    {
        const QString time =
            QStringLiteral("%1:%2").arg(7 + r.bounded(15u)).arg(r.bounded(60u), 2, 10, QLatin1Char('0'));
        text(QRectF(24, top, W * 0.3, height), time, 17, label, QFont::DemiBold,
             Qt::AlignHCenter | Qt::AlignVCenter);
        if (island) {
            p.setPen(Qt::NoPen);
            p.setBrush(Qt::black);
            p.drawRoundedRect(QRectF(W / 2 - 63, 11, 126, 37), 18.5, 18.5);
        }
        const qreal y = top + height / 2;
        const qreal right = W - 24;
        // Battery, Wi-Fi, signal bars from the right.
        p.setPen(QPen(label, 1.2));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(QRectF(right - 27, y - 6.5, 25, 13), 4, 4);
        p.setPen(Qt::NoPen);
        p.setBrush(label);
        p.drawRoundedRect(QRectF(right - 25, y - 4.5, 21 * (0.2 + 0.8 * r.generateDouble()), 9), 2.5, 2.5);
        p.drawRect(QRectF(right - 1.5, y - 2, 1.5, 4));
        p.setPen(QPen(label, 2.2, Qt::SolidLine, Qt::RoundCap));
        p.setBrush(Qt::NoBrush);
        for (int i = 0; i < 3; ++i) {
            const qreal radius = 3 + i * 3.5;
            p.drawArc(QRectF(right - 44 - radius, y + 5 - radius, 2 * radius, 2 * radius), 50 * 16, 80 * 16);
        }
        p.setPen(Qt::NoPen);
        p.setBrush(label);
        for (int i = 0; i < 4; ++i)
            p.drawRoundedRect(QRectF(right - 78 + i * 5, y + 5 - 3 - i * 2.5, 3, 3 + i * 2.5), 1, 1);
    }
    void listRows(const QRectF &area, bool inset)
    {
        const qreal rowHeight = 68;
        QRectF card = inset ? area.adjusted(16, 0, -16, 0) : area;
        const int rows = int(card.height() / rowHeight);
        p.setPen(Qt::NoPen);
        p.setBrush(surface);
        p.drawRoundedRect(QRectF(card.left(), card.top(), card.width(), rows * rowHeight), inset ? 10 : 0,
                          inset ? 10 : 0);
        for (int i = 0; i < rows; ++i) {
            const QRectF row(card.left(), card.top() + i * rowHeight, card.width(), rowHeight);
            const QRectF icon(row.left() + 16, row.top() + 12, 44, 44);
            if (r.bounded(3u) == 0) {
                picture(icon, 10);
            } else {
                p.setPen(Qt::NoPen);
                p.setBrush(QColor::fromHsv((accent.hue() + 40 * int(r.bounded(8u))) % 360, 150, 230));
                p.drawRoundedRect(icon, 10, 10);
                glyph(icon, int(r.bounded(5u)), Qt::white);
            }
            const qreal x = icon.right() + 14;
            text(QRectF(x, row.top() + 13, row.width() - x - 40, 22), pick(kItemTitles), 17, label,
                 QFont::Medium);
            text(QRectF(x, row.top() + 36, row.width() - x - 40, 20), pick(kSubtitles), 14, secondary);
            p.setPen(QPen(secondary, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            const QPointF c(row.right() - 22, row.center().y());
            p.drawPolyline(QList<QPointF>{c + QPointF(-3, -6), c + QPointF(3, 0), c + QPointF(-3, 6)});
            if (i + 1 < rows) {
                p.setPen(QPen(separator, 0.6));
                p.drawLine(QPointF(x, row.bottom()), QPointF(row.right(), row.bottom()));
            }
            m_targets.append(row.adjusted(8, 4, -8, -4));
        }
    }
    void cards(const QRectF &area)
    {
        const int columns = area.width() > 600 ? 3 : 2;
        const qreal gap = 14;
        const qreal width = (area.width() - 32 - gap * (columns - 1)) / columns;
        const qreal height = width * 1.25;
        for (qreal y = area.top(); y + height <= area.bottom(); y += height + gap) {
            for (int c = 0; c < columns; ++c) {
                const QRectF card(area.left() + 16 + c * (width + gap), y, width, height);
                p.setPen(Qt::NoPen);
                p.setBrush(surface);
                p.drawRoundedRect(card, 14, 14);
                picture(QRectF(card.left(), card.top(), card.width(), card.height() * 0.66), 14);
                text(QRectF(card.left() + 12, card.top() + card.height() * 0.68, card.width() - 24, 22),
                     pick(kItemTitles), 16, label, QFont::DemiBold);
                text(QRectF(card.left() + 12, card.top() + card.height() * 0.68 + 24, card.width() - 24, 18),
                     pick(kSubtitles), 13, secondary);
                m_targets.append(card);
            }
        }
    }
    void detail(const QRectF &area)
    {
        const QRectF hero(area.left(), area.top(), area.width(),
                          std::min(area.height() * 0.36, area.width() * 0.62));
        picture(hero, 0);
        qreal y = hero.bottom() + 18;
        const QString title = pick(kItemTitles);
        text(QRectF(area.left() + 20, y, area.width() - 40, 36), title, 28, label, QFont::Bold);
        m_targets.append(QRectF(area.left() + 12, y - 4, area.width() * 0.7, 44));
        y += 42;
        text(QRectF(area.left() + 20, y, area.width() - 40, 20), pick(kSubtitles), 15, secondary);
        y += 34;
        // Three stat tiles.
        const qreal tile = (area.width() - 40 - 20) / 3;
        for (int i = 0; i < 3; ++i) {
            const QRectF box(area.left() + 20 + i * (tile + 10), y, tile, 64);
            p.setPen(Qt::NoPen);
            p.setBrush(surface);
            p.drawRoundedRect(box, 12, 12);
            text(QRectF(box.left(), box.top() + 8, box.width(), 26),
                 QString::number(1 + r.bounded(99u)) + (i == 0   ? QStringLiteral(" km")
                                                        : i == 1 ? QStringLiteral(" min")
                                                                 : QStringLiteral(" m")),
                 20, accent, QFont::Bold, Qt::AlignHCenter | Qt::AlignVCenter);
            text(QRectF(box.left(), box.top() + 36, box.width(), 18),
                 i == 0   ? QStringLiteral("Distance")
                 : i == 1 ? QStringLiteral("Duration")
                          : QStringLiteral("Elevation"),
                 12, secondary, QFont::Normal, Qt::AlignHCenter | Qt::AlignVCenter);
            m_targets.append(box);
        }
        y += 84;
        // A paragraph of description, wrapped to the width.
        QStringList sentences;
        const int count = 3 + int(r.bounded(3u));
        for (int i = 0; i < count; ++i)
            sentences << pick(kSentences);
        const QString paragraph = sentences.join(QLatin1Char(' '));
        const qreal width = area.width() - 40;
        const int lines = std::max(1, int(paragraph.size() * 16 * 0.5 / width) + 1);
        const qreal height = std::min<qreal>(lines * 22, std::max<qreal>(22, area.bottom() - 80 - y));
        if (canText) {
            p.setFont(font(16));
            p.setPen(label);
            p.drawText(QRectF(area.left() + 20, y, width, height),
                       Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, paragraph);
        } else {
            for (int i = 0; i * 22 + 22 <= height; ++i)
                text(QRectF(area.left() + 20, y + i * 22, width * (i + 1 == lines ? 0.6 : 0.95), 22),
                     QString(60, QLatin1Char('x')), 16, label);
        }
        y += height + 8;
        const QRectF button(area.left() + 20, std::min(y + 16, area.bottom() - 70), area.width() - 40, 50);
        p.setPen(Qt::NoPen);
        p.setBrush(accent);
        p.drawRoundedRect(button, 12, 12);
        text(button, QStringLiteral("Start"), 17, Qt::white, QFont::DemiBold, Qt::AlignCenter);
        m_targets.append(button);
    }
    void settings(const QRectF &area)
    {
        qreal y = area.top();
        int item = int(r.bounded(quint32(std::size(kSettings))));
        while (y + 150 < area.bottom()) {
            text(QRectF(area.left() + 32, y, area.width() - 64, 20), QStringLiteral("GENERAL"), 13,
                 secondary);
            y += 26;
            const int rows = 2 + int(r.bounded(3u));
            const QRectF group(area.left() + 16, y, area.width() - 32, rows * 48);
            p.setPen(Qt::NoPen);
            p.setBrush(surface);
            p.drawRoundedRect(group, 10, 10);
            for (int i = 0; i < rows; ++i) {
                const QRectF row(group.left(), y + i * 48, group.width(), 48);
                text(row.adjusted(16, 0, -80, 0),
                     QString::fromLatin1(kSettings[item++ % std::size(kSettings)]), 17, label);
                const bool on = r.bounded(2u) == 0;
                const QRectF toggle(row.right() - 67, row.center().y() - 15.5, 51, 31);
                p.setPen(Qt::NoPen);
                p.setBrush(on ? QColor(52, 199, 89) : separator);
                p.drawRoundedRect(toggle, 15.5, 15.5);
                p.setBrush(Qt::white);
                p.drawEllipse(QRectF(on ? toggle.right() - 29 : toggle.left() + 2, toggle.top() + 2, 27, 27));
                if (i + 1 < rows) {
                    p.setPen(QPen(separator, 0.6));
                    p.drawLine(QPointF(row.left() + 16, row.bottom()), QPointF(row.right(), row.bottom()));
                }
                m_targets.append(row);
            }
            y += rows * 48 + 30;
        }
    }
    void content(const QRectF &area)
    {
        switch (r.bounded(4u)) {
        case 0:
            listRows(area, true);
            break;
        case 1:
            cards(area);
            break;
        case 2:
            detail(area);
            break;
        default:
            settings(area);
            break;
        }
    }
    void largeTitle(const QRectF &area)
    {
        text(QRectF(area.left() + 20, area.top(), area.width() - 80, 44), pick(kScreenTitles), 34, label,
             QFont::Bold);
        p.setPen(Qt::NoPen);
        p.setBrush(accent);
        p.drawEllipse(QRectF(area.right() - 52, area.top() + 6, 32, 32));
        p.setPen(QPen(Qt::white, 2.4, Qt::SolidLine, Qt::RoundCap));
        const QPointF plus(area.right() - 36, area.top() + 22);
        p.drawLine(plus + QPointF(-7, 0), plus + QPointF(7, 0));
        p.drawLine(plus + QPointF(0, -7), plus + QPointF(0, 7));
        // Search field.
        const QRectF search(area.left() + 16, area.top() + 56, area.width() - 32, 36);
        p.setPen(Qt::NoPen);
        p.setBrush(dark ? QColor(118, 118, 128, 60) : QColor(118, 118, 128, 30));
        p.drawRoundedRect(search, 10, 10);
        glyph(QRectF(search.left() + 6, search.top() + 7, 22, 22), 1, secondary);
        text(search.adjusted(34, 0, -10, 0), QStringLiteral("Search"), 17, secondary);
        m_targets.append(search);
    }
    void tabBar(const QRectF &bar, int items)
    {
        p.setPen(Qt::NoPen);
        p.setBrush(dark ? QColor(22, 22, 24, 240) : QColor(249, 249, 249, 240));
        p.drawRect(bar);
        p.setPen(QPen(separator, 0.6));
        p.drawLine(bar.topLeft(), bar.topRight());
        const int selected = int(r.bounded(quint32(items)));
        const qreal width = bar.width() / items;
        for (int i = 0; i < items; ++i) {
            const QColor color = i == selected ? accent : QColor(153, 153, 153);
            glyph(QRectF(bar.left() + i * width + width / 2 - 14, bar.top() + 6, 28, 28), i, color);
            text(QRectF(bar.left() + i * width, bar.top() + 33, width, 14), QString::fromLatin1(kTabs[i % 5]),
                 10, color, QFont::Medium, Qt::AlignHCenter | Qt::AlignVCenter);
        }
        m_targets.append(QRectF(bar.left() + selected * width, bar.top(), width, 49));
    }
    void homeIndicator()
    {
        p.setPen(Qt::NoPen);
        p.setBrush(label);
        p.drawRoundedRect(QRectF(W / 2 - 67, H - 13, 134, 5), 2.5, 2.5);
    }
    void sidebar(const QRectF &area, bool translucent)
    {
        p.setPen(Qt::NoPen);
        p.setBrush(translucent ? QColor(255, 255, 255, 40)
                               : (dark ? QColor(28, 28, 30) : QColor(246, 246, 248)));
        p.drawRect(area);
        text(QRectF(area.left() + 20, area.top() + 16, area.width() - 40, 40), s.appName, 28, label,
             QFont::Bold);
        const int selected = int(r.bounded(6u));
        const int first = int(r.bounded(quint32(std::size(kScreenTitles))));
        for (int i = 0; i < 7; ++i) {
            const QRectF row(area.left() + 10, area.top() + 70 + i * 44, area.width() - 20, 40);
            if (i == selected) {
                p.setPen(Qt::NoPen);
                p.setBrush(accent);
                p.drawRoundedRect(row, 10, 10);
            }
            const QColor color = i == selected ? QColor(Qt::white) : accent;
            glyph(QRectF(row.left() + 8, row.top() + 6, 28, 28), i, color);
            text(row.adjusted(46, 0, -8, 0),
                 QString::fromLatin1(kScreenTitles[(first + i) % std::size(kScreenTitles)]), 17,
                 i == selected ? QColor(Qt::white) : label);
            m_targets.append(row);
        }
    }

    void paintPhone();
    void paintPad();
    void paintWindowed(bool vision);
    void annotate();

    QPainter &p;
    const ScreenshotSpec &s;
    QRandomGenerator r;
    bool canText = false;
    bool dark = false;
    qreal W = 0;
    qreal H = 0;
    QColor accent, background, surface, label, secondary, separator;
    QList<QRectF> m_targets; // things a tester might circle
};

void ScreenPainter::paintPhone()
{
    p.fillRect(QRectF(0, 0, W, H), background);
    const qreal status = s.dynamicIsland ? 54 : (s.scale == 2 ? 20 : 47);
    statusBar(0, status, s.dynamicIsland);
    const qreal tab = s.scale == 2 ? 49 : 83;
    largeTitle(QRectF(0, status + 12, W, 100));
    content(QRectF(0, status + 124, W, H - status - 124 - tab - 8));
    tabBar(QRectF(0, H - tab, W, tab), 4 + int(r.bounded(2u)));
    if (s.scale != 2)
        homeIndicator();
}

void ScreenPainter::paintPad()
{
    p.fillRect(QRectF(0, 0, W, H), background);
    const qreal side = W > H ? 320 : 0; // the sidebar shows in landscape
    if (side > 0)
        sidebar(QRectF(0, 24, side, H - 24), false); // below the status bar
    statusBar(0, 24, false);
    largeTitle(QRectF(side, 40, W - side, 100));
    content(QRectF(side, 152, W - side, H - 152 - 60));
    if (side == 0)
        tabBar(QRectF(0, H - 60, W, 60), 5);
    homeIndicator();
}

void ScreenPainter::paintWindowed(bool vision)
{
    // Mac: desktop wallpaper and menu bar. Apple Vision Pro: a blurred room behind a glass window.
    QLinearGradient backdrop(0, 0, W * 0.3, H);
    if (vision) {
        backdrop.setColorAt(0, QColor(196, 178, 160));
        backdrop.setColorAt(0.65, QColor(170, 150, 130));
        backdrop.setColorAt(0.66, QColor(120, 96, 78));
        backdrop.setColorAt(1, QColor(92, 72, 60));
    } else {
        backdrop.setColorAt(0, QColor::fromHsv(int(r.bounded(360u)), 120, 200));
        backdrop.setColorAt(1, QColor::fromHsv(int(r.bounded(360u)), 160, 110));
    }
    p.fillRect(QRectF(0, 0, W, H), backdrop);
    if (!vision) {
        p.fillRect(QRectF(0, 0, W, 24), QColor(255, 255, 255, 150));
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::black);
        p.drawEllipse(QRectF(18, 6, 12, 12));
        text(QRectF(44, 0, 200, 24), s.appName, 13, Qt::black, QFont::Bold);
        text(QRectF(44 + 12 + s.appName.size() * 8, 0, 300, 24),
             QStringLiteral("File   Edit   View   Window   Help"), 13, Qt::black);
    }
    const QRectF window =
        vision ? QRectF(W * 0.12, H * 0.08, W * 0.76, H * 0.78) : QRectF(W * 0.08, 56, W * 0.84, H - 100);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0, 0, 0, 60));
    p.drawRoundedRect(window.translated(0, 10), 18, 18);
    p.save();
    QPainterPath clip;
    clip.addRoundedRect(window, vision ? 40 : 12, vision ? 40 : 12);
    p.setClipPath(clip);
    if (vision) {
        label = Qt::white;
        secondary = QColor(255, 255, 255, 170);
        surface = QColor(255, 255, 255, 45);
        separator = QColor(255, 255, 255, 60);
        p.fillRect(window, QColor(90, 90, 96, 200));
    } else {
        p.fillRect(window, background);
        p.fillRect(QRectF(window.left(), window.top(), window.width(), 52),
                   dark ? QColor(40, 40, 42) : QColor(236, 236, 236));
        const QColor lights[] = {QColor(255, 95, 87), QColor(254, 188, 46), QColor(40, 200, 64)};
        for (int i = 0; i < 3; ++i) {
            p.setBrush(lights[i]);
            p.drawEllipse(QRectF(window.left() + 18 + i * 20, window.top() + 20, 12, 12));
        }
    }
    const qreal top = vision ? window.top() : window.top() + 52;
    sidebar(QRectF(window.left(), top, 260, window.bottom() - top), vision);
    const QRectF main(window.left() + 260, top + 20, window.width() - 260, window.bottom() - top - 20);
    largeTitle(main);
    content(main.adjusted(0, 112, 0, -10));
    p.restore();
    if (vision) {
        // The window bar below the window.
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(255, 255, 255, 170));
        p.drawRoundedRect(QRectF(W / 2 - 45, window.bottom() + 16, 90, 10), 5, 5);
    }
}

void ScreenPainter::annotate()
{
    // The tester's markup: a red freehand loop around one element and a scribbled note next to it.
    const QColor red(255, 45, 35);
    QRectF target = m_targets.isEmpty() ? QRectF(W * 0.2, H * 0.4, W * 0.6, H * 0.1)
                                        : m_targets.at(int(r.bounded(quint32(m_targets.size()))));
    target = target.adjusted(-14, -12, 14, 12).intersected(QRectF(4, 4, W - 8, H - 8));
    const QPointF centre = target.center();
    const qreal rx = target.width() / 2;
    const qreal ry = target.height() / 2;
    QPainterPath loop;
    const qreal start = r.generateDouble() * 2 * M_PI;
    const qreal turns = 1.08 + 0.12 * r.generateDouble();
    const int steps = 90;
    qreal wobble = 0;
    for (int i = 0; i <= steps; ++i) {
        const qreal t = start + turns * 2 * M_PI * i / steps;
        wobble = 0.85 * wobble + 0.15 * (r.generateDouble() - 0.5) * 10;
        const qreal grow = 1.0 + 0.06 * i / steps;
        const QPointF point(centre.x() + (rx * grow + wobble) * std::cos(t),
                            centre.y() + (ry * grow + wobble) * std::sin(t));
        if (i == 0)
            loop.moveTo(point);
        else
            loop.lineTo(point);
    }
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(red, 4.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawPath(loop);
    if (s.note.isEmpty())
        return;

    // The note above the loop, or below it when there is no room, tilted like handwriting.
    const qreal size = std::max<qreal>(22, std::min<qreal>(34, W / 14));
    const qreal noteWidth = std::min(W - 24, s.note.size() * size * 0.55 + 24);
    const bool above = target.top() > size * 2.4;
    QPointF anchor(std::clamp(centre.x() - noteWidth / 2, 12.0, W - 12 - noteWidth),
                   above ? target.top() - size * 1.6
                         : std::min(target.bottom() + size * 0.5, H - size * 1.6));
    p.save();
    p.translate(anchor);
    p.rotate(-3 - 4 * r.generateDouble());
    const QRectF box(0, 0, noteWidth, size * 1.3);
    if (canText) {
        // A white halo keeps the note readable on any background, as markup tools do.
        const QFont handwriting = font(size, QFont::Medium, true);
        const QFontMetricsF metrics(handwriting);
        QPainterPath note;
        note.addText(QPointF(box.center().x() - metrics.horizontalAdvance(s.note) / 2,
                             box.center().y() + (metrics.ascent() - metrics.descent()) / 2),
                     handwriting, s.note);
        p.setPen(QPen(QColor(255, 255, 255, 210), size * 0.16, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPath(note);
        p.setPen(Qt::NoPen);
        p.setBrush(red);
        p.drawPath(note);
    } else {
        p.setPen(QPen(red, 3, Qt::SolidLine, Qt::RoundCap));
        QPainterPath scribble;
        scribble.moveTo(box.left() + 10, box.center().y());
        for (qreal x = box.left() + 10; x < box.right() - 10; x += size * 0.35)
            scribble.quadTo(x + size * 0.17, box.center().y() - size * 0.4 * r.generateDouble(),
                            x + size * 0.35, box.center().y());
        p.drawPath(scribble);
    }
    p.restore();
    // A short stroke from the note towards the loop.
    const QPointF from(anchor.x() + noteWidth / 2, above ? anchor.y() + size * 1.3 : anchor.y());
    const QPointF to(centre.x(), above ? target.top() + 4 : target.bottom() - 4);
    if (std::abs(from.y() - to.y()) > 8) {
        p.setPen(QPen(red, 3.0, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(from, to);
    }
}

void ScreenPainter::paint()
{
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.scale(s.scale, s.scale);
    if (s.deviceFamily == QLatin1String("IPAD"))
        paintPad();
    else if (s.deviceFamily == QLatin1String("MAC") || s.deviceFamily == QLatin1String("APPLE_TV"))
        paintWindowed(false);
    else if (s.deviceFamily == QLatin1String("VISION"))
        paintWindowed(true);
    else
        paintPhone();
    annotate();
}

} // namespace

QImage renderScreenshot(const ScreenshotSpec &spec)
{
    if (spec.width <= 0 || spec.height <= 0 || spec.scale <= 0)
        return {};
    QImage image(spec.width, spec.height, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    ScreenPainter(painter, spec).paint();
    painter.end();
    return image;
}

QByteArray encodeScreenshot(const QImage &image, const QString &format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    const bool png = format == QLatin1String("png");
    QImageWriter writer(&buffer, png ? QByteArrayLiteral("png") : QByteArrayLiteral("jpeg"));
    // PNG: 85 is zlib level 1; flat app screens compress nearly as well as at the default, in a fraction of
    // the time.
    writer.setQuality(png ? 85 : 88);
    if (!writer.write(image))
        return {};
    return bytes;
}

QByteArray screenshotContentType(const QString &format)
{
    return format == QLatin1String("png") ? QByteArrayLiteral("image/png") : QByteArrayLiteral("image/jpeg");
}

} // namespace ascend::sim

#include "ui/crashlogviewereditor.h"

#include "ui/theme.h"

#include <QAbstractTextDocumentLayout>
#include <QFontDatabase>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextLayout>

namespace ascend::ui {

namespace {

constexpr int kFoldColumn = 16;
constexpr int kStripeWidth = 3;

} // namespace

void drawFoldChevron(QPainter &painter, const QRectF &box, bool pointsRight, const QColor &color)
{
    const QPointF c = box.center();
    const qreal s = 3.5;
    QPainterPath path;
    if (pointsRight) {
        path.moveTo(c.x() - s / 2, c.y() - s);
        path.lineTo(c.x() + s / 2, c.y());
        path.lineTo(c.x() - s / 2, c.y() + s);
    } else {
        path.moveTo(c.x() - s, c.y() - s / 2);
        path.lineTo(c.x(), c.y() + s / 2);
        path.lineTo(c.x() + s, c.y() - s / 2);
    }
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
    painter.restore();
}

CrashLogColors CrashLogColors::forPalette(const QPalette &palette)
{
    using theme::mix;
    CrashLogColors c;
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    c.dark = base.lightnessF() < 0.5;
    const QColor red = c.dark ? QColor(0xf0, 0x6e, 0x6e) : QColor(0xd6, 0x45, 0x45);
    const QColor amber = c.dark ? QColor(0xe8, 0xb3, 0x3c) : QColor(0xff, 0xd5, 0x4f);
    const QColor accent = palette.color(QPalette::Highlight);

    c.exceptionBackground = mix(base, red, c.dark ? 0.30 : 0.17);
    c.crashedBackground = mix(base, red, c.dark ? 0.13 : 0.06);
    c.crashedMarker = red;
    c.critical = c.dark ? QColor(0xf8, 0xb0, 0xb0) : QColor(0x9e, 0x24, 0x24);
    c.hit = mix(base, amber, c.dark ? 0.42 : 0.6);
    c.currentHit = c.dark ? QColor(0xff, 0x9f, 0x0a) : QColor(0xff, 0x96, 0x00);
    c.currentHitText = QColor(0x1a, 0x1a, 0x1a); // dark on orange reads in both palettes
    c.gutterBackground = mix(base, text, c.dark ? 0.05 : 0.03);
    c.gutterText = mix(base, text, c.dark ? 0.5 : 0.6);
    c.gutterCurrentText = text;
    c.foldMarker = mix(base, text, 0.6);
    c.pillBackground = mix(base, accent, c.dark ? 0.28 : 0.13);
    c.pillText = c.dark ? mix(accent, text, 0.5) : accent.darker(125);
    c.muted = mix(base, text, c.dark ? 0.55 : 0.5);
    c.library = c.dark ? mix(accent, text, 0.3) : accent.darker(125);
    c.heading = text;
    return c;
}

CrashLogEditor::CrashLogEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new CrashLogGutter(this))
    , m_colors(CrashLogColors::forPalette(palette()))
{
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QFontMetricsF metrics(mono);
    if (metrics.horizontalAdvance(QLatin1Char('i')) != metrics.horizontalAdvance(QLatin1Char('W'))) {
        // Some platforms (offscreen, minimal desktops) name no fixed font; let fontconfig pick one.
        mono = QFont(QStringLiteral("monospace"));
        mono.setStyleHint(QFont::TypeWriter);
    }
    mono.setFixedPitch(true);
    if (font().pointSizeF() > 0)
        mono.setPointSizeF(qMax(8.0, font().pointSizeF() - 0.5));
    setFont(mono);
    viewport()->setMouseTracking(true);

    connect(this, &QPlainTextEdit::blockCountChanged, this, &CrashLogEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &CrashLogEditor::updateGutterArea);
    connect(this, &QPlainTextEdit::cursorPositionChanged, m_gutter, qOverload<>(&QWidget::update));
    updateGutterWidth();
}

QWidget *CrashLogEditor::gutter() const
{
    return m_gutter;
}

int CrashLogEditor::gutterWidth() const
{
    int digits = 1;
    for (int n = qMax(1, blockCount()); n >= 10; n /= 10)
        ++digits;
    digits = qMax(digits, 3);
    return 10 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits + kFoldColumn + kStripeWidth + 2;
}

void CrashLogEditor::updateGutterWidth()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), gutterWidth(), cr.height()));
}

void CrashLogEditor::updateGutterArea(const QRect &rect, int dy)
{
    if (dy)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
}

void CrashLogEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), gutterWidth(), cr.height()));
}

void CrashLogEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_colors = CrashLogColors::forPalette(palette());
        m_gutter->update();
        emit colorsChanged();
    } else if (event->type() == QEvent::FontChange) {
        updateGutterWidth();
    }
}

void CrashLogEditor::setFolds(const QList<Fold> &folds)
{
    for (Fold &fold : m_folds) {
        if (fold.folded) {
            fold.folded = false;
            applyFold(fold);
        }
    }
    m_folds.clear();
    for (const Fold &fold : folds) {
        if (fold.lastLine <= fold.firstLine)
            continue;
        if (!m_folds.isEmpty() && fold.firstLine <= m_folds.last().lastLine)
            continue; // overlapping ranges (an .ips with every thread on one line) cannot fold
        m_folds.append(fold);
        if (fold.folded)
            applyFold(fold);
    }
    m_gutter->update();
    viewport()->update();
}

void CrashLogEditor::setFolded(int index, bool folded)
{
    if (index < 0 || index >= m_folds.size() || m_folds.at(index).folded == folded)
        return;
    m_folds[index].folded = folded;
    applyFold(m_folds.at(index));
    if (!textCursor().block().isVisible())
        setTextCursor(QTextCursor(document()->findBlockByNumber(m_folds.at(index).firstLine)));
    m_gutter->update();
    viewport()->update();
    emit foldToggled(index, folded);
}

void CrashLogEditor::applyFold(const Fold &fold)
{
    QTextDocument *doc = document();
    const QTextBlock first = doc->findBlockByNumber(fold.firstLine + 1);
    const QTextBlock last = doc->findBlockByNumber(fold.lastLine);
    if (!first.isValid() || !last.isValid())
        return;
    for (QTextBlock block = first; block.isValid() && block.blockNumber() <= fold.lastLine;
         block = block.next()) {
        block.setVisible(!fold.folded);
        block.setLineCount(fold.folded ? 0 : qMax(1, block.layout()->lineCount()));
    }
    doc->markContentsDirty(first.position(), last.position() + last.length() - first.position());
    if (auto *layout = qobject_cast<QPlainTextDocumentLayout *>(doc->documentLayout())) {
        layout->requestUpdate();
        emit layout->documentSizeChanged(layout->documentSize());
    }
}

int CrashLogEditor::foldStartingAt(int line) const
{
    for (int i = 0; i < m_folds.size(); ++i) {
        if (m_folds.at(i).firstLine == line)
            return i;
    }
    return -1;
}

int CrashLogEditor::foldContaining(int line) const
{
    for (int i = 0; i < m_folds.size(); ++i) {
        if (line >= m_folds.at(i).firstLine && line <= m_folds.at(i).lastLine)
            return i;
    }
    return -1;
}

void CrashLogEditor::revealLine(int line)
{
    const int index = foldContaining(line);
    if (index >= 0 && m_folds.at(index).folded && line != m_folds.at(index).firstLine)
        setFolded(index, false);
}

void CrashLogEditor::scrollToLine(int line, int linesAbove)
{
    const QTextBlock target = document()->findBlockByNumber(line);
    if (!target.isValid())
        return;
    revealLine(line);
    // With NoWrap the vertical scroll bar counts visible lines.
    int visibleBefore = 0;
    for (QTextBlock block = document()->begin(); block.isValid() && block != target; block = block.next()) {
        if (block.isVisible())
            visibleBefore += qMax(1, block.lineCount());
    }
    setTextCursor(QTextCursor(target));
    verticalScrollBar()->setValue(qMax(0, visibleBefore - linesAbove));
}

void CrashLogEditor::setMarkedLines(int first, int last)
{
    m_markedFirst = first;
    m_markedLast = last;
    m_gutter->update();
}

QString CrashLogEditor::pillText(const Fold &fold) const
{
    if (!fold.label.isEmpty())
        return fold.label;
    return tr("%n more line(s)", nullptr, fold.lastLine - fold.firstLine);
}

void CrashLogEditor::paintEvent(QPaintEvent *event)
{
    QPlainTextEdit::paintEvent(event);

    m_pills.clear();
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    QFont pillFont = font();
    if (pillFont.pointSizeF() > 0)
        pillFont.setPointSizeF(pillFont.pointSizeF() - 1);
    painter.setFont(pillFont);
    const QFontMetricsF metrics(pillFont);
    const QPointF offset = contentOffset();
    for (int i = 0; i < m_folds.size(); ++i) {
        const Fold &fold = m_folds.at(i);
        if (!fold.folded)
            continue;
        const QTextBlock block = document()->findBlockByNumber(fold.firstLine);
        if (!block.isVisible() || !block.layout() || block.layout()->lineCount() == 0)
            continue;
        const QRectF r = blockBoundingGeometry(block).translated(offset);
        if (r.bottom() < event->rect().top() || r.top() > event->rect().bottom())
            continue;
        const qreal textRight =
            offset.x() + block.layout()->position().x() + block.layout()->lineAt(0).naturalTextRect().right();
        const QString text = pillText(fold);
        const qreal height = qMin(r.height() - 2, metrics.height() + 2);
        const QRectF pill(textRight + 10, r.top() + (r.height() - height) / 2,
                          metrics.horizontalAdvance(text) + 16, height);
        painter.setPen(Qt::NoPen);
        painter.setBrush(m_colors.pillBackground);
        painter.drawRoundedRect(pill, height / 2, height / 2);
        painter.setPen(m_colors.pillText);
        painter.drawText(pill, Qt::AlignCenter, text);
        m_pills.append({pill, i});
    }
}

int CrashLogEditor::pillAt(const QPoint &viewportPos) const
{
    for (const auto &[rect, index] : m_pills) {
        if (rect.contains(viewportPos))
            return index;
    }
    return -1;
}

void CrashLogEditor::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        if (const int index = pillAt(event->position().toPoint()); index >= 0) {
            setFolded(index, false);
            event->accept();
            return;
        }
    }
    QPlainTextEdit::mousePressEvent(event);
}

void CrashLogEditor::mouseMoveEvent(QMouseEvent *event)
{
    viewport()->setCursor(pillAt(event->position().toPoint()) >= 0 ? Qt::PointingHandCursor
                                                                   : Qt::IBeamCursor);
    QPlainTextEdit::mouseMoveEvent(event);
}

void CrashLogEditor::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), m_colors.gutterBackground);
    const int width = m_gutter->width();
    const int numbersRight = width - kFoldColumn - kStripeWidth - 4;
    painter.setFont(font());
    const int currentLine = textCursor().blockNumber();

    QTextBlock block = firstVisibleBlock();
    qreal top = blockBoundingGeometry(block).translated(contentOffset()).top();
    while (block.isValid() && top <= event->rect().bottom()) {
        const qreal height = blockBoundingRect(block).height();
        const qreal bottom = top + height;
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int line = block.blockNumber();
            if (m_markedFirst >= 0 && line >= m_markedFirst && line <= m_markedLast)
                painter.fillRect(QRectF(width - kStripeWidth, top, kStripeWidth, height),
                                 m_colors.crashedMarker);
            painter.setPen(line == currentLine ? m_colors.gutterCurrentText : m_colors.gutterText);
            const qreal lineHeight = fontMetrics().height();
            painter.drawText(QRectF(0, top, numbersRight, lineHeight), Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(line + 1));
            if (const int fold = foldStartingAt(line); fold >= 0) {
                drawFoldChevron(painter, QRectF(numbersRight + 3, top, kFoldColumn, lineHeight),
                                m_folds.at(fold).folded, m_colors.foldMarker);
            }
        }
        block = block.next();
        top = bottom;
    }
}

void CrashLogEditor::gutterPressed(const QPoint &pos)
{
    const int line = cursorForPosition(QPoint(0, pos.y())).blockNumber();
    if (const int fold = foldStartingAt(line); fold >= 0)
        setFolded(fold, !m_folds.at(fold).folded);
}

CrashLogGutter::CrashLogGutter(CrashLogEditor *editor)
    : QWidget(editor)
    , m_editor(editor)
{}

QSize CrashLogGutter::sizeHint() const
{
    return {m_editor->gutterWidth(), 0};
}

void CrashLogGutter::paintEvent(QPaintEvent *event)
{
    m_editor->paintGutter(event);
}

void CrashLogGutter::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        m_editor->gutterPressed(event->position().toPoint());
}

} // namespace ascend::ui

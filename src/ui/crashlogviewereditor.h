#pragma once
// The text part of the crash-log viewer: a read-only QPlainTextEdit with a gutter (line numbers, fold
// markers, a stripe along the crashed thread) and folding. A fold keeps its first line visible and hides the
// rest by hiding QTextBlocks; a folded block shows a small "n lines" pill that unfolds it when clicked.

#include <QColor>
#include <QList>
#include <QPlainTextEdit>
#include <QRectF>

class QPainter;
class QPalette;

namespace ascend::ui {

// Colours of the viewer, derived from the widget's palette so that they read well on light and dark bases.
struct CrashLogColors {
    bool dark = false;
    QColor exceptionBackground; // the "Exception Type:" line
    QColor crashedBackground;   // every line of the crashed thread
    QColor crashedMarker;       // the gutter stripe along the crashed thread
    QColor critical;            // text of the exception line
    QColor hit;                 // every search hit
    QColor currentHit;          // the hit next/previous is on
    QColor currentHitText;
    QColor gutterBackground;
    QColor gutterText;
    QColor gutterCurrentText;
    QColor foldMarker;
    QColor pillBackground;
    QColor pillText;
    QColor muted;   // addresses, frame numbers, header keys
    QColor library; // binary names in frames and images
    QColor heading;

    static CrashLogColors forPalette(const QPalette &palette);
};

class CrashLogGutter;

// The fold marker: pointing right when folded, down when open.
void drawFoldChevron(QPainter &painter, const QRectF &box, bool pointsRight, const QColor &color);

class CrashLogEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    struct Fold {
        int firstLine = 0; // stays visible
        int lastLine = 0;
        bool folded = false;
        QString label; // the pill's text when folded; "n lines" when empty
    };

    explicit CrashLogEditor(QWidget *parent = nullptr);

    // Replaces the folds (sorted, disjoint, each at least two lines); all start unfolded.
    void setFolds(const QList<Fold> &folds);
    const QList<Fold> &folds() const { return m_folds; }
    void setFolded(int index, bool folded);
    // The fold whose first line is `line`, or that contains `line`; -1 when none.
    int foldStartingAt(int line) const;
    int foldContaining(int line) const;
    // Unfolds whatever hides `line`.
    void revealLine(int line);
    // Scrolls so that `line` is near the top and puts the cursor on it.
    void scrollToLine(int line, int linesAbove = 1);

    // A stripe in the gutter along these lines (the crashed thread); first < 0 for none.
    void setMarkedLines(int first, int last);

    const CrashLogColors &colors() const { return m_colors; }
    QWidget *gutter() const;
    int gutterWidth() const;

signals:
    void foldToggled(int index, bool folded);
    void colorsChanged();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    friend class CrashLogGutter;

    void paintGutter(QPaintEvent *event);
    void gutterPressed(const QPoint &pos);
    void updateGutterWidth();
    void updateGutterArea(const QRect &rect, int dy);
    void applyFold(const Fold &fold);
    int pillAt(const QPoint &viewportPos) const;
    QString pillText(const Fold &fold) const;

    CrashLogGutter *m_gutter;
    CrashLogColors m_colors;
    QList<Fold> m_folds;
    QList<std::pair<QRectF, int>> m_pills; // painted pill rectangles (viewport coordinates) -> fold index
    int m_markedFirst = -1;
    int m_markedLast = -1;
};

class CrashLogGutter : public QWidget {
    Q_OBJECT
public:
    explicit CrashLogGutter(CrashLogEditor *editor);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    CrashLogEditor *m_editor;
};

} // namespace ascend::ui

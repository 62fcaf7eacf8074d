#pragma once
// The screenshots of one feedback submission: fitted to the window at first, zoomable (Ctrl+=, Ctrl+-,
// Ctrl+wheel, "Fit", "100%", Ctrl+0 to fit again), pannable by dragging, one after the other with the arrow
// buttons or Left/Right ("2 of 3"). Running past the first or last emits navigateBeyond so that the pane
// can move to the neighbouring submission. Images arrive later: a placeholder shows until setImage(), and
// imageNeeded() asks for each one when it is shown. "Save As…" writes the bytes exactly as downloaded.

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;
class QToolButton;

namespace ascend::ui {

class ScreenshotCanvas;

class ScreenshotViewer : public QWidget {
    Q_OBJECT
public:
    explicit ScreenshotViewer(QWidget *parent = nullptr);

    // Starts over with `count` placeholders; suggestedBaseName names saved files ("<base>-2.png").
    void setImageCount(int count, const QString &suggestedBaseName);
    // image may be null: it is then decoded from originalBytes. suffix: "png" or "jpg".
    void setImage(int index, const QImage &image, const QByteArray &originalBytes, const QString &suffix);
    void setImageError(int index, const QString &message);
    void setCurrentIndex(int index);
    int currentIndex() const { return m_current; }
    int imageCount() const { return int(m_entries.size()); }
    void clear();

    bool isLoaded(int index) const;
    QString errorText(int index) const;
    QString positionText() const; // "2 of 3"

    // The view of the current image.
    bool isFitToWindow() const;
    qreal zoom() const; // device pixels per image pixel
    QTransform imageTransform() const;
    void fitToWindow();
    void zoomToActualSize();
    void zoomIn();
    void zoomOut();

    void next();
    void previous();

    QString suggestedFileName(int index) const;
    // Writes the current image's original bytes. On failure returns false and says why in errorString.
    bool saveCurrentTo(const QString &path, QString *errorString = nullptr);
    void saveAs();
    void copyImage();

    ScreenshotCanvas *canvas() const { return m_canvas; }
    QString statusText() const;

signals:
    void currentIndexChanged(int index);
    void imageNeeded(int index);        // shown but not loaded yet
    void navigateBeyond(int direction); // -1 / +1 when previous/next runs past the ends
    void saved(const QString &path);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    struct Entry {
        QImage image;
        QByteArray bytes;
        QString suffix;
        QString error;
        bool requested = false;
    };

    void showCurrent();
    void requestIfNeeded();
    void updateControls();
    void showStatus(const QString &text, bool error);

    QList<Entry> m_entries;
    int m_current = -1;
    QString m_baseName;
    bool m_requestQueued = false;

    QToolButton *m_previous;
    QLabel *m_position;
    QToolButton *m_next;
    QToolButton *m_zoomOut;
    QLabel *m_zoomLabel;
    QToolButton *m_zoomIn;
    QToolButton *m_fit;
    QToolButton *m_actualSize;
    QPushButton *m_save;
    ScreenshotCanvas *m_canvas;
    QLabel *m_status;
};

} // namespace ascend::ui

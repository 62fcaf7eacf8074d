// The screenshot viewer (offscreen, on a 2x display unless QT_SCALE_FACTOR says otherwise): placeholders
// and imageNeeded, fit/zoom/pan as changes of the image transform (buttons, keys, Ctrl+wheel around the
// pointer, dragging), pixel-exact drawing at 100%, next/previous with navigateBeyond at the ends, an error
// per image with "Try Again", and "Save As…" writing the downloaded bytes unchanged.

#include "ui/screenshotviewer.h"
#include "ui/screenshotviewercanvas.h"
#include "ui/theme.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLinearGradient>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QWheelEvent>
#include <QtTest>

using ascend::ui::ScreenshotCanvas;
using ascend::ui::ScreenshotViewer;
namespace theme = ascend::ui::theme;

namespace {

void saveScreenshot(QWidget *widget, const QString &fileName)
{
    if (qEnvironmentVariableIsEmpty("ASCEND_SCREENSHOT_DIR"))
        return;
    const QString dir = qEnvironmentVariable("ASCEND_SCREENSHOT_DIR");
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(QDir(dir).filePath(fileName)));
}

// Something that looks like an app screen: a status bar, a title, cards and a tester's red circle.
QImage phoneScreen(const QSize &size, const QColor &accent)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(0xf2, 0xf2, 0xf7));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal u = size.width() / 390.0; // points to pixels
    QLinearGradient header(0, 0, 0, 200 * u);
    header.setColorAt(0, accent);
    header.setColorAt(1, accent.lighter(130));
    p.fillRect(QRectF(0, 0, size.width(), 200 * u), header);
    p.setPen(Qt::white);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(int(15 * u));
    p.setFont(font);
    p.drawText(QRectF(24 * u, 14 * u, 200 * u, 22 * u), QStringLiteral("9:41"));
    font.setPixelSize(int(32 * u));
    font.setBold(true);
    p.setFont(font);
    p.drawText(QRectF(24 * u, 110 * u, 340 * u, 50 * u), QStringLiteral("Forecast"));
    font.setBold(false);
    font.setPixelSize(int(17 * u));
    p.setFont(font);
    for (int i = 0; i < 7; ++i) {
        const QRectF card(16 * u, (220 + i * 86) * u, 358 * u, 74 * u);
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::white);
        p.drawRoundedRect(card, 14 * u, 14 * u);
        p.setBrush(accent.lighter(150 + i * 5));
        p.drawEllipse(QRectF(card.left() + 14 * u, card.top() + 14 * u, 46 * u, 46 * u));
        p.setPen(QColor(0x1c, 0x1c, 0x1e));
        p.drawText(card.adjusted(74 * u, 14 * u, 0, 0),
                   QStringLiteral("Day %1 — %2°").arg(i + 1).arg(14 + i));
    }
    p.setPen(QPen(QColor(0xff, 0x3b, 0x30), 5 * u));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(QRectF(150 * u, 380 * u, 210 * u, 110 * u));
    return image;
}

QByteArray encode(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format, qstrcmp(format, "JPG") == 0 ? 88 : -1);
    return bytes;
}

void sendWheel(QWidget *widget, const QPoint &pos, int angle, Qt::KeyboardModifiers modifiers)
{
    QWheelEvent event(QPointF(pos), QPointF(widget->mapToGlobal(pos)), QPoint(), QPoint(0, angle),
                      Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

bool near(qreal a, qreal b, qreal tolerance = 1.0)
{
    return qAbs(a - b) <= tolerance;
}

} // namespace

class TestScreenshotViewer : public QObject {
    Q_OBJECT

private:
    QImage m_phone;
    QImage m_phone2;
    QByteArray m_png;
    QByteArray m_jpg;

    template <typename T> T *child(ScreenshotViewer &viewer, const char *name)
    {
        return viewer.findChild<T *>(QLatin1String(name));
    }

    void open(ScreenshotViewer &viewer, const QSize &size = QSize(800, 700))
    {
        viewer.resize(size);
        viewer.show();
        viewer.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&viewer));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("AscendTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_screenshotviewer"));
        QSettings().clear();
        theme::apply(*qApp, theme::Mode::Light);
        m_phone = phoneScreen(QSize(1179, 2556), QColor(0x25, 0x63, 0xeb));
        m_phone2 = phoneScreen(QSize(1179, 2556), QColor(0x1f, 0x9d, 0x55));
        m_png = encode(m_phone, "PNG");
        m_jpg = encode(m_phone2, "JPG");
        QVERIFY(m_png.startsWith("\x89PNG"));
        QVERIFY(m_jpg.startsWith("\xff\xd8"));
    }

    void cleanup() { theme::setMode(theme::Mode::Light); }

    void placeholderUntilTheImageArrives()
    {
        ScreenshotViewer viewer;
        open(viewer);
        QSignalSpy needed(&viewer, &ScreenshotViewer::imageNeeded);
        QSignalSpy changed(&viewer, &ScreenshotViewer::currentIndexChanged);
        viewer.setImageCount(3, QStringLiteral("FB-5"));
        QCOMPARE(viewer.currentIndex(), 0);
        QCOMPARE(viewer.positionText(), QStringLiteral("1 of 3"));
        QCOMPARE(child<QLabel>(viewer, "screenshotPosition")->text(), QStringLiteral("1 of 3"));
        QCOMPARE(viewer.canvas()->state(), ScreenshotCanvas::State::Loading);
        QVERIFY(viewer.canvas()->message().contains(QStringLiteral("1 of 3")));
        QVERIFY(!child<QPushButton>(viewer, "screenshotSave")->isEnabled());
        QVERIFY(!child<QToolButton>(viewer, "screenshotZoomIn")->isEnabled());
        QTRY_COMPARE(needed.count(), 1);
        QCOMPARE(needed.at(0).at(0).toInt(), 0);
        saveScreenshot(&viewer, QStringLiteral("screenshotviewer-loading.png"));

        // Decoded from the bytes when no image is handed over.
        viewer.setImage(0, QImage(), m_png, QStringLiteral("png"));
        QVERIFY(viewer.isLoaded(0));
        QCOMPARE(viewer.canvas()->state(), ScreenshotCanvas::State::Image);
        QCOMPARE(viewer.canvas()->image().size(), m_phone.size());
        QVERIFY(child<QPushButton>(viewer, "screenshotSave")->isEnabled());

        // Each image is asked for once, when it is shown.
        viewer.next();
        QCOMPARE(viewer.currentIndex(), 1);
        QCOMPARE(changed.last().at(0).toInt(), 1);
        QTRY_COMPARE(needed.count(), 2);
        QCOMPARE(needed.at(1).at(0).toInt(), 1);
        viewer.previous();
        viewer.next();
        QTest::qWait(30);
        QCOMPARE(needed.count(), 2);

        // An image set right after the count is not asked for.
        viewer.setImageCount(2, QStringLiteral("FB-6"));
        viewer.setImage(0, m_phone, m_png, QStringLiteral("png"));
        QTest::qWait(30);
        QCOMPARE(needed.count(), 2);
        viewer.clear();
        QCOMPARE(viewer.currentIndex(), -1);
        QCOMPARE(viewer.canvas()->state(), ScreenshotCanvas::State::Empty);
    }

    void fitZoomAndPanChangeTheTransform()
    {
        ScreenshotViewer viewer;
        open(viewer);
        viewer.setImageCount(1, QStringLiteral("FB-7"));
        viewer.setImage(0, m_phone, m_png, QStringLiteral("png"));
        ScreenshotCanvas *canvas = viewer.canvas();
        const qreal dpr = canvas->devicePixelRatioF();
        if (qgetenv("QT_SCALE_FACTOR") == "2")
            QCOMPARE(dpr, 2.0);
        const QRectF imageRect(m_phone.rect());

        // Fitted: all of it, centred, as tall as the canvas allows, never beyond.
        QVERIFY(viewer.isFitToWindow());
        QTransform t = viewer.imageTransform();
        QRectF shown = t.mapRect(imageRect);
        QVERIFY(QRectF(canvas->rect()).adjusted(-0.5, -0.5, 0.5, 0.5).contains(shown));
        QVERIFY(near(shown.height(), canvas->height() - 32));
        QVERIFY(near(shown.center().x(), canvas->width() / 2.0));
        QVERIFY(near(t.m11(), viewer.zoom() / dpr, 1e-9));
        QVERIFY(viewer.zoom() < 1.0);
        QVERIFY(child<QToolButton>(viewer, "screenshotFit")->isChecked());
        QCOMPARE(child<QLabel>(viewer, "screenshotZoom")->text(),
                 QStringLiteral("%1%").arg(qRound(viewer.zoom() * 100)));
        QVERIFY(!canvas->canPan());
        const qreal fit = viewer.zoom();
        saveScreenshot(&viewer, QStringLiteral("screenshotviewer-fit.png"));

        // Zoom in: button, Ctrl+=; out: Ctrl+-; Ctrl+0 fits again.
        QTest::mouseClick(child<QToolButton>(viewer, "screenshotZoomIn"), Qt::LeftButton);
        QVERIFY(viewer.zoom() > fit);
        QVERIFY(!viewer.isFitToWindow());
        QVERIFY(!child<QToolButton>(viewer, "screenshotFit")->isChecked());
        const qreal afterButton = viewer.zoom();
        QTest::keyClick(canvas, Qt::Key_Equal, Qt::ControlModifier);
        QVERIFY(viewer.zoom() > afterButton);
        QVERIFY(viewer.imageTransform().m11() > t.m11());
        QTest::keyClick(canvas, Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(near(viewer.zoom(), afterButton, 1e-6));
        QTest::keyClick(canvas, Qt::Key_0, Qt::ControlModifier);
        QVERIFY(viewer.isFitToWindow());
        QCOMPARE(viewer.imageTransform(), t);

        // 100%: one image pixel per device pixel.
        QTest::mouseClick(child<QToolButton>(viewer, "screenshotActualSize"), Qt::LeftButton);
        QCOMPARE(viewer.zoom(), 1.0);
        QVERIFY(near(viewer.imageTransform().m11(), 1.0 / dpr, 1e-9));
        QVERIFY(child<QToolButton>(viewer, "screenshotActualSize")->isChecked());
        QVERIFY(canvas->canPan());

        // Dragging pans by exactly the distance dragged.
        canvas->setZoom(2.0);
        const QTransform before = viewer.imageTransform();
        QTest::mousePress(canvas, Qt::LeftButton, {}, QPoint(400, 300));
        QTest::mouseMove(canvas, QPoint(350, 260));
        QTest::mouseMove(canvas, QPoint(300, 220));
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, QPoint(300, 220));
        QTransform after = viewer.imageTransform();
        QVERIFY(near(after.dx(), before.dx() - 100, 1.0 / dpr + 1e-6));
        QVERIFY(near(after.dy(), before.dy() - 80, 1.0 / dpr + 1e-6));
        QCOMPARE(after.m11(), before.m11());

        // ... but not past the image's edges.
        for (int drag = 0; drag < 4; ++drag) {
            QTest::mousePress(canvas, Qt::LeftButton, {}, QPoint(10, 10));
            QTest::mouseMove(canvas, QPoint(400, 300));
            QTest::mouseMove(canvas, QPoint(790, 600));
            QTest::mouseRelease(canvas, Qt::LeftButton, {}, QPoint(790, 600));
        }
        shown = viewer.imageTransform().mapRect(imageRect);
        QVERIFY(near(shown.left(), 0) && near(shown.top(), 0));

        // The wheel scrolls when zoomed; with Ctrl it zooms around the pointer.
        const qreal dyBefore = viewer.imageTransform().dy();
        sendWheel(canvas, QPoint(300, 300), -120, Qt::NoModifier);
        QVERIFY(viewer.imageTransform().dy() < dyBefore);
        canvas->setZoom(2.0); // larger than the canvas both ways, so the point can stay put
        const QPoint pointer(260, 240);
        const QPointF underPointer = viewer.imageTransform().inverted().map(QPointF(pointer));
        sendWheel(canvas, pointer, 120, Qt::ControlModifier);
        QVERIFY(near(viewer.zoom(), 2.5, 1e-6));
        QVERIFY(near(viewer.imageTransform().map(underPointer).x(), pointer.x()));
        QVERIFY(near(viewer.imageTransform().map(underPointer).y(), pointer.y()));
        saveScreenshot(&viewer, QStringLiteral("screenshotviewer-zoomed.png"));

        // Double-click: back to the whole picture, and again to 100% where clicked.
        QTest::mouseDClick(canvas, Qt::LeftButton, {}, QPoint(200, 200));
        QVERIFY(viewer.isFitToWindow());
        QTest::mouseDClick(canvas, Qt::LeftButton, {}, QPoint(200, 200));
        QCOMPARE(viewer.zoom(), 1.0);

        // A resized window refits.
        viewer.fitToWindow();
        const qreal small = viewer.zoom();
        viewer.resize(1000, 1000);
        QTRY_VERIFY(viewer.zoom() > small);
    }

    void hundredPercentIsPixelExact()
    {
        // A 1-pixel checkerboard survives only if 100% maps each image pixel to one device pixel.
        QImage checker(240, 160, QImage::Format_RGB32);
        for (int y = 0; y < checker.height(); ++y) {
            for (int x = 0; x < checker.width(); ++x)
                checker.setPixel(x, y, (x + y) % 2 ? qRgb(255, 255, 255) : qRgb(20, 30, 200));
        }
        ScreenshotViewer viewer;
        open(viewer);
        viewer.setImageCount(1, QStringLiteral("FB-px"));
        viewer.setImage(0, checker, encode(checker, "PNG"), QStringLiteral("png"));
        // Small images are not enlarged to fit.
        QVERIFY(viewer.isFitToWindow());
        QCOMPARE(viewer.zoom(), 1.0);
        const qreal dpr = viewer.canvas()->devicePixelRatioF();
        const QRectF shown = viewer.imageTransform().mapRect(QRectF(checker.rect()));
        QVERIFY(near(shown.width(), 240 / dpr, 1e-6));

        const QImage grabbed = viewer.canvas()->grab().toImage();
        const QPoint origin = (shown.topLeft() * dpr).toPoint();
        for (const QPoint &p :
             {QPoint(0, 0), QPoint(1, 0), QPoint(17, 33), QPoint(120, 80), QPoint(239, 159)})
            QCOMPARE(grabbed.pixelColor(origin + p), checker.pixelColor(p));
    }

    void navigationRunsBeyondTheEnds()
    {
        ScreenshotViewer viewer;
        open(viewer);
        viewer.setImageCount(2, QStringLiteral("FB-8"));
        viewer.setImage(0, m_phone, m_png, QStringLiteral("png"));
        viewer.setImage(1, m_phone2, m_jpg, QStringLiteral("jpg"));
        QSignalSpy beyond(&viewer, &ScreenshotViewer::navigateBeyond);
        QSignalSpy changed(&viewer, &ScreenshotViewer::currentIndexChanged);
        ScreenshotCanvas *canvas = viewer.canvas();
        canvas->setFocus();

        QTest::keyClick(canvas, Qt::Key_Left);
        QCOMPARE(beyond.count(), 1);
        QCOMPARE(beyond.at(0).at(0).toInt(), -1);
        QCOMPARE(viewer.currentIndex(), 0);
        QCOMPARE(changed.count(), 0);

        QTest::keyClick(canvas, Qt::Key_Right);
        QCOMPARE(viewer.currentIndex(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(viewer.positionText(), QStringLiteral("2 of 2"));
        QCOMPARE(canvas->image().size(), m_phone2.size());
        QVERIFY(viewer.isFitToWindow()); // every image starts fitted

        QTest::mouseClick(child<QToolButton>(viewer, "screenshotNext"), Qt::LeftButton);
        QCOMPARE(beyond.count(), 2);
        QCOMPARE(beyond.at(1).at(0).toInt(), +1);
        QCOMPARE(viewer.currentIndex(), 1);
        QTest::mouseClick(child<QToolButton>(viewer, "screenshotPrevious"), Qt::LeftButton);
        QCOMPARE(viewer.currentIndex(), 0);
        viewer.setCurrentIndex(7);
        QCOMPARE(viewer.currentIndex(), 1);

        // Nothing to move through: nothing happens.
        viewer.clear();
        viewer.next();
        QCOMPARE(beyond.count(), 2);
    }

    void errorPerImageAndTryAgain()
    {
        ScreenshotViewer viewer;
        open(viewer);
        viewer.setImageCount(2, QStringLiteral("FB-9"));
        viewer.setImage(0, m_phone, m_png, QStringLiteral("png"));
        const QString message = QStringLiteral(
            "The screenshot link had expired and asking App Store Connect for a new one failed (HTTP 503). "
            "Try again in a moment.");
        viewer.setImageError(1, message);
        QCOMPARE(viewer.errorText(1), message);
        QVERIFY(viewer.errorText(0).isEmpty());
        QCOMPARE(viewer.canvas()->state(), ScreenshotCanvas::State::Image);

        QSignalSpy needed(&viewer, &ScreenshotViewer::imageNeeded);
        viewer.setCurrentIndex(1);
        QCOMPARE(viewer.canvas()->state(), ScreenshotCanvas::State::Error);
        QCOMPARE(viewer.canvas()->message(), message);
        QVERIFY(viewer.canvas()->retryButton()->isVisible());
        QVERIFY(!child<QPushButton>(viewer, "screenshotSave")->isEnabled());
        QTest::qWait(30);
        QCOMPARE(needed.count(), 0); // an error is not retried by itself
        saveScreenshot(&viewer, QStringLiteral("screenshotviewer-error.png"));

        QTest::mouseClick(viewer.canvas()->retryButton(), Qt::LeftButton);
        QCOMPARE(viewer.canvas()->state(), ScreenshotCanvas::State::Loading);
        QTRY_COMPARE(needed.count(), 1);
        QCOMPARE(needed.at(0).at(0).toInt(), 1);
        QVERIFY(viewer.isLoaded(0));

        // Bytes that are no image.
        viewer.setImage(1, QImage(), QByteArray("<Error><Code>AccessDenied</Code></Error>"),
                        QStringLiteral("png"));
        QVERIFY(!viewer.isLoaded(1));
        QVERIFY(!viewer.errorText(1).isEmpty());
        QCOMPARE(viewer.canvas()->state(), ScreenshotCanvas::State::Error);
    }

    void saveAsWritesTheOriginalBytes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ScreenshotViewer viewer;
        open(viewer);
        viewer.setImageCount(2, QStringLiteral("FB-10"));
        viewer.setImage(0, QImage(), m_jpg, QStringLiteral("jpeg"));
        viewer.setImage(1, m_phone, m_png, QStringLiteral("png"));
        QCOMPARE(viewer.suggestedFileName(0), QStringLiteral("FB-10-1.jpg"));
        QCOMPARE(viewer.suggestedFileName(1), QStringLiteral("FB-10-2.png"));

        QSignalSpy saved(&viewer, &ScreenshotViewer::saved);
        const QString direct = dir.filePath(QStringLiteral("direct.jpg"));
        QVERIFY(viewer.saveCurrentTo(direct));
        QFile file(direct);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), m_jpg); // not re-encoded
        QCOMPARE(saved.count(), 1);

        // Through the dialog: the proposed name, the image's own format, the suffix added when left out.
        QSettings().setValue(QStringLiteral("feedback/screenshotSaveDirectory"), dir.path());
        for (int index : {0, 1}) {
            viewer.setCurrentIndex(index);
            const QString expectedName = viewer.suggestedFileName(index);
            const QString suffix = QFileInfo(expectedName).suffix();
            bool checked = false;
            QTimer::singleShot(50, [&] {
                auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
                QVERIFY(dialog);
                QCOMPARE(QFileInfo(dialog->selectedFiles().value(0)).fileName(), expectedName);
                QVERIFY(dialog->selectedNameFilter().contains(QStringLiteral("*.") + suffix));
                checked = true;
                auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
                QVERIFY(name);
                name->setText(dir.filePath(QStringLiteral("picked-%1").arg(index)));
                static_cast<QDialog *>(dialog)->accept(); // public in QDialog
            });
            QTest::mouseClick(child<QPushButton>(viewer, "screenshotSave"), Qt::LeftButton);
            QVERIFY(checked);
            QFile picked(dir.filePath(QStringLiteral("picked-%1.%2").arg(index).arg(suffix)));
            QVERIFY2(picked.open(QIODevice::ReadOnly), qPrintable(picked.fileName()));
            QCOMPARE(picked.readAll(), index == 0 ? m_jpg : m_png);
        }
        QVERIFY(viewer.statusText().contains(QStringLiteral("picked-1.png")));

        // Not loaded yet: nothing written, and it says so.
        viewer.setImageCount(1, QStringLiteral("FB-11"));
        QString error;
        QVERIFY(!viewer.saveCurrentTo(dir.filePath(QStringLiteral("none.png")), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("none.png"))));
    }

    void darkPalette()
    {
        theme::setMode(theme::Mode::Dark);
        ScreenshotViewer viewer;
        open(viewer);
        viewer.setImageCount(2, QStringLiteral("FB-12"));
        viewer.setImage(0, m_phone2, m_jpg, QStringLiteral("jpg"));
        QVERIFY(theme::isDark());
        // The backdrop around the image follows the palette.
        const QImage grabbed = viewer.canvas()->grab().toImage();
        QVERIFY(grabbed.pixelColor(4, 4).lightness() < 80);
        saveScreenshot(&viewer, QStringLiteral("screenshotviewer-dark.png"));
    }
};

int main(int argc, char **argv)
{
    // A 2x display, so that zoom and drawing are checked in device pixels.
    if (qEnvironmentVariableIsEmpty("QT_SCALE_FACTOR"))
        qputenv("QT_SCALE_FACTOR", "2");
    QApplication app(argc, argv);
    TestScreenshotViewer test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_screenshotviewer.moc"

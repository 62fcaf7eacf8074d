#pragma once
// Screenshots testers attach to feedback, drawn with QPainter: a device-sized app screen (status bar,
// navigation bar, list rows, cards or a detail page, tab bar; a split view on iPad, a window on Mac and Apple
// Vision Pro) with the tester's markup on top: a red freehand circle around something and a short handwritten
// note. The same (submission id, index) always gives the same picture.
//
// Text needs a QGuiApplication (fonts). Without one (in-process tests under QCoreApplication) the text is
// drawn as placeholder bars, so the image keeps its layout and size. Safe to call from worker threads.

#include <QByteArray>
#include <QImage>
#include <QString>

namespace ascend::sim {

struct ScreenshotSpec {
    QString submissionId;
    int index = 0;
    int width = 0; // pixels
    int height = 0;
    int scale = 3;                          // pixels per point
    QString format = QStringLiteral("jpg"); // "png" or "jpg"
    QString appName;
    QString deviceFamily = QStringLiteral("IPHONE"); // DeviceFamily
    bool dynamicIsland = false;
    QString note; // the tester's scribble; empty = a circle only
};

QImage renderScreenshot(const ScreenshotSpec &spec);
// PNG or JPEG bytes; empty when encoding failed.
QByteArray encodeScreenshot(const QImage &image, const QString &format);
// "image/png" or "image/jpeg".
QByteArray screenshotContentType(const QString &format);

} // namespace ascend::sim

// Renders the application icon (an SVG) into PNGs for the hicolor icon theme.
// Usage: ascend_svgtopng <icon.svg> <output dir> <name> <size>...
// writes <output dir>/<size>x<size>/apps/<name>.png for every size.

#include <QDir>
#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    QTextStream err(stderr);
    if (arguments.size() < 5) {
        err << "usage: ascend_svgtopng <icon.svg> <output dir> <name> <size>...\n";
        return 2;
    }
    QSvgRenderer renderer(arguments.at(1));
    if (!renderer.isValid()) {
        err << "ascend_svgtopng: cannot read the SVG " << arguments.at(1) << '\n';
        return 1;
    }
    for (const QString &sizeText : arguments.mid(4)) {
        bool ok = false;
        const int size = sizeText.toInt(&ok);
        if (!ok || size < 1 || size > 4096) {
            err << "ascend_svgtopng: not a size: " << sizeText << '\n';
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter, QRectF(0, 0, size, size));
        painter.end();

        const QString dir = QStringLiteral("%1/%2x%2/apps").arg(arguments.at(2)).arg(size);
        const QString file = dir + QLatin1Char('/') + arguments.at(3) + QStringLiteral(".png");
        if (!QDir().mkpath(dir) || !image.save(file, "PNG")) {
            err << "ascend_svgtopng: cannot write " << file << '\n';
            return 1;
        }
    }
    return 0;
}

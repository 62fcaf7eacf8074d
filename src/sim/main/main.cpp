// ascend-sim: a local App Store Connect simulator for tests and demo mode.

#include "signalwatcher.h"
#include "sim/simlogging.h"
#include "sim/simoptions.h"
#include "sim/simulator.h"
#include "stdinwatcher.h"

#include <QGuiApplication>
#include <QJsonDocument>
#include <cstdio>

using namespace ascend::sim;

int main(int argc, char *argv[])
{
    // Feedback screenshots are drawn with fonts, which need a QGuiApplication; no display is needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ascend-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ASCEND_VERSION));

    const ParsedOptions parsed = parseSimOptions(QCoreApplication::arguments());
    if (!parsed.error.isEmpty()) {
        std::fprintf(stderr, "ascend-sim: %s\nTry 'ascend-sim --help'.\n", qPrintable(parsed.error));
        return 2;
    }
    if (parsed.helpRequested) {
        std::fputs(qPrintable(parsed.helpText), stdout);
        return 0;
    }
    if (parsed.versionRequested) {
        std::printf("ascend-sim %s\n", ASCEND_VERSION);
        return 0;
    }

    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &app, [](int signalNumber) {
        qCInfo(lcSim) << "signal" << signalNumber << "received, shutting down";
        QCoreApplication::quit();
    });

    Simulator simulator(parsed.options);
    QString error;
    if (!simulator.start(&error)) {
        std::fprintf(stderr, "ascend-sim: %s\n", qPrintable(error));
        return 1;
    }

    // The one line on stdout that tells the parent how to connect; everything else goes to stderr.
    const QByteArray ready = QJsonDocument(simulator.readyInfo()).toJson(QJsonDocument::Compact);
    std::fwrite(ready.constData(), 1, size_t(ready.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);

    if (parsed.options.exitWithStdin)
        quitWhenStdinCloses();

    const int status = app.exec();
    simulator.stop();
    qCInfo(lcSim) << "stopped";
    return status;
}

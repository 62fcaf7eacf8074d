// ascend: the desktop app. Wires the stored accounts (or the demo simulator) to the main window.

#include "core/auth/accountstore.h"
#include "core/auth/secretstore.h"
#include "screenshot.h"
#include "ui/mainwindow.h"
#include "ui/theme.h"
#include "ui/uploadspane.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMetaEnum>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>
#include <memory>

namespace {

using Pane = ascend::models::SourceListModel::Pane;

std::optional<Pane> paneFromName(const QString &name)
{
    for (int pane = 0; pane < ascend::models::SourceListModel::PaneCount; ++pane) {
        const auto p = static_cast<Pane>(pane);
        if (ascend::models::SourceListModel::title(p).compare(name, Qt::CaseInsensitive) == 0 ||
            QString::fromLatin1(QMetaEnum::fromType<Pane>().valueToKey(pane))
                    .compare(name, Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Ascend"));
    QCoreApplication::setApplicationName(QStringLiteral("Ascend"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ASCEND_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("ascend"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Ascend: a desktop workbench for App Store Connect. Without options it opens the last used "
                "account, or a welcome page when there is none."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QCoreApplication::translate("main",
                                    "Start the local App Store Connect simulator (ascend-sim) with sample "
                                    "data and a fresh API key, and connect to it."));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main",
                                    "Wait until the window has connected (use with --demo for the demo), "
                                    "save it as an image to <file> and quit. Window settings are not "
                                    "read or saved."),
        QStringLiteral("file"));
    const QCommandLineOption paneOption(
        QStringLiteral("pane"),
        QCoreApplication::translate("main",
                                    "Show the pane <name>: uploads, webhooks, testflight or feedback."),
        QStringLiteral("name"));
    const QCommandLineOption sizeOption(
        QStringLiteral("size"), QCoreApplication::translate("main", "Window size as <width>x<height>."),
        QStringLiteral("size"));
    const QCommandLineOption sampleUploadOption(
        QStringLiteral("sample-upload"),
        QCoreApplication::translate("main",
                                    "With --demo: upload a generated sample build of the selected app."));
    const QCommandLineOption screenshotDelayOption(
        QStringLiteral("screenshot-delay"),
        QCoreApplication::translate("main", "Wait <ms> after connecting before taking the screenshot."),
        QStringLiteral("ms"), QStringLiteral("500"));
    parser.addPositionalArgument(
        QStringLiteral("files"),
        QCoreApplication::translate("main", "Builds (.ipa, .pkg) to upload once connected."),
        QStringLiteral("[files…]"));
    parser.addOptions(
        {demoOption, screenshotOption, paneOption, sizeOption, sampleUploadOption, screenshotDelayOption});
    parser.process(app);

    std::optional<Pane> pane;
    if (parser.isSet(paneOption)) {
        pane = paneFromName(parser.value(paneOption));
        if (!pane) {
            QTextStream(stderr)
                << QCoreApplication::translate("main", "Unknown pane \"%1\".").arg(parser.value(paneOption))
                << Qt::endl;
            return 2;
        }
    }
    QSize size;
    if (parser.isSet(sizeOption)) {
        const QStringList parts = parser.value(sizeOption).split(QLatin1Char('x'));
        if (parts.size() == 2)
            size = QSize(parts.at(0).toInt(), parts.at(1).toInt());
        if (!size.isValid() || size.width() < 400 || size.height() < 300) {
            QTextStream(stderr) << QCoreApplication::translate("main", "The size must look like 1280x800.")
                                << Qt::endl;
            return 2;
        }
    }

    // Screenshots must look the same on every machine: keep the user's window settings out of them.
    const bool screenshot = parser.isSet(screenshotOption);
    QTemporaryDir screenshotSettings;
    if (screenshot) {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, screenshotSettings.path());
    }

    ascend::ui::theme::apply(app);

    std::unique_ptr<ascend::auth::SecretStore> secrets = ascend::auth::createDefaultSecretStore();
    ascend::auth::AccountStore accounts(secrets.get());
    ascend::ui::MainWindow window(&accounts, secrets.get());
    if (size.isValid())
        window.resize(size);
    else if (screenshot)
        window.resize(1280, 800);
    if (pane)
        window.setCurrentPane(*pane);

    if (!parser.positionalArguments().isEmpty() || parser.isSet(sampleUploadOption)) {
        auto *uploads = static_cast<ascend::ui::UploadsPane *>(window.pane(Pane::Uploads));
        uploads->queueWhenConnected(parser.positionalArguments(), parser.isSet(sampleUploadOption));
        if (!pane)
            window.setCurrentPane(Pane::Uploads);
    }

    if (parser.isSet(demoOption))
        window.startDemo();
    else
        window.openDefaultAccount();

    std::unique_ptr<ascend::app::ScreenshotTaker> taker;
    if (screenshot) {
        taker = std::make_unique<ascend::app::ScreenshotTaker>(&window, parser.value(screenshotOption), 60000,
                                                               parser.value(screenshotDelayOption).toInt());
        taker->start();
    }
    window.show();
    return app.exec();
}

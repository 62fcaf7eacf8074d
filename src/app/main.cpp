// ascend: the desktop app. Wires the stored accounts (or the demo simulator) to the main window.

#include "core/auth/accountstore.h"
#include "core/auth/secretstore.h"
#include "logcapture.h"
#include "screenshot.h"
#include "ui/aboutdialog.h"
#include "ui/appsettings.h"
#include "ui/logbuffer.h"
#include "ui/logviewer.h"
#include "ui/mainwindow.h"
#include "ui/settingsdialog.h"
#include "ui/shortcutsdialog.h"
#include "ui/theme.h"
#include "ui/uilanguage.h"
#include "ui/uploadspane.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTranslator>
#include <memory>

Q_LOGGING_CATEGORY(lcApp, "ascend.app", QtInfoMsg)

namespace {

using Pane = ascend::models::SourceListModel::Pane;

// Loads the interface language chosen in Settings (or the system's) with Qt's own strings for it.

// --screenshot-window: a dialog to open once connected and to capture instead of the main window.
std::function<QWidget *()> screenshotWindow(const QString &name, ascend::ui::MainWindow *window,
                                            ascend::auth::AccountStore *accounts,
                                            ascend::auth::SecretStore *secrets)
{
    using namespace ascend::ui;
    const QString kind = name.section(QLatin1Char(':'), 0, 0);
    const QString page = name.section(QLatin1Char(':'), 1);
    if (kind == QLatin1String("settings")) {
        const QMetaEnum pages = QMetaEnum::fromType<SettingsDialog::Page>();
        const int value = page.isEmpty() ? 0 : pages.keyToValue(qPrintable(page + QStringLiteral("Page")));
        if (value < 0)
            return {};
        return [=] {
            auto *dialog = new SettingsDialog(accounts, secrets, window);
            dialog->setCurrentPage(static_cast<SettingsDialog::Page>(value));
            dialog->show();
            return dialog;
        };
    }
    if (kind == QLatin1String("log")) {
        return [=] {
            window->showLog();
            return static_cast<QWidget *>(window->logViewer());
        };
    }
    if (kind == QLatin1String("about")) {
        return [=] {
            auto *dialog = new AboutDialog(secrets->backendDescription(), window);
            dialog->show();
            return dialog;
        };
    }
    return {};
}

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
    // The desktop file's name: Wayland compositors match the window to it (icon, launcher entry).
    QGuiApplication::setDesktopFileName(QStringLiteral(ASCEND_APP_ID));

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
    const QCommandLineOption screenshotWindowOption(
        QStringLiteral("screenshot-window"),
        QCoreApplication::translate(
            "main", "With --screenshot: capture <window> instead of the main window: "
                    "settings[:Page] (Accounts, Appearance, Uploads, Listener, Cache, Language, "
                    "Notifications), log or about."),
        QStringLiteral("window"));
    const QCommandLineOption screenshotDelayOption(
        QStringLiteral("screenshot-delay"),
        QCoreApplication::translate("main", "Wait <ms> after connecting before taking the screenshot."),
        QStringLiteral("ms"), QStringLiteral("500"));
    parser.addPositionalArgument(
        QStringLiteral("files"),
        QCoreApplication::translate("main", "Builds (.ipa, .pkg) to upload once connected."),
        QStringLiteral("[files…]"));
    parser.addOptions({demoOption, screenshotOption, paneOption, sizeOption, sampleUploadOption,
                       screenshotDelayOption, screenshotWindowOption});
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

    ascend::app::installLogCapture();
    ascend::ui::uilanguage::install();
    ascend::ui::theme::apply(app, ascend::ui::AppSettings::themeMode());
    qCInfo(lcApp, "Ascend %s on Qt %s (%s)", qPrintable(QCoreApplication::applicationVersion()), qVersion(),
           qPrintable(QGuiApplication::platformName()));

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
        if (parser.isSet(screenshotWindowOption)) {
            const auto target =
                screenshotWindow(parser.value(screenshotWindowOption), &window, &accounts, secrets.get());
            if (!target) {
                QTextStream(stderr) << QCoreApplication::translate("main", "Unknown window \"%1\".")
                                           .arg(parser.value(screenshotWindowOption))
                                    << Qt::endl;
                return 2;
            }
            taker->setTarget(target);
        }
        taker->start();
    }
    window.show();
    return app.exec();
}

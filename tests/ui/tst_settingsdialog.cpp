// The Settings dialog writes what its pages show to AppSettings (and nothing secret to QSettings), checks the
// listener fields, restores defaults, manages accounts through the real AccountStore, clears the cache, and
// switches the palette; the notifier honours the notification switches.

#include "core/auth/accountstore.h"
#include "core/auth/apikey.h"
#include "core/auth/filesecretstore.h"
#include "ui/appsettings.h"
#include "ui/desktopnotifier.h"
#include "ui/settingsaccountspage.h"
#include "ui/settingsdialog.h"
#include "ui/theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using ascend::ui::AppSettings;
using ascend::ui::SettingsDialog;
namespace theme = ascend::ui::theme;

namespace {

// Screenshots go to ASCEND_SCREENSHOT_DIR when set (scripts/take-screenshots.sh), else /tmp/ascend-settings.
QString screenshotDir()
{
    const QString dir = qEnvironmentVariable("ASCEND_SCREENSHOT_DIR", QStringLiteral("/tmp/ascend-settings"));
    QDir().mkpath(dir);
    return dir;
}

} // namespace

class TestSettingsDialog : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ascend::auth::FileSecretStore> m_secrets;
    std::unique_ptr<ascend::auth::AccountStore> m_store;

    QByteArray storeAccount(const QString &name)
    {
        QString error;
        const auto key = ascend::auth::ApiKey::generate(&error);
        if (!key.isValid())
            return {};
        ascend::auth::Account account{name, QStringLiteral("57246542-96fe-1a63-e053-0824d011072a"),
                                      QStringLiteral("ABCDE12345"), false, QString()};
        if (!m_store->save(account, key.privateKeyPem(), &error))
            return {};
        return key.privateKeyPem();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("AscendTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_settingsdialog"));
        theme::apply(*qApp, theme::Mode::Light);
    }

    void init()
    {
        QSettings().clear();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_secrets =
            std::make_unique<ascend::auth::FileSecretStore>(m_dir->filePath(QStringLiteral("secrets")));
        m_store = std::make_unique<ascend::auth::AccountStore>(m_secrets.get(),
                                                               m_dir->filePath(QStringLiteral("config")));
    }

    void cleanup()
    {
        theme::setMode(theme::Mode::Light);
        m_store.reset();
        m_secrets.reset();
        m_dir.reset();
    }

    void defaultsAndTypedAccess()
    {
        QCOMPARE(AppSettings::uploadParallelism(), AppSettings::DefaultParallelism);
        QCOMPARE(AppSettings::listenerHost(), QStringLiteral("127.0.0.1"));
        QCOMPARE(AppSettings::listenerPort(), 8787);
        QCOMPARE(AppSettings::listenerPath(), QStringLiteral("/webhooks/asc"));
        QCOMPARE(AppSettings::thumbnailMemoryMiB(), AppSettings::DefaultThumbnailMemoryMiB);
        QCOMPARE(AppSettings::thumbnailDiskMiB(), AppSettings::DefaultThumbnailDiskMiB);
        QCOMPARE(AppSettings::themeMode(), theme::Mode::System);
        QCOMPARE(AppSettings::language(), QString());
        QVERIFY(AppSettings::notificationsEnabled(AppSettings::NotificationKind::Review));

        QSignalSpy changed(AppSettings::instance(), &AppSettings::changed);
        AppSettings::setUploadParallelism(40); // clamped
        QCOMPARE(AppSettings::uploadParallelism(), AppSettings::MaxParallelism);
        QCOMPARE(QSettings().value(QStringLiteral("uploads/parallelism")).toInt(), 16);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().toString(), AppSettings::UploadParallelismKey);
        AppSettings::setUploadParallelism(16); // no change, no signal
        QCOMPARE(changed.size(), 1);
        AppSettings::setLanguage(QStringLiteral("fr")); // not offered: back to the system's
        QCOMPARE(AppSettings::language(), QString());
        AppSettings::setLanguage(QStringLiteral("de"));
        QCOMPARE(AppSettings::effectiveLanguage(), QStringLiteral("de"));
        AppSettings::setThemeMode(theme::Mode::Dark);
        QCOMPARE(QSettings().value(QStringLiteral("appearance/theme")).toString(), QStringLiteral("dark"));
    }

    void pagesShowAndWriteTheSettings()
    {
        AppSettings::setUploadParallelism(6);
        AppSettings::setListenerPort(9001);
        AppSettings::setNotificationsEnabled(AppSettings::NotificationKind::Feedback, false);
        SettingsDialog dialog(m_store.get(), m_secrets.get());
        QCOMPARE(dialog.parallelismSpin()->value(), 6);
        QCOMPARE(dialog.listenerPortSpin()->value(), 9001);
        QVERIFY(!dialog.notificationCheck(AppSettings::NotificationKind::Feedback)->isChecked());
        QVERIFY(dialog.notificationCheck(AppSettings::NotificationKind::Uploads)->isChecked());
        QVERIFY(!dialog.applyButton()->isEnabled()); // nothing changed yet
        QCOMPARE(dialog.pageList()->count(), 7);

        dialog.parallelismSpin()->setValue(12);
        dialog.listenerHostEdit()->setText(QStringLiteral("0.0.0.0"));
        dialog.listenerPortSpin()->setValue(0);
        dialog.listenerPathEdit()->setText(QStringLiteral("/hooks"));
        dialog.thumbnailMemorySpin()->setValue(256);
        dialog.thumbnailDiskSpin()->setValue(0);
        dialog.languageCombo()->setCurrentIndex(dialog.languageCombo()->findData(QStringLiteral("de")));
        dialog.notificationCheck(AppSettings::NotificationKind::Review)->setChecked(false);
        QVERIFY(dialog.hasChanges());
        QVERIFY(dialog.applyButton()->isEnabled());
        // Nothing is written before Apply.
        QCOMPARE(AppSettings::uploadParallelism(), 6);

        QSignalSpy applied(&dialog, &SettingsDialog::applied);
        QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
        QCOMPARE(applied.size(), 1);
        QCOMPARE(AppSettings::uploadParallelism(), 12);
        QCOMPARE(AppSettings::listenerHost(), QStringLiteral("0.0.0.0"));
        QCOMPARE(AppSettings::listenerPort(), 0);
        QCOMPARE(AppSettings::listenerPath(), QStringLiteral("/hooks"));
        QCOMPARE(AppSettings::thumbnailMemoryMiB(), 256);
        QCOMPARE(AppSettings::thumbnailDiskMiB(), 0);
        QCOMPARE(AppSettings::language(), QStringLiteral("de"));
        QVERIFY(!AppSettings::notificationsEnabled(AppSettings::NotificationKind::Review));
        QVERIFY(!dialog.hasChanges());
        QVERIFY(!dialog.applyButton()->isEnabled());

        // Cancel throws edits away.
        dialog.parallelismSpin()->setValue(3);
        dialog.reject();
        QCOMPARE(AppSettings::uploadParallelism(), 12);
    }

    void listenerFieldsAreChecked()
    {
        SettingsDialog dialog(m_store.get(), m_secrets.get());
        dialog.setCurrentPage(SettingsDialog::ListenerPage);
        dialog.listenerHostEdit()->setText(QStringLiteral("example.com"));
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(dialog.listenerMessage()->isVisibleTo(&dialog));
        QVERIFY(dialog.listenerMessage()->text().contains(QStringLiteral("example.com")));
        QVERIFY(!dialog.apply());
        QCOMPARE(AppSettings::listenerHost(), QStringLiteral("127.0.0.1"));
        dialog.listenerHostEdit()->setText(QStringLiteral("localhost"));
        dialog.listenerPathEdit()->setText(QStringLiteral("no slash"));
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(dialog.listenerMessage()->text().contains(QStringLiteral("/")));
        dialog.listenerPathEdit()->setText(QStringLiteral("/ok"));
        QVERIFY(dialog.okButton()->isEnabled());
        QVERIFY(dialog.validationError().isEmpty());
    }

    void restoreDefaultsOnTheCurrentPage()
    {
        AppSettings::setUploadParallelism(2);
        AppSettings::setListenerPath(QStringLiteral("/x"));
        SettingsDialog dialog(m_store.get(), m_secrets.get());
        dialog.setCurrentPage(SettingsDialog::UploadsPage);
        dialog.restoreDefaults();
        QCOMPARE(dialog.parallelismSpin()->value(), AppSettings::DefaultParallelism);
        QCOMPARE(dialog.listenerPathEdit()->text(), QStringLiteral("/x")); // another page: untouched
        dialog.setCurrentPage(SettingsDialog::ListenerPage);
        dialog.restoreDefaults();
        QCOMPARE(dialog.listenerPathEdit()->text(), QStringLiteral("/webhooks/asc"));
        QCOMPARE(dialog.listenerPortSpin()->value(), AppSettings::DefaultListenerPort);
    }

    void languageSaysWhenItApplies()
    {
        SettingsDialog dialog(m_store.get(), m_secrets.get());
        dialog.setCurrentPage(SettingsDialog::LanguagePage);
        QCOMPARE(dialog.languageCombo()->count(), 3);
        QVERIFY(dialog.languageCombo()->itemText(0).startsWith(QStringLiteral("System")));
        QCOMPARE(dialog.languageCombo()->itemText(2), QStringLiteral("Deutsch"));
        const QString other = AppSettings::systemLanguage() == QLatin1String("de") ? QStringLiteral("en")
                                                                                   : QStringLiteral("de");
        dialog.languageCombo()->setCurrentIndex(dialog.languageCombo()->findData(other));
        QVERIFY2(dialog.languageNote()->text().contains(QStringLiteral("next time it starts")),
                 qPrintable(dialog.languageNote()->text()));
    }

    void themeFollowsTheChoice()
    {
        SettingsDialog dialog(m_store.get(), m_secrets.get());
        dialog.setCurrentPage(SettingsDialog::AppearancePage);
        QVERIFY(!theme::isDark());
        const QColor lightText = theme::textPrimary();
        dialog.themeButton(theme::Mode::Dark)->click();
        QVERIFY(dialog.apply());
        QCOMPARE(AppSettings::themeMode(), theme::Mode::Dark);
        QVERIFY(theme::isDark());
        QCOMPARE(qApp->palette().color(QPalette::Window), theme::darkPalette().color(QPalette::Window));
        // Colours derive from the palette: light text on a dark window, readable secondary text.
        QVERIFY(theme::textPrimary().lightness() > 180);
        QVERIFY(theme::textPrimary() != lightText);
        QVERIFY(qAbs(theme::textSecondary().lightness() -
                     qApp->palette().color(QPalette::Window).lightness()) > 80);
        // A label bound to the theme follows the switch.
        QLabel label(QStringLiteral("x"));
        theme::bindColor(&label, QPalette::WindowText, theme::textSecondary);
        QCOMPARE(label.palette().color(QPalette::WindowText), theme::textSecondary());
        dialog.themeButton(theme::Mode::Light)->click();
        QVERIFY(dialog.apply());
        QVERIFY(!theme::isDark());
        QCOMPARE(label.palette().color(QPalette::WindowText), theme::textSecondary());
        QVERIFY(label.palette().color(QPalette::WindowText).lightness() < 160);
    }

    void boundBackgroundsFollowTheSwitch()
    {
        QWidget parent;
        auto *child = new QWidget(&parent);
        child->setAutoFillBackground(true);
        theme::bindColor(child, QPalette::Window,
                         [] { return QGuiApplication::palette().color(QPalette::Base); });
        parent.show();
        QCOMPARE(child->palette().color(QPalette::Window), theme::lightPalette().color(QPalette::Base));
        theme::setMode(theme::Mode::Dark);
        QCOMPARE(child->palette().color(QPalette::Window), theme::darkPalette().color(QPalette::Base));
        theme::setMode(theme::Mode::Light);
        QCOMPARE(child->palette().color(QPalette::Window), theme::lightPalette().color(QPalette::Base));
        // A palette set from elsewhere reaches the bindings too, once the widgets have heard of it.
        QApplication::setPalette(theme::darkPalette());
        QTRY_COMPARE(child->palette().color(QPalette::Window), theme::darkPalette().color(QPalette::Base));
        theme::setMode(theme::Mode::Light);
    }

    void iconsRenderAtTheDevicePixelRatio()
    {
        const QIcon icon = theme::icon(QStringLiteral(":/icons/uploads.svg"));
        for (const qreal dpr : {1.0, 1.5, 2.0, 3.0}) {
            const QPixmap pixmap = icon.pixmap(QSize(20, 20), dpr);
            QCOMPARE(pixmap.size(), (QSizeF(20, 20) * dpr).toSize());
            QCOMPARE(pixmap.devicePixelRatio(), dpr);
            // Drawn, not empty: some pixels carry the tint.
            const QImage image = pixmap.toImage();
            int painted = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    painted += qAlpha(image.pixel(x, y)) > 128;
            QVERIFY2(painted > image.width(), qPrintable(QString::number(painted)));
        }
    }

    void accountsAreManagedInTheStore()
    {
        const QByteArray pem = storeAccount(QStringLiteral("Acme"));
        QVERIFY(!pem.isEmpty());
        SettingsDialog dialog(m_store.get(), m_secrets.get());
        ascend::ui::SettingsAccountsPage *page = dialog.accountsPage();
        QCOMPARE(page->list()->count(), 1);
        QCOMPARE(page->selectedAccount(), QStringLiteral("Acme"));

        // "Add" opens the account dialog; here a stand-in stores a second account as the dialog would.
        page->setEditor([this](const std::optional<ascend::auth::Account> &account) -> QString {
            if (account)
                return account->name;
            return storeAccount(QStringLiteral("Beta Team")).isEmpty() ? QString()
                                                                       : QStringLiteral("Beta Team");
        });
        QSignalSpy added(&dialog, &SettingsDialog::accountAdded);
        QSignalSpy changed(&dialog, &SettingsDialog::accountChanged);
        QSignalSpy removed(&dialog, &SettingsDialog::accountRemoved);
        QTest::mouseClick(page->addButton(), Qt::LeftButton);
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.first().first().toString(), QStringLiteral("Beta Team"));
        QCOMPARE(page->list()->count(), 2);
        QCOMPARE(page->selectedAccount(), QStringLiteral("Beta Team"));

        page->selectAccount(QStringLiteral("Acme"));
        QTest::mouseClick(page->editButton(), Qt::LeftButton);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().toString(), QStringLiteral("Acme"));

        bool asked = false;
        page->setConfirmHandler([&asked](const QString &, const QString &text) {
            asked = text.contains(QStringLiteral("Acme"));
            return true;
        });
        QTest::mouseClick(page->removeButton(), Qt::LeftButton);
        QVERIFY(asked);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(m_store->accounts().size(), 1);
        QCOMPARE(m_store->accounts().first().name, QStringLiteral("Beta Team"));
        QCOMPARE(page->list()->count(), 1);
        QString error;
        QVERIFY(!m_store->privateKeyPem(QStringLiteral("Acme"), &error)); // its key went with it

        // No secret ever reaches QSettings.
        dialog.apply();
        QSettings settings;
        const QByteArray keyLine = pem.split('\n').value(1);
        for (const QString &key : settings.allKeys()) {
            const QByteArray value = settings.value(key).toByteArray();
            QVERIFY2(!value.contains("PRIVATE KEY") && !value.contains(keyLine), qPrintable(key));
        }
    }

    void clearCacheEmptiesTheCacheDirectory()
    {
        const QString thumbnails = AppSettings::thumbnailCacheDirectory();
        QVERIFY(thumbnails.startsWith(AppSettings::cacheDirectory()));
        QVERIFY(QDir().mkpath(thumbnails));
        QFile file(QDir(thumbnails).filePath(QStringLiteral("a.png")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(300 * 1024, 'x'));
        file.close();
        QVERIFY(AppSettings::cacheSize() >= 300 * 1024);

        SettingsDialog dialog(m_store.get(), m_secrets.get());
        dialog.setCurrentPage(SettingsDialog::CachePage);
        QVERIFY2(dialog.cacheUsageLabel()->text() == QStringLiteral("0.3 MiB"),
                 qPrintable(dialog.cacheUsageLabel()->text()));
        QSignalSpy cleared(AppSettings::instance(), &AppSettings::cacheCleared);
        QTest::mouseClick(dialog.clearCacheButton(), Qt::LeftButton);
        QCOMPARE(cleared.size(), 1);
        QVERIFY(!QFile::exists(file.fileName()));
        QCOMPARE(AppSettings::cacheSize(), 0);
        QCOMPARE(dialog.cacheUsageLabel()->text(), QStringLiteral("0.0 MiB"));
    }

    void notifierHonoursTheSwitches()
    {
        QStatusBar bar;
        ascend::ui::DesktopNotifier notifier(&bar);
        QSignalSpy notified(&notifier, &ascend::ui::DesktopNotifier::notified);
        QVERIFY(notifier.notify(AppSettings::NotificationKind::Uploads, QStringLiteral("Build processed"),
                                QStringLiteral("Demo 1.0 (3) is ready")));
        QCOMPARE(notified.size(), 1);
        AppSettings::setNotificationsEnabled(AppSettings::NotificationKind::Uploads, false);
        QVERIFY(!notifier.notify(AppSettings::NotificationKind::Uploads, QStringLiteral("Upload failed"),
                                 QStringLiteral("x")));
        QCOMPARE(notified.size(), 1);
        QCOMPARE(notifier.lastTitle(), QStringLiteral("Build processed"));
        QVERIFY(notifier.notify(AppSettings::NotificationKind::Feedback, QStringLiteral("New feedback"),
                                QStringLiteral("y")));
        QCOMPARE(notified.size(), 2);
    }

    void keyboardReachesEveryPage()
    {
        SettingsDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QVERIFY(dialog.pageList()->hasFocus());
        // Arrow keys walk the pages; Tab goes into the page.
        QTest::keyClick(dialog.pageList(), Qt::Key_Down);
        QTest::keyClick(dialog.pageList(), Qt::Key_Down);
        QCOMPARE(dialog.currentPage(), SettingsDialog::UploadsPage);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog.parallelismSpin());
        // Mnemonics: Alt+D is "Thumbnails on disk" on the Cache page.
        dialog.setCurrentPage(SettingsDialog::CachePage);
        QTest::keyClick(&dialog, Qt::Key_D, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), dialog.thumbnailDiskSpin());
    }

    void screenshotsOfEveryPage()
    {
        storeAccount(QStringLiteral("Acme Team"));
        storeAccount(QStringLiteral("Side Project"));
        SettingsDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QMetaEnum pages = QMetaEnum::fromType<SettingsDialog::Page>();
        for (int i = 0; i < pages.keyCount(); ++i) {
            dialog.setCurrentPage(static_cast<SettingsDialog::Page>(pages.value(i)));
            QCoreApplication::processEvents();
            const QString name = QString::fromLatin1(pages.key(i)).chopped(4).toLower();
            const QString path = QDir(screenshotDir()).filePath(QStringLiteral("settings-%1.png").arg(name));
            QVERIFY(dialog.grab().save(path));
        }
        theme::setMode(theme::Mode::Dark);
        dialog.setCurrentPage(SettingsDialog::AppearancePage);
        QCoreApplication::processEvents();
        QVERIFY(dialog.grab().save(
            QDir(screenshotDir()).filePath(QStringLiteral("settings-appearance-dark.png"))));
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"

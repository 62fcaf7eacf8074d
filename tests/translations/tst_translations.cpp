#include "ui/appsettings.h"
#include "ui/uilanguage.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLibraryInfo>
#include <QPushButton>
#include <QtTest>

using namespace ascend::ui;

class TstTranslations : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Keep the Settings choice of this machine out of the test.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("AscendTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
    }

    void cleanup() { uilanguage::install(QStringLiteral("en")); }

    void translationsAreEmbedded()
    {
        const QStringList codes = uilanguage::embedded();
        QVERIFY2(codes.contains(QStringLiteral("de")), qPrintable(codes.join(QLatin1Char(' '))));
        QVERIFY2(codes.contains(QStringLiteral("en")), qPrintable(codes.join(QLatin1Char(' '))));
        // Every language Settings offers has a translation.
        for (const auto &[code, name] : AppSettings::languages()) {
            if (!code.isEmpty())
                QVERIFY2(codes.contains(code), qPrintable(code));
        }
    }

    void germanTranslates()
    {
        QCOMPARE(uilanguage::install(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(qApp->property("ascendLanguage").toString(), QStringLiteral("de"));
        // A widget, a message from a core library that reaches the window, and a Designer form.
        QCOMPARE(QCoreApplication::translate("ascend::ui::UploadsPane", "Add Build…"),
                 QStringLiteral("Build hinzufügen …"));
        QCOMPARE(QCoreApplication::translate("ApiError", "The request was cancelled."),
                 QStringLiteral("Die Anfrage wurde abgebrochen."));
        QCOMPARE(QCoreApplication::translate("AccountDialog", "Add an API Key"),
                 QStringLiteral("API-Schlüssel hinzufügen"));
        // Placeholders survive translation.
        const QString status =
            QCoreApplication::translate("ApiError", "The server answered with HTTP status %1.").arg(503);
        QCOMPARE(status, QStringLiteral("Der Server hat mit HTTP-Status 503 geantwortet."));
    }

    void pluralForms_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("expected");
        QTest::newRow("de 1") << QStringLiteral("de") << 1 << QStringLiteral("1 Ereignistyp");
        QTest::newRow("de 3") << QStringLiteral("de") << 3 << QStringLiteral("3 Ereignistypen");
        QTest::newRow("en 1") << QStringLiteral("en") << 1 << QStringLiteral("1 event type");
        QTest::newRow("en 3") << QStringLiteral("en") << 3 << QStringLiteral("3 event types");
    }

    void pluralForms()
    {
        QFETCH(QString, language);
        QFETCH(int, count);
        QFETCH(QString, expected);
        QCOMPARE(uilanguage::install(language), language);
        QCOMPARE(QCoreApplication::translate("ascend::models::WebhookListModel", "%n event type(s)", nullptr,
                                             count),
                 expected);
    }

    void englishIsTheSource()
    {
        QCOMPARE(uilanguage::install(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(uilanguage::install(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("ApiError", "The request was cancelled."),
                 QStringLiteral("The request was cancelled."));
        // A language without a translation falls back to English.
        QCOMPARE(uilanguage::install(QStringLiteral("fi")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("ascend::ui::UploadsPane", "Add Build…"),
                 QStringLiteral("Add Build…"));
    }

    void followsTheSettings()
    {
        AppSettings::setLanguage(QStringLiteral("de"));
        QCOMPARE(uilanguage::install(), QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate("ascend::ui::UploadsPane", "Add Build…"),
                 QStringLiteral("Build hinzufügen …"));
        AppSettings::setLanguage(QStringLiteral("en"));
        QCOMPARE(uilanguage::install(), QStringLiteral("en"));
        AppSettings::setLanguage(QString());
        QCOMPARE(uilanguage::install(), AppSettings::systemLanguage());
    }

    void qtDialogsFollow()
    {
        const QString qtbase =
            QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm");
        if (!QFile::exists(qtbase))
            QSKIP("Qt's German translation (qt6-translations-l10n) is not installed");
        QCOMPARE(uilanguage::install(QStringLiteral("de")), QStringLiteral("de"));
        QDialogButtonBox box(QDialogButtonBox::Cancel);
        QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Abbrechen"));
    }
};

QTEST_MAIN(TstTranslations)
#include "tst_translations.moc"

#include "ui/uilanguage.h"

#include "ui/appsettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

namespace ascend::ui::uilanguage {

namespace {

Q_LOGGING_CATEGORY(lcLanguage, "ascend.ui.language")

const QString kResourceDir = QStringLiteral(":/i18n");
const QString kPrefix = QStringLiteral("ascend_");

// Children of the application object, so they live exactly as long as it does.
QTranslator *g_ascend = nullptr;
QTranslator *g_qt = nullptr;

void drop(QTranslator *&translator)
{
    if (!translator)
        return;
    QCoreApplication::removeTranslator(translator);
    delete translator;
    translator = nullptr;
}

} // namespace

QStringList embedded()
{
    QStringList codes;
    const QStringList files =
        QDir(kResourceDir).entryList({kPrefix + QStringLiteral("*.qm")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        codes << file.mid(kPrefix.size()).chopped(3);
    return codes;
}

QString install(const QString &code)
{
    auto *app = QCoreApplication::instance();
    if (!app)
        return QStringLiteral("en");
    drop(g_ascend);
    drop(g_qt);

    QString language = code.isEmpty() ? AppSettings::effectiveLanguage() : code;
    if (!embedded().contains(language) && language != QLatin1String("en")) {
        qCDebug(lcLanguage) << "no translation for" << language << "- showing English";
        language = QStringLiteral("en");
    }
    app->setProperty("ascendLanguage", language);
    // A language chosen in Settings over the desktop's also brings its number and date formats.
    if (code.isEmpty() && !AppSettings::language().isEmpty() &&
        AppSettings::language() != AppSettings::systemLanguage())
        QLocale::setDefault(QLocale(language));

    // English is the source language; ascend_en only spells out plural forms ("1 build", "2 builds").
    auto *ours = new QTranslator(app);
    if (ours->load(kPrefix + language, kResourceDir)) {
        QCoreApplication::installTranslator(ours);
        g_ascend = ours;
    } else {
        delete ours;
    }
    if (language == QLatin1String("en"))
        return language;

    auto *qt = new QTranslator(app);
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        g_qt = qt;
    } else {
        qCDebug(lcLanguage) << "Qt's own translation for" << language << "is not installed";
        delete qt;
    }
    return language;
}

} // namespace ascend::ui::uilanguage

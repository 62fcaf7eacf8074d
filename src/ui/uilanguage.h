#pragma once

#include <QString>
#include <QStringList>

// Loads the translation of the user interface. Ascend's translations are compiled into the program
// (translations/ascend_<code>.ts → :/i18n/ascend_<code>.qm, see translations/README.md); Qt's own strings
// (standard buttons and dialogs) come from Qt's translations folder when it is installed.
namespace ascend::ui::uilanguage {

// Codes of the embedded translations, e.g. "de" (and "en", which holds only English plural forms).
QStringList embedded();

// Installs the translators for `code` ("en", "de"), or for AppSettings::effectiveLanguage() (the Settings
// choice, else the desktop's language) when `code` is empty, replacing any installed before. Call it once
// QCoreApplication's organisation and application names are set and before any window is built: widgets
// made earlier keep their text. Returns the language now shown ("en" when there is no translation for
// `code`) and records it as the application property "ascendLanguage". When the Settings choice differs
// from the desktop's language, it also becomes the default QLocale (numbers, dates).
QString install(const QString &code = QString());

} // namespace ascend::ui::uilanguage

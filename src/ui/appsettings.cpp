#include "ui/appsettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>

namespace ascend::ui {

namespace {

QString notificationKey(AppSettings::NotificationKind kind)
{
    switch (kind) {
    case AppSettings::NotificationKind::Uploads:
        return AppSettings::UploadNotificationsKey;
    case AppSettings::NotificationKind::Review:
        return AppSettings::ReviewNotificationsKey;
    case AppSettings::NotificationKind::Feedback:
        return AppSettings::FeedbackNotificationsKey;
    }
    return AppSettings::UploadNotificationsKey;
}

const QStringList &supportedLanguages()
{
    static const QStringList codes = {QStringLiteral("en"), QStringLiteral("de")};
    return codes;
}

} // namespace

AppSettings *AppSettings::instance()
{
    static QPointer<AppSettings> settings;
    if (!settings)
        settings = new AppSettings(QCoreApplication::instance());
    return settings;
}

void AppSettings::write(const QString &key, const QVariant &value)
{
    QSettings settings;
    if (settings.contains(key) && settings.value(key) == value)
        return;
    settings.setValue(key, value);
    emit instance()->changed(key);
}

int AppSettings::uploadParallelism()
{
    return std::clamp(QSettings().value(UploadParallelismKey, DefaultParallelism).toInt(), MinParallelism,
                      MaxParallelism);
}

void AppSettings::setUploadParallelism(int parts)
{
    write(UploadParallelismKey, std::clamp(parts, MinParallelism, MaxParallelism));
}

QString AppSettings::listenerHost()
{
    const QString host = QSettings().value(ListenerHostKey).toString().trimmed();
    return host.isEmpty() ? defaultListenerHost() : host;
}

void AppSettings::setListenerHost(const QString &host)
{
    write(ListenerHostKey, host.trimmed());
}

int AppSettings::listenerPort()
{
    return std::clamp(QSettings().value(ListenerPortKey, DefaultListenerPort).toInt(), 0, 65535);
}

void AppSettings::setListenerPort(int port)
{
    write(ListenerPortKey, std::clamp(port, 0, 65535));
}

QString AppSettings::listenerPath()
{
    const QString path = QSettings().value(ListenerPathKey).toString().trimmed();
    return path.isEmpty() ? defaultListenerPath() : path;
}

void AppSettings::setListenerPath(const QString &path)
{
    write(ListenerPathKey, path.trimmed());
}

int AppSettings::thumbnailMemoryMiB()
{
    return std::clamp(QSettings().value(ThumbnailMemoryKey, DefaultThumbnailMemoryMiB).toInt(),
                      MinThumbnailMemoryMiB, MaxThumbnailMemoryMiB);
}

void AppSettings::setThumbnailMemoryMiB(int mib)
{
    write(ThumbnailMemoryKey, std::clamp(mib, MinThumbnailMemoryMiB, MaxThumbnailMemoryMiB));
}

int AppSettings::thumbnailDiskMiB()
{
    return std::clamp(QSettings().value(ThumbnailDiskKey, DefaultThumbnailDiskMiB).toInt(), 0,
                      MaxThumbnailDiskMiB);
}

void AppSettings::setThumbnailDiskMiB(int mib)
{
    write(ThumbnailDiskKey, std::clamp(mib, 0, MaxThumbnailDiskMiB));
}

QString AppSettings::cacheDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
}

QString AppSettings::thumbnailCacheDirectory()
{
    return QDir(cacheDirectory()).filePath(QStringLiteral("thumbnails"));
}

qint64 AppSettings::cacheSize()
{
    qint64 total = 0;
    QDirIterator it(cacheDirectory(), QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

bool AppSettings::clearCache(QString *error)
{
    const QString path = cacheDirectory();
    QDir dir(path);
    bool ok = true;
    QStringList failed;
    if (dir.exists()) {
        const QFileInfoList entries =
            dir.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        for (const QFileInfo &entry : entries) {
            const bool removed = entry.isDir() && !entry.isSymLink()
                                     ? QDir(entry.filePath()).removeRecursively()
                                     : QFile::remove(entry.filePath());
            if (!removed) {
                ok = false;
                failed << entry.fileName();
            }
        }
    }
    if (error)
        *error = ok ? QString()
                    : QCoreApplication::translate("ascend::ui::AppSettings", "Could not delete %1 in %2.")
                          .arg(failed.join(QStringLiteral(", ")), QDir::toNativeSeparators(path));
    emit instance()->cacheCleared();
    return ok;
}

theme::Mode AppSettings::themeMode()
{
    const QString value = QSettings().value(ThemeKey).toString();
    if (value == QLatin1String("light"))
        return theme::Mode::Light;
    if (value == QLatin1String("dark"))
        return theme::Mode::Dark;
    return theme::Mode::System;
}

void AppSettings::setThemeMode(theme::Mode mode)
{
    const QString value = mode == theme::Mode::Light  ? QStringLiteral("light")
                          : mode == theme::Mode::Dark ? QStringLiteral("dark")
                                                      : QStringLiteral("system");
    write(ThemeKey, value);
}

QString AppSettings::language()
{
    const QString code = QSettings().value(LanguageKey).toString();
    return supportedLanguages().contains(code) ? code : QString();
}

void AppSettings::setLanguage(const QString &code)
{
    write(LanguageKey, supportedLanguages().contains(code) ? code : QString());
}

QList<QPair<QString, QString>> AppSettings::languages()
{
    return {{QString(), QCoreApplication::translate("ascend::ui::AppSettings", "System")},
            // Each language in its own name, so a person finds theirs whatever the interface shows now.
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")}};
}

QString AppSettings::effectiveLanguage()
{
    const QString chosen = language();
    return chosen.isEmpty() ? systemLanguage() : chosen;
}

QString AppSettings::systemLanguage()
{
    for (const QString &tag : QLocale::system().uiLanguages()) {
        const QString code = tag.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
        if (supportedLanguages().contains(code))
            return code;
    }
    return QStringLiteral("en");
}

bool AppSettings::notificationsEnabled(NotificationKind kind)
{
    return QSettings().value(notificationKey(kind), true).toBool();
}

void AppSettings::setNotificationsEnabled(NotificationKind kind, bool enabled)
{
    write(notificationKey(kind), enabled);
}

} // namespace ascend::ui

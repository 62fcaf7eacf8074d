#pragma once
// The user's preferences, typed, over QSettings (one place for every key). Secrets never go here: API keys
// and webhook secrets live in the SecretStore. Setters write at once and announce the change through
// AppSettings::instance()->changed(key), so open panes can follow the Settings dialog.
//
// Keys (QSettings, organisation "Ascend", application "Ascend"):
//   uploads/parallelism          int 1–16, default 4         parts of one upload sent at the same time
//   webhooks/listenerHost        string, "127.0.0.1"         address the local webhook listener binds to
//   webhooks/listenerPort        int 0–65535, 8787           0 = any free port
//   webhooks/listenerPath        string, "/webhooks/asc"     path the listener accepts notifications on
//   cache/thumbnailMemoryMiB     int 16–4096, 128            in-memory thumbnail cache (feedback pane)
//   cache/thumbnailDiskMiB       int 0–20480, 512            on-disk thumbnail cache, 0 = none (feedback
//   pane) appearance/theme             "system" | "light" | "dark" default "system" language/ui "" (system) |
//   "en" | "de"   applied at the next start notifications/uploads        bool, true                  an
//   upload finished or failed notifications/review         bool, true                  a Beta App Review
//   decision arrived notifications/feedback       bool, true                  new tester feedback arrived
// Window state (MainWindow): mainWindow/geometry, mainWindow/state, mainWindow/splitter, mainWindow/pane,
// panes/<pane>/<widget> (splitters, headers, tabs inside the panes); accounts/last; lastApp/<account>.

#include "ui/theme.h"

#include <QObject>
#include <QString>

namespace ascend::ui {

class AppSettings : public QObject {
    Q_OBJECT
public:
    // The key names, for code that must watch changed() for one of them.
    static inline const QString UploadParallelismKey = QStringLiteral("uploads/parallelism");
    static inline const QString ListenerHostKey = QStringLiteral("webhooks/listenerHost");
    static inline const QString ListenerPortKey = QStringLiteral("webhooks/listenerPort");
    static inline const QString ListenerPathKey = QStringLiteral("webhooks/listenerPath");
    static inline const QString ThumbnailMemoryKey = QStringLiteral("cache/thumbnailMemoryMiB");
    static inline const QString ThumbnailDiskKey = QStringLiteral("cache/thumbnailDiskMiB");
    static inline const QString ThemeKey = QStringLiteral("appearance/theme");
    static inline const QString LanguageKey = QStringLiteral("language/ui");
    static inline const QString UploadNotificationsKey = QStringLiteral("notifications/uploads");
    static inline const QString ReviewNotificationsKey = QStringLiteral("notifications/review");
    static inline const QString FeedbackNotificationsKey = QStringLiteral("notifications/feedback");

    static constexpr int MinParallelism = 1;
    static constexpr int MaxParallelism = 16;
    static constexpr int DefaultParallelism = 4;
    static constexpr int DefaultListenerPort = 8787;
    static constexpr int MinThumbnailMemoryMiB = 16;
    static constexpr int MaxThumbnailMemoryMiB = 4096;
    static constexpr int DefaultThumbnailMemoryMiB = 128;
    static constexpr int MaxThumbnailDiskMiB = 20480;
    static constexpr int DefaultThumbnailDiskMiB = 512;

    enum class NotificationKind { Uploads, Review, Feedback };
    Q_ENUM(NotificationKind)

    // Emits changed(); lives as long as the application.
    static AppSettings *instance();

    static int uploadParallelism();
    static void setUploadParallelism(int parts);

    static QString listenerHost();
    static void setListenerHost(const QString &host);
    static int listenerPort();
    static void setListenerPort(int port);
    static QString listenerPath();
    static void setListenerPath(const QString &path);
    static QString defaultListenerHost() { return QStringLiteral("127.0.0.1"); }
    static QString defaultListenerPath() { return QStringLiteral("/webhooks/asc"); }

    static int thumbnailMemoryMiB();
    static void setThumbnailMemoryMiB(int mib);
    static int thumbnailDiskMiB();
    static void setThumbnailDiskMiB(int mib);
    // Where Ascend keeps data it can fetch again (thumbnails and the like): QStandardPaths::CacheLocation.
    static QString cacheDirectory();
    // The on-disk thumbnail cache, inside cacheDirectory().
    static QString thumbnailCacheDirectory();
    // Bytes in cacheDirectory().
    static qint64 cacheSize();
    // Deletes everything in cacheDirectory() and emits cacheCleared(). False plus a reason on failure.
    static bool clearCache(QString *error = nullptr);

    static theme::Mode themeMode();
    static void setThemeMode(theme::Mode mode);

    // "" follows the system; otherwise a language code ("en", "de"). Read once at start.
    static QString language();
    static void setLanguage(const QString &code);
    // The choices offered: code → name in that language ("" → "System").
    static QList<QPair<QString, QString>> languages();
    // The first of the desktop's languages Ascend has, or "en".
    static QString systemLanguage();
    // The language the interface starts in: language(), or systemLanguage() when that is "".
    static QString effectiveLanguage();

    static bool notificationsEnabled(NotificationKind kind);
    static void setNotificationsEnabled(NotificationKind kind, bool enabled);

signals:
    void changed(const QString &key);
    void cacheCleared();

private:
    using QObject::QObject;
    static void write(const QString &key, const QVariant &value);
};

} // namespace ascend::ui

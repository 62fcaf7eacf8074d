#pragma once
// Desktop notifications (build processed, new feedback): the system tray's balloon when the desktop has a
// tray, otherwise the window's status bar. Remembers the last one, so tests and the UI can read it. Each
// notification has a kind that the user can turn off in Settings ▸ Notifications.

#include "ui/appsettings.h"

#include <QObject>
#include <QPointer>

class QStatusBar;
class QSystemTrayIcon;

namespace ascend::ui {

class DesktopNotifier : public QObject {
    Q_OBJECT
public:
    explicit DesktopNotifier(QStatusBar *fallback, QObject *parent = nullptr);

    using Kind = AppSettings::NotificationKind;

    // Shows the notification unless its kind is turned off; returns whether it was shown.
    bool notify(Kind kind, const QString &title, const QString &text);
    QString lastTitle() const { return m_lastTitle; }
    QString lastText() const { return m_lastText; }

signals:
    void notified(const QString &title, const QString &text);

private:
    QPointer<QStatusBar> m_statusBar;
    QSystemTrayIcon *m_tray = nullptr;
    QString m_lastTitle;
    QString m_lastText;
};

} // namespace ascend::ui

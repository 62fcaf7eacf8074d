#include "ui/desktopnotifier.h"

#include <QIcon>
#include <QStatusBar>
#include <QSystemTrayIcon>

namespace ascend::ui {

namespace {
constexpr int kStatusBarMessageMs = 10000;
}

DesktopNotifier::DesktopNotifier(QStatusBar *fallback, QObject *parent)
    : QObject(parent)
    , m_statusBar(fallback)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/ascend.svg")), this);
        m_tray->setToolTip(tr("Ascend"));
        m_tray->show();
    }
}

bool DesktopNotifier::notify(Kind kind, const QString &title, const QString &text)
{
    if (!AppSettings::notificationsEnabled(kind))
        return false;
    m_lastTitle = title;
    m_lastText = text;
    if (m_tray && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, text, QSystemTrayIcon::Information);
    else if (m_statusBar)
        m_statusBar->showMessage(QStringLiteral("%1 — %2").arg(title, text), kStatusBarMessageMs);
    emit notified(title, text);
    return true;
}

} // namespace ascend::ui

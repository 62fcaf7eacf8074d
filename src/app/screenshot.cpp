#include "screenshot.h"

#include "ui/mainwindow.h"
#include "ui/sessioncontroller.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPixmap>
#include <QTextStream>
#include <QTimer>
#include <QWidget>

namespace ascend::app {

ScreenshotTaker::ScreenshotTaker(ui::MainWindow *window, QString path, int timeoutMs, int settleMs,
                                 QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_path(std::move(path))
    , m_settleMs(settleMs)
    , m_timeoutMs(timeoutMs)
{}

void ScreenshotTaker::start()
{
    connect(m_window->controller(), &ui::SessionController::stateChanged, this, &ScreenshotTaker::check);
    QTimer::singleShot(m_timeoutMs, this, [this] {
        fail(tr("Timed out after %1 s waiting for the connection (%2).")
                 .arg(m_timeoutMs / 1000)
                 .arg(m_window->controller()->statusText()));
    });
    check();
}

void ScreenshotTaker::check()
{
    using State = ui::SessionController::State;
    const State state = m_window->controller()->state();
    if (state == State::Failed) {
        fail(m_window->controller()->statusText());
        return;
    }
    if (m_scheduled)
        return;
    if (state == State::Connected || (state == State::Disconnected && m_window->isShowingWelcome())) {
        m_scheduled = true;
        if (m_target)
            m_targetWidget = m_target();
        QTimer::singleShot(m_settleMs, this, &ScreenshotTaker::capture);
    }
}

void ScreenshotTaker::capture()
{
    if (m_done)
        return;
    m_done = true;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QWidget *widget = m_target ? m_targetWidget.data() : static_cast<QWidget *>(m_window);
    if (!widget) {
        m_done = false;
        fail(tr("The window to capture could not be opened."));
        return;
    }
    const QPixmap shot = widget->grab();
    if (!shot.save(m_path)) {
        QTextStream(stderr) << tr("Could not write the screenshot to %1.").arg(m_path) << Qt::endl;
        QCoreApplication::exit(1);
        return;
    }
    QTextStream(stdout) << QDir::toNativeSeparators(QFileInfo(m_path).absoluteFilePath()) << Qt::endl;
    QCoreApplication::exit(0);
}

void ScreenshotTaker::fail(const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    QTextStream(stderr) << tr("No screenshot: %1").arg(message) << Qt::endl;
    QCoreApplication::exit(1);
}

} // namespace ascend::app

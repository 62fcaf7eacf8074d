#pragma once
// `ascend --screenshot FILE`: waits until the window has connected and listed its apps, lets the layout
// settle, saves the window (or a dialog opened then) as an image and quits. The README's screenshots come
// from this.

#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

class QWidget;

namespace ascend::ui {
class MainWindow;
}

namespace ascend::app {

class ScreenshotTaker : public QObject {
    Q_OBJECT
public:
    ScreenshotTaker(ui::MainWindow *window, QString path, int timeoutMs, int settleMs = 500,
                    QObject *parent = nullptr);

    // Opens something else once connected (a dialog) and captures that instead of the window.
    void setTarget(std::function<QWidget *()> target) { m_target = std::move(target); }
    void start();

private:
    void check();
    void capture();
    void fail(const QString &message);

    ui::MainWindow *m_window;
    QString m_path;
    int m_settleMs = 500;
    int m_timeoutMs;
    bool m_done = false;
    bool m_scheduled = false;
    std::function<QWidget *()> m_target;
    QPointer<QWidget> m_targetWidget;
};

} // namespace ascend::app

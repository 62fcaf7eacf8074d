#pragma once
// `ascend --screenshot FILE`: waits until the window has connected and listed its apps, lets the layout
// settle, saves the window as an image and quits. The README's screenshots come from this.

#include <QObject>
#include <QString>

namespace ascend::ui {
class MainWindow;
}

namespace ascend::app {

class ScreenshotTaker : public QObject {
    Q_OBJECT
public:
    ScreenshotTaker(ui::MainWindow *window, QString path, int timeoutMs, int settleMs = 500,
                    QObject *parent = nullptr);

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
};

} // namespace ascend::app

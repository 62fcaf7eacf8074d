#pragma once
// Turns SIGTERM/SIGINT (console close/Ctrl+C on Windows) into a normal event-loop quit, so the simulator
// shuts down cleanly: the server closes, the store is saved and the record file is flushed.

#include <QObject>

class QSocketNotifier;

namespace ascend::sim {

class SignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace ascend::sim

#pragma once
// Starts ascend-sim as a child process on a free loopback port with a freshly generated key and reports how
// to connect to it. Used by `ascend --demo`, `ascendctl --demo`, integration tests and benchmarks, so demo
// mode goes through exactly the production code paths (sockets, JWT, signatures).

#include "core/session/connectioninfo.h"

#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace ascend::session {

class SimulatorProcess : public QObject {
    Q_OBJECT
public:
    explicit SimulatorProcess(QObject *parent = nullptr);
    ~SimulatorProcess() override; // stops the simulator

    // The ascend-sim executable: $ASCEND_SIM, else next to the running binary, else the build tree, else
    // PATH.
    static QString locateExecutable();

    void setExecutable(const QString &path) { m_executable = path; }
    // Extra options after the defaults (--seed demo --port 0 --generate-key <tmp>), e.g.
    // {"--builds-count","5000"}.
    void setExtraArguments(const QStringList &arguments) { m_extraArguments = arguments; }

    void start();
    // Blocking convenience for the CLI and tests: start() and wait for ready() or failed().
    bool startAndWait(int timeoutMs, QString *errorMessage);
    void stop();

    bool isReady() const { return m_ready; }
    const ConnectionInfo &connectionInfo() const { return m_info; }
    QString errorString() const { return m_error; }

signals:
    void ready(const ascend::session::ConnectionInfo &info);
    void failed(const QString &message);
    // The simulator ended after it had been ready (crashed or killed); stop() does not emit this.
    void exited(const QString &message);

private:
    void readStandardOutput();
    void fail(const QString &message);

    QString m_executable;
    QStringList m_extraArguments;
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QTemporaryDir> m_keyDir;
    QByteArray m_stdoutBuffer;
    QByteArray m_stderrTail;
    ConnectionInfo m_info;
    QString m_error;
    bool m_ready = false;
};

} // namespace ascend::session

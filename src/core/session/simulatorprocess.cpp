#include "core/session/simulatorprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTimer>

Q_LOGGING_CATEGORY(lcSimProcess, "ascend.session")

namespace ascend::session {

SimulatorProcess::SimulatorProcess(QObject *parent)
    : QObject(parent)
{}

SimulatorProcess::~SimulatorProcess()
{
    stop();
}

QString SimulatorProcess::locateExecutable()
{
    const QString fromEnvironment = qEnvironmentVariable("ASCEND_SIM");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString name = QStringLiteral("ascend-sim");
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList candidates = {
        appDir + QLatin1Char('/') + name,
        appDir + QStringLiteral("/../sim/main/") + name,
        appDir + QStringLiteral("/../src/sim/main/") + name,
        appDir + QStringLiteral("/../../src/sim/main/") + name,
        appDir + QStringLiteral("/../../../src/sim/main/") + name,
    };
    for (const QString &candidate : candidates) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return info.canonicalFilePath();
    }
    return QStandardPaths::findExecutable(name);
}

void SimulatorProcess::start()
{
    stop();
    m_ready = false;
    m_error.clear();
    m_stdoutBuffer.clear();
    m_stderrTail.clear();

    const QString executable = m_executable.isEmpty() ? locateExecutable() : m_executable;
    if (executable.isEmpty()) {
        fail(
            tr("The simulator (ascend-sim) was not found next to this program. Build it or set ASCEND_SIM to "
               "its path."));
        return;
    }
    m_keyDir = std::make_unique<QTemporaryDir>();
    if (!m_keyDir->isValid()) {
        fail(tr("Could not create a temporary folder for the demo key: %1").arg(m_keyDir->errorString()));
        return;
    }

    m_process = std::make_unique<QProcess>();
    m_process->setProgram(executable);
    QStringList arguments = {QStringLiteral("--seed"),           QStringLiteral("demo"),
                             QStringLiteral("--port"),           QStringLiteral("0"),
                             QStringLiteral("--generate-key"),   m_keyDir->path(),
                             QStringLiteral("--exit-with-stdin")};
    arguments += m_extraArguments;
    m_process->setArguments(arguments);
    connect(m_process.get(), &QProcess::readyReadStandardOutput, this, &SimulatorProcess::readStandardOutput);
    connect(m_process.get(), &QProcess::readyReadStandardError, this, [this] {
        m_stderrTail += m_process->readAllStandardError();
        if (m_stderrTail.size() > 4096)
            m_stderrTail = m_stderrTail.right(4096);
    });
    connect(m_process.get(), &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("The simulator could not be started: %1").arg(m_process->errorString()));
    });
    connect(m_process.get(), &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus) {
        if (!m_ready) {
            fail(tr("The simulator exited (code %1) before it was ready: %2")
                     .arg(exitCode)
                     .arg(QString::fromUtf8(m_stderrTail).trimmed()));
            return;
        }
        m_ready = false;
        emit exited(tr("The demo simulator stopped (exit code %1). Start the demo again to reconnect.")
                        .arg(exitCode));
    });
    qCDebug(lcSimProcess) << "starting" << executable << arguments;
    m_process->start();
}

void SimulatorProcess::readStandardOutput()
{
    m_stdoutBuffer += m_process->readAllStandardOutput();
    if (m_ready)
        return;
    const qsizetype newline = m_stdoutBuffer.indexOf('\n');
    if (newline < 0)
        return;
    const QByteArray line = m_stdoutBuffer.left(newline);
    QJsonParseError parseError;
    const QJsonObject announced = QJsonDocument::fromJson(line, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || !announced.contains(QLatin1String("baseUrl"))) {
        fail(tr("The simulator printed something unexpected instead of its address: %1")
                 .arg(QString::fromUtf8(line.left(200))));
        return;
    }
    QFile keyFile(announced.value(QLatin1String("privateKeyPath")).toString());
    if (!keyFile.open(QIODevice::ReadOnly)) {
        fail(tr("The simulator's generated key could not be read: %1").arg(keyFile.errorString()));
        return;
    }
    m_info.name = tr("Demo simulator");
    m_info.baseUrl = announced.value(QLatin1String("baseUrl")).toString();
    m_info.keyId = announced.value(QLatin1String("keyId")).toString();
    m_info.issuerId = announced.value(QLatin1String("issuerId")).toString();
    m_info.individualKey = false;
    m_info.privateKeyPem = keyFile.readAll();
    m_info.isSimulator = true;
    m_ready = true;
    emit ready(m_info);
}

bool SimulatorProcess::startAndWait(int timeoutMs, QString *errorMessage)
{
    QEventLoop loop;
    const auto readyConnection = connect(this, &SimulatorProcess::ready, &loop, &QEventLoop::quit);
    const auto failedConnection = connect(this, &SimulatorProcess::failed, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    start();
    if (!m_ready && m_error.isEmpty())
        loop.exec();
    disconnect(readyConnection);
    disconnect(failedConnection);
    if (!m_ready && m_error.isEmpty())
        fail(tr("The simulator did not become ready within %1 seconds.").arg(timeoutMs / 1000));
    if (!m_ready && errorMessage)
        *errorMessage = m_error;
    return m_ready;
}

void SimulatorProcess::stop()
{
    if (m_process) {
        m_process->disconnect(this);
        if (m_process->state() != QProcess::NotRunning) {
            m_process->closeWriteChannel(); // --exit-with-stdin: the simulator ends when its stdin closes
            m_process->terminate();
            if (!m_process->waitForFinished(3000)) {
                m_process->kill();
                m_process->waitForFinished(1000);
            }
        }
        m_process.reset();
    }
    m_keyDir.reset();
    m_ready = false;
}

void SimulatorProcess::fail(const QString &message)
{
    if (!m_error.isEmpty())
        return;
    m_error = message;
    qCWarning(lcSimProcess).noquote() << message;
    emit failed(message);
}

} // namespace ascend::session

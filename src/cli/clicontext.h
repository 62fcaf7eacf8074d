#pragma once
// What every command needs: output streams, --json, and the connection resolved from --demo, --profile or
// the environment.

#include "core/session/connectioninfo.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <memory>

namespace ascend::session {
class Session;
class SimulatorProcess;
} // namespace ascend::session
namespace ascend::api {
class ApiReply;
struct ApiError;
} // namespace ascend::api

namespace ascend::cli {

struct GlobalOptions {
    bool json = false;
    bool demo = false;
    QString profile;
};

class CliContext {
public:
    explicit CliContext(GlobalOptions options);
    ~CliContext();

    const GlobalOptions &options() const { return m_options; }
    bool json() const { return m_options.json; }
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    // Connects on first use: the demo simulator, a stored profile, or ASC_* environment variables.
    // nullptr after printing why to stderr.
    session::Session *session();
    // Extra ascend-sim options for --demo; only effective before the first session() call.
    void setSimulatorArguments(const QStringList &arguments) { m_simulatorArguments = arguments; }

    // Waits for the reply; on failure prints the server's message to stderr and returns false.
    bool await(api::ApiReply *reply, const QString &what);
    void printError(const QString &message);
    void printJson(const QJsonValue &value);

private:
    bool resolveConnection(session::ConnectionInfo *info, QString *error);

    GlobalOptions m_options;
    QTextStream m_out;
    QTextStream m_err;
    QStringList m_simulatorArguments;
    std::unique_ptr<session::SimulatorProcess> m_simulator;
    std::unique_ptr<session::Session> m_session;
};

} // namespace ascend::cli

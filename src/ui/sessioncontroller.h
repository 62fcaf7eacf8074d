#pragma once
// Owns the live connection of the window: the Session (API key, signer, client), the demo simulator when
// there is one, the app list and the API budget. Widgets observe it; it never opens a dialog.

#include "core/api/apierror.h"
#include "core/api/ratelimitstate.h"
#include "core/session/connectioninfo.h"

#include <QObject>
#include <memory>

namespace ascend::session {
class Session;
class SimulatorProcess;
} // namespace ascend::session
namespace ascend::models {
class AppListLoader;
class AppListModel;
} // namespace ascend::models

namespace ascend::ui {

class SessionController : public QObject {
    Q_OBJECT
public:
    enum class State {
        Disconnected,
        StartingSimulator, // demo: waiting for ascend-sim to print its connection line
        Connecting,        // session made, first request (the app list) under way
        Connected,         // the server answered the first request
        Failed,            // errorMessage() says why
    };
    Q_ENUM(State)

    explicit SessionController(QObject *parent = nullptr);
    ~SessionController() override;

    // Drops any current connection, creates a session for info and loads the apps (which proves the key).
    void connectTo(const session::ConnectionInfo &info);
    // Starts ascend-sim with the demo data and a fresh key, then connects to it exactly like to ASC.
    void startDemo();
    void disconnectSession();
    // Gives up a connection that is still being made (the demo simulator starting, the first request under
    // way): stops the simulator and goes back to Disconnected. Does nothing once connected.
    void cancelConnecting();
    bool isConnecting() const { return m_state == State::StartingSimulator || m_state == State::Connecting; }
    void reloadApps();
    // Shows a connection that could not even be attempted (e.g. the key could not be read from the store).
    void reportFailure(const session::ConnectionInfo &info, const QString &message);

    // Overrides where ascend-sim is found (tests); empty = SimulatorProcess::locateExecutable().
    void setSimulatorExecutable(const QString &path) { m_simulatorExecutable = path; }

    State state() const { return m_state; }
    bool isDemo() const { return m_demo; }
    session::Session *session() const { return m_session.get(); }
    const session::ConnectionInfo &connectionInfo() const { return m_info; }
    models::AppListModel *apps() const { return m_apps; }
    bool isLoadingApps() const;
    QString appsError() const { return m_appsError; }
    api::RateLimitState rateLimit() const { return m_rateLimit; }

    // One sentence for the status bar ("Connected to App Store Connect", ...); the reason of a failure is in
    // errorMessage().
    QString statusText() const;
    // "App Store Connect", "the demo simulator at http://127.0.0.1:PORT" or the server's address.
    QString serverDescription() const;
    QString errorMessage() const { return m_error; }

signals:
    void stateChanged(ascend::ui::SessionController::State state);
    // Before the old session is destroyed (with nullptr) and when a new one exists.
    void sessionChanged(ascend::session::Session *session);
    void rateLimitChanged(const ascend::api::RateLimitState &state);
    void appsLoadingChanged(bool loading);
    // After the app list was replaced (also with an empty list).
    void appsChanged();

private:
    void setState(State state, const QString &error = QString());
    void onAppsLoaded();
    void onAppsFailed(const api::ApiError &error);

    State m_state = State::Disconnected;
    bool m_demo = false;
    QString m_error;
    QString m_appsError;
    QString m_simulatorExecutable;
    session::ConnectionInfo m_info;
    std::unique_ptr<session::SimulatorProcess> m_simulator;
    std::unique_ptr<session::Session> m_session;
    models::AppListModel *m_apps;
    models::AppListLoader *m_loader = nullptr;
    api::RateLimitState m_rateLimit;
};

} // namespace ascend::ui

#include "ui/sessioncontroller.h"

#include "core/api/apiclient.h"
#include "core/session/session.h"
#include "core/session/simulatorprocess.h"
#include "models/applistloader.h"
#include "models/applistmodel.h"

#include <QUrl>

namespace ascend::ui {

SessionController::SessionController(QObject *parent)
    : QObject(parent)
    , m_apps(new models::AppListModel(this))
{}

SessionController::~SessionController()
{
    // The loader talks to the session's client: stop it before the session goes.
    if (m_loader)
        m_loader->cancel();
    delete m_loader;
    m_loader = nullptr;
    m_session.reset();
    m_simulator.reset();
}

bool SessionController::isLoadingApps() const
{
    return m_loader && m_loader->isRunning();
}

void SessionController::setState(State state, const QString &error)
{
    m_error = error;
    if (m_state == state && error.isEmpty())
        return;
    m_state = state;
    emit stateChanged(state);
}

void SessionController::disconnectSession()
{
    if (m_loader) {
        m_loader->cancel();
        m_loader->deleteLater();
        m_loader = nullptr;
        emit appsLoadingChanged(false);
    }
    if (m_session) {
        emit sessionChanged(nullptr);
        m_session.reset();
    }
    m_apps->clear();
    m_appsError.clear();
    emit appsChanged();
    if (m_rateLimit != api::RateLimitState{}) {
        m_rateLimit = {};
        emit rateLimitChanged(m_rateLimit);
    }
    m_info = {};
    setState(State::Disconnected);
}

void SessionController::cancelConnecting()
{
    if (!isConnecting())
        return;
    if (m_simulator) {
        m_simulator->disconnect(this);
        m_simulator.reset();
    }
    m_demo = false;
    disconnectSession();
}

void SessionController::connectTo(const session::ConnectionInfo &info)
{
    const bool keepSimulator = info.isSimulator && m_simulator && m_simulator->isReady();
    disconnectSession();
    if (!keepSimulator) {
        m_simulator.reset();
        m_demo = false;
    }
    m_info = info;

    QString error;
    m_session = session::Session::create(info, &error);
    if (!m_session) {
        setState(State::Failed, error);
        return;
    }
    connect(m_session->client(), &api::ApiClient::rateLimitChanged, this,
            [this](const api::RateLimitState &state) {
                m_rateLimit = state;
                emit rateLimitChanged(state);
            });
    setState(State::Connecting);
    emit sessionChanged(m_session.get());
    reloadApps();
}

void SessionController::reportFailure(const session::ConnectionInfo &info, const QString &message)
{
    disconnectSession();
    m_simulator.reset();
    m_demo = false;
    m_info = info;
    m_info.privateKeyPem.clear();
    setState(State::Failed, message);
}

void SessionController::startDemo()
{
    disconnectSession();
    m_simulator = std::make_unique<session::SimulatorProcess>();
    if (!m_simulatorExecutable.isEmpty())
        m_simulator->setExecutable(m_simulatorExecutable);
    m_demo = true;
    // Loopback is far faster than a real connection; a per-connection limit lets the demo show its uploads
    // part by part, the way they look over the internet.
    m_simulator->setExtraArguments({QStringLiteral("--part-size"), QStringLiteral("4194304"),
                                    QStringLiteral("--part-bandwidth"), QStringLiteral("12000000")});
    connect(m_simulator.get(), &session::SimulatorProcess::ready, this,
            [this](const session::ConnectionInfo &info) { connectTo(info); });
    connect(m_simulator.get(), &session::SimulatorProcess::failed, this, [this](const QString &message) {
        if (m_state == State::StartingSimulator) {
            setState(State::Failed, message);
            return;
        }
        // The simulator went away after it was up: the session now points at nothing.
        if (m_state == State::Connecting || m_state == State::Connected)
            setState(State::Failed, tr("The demo simulator stopped: %1").arg(message));
    });
    connect(m_simulator.get(), &session::SimulatorProcess::exited, this, [this](const QString &message) {
        if (m_state == State::Connecting || m_state == State::Connected)
            setState(State::Failed, message);
    });
    setState(State::StartingSimulator);
    m_simulator->start();
}

void SessionController::reloadApps()
{
    if (!m_session)
        return;
    if (m_loader) {
        m_loader->cancel();
        m_loader->deleteLater();
    }
    m_appsError.clear();
    m_loader = new models::AppListLoader(m_session->client(), this);
    connect(m_loader, &models::AppListLoader::succeeded, this, [this](const QList<api::App> &apps) {
        m_apps->setApps(apps);
        onAppsLoaded();
    });
    connect(m_loader, &models::AppListLoader::failed, this, &SessionController::onAppsFailed);
    m_loader->start();
    emit appsLoadingChanged(true);
}

void SessionController::onAppsLoaded()
{
    emit appsLoadingChanged(false);
    emit appsChanged();
    setState(State::Connected);
}

void SessionController::onAppsFailed(const api::ApiError &error)
{
    m_appsError = error.message();
    m_apps->clear();
    emit appsLoadingChanged(false);
    emit appsChanged();
    // A server that answered with an HTTP error is reachable; anything else means no connection at all.
    const bool reachable = error.kind == api::ApiError::Kind::Http && error.httpStatus != 401;
    if (reachable && m_state == State::Connected)
        return;
    setState(State::Failed, m_appsError);
}

QString SessionController::serverDescription() const
{
    if (m_demo || m_info.isSimulator)
        //: Completes "Connecting to %1…", "Connected to %1" and "Could not connect to %1".
        return tr("the demo simulator at %1").arg(m_info.baseUrl);
    const QUrl url(m_info.baseUrl);
    if (m_info.baseUrl.isEmpty() || url.matches(api::ApiClient::defaultBaseUrl(), QUrl::StripTrailingSlash))
        return tr("App Store Connect");
    return m_info.baseUrl;
}

QString SessionController::statusText() const
{
    switch (m_state) {
    case State::Disconnected:
        return tr("Not connected");
    case State::StartingSimulator:
        return tr("Starting the demo simulator…");
    case State::Connecting:
        return tr("Connecting to %1…").arg(serverDescription());
    case State::Connected:
        return tr("Connected to %1").arg(serverDescription());
    case State::Failed:
        if (m_demo && !m_session)
            return tr("The demo could not start: %1").arg(m_error);
        return tr("Could not connect to %1").arg(serverDescription());
    }
    return {};
}

} // namespace ascend::ui

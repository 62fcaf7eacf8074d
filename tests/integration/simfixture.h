#pragma once
// Starts the real ascend-sim binary for one test and connects a Session to it.

#include "core/api/apiclient.h"
#include "core/session/session.h"
#include "core/session/simulatorprocess.h"

#include <QtTest>
#include <memory>

namespace ascend::testing {

struct SimFixture {
    std::unique_ptr<session::SimulatorProcess> simulator;
    std::unique_ptr<session::Session> session;

    // Extra simulator options, e.g. {"--rate-limit", "5"}; fails the current test when it cannot start.
    bool start(const QStringList &extraArguments = {})
    {
        simulator = std::make_unique<session::SimulatorProcess>();
        simulator->setExecutable(QStringLiteral(ASCEND_SIM_BINARY));
        simulator->setExtraArguments(extraArguments);
        QString error;
        if (!simulator->startAndWait(30000, &error)) {
            qWarning("simulator did not start: %s", qPrintable(error));
            return false;
        }
        session = session::Session::create(simulator->connectionInfo(), &error);
        if (!session) {
            qWarning("session not created: %s", qPrintable(error));
            return false;
        }
        api::RetryPolicy fast;
        fast.baseDelay = api::Milliseconds(10);
        fast.maxDelay = api::Milliseconds(50);
        session->client()->setRetryPolicy(fast);
        return true;
    }

    api::ApiClient *client() const { return session->client(); }
    const session::ConnectionInfo &info() const { return simulator->connectionInfo(); }
};

} // namespace ascend::testing

#pragma once
// Puts the simulator together from its options: keys, store (loaded or seeded), recorder, request pipeline
// with every endpoint, and the HTTP server.

#include "sim/apikeys.h"
#include "sim/recorder.h"
#include "sim/resourceendpoints.h"
#include "sim/simevents.h"
#include "sim/simoptions.h"
#include "sim/store.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <memory>
#include <optional>

namespace ascend::http {
class HttpServer;
}

namespace ascend::sim {

class BuildUploadArea;
class FeedbackArea;
class FeedbackAssets;
class PartFaults;
class PartShaper;
class SimService;
class TestFlightArea;
class StoreFile;
class WebhookEmitter;

class Simulator : public QObject {
    Q_OBJECT
public:
    explicit Simulator(SimOptions options, QObject *parent = nullptr);
    ~Simulator() override;

    bool start(QString *error);
    void stop();

    QString baseUrl() const { return m_baseUrl; }
    // What ascend-sim prints when ready: baseUrl, plus keyId, issuerId and privateKeyPath for a generated
    // key.
    QJsonObject readyInfo() const;

    Store &store() { return m_store; }
    SimService *service() const { return m_service.get(); }
    // State changes that webhooks are told about.
    SimEvents &events() { return m_events; }
    WebhookEmitter *webhookEmitter() const { return m_webhookEmitter.get(); }
    BuildUploadArea *buildUploads() const { return m_buildUploads.get(); }
    TestFlightArea *testFlight() const { return m_testFlight.get(); }
    FeedbackArea *feedback() const { return m_feedback.get(); }
    FeedbackAssets *feedbackAssets() const { return m_feedbackAssets.get(); }

private:
    bool loadKeys(QString *error);
    bool prepareStore(QString *error);
    void persist();

    SimOptions m_options;
    KeyRing m_keys;
    std::optional<GeneratedKey> m_generatedKey;
    Store m_store;
    SimEvents m_events;
    std::unique_ptr<StoreFile> m_storeFile;
    Recorder m_recorder;
    std::unique_ptr<ResourceEndpoints> m_resources;
    std::unique_ptr<SimService> m_service;
    std::unique_ptr<WebhookEmitter> m_webhookEmitter;
    std::unique_ptr<BuildUploadArea> m_buildUploads;
    std::unique_ptr<TestFlightArea> m_testFlight;
    std::unique_ptr<FeedbackArea> m_feedback;
    std::unique_ptr<PartFaults> m_partFaults;
    std::unique_ptr<PartShaper> m_partShaper;
    std::unique_ptr<FeedbackAssets> m_feedbackAssets; // the server's handler: images, then everything else
    std::unique_ptr<http::HttpServer> m_server;
    QString m_baseUrl;
    QTimer m_saveTimer; // coalesces saves after bursts of changes
};

} // namespace ascend::sim

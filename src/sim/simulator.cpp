#include "sim/simulator.h"

#include "core/http/httpserver.h"
#include "sim/buildUploadsendpoints.h"
#include "sim/endpoints.h"
#include "sim/feedbackassets.h"
#include "sim/feedbackendpoints.h"
#include "sim/partfaults.h"
#include "sim/partshaper.h"
#include "sim/relations.h"
#include "sim/seeder.h"
#include "sim/simlogging.h"
#include "sim/simservice.h"
#include "sim/speccatalog.h"
#include "sim/storefile.h"
#include "sim/testflightendpoints.h"
#include "sim/webhookemitter.h"
#include "sim/webhooksendpoints.h"

#include <QHostAddress>

namespace ascend::sim {

Simulator::Simulator(SimOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    defineRelations(m_store);
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(200);
    connect(&m_saveTimer, &QTimer::timeout, this, &Simulator::persist);
}

Simulator::~Simulator()
{
    stop();
}

bool Simulator::loadKeys(QString *error)
{
    if (!m_options.generateKeyDir.isEmpty()) {
        m_generatedKey = generateApiKey(m_options.generateKeyDir, error);
        if (!m_generatedKey)
            return false;
        m_keys.add(m_generatedKey->key);
        qCInfo(lcSim).noquote() << "generated API key" << m_generatedKey->key.keyId << "in"
                                << m_generatedKey->privateKeyPath;
    }
    for (const QString &spec : std::as_const(m_options.apiKeys)) {
        const auto key = parseTeamKeySpec(spec, error);
        if (!key)
            return false;
        m_keys.add(*key);
    }
    for (const QString &spec : std::as_const(m_options.individualKeys)) {
        const auto key = parseIndividualKeySpec(spec, error);
        if (!key)
            return false;
        m_keys.add(*key);
    }
    if (m_keys.size() == 0) {
        qCWarning(lcSim)
            << "no API key is configured, so every request will be answered 401; use --generate-key,"
               " --api-key or --individual-key";
    }
    return true;
}

bool Simulator::prepareStore(QString *error)
{
    if (!m_options.dataDir.isEmpty()) {
        m_storeFile = std::make_unique<StoreFile>(m_options.dataDir);
        if (m_storeFile->exists()) {
            if (!m_storeFile->load(m_store, error))
                return false;
            qCInfo(lcSim).noquote() << "loaded the store from" << m_storeFile->path();
            return true;
        }
    }
    SeedOptions seed;
    seed.kind = m_options.seed == QLatin1String("empty") ? SeedOptions::Kind::Empty : SeedOptions::Kind::Demo;
    seed.benchmarkBuilds = m_options.buildsCount;
    if (m_options.feedbackCount >= 0) {
        seed.feedbackScreenshots = m_options.feedbackCount / 5;
        seed.feedbackCrashes = m_options.feedbackCount - seed.feedbackScreenshots;
    }
    if (m_options.feedbackScreenshots >= 0)
        seed.feedbackScreenshots = m_options.feedbackScreenshots;
    if (m_options.feedbackCrashes >= 0)
        seed.feedbackCrashes = m_options.feedbackCrashes;
    const SeedSummary summary = seedStore(m_store, seed);
    qCInfo(lcSim).noquote()
        << QStringLiteral(
               "seeded %1 apps, %2 pre-release versions, %3 builds, %4 screenshot and %5 crash feedback")
               .arg(summary.apps)
               .arg(summary.preReleaseVersions)
               .arg(summary.builds)
               .arg(summary.feedbackScreenshots)
               .arg(summary.feedbackCrashes);
    if (m_storeFile && !m_storeFile->save(m_store, error))
        return false;
    return true;
}

void Simulator::persist()
{
    if (!m_storeFile)
        return;
    QString error;
    if (!m_storeFile->save(m_store, &error))
        qCWarning(lcSim).noquote() << "could not save the store:" << error;
}

bool Simulator::start(QString *error)
{
    QHostAddress address;
    if (m_options.host == QLatin1String("localhost"))
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(m_options.host)) {
        *error = QStringLiteral("--host: '%1' is not an IP address").arg(m_options.host);
        return false;
    }
    if (!address.isLoopback())
        qCWarning(lcSim).noquote() << "listening on" << address.toString()
                                   << "which is reachable from other machines";

    if (!loadKeys(error) || !prepareStore(error))
        return false;
    if (!m_options.recordPath.isEmpty() && !m_recorder.open(m_options.recordPath, error))
        return false;

    const SpecCatalog &catalog = SpecCatalog::embedded();
    m_resources = std::make_unique<ResourceEndpoints>(m_store, catalog);
    ServiceOptions serviceOptions;
    serviceOptions.rateLimitPerHour = m_options.rateLimit;
    serviceOptions.faultRate = m_options.faultRate;
    serviceOptions.latencyMs = m_options.latencyMs;
    m_service = std::make_unique<SimService>(m_store, m_keys, catalog, serviceOptions);
    registerAllEndpoints(m_service->router(), *m_resources);
    m_webhookEmitter = std::make_unique<WebhookEmitter>(m_store);
    m_webhookEmitter->subscribeTo(m_events);
    registerWebhookEndpoints(m_service->router(), *m_resources, *m_webhookEmitter);
    connect(m_webhookEmitter.get(), &WebhookEmitter::storeChanged, &m_saveTimer, qOverload<>(&QTimer::start));
    BuildUploadOptions uploadOptions;
    uploadOptions.partSize = m_options.partSize;
    uploadOptions.processingSeconds = m_options.processingSeconds;
    uploadOptions.operationTtlSeconds = m_options.operationTtlSeconds;
    if (!m_options.dataDir.isEmpty())
        uploadOptions.storageDir = m_options.dataDir + QStringLiteral("/uploads");
    m_buildUploads = std::make_unique<BuildUploadArea>(m_store, m_events, uploadOptions);
    m_buildUploads->registerEndpoints(m_service->router(), *m_resources);
    connect(m_buildUploads.get(), &BuildUploadArea::storeChanged, &m_saveTimer, qOverload<>(&QTimer::start));
    m_testFlight = std::make_unique<TestFlightArea>(
        m_store, m_events, BetaReviewOptions{m_options.reviewSeconds, m_options.reviewRejectRate});
    m_testFlight->registerEndpoints(m_service->router(), *m_resources);
    connect(m_testFlight.get(), &TestFlightArea::storeChanged, &m_saveTimer, qOverload<>(&QTimer::start));
    m_feedbackAssets = std::make_unique<FeedbackAssets>(m_store, m_options.screenshotUrlTtlSeconds);
    m_feedback = std::make_unique<FeedbackArea>(m_store, m_events, *m_feedbackAssets,
                                                FeedbackOptions{m_options.feedbackEverySeconds});
    m_feedback->registerEndpoints(m_service->router(), *m_resources);
    connect(m_feedback.get(), &FeedbackArea::storeChanged, &m_saveTimer, qOverload<>(&QTimer::start));
    if (m_recorder.isOpen())
        m_service->setRecorder(&m_recorder);
    connect(m_service.get(), &SimService::storeChanged, &m_saveTimer, qOverload<>(&QTimer::start));

    m_partFaults =
        std::make_unique<PartFaults>(m_service.get(), m_options.partFaultRate, m_options.partFaultKinds);
    m_partShaper =
        std::make_unique<PartShaper>(m_partFaults.get(), m_options.partBandwidth, m_options.partLatencyMs);
    m_feedbackAssets->setInner(m_partShaper.get());
    m_server = std::make_unique<http::HttpServer>(m_feedbackAssets.get());
    if (!m_server->listen(address, m_options.port)) {
        *error = QStringLiteral("cannot listen on %1 port %2: %3")
                     .arg(address.toString())
                     .arg(m_options.port)
                     .arg(m_server->errorString());
        return false;
    }
    const QString hostPart = address.protocol() == QAbstractSocket::IPv6Protocol
                                 ? QStringLiteral("[%1]").arg(address.toString())
                                 : address.toString();
    m_baseUrl = QStringLiteral("http://%1:%2").arg(hostPart).arg(m_server->port());
    m_service->setBaseUrl(m_baseUrl);
    m_webhookEmitter->setBaseUrl(m_baseUrl);
    qCInfo(lcSim).noquote() << QStringLiteral("App Store Connect simulator (spec %1) listening on %2")
                                   .arg(catalog.specVersion(), m_baseUrl);
    m_feedback->start();
    return true;
}

void Simulator::stop()
{
    if (m_server) {
        m_server->close();
        m_server.reset();
    }
    m_feedback.reset();
    m_feedbackAssets.reset();
    m_partShaper.reset();
    m_partFaults.reset();
    m_testFlight.reset();
    m_buildUploads.reset();
    m_webhookEmitter.reset();
    m_service.reset();
    if (m_saveTimer.isActive()) {
        m_saveTimer.stop();
        persist();
    }
}

QJsonObject Simulator::readyInfo() const
{
    QJsonObject info{{QStringLiteral("baseUrl"), m_baseUrl}};
    if (m_generatedKey) {
        info.insert(QStringLiteral("keyId"), m_generatedKey->key.keyId);
        info.insert(QStringLiteral("issuerId"), m_generatedKey->key.issuerId);
        info.insert(QStringLiteral("privateKeyPath"), m_generatedKey->privateKeyPath);
    }
    return info;
}

} // namespace ascend::sim

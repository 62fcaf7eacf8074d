#include "core/webhooks/webhooklistener.h"

#include "core/http/httpserver.h"
#include "core/webhooks/signature.h"
#include "core/webhooks/webhookslogging.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ascend::webhooks {

struct WebhookListener::Pending {
    bool malformed = false;
    Notification notification;
    store::LoggedEvent event;
    store::MalformedRecord record;
    http::Responder respond;
};

namespace {

http::HttpResponse statusResponse(int status, const QString &message)
{
    const QJsonObject body{{QStringLiteral("status"), status}, {QStringLiteral("message"), message}};
    return http::HttpResponse::json(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

// Headers worth keeping with an event; credentials a proxy might add are dropped.
store::EventHeaders keptHeaders(const http::HeaderList &headers)
{
    store::EventHeaders out;
    for (const auto &[name, value] : headers) {
        const QByteArray lower = name.toLower();
        if (lower == "authorization" || lower == "cookie" || lower == "proxy-authorization")
            continue;
        out.append({name, value});
    }
    return out;
}

} // namespace

WebhookListener::WebhookListener(store::EventLog *log, QObject *parent)
    : QObject(parent)
    , m_log(log)
{
    qRegisterMetaType<ascend::webhooks::ReceivedEvent>();
    qRegisterMetaType<ascend::webhooks::Notification>();
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &WebhookListener::flush);
    m_counterTimer.setSingleShot(true);
    m_counterTimer.setInterval(500);
    connect(&m_counterTimer, &QTimer::timeout, this, &WebhookListener::saveCounters);
}

void WebhookListener::saveCounters()
{
    if (m_unsavedCounters.isEmpty() || !m_log->isOpen())
        return;
    QString error;
    if (!m_log->begin(&error))
        return;
    bool ok = true;
    for (auto it = m_unsavedCounters.cbegin(); ok && it != m_unsavedCounters.cend(); ++it)
        ok = m_log->addToCounter(it.key(), it.value(), &error);
    if (!ok) {
        m_log->rollback();
        return;
    }
    if (m_log->commit(&error)) // a failed commit rolls back; the counters are tried again next time
        m_unsavedCounters.clear();
}

WebhookListener::~WebhookListener()
{
    stop();
}

void WebhookListener::setSecrets(const QList<QByteArray> &secrets)
{
    QMutexLocker lock(&m_secretsMutex);
    m_secrets = secrets;
}

int WebhookListener::secretCount() const
{
    QMutexLocker lock(&m_secretsMutex);
    return int(m_secrets.size());
}

bool WebhookListener::start(const ListenerConfig &config, QString *error)
{
    stop();
    if (!m_log || !m_log->isOpen()) {
        *error = tr("The event log is not open.");
        return false;
    }
    m_config = config;
    if (!m_config.path.startsWith(QLatin1Char('/')))
        m_config.path.prepend(QLatin1Char('/'));
    http::ServerLimits limits;
    limits.maxBodyBytes = m_config.maxBodyBytes;
    limits.maxConnections = 512;
    m_server = std::make_unique<http::HttpServer>(this, limits);
    if (!m_server->listen(m_config.host, m_config.port)) {
        *error = tr("Cannot listen on %1 port %2: %3")
                     .arg(m_config.host.toString())
                     .arg(m_config.port)
                     .arg(m_server->errorString());
        m_server.reset();
        return false;
    }
    qCInfo(lcWebhooks).noquote() << "listening for webhook notifications on" << localUrl();
    emit listeningChanged(true);
    return true;
}

void WebhookListener::stop()
{
    if (!m_server)
        return;
    // Answer what is waiting for its durable write while the connections still exist.
    if (!m_pending.empty())
        flush();
    m_server->close();
    m_server.reset();
    m_counterTimer.stop();
    saveCounters();
    emit listeningChanged(false);
}

bool WebhookListener::isListening() const
{
    return m_server && m_server->isListening();
}

quint16 WebhookListener::port() const
{
    return m_server ? m_server->port() : 0;
}

QString WebhookListener::localUrl() const
{
    if (!m_server)
        return {};
    const QHostAddress address = m_server->address();
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(address.toString())
                             : address.toString();
    return QStringLiteral("http://%1:%2%3").arg(host).arg(m_server->port()).arg(m_config.path);
}

void WebhookListener::reject(int status, const QString &reason, qint64 ListenerCounters::*counter)
{
    ++(m_counters.*counter);
    static const QHash<int, QString> names{{401, QStringLiteral("rejected.signature")},
                                           {404, QStringLiteral("rejected.path")},
                                           {405, QStringLiteral("rejected.method")},
                                           {413, QStringLiteral("rejected.tooLarge")}};
    m_unsavedCounters[names.value(status, QStringLiteral("rejected.other"))] += 1;
    if (!m_counterTimer.isActive())
        m_counterTimer.start();
    qCDebug(lcWebhooks).noquote() << "refused a notification:" << status << reason;
    emit requestRejected(status, reason);
    emit countersChanged();
}

http::HeadDecision WebhookListener::inspectHead(const http::HttpRequest &head)
{
    http::HeadDecision decision;
    decision.maxBodyBytes = m_config.maxBodyBytes;
    if (head.method != "POST") {
        reject(405, tr("method %1 is not allowed").arg(QString::fromLatin1(head.method)),
               &ListenerCounters::wrongMethod);
        http::HttpResponse response = statusResponse(405, tr("Only POST is accepted here."));
        response.setHeader("Allow", "POST");
        decision.reject = response;
        return decision;
    }
    if (head.path != m_config.path) {
        reject(404, tr("unknown path %1").arg(head.path), &ListenerCounters::wrongPath);
        decision.reject = statusResponse(404, tr("Notifications are accepted at %1.").arg(m_config.path));
        return decision;
    }
    bool lengthOk = false;
    const qint64 length = head.header("content-length").trimmed().toLongLong(&lengthOk);
    if (lengthOk && length > m_config.maxBodyBytes) {
        reject(413, tr("body of %1 bytes is over the limit").arg(length), &ListenerCounters::tooLarge);
        decision.reject =
            statusResponse(413, tr("The body is larger than %1 bytes.").arg(m_config.maxBodyBytes));
        return decision;
    }
    if (head.header(SignatureHeader).trimmed().isEmpty()) {
        reject(401, tr("no signature"), &ListenerCounters::badSignature);
        decision.reject = statusResponse(401, tr("The x-apple-signature header is missing."));
        return decision;
    }
    return decision;
}

void WebhookListener::handle(const http::HttpRequest &request, http::Responder respond)
{
    QList<QByteArray> secrets;
    {
        QMutexLocker lock(&m_secretsMutex);
        secrets = m_secrets;
    }
    // A body spooled to a file would mean it was larger than the memory limit, which is above our cap.
    if (!request.bodyFilePath.isEmpty()) {
        reject(413, tr("body too large"), &ListenerCounters::tooLarge);
        respond(statusResponse(413, tr("The body is too large.")));
        return;
    }
    const VerificationResult verification =
        verifySignature(request.header(SignatureHeader), request.body, secrets);
    if (!verification.ok()) {
        reject(401, tr("signature %1").arg(QLatin1String(verdictName(verification.verdict))),
               &ListenerCounters::badSignature);
        respond(statusResponse(401, tr("The signature does not verify.")));
        return;
    }

    Pending pending;
    pending.respond = std::move(respond);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString reason;
    const std::optional<Notification> notification = decodeNotification(request.body, &reason);
    if (!notification) {
        pending.malformed = true;
        pending.record.receivedAt = now;
        pending.record.reason = reason;
        pending.record.body = request.body;
        pending.record.headers = keptHeaders(request.headers);
    } else {
        pending.notification = *notification;
        store::LoggedEvent &e = pending.event;
        e.eventId = notification->id;
        e.notificationType = notification->notificationType;
        e.eventType = notification->eventType ? asc::toString(*notification->eventType) : QString();
        e.ping = notification->ping;
        e.instanceType = notification->instanceType;
        e.instanceId = notification->instanceId;
        e.eventTimestamp = notification->timestamp;
        e.receivedAt = now;
        e.verdict = QString::fromLatin1(verdictName(verification.verdict));
        e.body = request.body;
        e.headers = keptHeaders(request.headers);
    }
    m_pending.push_back(std::move(pending));
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void WebhookListener::flush()
{
    std::vector<Pending> batch;
    batch.swap(m_pending);
    if (batch.empty())
        return;

    QString error;
    std::vector<store::AppendResult> results(batch.size(), store::AppendResult::Failed);
    bool ok = m_log->begin(&error);
    for (size_t i = 0; ok && i < batch.size(); ++i) {
        Pending &p = batch[i];
        if (p.malformed) {
            ok = m_log->appendMalformed(p.record, &error);
            results[i] = ok ? store::AppendResult::Stored : store::AppendResult::Failed;
        } else {
            results[i] = m_log->append(p.event, &error, &p.event.seq);
            ok = results[i] != store::AppendResult::Failed;
        }
    }
    if (ok) {
        qint64 stored = 0, duplicates = 0, malformed = 0;
        for (size_t i = 0; i < batch.size(); ++i) {
            if (batch[i].malformed)
                ++malformed;
            else if (results[i] == store::AppendResult::Stored)
                ++stored;
            else
                ++duplicates;
        }
        for (auto it = m_unsavedCounters.cbegin(); ok && it != m_unsavedCounters.cend(); ++it)
            ok = m_log->addToCounter(it.key(), it.value(), &error);
        if (ok && duplicates)
            ok = m_log->addToCounter(QStringLiteral("duplicates"), duplicates, &error);
        if (ok && malformed)
            ok = m_log->addToCounter(QStringLiteral("malformed"), malformed, &error);
        if (ok && stored)
            ok = m_log->addToCounter(QStringLiteral("stored"), stored, &error);
    }
    if (ok)
        ok = m_log->commit(&error);
    else
        m_log->rollback();

    if (!ok) {
        qCWarning(lcWebhooks).noquote() << "could not store notifications:" << error;
        m_counters.storageErrors += qint64(batch.size());
        for (Pending &p : batch)
            p.respond(statusResponse(500, tr("The event could not be stored; deliver it again.")));
        emit countersChanged();
        return;
    }
    m_unsavedCounters.clear();

    // Durable now: answer, then tell the application.
    for (size_t i = 0; i < batch.size(); ++i) {
        Pending &p = batch[i];
        if (p.malformed) {
            ++m_counters.malformed;
            p.respond(statusResponse(400, tr("Not a notification envelope: %1").arg(p.record.reason)));
        } else if (results[i] == store::AppendResult::Stored) {
            ++m_counters.stored;
            p.respond(statusResponse(200, tr("stored")));
        } else {
            ++m_counters.duplicates;
            p.respond(statusResponse(200, tr("duplicate")));
        }
    }
    for (size_t i = 0; i < batch.size(); ++i) {
        Pending &p = batch[i];
        if (p.malformed)
            emit malformedReceived(p.record.reason);
        else if (results[i] == store::AppendResult::Stored)
            emit eventReceived(ReceivedEvent{p.notification, p.event});
        else
            emit duplicateReceived(p.event.eventId);
    }
    emit countersChanged();
}

} // namespace ascend::webhooks

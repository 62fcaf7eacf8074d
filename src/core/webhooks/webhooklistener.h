#pragma once
// The local endpoint App Store Connect (or a tunnel in front of it) posts notifications to.
//   not POST → 405, another path → 404, Content-Length over 1 MiB → 413 (before the body is read),
//   missing/wrong x-apple-signature → 401 (only a counter is kept), valid signature but not the documented
//   envelope → 400 (kept as a malformed record), valid → written durably to the event log, then 200.
// A redelivered event (same data.id) is answered 200 and counted as a duplicate, never stored twice.
// Writes that arrive together are committed in one transaction before any of them is answered.

#include "core/http/httpmessage.h"
#include "core/store/eventlog.h"
#include "core/webhooks/notification.h"

#include <QHostAddress>
#include <QMutex>
#include <QObject>
#include <QTimer>
#include <memory>

namespace ascend::http {
class HttpServer;
}

namespace ascend::webhooks {

struct ListenerConfig {
    QHostAddress host = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0; // 0 = any free port
    QString path = QStringLiteral("/webhooks/asc");
    qint64 maxBodyBytes = 1024 * 1024;
};

struct ListenerCounters {
    qint64 stored = 0;
    qint64 duplicates = 0;
    qint64 badSignature = 0;  // 401
    qint64 malformed = 0;     // 400
    qint64 tooLarge = 0;      // 413
    qint64 wrongMethod = 0;   // 405
    qint64 wrongPath = 0;     // 404
    qint64 storageErrors = 0; // 500: the write failed, the sender should deliver again

    qint64 rejected() const { return badSignature + malformed + tooLarge + wrongMethod + wrongPath; }
};

// An event as the listener accepted it.
struct ReceivedEvent {
    Notification notification;
    store::LoggedEvent logged;
};

class WebhookListener : public QObject, public http::RequestHandler {
    Q_OBJECT
public:
    // log must be open and outlive the listener.
    explicit WebhookListener(store::EventLog *log, QObject *parent = nullptr);
    ~WebhookListener() override;

    // The candidate secrets (raw bytes, as configured on the webhooks). Thread-safe.
    void setSecrets(const QList<QByteArray> &secrets);
    int secretCount() const;

    bool start(const ListenerConfig &config, QString *error);
    void stop();
    bool isListening() const;
    quint16 port() const;
    // "http://127.0.0.1:8080/webhooks/asc"
    QString localUrl() const;
    const ListenerConfig &config() const { return m_config; }
    ListenerCounters counters() const { return m_counters; }

    http::HeadDecision inspectHead(const http::HttpRequest &head) override;
    void handle(const http::HttpRequest &request, http::Responder respond) override;

signals:
    // After the durable write, once per new event id.
    void eventReceived(const ascend::webhooks::ReceivedEvent &event);
    void duplicateReceived(const QString &eventId);
    void malformedReceived(const QString &reason);
    // A request was refused (401, 404, 405, 413); the reason never contains a secret.
    void requestRejected(int status, const QString &reason);
    void countersChanged();
    void listeningChanged(bool listening);

private:
    struct Pending;
    void flush();
    void saveCounters();
    void reject(int status, const QString &reason, qint64 ListenerCounters::*counter);

    store::EventLog *m_log;
    ListenerConfig m_config;
    std::unique_ptr<http::HttpServer> m_server;
    mutable QMutex m_secretsMutex;
    QList<QByteArray> m_secrets;
    ListenerCounters m_counters;
    std::vector<Pending> m_pending;
    QTimer m_flushTimer;
    QTimer m_counterTimer; // persists rejection counters without a disk sync per bad request
    QHash<QString, qint64> m_unsavedCounters;
};

} // namespace ascend::webhooks

Q_DECLARE_METATYPE(ascend::webhooks::ReceivedEvent)

#pragma once
// The durable log of webhook notifications received by the local listener: verified events (unique on the
// event id, with a duplicate count), malformed bodies kept for inspection, and named counters. Opened with
// Durability::Full: a write that returned true survives a crash of the process and of the machine.

#include "core/store/database.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <optional>

namespace ascend::store {

using EventHeaders = QList<QPair<QByteArray, QByteArray>>;

struct LoggedEvent {
    qint64 seq = 0; // assigned by the log, in arrival order
    QString eventId;
    QString notificationType; // data.type
    QString eventType;        // the WebhookEventType name; empty for pings and unknown types
    bool ping = false;
    QString instanceType;
    QString instanceId;
    QDateTime eventTimestamp; // attributes.timestamp; may be invalid
    QDateTime receivedAt;
    QString verdict; // signature verdict, "valid" for everything the listener accepts
    QByteArray body; // the raw bytes as received
    EventHeaders headers;
    int duplicates = 0; // how many more times the same event id arrived
};

struct MalformedRecord {
    qint64 seq = 0;
    QDateTime receivedAt;
    QString reason;
    QByteArray body;
    EventHeaders headers;
};

enum class AppendResult { Stored, Duplicate, Failed };

struct EventQuery {
    QString eventType;        // WebhookEventType name or data.type; empty = all
    qint64 afterSeq = 0;      // only events with seq > afterSeq
    int limit = 1000;         // newest last
    bool newestFirst = false; // order by seq descending (then afterSeq is ignored)
};

class EventLog {
public:
    EventLog() = default;

    // Opens or creates the log; ":memory:" for tests.
    bool open(const QString &path, QString *error);
    void close() { m_db.close(); }
    bool isOpen() const { return m_db.isOpen(); }
    QString path() const { return m_db.path(); }

    // Groups the writes until commit() into one transaction (one sync to disk for all of them).
    bool begin(QString *error);
    bool commit(QString *error);
    void rollback();

    // Stored: a new event id. Duplicate: the id was there already; its duplicate count was bumped.
    // seq receives the new row's sequence number for Stored.
    AppendResult append(const LoggedEvent &event, QString *error, qint64 *seq = nullptr);
    bool appendMalformed(const MalformedRecord &record, QString *error);
    bool addToCounter(const QString &name, qint64 delta, QString *error);

    qint64 counter(const QString &name) const;
    qint64 eventCount() const;
    qint64 malformedCount() const;
    std::optional<LoggedEvent> event(const QString &eventId) const;
    QList<LoggedEvent> events(const EventQuery &query = {}) const;
    QList<MalformedRecord> malformed(int limit = 1000) const;

    static QByteArray encodeHeaders(const EventHeaders &headers);
    static EventHeaders decodeHeaders(const QByteArray &json);

private:
    mutable Database m_db;
};

} // namespace ascend::store

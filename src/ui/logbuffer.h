#pragma once
// The application's recent log messages in a ring buffer (the newest `capacity` of them), for the log viewer.
// Every message is redacted (redactSecrets) before it is stored. append() may be called from any thread;
// entriesAdded() is emitted on the buffer's thread, at most once per turn of its event loop.

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <atomic>

namespace ascend::ui {

struct LogEntry {
    quint64 sequence = 0; // 1, 2, 3, … in the order of arrival; never reused
    QDateTime time;
    QtMsgType type = QtDebugMsg;
    QString category;
    QString message; // redacted
};

class LogBuffer : public QObject {
    Q_OBJECT
public:
    static constexpr int DefaultCapacity = 5000;

    explicit LogBuffer(int capacity = DefaultCapacity, QObject *parent = nullptr);

    // The buffer the message handler feeds (created on first use).
    static LogBuffer *instance();

    // Stores the message redacted and returns the redacted text.
    QString append(QtMsgType type, const QString &category, const QString &message,
                   const QDateTime &time = QDateTime::currentDateTime());

    // The entries still held whose sequence is greater than after, oldest first.
    QList<LogEntry> entries(quint64 after = 0) const;
    int count() const;
    int capacity() const { return m_capacity; }
    quint64 lastSequence() const;
    void clear();

    // "debug", "info", "warning", "critical", "fatal".
    static QString levelName(QtMsgType type);
    // One line as the log viewer copies and saves it: "2025-04-16 05:00:52.745 warning ascend.api: …".
    static QString format(const LogEntry &entry);

signals:
    void entriesAdded();
    void cleared();

private:
    const int m_capacity;
    mutable QMutex m_mutex;
    QList<LogEntry> m_ring; // guarded by m_mutex
    qsizetype m_head = 0;   // index of the oldest entry once the ring is full
    quint64 m_sequence = 0;
    std::atomic_bool m_notifyPending{false};
};

} // namespace ascend::ui

#include "ui/logbuffer.h"

#include "ui/logredaction.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>

namespace ascend::ui {

LogBuffer::LogBuffer(int capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(std::max(1, capacity))
{
    m_ring.reserve(m_capacity);
}

LogBuffer *LogBuffer::instance()
{
    // Deliberately never destroyed: messages may still arrive while the application shuts down.
    static LogBuffer *buffer = new LogBuffer(DefaultCapacity);
    return buffer;
}

QString LogBuffer::append(QtMsgType type, const QString &category, const QString &message,
                          const QDateTime &time)
{
    LogEntry entry;
    entry.time = time;
    entry.type = type;
    entry.category = category;
    entry.message = redactSecrets(message);
    const QString redacted = entry.message;
    {
        QMutexLocker lock(&m_mutex);
        entry.sequence = ++m_sequence;
        if (m_ring.size() < m_capacity) {
            m_ring.append(std::move(entry));
        } else {
            m_ring[m_head] = std::move(entry);
            m_head = (m_head + 1) % m_capacity;
        }
    }
    if (!m_notifyPending.exchange(true)) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_notifyPending = false;
                emit entriesAdded();
            },
            Qt::QueuedConnection);
    }
    return redacted;
}

QList<LogEntry> LogBuffer::entries(quint64 after) const
{
    QMutexLocker lock(&m_mutex);
    QList<LogEntry> result;
    const qsizetype size = m_ring.size();
    for (qsizetype i = 0; i < size; ++i) {
        const LogEntry &entry = m_ring.at((m_head + i) % size);
        if (entry.sequence > after)
            result.append(entry);
    }
    return result;
}

int LogBuffer::count() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_ring.size());
}

quint64 LogBuffer::lastSequence() const
{
    QMutexLocker lock(&m_mutex);
    return m_sequence;
}

void LogBuffer::clear()
{
    {
        QMutexLocker lock(&m_mutex);
        m_ring.clear();
        m_head = 0;
    }
    emit cleared();
}

QString LogBuffer::levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return QStringLiteral("debug");
    case QtInfoMsg:
        return QStringLiteral("info");
    case QtWarningMsg:
        return QStringLiteral("warning");
    case QtCriticalMsg:
        return QStringLiteral("critical");
    case QtFatalMsg:
        return QStringLiteral("fatal");
    }
    return QStringLiteral("debug");
}

QString LogBuffer::format(const LogEntry &entry)
{
    return QStringLiteral("%1 %2 %3: %4")
        .arg(entry.time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")), levelName(entry.type),
             entry.category.isEmpty() ? QStringLiteral("default") : entry.category, entry.message);
}

} // namespace ascend::ui

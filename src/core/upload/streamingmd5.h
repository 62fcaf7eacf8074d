#pragma once
// The MD5 of a whole file, computed on a worker thread in file order while the parts are being uploaded.
// The part uploads offer the blocks they read anyway (offer()); the worker hashes those that continue
// exactly where it stands, so a file sent front to back over a fast link is read from disk only once.
// Where no upload brings the next bytes within StallMs (parts sent in parallel further into the file, parts
// finished in an earlier run), the worker reads them from the file itself; when it has run ahead of an
// upload that is close behind it (within SyncWindow), it waits for that upload to catch up again.
// Offered blocks are shared, not copied; at most QueueLimit bytes of them wait for the worker.

#include <QElapsedTimer>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QWaitCondition>
#include <deque>

class QThread;

namespace ascend::upload {

class StreamingMd5 : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 QueueLimit = 4 * 1024 * 1024;
    static constexpr qint64 ReadSize = 256 * 1024;
    static constexpr int StallMs = 30;
    static constexpr qint64 SyncWindow = 4 * 1024 * 1024;

    StreamingMd5(QString path, qint64 size, QObject *parent = nullptr);
    ~StreamingMd5() override; // stops the worker and waits for it

    void start();
    // Thread-safe and never blocks. Takes the block (sharing it) when it covers the next byte to hash and
    // the queue has room; returns whether it did.
    bool offer(qint64 offset, const QByteArray &block);
    // No more blocks will be offered: the worker reads what is left without waiting for uploads.
    void endOffers();

    bool isRunning() const;
    bool isFinished() const { return m_finished; }
    // Lowercase hex; empty until finished, and on error.
    QString md5Hex() const { return m_md5; }
    QString errorString() const { return m_error; }
    qint64 bytesFromOffers() const;
    qint64 bytesFromFile() const;

signals:
    void finished(bool ok);

private:
    struct Block {
        QByteArray data;
        qint64 skip = 0; // leading bytes already hashed
    };

    void run(); // on the worker thread
    void onWorkerDone();

    const QString m_path;
    const qint64 m_size;
    QThread *m_thread = nullptr;

    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    std::deque<Block> m_queue;
    qint64 m_queuedBytes = 0;
    qint64 m_end = 0;         // every byte before this is hashed, queued, or being read by the worker
    QElapsedTimer m_trailing; // since an upload offered bytes just behind m_end
    qint64 m_fromOffers = 0;
    qint64 m_fromFile = 0;
    bool m_offersEnded = false;
    bool m_stop = false;
    QString m_workerError;
    QString m_workerResult;

    bool m_finished = false;
    QString m_md5;
    QString m_error;
};

} // namespace ascend::upload

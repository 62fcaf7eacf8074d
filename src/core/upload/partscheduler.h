#pragma once
// Performs a file's upload operations: up to N requests in flight (default 4, 1..16), each with exactly the
// operation's method, URL and request headers, its body streamed from disk (PartUploader, one per slot,
// keeping its connection for the slot's next part), and never an Authorization header. A part that fails with
// a network error, a timeout or a 5xx waits with exponential backoff and jitter and is sent again without
// disturbing the others; any other answer fails that part for good. finished() comes once every part is done
// or failed (or after abort()).

#include "core/api/buildUploadFiles.h"
#include "core/upload/partstate.h"
#include "core/upload/partuploader.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <chrono>
#include <memory>
#include <vector>

namespace ascend::upload {

struct PartRetryPolicy {
    int maxAttempts = 8; // per part, the first send included
    std::chrono::milliseconds baseDelay{500};
    std::chrono::milliseconds maxDelay{30000};
    std::chrono::milliseconds transferTimeout{60000}; // without progress
};

class PartScheduler : public QObject {
    Q_OBJECT
public:
    static constexpr int DefaultParallelism = 4;
    static constexpr int MaxParallelism = 16;

    enum class Failure { None, Expired, Rejected, Exhausted, Aborted, LocalFile };
    Q_ENUM(Failure)

    PartScheduler(QString filePath, QList<api::DeliveryFileUploadOperation> operations,
                  QObject *parent = nullptr);
    ~PartScheduler() override;

    void setParallelism(int n); // clamped to 1..16
    int parallelism() const { return m_parallelism; }
    void setRetryPolicy(const PartRetryPolicy &policy) { m_policy = policy; }
    // Parts (by index into operations) already uploaded earlier; they are not sent again.
    void setCompleted(const QSet<int> &indexes);
    // Sees every block read for a part before it is sent (the whole file's checksum uses them).
    void setBlockObserver(PartUploader::BlockObserver observer) { m_observer = std::move(observer); }

    void start();
    void abort();

    int partCount() const { return int(m_parts.size()); }
    PartState state(int index) const { return m_parts[size_t(index)].state; }
    qint64 sentBytes(int index) const { return m_parts[size_t(index)].sent; }
    int attempts(int index) const { return m_parts[size_t(index)].attempts; }
    const api::DeliveryFileUploadOperation &operation(int index) const { return m_operations[index]; }
    // Done parts' lengths plus the bytes in flight.
    qint64 bytesSent() const;
    qint64 totalBytes() const;
    // Sends beyond the first, over every part: the number of parts re-sent.
    int resendCount() const { return m_resends; }
    bool isFinished() const { return m_finished; }
    Failure failure() const { return m_failure; }
    QString errorString() const { return m_error; }

signals:
    void partStateChanged(int index, ascend::upload::PartState state);
    void partProgress(int index, qint64 sent, qint64 total);
    void partDone(int index, const QByteArray &entityTag);
    void finished(bool ok);

private:
    struct Part {
        PartState state = PartState::Waiting;
        qint64 sent = 0;
        int attempts = 0;
        int slot = -1;
        std::unique_ptr<QTimer> retryTimer;
    };

    void pump();
    void send(int index, int slot);
    void onUploadFinished(int index);
    void setState(int index, PartState state);
    void failPart(int index, Failure failure, const QString &message);
    void checkFinished();
    PartUploader *uploaderForSlot(int slot);
    void stopSlots();

    QString m_filePath;
    QList<api::DeliveryFileUploadOperation> m_operations;
    std::vector<Part> m_parts;
    std::vector<PartUploader *> m_uploaders; // by slot; deleted later, never inside their own signals
    QList<int> m_slotPart;                   // by slot: the part in flight there, or -1
    PartUploader::BlockObserver m_observer;
    int m_parallelism = DefaultParallelism;
    PartRetryPolicy m_policy;
    int m_resends = 0;
    bool m_started = false;
    bool m_finished = false;
    bool m_aborting = false;
    Failure m_failure = Failure::None;
    QString m_error;
};

} // namespace ascend::upload

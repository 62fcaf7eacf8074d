#include "core/upload/partscheduler.h"

#include "core/upload/uploadlogging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRandomGenerator>

namespace ascend::upload {

PartScheduler::PartScheduler(QString filePath, QList<api::DeliveryFileUploadOperation> operations,
                             QObject *parent)
    : QObject(parent)
    , m_filePath(std::move(filePath))
    , m_operations(std::move(operations))
    , m_parts(size_t(m_operations.size()))
{
    qRegisterMetaType<ascend::upload::PartState>();
}

PartScheduler::~PartScheduler()
{
    m_aborting = true;
    stopSlots();
}

void PartScheduler::stopSlots()
{
    // The scheduler may go away from inside an uploader's finished(): uploaders are deleted later.
    for (PartUploader *&uploader : m_uploaders) {
        if (!uploader)
            continue;
        uploader->disconnect(this);
        uploader->abort();
        uploader->deleteLater();
        uploader = nullptr;
    }
}

void PartScheduler::setParallelism(int n)
{
    m_parallelism = std::clamp(n, 1, MaxParallelism);
}

void PartScheduler::setCompleted(const QSet<int> &indexes)
{
    for (int index : indexes) {
        if (index >= 0 && index < partCount()) {
            m_parts[size_t(index)].state = PartState::Done;
            m_parts[size_t(index)].sent = m_operations[index].length;
        }
    }
}

qint64 PartScheduler::bytesSent() const
{
    qint64 total = 0;
    for (const Part &part : m_parts)
        total += part.sent;
    return total;
}

qint64 PartScheduler::totalBytes() const
{
    qint64 total = 0;
    for (const auto &operation : m_operations)
        total += operation.length;
    return total;
}

PartUploader *PartScheduler::uploaderForSlot(int slot)
{
    if (m_uploaders.size() <= size_t(slot))
        m_uploaders.resize(size_t(slot) + 1, nullptr);
    PartUploader *&uploader = m_uploaders[size_t(slot)];
    if (!uploader) {
        uploader = new PartUploader; // no parent: see stopSlots()
        const QString version = QCoreApplication::applicationVersion();
        uploader->setUserAgent("Ascend/" + (version.isEmpty() ? QByteArray("0") : version.toUtf8()));
        connect(uploader, &PartUploader::progress, this, [this, slot](qint64 sent, qint64) {
            const int index = m_slotPart.value(slot, -1);
            if (index < 0)
                return;
            m_parts[size_t(index)].sent = sent;
            emit partProgress(index, sent, m_operations[index].length);
        });
        connect(uploader, &PartUploader::finished, this, [this, slot] {
            const int index = m_slotPart.value(slot, -1);
            if (index >= 0)
                onUploadFinished(index);
        });
    }
    uploader->setTransferTimeout(m_policy.transferTimeout);
    uploader->setBlockObserver(m_observer);
    return uploader;
}

void PartScheduler::start()
{
    if (m_started)
        return;
    m_started = true;
    m_slotPart = QList<int>(m_parallelism, -1);
    qCDebug(lcUpload).noquote() << "uploading" << partCount() << "parts," << m_parallelism << "at a time";
    pump();
    checkFinished();
}

void PartScheduler::abort()
{
    if (m_finished)
        return;
    m_aborting = true;
    stopSlots();
    m_slotPart.fill(-1);
    for (int i = 0; i < partCount(); ++i) {
        Part &part = m_parts[size_t(i)];
        part.retryTimer.reset();
        part.slot = -1;
        if (part.state == PartState::InFlight || part.state == PartState::Retrying)
            setState(i, PartState::Waiting);
    }
    m_failure = Failure::Aborted;
    m_error = tr("The upload was stopped.");
    m_finished = true;
    emit finished(false);
}

void PartScheduler::pump()
{
    if (m_aborting)
        return;
    for (int index = 0; index < partCount(); ++index) {
        if (m_parts[size_t(index)].state != PartState::Waiting)
            continue;
        const int slot = int(m_slotPart.indexOf(-1));
        if (slot < 0)
            return;
        send(index, slot);
    }
}

void PartScheduler::send(int index, int slot)
{
    Part &part = m_parts[size_t(index)];
    const api::DeliveryFileUploadOperation &operation = m_operations[index];
    if (operation.isExpired(QDateTime::currentDateTimeUtc())) {
        failPart(index, Failure::Expired,
                 tr("The upload operation for part %1 expired at %2.")
                     .arg(operation.partNumber)
                     .arg(operation.expiration.toString(Qt::ISODate)));
        return;
    }
    PartUploader::Request request;
    request.method = operation.method;
    request.url = operation.url;
    request.headers = operation.requestHeaders;
    request.filePath = m_filePath;
    request.offset = operation.offset;
    request.length = operation.length;

    part.slot = slot;
    part.sent = 0;
    ++part.attempts;
    if (part.attempts > 1)
        ++m_resends;
    m_slotPart[slot] = index;
    setState(index, PartState::InFlight);
    uploaderForSlot(slot)->start(request);
}

void PartScheduler::onUploadFinished(int index)
{
    Part &part = m_parts[size_t(index)];
    if (part.slot < 0 || m_aborting)
        return;
    const PartUploader *upload = m_uploaders[size_t(part.slot)];
    m_slotPart[part.slot] = -1;
    part.slot = -1;

    const api::DeliveryFileUploadOperation &operation = m_operations[index];
    const bool transport = upload->error() != PartUploader::Error::None;
    const int status = transport ? 0 : upload->status();
    const QByteArray answer = upload->body().left(4096);
    if (status >= 200 && status < 300) {
        part.sent = operation.length;
        // partDone first: the resume journal records the part before anything shows it as done.
        emit partDone(index, upload->header("ETag"));
        setState(index, PartState::Done);
        emit partProgress(index, part.sent, operation.length);
    } else {
        const bool local = upload->error() == PartUploader::Error::LocalFile;
        const bool retryable = !local && (transport || status >= 500 || status == 429);
        const QString reason = transport ? upload->errorString() : tr("HTTP %1").arg(status);
        const QString answerText = QString::fromUtf8(answer).simplified().left(300);
        if (local) {
            failPart(index, Failure::LocalFile,
                     tr("Cannot read part %1 of the file: %2").arg(operation.partNumber).arg(reason));
        } else if (!retryable) {
            const bool expired = status == 403 && (answer.contains("EXPIRED") ||
                                                   operation.isExpired(QDateTime::currentDateTimeUtc()));
            failPart(index, expired ? Failure::Expired : Failure::Rejected,
                     tr("Part %1 was refused (%2): %3").arg(operation.partNumber).arg(reason, answerText));
        } else if (part.attempts >= m_policy.maxAttempts) {
            failPart(index, Failure::Exhausted,
                     tr("Part %1 failed %2 times; the last time: %3")
                         .arg(operation.partNumber)
                         .arg(part.attempts)
                         .arg(answerText.isEmpty() ? reason : reason + QStringLiteral(": ") + answerText));
        } else {
            const qint64 base = std::min<qint64>(
                m_policy.maxDelay.count(), m_policy.baseDelay.count() << std::min(part.attempts - 1, 20));
            const qint64 delay = base / 2 + qint64(QRandomGenerator::global()->bounded(double(base / 2 + 1)));
            qCDebug(lcUpload).noquote()
                << "part" << operation.partNumber << "failed (" << reason << "), retry in" << delay << "ms";
            part.sent = 0;
            setState(index, PartState::Retrying);
            part.retryTimer = std::make_unique<QTimer>();
            part.retryTimer->setSingleShot(true);
            connect(part.retryTimer.get(), &QTimer::timeout, this, [this, index] {
                m_parts[size_t(index)].retryTimer.release()->deleteLater();
                setState(index, PartState::Waiting);
                pump();
            });
            part.retryTimer->start(int(delay));
        }
    }
    pump();
    checkFinished();
}

void PartScheduler::setState(int index, PartState state)
{
    Part &part = m_parts[size_t(index)];
    if (part.state == state)
        return;
    part.state = state;
    emit partStateChanged(index, state);
}

void PartScheduler::failPart(int index, Failure failure, const QString &message)
{
    qCDebug(lcUpload).noquote() << message;
    if (m_failure == Failure::None || failure == Failure::Expired) {
        m_failure = failure;
        m_error = message;
    }
    m_parts[size_t(index)].sent = 0;
    setState(index, PartState::Failed);
}

void PartScheduler::checkFinished()
{
    if (m_finished || !m_started)
        return;
    bool anyFailed = false;
    for (const Part &part : m_parts) {
        if (part.state != PartState::Done && part.state != PartState::Failed)
            return;
        anyFailed = anyFailed || part.state == PartState::Failed;
    }
    m_finished = true;
    emit finished(!anyFailed);
}

} // namespace ascend::upload

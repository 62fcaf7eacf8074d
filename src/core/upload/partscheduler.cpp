#include "core/upload/partscheduler.h"

#include "core/upload/fileslicedevice.h"
#include "core/upload/uploadlogging.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>

namespace ascend::upload {

namespace {
// QNetworkAccessManager opens at most six HTTP/1.1 connections per host; larger parallelism spreads the
// slots over several managers.
constexpr int kConnectionsPerManager = 6;
} // namespace

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
    for (Part &part : m_parts) {
        if (part.reply) {
            part.reply->disconnect(this);
            part.reply->abort();
            part.reply->deleteLater();
        }
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

QNetworkAccessManager *PartScheduler::managerForSlot(int slot)
{
    const size_t index = size_t(slot / kConnectionsPerManager);
    while (m_managers.size() <= index)
        m_managers.push_back(new QNetworkAccessManager(this));
    return m_managers[index];
}

void PartScheduler::start()
{
    if (m_started)
        return;
    m_started = true;
    m_slotBusy = QList<bool>(m_parallelism, false);
    qCDebug(lcUpload).noquote() << "uploading" << partCount() << "parts," << m_parallelism << "at a time";
    pump();
    checkFinished();
}

void PartScheduler::abort()
{
    if (m_finished)
        return;
    m_aborting = true;
    for (int i = 0; i < partCount(); ++i) {
        Part &part = m_parts[size_t(i)];
        part.retryTimer.reset();
        if (part.reply) {
            part.reply->disconnect(this);
            part.reply->abort();
            part.reply->deleteLater();
            part.reply = nullptr;
        }
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
        const int slot = int(m_slotBusy.indexOf(false));
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
    auto *body = new FileSliceDevice(m_filePath, operation.offset, operation.length, this);
    if (!body->open(QIODevice::ReadOnly)) {
        const QString reason = body->errorString();
        delete body;
        failPart(index, Failure::LocalFile,
                 tr("Cannot read part %1 of the file: %2").arg(operation.partNumber).arg(reason));
        return;
    }
    QNetworkRequest request{QUrl(operation.url)};
    for (const auto &[name, value] : operation.requestHeaders)
        request.setRawHeader(name, value);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(int(m_policy.transferTimeout.count()));

    QNetworkReply *reply = managerForSlot(slot)->sendCustomRequest(request, operation.method, body);
    body->setParent(reply);
    part.body = body;
    part.reply = reply;
    part.slot = slot;
    part.sent = 0;
    ++part.attempts;
    if (part.attempts > 1)
        ++m_resends;
    m_slotBusy[slot] = true;
    setState(index, PartState::InFlight);
    connect(reply, &QNetworkReply::uploadProgress, this, [this, index](qint64 sent, qint64) {
        Part &p = m_parts[size_t(index)];
        p.sent = sent;
        emit partProgress(index, sent, m_operations[index].length);
    });
    connect(reply, &QNetworkReply::finished, this, [this, index] { onReplyFinished(index); });
}

void PartScheduler::onReplyFinished(int index)
{
    Part &part = m_parts[size_t(index)];
    QNetworkReply *reply = part.reply;
    if (!reply)
        return;
    part.reply = nullptr;
    part.body = nullptr;
    reply->deleteLater();
    if (part.slot >= 0)
        m_slotBusy[part.slot] = false;
    part.slot = -1;
    if (m_aborting)
        return;

    const api::DeliveryFileUploadOperation &operation = m_operations[index];
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray answer = reply->readAll().left(4096);
    if (status >= 200 && status < 300) {
        part.sent = operation.length;
        // partDone first: the resume journal records the part before anything shows it as done.
        emit partDone(index, reply->rawHeader("ETag"));
        setState(index, PartState::Done);
        emit partProgress(index, part.sent, operation.length);
    } else {
        const bool transport = status == 0;
        const bool retryable = transport || status >= 500 || status == 429;
        const QString reason = transport ? reply->errorString() : tr("HTTP %1").arg(status);
        if (!retryable) {
            const bool expired = status == 403 && (answer.contains("EXPIRED") ||
                                                   operation.isExpired(QDateTime::currentDateTimeUtc()));
            failPart(index, expired ? Failure::Expired : Failure::Rejected,
                     tr("Part %1 was refused (%2): %3")
                         .arg(operation.partNumber)
                         .arg(reason, QString::fromUtf8(answer).simplified().left(300)));
        } else if (part.attempts >= m_policy.maxAttempts) {
            failPart(index, Failure::Exhausted,
                     tr("Part %1 failed %2 times; the last time: %3")
                         .arg(operation.partNumber)
                         .arg(part.attempts)
                         .arg(reason));
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

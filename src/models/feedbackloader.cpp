#include "models/feedbackloader.h"

#include "core/api/apiclient.h"
#include "core/api/pager.h"

namespace ascend::models {

using api::FeedbackKind;
using api::FeedbackSubmission;

namespace {
constexpr FeedbackKind kKinds[2] = {FeedbackKind::Screenshot, FeedbackKind::Crash};
}

FeedbackLoader::FeedbackLoader(api::ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

FeedbackLoader::~FeedbackLoader()
{
    stopPagers();
}

void FeedbackLoader::stopPagers()
{
    for (Stream &stream : m_streams) {
        if (stream.pager) {
            stream.pager->disconnect(this);
            stream.pager->cancel();
            stream.pager->deleteLater();
        }
        stream = Stream();
    }
}

void FeedbackLoader::start(const QString &appId)
{
    stopPagers();
    m_errors.clear();
    m_pages = 0;
    m_delivered = 0;
    m_finished = false;
    m_running = true;
    if (!m_client || appId.isEmpty()) {
        m_errors << api::ApiError::config(tr("No app is selected."));
        m_running = false;
        m_finished = true;
        QMetaObject::invokeMethod(this, &FeedbackLoader::finished, Qt::QueuedConnection);
        return;
    }
    for (int i = 0; i < 2; ++i) {
        auto *pager = new api::Pager(m_client, api::listFeedback(appId, kKinds[i]), this);
        pager->setCollecting(false);
        m_streams[i].pager = pager;
        connect(pager, &api::Pager::pageReceived, this, [this, i](const jsonapi::Document &page) {
            ++m_pages;
            onPage(i, FeedbackSubmission::fromDocument(page));
        });
        connect(pager, &api::Pager::finished, this, [this, i] { onFinished(i); });
    }
    // Both lists go out at once; the merge waits for whichever is behind.
    for (Stream &stream : m_streams)
        stream.pager->start();
}

void FeedbackLoader::cancel()
{
    if (!m_running)
        return;
    m_errors << api::ApiError::cancelled();
    stopPagers();
    m_running = false;
    m_finished = true;
    emit finished();
}

void FeedbackLoader::onPage(int stream, const QList<FeedbackSubmission> &items)
{
    Stream &target = m_streams[stream];
    target.pending.append(items);
    drain();
}

void FeedbackLoader::onFinished(int stream)
{
    Stream &target = m_streams[stream];
    if (!target.pager)
        return;
    target.done = true;
    if (!target.pager->ok())
        m_errors << target.pager->error();
    target.pager->deleteLater();
    target.pager = nullptr;
    drain();
    if (m_streams[0].done && m_streams[1].done) {
        m_running = false;
        m_finished = true;
        emit finished();
    }
}

void FeedbackLoader::drain()
{
    // A submission may be handed over once nothing newer can still arrive from the other list: either the
    // other list has a pending item that is not newer, or it has ended.
    Stream &a = m_streams[0];
    Stream &b = m_streams[1];
    QList<FeedbackSubmission> ready;
    for (;;) {
        const bool hasA = a.available();
        const bool hasB = b.available();
        if (hasA && hasB) {
            const FeedbackSubmission &x = a.pending.at(a.head);
            const FeedbackSubmission &y = b.pending.at(b.head);
            // Ties: screenshots first, so the order is stable between loads.
            if (x.createdDate >= y.createdDate)
                ready.append(std::move(a.pending[a.head++]));
            else
                ready.append(std::move(b.pending[b.head++]));
        } else if (hasA && b.done) {
            ready.append(std::move(a.pending[a.head++]));
        } else if (hasB && a.done) {
            ready.append(std::move(b.pending[b.head++]));
        } else {
            break;
        }
    }
    for (Stream *stream : {&a, &b}) {
        if (stream->head > 0) {
            stream->pending.remove(0, stream->head);
            stream->head = 0;
        }
    }
    if (ready.isEmpty())
        return;
    m_delivered += int(ready.size());
    emit itemsReady(ready);
}

} // namespace ascend::models

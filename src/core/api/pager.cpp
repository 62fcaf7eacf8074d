#include "core/api/pager.h"

#include "core/api/apiclient.h"
#include "core/api/apilogging.h"

namespace ascend::api {

Pager::Pager(ApiClient *client, const ApiRequest &firstPage, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_firstPage(firstPage)
{}

Pager::~Pager()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void Pager::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!m_client) {
        QMetaObject::invokeMethod(
            this, [this] { finish(ApiError::config(tr("The pager has no API client."))); },
            Qt::QueuedConnection);
        return;
    }
    requestPage(m_firstPage);
}

void Pager::cancel()
{
    if (m_finished)
        return;
    if (m_reply) {
        // The reply reports Cancelled through onReplyFinished().
        m_reply->abort();
        return;
    }
    finish(ApiError::cancelled());
}

const jsonapi::Resource *Pager::findIncluded(const QString &type, const QString &id) const
{
    const auto it = m_includedIndex.constFind(jsonapi::ResourceIdentifier{type, id});
    return it == m_includedIndex.constEnd() ? nullptr : &m_included.at(it.value());
}

void Pager::requestPage(const ApiRequest &request)
{
    m_reply = m_client->send(request);
    connect(m_reply, &ApiReply::finished, this, &Pager::onReplyFinished);
}

void Pager::onReplyFinished()
{
    ApiReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    if (!reply->ok()) {
        finish(reply->error());
        return;
    }

    const jsonapi::Document page = reply->document();
    ++m_pageCount;
    m_visited.insert(reply->url().toString(QUrl::FullyEncoded));
    m_visited.insert(reply->request().path);
    if (m_pageCount == 1) {
        if (const auto paging = page.paging())
            m_total = paging->total;
    }
    if (m_collecting) {
        m_resources += page.resources();
        for (const auto &resource : page.included()) {
            if (m_includedIndex.contains(resource.identifier()))
                continue;
            m_includedIndex.insert(resource.identifier(), m_included.size());
            m_included << resource;
        }
    }

    QPointer<Pager> guard(this);
    Q_EMIT pageReceived(page);
    if (!guard || m_finished)
        return; // cancelled or deleted from a pageReceived handler

    const QString next = page.links().next;
    if (next.isEmpty()) {
        m_reachedEnd = true;
        finish(ApiError());
        return;
    }
    if (m_maxPages > 0 && m_pageCount >= m_maxPages) {
        finish(ApiError());
        return;
    }

    // links.next is used verbatim; a relative reference is resolved against the page it came from.
    const QUrl nextReference(next, QUrl::TolerantMode);
    const QUrl nextUrl = nextReference.isRelative() ? reply->url().resolved(nextReference) : nextReference;
    const QString nextKey = nextReference.isRelative() ? nextUrl.toString(QUrl::FullyEncoded) : next;
    if (m_visited.contains(nextKey)) {
        finish(ApiError::decode(tr("the server's next-page link repeats a page already read (%1)")
                                    .arg(nextUrl.adjusted(QUrl::RemoveQuery).toString()),
                                reply->httpStatus(), nextUrl));
        return;
    }

    ApiRequest request = m_firstPage;
    request.method = "GET";
    request.path = nextKey;
    request.query = Query();
    request.body.reset();
    qCDebug(lcAscendApi).noquote() << "next page" << (m_pageCount + 1) << "of" << m_firstPage.describe();
    requestPage(request);
}

void Pager::finish(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    Q_EMIT finished();
}

} // namespace ascend::api

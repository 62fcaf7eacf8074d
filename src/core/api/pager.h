#pragma once
// Walks a list endpoint by following links.next verbatim until a page has none. Every page is
// announced with pageReceived(); by default the resources and included resources of all pages are
// also collected. finished() comes exactly once: after the last page, on the first error, or on cancel().

#include "core/api/apierror.h"
#include "core/api/apirequest.h"
#include "core/jsonapi/document.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <optional>

namespace ascend::api {

class ApiClient;
class ApiReply;

class Pager : public QObject {
    Q_OBJECT

public:
    Pager(ApiClient *client, const ApiRequest &firstPage, QObject *parent = nullptr);
    ~Pager() override;

    // Page-by-page consumers that keep nothing can turn collection off before start().
    void setCollecting(bool collecting) { m_collecting = collecting; }
    // Stop after this many pages (0 = no limit); finishing early this way is not an error.
    void setMaxPages(int maxPages) { m_maxPages = maxPages; }

    void start();
    void cancel();

    bool isRunning() const { return m_started && !m_finished; }
    bool isFinished() const { return m_finished; }
    bool ok() const { return m_finished && !m_error.isError(); }
    const ApiError &error() const { return m_error; }

    int pageCount() const { return m_pageCount; }
    // meta.paging.total of the first page, when the server sent it.
    std::optional<qint64> total() const { return m_total; }
    // True when the last page had no links.next (false after an error, a cancel or maxPages).
    bool reachedEnd() const { return m_reachedEnd; }

    const QList<jsonapi::Resource> &resources() const { return m_resources; }
    // Included resources of every page, each (type, id) once.
    const QList<jsonapi::Resource> &included() const { return m_included; }
    const jsonapi::Resource *findIncluded(const QString &type, const QString &id) const;

Q_SIGNALS:
    void pageReceived(const ascend::jsonapi::Document &page);
    void finished();

private:
    void requestPage(const ApiRequest &request);
    void onReplyFinished();
    void finish(const ApiError &error);

    QPointer<ApiClient> m_client;
    ApiRequest m_firstPage;
    QPointer<ApiReply> m_reply;
    bool m_collecting = true;
    int m_maxPages = 0;
    bool m_started = false;
    bool m_finished = false;
    bool m_reachedEnd = false;
    int m_pageCount = 0;
    std::optional<qint64> m_total;
    QSet<QString> m_visited;
    QList<jsonapi::Resource> m_resources;
    QList<jsonapi::Resource> m_included;
    QHash<jsonapi::ResourceIdentifier, qsizetype> m_includedIndex;
    ApiError m_error;
};

} // namespace ascend::api

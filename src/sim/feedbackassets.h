#pragma once
// The simulator's stand-in for the storage that serves TestFlight screenshots: presigned, expiring URLs
//   <base>/sim-assets/feedback/<submissionId>/<index>.<png|jpg>?expires=<unix seconds>&signature=<hex>
// answered without a JWT. The signature is an HMAC-SHA256 (a secret made per run) over the path and the
// expiry, so a URL cannot be extended or pointed at another image. After the expiry (or with a wrong
// signature) the answer is 403 with an S3-style XML error; GET the submission again for fresh URLs.
//
// Images are rendered on first request on worker threads (never at seed time), then kept in a small
// memory-bounded cache; concurrent requests for an image wait for the same render. Sits in front of the API
// pipeline as the HTTP server's handler and passes every other request on. Asset requests are not API
// exchanges, so --record does not log them.

#include "core/http/httpmessage.h"

#include <QCache>
#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QThreadPool>
#include <atomic>

namespace ascend::sim {

class Store;
struct Record;
struct ScreenshotSpec;

class FeedbackAssets : public QObject, public http::RequestHandler {
    Q_OBJECT
public:
    static constexpr qsizetype CacheBytes = 48 * 1024 * 1024;
    static constexpr int RenderThreads = 2;

    FeedbackAssets(const Store &store, int urlTtlSeconds, QObject *parent = nullptr);
    ~FeedbackAssets() override;

    // Requests that are not for an asset go here.
    void setInner(http::RequestHandler *inner) { m_inner = inner; }
    int urlTtlSeconds() const { return m_ttlSeconds; }

    static bool isAssetPath(const QString &path);
    // The `screenshots` attribute of a screenshot submission: [{url, width, height, expirationDate}] with
    // URLs valid for urlTtlSeconds from now.
    QJsonArray screenshotsFor(const Record &submission, const QString &baseUrl) const;
    QString signedUrl(const QString &baseUrl, const QString &submissionId, int index, const QString &format,
                      qint64 expires) const;
    // What the image of a submission looks like (size, device, note); index must be in range.
    ScreenshotSpec specFor(const Record &submission, int index) const;
    // Drops cached images of a deleted submission.
    void forget(const QString &submissionId);
    // Images rendered so far (a cache hit renders nothing).
    int renderCount() const { return m_renders.load(); }

    http::HeadDecision inspectHead(const http::HttpRequest &head) override;
    void handle(const http::HttpRequest &request, http::Responder respond) override;

private:
    struct Cached {
        QByteArray bytes;
        QByteArray contentType;
    };
    struct Waiter {
        http::Responder respond;
        qint64 expires = 0;
    };
    http::HttpResponse serve(const Cached &image, const QString &key, qint64 expires) const;
    void finishRender(const QString &key, const QByteArray &bytes, const QByteArray &contentType);
    QByteArray signature(const QString &path, qint64 expires) const;

    const Store &m_store;
    int m_ttlSeconds;
    QByteArray m_secret;
    http::RequestHandler *m_inner = nullptr;
    QCache<QString, Cached> m_cache;         // "<id>/<index>" → encoded image
    QHash<QString, QList<Waiter>> m_waiting; // renders in flight and who waits for them
    std::atomic<int> m_renders{0};
    QThreadPool m_pool; // last member: destroyed (and waited for) first
};

} // namespace ascend::sim

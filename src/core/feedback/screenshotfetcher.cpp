#include "core/feedback/screenshotfetcher.h"

#include "core/api/apiclient.h"
#include "core/api/apireply.h"
#include "core/feedback/feedbacklogging.h"

#include <QThread>
#include <QTimer>
#include <QXmlStreamReader>

namespace ascend::feedback {

namespace {

constexpr int kFreshCacheEntries = 2000;

// Statuses with which presigned-URL servers (S3, CloudFront, the simulator) refuse an expired or
// invalidated link.
bool isExpiredLinkStatus(int status)
{
    return status == 403 || status == 404 || status == 410;
}

QString suffixFromUrl(const QUrl &url)
{
    const QString path = url.path().toLower();
    if (path.endsWith(QLatin1String(".png")))
        return QStringLiteral("png");
    if (path.endsWith(QLatin1String(".jpg")) || path.endsWith(QLatin1String(".jpeg")))
        return QStringLiteral("jpg");
    return {};
}

// "png" or "jpg": the bytes decide when they can (a server may label a JPEG as PNG), then an image
// Content-Type, then the URL. Empty when the body is not an image at all (an HTML error page, say).
QString detectSuffix(const QByteArray &bytes, const QByteArray &contentTypeHeader, const QUrl &url)
{
    if (bytes.startsWith(QByteArrayLiteral("\x89PNG\r\n\x1a\n")))
        return QStringLiteral("png");
    if (bytes.startsWith(QByteArrayLiteral("\xff\xd8\xff")))
        return QStringLiteral("jpg");
    const QByteArray contentType = contentTypeHeader.split(';').first().trimmed().toLower();
    if (contentType == "image/png")
        return QStringLiteral("png");
    if (contentType == "image/jpeg" || contentType == "image/jpg")
        return QStringLiteral("jpg");
    if (contentType.isEmpty() || contentType.startsWith("image/") ||
        contentType == "application/octet-stream")
        return suffixFromUrl(url);
    return {};
}

// The <Message> (or <Code>) of an S3-style XML error body, if there is one.
QString xmlErrorMessage(const QByteArray &body)
{
    if (!body.trimmed().startsWith('<'))
        return {};
    QXmlStreamReader xml(body);
    QString code;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("Message"))
            return xml.readElementText().trimmed();
        if (xml.name() == QLatin1String("Code"))
            code = xml.readElementText().trimmed();
    }
    return code;
}

QString imageServerAnswer(const api::ApiReply *reply)
{
    const QString message = xmlErrorMessage(reply->rawBody());
    return message.isEmpty() ? QStringLiteral("HTTP %1").arg(reply->httpStatus())
                             : QStringLiteral("HTTP %1, \"%2\"").arg(reply->httpStatus()).arg(message);
}

} // namespace

ScreenshotFetcher::ScreenshotFetcher(api::ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_fresh(kFreshCacheEntries)
{}

ScreenshotFetcher::~ScreenshotFetcher()
{
    const auto drop = [this](api::ApiReply *reply) {
        if (!reply)
            return;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    };
    for (const JobPtr &job : std::as_const(m_active))
        drop(job->reply);
    for (const Refetch &refetch : std::as_const(m_refetches))
        drop(refetch.reply);
}

int ScreenshotFetcher::refetchCount() const
{
    return m_refetchCount;
}

void ScreenshotFetcher::setMaxConcurrent(int count)
{
    m_maxConcurrent = std::max(1, count);
    pump();
}

int ScreenshotFetcher::queuedCount() const
{
    return int(m_queue.size());
}

int ScreenshotFetcher::activeCount() const
{
    return int(m_active.size());
}

void ScreenshotFetcher::fetch(const api::FeedbackSubmission &submission, int index, QObject *context,
                              std::function<void(const ScreenshotResult &)> done)
{
    Waiter waiter{context, context != nullptr, std::move(done)};
    if (QThread::currentThread() != thread()) {
        QMetaObject::invokeMethod(
            this, [this, submission, index, waiter] { enqueue(submission, index, waiter); },
            Qt::QueuedConnection);
        return;
    }
    enqueue(submission, index, waiter);
}

void ScreenshotFetcher::enqueue(const api::FeedbackSubmission &submission, int index, const Waiter &waiter)
{
    if (index < 0 || index >= submission.screenshots.size()) {
        ScreenshotResult result;
        result.submissionId = submission.id;
        result.index = index;
        result.errorString = tr("This submission has no screenshot %1 (it has %2).")
                                 .arg(index + 1)
                                 .arg(submission.screenshots.size());
        QTimer::singleShot(0, this, [waiter, result] {
            if (!waiter.hasContext)
                waiter.done(result);
            else if (waiter.context)
                QMetaObject::invokeMethod(waiter.context, [waiter, result] { waiter.done(result); });
        });
        return;
    }
    const QString key = submission.id + QLatin1Char('#') + QString::number(index);
    if (const JobPtr existing = m_jobs.value(key)) {
        existing->waiters.append(waiter);
        return;
    }
    auto job = std::make_shared<Job>();
    job->key = key;
    job->submission = freshest(submission, index);
    job->index = index;
    job->waiters.append(waiter);
    m_jobs.insert(key, job);
    m_queue.push_back(job);
    pump();
}

bool ScreenshotFetcher::hasLiveWaiter(const Job &job) const
{
    for (const Waiter &waiter : job.waiters) {
        if (!waiter.hasContext || waiter.context)
            return true;
    }
    return false;
}

api::FeedbackSubmission ScreenshotFetcher::freshest(const api::FeedbackSubmission &submission,
                                                    int index) const
{
    const api::FeedbackSubmission *fresh = m_fresh.object(submission.id);
    if (!fresh || index >= fresh->screenshots.size() || index >= submission.screenshots.size())
        return submission;
    const QDateTime ours = submission.screenshots.at(index).expirationDate;
    const QDateTime theirs = fresh->screenshots.at(index).expirationDate;
    if (!theirs.isValid() || (ours.isValid() && ours >= theirs))
        return submission;
    api::FeedbackSubmission copy = *fresh;
    if (copy.buildVersion.isEmpty())
        copy.buildVersion = submission.buildVersion;
    if (copy.testerName.isEmpty())
        copy.testerName = submission.testerName;
    return copy;
}

void ScreenshotFetcher::pump()
{
    while (m_active.size() < m_maxConcurrent && !m_queue.empty()) {
        JobPtr job = m_queue.front();
        m_queue.pop_front();
        if (!hasLiveWaiter(*job)) {
            m_jobs.remove(job->key);
            continue;
        }
        start(job);
    }
}

void ScreenshotFetcher::start(const JobPtr &job)
{
    m_active.append(job);
    job->submission = freshest(job->submission, job->index);
    const api::FeedbackScreenshot &screenshot = job->submission.screenshots.at(job->index);
    if (!screenshot.url.isValid() || screenshot.url.isEmpty() || screenshot.isExpired()) {
        qCDebug(lcFeedback) << "screenshot" << job->index << "of" << job->submission.id
                            << "has an expired link; fetching the submission again";
        refetch(job);
        return;
    }
    download(job);
}

void ScreenshotFetcher::download(const JobPtr &job)
{
    if (!m_client) {
        ScreenshotResult result;
        result.errorString =
            tr("Screenshot %1 could not be downloaded: the connection was closed.").arg(job->index + 1);
        complete(job, result);
        return;
    }
    ++m_downloadCount;
    const QUrl url = job->submission.screenshots.at(job->index).url;
    api::ApiReply *reply = m_client->send(api::downloadScreenshot(url));
    job->reply = reply;
    connect(reply, &api::ApiReply::finished, this, [this, job, reply] { onDownloadFinished(job, reply); });
}

void ScreenshotFetcher::onDownloadFinished(const JobPtr &job, api::ApiReply *reply)
{
    reply->deleteLater();
    job->reply = nullptr;
    const int number = job->index + 1;
    ScreenshotResult result;
    if (reply->ok()) {
        result.bytes = reply->rawBody();
        result.suffix = detectSuffix(result.bytes, reply->rawHeader("Content-Type"), reply->url());
        if (result.bytes.isEmpty())
            result.errorString = tr("Screenshot %1 could not be shown: the image server sent an empty file. "
                                    "Try again later.")
                                     .arg(number);
        else if (result.suffix.isEmpty())
            result.errorString =
                tr("Screenshot %1 could not be shown: the image server sent \"%2\" instead of a PNG or JPEG "
                   "image.")
                    .arg(number)
                    .arg(QString::fromLatin1(reply->rawHeader("Content-Type")));
        if (!result.ok())
            result.bytes.clear();
        complete(job, result);
        return;
    }
    const int status = reply->httpStatus();
    if (isExpiredLinkStatus(status)) {
        if (!job->refetched) {
            qCDebug(lcFeedback) << "screenshot" << job->index << "of" << job->submission.id << "answered"
                                << status << "; fetching the submission again for a new link";
            refetch(job);
            return;
        }
        result.errorString =
            tr("Screenshot %1 could not be downloaded: the image server refused even a freshly "
               "signed link (%2). Reload the inbox and try again later.")
                .arg(number)
                .arg(imageServerAnswer(reply));
    } else if (reply->error().kind == api::ApiError::Kind::Http) {
        result.errorString = tr("Screenshot %1 could not be downloaded: the image server answered %2. Try "
                                "again later.")
                                 .arg(number)
                                 .arg(imageServerAnswer(reply));
    } else {
        result.errorString =
            tr("Screenshot %1 could not be downloaded. %2").arg(number).arg(reply->error().message());
    }
    complete(job, result);
}

void ScreenshotFetcher::refetch(const JobPtr &job)
{
    job->refetched = true;
    const QString id = job->submission.id;
    // Someone else's re-fetch may already have brought a newer link than the one that just failed.
    const api::FeedbackSubmission fresher = freshest(job->submission, job->index);
    if (fresher.screenshots.at(job->index).url != job->submission.screenshots.at(job->index).url &&
        !fresher.screenshots.at(job->index).isExpired()) {
        job->submission = fresher;
        download(job);
        return;
    }
    auto existing = m_refetches.find(id);
    if (existing != m_refetches.end()) {
        existing->jobs.append(job);
        return;
    }
    if (!m_client) {
        ScreenshotResult result;
        result.errorString =
            tr("Screenshot %1 could not be downloaded: the connection was closed.").arg(job->index + 1);
        complete(job, result);
        return;
    }
    ++m_refetchCount;
    api::Query query;
    query.include({QStringLiteral("build"), QStringLiteral("tester")});
    api::ApiReply *reply = m_client->send(api::getFeedback(job->submission.kind, id, query));
    m_refetches.insert(id, Refetch{reply, {job}});
    connect(reply, &api::ApiReply::finished, this, [this, id, reply] { onRefetchFinished(id, reply); });
}

void ScreenshotFetcher::onRefetchFinished(const QString &submissionId, api::ApiReply *reply)
{
    reply->deleteLater();
    const Refetch state = m_refetches.take(submissionId);
    if (state.jobs.isEmpty())
        return;

    QPointer<ScreenshotFetcher> self(this);
    std::optional<api::FeedbackSubmission> fresh;
    if (reply->ok()) {
        for (const api::FeedbackSubmission &item : api::FeedbackSubmission::fromDocument(reply->document())) {
            if (item.id == submissionId)
                fresh = item;
        }
    }
    if (!fresh) {
        for (const JobPtr &job : state.jobs) {
            ScreenshotResult result;
            const int number = job->index + 1;
            if (reply->httpStatus() == 404)
                result.errorString = tr("Screenshot %1 is no longer available: its link expired and the "
                                        "submission was not found any more (it may have been deleted).")
                                         .arg(number);
            else if (reply->ok())
                result.errorString =
                    tr("Screenshot %1's link expired and the server's answer did not contain "
                       "the submission again.")
                        .arg(number);
            else
                result.errorString = tr("Screenshot %1's link expired and the submission could not be loaded "
                                        "again. %2")
                                         .arg(number)
                                         .arg(reply->error().message());
            complete(job, result);
            if (!self)
                return;
        }
        return;
    }

    const api::FeedbackSubmission &old = state.jobs.first()->submission;
    if (fresh->buildVersion.isEmpty())
        fresh->buildVersion = old.buildVersion;
    if (fresh->testerName.isEmpty())
        fresh->testerName = old.testerName;
    m_fresh.insert(submissionId, new api::FeedbackSubmission(*fresh));

    Q_EMIT submissionRefreshed(*fresh);
    if (!self)
        return;

    for (const JobPtr &job : state.jobs) {
        if (!hasLiveWaiter(*job)) {
            complete(job, {});
        } else if (job->index >= fresh->screenshots.size()) {
            ScreenshotResult result;
            result.errorString =
                tr("Screenshot %1 is no longer part of this submission.").arg(job->index + 1);
            complete(job, result);
        } else {
            job->submission = *fresh;
            download(job);
        }
        if (!self)
            return;
    }
}

void ScreenshotFetcher::complete(const JobPtr &job, ScreenshotResult result)
{
    m_active.removeOne(job);
    m_jobs.remove(job->key);
    result.submissionId = job->submission.id;
    result.index = job->index;
    const QList<Waiter> waiters = std::exchange(job->waiters, {});
    QPointer<ScreenshotFetcher> self(this);
    for (const Waiter &waiter : waiters) {
        if (!waiter.hasContext) {
            waiter.done(result);
        } else if (waiter.context) {
            if (waiter.context->thread() == QThread::currentThread())
                waiter.done(result);
            else
                QMetaObject::invokeMethod(
                    waiter.context, [done = waiter.done, result] { done(result); }, Qt::QueuedConnection);
        }
        if (!self)
            return;
    }
    pump();
}

void ScreenshotFetcher::cancelPending(QObject *context)
{
    for (const JobPtr &job : std::as_const(m_jobs)) {
        job->waiters.removeIf([context](const Waiter &waiter) {
            return context == nullptr || (waiter.hasContext && waiter.context == context);
        });
    }
    for (auto it = m_queue.begin(); it != m_queue.end();) {
        if (!hasLiveWaiter(**it)) {
            m_jobs.remove((*it)->key);
            it = m_queue.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace ascend::feedback

#include "ui/thumbnailcache.h"

#include "core/feedback/screenshotfetcher.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace ascend::ui {

namespace {

// Decoding must not take CPU time from the GUI thread. Qt's thread priorities change nothing for ordinary
// Linux threads, so the worker lowers its own nice value (once per pool thread).
void yieldToGuiThread()
{
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
#ifdef Q_OS_LINUX
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
#endif
}

constexpr int kJpegQuality = 85;

// Reads an image, letting the decoder shrink it while decoding where it can (JPEG does), to fit `box`.
QImage readScaled(QIODevice *device, const QSize &box, QString *error)
{
    QImageReader reader(device);
    reader.setAutoTransform(true);
    const QSize full = reader.size();
    if (full.isValid() && (full.width() > box.width() || full.height() > box.height()))
        reader.setScaledSize(full.scaled(box, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull()) {
        *error = reader.errorString();
        return {};
    }
    // Scaling anything still larger (formats without scaled decoding may ignore the hint).
    if (image.width() > box.width() || image.height() > box.height())
        image = image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    const QImage::Format format =
        image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32;
    if (image.format() != format)
        image.convertTo(format);
    return image;
}

void writeThumbnail(const QImage &image, const QString &path)
{
    if (path.isEmpty())
        return;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return;
    // The reader recognises the format from the content, so one name serves both.
    QImageWriter writer(&file, image.hasAlphaChannel() ? QByteArrayLiteral("png") : QByteArrayLiteral("jpg"));
    writer.setQuality(kJpegQuality);
    if (writer.write(image))
        file.commit();
    else
        file.cancelWriting();
}

QString fileNamePart(const QString &id)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_.-]{1,100}$"));
    if (safe.match(id).hasMatch() && !id.startsWith(QLatin1Char('.')))
        return id;
    return QString::fromLatin1(QCryptographicHash::hash(id.toUtf8(), QCryptographicHash::Sha1).toHex());
}

} // namespace

ThumbnailCache::ThumbnailCache(feedback::ScreenshotFetcher *fetcher, QObject *parent)
    : QObject(parent)
    , m_fetcher(fetcher)
    , m_diskDir(defaultDiskCacheDirectory())
{
    m_memory.setMaxCost(DefaultMemoryBytes);
    setDecodeThreads(std::clamp(QThread::idealThreadCount() - 1, 1, 4));
    m_pool.setThreadPriority(QThread::LowPriority);
    m_clock.start();
}

ThumbnailCache::~ThumbnailCache()
{
    ++m_generation;
    m_pool.clear();
    m_pool.waitForDone();
}

QString ThumbnailCache::defaultDiskCacheDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
           QStringLiteral("/feedback-thumbnails");
}

void ThumbnailCache::setFetcher(feedback::ScreenshotFetcher *fetcher)
{
    if (fetcher == m_fetcher)
        return;
    if (m_fetcher)
        m_fetcher->cancelPending(this);
    m_fetcher = fetcher;
    ++m_generation;
    m_queue.clear();
    m_active.clear();
    m_failed.clear();
}

void ThumbnailCache::setThumbnailSize(const QSize &size)
{
    if (size == m_size || size.isEmpty())
        return;
    m_size = size;
    ++m_generation;
    if (m_fetcher)
        m_fetcher->cancelPending(this);
    m_active.clear();
    m_memory.clear();
}

void ThumbnailCache::setMemoryLimit(qint64 bytes)
{
    m_memory.setMaxCost(std::max<qint64>(bytes, 1024 * 1024));
}

void ThumbnailCache::setDiskCacheDirectory(const QString &path)
{
    m_diskDir = path;
}

void ThumbnailCache::setMaxActive(int count)
{
    m_maxActive = std::max(1, count);
    pump();
}

void ThumbnailCache::setDecodeThreads(int count)
{
    m_pool.setMaxThreadCount(std::max(1, count));
}

QString ThumbnailCache::keyOf(const QString &submissionId, int index)
{
    return submissionId + QLatin1Char('#') + QString::number(index);
}

QString ThumbnailCache::diskPath(const QString &submissionId, int index) const
{
    if (m_diskDir.isEmpty())
        return {};
    return QStringLiteral("%1/%2-%3-%4x%5.thumb")
        .arg(m_diskDir, fileNamePart(submissionId))
        .arg(index)
        .arg(m_size.width())
        .arg(m_size.height());
}

QPixmap ThumbnailCache::thumbnail(const api::FeedbackSubmission &submission, int index)
{
    const QString key = keyOf(submission.id, index);
    if (const QPixmap *pixmap = m_memory.object(key))
        return *pixmap;
    if (index < 0 || index >= submission.screenshots.size() || m_failed.contains(key) ||
        m_active.contains(key))
        return {};
    const auto queued = std::find_if(m_queue.begin(), m_queue.end(),
                                     [&key](const Request &request) { return request.key == key; });
    if (queued != m_queue.end()) {
        if (queued != m_queue.begin()) {
            Request request = std::move(*queued);
            m_queue.erase(queued);
            m_queue.push_front(std::move(request));
        }
        return {};
    }
    ++m_stats.requested;
    m_queue.push_front({key, submission, index});
    while (int(m_queue.size()) > m_maxQueued) {
        m_queue.pop_back();
        ++m_stats.dropped;
    }
    // Work starts from the event loop, not from inside a paint event.
    QMetaObject::invokeMethod(this, &ThumbnailCache::pump, Qt::QueuedConnection);
    return {};
}

bool ThumbnailCache::contains(const QString &submissionId, int index) const
{
    return m_memory.contains(keyOf(submissionId, index));
}

bool ThumbnailCache::isLoading(const QString &submissionId, int index) const
{
    const QString key = keyOf(submissionId, index);
    return m_active.contains(key) ||
           std::any_of(m_queue.cbegin(), m_queue.cend(), [&key](const Request &r) { return r.key == key; });
}

QString ThumbnailCache::errorString(const QString &submissionId, int index) const
{
    return m_failed.value(keyOf(submissionId, index));
}

void ThumbnailCache::cancelQueued()
{
    m_stats.dropped += int(m_queue.size());
    m_queue.clear();
}

void ThumbnailCache::retryFailed()
{
    m_failed.clear();
}

void ThumbnailCache::clearMemory()
{
    m_memory.clear();
}

void ThumbnailCache::forget(const QString &submissionId)
{
    const QString prefix = submissionId + QLatin1Char('#');
    const QList<QString> keys = m_memory.keys();
    for (const QString &key : keys)
        if (key.startsWith(prefix))
            m_memory.remove(key);
    for (auto it = m_failed.begin(); it != m_failed.end();)
        it = it.key().startsWith(prefix) ? m_failed.erase(it) : std::next(it);
    if (m_diskDir.isEmpty())
        return;
    QDir dir(m_diskDir);
    const QStringList files =
        dir.entryList({fileNamePart(submissionId) + QStringLiteral("-*.thumb")}, QDir::Files);
    for (const QString &file : files)
        dir.remove(file);
}

void ThumbnailCache::resetStats()
{
    m_stats = ThumbnailStats();
    m_clock.restart();
}

void ThumbnailCache::waitForWorkers()
{
    m_pool.waitForDone();
}

void ThumbnailCache::pump()
{
    while (int(m_active.size()) < m_maxActive && !m_queue.empty()) {
        Request request = std::move(m_queue.front());
        m_queue.pop_front();
        if (m_memory.contains(request.key) || m_active.contains(request.key))
            continue;
        start(request);
    }
}

void ThumbnailCache::start(const Request &request)
{
    m_active.insert(request.key);
    const QString path = diskPath(request.submission.id, request.index);
    if (path.isEmpty() || !QFileInfo::exists(path)) {
        download(request);
        return;
    }
    const QSize box = m_size;
    const quint64 generation = m_generation;
    QtConcurrent::run(&m_pool, [path, box] {
        yieldToGuiThread();
        Decoded result;
        result.fromDisk = true;
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            result.image = readScaled(&file, box, &result.error);
        return result;
    }).then(this, [this, request, generation](const Decoded &result) {
        if (generation != m_generation)
            return;
        if (result.image.isNull()) {
            // A damaged cache file: load the image again (and overwrite it).
            download(request);
            return;
        }
        finish(request.key, result, generation);
    });
}

void ThumbnailCache::download(const Request &request)
{
    const quint64 generation = m_generation;
    if (!m_fetcher) {
        Decoded result;
        result.error = tr("Not connected.");
        finish(request.key, result, generation);
        return;
    }
    const QString path = diskPath(request.submission.id, request.index);
    const QSize box = m_size;
    const QString key = request.key;
    m_fetcher->fetch(request.submission, request.index, this,
                     [this, key, path, box, generation](const feedback::ScreenshotResult &fetched) {
                         if (generation != m_generation)
                             return;
                         if (!fetched.ok()) {
                             Decoded result;
                             result.error = fetched.errorString;
                             finish(key, result, generation);
                             return;
                         }
                         const QByteArray bytes = fetched.bytes;
                         QtConcurrent::run(&m_pool, [bytes, box, path] {
                             yieldToGuiThread();
                             QElapsedTimer timer;
                             timer.start();
                             Decoded result;
                             QBuffer buffer;
                             buffer.setData(bytes);
                             buffer.open(QIODevice::ReadOnly);
                             result.image = readScaled(&buffer, box, &result.error);
                             result.decodeMs = timer.elapsed();
                             if (!result.image.isNull())
                                 writeThumbnail(result.image, path);
                             else
                                 result.error = tr("The image could not be read: %1").arg(result.error);
                             return result;
                         }).then(this, [this, key, generation](const Decoded &result) {
                             finish(key, result, generation);
                         });
                     });
}

void ThumbnailCache::finish(const QString &key, const Decoded &result, quint64 generation)
{
    if (generation != m_generation)
        return;
    m_active.remove(key);
    const qsizetype hash = key.lastIndexOf(QLatin1Char('#'));
    const QString id = key.left(hash);
    const int index = key.mid(hash + 1).toInt();
    if (result.image.isNull()) {
        ++m_stats.failed;
        const QString error = result.error.isEmpty() ? tr("The image could not be loaded.") : result.error;
        m_failed.insert(key, error);
        emit thumbnailFailed(id, index, error);
    } else {
        if (result.fromDisk) {
            ++m_stats.fromDisk;
        } else {
            ++m_stats.decoded;
            m_stats.decodeMs += result.decodeMs;
            m_stats.maxDecodeMs = std::max(m_stats.maxDecodeMs, result.decodeMs);
        }
        noteDone();
        auto *pixmap = new QPixmap(QPixmap::fromImage(result.image));
        const qint64 cost = qint64(pixmap->width()) * pixmap->height() * std::max(1, pixmap->depth() / 8);
        m_memory.insert(key, pixmap, std::max<qint64>(cost, 1));
        emit thumbnailReady(id, index);
    }
    pump();
}

void ThumbnailCache::noteDone()
{
    const qint64 now = m_clock.elapsed();
    if (m_stats.firstDoneMs < 0)
        m_stats.firstDoneMs = now;
    m_stats.lastDoneMs = now;
}

} // namespace ascend::ui

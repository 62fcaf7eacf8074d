#include "core/upload/streamingmd5.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QThread>
#include <memory>
#include <openssl/evp.h>

namespace ascend::upload {

StreamingMd5::StreamingMd5(QString path, qint64 size, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_size(size)
{}

StreamingMd5::~StreamingMd5()
{
    if (!m_thread)
        return;
    {
        QMutexLocker lock(&m_mutex);
        m_stop = true;
        m_wake.wakeAll();
    }
    m_thread->disconnect(this);
    m_thread->wait();
    delete m_thread;
}

void StreamingMd5::start()
{
    if (m_thread)
        return;
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(QStringLiteral("md5"));
    connect(m_thread, &QThread::finished, this, &StreamingMd5::onWorkerDone);
    m_thread->start();
}

bool StreamingMd5::isRunning() const
{
    return m_thread && !m_finished;
}

bool StreamingMd5::offer(qint64 offset, const QByteArray &block)
{
    QMutexLocker lock(&m_mutex);
    if (m_stop || !m_thread)
        return false;
    const qint64 end = offset + block.size();

    if (end <= m_end && m_end - end <= SyncWindow)
        m_trailing.start();
    if (offset > m_end || end <= m_end)
        return false;
    const qint64 skip = m_end - offset;
    if (m_queuedBytes + (block.size() - skip) > QueueLimit)
        return false;
    m_queue.push_back({block, skip});
    m_queuedBytes += block.size() - skip;
    m_end = end;
    m_wake.wakeOne();
    return true;
}

void StreamingMd5::endOffers()
{
    QMutexLocker lock(&m_mutex);
    m_offersEnded = true;
    m_wake.wakeOne();
}

qint64 StreamingMd5::bytesFromOffers() const
{
    QMutexLocker lock(&m_mutex);
    return m_fromOffers;
}

qint64 StreamingMd5::bytesFromFile() const
{
    QMutexLocker lock(&m_mutex);
    return m_fromFile;
}

namespace {

// OpenSSL's MD5 (assembly on x86-64) is about 10 % faster than QCryptographicHash's, and the hash is what
// an upload over a fast link spends most of its CPU on.
class Md5 {
public:
    Md5() { m_ok = m_context && EVP_DigestInit_ex(m_context.get(), EVP_md5(), nullptr) == 1; }
    void addData(QByteArrayView data)
    {
        m_ok = m_ok && EVP_DigestUpdate(m_context.get(), data.data(), size_t(data.size())) == 1;
    }
    // Lowercase hex; empty if OpenSSL failed.
    QString resultHex()
    {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        if (!m_ok || EVP_DigestFinal_ex(m_context.get(), digest, &length) != 1)
            return {};
        return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex());
    }

private:
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> m_context{EVP_MD_CTX_new(), &EVP_MD_CTX_free};
    bool m_ok = false;
};

} // namespace

void StreamingMd5::run()
{
    Md5 hash;
    QFile file(m_path);
    QByteArray buffer;
    QString error;
    // Waiting: the uploads are expected to bring the next bytes. Reading: they did not within StallMs, so
    // the worker reads ahead from the file until an offered block continues where it stands again.
    bool reading = false;
    QMutexLocker lock(&m_mutex);
    while (!m_stop) {
        if (!m_queue.empty()) {
            Block block = std::move(m_queue.front());
            m_queue.pop_front();
            const qint64 bytes = block.data.size() - block.skip;
            m_queuedBytes -= bytes;
            reading = false;
            lock.unlock();
            hash.addData(QByteArrayView(block.data).sliced(block.skip));
            block.data = QByteArray(); // hand the buffer back to its uploader before taking the lock
            lock.relock();
            m_fromOffers += bytes;
            continue;
        }
        if (m_end >= m_size)
            break;
        if (reading && !m_offersEnded && m_trailing.isValid() && m_trailing.elapsed() < StallMs) {
            // An upload is close behind: let it catch up rather than reading what it brings anyway.
            m_trailing.invalidate();
            reading = false;
        }
        if (!reading && !m_offersEnded) {
            if (!m_wake.wait(&m_mutex, QDeadlineTimer(StallMs)) && m_queue.empty())
                reading = true;
            continue;
        }
        // Claim the next bytes first, so that blocks offered meanwhile queue up behind them.
        const qint64 at = m_end;
        const qint64 n = std::min(ReadSize, m_size - at);
        m_end += n;
        lock.unlock();
        if (!file.isOpen() && !file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
            error = file.errorString();
        } else {
            buffer.resize(n);
            qint64 got = file.seek(at) ? 0 : -1;
            while (got >= 0 && got < n) {
                const qint64 read = file.read(buffer.data() + got, n - got);
                got = read > 0 ? got + read : -1;
            }
            if (got == n)
                hash.addData(QByteArrayView(buffer.constData(), n));
            else
                error = file.errorString().isEmpty() || file.error() == QFileDevice::NoError
                            ? tr("%1 ended before %2 bytes").arg(m_path).arg(m_size)
                            : file.errorString();
        }
        lock.relock();
        if (!error.isEmpty())
            break;
        m_fromFile += n;
    }
    m_queue.clear();
    m_queuedBytes = 0;
    if (!m_stop) {
        m_workerError = error;
        if (error.isEmpty())
            m_workerResult = hash.resultHex();
        if (error.isEmpty() && m_workerResult.isEmpty())
            m_workerError = tr("OpenSSL could not compute the MD5.");
    }
}

void StreamingMd5::onWorkerDone()
{
    {
        QMutexLocker lock(&m_mutex);
        m_md5 = m_workerResult;
        m_error = m_workerError;
    }
    m_finished = true;
    emit finished(m_error.isEmpty() && !m_md5.isEmpty());
}

} // namespace ascend::upload

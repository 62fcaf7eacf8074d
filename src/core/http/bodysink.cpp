#include "core/http/bodysink.h"

#include "core/http/httplog.h"

#include <QDir>
#include <QFile>
#include <QTemporaryFile>

namespace ascend::http {

BodySink::BodySink(qint64 memoryLimit, bool toFile, qint64 expectedSize)
    : m_memoryLimit(memoryLimit)
{
    if (toFile)
        moveToFile();
    else if (expectedSize > 0 && expectedSize <= memoryLimit)
        m_memory.reserve(expectedSize);
}

BodySink::~BodySink()
{
    if (m_file)
        m_file->close();
    if (!m_path.isEmpty())
        QFile::remove(m_path);
}

bool BodySink::moveToFile()
{
    auto file =
        std::make_unique<QTemporaryFile>(QDir::tempPath() + QStringLiteral("/ascend-http-XXXXXX.body"));
    file->setAutoRemove(false); // lifetime is managed by path, the file outlives this object when taken
    if (!file->open()) {
        m_error = QStringLiteral("cannot create a temporary file in %1: %2")
                      .arg(QDir::tempPath(), file->errorString());
        return false;
    }
    m_path = file->fileName();
    m_file = std::move(file);
    if (!m_memory.isEmpty()) {
        if (m_file->write(m_memory) != m_memory.size()) {
            m_error = QStringLiteral("cannot write %1: %2").arg(m_path, m_file->errorString());
            return false;
        }
        m_memory = QByteArray();
    }
    qCDebug(lcHttp) << "spooling request body to" << m_path;
    return true;
}

bool BodySink::write(const char *data, qint64 length)
{
    if (!m_error.isEmpty())
        return false;
    if (!m_file && m_size + length > m_memoryLimit && !moveToFile())
        return false;
    if (m_file) {
        if (m_file->write(data, length) != length) {
            m_error = QStringLiteral("cannot write %1: %2").arg(m_path, m_file->errorString());
            return false;
        }
    } else {
        m_memory.append(data, length);
    }
    m_size += length;
    return true;
}

bool BodySink::finish()
{
    if (!m_error.isEmpty())
        return false;
    if (m_file) {
        if (!m_file->flush()) {
            m_error = QStringLiteral("cannot write %1: %2").arg(m_path, m_file->errorString());
            return false;
        }
        m_file->close();
        m_file.reset();
    }
    return true;
}

QByteArray BodySink::takeBody()
{
    return std::exchange(m_memory, QByteArray());
}

QString BodySink::takeFilePath()
{
    if (m_file) {
        m_file->close();
        m_file.reset();
    }
    return std::exchange(m_path, QString());
}

} // namespace ascend::http

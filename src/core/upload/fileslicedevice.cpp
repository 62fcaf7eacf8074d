#include "core/upload/fileslicedevice.h"

namespace ascend::upload {

FileSliceDevice::FileSliceDevice(const QString &path, qint64 offset, qint64 length, QObject *parent)
    : QIODevice(parent)
    , m_file(path)
    , m_offset(offset)
    , m_length(length)
{}

bool FileSliceDevice::open(OpenMode mode)
{
    if ((mode & QIODevice::WriteOnly) || m_offset < 0 || m_length < 0) {
        setErrorString(QStringLiteral("a file slice is read-only"));
        return false;
    }
    if (!m_file.open(QIODevice::ReadOnly)) {
        setErrorString(m_file.errorString());
        return false;
    }
    if (m_file.size() < m_offset + m_length) {
        setErrorString(QStringLiteral("%1 is shorter than the part [%2, %3)")
                           .arg(m_file.fileName())
                           .arg(m_offset)
                           .arg(m_offset + m_length));
        m_file.close();
        return false;
    }
    // Unbuffered: QIODevice's own buffer would copy every byte once more.
    return QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

void FileSliceDevice::close()
{
    m_file.close();
    QIODevice::close();
}

bool FileSliceDevice::seek(qint64 pos)
{
    if (pos < 0 || pos > m_length)
        return false;
    return QIODevice::seek(pos);
}

qint64 FileSliceDevice::readData(char *data, qint64 maxSize)
{
    const qint64 remaining = m_length - pos();
    if (remaining <= 0)
        return 0;
    if (!m_file.seek(m_offset + pos()))
        return -1;
    const qint64 read = m_file.read(data, std::min(maxSize, remaining));
    return read;
}

} // namespace ascend::upload

#include "core/api/singleusebody.h"

#include <cstring>

namespace ascend::api {

SingleUseBody::SingleUseBody(const QByteArray &data, QObject *parent)
    : QIODevice(parent)
    , m_data(data)
{
    open(QIODevice::ReadOnly);
}

qint64 SingleUseBody::bytesAvailable() const
{
    return (m_data.size() - m_offset) + QIODevice::bytesAvailable();
}

bool SingleUseBody::atEnd() const
{
    return m_offset >= m_data.size() && QIODevice::bytesAvailable() == 0;
}

bool SingleUseBody::reset()
{
    return m_offset == 0;
}

qint64 SingleUseBody::readData(char *data, qint64 maxSize)
{
    const qint64 left = m_data.size() - m_offset;
    if (left <= 0)
        return -1;
    const qint64 count = qMin(left, maxSize);
    std::memcpy(data, m_data.constData() + m_offset, size_t(count));
    m_offset += count;
    return count;
}

} // namespace ascend::api

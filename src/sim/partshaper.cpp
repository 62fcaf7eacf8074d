#include "sim/partshaper.h"

#include <QTimer>

namespace ascend::sim {

PartShaper::PartShaper(http::RequestHandler *inner, qint64 bytesPerSecond, int latencyMs, QObject *parent)
    : QObject(parent)
    , m_inner(inner)
    , m_bytesPerSecond(bytesPerSecond)
    , m_latencyMs(latencyMs)
{
    m_clock.start();
}

bool PartShaper::isPartPath(const QString &path)
{
    return path.startsWith(QLatin1String("/upload-parts/"));
}

http::HeadDecision PartShaper::inspectHead(const http::HttpRequest &head)
{
    if ((m_bytesPerSecond > 0 || m_latencyMs > 0) && isPartPath(head.path))
        m_headArrivals.insert(head.target, m_clock.elapsed());
    return m_inner->inspectHead(head);
}

void PartShaper::handle(const http::HttpRequest &request, http::Responder respond)
{
    const auto arrival = m_headArrivals.constFind(request.target);
    if (arrival == m_headArrivals.constEnd()) {
        m_inner->handle(request, std::move(respond));
        return;
    }
    qint64 dueMs = *arrival + m_latencyMs;
    if (m_bytesPerSecond > 0)
        dueMs += request.bodyLength * 1000 / m_bytesPerSecond;
    m_headArrivals.erase(arrival);
    const qint64 waitMs = dueMs - m_clock.elapsed();
    m_inner->handle(request, [this, waitMs, respond = std::move(respond)](http::HttpResponse response) {
        if (waitMs <= 0) {
            respond(std::move(response));
            return;
        }
        QTimer::singleShot(int(waitMs), this, [respond, response = std::move(response)]() mutable {
            respond(std::move(response));
        });
    });
}

} // namespace ascend::sim

#include "sim/partfaults.h"

#include "sim/partshaper.h"
#include "sim/simlogging.h"

#include <QTimer>

namespace ascend::sim {

PartFaults::PartFaults(http::RequestHandler *inner, double rate, QList<FaultKind> kinds, int stallMs,
                       QObject *parent)
    : QObject(parent)
    , m_inner(inner)
    , m_faults(rate, Seed, std::move(kinds))
    , m_stallMs(stallMs)
{}

http::HeadDecision PartFaults::inspectHead(const http::HttpRequest &head)
{
    http::HeadDecision decision = m_inner->inspectHead(head);
    if (decision.reject || !PartShaper::isPartPath(head.path))
        return decision;
    m_decided.remove(head.target); // left over from an earlier attempt whose client went away
    const auto kind = m_faults.nextKind();
    if (!kind)
        return decision;
    ++m_injected[*kind];
    if (*kind == FaultKind::ConnectionReset) {
        // Without a Content-Length (chunked) the reset comes before the body.
        const qint64 announced = qMax<qint64>(0, head.header("content-length").toLongLong());
        decision.resetAfterBodyBytes = announced / 2;
        qCInfo(lcSim).noquote() << "part fault: reset" << head.method << head.path << "after"
                                << decision.resetAfterBodyBytes << "of" << announced << "bytes";
        return decision;
    }
    m_decided.insert(head.target, *kind);
    return decision;
}

void PartFaults::handle(const http::HttpRequest &request, http::Responder respond)
{
    const auto decided = m_decided.constFind(request.target);
    if (decided == m_decided.constEnd() || !PartShaper::isPartPath(request.path)) {
        m_inner->handle(request, std::move(respond));
        return;
    }
    const FaultKind kind = *decided;
    m_decided.erase(decided);
    qCInfo(lcSim).noquote() << "part fault:" << faultKindName(kind) << request.method << request.path;
    if (kind == FaultKind::Stall) {
        QTimer::singleShot(m_stallMs, this, [respond = std::move(respond)] {
            respond(http::HttpResponse::connectionReset());
        });
        return;
    }
    respond(errorResponse(*faultError(kind)));
}

} // namespace ascend::sim

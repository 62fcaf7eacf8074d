#pragma once
// Network faults for presigned part uploads (--part-fault-rate, --part-fault-kinds), decided once per part
// request when its head arrives (FaultInjector, fixed seed):
//   500 / 503  the body is read, then answered with the error; the part is not stored
//   reset      the connection is reset (TCP RST, no answer) once half of the announced body has arrived
//   stall      the body is read, then nothing is answered; after stallMs (60 s) the connection is reset,
//              so a client without a timeout of its own does not hang for ever
// Sits in front of the API pipeline; other requests pass through untouched.

#include "core/http/httpmessage.h"
#include "sim/faultinjector.h"

#include <QHash>
#include <QObject>

namespace ascend::sim {

class PartFaults : public QObject, public http::RequestHandler {
    Q_OBJECT
public:
    static constexpr quint32 Seed = 0xB0A7u;
    static constexpr int DefaultStallMs = 60000;

    PartFaults(http::RequestHandler *inner, double rate, QList<FaultKind> kinds, int stallMs = DefaultStallMs,
               QObject *parent = nullptr);

    // Faults injected so far, per kind.
    int injected(FaultKind kind) const { return m_injected.value(kind); }

    http::HeadDecision inspectHead(const http::HttpRequest &head) override;
    void handle(const http::HttpRequest &request, http::Responder respond) override;

private:
    http::RequestHandler *m_inner;
    FaultInjector m_faults;
    int m_stallMs;
    QHash<QByteArray, FaultKind> m_decided; // request target → the fault drawn at its head (not for resets)
    QHash<FaultKind, int> m_injected;
};

} // namespace ascend::sim

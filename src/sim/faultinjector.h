#pragma once
// Decides which requests fail on purpose, so clients can exercise their retry paths: a fraction of them
// (rate), each with one of the configured kinds. The sequence is reproducible: the generator has a fixed
// seed.

#include "sim/apierror.h"

#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <optional>

namespace ascend::sim {

enum class FaultKind {
    InternalError,      // "500": 500 UNEXPECTED_ERROR
    ServiceUnavailable, // "503": 503 with Retry-After
    ConnectionReset,    // "reset": the connection drops while the request body arrives, no answer
    Stall,              // "stall": the request is read, then no answer until the client gives up
};

// The names used on the command line: "500", "503", "reset", "stall".
QString faultKindName(FaultKind kind);
// "500,503,reset" → kinds in that order (duplicates weigh more); nullopt and *error for an unknown or empty
// list.
std::optional<QList<FaultKind>> parseFaultKinds(const QString &list, QString *error);
// The API error a status kind answers with; nullopt for reset and stall.
std::optional<ApiError> faultError(FaultKind kind);

class FaultInjector {
public:
    static constexpr quint32 DefaultSeed = 0xA5C3D1u;
    static inline const QList<FaultKind> StatusKinds = {FaultKind::InternalError,
                                                        FaultKind::ServiceUnavailable};

    explicit FaultInjector(double rate = 0.0, quint32 seed = DefaultSeed,
                           QList<FaultKind> kinds = StatusKinds);

    double rate() const { return m_rate; }
    const QList<FaultKind> &kinds() const { return m_kinds; }
    // One draw per request: nullopt = no fault, else the kind (uniformly from the list).
    std::optional<FaultKind> nextKind();
    // For injectors of status kinds only (a reset or stall kind yields no error).
    std::optional<ApiError> nextFault();

private:
    double m_rate;
    QList<FaultKind> m_kinds;
    QRandomGenerator m_random;
};

} // namespace ascend::sim

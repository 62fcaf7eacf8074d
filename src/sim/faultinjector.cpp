#include "sim/faultinjector.h"

namespace ascend::sim {

QString faultKindName(FaultKind kind)
{
    switch (kind) {
    case FaultKind::InternalError:
        return QStringLiteral("500");
    case FaultKind::ServiceUnavailable:
        return QStringLiteral("503");
    case FaultKind::ConnectionReset:
        return QStringLiteral("reset");
    case FaultKind::Stall:
        return QStringLiteral("stall");
    }
    return {};
}

std::optional<QList<FaultKind>> parseFaultKinds(const QString &list, QString *error)
{
    static const QList<FaultKind> all = {FaultKind::InternalError, FaultKind::ServiceUnavailable,
                                         FaultKind::ConnectionReset, FaultKind::Stall};
    QList<FaultKind> kinds;
    for (const QString &item : list.split(QLatin1Char(','))) {
        const QString name = item.trimmed().toLower();
        const auto known = std::find_if(all.cbegin(), all.cend(),
                                        [&](FaultKind kind) { return faultKindName(kind) == name; });
        if (known == all.cend()) {
            *error = name.isEmpty()
                         ? QStringLiteral("an empty fault kind in '%1'").arg(list)
                         : QStringLiteral("unknown fault kind '%1' (known: 500, 503, reset, stall)")
                               .arg(item.trimmed());
            return std::nullopt;
        }
        kinds.append(*known);
    }
    return kinds;
}

std::optional<ApiError> faultError(FaultKind kind)
{
    switch (kind) {
    case FaultKind::InternalError:
        return errors::internalError();
    case FaultKind::ServiceUnavailable:
        return errors::serviceUnavailable();
    case FaultKind::ConnectionReset:
    case FaultKind::Stall:
        break;
    }
    return std::nullopt;
}

FaultInjector::FaultInjector(double rate, quint32 seed, QList<FaultKind> kinds)
    : m_rate(kinds.isEmpty() ? 0.0 : std::clamp(rate, 0.0, 1.0))
    , m_kinds(std::move(kinds))
    , m_random(seed)
{}

std::optional<FaultKind> FaultInjector::nextKind()
{
    if (m_rate <= 0.0)
        return std::nullopt;
    if (m_random.generateDouble() >= m_rate)
        return std::nullopt;
    return m_kinds.at(qsizetype(m_random.bounded(quint32(m_kinds.size()))));
}

std::optional<ApiError> FaultInjector::nextFault()
{
    const auto kind = nextKind();
    return kind ? faultError(*kind) : std::nullopt;
}

} // namespace ascend::sim

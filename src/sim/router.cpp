#include "sim/router.h"

namespace ascend::sim {
namespace {

QStringList splitPath(const QString &path)
{
    // "/v1/apps/1" → {"v1", "apps", "1"}; a trailing slash yields an empty last segment that never matches.
    QStringList segments = path.split(QLatin1Char('/'));
    if (!segments.isEmpty() && segments.first().isEmpty())
        segments.removeFirst();
    return segments;
}

bool isPlaceholder(const QString &segment)
{
    return segment.size() > 2 && segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'));
}

} // namespace

const Route &Router::add(Route route)
{
    auto entry = std::make_unique<Entry>();
    entry->segments = splitPath(route.pathTemplate);
    entry->route = std::move(route);
    m_entries.append(entry.get());
    m_storage.push_back(std::move(entry));
    return m_entries.last()->route;
}

const Route &Router::get(const QString &pathTemplate, const QString &operationId, const QString &resourceType,
                         Handler handler)
{
    Route route;
    route.method = "GET";
    route.pathTemplate = pathTemplate;
    route.operationId = operationId;
    route.resourceType = resourceType;
    route.handler = std::move(handler);
    return add(std::move(route));
}

bool Router::matchSegments(const QStringList &pattern, const QStringList &path, QHash<QString, QString> *out,
                           int *literalCount)
{
    if (pattern.size() != path.size())
        return false;
    QHash<QString, QString> parameters;
    int literals = 0;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QString &expected = pattern.at(i);
        const QString &actual = path.at(i);
        if (isPlaceholder(expected)) {
            if (actual.isEmpty())
                return false;
            parameters.insert(expected.mid(1, expected.size() - 2), actual);
        } else if (expected == actual) {
            ++literals;
        } else {
            return false;
        }
    }
    *out = parameters;
    *literalCount = literals;
    return true;
}

RouteMatch Router::match(const QByteArray &method, const QString &path) const
{
    RouteMatch result;
    const QStringList segments = splitPath(path);
    int bestForMethod = -1;
    int bestForPath = -1;
    for (const Entry *entry : m_entries) {
        QHash<QString, QString> parameters;
        int literals = 0;
        if (!matchSegments(entry->segments, segments, &parameters, &literals))
            continue;
        bestForPath = std::max(bestForPath, literals);
        if (entry->route.method == method) {
            if (literals > bestForMethod) {
                bestForMethod = literals;
                result.route = &entry->route;
                result.parameters = parameters;
            }
        }
    }
    if (bestForPath < 0)
        return result; // UnknownPath
    // A template with more literal segments for another method shadows a looser match for this one:
    // "/v1/builds/{id}" GET must not swallow a PATCH meant for a more specific path.
    if (result.route && bestForMethod == bestForPath) {
        result.status = RouteMatch::Status::Found;
        return result;
    }
    result.route = nullptr;
    result.parameters.clear();
    result.status = RouteMatch::Status::MethodNotAllowed;
    for (const Entry *entry : m_entries) {
        QHash<QString, QString> parameters;
        int literals = 0;
        if (matchSegments(entry->segments, segments, &parameters, &literals) && literals == bestForPath &&
            !result.allowedMethods.contains(entry->route.method)) {
            result.allowedMethods.append(entry->route.method);
        }
    }
    return result;
}

QList<const Route *> Router::routes() const
{
    QList<const Route *> out;
    for (const Entry *entry : m_entries)
        out.append(&entry->route);
    return out;
}

} // namespace ascend::sim

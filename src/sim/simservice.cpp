#include "sim/simservice.h"

#include "sim/apierror.h"
#include "sim/apikeys.h"
#include "sim/queryparser.h"
#include "sim/recorder.h"
#include "sim/simlogging.h"
#include "sim/speccatalog.h"
#include "sim/store.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTimer>

namespace ascend::sim {

SimService::SimService(Store &store, const KeyRing &keys, const SpecCatalog &catalog, ServiceOptions options,
                       QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_keys(keys)
    , m_catalog(catalog)
    , m_options(options)
    , m_verifier(keys)
    , m_rateLimiter(options.rateLimitPerHour)
    , m_faults(options.faultRate)
    , m_nowMs([] { return QDateTime::currentMSecsSinceEpoch(); })
{}

http::HeadDecision SimService::inspectHead(const http::HttpRequest &head)
{
    http::HeadDecision decision;
    const RouteMatch match = m_router.match(head.method, head.path);
    if (match.route) {
        decision.maxBodyBytes = match.route->maxBodyBytes;
        if (match.route->body == BodyPolicy::None)
            decision.maxBodyBytes = MaxUnusedBodyBytes;
        decision.spoolBodyToFile = match.route->body == BodyPolicy::Stream;
    }
    return decision;
}

void SimService::handle(const http::HttpRequest &request, http::Responder respond)
{
    QElapsedTimer timer;
    timer.start();
    const http::HttpResponse response = process(request);
    qCDebug(lcSim).noquote() << request.method << request.path << "→" << response.status;
    if (m_recorder)
        m_recorder->record(request, response, timer.elapsed());
    if (m_options.latencyMs > 0) {
        QTimer::singleShot(m_options.latencyMs, this,
                           [respond = std::move(respond), response] { respond(response); });
        return;
    }
    respond(response);
}

http::HttpResponse SimService::process(const http::HttpRequest &request)
{
    const RouteMatch match = m_router.match(request.method, request.path);
    const bool needsAuth = !(match.route && !match.route->requiresAuth);
    if (!needsAuth)
        return dispatch(request, match, QString());

    const qint64 now = m_nowMs();
    const JwtCheck check =
        m_verifier.verify(request.header("Authorization"), request.method, request.path, request.query);
    if (!check.ok) {
        qCDebug(lcSim).noquote() << "401 for" << request.method << request.path << "-" << check.failure;
        http::HttpResponse response = errorResponse(errors::notAuthorized(check.failure));
        response.setHeader(
            "X-Rate-Limit",
            m_rateLimiter.peek(m_keys.find(check.keyId) ? check.keyId : QString(), now).header());
        return response;
    }
    const RateDecision rate = m_rateLimiter.consume(check.keyId, now);
    http::HttpResponse response;
    if (!rate.allowed) {
        response = errorResponse(errors::rateLimitExceeded(rate.limit));
    } else if (const auto fault = m_faults.nextFault()) {
        response = errorResponse(*fault);
        if (fault->status == 503)
            response.setHeader("Retry-After", "1");
    } else {
        response = dispatch(request, match, check.keyId);
    }
    response.setHeader("X-Rate-Limit", rate.header());
    return response;
}

http::HttpResponse SimService::dispatch(const http::HttpRequest &request, const RouteMatch &match,
                                        const QString &keyId)
{
    if (match.status == RouteMatch::Status::UnknownPath)
        return errorResponse(errors::pathNotFound(request.path));
    if (match.status == RouteMatch::Status::MethodNotAllowed) {
        http::HttpResponse response = errorResponse(errors::methodNotAllowed(request.method, request.path));
        response.setHeader("Allow", match.allowedMethods.join(QByteArrayLiteral(", ")));
        return response;
    }

    const Route &route = *match.route;
    ApiRequest apiRequest;
    apiRequest.http = &request;
    apiRequest.route = &route;
    apiRequest.pathParameters = match.parameters;
    apiRequest.baseUrl = m_baseUrl;
    apiRequest.keyId = keyId;
    if (!route.operationId.isEmpty()) {
        apiRequest.operation = m_catalog.operation(route.operationId);
        if (!apiRequest.operation) {
            qCWarning(lcSim) << "route" << route.pathTemplate
                             << "names an operation missing from the spec extract:" << route.operationId;
            return errorResponse(errors::internalError());
        }
        QList<ApiError> problems;
        const QueryParser parser(*apiRequest.operation, m_catalog.resource(route.resourceType));
        if (!parser.parse(request.query, &apiRequest.query, &problems))
            return errorResponse(problems);
    }
    if (route.body == BodyPolicy::Json) {
        QJsonParseError parseError;
        apiRequest.body = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return errorResponse(errors::bodyNotJson(
                QStringLiteral("%1 at offset %2").arg(parseError.errorString()).arg(parseError.offset)));
        if (!apiRequest.body.isObject())
            return errorResponse(errors::bodyNotJson(QStringLiteral("the document is not a JSON object")));
    }

    const quint64 revision = m_store.revision();
    http::HttpResponse response = route.handler(apiRequest);
    if (m_store.revision() != revision)
        emit storeChanged();
    return response;
}

} // namespace ascend::sim

#include "core/api/apireply.h"

#include "core/api/apiclient.h"
#include "core/api/apilogging.h"
#include "core/api/singleusebody.h"
#include "core/auth/tokensource.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRandomGenerator>

namespace ascend::api {
namespace {
using Failure = AttemptOutcome::Failure;

// Errors that happen before any byte of the request reached a server.
bool isConnectFailure(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
        return true;
    default:
        return false;
    }
}

const char *kindName(Failure failure)
{
    switch (failure) {
    case Failure::None:
        return "http";
    case Failure::ConnectFailed:
        return "connect";
    case Failure::Transport:
        return "transport";
    case Failure::Timeout:
        return "timeout";
    }
    return "";
}
} // namespace

ApiReply::ApiReply(ApiClient *client, const ApiRequest &request)
    : QObject(client)
    , m_client(client)
    , m_request(request)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ApiReply::sendAttempt);
    if (m_request.body)
        m_body = QJsonDocument(*m_request.body).toJson(QJsonDocument::Compact);
}

ApiReply::~ApiReply()
{
    if (m_network) {
        m_network->disconnect(this);
        if (m_bodyDevice)
            m_bodyDevice->setParent(m_network); // the network layer may still hold it
        m_network->abort();
        m_network->deleteLater();
    }
}

QByteArray ApiReply::rawHeader(const QByteArray &name) const
{
    for (const auto &header : m_headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

void ApiReply::abort()
{
    if (m_finished)
        return;
    m_cancelled = true;
    m_retryTimer.stop();
    if (m_network) {
        // Emits QNetworkReply::finished synchronously; onNetworkFinished() then reports the cancellation.
        m_network->abort();
        if (m_finished)
            return;
    }
    finish(ApiError::cancelled());
}

QString ApiReply::logUrl() const
{
    // Query strings of unauthenticated (presigned) URLs can carry signatures: leave them out.
    const QUrl::FormattingOptions options = m_request.authenticated
                                                ? QUrl::FormattingOptions(QUrl::RemoveUserInfo)
                                                : QUrl::RemoveUserInfo | QUrl::RemoveQuery;
    return m_url.adjusted(options).toString();
}

void ApiReply::sendAttempt()
{
    if (m_finished || m_cancelled)
        return;
    if (!m_client) {
        finish(ApiError::config(tr("The API client was deleted before the request was sent.")));
        return;
    }
    if (!m_request.query.isValid()) {
        finish(ApiError::config(
            tr("Invalid request %1: %2").arg(m_request.describe(), m_request.query.errorString())));
        return;
    }
    QString resolveError;
    m_url = m_client->resolve(m_request, &resolveError);
    if (!m_url.isValid()) {
        finish(ApiError::config(resolveError));
        return;
    }

    QNetworkRequest request(m_url);
    // ASC does not redirect API calls; following one would also carry the token along. (Qt 6.4's
    // redirect handling also resends requests after a redirect with a body on a kept-alive connection.)
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    m_timeout = m_request.timeout.count() > 0 ? m_request.timeout : m_client->defaultTimeout();
    request.setTransferTimeout(int(m_timeout.count()));
    request.setRawHeader("Accept", "application/json");
    if (!m_client->userAgent().isEmpty())
        request.setRawHeader("User-Agent", m_client->userAgent());
    if (m_request.body)
        request.setRawHeader("Content-Type", "application/json");

    if (m_request.authenticated) {
        if (!m_client->isSameOrigin(m_url)) {
            finish(ApiError::config(
                tr("Refusing to send the API token to %1: it is not the configured server %2.")
                    .arg(m_url.host(), m_client->baseUrl().host())));
            return;
        }
        auth::TokenSource *tokens = m_client->tokenSource();
        if (!tokens) {
            finish(ApiError::auth(tr("no API key is configured")));
            return;
        }
        const QByteArray token = tokens->bearerToken();
        if (token.isEmpty()) {
            finish(ApiError::auth(tokens->errorString()));
            return;
        }
        request.setRawHeader("Authorization", "Bearer " + token);
    }
    for (const auto &header : m_request.headers)
        request.setRawHeader(header.first, header.second);

    QNetworkAccessManager *network = m_client->networkAccessManager();
    const QByteArray method = m_request.method.toUpper();
    QNetworkReply *reply = nullptr;
    if (method == "GET" && !m_request.body)
        reply = network->get(request);
    else if (method == "HEAD" && !m_request.body)
        reply = network->head(request);
    else if (method == "DELETE" && !m_request.body)
        reply = network->deleteResource(request);
    else if (RetryPolicy::isIdempotent(method))
        reply = network->sendCustomRequest(request, method, m_body);
    else {
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_body.size());
        m_bodyDevice = new SingleUseBody(m_body, this);
        reply = network->sendCustomRequest(request, method, m_bodyDevice);
    }

    ++m_attempt;
    ++m_client->m_requestCount;
    m_network = reply;
    m_attemptTimer.start();
    connect(reply, &QNetworkReply::finished, this, &ApiReply::onNetworkFinished);
    qCDebug(lcAscendApi).noquote() << method << logUrl() << "attempt" << m_attempt;
}

void ApiReply::onNetworkFinished()
{
    QNetworkReply *reply = m_network;
    if (!reply)
        return;
    m_network = nullptr;
    reply->disconnect(this);
    reply->deleteLater();
    // Whether a byte of a non-idempotent body left; the device itself goes with the network reply.
    const bool bodyUnread = m_bodyDevice && !m_bodyDevice->wasRead() && !m_body.isEmpty();
    if (m_bodyDevice) {
        m_bodyDevice->setParent(reply);
        m_bodyDevice = nullptr;
    }

    const QNetworkReply::NetworkError networkError = reply->error();
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    const qint64 elapsed = m_attemptTimer.elapsed();

    if (m_cancelled) {
        qCDebug(lcAscendApi).noquote() << m_request.method << logUrl() << "cancelled";
        finish(ApiError::cancelled());
        return;
    }

    AttemptOutcome outcome;
    outcome.method = m_request.method.toUpper();
    outcome.attempt = m_attempt;
    outcome.authenticated = m_request.authenticated;
    outcome.reauthenticated = m_reauthenticated;

    ApiError error;
    if (status == 0) {
        // No HTTP response at all.
        m_httpStatus = 0;
        m_headers.clear();
        m_rawBody.clear();
        m_document = {};
        if (networkError == QNetworkReply::TimeoutError ||
            networkError == QNetworkReply::OperationCanceledError) {
            // Qt reports its transfer timeout as a cancellation; ours are flagged with m_cancelled above.
            outcome.failure = Failure::Timeout;
            error = ApiError::timeout(
                tr("No progress for %1 seconds.").arg(double(m_timeout.count()) / 1000.0), m_url);
        } else {
            // A connection that broke before the body was read cannot have delivered the request.
            const bool notSent = isConnectFailure(networkError) || bodyUnread;
            outcome.failure = notSent ? Failure::ConnectFailed : Failure::Transport;
            QString description = reply->errorString();
            if (!notSent && !RetryPolicy::isIdempotent(outcome.method))
                description = tr("the connection closed before the server answered, and the request was not "
                                 "repeated because it may already have taken effect");
            error = ApiError::network(description, m_url);
        }
        qCDebug(lcAscendApi).noquote()
            << m_request.method << logUrl() << "failed:" << kindName(outcome.failure) << reply->errorString()
            << "after" << elapsed << "ms";
    } else {
        m_httpStatus = status;
        m_headers = reply->rawHeaderPairs();
        m_rawBody = reply->readAll();
        outcome.httpStatus = status;
        qCDebug(lcAscendApi).noquote() << m_request.method << logUrl() << "->" << status << "in" << elapsed
                                       << "ms," << m_rawBody.size() << "bytes";

        const QByteArray rateLimit = reply->rawHeader(RateLimitState::HeaderName);
        if (!rateLimit.isEmpty() && m_client)
            m_client->noteRateLimit(rateLimit);

        QString parseError;
        // Redirects are not followed, so a 3xx is not a success either.
        if (status >= 200 && status < 300) {
            m_document = {};
            if (m_request.expectJsonApi && !m_rawBody.trimmed().isEmpty()) {
                auto document = jsonapi::Document::parse(m_rawBody, &parseError);
                if (!document) {
                    finish(ApiError::decode(parseError, status, m_url));
                    return;
                }
                m_document = *document;
            }
            finish(ApiError());
            return;
        }

        auto document = jsonapi::Document::parse(m_rawBody, &parseError);
        m_document = document ? *document : jsonapi::Document();
        error = ApiError::http(status, m_document.errors(), m_url);
        const QByteArray retryAfter = reply->rawHeader("Retry-After");
        if (!retryAfter.isEmpty())
            outcome.retryAfter = RetryPolicy::parseRetryAfter(retryAfter);
    }

    if (!m_client) {
        finish(error);
        return;
    }
    const RetryDecision decision =
        m_client->retryPolicy().decide(outcome, QRandomGenerator::global()->generateDouble());
    switch (decision.action) {
    case RetryDecision::Action::Finish:
        finish(error);
        return;
    case RetryDecision::Action::Reauthenticate:
        qCInfo(lcAscendApi).noquote()
            << m_request.describe() << "was refused (401); retrying once with a new token";
        m_reauthenticated = true;
        if (auto *tokens = m_client->tokenSource())
            tokens->invalidate();
        m_retryTimer.start(0);
        return;
    case RetryDecision::Action::Retry:
        scheduleRetry(decision.delay, decision.reason);
        return;
    }
}

void ApiReply::scheduleRetry(Milliseconds delay, const char *reason)
{
    qCInfo(lcAscendApi).noquote() << QStringLiteral("retrying %1 in %2 ms (%3; attempt %4 of %5)")
                                         .arg(m_request.describe())
                                         .arg(delay.count())
                                         .arg(QLatin1String(reason))
                                         .arg(m_attempt + 1)
                                         .arg(m_client->retryPolicy().maxAttempts);
    m_retryTimer.start(int(std::min<qint64>(delay.count(), std::numeric_limits<int>::max())));
}

void ApiReply::finish(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_retryTimer.stop();
    m_error = error;
    if (error.isError() && error.kind != ApiError::Kind::Cancelled)
        qCDebug(lcAscendApi).noquote() << m_request.describe() << "failed:" << error.message();
    Q_EMIT finished();
}

} // namespace ascend::api

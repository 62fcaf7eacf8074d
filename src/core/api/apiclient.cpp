#include "core/api/apiclient.h"

#include "core/api/apilogging.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTimer>

namespace ascend::api {

QUrl ApiClient::defaultBaseUrl()
{
    return QUrl(QStringLiteral("https://api.appstoreconnect.apple.com"));
}

ApiClient::ApiClient(auth::TokenSource *tokens, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_tokens(tokens)
    , m_baseUrl(defaultBaseUrl())
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    else if (!m_network->parent())
        m_network->setParent(this);
    const QString version = QCoreApplication::applicationVersion();
    m_userAgent = "Ascend/" + (version.isEmpty() ? QByteArray("0") : version.toUtf8());
}

ApiClient::~ApiClient() = default;

void ApiClient::setBaseUrl(const QUrl &baseUrl)
{
    m_baseUrl = baseUrl;
}

ApiReply *ApiClient::send(const ApiRequest &request)
{
    auto *reply = new ApiReply(this, request);
    // Deferred so the caller can connect to finished() even when the request fails before sending.
    QMetaObject::invokeMethod(reply, &ApiReply::sendAttempt, Qt::QueuedConnection);
    return reply;
}

QUrl ApiClient::resolve(const ApiRequest &request, QString *errorString) const
{
    QUrl url;
    if (request.isAbsolute()) {
        url = QUrl(request.path, QUrl::TolerantMode);
    } else {
        if (!m_baseUrl.isValid() || m_baseUrl.host().isEmpty()) {
            if (errorString)
                *errorString = tr("The server address \"%1\" is not a valid URL.").arg(m_baseUrl.toString());
            return {};
        }
        QString path = request.path;
        QString existingQuery;
        const qsizetype question = path.indexOf(QLatin1Char('?'));
        if (question >= 0) {
            existingQuery = path.mid(question + 1);
            path.truncate(question);
        }
        if (!path.startsWith(QLatin1Char('/')))
            path.prepend(QLatin1Char('/'));
        QString basePath = m_baseUrl.path(QUrl::FullyEncoded);
        while (basePath.endsWith(QLatin1Char('/')))
            basePath.chop(1);
        url = m_baseUrl.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
        url.setPath(basePath + path, QUrl::TolerantMode);
        if (!existingQuery.isEmpty())
            url.setQuery(existingQuery, QUrl::TolerantMode);
    }
    if (!url.isValid() || url.host().isEmpty()) {
        if (errorString)
            *errorString = tr("\"%1\" is not a valid request URL.").arg(request.describe());
        return {};
    }
    if (!request.query.isEmpty()) {
        QString query = url.query(QUrl::FullyEncoded);
        if (!query.isEmpty())
            query += QLatin1Char('&');
        query += QString::fromLatin1(request.query.toEncoded());
        url.setQuery(query, QUrl::TolerantMode);
    }
    return url;
}

bool ApiClient::isSameOrigin(const QUrl &url) const
{
    const auto defaultPort = [](const QUrl &u) { return u.scheme() == QLatin1String("https") ? 443 : 80; };
    return url.scheme().compare(m_baseUrl.scheme(), Qt::CaseInsensitive) == 0 &&
           url.host().compare(m_baseUrl.host(), Qt::CaseInsensitive) == 0 &&
           url.port(defaultPort(url)) == m_baseUrl.port(defaultPort(m_baseUrl));
}

void ApiClient::noteRateLimit(const QByteArray &header)
{
    const RateLimitState state = RateLimitState::parse(header);
    if (!state.hasAnyValue()) {
        qCDebug(lcAscendApi) << "unreadable X-Rate-Limit header:" << header;
        return;
    }
    if (state == m_rateLimit)
        return;
    m_rateLimit = state;
    Q_EMIT rateLimitChanged(state);
}

bool waitForFinished(ApiReply *reply, int timeoutMs)
{
    if (!reply)
        return false;
    if (reply->isFinished())
        return true;
    QPointer<ApiReply> guard(reply);
    QEventLoop loop;
    QObject::connect(reply, &ApiReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QObject::destroyed, &loop, &QEventLoop::quit);
    QTimer timer;
    if (timeoutMs >= 0) {
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        timer.start(timeoutMs);
    }
    loop.exec();
    return guard && guard->isFinished();
}

} // namespace ascend::api

#include "sim/feedbackassets.h"

#include "sim/feedbackdevices.h"
#include "sim/feedbackscreenshot.h"
#include "sim/feedbackseeder.h"
#include "sim/simlogging.h"
#include "sim/store.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace ascend::sim {

namespace {

const QString kPrefix = QStringLiteral("/sim-assets/feedback/");

QString isoSeconds(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC).toString(Qt::ISODate);
}

QByteArray requestId()
{
    return QByteArray::number(QRandomGenerator::global()->generate64(), 16).toUpper().rightJustified(16, '0');
}

// S3's error document.
http::HttpResponse xmlError(int status, const char *code, const QString &message, const QString &extra = {})
{
    http::HttpResponse response;
    response.status = status;
    response.setHeader("Content-Type", "application/xml");
    response.body =
        QStringLiteral(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>%1</Code><Message>%2</Message>%3"
            "<RequestId>%4</RequestId></Error>")
            .arg(QString::fromLatin1(code), message.toHtmlEscaped(), extra, QString::fromLatin1(requestId()))
            .toUtf8();
    return response;
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    unsigned char difference = a.size() == b.size() ? 0 : 1;
    for (qsizetype i = 0; i < std::min(a.size(), b.size()); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

} // namespace

FeedbackAssets::FeedbackAssets(const Store &store, int urlTtlSeconds, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_ttlSeconds(urlTtlSeconds)
    , m_cache(CacheBytes)
{
    m_secret.resize(32);
    QRandomGenerator::system()->generate(m_secret.begin(), m_secret.end());
    m_pool.setMaxThreadCount(RenderThreads);
}

FeedbackAssets::~FeedbackAssets()
{
    m_pool.waitForDone();
}

bool FeedbackAssets::isAssetPath(const QString &path)
{
    return path.startsWith(kPrefix);
}

QByteArray FeedbackAssets::signature(const QString &path, qint64 expires) const
{
    const QByteArray message = "GET\n" + path.toUtf8() + '\n' + QByteArray::number(expires);
    return QMessageAuthenticationCode::hash(message, m_secret, QCryptographicHash::Sha256).toHex();
}

QString FeedbackAssets::signedUrl(const QString &baseUrl, const QString &submissionId, int index,
                                  const QString &format, qint64 expires) const
{
    const QString path = QStringLiteral("%1%2/%3.%4").arg(kPrefix, submissionId).arg(index).arg(format);
    return QStringLiteral("%1%2?expires=%3&signature=%4")
        .arg(baseUrl, path)
        .arg(expires)
        .arg(QString::fromLatin1(signature(path, expires)));
}

QJsonArray FeedbackAssets::screenshotsFor(const Record &submission, const QString &baseUrl) const
{
    const qint64 expires = QDateTime::currentSecsSinceEpoch() + m_ttlSeconds;
    QJsonArray out;
    const QJsonArray plan = submission.attributes.value(kScreenshotPlan).toArray();
    for (qsizetype i = 0; i < plan.size(); ++i) {
        const QJsonObject image = plan.at(i).toObject();
        out.append(QJsonObject{
            {QStringLiteral("url"), signedUrl(baseUrl, submission.id, int(i),
                                              image.value(QStringLiteral("format")).toString(), expires)},
            {QStringLiteral("width"), image.value(QStringLiteral("width")).toInt()},
            {QStringLiteral("height"), image.value(QStringLiteral("height")).toInt()},
            {QStringLiteral("expirationDate"), isoSeconds(expires)}});
    }
    return out;
}

ScreenshotSpec FeedbackAssets::specFor(const Record &submission, int index) const
{
    const QJsonObject image = submission.attributes.value(kScreenshotPlan).toArray().at(index).toObject();
    ScreenshotSpec spec;
    spec.submissionId = submission.id;
    spec.index = index;
    spec.width = image.value(QStringLiteral("width")).toInt();
    spec.height = image.value(QStringLiteral("height")).toInt();
    spec.format = image.value(QStringLiteral("format")).toString();
    spec.note = image.value(QStringLiteral("note")).toString();
    spec.deviceFamily = submission.attributes.value(QStringLiteral("deviceFamily")).toString();
    const DeviceProfile *device =
        deviceProfile(submission.attributes.value(QStringLiteral("deviceModel")).toString());
    const int widthPoints = submission.attributes.value(QStringLiteral("screenWidthInPoints")).toInt();
    spec.scale = device ? device->scale : (widthPoints > 0 ? std::max(1, spec.width / widthPoints) : 2);
    spec.dynamicIsland = device && device->dynamicIsland;
    if (const auto apps = m_store.related(submission, QStringLiteral("app")); !apps.isEmpty())
        spec.appName = apps.first()->attributes.value(QStringLiteral("name")).toString();
    return spec;
}

void FeedbackAssets::forget(const QString &submissionId)
{
    const QString prefix = submissionId + QLatin1Char('/');
    const QList<QString> keys = m_cache.keys();
    for (const QString &key : keys) {
        if (key.startsWith(prefix))
            m_cache.remove(key);
    }
}

http::HeadDecision FeedbackAssets::inspectHead(const http::HttpRequest &head)
{
    if (isAssetPath(head.path)) {
        http::HeadDecision decision;
        decision.maxBodyBytes = 0; // an image GET carries no body
        return decision;
    }
    return m_inner ? m_inner->inspectHead(head) : http::HeadDecision{};
}

http::HttpResponse FeedbackAssets::serve(const Cached &image, const QString &key, qint64 expires) const
{
    http::HttpResponse response;
    response.status = 200;
    response.body = image.bytes;
    response.setHeader("Content-Type", image.contentType);
    const qint64 remaining = std::max<qint64>(0, expires - QDateTime::currentSecsSinceEpoch());
    response.setHeader("Cache-Control", "private, max-age=" + QByteArray::number(remaining));
    response.setHeader("ETag",
                       '"' + QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Md5).toHex() + '"');
    response.setHeader("x-amz-request-id", requestId());
    return response;
}

void FeedbackAssets::handle(const http::HttpRequest &request, http::Responder respond)
{
    if (!isAssetPath(request.path)) {
        if (m_inner)
            m_inner->handle(request, std::move(respond));
        else
            respond(xmlError(404, "NoSuchKey", QStringLiteral("The specified key does not exist.")));
        return;
    }
    if (request.method != "GET") {
        http::HttpResponse response =
            xmlError(405, "MethodNotAllowed",
                     QStringLiteral("The specified method is not allowed against this resource."));
        response.setHeader("Allow", "GET");
        respond(response);
        return;
    }
    static const QRegularExpression pattern(
        QStringLiteral("^/sim-assets/feedback/([A-Za-z0-9_-]+)/(\\d{1,3})\\.(png|jpg)$"));
    const QRegularExpressionMatch match = pattern.match(request.path);
    const QString expiresText = request.query.queryItemValue(QStringLiteral("expires"));
    const QByteArray given = request.query.queryItemValue(QStringLiteral("signature")).toLatin1();
    if (!match.hasMatch()) {
        respond(xmlError(404, "NoSuchKey", QStringLiteral("The specified key does not exist.")));
        return;
    }
    if (expiresText.isEmpty() || given.isEmpty()) {
        respond(xmlError(
            403, "AccessDenied",
            QStringLiteral("Query-string authentication requires the signature and expires parameters")));
        return;
    }
    bool ok = false;
    const qint64 expires = expiresText.toLongLong(&ok);
    if (!ok || !constantTimeEquals(given.toLower(), signature(request.path, expires))) {
        respond(
            xmlError(403, "SignatureDoesNotMatch",
                     QStringLiteral("The request signature we calculated does not match the signature you "
                                    "provided.")));
        return;
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (now >= expires) {
        respond(xmlError(403, "AccessDenied", QStringLiteral("Request has expired"),
                         QStringLiteral("<Expires>%1</Expires><ServerTime>%2</ServerTime>")
                             .arg(isoSeconds(expires), isoSeconds(now))));
        return;
    }

    const QString id = match.captured(1);
    const int index = match.captured(2).toInt();
    const QString format = match.captured(3);
    const Record *submission = m_store.find(kScreenshotSubmissions, id);
    const QJsonArray plan =
        submission ? submission->attributes.value(kScreenshotPlan).toArray() : QJsonArray();
    if (!submission || index >= plan.size() ||
        plan.at(index).toObject().value(QStringLiteral("format")).toString() != format) {
        respond(xmlError(404, "NoSuchKey", QStringLiteral("The specified key does not exist.")));
        return;
    }

    const QString key = id + QLatin1Char('/') + QString::number(index);
    if (const Cached *cached = m_cache.object(key)) {
        respond(serve(*cached, key, expires));
        return;
    }
    auto waiting = m_waiting.find(key);
    if (waiting != m_waiting.end()) {
        waiting->append({std::move(respond), expires});
        return;
    }
    m_waiting.insert(key, {{std::move(respond), expires}});
    const ScreenshotSpec spec = specFor(*submission, index);
    m_pool.start([this, spec, key] {
        const QImage image = renderScreenshot(spec);
        const QByteArray bytes = encodeScreenshot(image, spec.format);
        const QByteArray contentType = screenshotContentType(spec.format);
        ++m_renders;
        QMetaObject::invokeMethod(
            this, [this, key, bytes, contentType] { finishRender(key, bytes, contentType); },
            Qt::QueuedConnection);
    });
}

void FeedbackAssets::finishRender(const QString &key, const QByteArray &bytes, const QByteArray &contentType)
{
    const QList<Waiter> waiters = m_waiting.take(key);
    if (bytes.isEmpty()) {
        qCWarning(lcSim).noquote() << "could not render the feedback screenshot" << key;
        for (const Waiter &waiter : waiters)
            waiter.respond(xmlError(500, "InternalError",
                                    QStringLiteral("We encountered an internal error. Please try again.")));
        return;
    }
    const Cached image{bytes, contentType};
    for (const Waiter &waiter : waiters)
        waiter.respond(serve(image, key, waiter.expires));
    m_cache.insert(key, new Cached(image), bytes.size());
}

} // namespace ascend::sim

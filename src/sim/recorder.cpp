#include "sim/recorder.h"

#include "sim/simlogging.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace ascend::sim {
namespace {

QJsonObject headersObject(const http::HeaderList &headers)
{
    QJsonObject out;
    for (const auto &[name, value] : headers) {
        const QString key = QString::fromLatin1(name);
        QString text = QString::fromLatin1(value);
        if (key.compare(QLatin1String("Authorization"), Qt::CaseInsensitive) == 0)
            text = QStringLiteral("[redacted]");
        const QString existing = out.value(key).toString();
        out.insert(key, existing.isEmpty() ? text : existing + QStringLiteral(", ") + text);
    }
    return out;
}

// Webhook create/update bodies carry the shared secret in data.attributes.secret; records never keep it.
QJsonObject withoutSecrets(QJsonObject document)
{
    QJsonObject data = document.value(QStringLiteral("data")).toObject();
    QJsonObject attributes = data.value(QStringLiteral("attributes")).toObject();
    if (!attributes.contains(QStringLiteral("secret")))
        return document;
    attributes.insert(QStringLiteral("secret"), QStringLiteral("[redacted]"));
    data.insert(QStringLiteral("attributes"), attributes);
    document.insert(QStringLiteral("data"), data);
    return document;
}

// The body as JSON when it is JSON and small enough, else its size.
void describeBody(QJsonObject &line, const QString &prefix, const QByteArray &body, qint64 length,
                  bool spooled)
{
    if (!spooled && !body.isEmpty() && body.size() <= Recorder::MaxInlineBodyBytes) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(body, &error);
        if (error.error == QJsonParseError::NoError) {
            line.insert(prefix + QStringLiteral("Body"), document.isObject()
                                                             ? QJsonValue(withoutSecrets(document.object()))
                                                             : QJsonValue(document.array()));
            return;
        }
    }
    line.insert(prefix + QStringLiteral("BodyBytes"), length);
}

} // namespace

bool Recorder::open(const QString &path, QString *error)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        *error = QStringLiteral("cannot open the record file %1: %2").arg(path, m_file.errorString());
        return false;
    }
    return true;
}

QJsonObject Recorder::describe(const http::HttpRequest &request, const http::HttpResponse &response,
                               qint64 durationMs)
{
    QJsonObject query;
    for (const auto &[name, value] : request.query.queryItems(QUrl::FullyDecoded))
        query.insert(name, value);
    QJsonObject line{
        {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("method"), QString::fromLatin1(request.method)},
        {QStringLiteral("path"), request.path},
        {QStringLiteral("query"), query},
        {QStringLiteral("requestHeaders"), headersObject(request.headers)},
        {QStringLiteral("status"), response.status},
        {QStringLiteral("responseHeaders"), headersObject(response.headers)},
        {QStringLiteral("durationMs"), durationMs},
    };
    const qint64 requestLength = request.bodyFilePath.isEmpty() ? request.body.size() : request.bodyLength;
    describeBody(line, QStringLiteral("request"), request.body, requestLength,
                 !request.bodyFilePath.isEmpty());
    describeBody(line, QStringLiteral("response"), response.body, response.body.size(), false);
    return line;
}

void Recorder::record(const http::HttpRequest &request, const http::HttpResponse &response, qint64 durationMs)
{
    if (!m_file.isOpen())
        return;
    const QByteArray line =
        QJsonDocument(describe(request, response, durationMs)).toJson(QJsonDocument::Compact);
    if (m_file.write(line + '\n') < 0 || !m_file.flush())
        qCWarning(lcSim) << "cannot write the record file:" << m_file.errorString();
}

} // namespace ascend::sim

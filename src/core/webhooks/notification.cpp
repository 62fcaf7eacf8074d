#include "core/webhooks/notification.h"

#include "core/webhooks/eventtypes.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QTimeZone>

namespace ascend::webhooks {

QString Notification::newState() const
{
    for (const char *key : {"newState", "newExternalBuildState", "newValue"}) {
        const QJsonValue value = attributes.value(QLatin1String(key));
        if (value.isString())
            return value.toString();
    }
    return {};
}

QDateTime parseLenientTimestamp(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$)"));
    const QRegularExpressionMatch m = pattern.match(text.trimmed());
    if (!m.hasMatch())
        return {};
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    int msec = 0;
    if (const QString fraction = m.captured(7); !fraction.isEmpty())
        msec = (fraction + QStringLiteral("00")).left(3).toInt();
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), msec);
    if (!date.isValid() || !time.isValid())
        return {};
    int offsetSeconds = 0;
    const QString zone = m.captured(8);
    if (!zone.isEmpty() && zone.compare(QLatin1String("z"), Qt::CaseInsensitive) != 0) {
        const int sign = zone.startsWith(QLatin1Char('-')) ? -1 : 1;
        QString digits = zone.mid(1);
        digits.remove(QLatin1Char(':'));
        const int hours = digits.left(2).toInt();
        const int minutes = digits.size() >= 4 ? digits.mid(2, 2).toInt() : 0;
        offsetSeconds = sign * (hours * 3600 + minutes * 60);
    }
    // No zone: ASC always sends one; treat a missing one as UTC rather than local time.
    return QDateTime(date, time, Qt::OffsetFromUTC, offsetSeconds).toUTC();
}

std::optional<Notification> decodeNotification(const QByteArray &body, QString *error)
{
    const auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(
            QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return fail(QStringLiteral("the body is not a JSON object"));
    const QJsonValue dataValue = document.object().value(QLatin1String("data"));
    if (!dataValue.isObject())
        return fail(QStringLiteral("\"data\" is missing or not an object"));
    const QJsonObject data = dataValue.toObject();

    Notification n;
    n.notificationType = data.value(QLatin1String("type")).toString();
    if (n.notificationType.isEmpty())
        return fail(QStringLiteral("\"data.type\" is missing or not a string"));
    n.id = data.value(QLatin1String("id")).toString();
    if (n.id.isEmpty())
        return fail(QStringLiteral("\"data.id\" is missing or not a string"));
    const QJsonValue version = data.value(QLatin1String("version"));
    if (!version.isUndefined() && !version.isDouble())
        return fail(QStringLiteral("\"data.version\" is not a number"));
    n.version = version.toInt();

    const QJsonValue attributes = data.value(QLatin1String("attributes"));
    if (!attributes.isUndefined() && !attributes.isObject())
        return fail(QStringLiteral("\"data.attributes\" is not an object"));
    n.attributes = attributes.toObject();
    const QJsonValue relationships = data.value(QLatin1String("relationships"));
    if (!relationships.isUndefined() && !relationships.isObject())
        return fail(QStringLiteral("\"data.relationships\" is not an object"));

    n.eventType = eventTypeForNotificationType(n.notificationType);
    n.ping = n.notificationType == QLatin1String(PingNotificationType);
    n.timestamp = parseLenientTimestamp(n.attributes.value(QLatin1String("timestamp")).toString());

    const QJsonObject rel = relationships.toObject();
    const QJsonObject instance = rel.value(QLatin1String("instance")).toObject();
    // Most examples nest the identifier under "data"; the background-asset ones put it on "instance".
    QJsonObject identifier = instance.value(QLatin1String("data")).toObject();
    if (identifier.isEmpty() && instance.contains(QLatin1String("type")))
        identifier = instance;
    n.instanceType = identifier.value(QLatin1String("type")).toString();
    n.instanceId = identifier.value(QLatin1String("id")).toString();
    n.instanceUrl = instance.value(QLatin1String("links")).toObject().value(QLatin1String("self")).toString();

    n.appId = n.attributes.value(QLatin1String("appId")).toString();
    if (n.appId.isEmpty()) {
        const QJsonObject app = rel.value(QLatin1String("marketplaceApp")).toObject();
        const QJsonObject appData = app.value(QLatin1String("data")).toObject();
        n.appId = (appData.isEmpty() ? app : appData).value(QLatin1String("id")).toString();
    }
    if (error)
        error->clear();
    return n;
}

} // namespace ascend::webhooks

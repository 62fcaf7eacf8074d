#include "sim/cursor.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ascend::sim {

QString encodeCursor(qsizetype offset)
{
    const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("offset"), QString::number(offset)}})
                                .toJson(QJsonDocument::Compact);
    return QString::fromLatin1(json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<qsizetype> decodeCursor(const QString &cursor)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    bool ok = false;
    const qsizetype offset = document.object().value(QLatin1String("offset")).toString().toLongLong(&ok);
    if (!ok || offset < 0)
        return std::nullopt;
    return offset;
}

} // namespace ascend::sim

#include "core/jsonapi/paging.h"

namespace ascend::jsonapi {

std::optional<Paging> Paging::fromMeta(const QJsonObject &meta)
{
    const QJsonValue value = meta.value(QLatin1String("paging"));
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    Paging paging;
    if (object.value(QLatin1String("total")).isDouble())
        paging.total = object.value(QLatin1String("total")).toInteger();
    paging.limit = object.value(QLatin1String("limit")).toInt();
    paging.nextCursor = object.value(QLatin1String("nextCursor")).toString();
    return paging;
}

QJsonObject Paging::toMeta() const
{
    QJsonObject paging{{QStringLiteral("limit"), limit}};
    if (total)
        paging.insert(QStringLiteral("total"), *total);
    if (!nextCursor.isEmpty())
        paging.insert(QStringLiteral("nextCursor"), nextCursor);
    return QJsonObject{{QStringLiteral("paging"), paging}};
}

} // namespace ascend::jsonapi

#include "core/jsonapi/links.h"

namespace ascend::jsonapi {
namespace {
QString linkString(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return value.toObject().value(QLatin1String("href")).toString();
    return {};
}
} // namespace

Links Links::fromJson(const QJsonValue &value)
{
    Links links;
    if (!value.isObject())
        return links;
    const QJsonObject object = value.toObject();
    links.self = linkString(object.value(QLatin1String("self")));
    links.related = linkString(object.value(QLatin1String("related")));
    links.first = linkString(object.value(QLatin1String("first")));
    links.next = linkString(object.value(QLatin1String("next")));
    return links;
}

QJsonObject Links::toJson() const
{
    QJsonObject object;
    if (!self.isEmpty())
        object.insert(QStringLiteral("self"), self);
    if (!related.isEmpty())
        object.insert(QStringLiteral("related"), related);
    if (!first.isEmpty())
        object.insert(QStringLiteral("first"), first);
    if (!next.isEmpty())
        object.insert(QStringLiteral("next"), next);
    return object;
}

} // namespace ascend::jsonapi

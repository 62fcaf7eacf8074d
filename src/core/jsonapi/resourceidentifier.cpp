#include "core/jsonapi/resourceidentifier.h"

namespace ascend::jsonapi {

QJsonObject ResourceIdentifier::toJson() const
{
    return QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("id"), id}};
}

std::optional<ResourceIdentifier> ResourceIdentifier::fromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    const QJsonValue type = object.value(QLatin1String("type"));
    const QJsonValue id = object.value(QLatin1String("id"));
    if (!type.isString() || !id.isString())
        return std::nullopt;
    return ResourceIdentifier{type.toString(), id.toString()};
}

} // namespace ascend::jsonapi

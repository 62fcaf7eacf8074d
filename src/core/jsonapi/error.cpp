#include "core/jsonapi/error.h"

#include <QJsonArray>

namespace ascend::jsonapi {

Error Error::make(int httpStatus, const QString &code, const QString &title, const QString &detail)
{
    Error error;
    error.status = QString::number(httpStatus);
    error.code = code;
    error.title = title;
    error.detail = detail;
    return error;
}

bool Error::codeIs(const QString &prefix) const
{
    return code == prefix || (code.startsWith(prefix) && code.at(prefix.size()) == QLatin1Char('.'));
}

QString Error::summary() const
{
    const QString t = title.trimmed();
    const QString d = detail.trimmed();
    if (t.isEmpty())
        return d;
    if (d.isEmpty() || d == t || d.startsWith(t))
        return d.isEmpty() ? t : d;
    return t + QStringLiteral(": ") + d;
}

Error Error::fromJson(const QJsonValue &value)
{
    Error error;
    const QJsonObject object = value.toObject();
    error.id = object.value(QLatin1String("id")).toString();
    const QJsonValue status = object.value(QLatin1String("status"));
    error.status = status.isDouble() ? QString::number(status.toInteger()) : status.toString();
    error.code = object.value(QLatin1String("code")).toString();
    error.title = object.value(QLatin1String("title")).toString();
    error.detail = object.value(QLatin1String("detail")).toString();
    const QJsonObject source = object.value(QLatin1String("source")).toObject();
    error.sourcePointer = source.value(QLatin1String("pointer")).toString();
    error.sourceParameter = source.value(QLatin1String("parameter")).toString();
    error.links = object.value(QLatin1String("links")).toObject();
    error.meta = object.value(QLatin1String("meta")).toObject();
    return error;
}

QList<Error> Error::listFromJson(const QJsonValue &errorsArray)
{
    QList<Error> errors;
    for (const QJsonValue &item : errorsArray.toArray()) {
        if (item.isObject())
            errors << fromJson(item);
    }
    return errors;
}

QJsonObject Error::toJson() const
{
    // status, code, title and detail are required by the spec, so they are always written.
    QJsonObject object{{QStringLiteral("status"), status},
                       {QStringLiteral("code"), code},
                       {QStringLiteral("title"), title},
                       {QStringLiteral("detail"), detail}};
    if (!id.isEmpty())
        object.insert(QStringLiteral("id"), id);
    // The spec's source is oneOf pointer | parameter: never both.
    if (!sourcePointer.isEmpty())
        object.insert(QStringLiteral("source"), QJsonObject{{QStringLiteral("pointer"), sourcePointer}});
    else if (!sourceParameter.isEmpty())
        object.insert(QStringLiteral("source"), QJsonObject{{QStringLiteral("parameter"), sourceParameter}});
    if (!links.isEmpty())
        object.insert(QStringLiteral("links"), links);
    if (!meta.isEmpty())
        object.insert(QStringLiteral("meta"), meta);
    return object;
}

} // namespace ascend::jsonapi

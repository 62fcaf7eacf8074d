#include "core/jsonapi/document.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonParseError>

namespace ascend::jsonapi {
namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ascend::jsonapi)
};

std::optional<Document> failWith(QString *errorString, const QString &message)
{
    if (errorString)
        *errorString = message;
    return std::nullopt;
}
} // namespace

std::optional<Document> Document::parse(const QByteArray &bytes, QString *errorString)
{
    if (bytes.trimmed().isEmpty())
        return failWith(errorString, Text::tr("the response body is empty"));
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failWith(
            errorString,
            Text::tr("invalid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    if (!json.isObject())
        return failWith(errorString, Text::tr("the JSON is not an object"));
    return fromJson(json.object(), errorString);
}

std::optional<Document> Document::fromJson(const QJsonObject &object, QString *errorString)
{
    const bool hasData = object.contains(QLatin1String("data"));
    const bool hasErrors = object.contains(QLatin1String("errors"));
    const bool hasMeta = object.contains(QLatin1String("meta"));
    if (!hasData && !hasErrors && !hasMeta)
        return failWith(errorString,
                        Text::tr("not a JSON:API document: it has none of \"data\", \"errors\" or \"meta\""));

    Document document;
    QString resourceError;
    if (hasData) {
        const QJsonValue data = object.value(QLatin1String("data"));
        if (data.isNull()) {
            document.m_dataKind = DataKind::Null;
        } else if (data.isArray()) {
            document.m_dataKind = DataKind::Collection;
            const QJsonArray array = data.toArray();
            document.m_data.reserve(array.size());
            for (qsizetype i = 0; i < array.size(); ++i) {
                auto resource = Resource::fromJson(array.at(i), &resourceError);
                if (!resource)
                    return failWith(errorString, QStringLiteral("data[%1]: %2").arg(i).arg(resourceError));
                document.m_data << *resource;
            }
        } else if (data.isObject()) {
            auto resource = Resource::fromJson(data, &resourceError);
            if (!resource)
                return failWith(errorString, QStringLiteral("data: %1").arg(resourceError));
            document.m_dataKind = DataKind::Single;
            document.m_data << *resource;
        } else {
            return failWith(errorString, Text::tr("\"data\" is neither an object, an array nor null"));
        }
    }

    const QJsonValue included = object.value(QLatin1String("included"));
    if (!included.isUndefined() && !included.isNull()) {
        if (!included.isArray())
            return failWith(errorString, Text::tr("\"included\" is not an array"));
        const QJsonArray array = included.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            auto resource = Resource::fromJson(array.at(i), &resourceError);
            if (!resource)
                return failWith(errorString, QStringLiteral("included[%1]: %2").arg(i).arg(resourceError));
            document.m_included << *resource;
        }
        document.rebuildIndex();
    }

    if (hasErrors) {
        const QJsonValue errors = object.value(QLatin1String("errors"));
        if (!errors.isArray())
            return failWith(errorString, Text::tr("\"errors\" is not an array"));
        document.m_errors = Error::listFromJson(errors);
    }

    document.m_links = Links::fromJson(object.value(QLatin1String("links")));
    document.m_meta = object.value(QLatin1String("meta")).toObject();
    return document;
}

Document Document::single(const Resource &resource)
{
    Document document;
    document.setResource(resource);
    return document;
}

Document Document::collection(const QList<Resource> &resources)
{
    Document document;
    document.setResources(resources);
    return document;
}

Document Document::errorDocument(const QList<Error> &errors)
{
    Document document;
    document.setErrors(errors);
    return document;
}

std::optional<Resource> Document::resource() const
{
    if (m_dataKind != DataKind::Single || m_data.isEmpty())
        return std::nullopt;
    return m_data.first();
}

const Resource *Document::findIncluded(const QString &type, const QString &id) const
{
    const auto it = m_includedIndex.constFind(ResourceIdentifier{type, id});
    if (it == m_includedIndex.constEnd())
        return nullptr;
    return &m_included.at(it.value());
}

QList<Resource> Document::includedFor(const Resource &resource, const QString &relationship) const
{
    QList<Resource> out;
    for (const auto &identifier : resource.relationship(relationship).data) {
        if (const Resource *found = findIncluded(identifier))
            out << *found;
    }
    return out;
}

void Document::setResource(const Resource &resource)
{
    m_dataKind = DataKind::Single;
    m_data = {resource};
}

void Document::setResources(const QList<Resource> &resources)
{
    m_dataKind = DataKind::Collection;
    m_data = resources;
}

void Document::setNullData()
{
    m_dataKind = DataKind::Null;
    m_data.clear();
}

void Document::clearData()
{
    m_dataKind = DataKind::Absent;
    m_data.clear();
}

void Document::setIncluded(const QList<Resource> &included)
{
    m_included = included;
    rebuildIndex();
}

bool Document::addIncluded(const Resource &resource)
{
    if (m_includedIndex.contains(resource.identifier()))
        return false;
    m_includedIndex.insert(resource.identifier(), m_included.size());
    m_included << resource;
    return true;
}

void Document::setPaging(const Paging &paging)
{
    m_meta.insert(QStringLiteral("paging"), paging.toMeta().value(QLatin1String("paging")));
}

void Document::rebuildIndex()
{
    m_includedIndex.clear();
    for (qsizetype i = 0; i < m_included.size(); ++i) {
        // The first occurrence wins when a server repeats a resource.
        if (!m_includedIndex.contains(m_included.at(i).identifier()))
            m_includedIndex.insert(m_included.at(i).identifier(), i);
    }
}

QJsonObject Document::toJson() const
{
    QJsonObject object;
    switch (m_dataKind) {
    case DataKind::Absent:
        break;
    case DataKind::Null:
        object.insert(QStringLiteral("data"), QJsonValue::Null);
        break;
    case DataKind::Single:
        object.insert(QStringLiteral("data"),
                      m_data.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(m_data.first().toJson()));
        break;
    case DataKind::Collection: {
        QJsonArray array;
        for (const auto &resource : m_data)
            array.append(resource.toJson());
        object.insert(QStringLiteral("data"), array);
        break;
    }
    }
    if (!m_included.isEmpty()) {
        QJsonArray array;
        for (const auto &resource : m_included)
            array.append(resource.toJson());
        object.insert(QStringLiteral("included"), array);
    }
    if (!m_errors.isEmpty()) {
        QJsonArray array;
        for (const auto &error : m_errors)
            array.append(error.toJson());
        object.insert(QStringLiteral("errors"), array);
    }
    if (!m_links.isEmpty())
        object.insert(QStringLiteral("links"), m_links.toJson());
    if (!m_meta.isEmpty())
        object.insert(QStringLiteral("meta"), m_meta);
    return object;
}

QByteArray Document::toBytes(QJsonDocument::JsonFormat format) const
{
    return QJsonDocument(toJson()).toJson(format);
}

} // namespace ascend::jsonapi

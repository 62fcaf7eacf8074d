#pragma once
// A JSON:API top-level document: primary data (one resource, many or null), included resources,
// links, meta (with paging) and errors.

#include "core/jsonapi/error.h"
#include "core/jsonapi/links.h"
#include "core/jsonapi/paging.h"
#include "core/jsonapi/resource.h"

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <optional>

namespace ascend::jsonapi {

class Document {
public:
    enum class DataKind { Absent, Null, Single, Collection };

    Document() = default;

    // Parses bytes; on failure returns nullopt and explains why in errorString
    // ("invalid JSON at offset 12: ...", "data[3]: a resource has no \"type\"", ...).
    static std::optional<Document> parse(const QByteArray &bytes, QString *errorString = nullptr);
    static std::optional<Document> fromJson(const QJsonObject &object, QString *errorString = nullptr);

    static Document single(const Resource &resource);
    static Document collection(const QList<Resource> &resources);
    static Document errorDocument(const QList<Error> &errors);

    DataKind dataKind() const { return m_dataKind; }
    bool isCollection() const { return m_dataKind == DataKind::Collection; }
    // The primary resource of a single-resource document (nullopt for null, absent or collections).
    std::optional<Resource> resource() const;
    // Every primary resource: empty, one, or the whole collection.
    const QList<Resource> &resources() const { return m_data; }

    const QList<Resource> &included() const { return m_included; }
    const Resource *findIncluded(const QString &type, const QString &id) const;
    const Resource *findIncluded(const ResourceIdentifier &identifier) const
    {
        return findIncluded(identifier.type, identifier.id);
    }
    // The included resources a relationship of `resource` points at, in linkage order; ids that were
    // not included are skipped.
    QList<Resource> includedFor(const Resource &resource, const QString &relationship) const;

    const Links &links() const { return m_links; }
    const QJsonObject &meta() const { return m_meta; }
    std::optional<Paging> paging() const { return Paging::fromMeta(m_meta); }

    bool hasErrors() const { return !m_errors.isEmpty(); }
    const QList<Error> &errors() const { return m_errors; }

    void setResource(const Resource &resource);
    void setResources(const QList<Resource> &resources);
    void setNullData();
    void clearData();
    void setIncluded(const QList<Resource> &included);
    // Adds a resource to "included" unless one with the same type and id is already there.
    bool addIncluded(const Resource &resource);
    void setLinks(const Links &links) { m_links = links; }
    void setMeta(const QJsonObject &meta) { m_meta = meta; }
    void setPaging(const Paging &paging);
    void setErrors(const QList<Error> &errors) { m_errors = errors; }

    QJsonObject toJson() const;
    QByteArray toBytes(QJsonDocument::JsonFormat format = QJsonDocument::Compact) const;

private:
    void rebuildIndex();

    DataKind m_dataKind = DataKind::Absent;
    QList<Resource> m_data;
    QList<Resource> m_included;
    QHash<ResourceIdentifier, qsizetype> m_includedIndex;
    Links m_links;
    QJsonObject m_meta;
    QList<Error> m_errors;
};

} // namespace ascend::jsonapi

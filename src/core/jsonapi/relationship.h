#pragma once
// A relationship object: linkage data (to-one, null, to-many or absent), links and meta.

#include "core/jsonapi/links.h"
#include "core/jsonapi/resourceidentifier.h"

#include <QJsonObject>
#include <QList>
#include <optional>

namespace ascend::jsonapi {

struct Relationship {
    // NoData: the relationship carries only links/meta (ASC omits "data" unless it was included or asked
    // for).
    enum class Kind { NoData, Null, ToOne, ToMany };

    Kind kind = Kind::NoData;
    QList<ResourceIdentifier> data; // one element for ToOne, any number for ToMany
    Links links;
    QJsonObject meta;

    static Relationship toOne(const ResourceIdentifier &identifier);
    static Relationship toMany(const QList<ResourceIdentifier> &identifiers);
    static Relationship null();

    bool hasData() const { return kind != Kind::NoData; }
    bool isToMany() const { return kind == Kind::ToMany; }
    std::optional<ResourceIdentifier> single() const;
    QString singleId() const;
    QStringList ids() const;

    // Tolerant: a non-object gives NoData; malformed identifiers inside "data" are skipped.
    static Relationship fromJson(const QJsonValue &value);
    QJsonObject toJson() const;
};

} // namespace ascend::jsonapi

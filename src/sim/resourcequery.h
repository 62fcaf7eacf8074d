#pragma once
// A validated request query: what to select (filters), in which order (sort), how much (limit, cursor),
// and how to shape it (fields, include, limit[...]).

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ascend::sim {

struct FilterTerm {
    enum class Kind {
        Id,               // filter[id]
        Attribute,        // filter[processingState]
        Relationship,     // filter[app]: related ids
        RelatedAttribute, // filter[preReleaseVersion.version]
        Exists,           // exists[usesNonExemptEncryption]: attribute set or relationship non-empty
    };
    QString parameter; // as given, for messages
    Kind kind = Kind::Attribute;
    QString relationship; // Relationship, RelatedAttribute
    QString attribute;    // Attribute, RelatedAttribute, Exists (an attribute or relationship name)
    QStringList values;
    bool exists = true;
};

struct SortTerm {
    QString key; // an attribute, or a relationship (ordered by the related record's sort attribute)
    bool descending = false;
};

struct ResourceQuery {
    QList<FilterTerm> filters;
    QList<SortTerm> sort;
    QStringList include;                // relationship names of the primary type
    QHash<QString, QStringList> fields; // resource type → requested fields (sparse fieldsets)
    QHash<QString, int> includeLimits;  // relationship → limit[relationship]
    int limit = 50;                     // page size for lists
    qsizetype offset = 0;               // from the cursor

    bool hasFieldset(const QString &type) const { return fields.contains(type); }
    bool wantsField(const QString &type, const QString &field) const
    {
        const auto it = fields.constFind(type);
        return it == fields.constEnd() || it->contains(field);
    }
};

} // namespace ascend::sim

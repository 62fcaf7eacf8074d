#pragma once
// The simulator's resources: JSON:API records kept per type in insertion order. Forward relationships
// (a build's app) are stored on the record; inverse ones (an app's builds) are declared once and answered
// from an index, so every relationship has one source of truth.

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ascend::sim {

struct Record {
    QString type;
    QString id;
    QJsonObject attributes;                    // absent attributes are simply not set
    QHash<QString, QStringList> relationships; // stored relationships: name → related ids
};

class Store {
public:
    // A relationship stored on records of `type` pointing at `targetType` (to-one when toMany is false).
    void defineRelationship(const QString &type, const QString &name, const QString &targetType, bool toMany);
    // `type`.`name` is answered by the records of sourceType whose `sourceRelationship` names the record.
    void defineInverse(const QString &type, const QString &name, const QString &sourceType,
                       const QString &sourceRelationship);

    // Inserts or replaces (keeping the position of the replaced record).
    void put(Record record);
    bool remove(const QString &type, const QString &id);
    void clear();

    const Record *find(const QString &type, const QString &id) const;
    QList<const Record *> all(const QString &type) const;
    qsizetype count(const QString &type) const;
    QStringList types() const;

    bool isKnownRelationship(const QString &type, const QString &name) const;
    QString relatedType(const QString &type, const QString &name) const; // empty when unknown
    // Ids of the related records in the order they were stored; empty when there are none or unknown.
    QStringList relatedIds(const Record &record, const QString &name) const;
    QList<const Record *> related(const Record &record, const QString &name) const;

    // Bumped by every change; persistence and caches compare it.
    quint64 revision() const { return m_revision; }

    QJsonObject toJson() const;
    bool loadJson(const QJsonObject &document, QString *error);

private:
    struct Collection {
        QList<Record> records;
        QHash<QString, qsizetype> index;
    };
    struct Relation {
        QString targetType;
        bool toMany = false;
        QString inverseOfType; // set for inverse relations
        QString inverseOfName;
    };
    using InverseIndex = QHash<QString, QStringList>; // target id → source ids

    const InverseIndex &inverseIndex(const QString &sourceType, const QString &sourceRelationship) const;
    static QString key(const QString &type, const QString &name) { return type + QLatin1Char('.') + name; }

    QHash<QString, Collection> m_collections;
    QHash<QString, Relation> m_relations; // "type.name" → relation
    mutable QHash<QString, InverseIndex> m_inverseIndexes;
    mutable quint64 m_indexedRevision = 0;
    quint64 m_revision = 1;
};

} // namespace ascend::sim

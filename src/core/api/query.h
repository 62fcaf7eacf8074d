#pragma once
// Query parameters in the spec's style (form, explode: false):
//   filter[bundleId]=a,b  fields[builds]=version,processingState  include=app  sort=-uploadedDate
//   limit=200  limit[betaGroups]=50  exists[usesNonExemptEncryption]=true
// Parameters keep their insertion order; setting a name again replaces its value in place.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <utility>

namespace ascend::api {

class Query {
public:
    static constexpr int DefaultMaxLimit = 200;       // "limit" on ASC list operations
    static constexpr int DefaultMaxRelatedLimit = 50; // most "limit[<relationship>]" parameters

    enum class BracketStyle { Literal, PercentEncoded };

    Query() = default;

    Query &filter(const QString &name, const QStringList &values);
    Query &filter(const QString &name, const QString &value) { return filter(name, QStringList{value}); }
    Query &fields(const QString &type, const QStringList &fieldNames);
    Query &include(const QStringList &relationships);
    Query &sort(const QString &key) { return sort(QStringList{key}); }
    Query &sort(const QStringList &keys);
    // n above max (200 unless the endpoint documents another maximum) or below 1 makes the query invalid.
    Query &limit(int n, int max = DefaultMaxLimit);
    Query &limit(const QString &relationship, int n, int max = DefaultMaxRelatedLimit);
    Query &exists(const QString &name, bool value = true);
    Query &param(const QString &name, const QString &value) { return param(name, QStringList{value}); }
    Query &param(const QString &name, const QStringList &values);
    Query &remove(const QString &name);

    bool isEmpty() const { return m_items.isEmpty(); }
    // False after a client-side mistake (limit out of range, empty names); errorString() says which.
    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }

    bool contains(const QString &name) const;
    // The comma-joined value of a parameter, or a null string when absent.
    QString value(const QString &name) const;
    QStringList values(const QString &name) const;
    // Decoded (name, comma-joined value) pairs in order.
    QList<std::pair<QString, QString>> items() const;

    // Percent-encoded query string without "?". Commas separating array items stay literal; a comma
    // inside one item is encoded as %2C.
    QByteArray toEncoded(BracketStyle brackets = BracketStyle::Literal) const;

    // Parses an encoded query string the way a server would: names and values are percent-decoded
    // (so "filter%5Bid%5D" and "filter[id]" are the same parameter) and values split on literal commas.
    static Query fromEncoded(const QByteArray &encoded);

    friend bool operator==(const Query &, const Query &) = default;

private:
    struct Item {
        QString name;
        QStringList values;
        friend bool operator==(const Item &, const Item &) = default;
    };
    Query &set(const QString &name, const QStringList &values);
    void fail(const QString &message);

    QList<Item> m_items;
    QString m_error;
};

} // namespace ascend::api

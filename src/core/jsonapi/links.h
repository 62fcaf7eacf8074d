#pragma once
// The links object of documents, resources and relationships (self, related, first, next).

#include <QJsonObject>
#include <QString>

namespace ascend::jsonapi {

struct Links {
    QString self;
    QString related;
    QString first;
    QString next;

    bool isEmpty() const { return self.isEmpty() && related.isEmpty() && first.isEmpty() && next.isEmpty(); }
    // Each link may be a string or a link object {"href": ...}; anything else is ignored.
    static Links fromJson(const QJsonValue &value);
    // Only the links that are set.
    QJsonObject toJson() const;

    friend bool operator==(const Links &, const Links &) = default;
};

} // namespace ascend::jsonapi

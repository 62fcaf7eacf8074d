#pragma once
// meta.paging of a list response (components.schemas.PagingInformation).

#include <QJsonObject>
#include <QString>
#include <optional>

namespace ascend::jsonapi {

struct Paging {
    std::optional<qint64> total;
    int limit = 0;
    QString nextCursor;

    // From a document's (or relationship's) meta object; nullopt when it has no "paging" object.
    static std::optional<Paging> fromMeta(const QJsonObject &meta);
    // {"paging": {...}}
    QJsonObject toMeta() const;

    friend bool operator==(const Paging &, const Paging &) = default;
};

} // namespace ascend::jsonapi

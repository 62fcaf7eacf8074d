#pragma once
// A JSON:API resource identifier object: {"type": ..., "id": ...}.

#include <QHashFunctions>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace ascend::jsonapi {

struct ResourceIdentifier {
    QString type;
    QString id;

    bool isValid() const { return !type.isEmpty() && !id.isEmpty(); }
    QJsonObject toJson() const;
    // Accepts any object with string "type" and "id"; other members are ignored.
    static std::optional<ResourceIdentifier> fromJson(const QJsonValue &value);

    friend bool operator==(const ResourceIdentifier &, const ResourceIdentifier &) = default;
};

inline size_t qHash(const ResourceIdentifier &key, size_t seed = 0) noexcept
{
    return qHashMulti(seed, key.type, key.id);
}

} // namespace ascend::jsonapi

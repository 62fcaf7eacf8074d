#pragma once
// How the simulator's resource types point at each other. Each relationship is stored on one side only;
// the other side is declared as its inverse. Add the relationships of a new resource type here.

#include <QString>

namespace ascend::sim {

class Store;

void defineRelations(Store &store);

// When a list is sorted by a relationship (sort=preReleaseVersion), records are ordered by this attribute
// of the related record.
QString sortAttributeOf(const QString &type);

} // namespace ascend::sim

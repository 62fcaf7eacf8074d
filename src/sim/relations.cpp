#include "sim/relations.h"

#include "sim/store.h"

namespace ascend::sim {

void defineRelations(Store &store) {
    const QString apps = QStringLiteral("apps");
    const QString builds = QStringLiteral("builds");
    const QString preReleaseVersions = QStringLiteral("preReleaseVersions");

    store.defineRelationship(builds, QStringLiteral("app"), apps, false);
    store.defineRelationship(builds, QStringLiteral("preReleaseVersion"), preReleaseVersions, false);
    store.defineRelationship(preReleaseVersions, QStringLiteral("app"), apps, false);

    store.defineInverse(apps, builds, builds, QStringLiteral("app"));
    store.defineInverse(apps, preReleaseVersions, preReleaseVersions, QStringLiteral("app"));
    store.defineInverse(preReleaseVersions, builds, builds, QStringLiteral("preReleaseVersion"));
}

QString sortAttributeOf(const QString &type) {
    if (type == QLatin1String("apps"))
        return QStringLiteral("name");
    if (type == QLatin1String("preReleaseVersions") || type == QLatin1String("builds"))
        return QStringLiteral("version");
    return {};
}

} // namespace ascend::sim

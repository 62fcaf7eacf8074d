#include "sim/endpoints.h"
#include "sim/resourceendpoints.h"

namespace ascend::sim {

void registerAppEndpoints(Router &router, ResourceEndpoints &resources)
{
    const QString apps = QStringLiteral("apps");
    router.get(QStringLiteral("/v1/apps"), QStringLiteral("apps_getCollection"), apps,
               resources.collection(apps));
    router.get(QStringLiteral("/v1/apps/{id}"), QStringLiteral("apps_getInstance"), apps,
               resources.instance(apps));
    router.get(QStringLiteral("/v1/apps/{id}/builds"), QStringLiteral("apps_builds_getToManyRelated"),
               QStringLiteral("builds"), resources.toManyRelated(apps, QStringLiteral("builds")));
    router.get(QStringLiteral("/v1/apps/{id}/preReleaseVersions"),
               QStringLiteral("apps_preReleaseVersions_getToManyRelated"),
               QStringLiteral("preReleaseVersions"),
               resources.toManyRelated(apps, QStringLiteral("preReleaseVersions")));
}

} // namespace ascend::sim

#include "sim/endpoints.h"
#include "sim/resourceendpoints.h"

namespace ascend::sim {

void registerPreReleaseVersionEndpoints(Router &router, ResourceEndpoints &resources)
{
    const QString versions = QStringLiteral("preReleaseVersions");
    router.get(QStringLiteral("/v1/preReleaseVersions"), QStringLiteral("preReleaseVersions_getCollection"),
               versions, resources.collection(versions));
    router.get(QStringLiteral("/v1/preReleaseVersions/{id}"),
               QStringLiteral("preReleaseVersions_getInstance"), versions, resources.instance(versions));
}

} // namespace ascend::sim

#include "sim/endpoints.h"
#include "sim/resourceendpoints.h"

namespace ascend::sim {

void registerBuildEndpoints(Router &router, ResourceEndpoints &resources)
{
    const QString builds = QStringLiteral("builds");
    router.get(QStringLiteral("/v1/builds"), QStringLiteral("builds_getCollection"), builds,
               resources.collection(builds));
    router.get(QStringLiteral("/v1/builds/{id}"), QStringLiteral("builds_getInstance"), builds,
               resources.instance(builds));
}

} // namespace ascend::sim

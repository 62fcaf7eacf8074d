#pragma once
// Route registration, one function per resource area. To add an endpoint: put its operationId into
// spec/extract_spec.py and regenerate spec/simspec.json, then register a route with that operationId in the
// area's file (a ResourceEndpoints handler or a handler of its own).

namespace ascend::sim {

class ResourceEndpoints;
class Router;

void registerAppEndpoints(Router &router, ResourceEndpoints &resources);
void registerBuildEndpoints(Router &router, ResourceEndpoints &resources);
void registerPreReleaseVersionEndpoints(Router &router, ResourceEndpoints &resources);

inline void registerAllEndpoints(Router &router, ResourceEndpoints &resources)
{
    registerAppEndpoints(router, resources);
    registerBuildEndpoints(router, resources);
    registerPreReleaseVersionEndpoints(router, resources);
}

} // namespace ascend::sim

#pragma once
// The webhook endpoints: CRUD on /v1/webhooks, GET /v1/apps/{id}/webhooks, deliveries of a webhook,
// POST /v1/webhookPings and POST /v1/webhookDeliveries (redelivery). Pings and redeliveries go out
// through the emitter.

namespace ascend::sim {

class ResourceEndpoints;
class Router;
class WebhookEmitter;

inline constexpr int MaxWebhooksPerApp = 10;

void registerWebhookEndpoints(Router &router, ResourceEndpoints &resources, WebhookEmitter &emitter);

} // namespace ascend::sim

// Request and response bodies for tst_webhookrequests, kept out of the file moc reads.
#include <QByteArray>

QByteArray expectedPingBody()
{
    return QByteArray(
        R"({"data":{"relationships":{"webhook":{"data":{"id":"w1","type":"webhooks"}}},"type":"webhookPings"}})");
}

QByteArray deliveriesDocument()
{
    return QByteArray(R"({"data":[{"type":"webhookDeliveries","id":"d1","attributes":{
            "createdDate":"2025-05-08T01:29:36.16Z","sentDate":"2025-05-08T01:29:37Z","deliveryState":"FAILED",
            "errorMessage":"HTTP 500","redelivery":true,"request":{"url":"https://e.com/h"},
            "response":{"httpStatusCode":500,"body":"oops"}},
            "relationships":{"event":{"data":{"type":"webhookEvents","id":"e1"}}}}],
          "included":[{"type":"webhookEvents","id":"e1","attributes":{"eventType":"BUILD_UPLOAD_STATE_UPDATED",
            "payload":"the body as sent","ping":false,"createdDate":"2025-05-08T01:29:36Z"}}],
          "links":{"self":"x"}})");
}

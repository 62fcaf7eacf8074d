#pragma once
// Makes presigned part uploads behave like a real network link: --part-bandwidth (bytes per second per
// connection) and --part-latency-ms. Sits in front of the request pipeline and holds each part's answer
// until the time the transfer would have taken since its request head arrived; other requests pass through.

#include "core/http/httpmessage.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

namespace ascend::sim {

class PartShaper : public QObject, public http::RequestHandler {
    Q_OBJECT
public:
    PartShaper(http::RequestHandler *inner, qint64 bytesPerSecond, int latencyMs, QObject *parent = nullptr);

    static bool isPartPath(const QString &path);

    http::HeadDecision inspectHead(const http::HttpRequest &head) override;
    void handle(const http::HttpRequest &request, http::Responder respond) override;

private:
    http::RequestHandler *m_inner;
    qint64 m_bytesPerSecond;
    int m_latencyMs;
    QElapsedTimer m_clock;
    QHash<QByteArray, qint64> m_headArrivals; // request target → ms on m_clock
};

} // namespace ascend::sim

// Runs a WebhookListener until killed: webhook_listener_helper DB_PATH, secret in $LISTENER_SECRET.
// Prints "PORT <n>" once listening.
#include "core/store/eventlog.h"
#include "core/webhooks/webhooklistener.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2)
        return 2;
    ascend::store::EventLog log;
    QString error;
    if (!log.open(QString::fromLocal8Bit(argv[1]), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    ascend::webhooks::WebhookListener listener(&log);
    listener.setSecrets({qgetenv("LISTENER_SECRET")});
    if (!listener.start({}, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    std::printf("PORT %u\n", unsigned(listener.port()));
    std::fflush(stdout);
    return app.exec();
}

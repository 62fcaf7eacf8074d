#include "stdinwatcher.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <cstdio>
#include <thread>

namespace ascend::sim {

void quitWhenStdinCloses()
{
    // A blocking read is the portable way to notice EOF; the thread is detached because it may still be
    // blocked when the process exits for another reason.
    std::thread([] {
        while (std::fgetc(stdin) != EOF) {
        }
        QMetaObject::invokeMethod(QCoreApplication::instance(), "quit", Qt::QueuedConnection);
    }).detach();
}

} // namespace ascend::sim

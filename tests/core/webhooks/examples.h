#pragma once

#include "core/asc/ascenums.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

struct DocumentedExample {
    const char *name;
    QByteArray body;
    ascend::asc::WebhookEventType type;
    QString id;
    QString instanceType;
    QString instanceId;
    QString newState;
    QDateTime timestamp;
};

QList<DocumentedExample> documentedExamples();

#pragma once
// --record FILE: one JSON line per exchange (method, path, query, request headers with Authorization
// redacted, request body or its byte count, status, response headers, response body or its byte count).

#include "core/http/httpmessage.h"

#include <QFile>
#include <QJsonObject>
#include <QString>

namespace ascend::sim {

class Recorder {
public:
    static constexpr qsizetype MaxInlineBodyBytes = 1024 * 1024;

    bool open(const QString &path, QString *error);
    bool isOpen() const { return m_file.isOpen(); }
    void record(const http::HttpRequest &request, const http::HttpResponse &response, qint64 durationMs);

    // The line's content, without writing it.
    static QJsonObject describe(const http::HttpRequest &request, const http::HttpResponse &response,
                                qint64 durationMs);

private:
    QFile m_file;
};

} // namespace ascend::sim

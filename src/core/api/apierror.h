#pragma once
// Why a request failed, as data: the kind of failure, the HTTP status and the server's JSON:API errors.
// message() turns it into sentences a person can act on.

#include "core/jsonapi/error.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>

namespace ascend::api {

struct ApiError {
    Q_DECLARE_TR_FUNCTIONS(ApiError)

public:
    enum class Kind {
        None,
        Network,   // no HTTP answer: refused, host not found, connection broken, TLS...
        Timeout,   // no progress within the transfer timeout
        Http,      // an HTTP error status (errors holds the server's explanation when it sent one)
        Decode,    // a success status with a body that is not a JSON:API document
        Auth,      // no token could be made (missing or unreadable key)
        Config,    // the request itself is wrong before sending (bad limit, bad URL, credentials to a foreign
                   // host)
        Cancelled, // aborted by the caller
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QList<jsonapi::Error> errors;
    QString networkError; // Qt's description of a transport failure
    QString detail;       // explanation for Decode / Auth / Config / Timeout
    QUrl url;             // what was requested (for "could not reach <host>")

    static ApiError network(const QString &errorString, const QUrl &url = {});
    static ApiError timeout(const QString &detail, const QUrl &url = {});
    static ApiError http(int status, const QList<jsonapi::Error> &errors, const QUrl &url = {});
    static ApiError decode(const QString &detail, int status = 0, const QUrl &url = {});
    static ApiError auth(const QString &detail);
    static ApiError config(const QString &detail);
    static ApiError cancelled();

    bool isError() const { return kind != Kind::None; }
    // The first server error code ("RATE_LIMIT_EXCEEDED"), or empty.
    QString code() const { return errors.isEmpty() ? QString() : errors.first().code; }
    bool hasCode(const QString &prefix) const;

    // What went wrong (the server's titles and details when present) followed by what to do.
    QString message() const;
    // Only the second part of message(): the advice for this kind/status, or empty.
    QString hint() const;
};

} // namespace ascend::api

#pragma once
// The result of ApiClient::send(): emits finished() exactly once (never from inside send()), after
// every retry the RetryPolicy allowed. Owned by the client until the caller deletes it (deleteLater
// in the finished handler is the usual way).

#include "core/api/apierror.h"
#include "core/api/apirequest.h"
#include "core/jsonapi/document.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

namespace ascend::api {

class ApiClient;
class SingleUseBody;

class ApiReply : public QObject {
    Q_OBJECT

public:
    ~ApiReply() override;

    const ApiRequest &request() const { return m_request; }
    QUrl url() const { return m_url; }

    bool isFinished() const { return m_finished; }
    bool ok() const { return m_finished && !m_error.isError(); }
    int httpStatus() const { return m_httpStatus; }
    QByteArray rawBody() const { return m_rawBody; }
    QByteArray rawHeader(const QByteArray &name) const;
    // The decoded body: the data of a success, or the errors document of a failure when it had one.
    const jsonapi::Document &document() const { return m_document; }
    const ApiError &error() const { return m_error; }
    // HTTP requests actually sent for this call (1 + retries).
    int attempts() const { return m_attempt; }

    // Stops the call; finished() follows at once with a Cancelled error unless it already finished.
    void abort();

Q_SIGNALS:
    void finished();

private:
    friend class ApiClient;
    ApiReply(ApiClient *client, const ApiRequest &request);

    void sendAttempt();
    void onNetworkFinished();
    void scheduleRetry(std::chrono::milliseconds delay, const char *reason);
    void finish(const ApiError &error);
    QString logUrl() const;

    QPointer<ApiClient> m_client;
    ApiRequest m_request;
    QUrl m_url;
    QByteArray m_body;
    SingleUseBody *m_bodyDevice = nullptr;
    QPointer<QNetworkReply> m_network;
    QTimer m_retryTimer;
    QElapsedTimer m_attemptTimer;
    Milliseconds m_timeout{0};

    int m_attempt = 0;
    bool m_reauthenticated = false;
    bool m_cancelled = false;
    bool m_finished = false;

    int m_httpStatus = 0;
    QByteArray m_rawBody;
    QList<QNetworkReply::RawHeaderPair> m_headers;
    jsonapi::Document m_document;
    ApiError m_error;
};

} // namespace ascend::api

#pragma once
// Lists the feedback inbox of one app: both kinds at once (two Pagers over feedbackInboxQuery(), i.e.
// sort=-createdDate, limit=200, include=build,tester, following links.next), merged newest first as the pages
// arrive. itemsReady() hands over each run of submissions whose place in the merged order is settled, so a
// model can append them; nothing is requested per item.

#include "core/api/apierror.h"
#include "core/api/betafeedback.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace ascend::api {
class ApiClient;
class Pager;
} // namespace ascend::api

namespace ascend::models {

class FeedbackLoader : public QObject {
    Q_OBJECT
public:
    explicit FeedbackLoader(api::ApiClient *client, QObject *parent = nullptr);
    ~FeedbackLoader() override;

    // Starts over for appId (a running load is cancelled first, without finished()).
    void start(const QString &appId);
    // Stops; finished() follows once with a Cancelled error unless it already finished.
    void cancel();

    bool isRunning() const { return m_running; }
    bool isFinished() const { return m_finished; }
    // True when both lists were read to the end.
    bool ok() const { return m_finished && m_errors.isEmpty(); }
    // The failures of either list (a list that failed contributes what it got until then).
    const QList<api::ApiError> &errors() const { return m_errors; }
    int pageCount() const { return m_pages; }
    int itemCount() const { return m_delivered; }

signals:
    void itemsReady(const QList<ascend::api::FeedbackSubmission> &items);
    void finished();

private:
    struct Stream {
        QPointer<api::Pager> pager;
        QList<api::FeedbackSubmission> pending; // newest first, not yet handed over
        qsizetype head = 0;                     // index of the next pending item
        bool done = false;
        bool available() const { return head < pending.size(); }
    };
    void onPage(int stream, const QList<api::FeedbackSubmission> &items);
    void onFinished(int stream);
    void drain();
    void stopPagers();

    QPointer<api::ApiClient> m_client;
    Stream m_streams[2]; // screenshots, crashes
    QList<api::ApiError> m_errors;
    int m_pages = 0;
    int m_delivered = 0;
    bool m_running = false;
    bool m_finished = false;
};

} // namespace ascend::models

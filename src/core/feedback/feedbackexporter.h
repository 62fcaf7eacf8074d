#pragma once
// Exports feedback to a folder, downloading what each item needs (screenshots, crash log).
//
// Folder:   <out>/index.json and per item <createdDate>-<kind>-<id>/ holding submission.json (the resource as
//           received), screenshot-1.png, screenshot-2.jpg, … and the crash log as <id>.crash (.ips when the
//           log is a JSON report).
// Markdown: <out>/README.md (the index) and per item <id>.md with <id>-screenshot-N.png/jpg and the full
//           crash log next to it; the .md shows the device facts, links the images relatively and quotes the
//           exception and the crashed thread.
// A failure of one item (a screenshot that cannot be downloaded, a crash log that is gone, a file that cannot
// be written) is recorded in the result and the export goes on. cancel() stops at once; files already
// written stay and are listed.

#include "core/api/betafeedback.h"
#include "core/feedback/feedbackmarkdown.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <memory>

namespace ascend::api {
class ApiClient;
class ApiReply;
} // namespace ascend::api

namespace ascend::feedback {

class ScreenshotFetcher;
struct ScreenshotResult;

enum class ExportFormat {
    Folder /* one folder per item: submission.json, screenshot-1.png..., crash.crash */,
    Markdown /* one <id>.md per item with images next to it, ready for an issue tracker */
};

struct ExportResult {
    QStringList filesWritten; // absolute paths, in the order they were written
    QStringList errors;       // one sentence each, naming the item
    bool cancelled = false;
};

class FeedbackExporter : public QObject {
    Q_OBJECT

public:
    static constexpr int ItemsInFlight = 4;

    FeedbackExporter(api::ApiClient *client, QObject *parent = nullptr);
    ~FeedbackExporter() override;

    // Starts an export; finished() follows exactly once (never from inside start()). Ignored while running.
    void start(const QList<api::FeedbackSubmission> &items, const QString &outDir, ExportFormat format);
    void cancel();
    bool isRunning() const { return m_running; }

    // "2025-03-14-162653-screenshot-<id>": the item's folder in the Folder format.
    static QString folderName(const api::FeedbackSubmission &item);

signals:
    void progress(int done, int total);
    void finished(const ascend::feedback::ExportResult &result);

private:
    struct Item;

    void startNextItems();
    void startItem(const std::shared_ptr<Item> &item);
    void onScreenshot(const std::shared_ptr<Item> &item, const ScreenshotResult &result);
    void onCrashLog(const std::shared_ptr<Item> &item, api::ApiReply *reply);
    void partDone(const std::shared_ptr<Item> &item);
    void finishItem(const std::shared_ptr<Item> &item);
    void finishExport();
    void writeIndex();
    // Writes the file atomically; false (and an error recorded for the item) when it fails.
    bool writeFile(Item &item, const QString &path, const QByteArray &bytes);
    QString relative(const QString &path) const;
    void stopWork();

    QPointer<api::ApiClient> m_client;
    std::unique_ptr<ScreenshotFetcher> m_fetcher;
    QList<std::shared_ptr<Item>> m_items;
    QList<QPointer<api::ApiReply>> m_replies;
    QString m_outDir;
    ExportFormat m_format = ExportFormat::Folder;
    ExportResult m_result;
    QDateTime m_startedAt;
    int m_next = 0;
    int m_inFlight = 0;
    int m_done = 0;
    bool m_running = false;
    bool m_starting = false;
};

QString feedbackAsText(const api::FeedbackSubmission &item); // "Copy as text" / the Markdown body

} // namespace ascend::feedback

#include "demofeedback.h"

#include "core/api/apiclient.h"
#include "core/api/apireply.h"
#include "core/api/betafeedback.h"
#include "core/feedback/crashreport.h"
#include "core/feedback/screenshotfetcher.h"
#include "savefile.h"

#include <QDir>
#include <QEventLoop>
#include <QImage>
#include <memory>

namespace ascend::cli {

namespace {

struct FirstPage {
    QList<api::FeedbackSubmission> items;
    int total = 0;
};

std::optional<FirstPage> firstPage(api::ApiClient *client, const QString &appId, api::FeedbackKind kind,
                                   QString *error)
{
    std::unique_ptr<api::ApiReply> reply(client->send(api::listFeedback(appId, kind)));
    api::waitForFinished(reply.get());
    if (!reply->ok()) {
        *error = QStringLiteral("Listing %1 feedback failed: %2")
                     .arg(api::feedbackKindName(kind), reply->error().message());
        return std::nullopt;
    }
    FirstPage page;
    page.items = api::FeedbackSubmission::fromDocument(reply->document());
    const auto paging = reply->document().paging();
    page.total = paging && paging->total ? int(*paging->total) : int(page.items.size());
    return page;
}

} // namespace

bool runDemoFeedback(api::ApiClient *client, const QString &appId, const QString &outDir,
                     const std::function<void(const QString &)> &step, QString *error)
{
    const auto screenshots = firstPage(client, appId, api::FeedbackKind::Screenshot, error);
    const auto crashes =
        screenshots ? firstPage(client, appId, api::FeedbackKind::Crash, error) : std::nullopt;
    if (!crashes)
        return false;
    step(QStringLiteral("Listed TestFlight feedback (GET "
                        "/v1/apps/%1/betaFeedbackScreenshotSubmissions and "
                        "…/betaFeedbackCrashSubmissions): %2 with screenshots, %3 crashes")
             .arg(appId)
             .arg(screenshots->total)
             .arg(crashes->total));
    if (screenshots->items.isEmpty() || crashes->items.isEmpty()) {
        *error = QStringLiteral("The demo app has no screenshot or no crash feedback.");
        return false;
    }
    if (!QDir().mkpath(outDir)) {
        *error = QStringLiteral("Cannot create %1.").arg(outDir);
        return false;
    }

    const api::FeedbackSubmission &shot = screenshots->items.first();
    feedback::ScreenshotFetcher fetcher(client);
    feedback::ScreenshotResult image;
    QEventLoop loop;
    fetcher.fetch(shot, 0, &loop, [&](const feedback::ScreenshotResult &result) {
        image = result;
        loop.quit();
    });
    loop.exec();
    if (!image.ok()) {
        *error = QStringLiteral("Downloading a screenshot failed: %1").arg(image.errorString);
        return false;
    }
    const QString imagePath = QDir(outDir).filePath(QStringLiteral("%1-1.%2").arg(shot.id, image.suffix));
    if (!saveFile(imagePath, image.bytes, error))
        return false;
    const QSize size = QImage::fromData(image.bytes).size();
    step(QStringLiteral("Saved the screenshot of \"%1\" by %2 (%3 × %4, %5 KiB) to %6")
             .arg(shot.comment.left(60), shot.testerDisplayName())
             .arg(size.width())
             .arg(size.height())
             .arg(image.bytes.size() / 1024)
             .arg(imagePath));

    const api::FeedbackSubmission &crash = crashes->items.first();
    std::unique_ptr<api::ApiReply> log(client->send(api::getCrashLog(crash.id)));
    api::waitForFinished(log.get());
    const auto text = log->ok() ? api::crashLogText(log->document()) : std::nullopt;
    if (!text) {
        *error = QStringLiteral("Downloading the crash log of %1 failed: %2")
                     .arg(crash.id, log->ok() ? QStringLiteral("the answer holds no log text")
                                              : log->error().message());
        return false;
    }
    const auto report = feedback::CrashReport::parse(*text);
    const QString logPath =
        QDir(outDir).filePath(QStringLiteral("%1.%2").arg(crash.id, report.suggestedSuffix()));
    if (!saveFile(logPath, text->toUtf8(), error))
        return false;
    step(QStringLiteral("Saved the crash log of %1 on %2 (%3, thread %4 crashed) to %5 "
                        "(GET /v1/betaFeedbackCrashSubmissions/%1/crashLog)")
             .arg(crash.id, crash.deviceModel, report.exceptionType)
             .arg(report.crashedThread)
             .arg(logPath));
    return true;
}

} // namespace ascend::cli

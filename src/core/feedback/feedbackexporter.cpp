#include "core/feedback/feedbackexporter.h"

#include "core/api/apiclient.h"
#include "core/api/apireply.h"
#include "core/feedback/crashreport.h"
#include "core/feedback/feedbacklogging.h"
#include "core/feedback/screenshotfetcher.h"
#include "core/jsonapi/datetime.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>

namespace ascend::feedback {

struct FeedbackExporter::Item {
    api::FeedbackSubmission submission;
    QString dir;            // where the item's files go
    QString stem;           // file name prefix inside dir ("" in the Folder format)
    int pending = 0;        // downloads still running
    QStringList imagePaths; // by screenshot index, relative to dir; empty when missing
    QString crashLogPath;   // relative to dir
    QString crashLogText;
    QStringList files; // relative to the export folder
    QStringList errors;
    bool finished = false;
};

namespace {

QString kindLabel(api::FeedbackKind kind)
{
    return kind == api::FeedbackKind::Crash ? FeedbackExporter::tr("Crash")
                                            : FeedbackExporter::tr("Screenshot feedback");
}

QString indexCell(QString text)
{
    text.replace(QLatin1Char('|'), QLatin1String("\\|"));
    return text.simplified();
}

} // namespace

FeedbackExporter::FeedbackExporter(api::ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

FeedbackExporter::~FeedbackExporter()
{
    stopWork();
}

QString FeedbackExporter::folderName(const api::FeedbackSubmission &item)
{
    return QStringLiteral("%1-%2-%3")
        .arg(fileDateStamp(item.createdDate), api::feedbackKindName(item.kind), fileNameSafe(item.id));
}

void FeedbackExporter::start(const QList<api::FeedbackSubmission> &items, const QString &outDir,
                             ExportFormat format)
{
    if (m_running) {
        qCWarning(lcFeedback) << "an export is already running; the new one was ignored";
        return;
    }
    m_running = true;
    m_result = {};
    m_items.clear();
    m_next = 0;
    m_inFlight = 0;
    m_done = 0;
    m_format = format;
    m_outDir = QDir(outDir).absolutePath();
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_fetcher = std::make_unique<ScreenshotFetcher>(m_client.data());
    for (const api::FeedbackSubmission &submission : items) {
        auto item = std::make_shared<Item>();
        item->submission = submission;
        m_items.append(item);
    }
    if (!QDir().mkpath(m_outDir)) {
        m_result.errors << tr("The folder %1 could not be created. Choose a folder you can write to.")
                               .arg(QDir::toNativeSeparators(m_outDir));
        m_items.clear();
        QMetaObject::invokeMethod(this, &FeedbackExporter::finishExport, Qt::QueuedConnection);
        return;
    }
    QMetaObject::invokeMethod(
        this,
        [this] {
            Q_EMIT progress(0, int(m_items.size()));
            startNextItems();
        },
        Qt::QueuedConnection);
}

void FeedbackExporter::cancel()
{
    if (!m_running || m_result.cancelled)
        return;
    m_result.cancelled = true;
    stopWork();
    QMetaObject::invokeMethod(this, &FeedbackExporter::finishExport, Qt::QueuedConnection);
}

void FeedbackExporter::stopWork()
{
    if (m_fetcher) {
        // Deleted later: cancel() may run inside one of the fetcher's callbacks.
        ScreenshotFetcher *fetcher = m_fetcher.release();
        fetcher->cancelPending();
        fetcher->deleteLater();
    }
    for (const QPointer<api::ApiReply> &reply : std::as_const(m_replies)) {
        if (!reply)
            continue;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    m_replies.clear();
}

void FeedbackExporter::startNextItems()
{
    if (!m_running || m_result.cancelled)
        return;
    // Items without downloads finish inside startItem(); the loop (not recursion) moves on.
    if (m_starting)
        return;
    m_starting = true;
    while (m_inFlight < ItemsInFlight && m_next < m_items.size() && !m_result.cancelled) {
        ++m_inFlight;
        startItem(m_items.at(m_next++));
    }
    m_starting = false;
    if (m_running && !m_result.cancelled && m_done == m_items.size())
        finishExport();
}

void FeedbackExporter::startItem(const std::shared_ptr<Item> &item)
{
    const api::FeedbackSubmission &submission = item->submission;
    const QString id = fileNameSafe(submission.id);
    if (m_format == ExportFormat::Folder) {
        item->dir = QDir(m_outDir).filePath(folderName(submission));
        if (!QDir().mkpath(item->dir)) {
            item->errors
                << tr("The folder %1 could not be created.").arg(QDir::toNativeSeparators(item->dir));
            finishItem(item);
            return;
        }
        QJsonObject resource = submission.resourceJson;
        if (resource.isEmpty())
            resource = QJsonObject{{QStringLiteral("type"), submission.resourceType()},
                                   {QStringLiteral("id"), submission.id}};
        writeFile(*item, QDir(item->dir).filePath(QStringLiteral("submission.json")),
                  QJsonDocument(resource).toJson(QJsonDocument::Indented));
    } else {
        item->dir = m_outDir;
        item->stem = id + QLatin1Char('-');
    }

    item->imagePaths = QStringList(submission.screenshots.size(), QString());
    if (submission.kind == api::FeedbackKind::Screenshot && m_fetcher) {
        for (int i = 0; i < submission.screenshots.size(); ++i) {
            ++item->pending;
            m_fetcher->fetch(submission, i, this,
                             [this, item](const ScreenshotResult &result) { onScreenshot(item, result); });
        }
    }
    if (submission.kind == api::FeedbackKind::Crash) {
        if (m_client) {
            ++item->pending;
            api::ApiReply *reply = m_client->send(api::getCrashLog(submission.id));
            m_replies.append(reply);
            connect(reply, &api::ApiReply::finished, this, [this, item, reply] { onCrashLog(item, reply); });
        } else {
            item->errors << tr("The crash log could not be downloaded: the connection was closed.");
        }
    }
    if (item->pending == 0)
        finishItem(item);
}

void FeedbackExporter::onScreenshot(const std::shared_ptr<Item> &item, const ScreenshotResult &result)
{
    if (!m_running || m_result.cancelled || item->finished)
        return;
    if (result.ok()) {
        const QString name =
            item->stem + QStringLiteral("screenshot-%1.%2").arg(result.index + 1).arg(result.suffix);
        if (writeFile(*item, QDir(item->dir).filePath(name), result.bytes) &&
            result.index < item->imagePaths.size())
            item->imagePaths[result.index] = name;
    } else {
        item->errors << result.errorString;
    }
    partDone(item);
}

void FeedbackExporter::onCrashLog(const std::shared_ptr<Item> &item, api::ApiReply *reply)
{
    m_replies.removeAll(reply);
    reply->deleteLater();
    if (!m_running || m_result.cancelled || item->finished)
        return;
    if (!reply->ok()) {
        item->errors << tr("The crash log could not be downloaded. %1").arg(reply->error().message());
    } else if (const auto text = api::crashLogText(reply->document())) {
        item->crashLogText = *text;
        const QString name = fileNameSafe(item->submission.id) + QLatin1Char('.') +
                             CrashReport::parse(*text).suggestedSuffix();
        if (writeFile(*item, QDir(item->dir).filePath(name), text->toUtf8()))
            item->crashLogPath = name;
    } else {
        item->errors << tr("The server's answer held no crash log.");
    }
    partDone(item);
}

void FeedbackExporter::partDone(const std::shared_ptr<Item> &item)
{
    if (--item->pending <= 0)
        finishItem(item);
}

void FeedbackExporter::finishItem(const std::shared_ptr<Item> &item)
{
    if (item->finished)
        return;
    if (m_format == ExportFormat::Markdown) {
        MarkdownAttachments attachments;
        for (const QString &path : std::as_const(item->imagePaths)) {
            if (!path.isEmpty())
                attachments.imagePaths << path;
        }
        attachments.crashLogPath = item->crashLogPath;
        if (!item->crashLogText.isEmpty())
            attachments.crashLogExcerpt = crashLogExcerpt(item->crashLogText);
        attachments.problems = item->errors;
        const QString name = fileNameSafe(item->submission.id) + QStringLiteral(".md");
        writeFile(*item, QDir(item->dir).filePath(name),
                  feedbackAsMarkdown(item->submission, attachments).toUtf8());
    }
    item->finished = true;
    for (const QString &error : std::as_const(item->errors))
        m_result.errors << tr("%1 %2 (%3): %4")
                               .arg(kindLabel(item->submission.kind), item->submission.id,
                                    item->submission.createdDate.toUTC().toString(
                                        QStringLiteral("yyyy-MM-dd HH:mm")),
                                    error);
    ++m_done;
    --m_inFlight;
    Q_EMIT progress(m_done, int(m_items.size()));
    startNextItems();
}

bool FeedbackExporter::writeFile(Item &item, const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        item.errors
            << tr("%1 could not be written: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    m_result.filesWritten << path;
    item.files << relative(path);
    return true;
}

QString FeedbackExporter::relative(const QString &path) const
{
    return QDir(m_outDir).relativeFilePath(path);
}

void FeedbackExporter::writeIndex()
{
    if (m_outDir.isEmpty() || !QDir(m_outDir).exists())
        return;
    QList<std::shared_ptr<Item>> done;
    for (const auto &item : std::as_const(m_items)) {
        if (item->finished)
            done << item;
    }
    QByteArray bytes;
    QString name;
    if (m_format == ExportFormat::Folder) {
        QJsonArray items;
        for (const auto &item : std::as_const(done)) {
            const api::FeedbackSubmission &s = item->submission;
            items.append(
                QJsonObject{{QStringLiteral("id"), s.id},
                            {QStringLiteral("kind"), api::feedbackKindName(s.kind)},
                            {QStringLiteral("createdDate"),
                             s.createdDate.isValid() ? jsonapi::formatDateTime(s.createdDate) : QString()},
                            {QStringLiteral("comment"), s.comment},
                            {QStringLiteral("tester"), s.testerDisplayName()},
                            {QStringLiteral("build"), s.buildVersion.isEmpty() ? s.buildId : s.buildVersion},
                            {QStringLiteral("deviceModel"), s.deviceModel},
                            {QStringLiteral("osVersion"), s.osVersion},
                            {QStringLiteral("folder"), relative(item->dir)},
                            {QStringLiteral("files"), QJsonArray::fromStringList(item->files)},
                            {QStringLiteral("errors"), QJsonArray::fromStringList(item->errors)}});
        }
        const QJsonObject index{{QStringLiteral("exportedAt"), jsonapi::formatDateTime(m_startedAt)},
                                {QStringLiteral("format"), QStringLiteral("folder")},
                                {QStringLiteral("count"), int(done.size())},
                                {QStringLiteral("requested"), int(m_items.size())},
                                {QStringLiteral("cancelled"), m_result.cancelled},
                                {QStringLiteral("items"), items}};
        bytes = QJsonDocument(index).toJson(QJsonDocument::Indented);
        name = QStringLiteral("index.json");
    } else {
        int screenshots = 0;
        for (const auto &item : std::as_const(done))
            screenshots += item->submission.kind == api::FeedbackKind::Screenshot ? 1 : 0;
        QString md = QStringLiteral("# ") + tr("TestFlight feedback") + QStringLiteral("\n\n");
        md += tr("Exported %1: %2 screenshot submissions and %3 crashes.")
                  .arg(m_startedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")))
                  .arg(screenshots)
                  .arg(done.size() - screenshots);
        if (m_result.cancelled)
            md += QLatin1Char(' ') +
                  tr("The export was cancelled after %1 of %2 items.").arg(done.size()).arg(m_items.size());
        md += QStringLiteral("\n\n| %1 | %2 | %3 | %4 | %5 | %6 |\n|---|---|---|---|---|---|\n")
                  .arg(tr("Date"), tr("Kind"), tr("Tester"), tr("Device"), tr("Build"), tr("Feedback"));
        for (const auto &item : std::as_const(done)) {
            const api::FeedbackSubmission &s = item->submission;
            md +=
                QStringLiteral("| %1 | %2 | %3 | %4 | %5 | [%6](%7) |\n")
                    .arg(s.createdDate.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                         api::feedbackKindName(s.kind), indexCell(s.testerDisplayName()),
                         indexCell(QStringList{s.deviceModel, s.osVersion}.join(QLatin1Char(' ')).trimmed()),
                         indexCell(s.buildVersion.isEmpty() ? s.buildId : s.buildVersion),
                         indexCell(feedbackTitle(s)).replace(QLatin1Char(']'), QLatin1String("\\]")),
                         fileNameSafe(s.id) + QStringLiteral(".md"));
        }
        if (!m_result.errors.isEmpty()) {
            md += QStringLiteral("\n## ") + tr("Problems") + QStringLiteral("\n\n");
            for (const QString &error : std::as_const(m_result.errors))
                md += QStringLiteral("- ") + indexCell(error) + QLatin1Char('\n');
        }
        bytes = md.toUtf8();
        name = QStringLiteral("README.md");
    }
    const QString path = QDir(m_outDir).filePath(name);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        m_result.errors
            << tr("%1 could not be written: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return;
    }
    m_result.filesWritten << path;
}

void FeedbackExporter::finishExport()
{
    if (!m_running)
        return;
    stopWork();
    writeIndex();
    m_running = false;
    qCInfo(lcFeedback).noquote() << QStringLiteral("export to %1: %2 files, %3 problems%4")
                                        .arg(m_outDir)
                                        .arg(m_result.filesWritten.size())
                                        .arg(m_result.errors.size())
                                        .arg(m_result.cancelled ? QStringLiteral(", cancelled") : QString());
    const ExportResult result = m_result;
    Q_EMIT finished(result);
}

} // namespace ascend::feedback

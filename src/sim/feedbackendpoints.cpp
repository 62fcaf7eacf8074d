#include "sim/feedbackendpoints.h"

#include "core/asc/ascenums.h"
#include "sim/apierror.h"
#include "sim/documentbuilder.h"
#include "sim/feedbackassets.h"
#include "sim/feedbackcrashlog.h"
#include "sim/queryengine.h"
#include "sim/resourceendpoints.h"
#include "sim/router.h"
#include "sim/simevents.h"
#include "sim/simlogging.h"
#include "sim/speccatalog.h"
#include "sim/store.h"

#include <QJsonArray>

namespace ascend::sim {

namespace {

const QString kApps = QStringLiteral("apps");

// Model identifiers contain a comma ("iPhone15,2"), which the comma-separated list form splits into
// "iPhone15" and "2". Pieces that are only digits are joined back to the piece before them; both readings are
// kept.
QStringList rejoinModelIdentifiers(const QStringList &pieces)
{
    QStringList out = pieces;
    for (qsizetype i = 1; i < pieces.size(); ++i) {
        const QString &piece = pieces.at(i);
        const bool digits = !piece.isEmpty() &&
                            std::all_of(piece.cbegin(), piece.cend(), [](QChar c) { return c.isDigit(); });
        if (digits && !pieces.at(i - 1).isEmpty() && pieces.at(i - 1).back().isDigit())
            out.append(pieces.at(i - 1) + QLatin1Char(',') + piece);
    }
    return out;
}

} // namespace

FeedbackArea::FeedbackArea(Store &store, SimEvents &events, FeedbackAssets &assets, FeedbackOptions options,
                           QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_events(events)
    , m_assets(assets)
    , m_options(options)
{
    connect(&m_timer, &QTimer::timeout, this, &FeedbackArea::onTimer);
}

void FeedbackArea::registerEndpoints(Router &router, ResourceEndpoints &resources)
{
    m_resources = &resources;
    for (const FeedbackKind kind : {FeedbackKind::Screenshot, FeedbackKind::Crash}) {
        const QString type = feedbackType(kind);
        router.get(QStringLiteral("/v1/apps/{id}/%1").arg(type),
                   QStringLiteral("apps_%1_getToManyRelated").arg(type), type,
                   [this, kind](const ApiRequest &request) { return list(request, kind); });
        router.get(QStringLiteral("/v1/%1/{id}").arg(type), QStringLiteral("%1_getInstance").arg(type), type,
                   [this, kind](const ApiRequest &request) { return instance(request, kind); });
        router.add(Route{"DELETE", QStringLiteral("/v1/%1/{id}").arg(type),
                         QStringLiteral("%1_deleteInstance").arg(type), type,
                         [this, kind](const ApiRequest &request) { return remove(request, kind); }});
    }
    router.get(QStringLiteral("/v1/betaFeedbackCrashSubmissions/{id}/crashLog"),
               QStringLiteral("betaFeedbackCrashSubmissions_crashLog_getToOneRelated"), kCrashLogs,
               [this](const ApiRequest &request) { return crashLogOfSubmission(request); });
    router.get(QStringLiteral("/v1/betaCrashLogs/{id}"), QStringLiteral("betaCrashLogs_getInstance"),
               kCrashLogs, [this](const ApiRequest &request) { return crashLog(request); });
}

void FeedbackArea::start()
{
    if (m_options.everySeconds > 0) {
        m_timer.start(m_options.everySeconds * 1000);
        qCInfo(lcSim).noquote()
            << QStringLiteral("a new feedback submission arrives every %1 s").arg(m_options.everySeconds);
    }
}

void FeedbackArea::onTimer()
{
    createSubmission(m_created % 2 == 0 ? FeedbackKind::Screenshot : FeedbackKind::Crash);
}

QString FeedbackArea::createSubmission(FeedbackKind kind, const QString &appId)
{
    const quint32 seed = 0x11feedu + quint32(m_created) * 7919u + quint32(QDateTime::currentSecsSinceEpoch());
    for (const Record *app : m_store.all(kApps)) {
        if (!appId.isEmpty() && app->id != appId)
            continue;
        FeedbackFactory factory(m_store, *app, seed);
        if (!factory.isUsable())
            continue;
        Record record = factory.make(kind, QDateTime::currentDateTimeUtc());
        const QString id = record.id;
        const QString owner = app->id; // `app` may move when the store changes
        m_store.put(std::move(record));
        ++m_created;
        emit storeChanged();
        m_events.publish(SimEvent{kind == FeedbackKind::Screenshot
                                      ? asc::WebhookEventType::BETA_FEEDBACK_SCREENSHOT_SUBMISSION_CREATED
                                      : asc::WebhookEventType::BETA_FEEDBACK_CRASH_SUBMISSION_CREATED,
                                  owner,
                                  feedbackType(kind),
                                  id,
                                  {}});
        qCInfo(lcSim).noquote() << "new feedback" << feedbackType(kind) << id << "for app" << owner;
        return id;
    }
    return {};
}

Record FeedbackArea::served(const Record &record, const QString &baseUrl) const
{
    Record copy = record;
    if (record.type == kScreenshotSubmissions)
        copy.attributes.insert(QStringLiteral("screenshots"), m_assets.screenshotsFor(record, baseUrl));
    return copy;
}

void FeedbackArea::addLinkage(QJsonObject &resource, const Record &record, const ResourceQuery &query) const
{
    QJsonObject relationships = resource.value(QStringLiteral("relationships")).toObject();
    const QList<QPair<QString, QString>> linked = {{QStringLiteral("build"), QStringLiteral("builds")},
                                                   {QStringLiteral("tester"), QStringLiteral("betaTesters")}};
    for (const auto &[name, targetType] : linked) {
        const QString id = record.relationships.value(name).value(0);
        if (id.isEmpty() || !query.wantsField(record.type, name) || relationships.contains(name))
            continue;
        relationships.insert(
            name, QJsonObject{{QStringLiteral("data"), QJsonObject{{QStringLiteral("type"), targetType},
                                                                   {QStringLiteral("id"), id}}}});
    }
    if (!relationships.isEmpty())
        resource.insert(QStringLiteral("relationships"), relationships);
}

http::HttpResponse FeedbackArea::list(const ApiRequest &request, FeedbackKind kind)
{
    const QString appId = request.pathParameter(QStringLiteral("id"));
    const Record *app = m_store.find(kApps, appId);
    if (!app)
        return errorResponse(errors::resourceNotFound(kApps, appId));
    ResourceQuery query = request.query;
    for (FilterTerm &term : query.filters) {
        if (term.kind == FilterTerm::Kind::Attribute && term.attribute == QLatin1String("deviceModel"))
            term.values = rejoinModelIdentifiers(term.values);
    }
    const Page page = QueryEngine(m_store).select(m_store.related(*app, feedbackType(kind)), query);

    QList<Record> copies;
    copies.reserve(page.records.size());
    for (const Record *record : page.records)
        copies.append(served(*record, request.baseUrl));
    Page shown = page;
    shown.records.clear();
    for (const Record &copy : std::as_const(copies))
        shown.records.append(&copy);

    const DocumentBuilder builder(m_store, m_resources->catalog(), request.operation, query, request.baseUrl);
    QJsonObject document =
        builder.list(shown, QString::fromUtf8(request.http->target), request.http->path, request.http->query);
    QJsonArray data = document.value(QStringLiteral("data")).toArray();
    for (qsizetype i = 0; i < data.size() && i < copies.size(); ++i) {
        QJsonObject resource = data.at(i).toObject();
        addLinkage(resource, copies.at(i), query);
        data.replace(i, resource);
    }
    document.insert(QStringLiteral("data"), data);
    return jsonResponse(200, document);
}

http::HttpResponse FeedbackArea::instance(const ApiRequest &request, FeedbackKind kind)
{
    const QString type = feedbackType(kind);
    const QString id = request.pathParameter(QStringLiteral("id"));
    const Record *record = m_store.find(type, id);
    if (!record)
        return errorResponse(errors::resourceNotFound(type, id));
    const Record copy = served(*record, request.baseUrl);
    const DocumentBuilder builder(m_store, m_resources->catalog(), request.operation, request.query,
                                  request.baseUrl);
    QJsonObject document = builder.single(copy, QString::fromUtf8(request.http->target));
    QJsonObject resource = document.value(QStringLiteral("data")).toObject();
    addLinkage(resource, copy, request.query);
    document.insert(QStringLiteral("data"), resource);
    return jsonResponse(200, document);
}

http::HttpResponse FeedbackArea::remove(const ApiRequest &request, FeedbackKind kind)
{
    const QString type = feedbackType(kind);
    const QString id = request.pathParameter(QStringLiteral("id"));
    if (!m_store.remove(type, id))
        return errorResponse(errors::resourceNotFound(type, id));
    if (kind == FeedbackKind::Screenshot)
        m_assets.forget(id);
    return http::HttpResponse::empty(204);
}

http::HttpResponse FeedbackArea::crashLogResponse(const ApiRequest &request, const Record &submission)
{
    Record log;
    log.type = kCrashLogs;
    log.id = submission.attributes.value(kCrashLogId).toString();
    log.attributes.insert(QStringLiteral("logText"), crashLogText(crashLogFacts(m_store, submission)));
    const DocumentBuilder builder(m_store, m_resources->catalog(), request.operation, request.query,
                                  request.baseUrl);
    return jsonResponse(200, builder.single(log, QString::fromUtf8(request.http->target)));
}

http::HttpResponse FeedbackArea::crashLogOfSubmission(const ApiRequest &request)
{
    const QString id = request.pathParameter(QStringLiteral("id"));
    const Record *submission = m_store.find(kCrashSubmissions, id);
    if (!submission)
        return errorResponse(errors::resourceNotFound(kCrashSubmissions, id));
    return crashLogResponse(request, *submission);
}

http::HttpResponse FeedbackArea::crashLog(const ApiRequest &request)
{
    if (m_indexedRevision != m_store.revision()) {
        m_crashLogIndex.clear();
        for (const Record *submission : m_store.all(kCrashSubmissions))
            m_crashLogIndex.insert(submission->attributes.value(kCrashLogId).toString(), submission->id);
        m_indexedRevision = m_store.revision();
    }
    const QString id = request.pathParameter(QStringLiteral("id"));
    const Record *submission = m_store.find(kCrashSubmissions, m_crashLogIndex.value(id));
    if (!submission)
        return errorResponse(errors::resourceNotFound(kCrashLogs, id));
    return crashLogResponse(request, *submission);
}

} // namespace ascend::sim

#include "sim/betareview.h"

#include "core/asc/ascenums.h"
#include "sim/simevents.h"
#include "sim/simlogging.h"
#include "sim/store.h"

#include <QDateTime>
#include <QTimer>
#include <QUuid>

namespace ascend::sim {

namespace {
const QString kBuilds = QStringLiteral("builds");
const QString kDetails = QStringLiteral("buildBetaDetails");
const QString kSubmissions = QStringLiteral("betaAppReviewSubmissions");
const QString kGroups = QStringLiteral("betaGroups");
const QString kReviewState = QStringLiteral("betaReviewState");
const QString kExternal = QStringLiteral("externalBuildState");
const QString kInternal = QStringLiteral("internalBuildState");
} // namespace

QString initialInternalState(const Record &build)
{
    const QString processing = build.attributes.value(QStringLiteral("processingState")).toString();
    if (build.attributes.value(QStringLiteral("expired")).toBool())
        return QStringLiteral("EXPIRED");
    if (processing == QLatin1String("PROCESSING"))
        return QStringLiteral("PROCESSING");
    if (processing != QLatin1String("VALID"))
        return QStringLiteral("PROCESSING_EXCEPTION");
    if (!build.attributes.contains(QStringLiteral("usesNonExemptEncryption")))
        return QStringLiteral("MISSING_EXPORT_COMPLIANCE");
    return QStringLiteral("READY_FOR_BETA_TESTING");
}

QString initialExternalState(const Record &build)
{
    if (build.attributes.value(QStringLiteral("buildAudienceType")).toString() ==
        QLatin1String("INTERNAL_ONLY"))
        return QStringLiteral("NOT_APPLICABLE");
    const QString internal = initialInternalState(build);
    if (internal == QLatin1String("READY_FOR_BETA_TESTING"))
        return QStringLiteral("READY_FOR_BETA_SUBMISSION");
    return internal;
}

Record makeBuildBetaDetail(const Record &build)
{
    Record detail;
    detail.type = kDetails;
    detail.id = build.id; // ASC gives a build's buildBetaDetail the build's id
    detail.attributes = QJsonObject{{QStringLiteral("autoNotifyEnabled"), false},
                                    {kInternal, initialInternalState(build)},
                                    {kExternal, initialExternalState(build)}};
    detail.relationships.insert(QStringLiteral("build"), {build.id});
    return detail;
}

BetaReview::BetaReview(Store &store, SimEvents &events, BetaReviewOptions options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_events(events)
    , m_options(options)
    , m_random(options.randomSeed)
{}

void BetaReview::reconcile()
{
    bool changed = false;
    for (const Record *build : m_store.all(kBuilds)) {
        if (m_store.related(*build, QStringLiteral("buildBetaDetail")).isEmpty()) {
            m_store.put(makeBuildBetaDetail(*build));
            changed = true;
        }
    }
    for (const Record *submission : m_store.all(kSubmissions)) {
        const QString state = submission->attributes.value(kReviewState).toString();
        if (state == QLatin1String("WAITING_FOR_REVIEW") || state == QLatin1String("IN_REVIEW"))
            schedule(submission->id);
    }
    if (changed)
        emit storeChanged();
}

void BetaReview::ensureDetail(const QString &buildId)
{
    const Record *build = m_store.find(kBuilds, buildId);
    if (build && !detailOf(buildId)) {
        m_store.put(makeBuildBetaDetail(*build));
        emit storeChanged();
    }
}

const Record *BetaReview::detailOf(const QString &buildId) const
{
    const Record *build = m_store.find(kBuilds, buildId);
    if (!build)
        return nullptr;
    const auto details = m_store.related(*build, QStringLiteral("buildBetaDetail"));
    return details.isEmpty() ? nullptr : details.first();
}

QString BetaReview::submit(const QString &buildId)
{
    Record submission;
    submission.type = kSubmissions;
    submission.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    submission.attributes =
        QJsonObject{{kReviewState, QStringLiteral("WAITING_FOR_REVIEW")},
                    {QStringLiteral("submittedDate"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    submission.relationships.insert(QStringLiteral("build"), {buildId});
    const QString id = submission.id;
    m_store.put(std::move(submission));
    qCInfo(lcSim).noquote() << "beta review of build" << buildId << "submitted as" << id;
    setExternalState(buildId, QStringLiteral("WAITING_FOR_BETA_REVIEW"));
    schedule(id);
    emit storeChanged();
    return id;
}

void BetaReview::schedule(const QString &submissionId)
{
    QTimer::singleShot(std::max(0, m_options.reviewSeconds) * 1000, this,
                       [this, submissionId] { advance(submissionId); });
}

void BetaReview::advance(const QString &submissionId)
{
    const Record *submission = m_store.find(kSubmissions, submissionId);
    if (!submission)
        return;
    const QString buildId = m_store.relatedIds(*submission, QStringLiteral("build")).value(0);
    const QString state = submission->attributes.value(kReviewState).toString();
    Record changed = *submission;
    if (state == QLatin1String("WAITING_FOR_REVIEW")) {
        changed.attributes.insert(kReviewState, QStringLiteral("IN_REVIEW"));
        m_store.put(std::move(changed));
        setExternalState(buildId, QStringLiteral("IN_BETA_REVIEW"));
        schedule(submissionId);
    } else if (state == QLatin1String("IN_REVIEW")) {
        const bool rejected = m_random.generateDouble() < m_options.rejectRate;
        changed.attributes.insert(kReviewState,
                                  rejected ? QStringLiteral("REJECTED") : QStringLiteral("APPROVED"));
        m_store.put(std::move(changed));
        setExternalState(buildId,
                         rejected ? QStringLiteral("BETA_REJECTED") : QStringLiteral("BETA_APPROVED"));
        if (!rejected && isInExternalGroup(buildId))
            setExternalState(buildId, QStringLiteral("IN_BETA_TESTING"));
    } else {
        return;
    }
    qCInfo(lcSim).noquote()
        << "beta review" << submissionId << "of build" << buildId << "→"
        << m_store.find(kSubmissions, submissionId)->attributes.value(kReviewState).toString();
    emit storeChanged();
}

void BetaReview::setExternalState(const QString &buildId, const QString &state)
{
    const Record *detail = detailOf(buildId);
    if (!detail) {
        ensureDetail(buildId);
        detail = detailOf(buildId);
        if (!detail)
            return;
    }
    const QString old = detail->attributes.value(kExternal).toString();
    if (old == state)
        return;
    Record changed = *detail;
    changed.attributes.insert(kExternal, state);
    const QString detailId = changed.id;
    m_store.put(std::move(changed));
    const Record *build = m_store.find(kBuilds, buildId);
    const QString appId = build ? m_store.relatedIds(*build, QStringLiteral("app")).value(0) : QString();
    m_events.publish(SimEvent{asc::WebhookEventType::BUILD_BETA_DETAIL_EXTERNAL_BUILD_STATE_UPDATED, appId,
                              kDetails, detailId,
                              QJsonObject{{QStringLiteral("newExternalBuildState"), state},
                                          {QStringLiteral("oldExternalBuildState"), old}}});
}

void BetaReview::setInternalState(const QString &buildId, const QString &state)
{
    const Record *detail = detailOf(buildId);
    if (!detail || detail->attributes.value(kInternal).toString() == state)
        return;
    Record changed = *detail;
    changed.attributes.insert(kInternal, state);
    m_store.put(std::move(changed));
}

bool BetaReview::isInExternalGroup(const QString &buildId) const
{
    const Record *build = m_store.find(kBuilds, buildId);
    if (!build)
        return false;
    for (const Record *group : m_store.related(*build, kGroups)) {
        if (!group->attributes.value(QStringLiteral("isInternalGroup")).toBool())
            return true;
    }
    return false;
}

void BetaReview::buildJoinedExternalGroup(const QString &buildId)
{
    const Record *detail = detailOf(buildId);
    if (detail && detail->attributes.value(kExternal).toString() == QLatin1String("BETA_APPROVED"))
        setExternalState(buildId, QStringLiteral("IN_BETA_TESTING"));
}

void BetaReview::buildExpired(const QString &buildId)
{
    setInternalState(buildId, QStringLiteral("EXPIRED"));
    const Record *detail = detailOf(buildId);
    if (detail && detail->attributes.value(kExternal).toString() != QLatin1String("NOT_APPLICABLE"))
        setExternalState(buildId, QStringLiteral("EXPIRED"));
    emit storeChanged();
}

} // namespace ascend::sim

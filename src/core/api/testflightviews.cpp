#include "core/api/testflightviews.h"

#include "core/api/prereleaseversions.h"

#include <QCoreApplication>
#include <QHash>

namespace ascend::api {

bool TestFlightBuild::hasWhatToTest() const
{
    for (const BetaBuildLocalization &localization : localizations) {
        if (!localization.whatsNew.trimmed().isEmpty())
            return true;
    }
    return false;
}

const BetaBuildLocalization *TestFlightBuild::localization(const QString &locale) const
{
    for (const BetaBuildLocalization &localization : localizations) {
        if (localization.locale == locale)
            return &localization;
    }
    return nullptr;
}

Query testFlightBuildsQuery(const QString &appId)
{
    Query query;
    query.filter(QStringLiteral("app"), appId)
        .include({QStringLiteral("preReleaseVersion"), QStringLiteral("buildBetaDetail"),
                  QStringLiteral("betaAppReviewSubmission"), QStringLiteral("betaGroups"),
                  QStringLiteral("betaBuildLocalizations")})
        .fields(QStringLiteral("builds"),
                {QStringLiteral("version"), QStringLiteral("uploadedDate"), QStringLiteral("expirationDate"),
                 QStringLiteral("expired"), QStringLiteral("processingState"),
                 QStringLiteral("buildAudienceType"), QStringLiteral("usesNonExemptEncryption"),
                 QStringLiteral("preReleaseVersion"), QStringLiteral("buildBetaDetail"),
                 QStringLiteral("betaAppReviewSubmission"), QStringLiteral("betaGroups"),
                 QStringLiteral("betaBuildLocalizations")})
        .fields(QStringLiteral("preReleaseVersions"), {QStringLiteral("version"), QStringLiteral("platform")})
        .fields(QStringLiteral("buildBetaDetails"),
                {QStringLiteral("autoNotifyEnabled"), QStringLiteral("internalBuildState"),
                 QStringLiteral("externalBuildState")})
        .fields(QStringLiteral("betaAppReviewSubmissions"),
                {QStringLiteral("betaReviewState"), QStringLiteral("submittedDate")})
        .fields(QStringLiteral("betaGroups"), {QStringLiteral("name")})
        .fields(QStringLiteral("betaBuildLocalizations"),
                {QStringLiteral("locale"), QStringLiteral("whatsNew")})
        .limit(QStringLiteral("betaGroups"), 50)
        .limit(QStringLiteral("betaBuildLocalizations"), 50)
        .sort(QStringLiteral("-uploadedDate"))
        .limit(200);
    return query;
}

Query testFlightGroupsQuery(const QString &appId)
{
    Query query;
    query.filter(QStringLiteral("app"), appId)
        .include({QStringLiteral("betaTesters")})
        .fields(QStringLiteral("betaTesters"), {QStringLiteral("email")})
        .limit(QStringLiteral("betaTesters"), 1)
        .sort(QStringLiteral("name"))
        .limit(200);
    return query;
}

Query groupTestersQuery()
{
    Query query;
    query.limit(200);
    return query;
}

QList<TestFlightBuild> assembleTestFlightBuilds(const QList<jsonapi::Resource> &resources,
                                                const QList<jsonapi::Resource> &included)
{
    QHash<QString, const jsonapi::Resource *> byKey;
    for (const jsonapi::Resource &resource : included)
        byKey.insert(resource.type + QLatin1Char('/') + resource.id, &resource);
    auto find = [&byKey](const QString &type, const QString &id) -> const jsonapi::Resource * {
        return id.isEmpty() ? nullptr : byKey.value(type + QLatin1Char('/') + id);
    };
    QList<TestFlightBuild> out;
    out.reserve(resources.size());
    for (const jsonapi::Resource &resource : resources) {
        const auto build = Build::fromResource(resource);
        if (!build)
            continue;
        TestFlightBuild row;
        row.build = *build;
        if (const auto *version = find(QStringLiteral("preReleaseVersions"), build->preReleaseVersionId)) {
            if (const auto parsed = PreReleaseVersion::fromResource(*version)) {
                row.preReleaseVersion = parsed->version;
                row.platform = parsed->platform;
            }
        }
        if (const auto *detail = find(QStringLiteral("buildBetaDetails"),
                                      resource.relatedId(QStringLiteral("buildBetaDetail"))))
            row.detail = BuildBetaDetail::fromResource(*detail);
        if (const auto *review = find(QStringLiteral("betaAppReviewSubmissions"),
                                      resource.relatedId(QStringLiteral("betaAppReviewSubmission"))))
            row.review = BetaAppReviewSubmission::fromResource(*review);
        for (const QString &id : resource.relationship(QStringLiteral("betaBuildLocalizations")).ids()) {
            if (const auto *localization = find(QStringLiteral("betaBuildLocalizations"), id)) {
                if (auto parsed = BetaBuildLocalization::fromResource(*localization)) {
                    parsed->buildId = build->id;
                    row.localizations.append(*parsed);
                }
            }
        }
        row.groupIds = resource.relationship(QStringLiteral("betaGroups")).ids();
        out.append(row);
    }
    return out;
}

QList<TestFlightGroup> assembleTestFlightGroups(const QList<jsonapi::Resource> &resources)
{
    QList<TestFlightGroup> out;
    for (const jsonapi::Resource &resource : resources) {
        const auto group = BetaGroup::fromResource(resource);
        if (!group)
            continue;
        TestFlightGroup row;
        row.group = *group;
        const QJsonObject paging = resource.relationship(QStringLiteral("betaTesters"))
                                       .meta.value(QStringLiteral("paging"))
                                       .toObject();
        if (paging.contains(QStringLiteral("total")))
            row.testerCount = paging.value(QStringLiteral("total")).toInt();
        out.append(row);
    }
    return out;
}

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ascend::api::TestFlight)
};
} // namespace

QStringList betaReviewBlockers(const TestFlightBuild &row)
{
    QStringList blockers;
    if (row.build.processingState != asc::BuildProcessingState::VALID)
        blockers << Text::tr("The build has not finished processing as VALID (it is %1).")
                        .arg(row.build.processingState ? asc::toString(*row.build.processingState)
                                                       : Text::tr("in an unknown state"));
    if (row.build.expired)
        blockers << Text::tr("The build has expired.");
    if (row.build.buildAudienceType == asc::BuildAudienceType::INTERNAL_ONLY)
        blockers << Text::tr("The build is for internal testing only.");
    if (!row.hasWhatToTest())
        blockers << Text::tr("What to Test is empty: write it for at least one locale.");
    if (row.review && row.review->betaReviewState != asc::BetaReviewState::REJECTED)
        blockers << Text::tr("The build was already submitted (%1).")
                        .arg(row.review->betaReviewState ? asc::toString(*row.review->betaReviewState)
                                                         : QString());
    return blockers;
}

} // namespace ascend::api

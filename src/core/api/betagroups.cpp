#include "core/api/betagroups.h"

#include "core/jsonapi/requestbody.h"

namespace ascend::api {

std::optional<BetaGroup> BetaGroup::fromResource(const jsonapi::Resource &resource)
{
    if (resource.type != QLatin1String(Type))
        return std::nullopt;
    BetaGroup group;
    group.id = resource.id;
    group.name = resource.stringAttribute(QStringLiteral("name"));
    group.createdDate = resource.dateTimeAttribute(QStringLiteral("createdDate"));
    group.isInternalGroup = resource.boolAttribute(QStringLiteral("isInternalGroup")).value_or(false);
    group.hasAccessToAllBuilds =
        resource.boolAttribute(QStringLiteral("hasAccessToAllBuilds")).value_or(false);
    group.publicLinkEnabled = resource.boolAttribute(QStringLiteral("publicLinkEnabled")).value_or(false);
    group.publicLinkId = resource.stringAttribute(QStringLiteral("publicLinkId"));
    group.publicLink = resource.stringAttribute(QStringLiteral("publicLink"));
    group.publicLinkLimitEnabled =
        resource.boolAttribute(QStringLiteral("publicLinkLimitEnabled")).value_or(false);
    if (const auto limit = resource.integerAttribute(QStringLiteral("publicLinkLimit")))
        group.publicLinkLimit = int(*limit);
    group.feedbackEnabled = resource.boolAttribute(QStringLiteral("feedbackEnabled")).value_or(false);
    group.appId = resource.relatedId(QStringLiteral("app"));
    const jsonapi::Relationship builds = resource.relationship(QStringLiteral("builds"));
    group.hasBuildIds = builds.kind == jsonapi::Relationship::Kind::ToMany;
    group.buildIds = builds.ids();
    const jsonapi::Relationship testers = resource.relationship(QStringLiteral("betaTesters"));
    group.hasTesterIds = testers.kind == jsonapi::Relationship::Kind::ToMany;
    group.testerIds = testers.ids();
    return group;
}

namespace {

QJsonObject groupAttributes(const BetaGroupFields &fields)
{
    QJsonObject attributes;
    if (fields.name)
        attributes.insert(QStringLiteral("name"), *fields.name);
    if (fields.isInternalGroup)
        attributes.insert(QStringLiteral("isInternalGroup"), *fields.isInternalGroup);
    if (fields.hasAccessToAllBuilds)
        attributes.insert(QStringLiteral("hasAccessToAllBuilds"), *fields.hasAccessToAllBuilds);
    if (fields.publicLinkEnabled)
        attributes.insert(QStringLiteral("publicLinkEnabled"), *fields.publicLinkEnabled);
    if (fields.publicLinkLimitEnabled)
        attributes.insert(QStringLiteral("publicLinkLimitEnabled"), *fields.publicLinkLimitEnabled);
    if (fields.publicLinkLimit)
        attributes.insert(QStringLiteral("publicLinkLimit"), *fields.publicLinkLimit);
    if (fields.feedbackEnabled)
        attributes.insert(QStringLiteral("feedbackEnabled"), *fields.feedbackEnabled);
    return attributes;
}

QString groupPath(const QString &id, const QString &rest = {})
{
    return QStringLiteral("/v1/betaGroups/") + pathSegment(id) + rest;
}

} // namespace

QJsonObject linkageOf(const QString &type, const QStringList &ids)
{
    QList<jsonapi::ResourceIdentifier> identifiers;
    for (const QString &id : ids)
        identifiers.append({type, id});
    return jsonapi::linkageBody(identifiers);
}

ApiRequest listBetaGroups(const Query &query)
{
    return ApiRequest::get(QStringLiteral("/v1/betaGroups"), query);
}

ApiRequest listAppBetaGroups(const QString &appId, const Query &query)
{
    return ApiRequest::get(QStringLiteral("/v1/apps/%1/betaGroups").arg(pathSegment(appId)), query);
}

ApiRequest getBetaGroup(const QString &id, const Query &query)
{
    return ApiRequest::get(groupPath(id), query);
}

ApiRequest createBetaGroup(const QString &appId, const BetaGroupFields &fields)
{
    jsonapi::ResourceBody body(QLatin1String(BetaGroup::Type));
    body.setAttributes(groupAttributes(fields))
        .setToOne(QStringLiteral("app"), {QStringLiteral("apps"), appId});
    return ApiRequest::post(QStringLiteral("/v1/betaGroups"), body.toJson());
}

ApiRequest updateBetaGroup(const QString &id, const BetaGroupFields &fields)
{
    BetaGroupFields updatable = fields;
    updatable.isInternalGroup.reset();
    updatable.hasAccessToAllBuilds.reset();
    jsonapi::ResourceBody body(QLatin1String(BetaGroup::Type), id);
    body.setAttributes(groupAttributes(updatable));
    return ApiRequest::patch(groupPath(id), body.toJson());
}

ApiRequest deleteBetaGroup(const QString &id)
{
    return ApiRequest::remove(groupPath(id));
}

ApiRequest listBetaGroupTesters(const QString &groupId, const Query &query)
{
    return ApiRequest::get(groupPath(groupId, QStringLiteral("/betaTesters")), query);
}

ApiRequest listBetaGroupBuilds(const QString &groupId, const Query &query)
{
    return ApiRequest::get(groupPath(groupId, QStringLiteral("/builds")), query);
}

ApiRequest addBuildsToBetaGroup(const QString &groupId, const QStringList &buildIds)
{
    return ApiRequest::post(groupPath(groupId, QStringLiteral("/relationships/builds")),
                            linkageOf(QStringLiteral("builds"), buildIds));
}

ApiRequest removeBuildsFromBetaGroup(const QString &groupId, const QStringList &buildIds)
{
    return ApiRequest::remove(groupPath(groupId, QStringLiteral("/relationships/builds")),
                              linkageOf(QStringLiteral("builds"), buildIds));
}

ApiRequest addTestersToBetaGroup(const QString &groupId, const QStringList &testerIds)
{
    return ApiRequest::post(groupPath(groupId, QStringLiteral("/relationships/betaTesters")),
                            linkageOf(QStringLiteral("betaTesters"), testerIds));
}

ApiRequest removeTestersFromBetaGroup(const QString &groupId, const QStringList &testerIds)
{
    return ApiRequest::remove(groupPath(groupId, QStringLiteral("/relationships/betaTesters")),
                              linkageOf(QStringLiteral("betaTesters"), testerIds));
}

} // namespace ascend::api

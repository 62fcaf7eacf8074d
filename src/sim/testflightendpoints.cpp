#include "sim/testflightendpoints.h"

#include "core/asc/ascenums.h"
#include "sim/apierror.h"
#include "sim/documentbuilder.h"
#include "sim/resourceendpoints.h"
#include "sim/router.h"
#include "sim/simevents.h"
#include "sim/simlogging.h"
#include "sim/speccatalog.h"
#include "sim/store.h"
#include "sim/writebody.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QUuid>

namespace ascend::sim {

namespace {

const QString kApps = QStringLiteral("apps");
const QString kBuilds = QStringLiteral("builds");
const QString kGroups = QStringLiteral("betaGroups");
const QString kTesters = QStringLiteral("betaTesters");
const QString kInvitations = QStringLiteral("betaTesterInvitations");
const QString kLocalizations = QStringLiteral("betaBuildLocalizations");
const QString kDetails = QStringLiteral("buildBetaDetails");
const QString kSubmissions = QStringLiteral("betaAppReviewSubmissions");
const QString kNotifications = QStringLiteral("buildBetaNotifications");
// Simulator-only attribute (never rendered): when testers were last told about a build.
const QString kNotified = QStringLiteral("_notifiedDate");

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString isoNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QString appOf(const Store &store, const Record &record)
{
    return store.relatedIds(record, QStringLiteral("app")).value(0);
}

bool isValidEmail(const QString &email)
{
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return pattern.match(email).hasMatch();
}

bool isValidLocale(const QString &locale)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z]{2,3}(-[A-Za-z0-9]{2,4})?$"));
    return pattern.match(locale).hasMatch();
}

ApiError notFoundRelated(const QString &relationship, const QString &type, const QString &id)
{
    ApiError error = body::entityError(
        404, QStringLiteral("NOT_FOUND"), QStringLiteral("The specified resource does not exist"),
        QStringLiteral("There is no resource of type '%1' with id '%2'.").arg(type, id),
        QStringLiteral("/data/relationships/%1").arg(relationship));
    return error;
}

// The build named in a write body's relationships.build. nullptr when it is missing or unknown; *failure then
// holds the answer (the accumulated errors, or 404 for an unknown build).
const Record *buildFromBody(const Store &store, const QJsonObject &data, QList<ApiError> &errors,
                            http::HttpResponse *failure)
{
    const QString buildId = body::toOneId(data, QStringLiteral("build"), kBuilds, &errors);
    if (!errors.isEmpty()) {
        *failure = errorResponse(errors);
        return nullptr;
    }
    const Record *build = store.find(kBuilds, buildId);
    if (!build)
        *failure = errorResponse(notFoundRelated(QStringLiteral("build"), kBuilds, buildId));
    return build;
}

// Checks optional boolean/integer attributes of a write body.
bool checkBool(const QJsonObject &attributes, const QString &name, QList<ApiError> *errors)
{
    const QJsonValue value = attributes.value(name);
    if (value.isUndefined() || value.isNull() || value.isBool())
        return true;
    errors->append(body::attributeInvalid(name, QStringLiteral("'%1' must be true or false.").arg(name)));
    return false;
}

QString publicLinkId()
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    QString id;
    const QByteArray random = QUuid::createUuid().toRfc4122();
    for (int i = 0; i < 8; ++i)
        id.append(QLatin1Char(alphabet[quint8(random.at(i)) % (sizeof(alphabet) - 1)]));
    return id;
}

void applyPublicLink(QJsonObject &attributes)
{
    if (attributes.value(QStringLiteral("publicLinkEnabled")).toBool()) {
        if (attributes.value(QStringLiteral("publicLinkId")).toString().isEmpty()) {
            const QString id = publicLinkId();
            attributes.insert(QStringLiteral("publicLinkId"), id);
            attributes.insert(QStringLiteral("publicLink"),
                              QStringLiteral("https://testflight.apple.com/join/") + id);
        }
    } else {
        attributes.remove(QStringLiteral("publicLinkId"));
        attributes.remove(QStringLiteral("publicLink"));
    }
}

// Validates the group attributes shared by create and update; `group` holds the merged result.
void checkGroupAttributes(const QJsonObject &sent, const QJsonObject &group, QList<ApiError> *errors)
{
    for (const char *name :
         {"isInternalGroup", "hasAccessToAllBuilds", "publicLinkEnabled", "publicLinkLimitEnabled",
          "feedbackEnabled", "iosBuildsAvailableForAppleSiliconMac", "iosBuildsAvailableForAppleVision"})
        checkBool(sent, QString::fromLatin1(name), errors);
    if (sent.contains(QStringLiteral("name"))) {
        const QString name = sent.value(QStringLiteral("name")).toString().trimmed();
        if (name.isEmpty())
            errors->append(
                body::attributeInvalid(QStringLiteral("name"), QStringLiteral("The group needs a name.")));
        else if (name.size() > 50)
            errors->append(body::attributeInvalid(QStringLiteral("name"),
                                                  QStringLiteral("A group name has at most 50 characters.")));
    }
    const QJsonValue limit = sent.value(QStringLiteral("publicLinkLimit"));
    if (!limit.isUndefined() && !limit.isNull()) {
        const double n = limit.toDouble(-1);
        if (!limit.isDouble() || n < 1 || n > MaxPublicLinkLimit || n != std::floor(n))
            errors->append(body::attributeInvalid(
                QStringLiteral("publicLinkLimit"),
                QStringLiteral("The public link limit must be a whole number from 1 to %1.")
                    .arg(MaxPublicLinkLimit)));
    }
    const bool internal = group.value(QStringLiteral("isInternalGroup")).toBool();
    if (internal && group.value(QStringLiteral("publicLinkEnabled")).toBool())
        errors->append(body::stateConflict(QStringLiteral("ENTITY_ERROR.ATTRIBUTE.INVALID"),
                                           QStringLiteral("Internal groups cannot have a public link."),
                                           QStringLiteral("/data/attributes/publicLinkEnabled")));
    if (!internal && group.value(QStringLiteral("hasAccessToAllBuilds")).toBool())
        errors->append(
            body::stateConflict(QStringLiteral("ENTITY_ERROR.ATTRIBUTE.INVALID"),
                                QStringLiteral("Only internal groups can have access to all builds."),
                                QStringLiteral("/data/attributes/hasAccessToAllBuilds")));
}

} // namespace

TestFlightArea::TestFlightArea(Store &store, SimEvents &events, BetaReviewOptions options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_review(store, events, options)
{
    connect(&m_review, &BetaReview::storeChanged, this, &TestFlightArea::storeChanged);
    connect(&events, &SimEvents::published, this, &TestFlightArea::onEvent);
    m_review.reconcile();
}

void TestFlightArea::changed()
{
    emit storeChanged();
}

void TestFlightArea::onEvent(const SimEvent &event)
{
    // A finished upload makes a build; give it its buildBetaDetail at once.
    if (event.type != asc::WebhookEventType::BUILD_UPLOAD_STATE_UPDATED ||
        event.attributes.value(QStringLiteral("newState")).toString() != QLatin1String("COMPLETE"))
        return;
    if (const Record *upload = m_store.find(event.instanceType, event.instanceId)) {
        const QString buildId = m_store.relatedIds(*upload, QStringLiteral("build")).value(0);
        if (!buildId.isEmpty())
            m_review.ensureDetail(buildId);
    }
}

http::HttpResponse TestFlightArea::single(const ApiRequest &request, const Record &record, int status)
{
    const DocumentBuilder builder(m_store, m_resources->catalog(), request.operation, request.query,
                                  request.baseUrl);
    return jsonResponse(status, builder.single(record, builder.resourceUrl(record)));
}

void TestFlightArea::registerEndpoints(Router &router, ResourceEndpoints &resources)
{
    m_resources = &resources;
    auto bind = [this](http::HttpResponse (TestFlightArea::*method)(const ApiRequest &)) {
        return [this, method](const ApiRequest &request) { return (this->*method)(request); };
    };
    // POST/DELETE /v1/<owner>/{id}/relationships/<related>: add or remove links, 204.
    auto linkage = [this](const QString &ownerType, const QString &relatedType, bool add) {
        return [this, ownerType, relatedType, add](const ApiRequest &request) {
            return changeLinkage(request, ownerType, relatedType, add);
        };
    };
    auto write = [&](const char *method, const QString &path, const QString &operationId, const QString &type,
                     Handler handler, bool json = true) {
        router.add(Route{method, path, operationId, type, std::move(handler),
                         json ? BodyPolicy::Json : BodyPolicy::None});
    };

    // Beta groups
    router.get(QStringLiteral("/v1/betaGroups"), QStringLiteral("betaGroups_getCollection"), kGroups,
               resources.collection(kGroups));
    router.get(QStringLiteral("/v1/betaGroups/{id}"), QStringLiteral("betaGroups_getInstance"), kGroups,
               resources.instance(kGroups));
    router.get(QStringLiteral("/v1/apps/{id}/betaGroups"), QStringLiteral("apps_betaGroups_getToManyRelated"),
               kGroups, resources.toManyRelated(kApps, kGroups));
    router.get(QStringLiteral("/v1/betaGroups/{id}/builds"),
               QStringLiteral("betaGroups_builds_getToManyRelated"), kBuilds,
               resources.toManyRelated(kGroups, kBuilds));
    router.get(QStringLiteral("/v1/betaGroups/{id}/betaTesters"),
               QStringLiteral("betaGroups_betaTesters_getToManyRelated"), kTesters,
               resources.toManyRelated(kGroups, kTesters));
    write("POST", QStringLiteral("/v1/betaGroups"), QStringLiteral("betaGroups_createInstance"), kGroups,
          bind(&TestFlightArea::createGroup));
    write("PATCH", QStringLiteral("/v1/betaGroups/{id}"), QStringLiteral("betaGroups_updateInstance"),
          kGroups, bind(&TestFlightArea::updateGroup));
    write("DELETE", QStringLiteral("/v1/betaGroups/{id}"), QStringLiteral("betaGroups_deleteInstance"),
          kGroups, bind(&TestFlightArea::deleteGroup), false);
    write("POST", QStringLiteral("/v1/betaGroups/{id}/relationships/builds"),
          QStringLiteral("betaGroups_builds_createToManyRelationship"), kGroups,
          linkage(kGroups, kBuilds, true));
    write("DELETE", QStringLiteral("/v1/betaGroups/{id}/relationships/builds"),
          QStringLiteral("betaGroups_builds_deleteToManyRelationship"), kGroups,
          linkage(kGroups, kBuilds, false));
    write("POST", QStringLiteral("/v1/betaGroups/{id}/relationships/betaTesters"),
          QStringLiteral("betaGroups_betaTesters_createToManyRelationship"), kGroups,
          linkage(kGroups, kTesters, true));
    write("DELETE", QStringLiteral("/v1/betaGroups/{id}/relationships/betaTesters"),
          QStringLiteral("betaGroups_betaTesters_deleteToManyRelationship"), kGroups,
          linkage(kGroups, kTesters, false));

    // Beta testers and invitations
    router.get(QStringLiteral("/v1/betaTesters"), QStringLiteral("betaTesters_getCollection"), kTesters,
               resources.collection(kTesters));
    router.get(QStringLiteral("/v1/betaTesters/{id}"), QStringLiteral("betaTesters_getInstance"), kTesters,
               resources.instance(kTesters));
    write("POST", QStringLiteral("/v1/betaTesters"), QStringLiteral("betaTesters_createInstance"), kTesters,
          bind(&TestFlightArea::createTester));
    write("DELETE", QStringLiteral("/v1/betaTesters/{id}"), QStringLiteral("betaTesters_deleteInstance"),
          kTesters, bind(&TestFlightArea::deleteTester), false);
    write("POST", QStringLiteral("/v1/betaTesters/{id}/relationships/betaGroups"),
          QStringLiteral("betaTesters_betaGroups_createToManyRelationship"), kTesters,
          linkage(kTesters, kGroups, true));
    write("DELETE", QStringLiteral("/v1/betaTesters/{id}/relationships/betaGroups"),
          QStringLiteral("betaTesters_betaGroups_deleteToManyRelationship"), kTesters,
          linkage(kTesters, kGroups, false));
    write("POST", QStringLiteral("/v1/betaTesterInvitations"),
          QStringLiteral("betaTesterInvitations_createInstance"), kInvitations,
          bind(&TestFlightArea::createInvitation));

    // What to Test
    router.get(QStringLiteral("/v1/betaBuildLocalizations"),
               QStringLiteral("betaBuildLocalizations_getCollection"), kLocalizations,
               resources.collection(kLocalizations));
    router.get(QStringLiteral("/v1/betaBuildLocalizations/{id}"),
               QStringLiteral("betaBuildLocalizations_getInstance"), kLocalizations,
               resources.instance(kLocalizations));
    router.get(QStringLiteral("/v1/builds/{id}/betaBuildLocalizations"),
               QStringLiteral("builds_betaBuildLocalizations_getToManyRelated"), kLocalizations,
               resources.toManyRelated(kBuilds, kLocalizations));
    write("POST", QStringLiteral("/v1/betaBuildLocalizations"),
          QStringLiteral("betaBuildLocalizations_createInstance"), kLocalizations,
          bind(&TestFlightArea::createLocalization));
    write("PATCH", QStringLiteral("/v1/betaBuildLocalizations/{id}"),
          QStringLiteral("betaBuildLocalizations_updateInstance"), kLocalizations,
          bind(&TestFlightArea::updateLocalization));
    write("DELETE", QStringLiteral("/v1/betaBuildLocalizations/{id}"),
          QStringLiteral("betaBuildLocalizations_deleteInstance"), kLocalizations,
          bind(&TestFlightArea::deleteLocalization), false);

    // Build beta details
    router.get(QStringLiteral("/v1/buildBetaDetails"), QStringLiteral("buildBetaDetails_getCollection"),
               kDetails, resources.collection(kDetails));
    router.get(QStringLiteral("/v1/buildBetaDetails/{id}"), QStringLiteral("buildBetaDetails_getInstance"),
               kDetails, resources.instance(kDetails));
    router.get(QStringLiteral("/v1/builds/{id}/buildBetaDetail"),
               QStringLiteral("builds_buildBetaDetail_getToOneRelated"), kDetails,
               [this](const ApiRequest &request) {
                   return toOneRelated(request, QStringLiteral("buildBetaDetail"));
               });
    write("PATCH", QStringLiteral("/v1/buildBetaDetails/{id}"),
          QStringLiteral("buildBetaDetails_updateInstance"), kDetails, bind(&TestFlightArea::updateDetail));

    // Beta App Review
    router.get(QStringLiteral("/v1/betaAppReviewSubmissions"),
               QStringLiteral("betaAppReviewSubmissions_getCollection"), kSubmissions,
               resources.collection(kSubmissions));
    router.get(QStringLiteral("/v1/betaAppReviewSubmissions/{id}"),
               QStringLiteral("betaAppReviewSubmissions_getInstance"), kSubmissions,
               resources.instance(kSubmissions));
    router.get(QStringLiteral("/v1/builds/{id}/betaAppReviewSubmission"),
               QStringLiteral("builds_betaAppReviewSubmission_getToOneRelated"), kSubmissions,
               [this](const ApiRequest &request) {
                   return toOneRelated(request, QStringLiteral("betaAppReviewSubmission"));
               });
    write("POST", QStringLiteral("/v1/betaAppReviewSubmissions"),
          QStringLiteral("betaAppReviewSubmissions_createInstance"), kSubmissions,
          bind(&TestFlightArea::createSubmission));

    // Notifications, builds
    write("POST", QStringLiteral("/v1/buildBetaNotifications"),
          QStringLiteral("buildBetaNotifications_createInstance"), kNotifications,
          bind(&TestFlightArea::createNotification));
    write("PATCH", QStringLiteral("/v1/builds/{id}"), QStringLiteral("builds_updateInstance"), kBuilds,
          bind(&TestFlightArea::updateBuild));
    write("POST", QStringLiteral("/v1/builds/{id}/relationships/betaGroups"),
          QStringLiteral("builds_betaGroups_createToManyRelationship"), kBuilds,
          linkage(kBuilds, kGroups, true));
    write("DELETE", QStringLiteral("/v1/builds/{id}/relationships/betaGroups"),
          QStringLiteral("builds_betaGroups_deleteToManyRelationship"), kBuilds,
          linkage(kBuilds, kGroups, false));
}

// ---- groups ----

http::HttpResponse TestFlightArea::changeLinkage(const ApiRequest &request, const QString &ownerType,
                                                 const QString &relatedType, bool add)
{
    const QString id = request.pathParameter(QStringLiteral("id"));
    if (!m_store.find(ownerType, id))
        return errorResponse(errors::resourceNotFound(ownerType, id));
    QList<ApiError> errors;
    const auto ids = body::linkageIds(request.body.object(), relatedType, &errors);
    if (!ids)
        return errorResponse(errors);
    if (ownerType == kTesters || relatedType == kTesters) {
        return ownerType == kTesters ? linkTestersAndGroups({id}, *ids, add)
                                     : linkTestersAndGroups(*ids, {id}, add);
    }
    return ownerType == kBuilds ? linkBuildsAndGroups({id}, *ids, add) : linkBuildsAndGroups(*ids, {id}, add);
}

http::HttpResponse TestFlightArea::createGroup(const ApiRequest &request)
{
    QList<ApiError> errors;
    const auto data = body::resourceData(request.body.object(), kGroups, {}, &errors);
    if (!data)
        return errorResponse(errors);
    const QJsonObject sent = data->value(QStringLiteral("attributes")).toObject();
    const QString name = sent.value(QStringLiteral("name")).toString().trimmed();
    if (!sent.contains(QStringLiteral("name")))
        errors.append(body::attributeRequired(QStringLiteral("name")));
    const QString appId = body::toOneId(*data, QStringLiteral("app"), kApps, &errors);
    const QStringList buildIds = body::toManyIds(*data, kBuilds, kBuilds, &errors);
    const QStringList testerIds = body::toManyIds(*data, kTesters, kTesters, &errors);
    QJsonObject attributes{{QStringLiteral("name"), name},
                           {QStringLiteral("createdDate"), isoNow()},
                           {QStringLiteral("isInternalGroup"), false},
                           {QStringLiteral("hasAccessToAllBuilds"), false},
                           {QStringLiteral("publicLinkEnabled"), false},
                           {QStringLiteral("publicLinkLimitEnabled"), false},
                           {QStringLiteral("feedbackEnabled"), true},
                           {QStringLiteral("iosBuildsAvailableForAppleSiliconMac"), false},
                           {QStringLiteral("iosBuildsAvailableForAppleVision"), false}};
    for (auto it = sent.begin(); it != sent.end(); ++it) {
        if (it.key() != QLatin1String("name") && !it.value().isNull())
            attributes.insert(it.key(), it.value());
    }
    checkGroupAttributes(sent, attributes, &errors);
    if (!errors.isEmpty())
        return errorResponse(errors);
    if (!m_store.find(kApps, appId))
        return errorResponse(notFoundRelated(QStringLiteral("app"), kApps, appId));
    for (const Record *group : m_store.all(kGroups)) {
        if (appOf(m_store, *group) == appId &&
            group->attributes.value(QStringLiteral("name")).toString().compare(name, Qt::CaseInsensitive) ==
                0)
            return errorResponse(
                body::stateConflict(QStringLiteral("ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE"),
                                    QStringLiteral("The app already has a group named '%1'.").arg(name),
                                    QStringLiteral("/data/attributes/name")));
    }
    applyPublicLink(attributes);
    Record group;
    group.type = kGroups;
    group.id = newId();
    group.attributes = attributes;
    group.relationships.insert(QStringLiteral("app"), {appId});
    const QString groupId = group.id;
    m_store.put(std::move(group));
    // Builds and testers sent along are linked with the same checks as the relationship endpoints.
    if (!buildIds.isEmpty()) {
        const http::HttpResponse linked = linkBuildsAndGroups(buildIds, {groupId}, true);
        if (linked.status != 204) {
            m_store.remove(kGroups, groupId);
            return linked;
        }
    }
    if (!testerIds.isEmpty()) {
        const http::HttpResponse linked = linkTestersAndGroups(testerIds, {groupId}, true);
        if (linked.status != 204) {
            m_store.remove(kGroups, groupId);
            return linked;
        }
    }
    changed();
    return single(request, *m_store.find(kGroups, groupId), 201);
}

http::HttpResponse TestFlightArea::updateGroup(const ApiRequest &request)
{
    const QString id = request.pathParameter(QStringLiteral("id"));
    const Record *group = m_store.find(kGroups, id);
    if (!group)
        return errorResponse(errors::resourceNotFound(kGroups, id));
    QList<ApiError> errors;
    const auto data = body::resourceData(request.body.object(), kGroups, id, &errors);
    if (!data)
        return errorResponse(errors);
    const QJsonObject sent = data->value(QStringLiteral("attributes")).toObject();
    static const QStringList updatable = {QStringLiteral("name"),
                                          QStringLiteral("publicLinkEnabled"),
                                          QStringLiteral("publicLinkLimitEnabled"),
                                          QStringLiteral("publicLinkLimit"),
                                          QStringLiteral("feedbackEnabled"),
                                          QStringLiteral("iosBuildsAvailableForAppleSiliconMac"),
                                          QStringLiteral("iosBuildsAvailableForAppleVision")};
    Record updated = *group;
    for (auto it = sent.begin(); it != sent.end(); ++it) {
        if (!updatable.contains(it.key())) {
            errors.append(body::stateConflict(QStringLiteral("ENTITY_ERROR.ATTRIBUTE.INVALID"),
                                              QStringLiteral("'%1' cannot be changed.").arg(it.key()),
                                              QStringLiteral("/data/attributes/%1").arg(it.key())));
            continue;
        }
        if (it.value().isNull())
            continue;
        updated.attributes.insert(it.key(), it.key() == QLatin1String("name")
                                                ? QJsonValue(it.value().toString().trimmed())
                                                : it.value());
    }
    checkGroupAttributes(sent, updated.attributes, &errors);
    if (!errors.isEmpty())
        return errorResponse(errors);
    const QString name = updated.attributes.value(QStringLiteral("name")).toString();
    for (const Record *other : m_store.all(kGroups)) {
        if (other->id != id && appOf(m_store, *other) == appOf(m_store, *group) &&
            other->attributes.value(QStringLiteral("name")).toString().compare(name, Qt::CaseInsensitive) ==
                0)
            return errorResponse(
                body::stateConflict(QStringLiteral("ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE"),
                                    QStringLiteral("The app already has a group named '%1'.").arg(name),
                                    QStringLiteral("/data/attributes/name")));
    }
    applyPublicLink(updated.attributes);
    m_store.put(std::move(updated));
    changed();
    return single(request, *m_store.find(kGroups, id), 200);
}

http::HttpResponse TestFlightArea::deleteGroup(const ApiRequest &request)
{
    const QString id = request.pathParameter(QStringLiteral("id"));
    if (!m_store.remove(kGroups, id))
        return errorResponse(errors::resourceNotFound(kGroups, id));
    changed();
    return http::HttpResponse::empty(204);
}

http::HttpResponse TestFlightArea::linkBuildsAndGroups(const QStringList &buildIds,
                                                       const QStringList &groupIds, bool add)
{
    QList<const Record *> builds;
    QList<const Record *> groups;
    for (const QString &id : buildIds) {
        const Record *build = m_store.find(kBuilds, id);
        if (!build)
            return errorResponse(notFoundRelated(kBuilds, kBuilds, id));
        builds.append(build);
    }
    for (const QString &id : groupIds) {
        const Record *group = m_store.find(kGroups, id);
        if (!group)
            return errorResponse(notFoundRelated(kGroups, kGroups, id));
        groups.append(group);
    }
    if (add) {
        for (const Record *group : groups) {
            const bool external = !group->attributes.value(QStringLiteral("isInternalGroup")).toBool();
            for (const Record *build : builds) {
                const QString version = build->attributes.value(QStringLiteral("version")).toString();
                if (appOf(m_store, *build) != appOf(m_store, *group))
                    return errorResponse(body::stateConflict(
                        QStringLiteral("ENTITY_ERROR.RELATIONSHIP.INVALID"),
                        QStringLiteral("Build %1 belongs to another app than the group '%2'.")
                            .arg(version, group->attributes.value(QStringLiteral("name")).toString())));
                if (build->attributes.value(QStringLiteral("processingState")).toString() !=
                        QLatin1String("VALID") ||
                    build->attributes.value(QStringLiteral("expired")).toBool())
                    return errorResponse(body::stateConflict(
                        QStringLiteral("STATE_ERROR.ENTITY_STATE_INVALID"),
                        QStringLiteral("Build %1 cannot be given to testers: it is %2.")
                            .arg(version, build->attributes.value(QStringLiteral("expired")).toBool()
                                              ? QStringLiteral("expired")
                                              : build->attributes.value(QStringLiteral("processingState"))
                                                    .toString())));
                if (external && build->attributes.value(QStringLiteral("buildAudienceType")).toString() ==
                                    QLatin1String("INTERNAL_ONLY"))
                    return errorResponse(body::stateConflict(
                        QStringLiteral("STATE_ERROR.ENTITY_STATE_INVALID"),
                        QStringLiteral("Build %1 is for internal testing only and cannot go to the external "
                                       "group '%2'.")
                            .arg(version, group->attributes.value(QStringLiteral("name")).toString())));
            }
        }
    }
    for (const Record *group : groups) {
        Record updated = *group;
        QStringList ids = updated.relationships.value(kBuilds);
        for (const QString &id : buildIds) {
            if (add && !ids.contains(id))
                ids.append(id);
            else if (!add)
                ids.removeAll(id);
        }
        updated.relationships.insert(kBuilds, ids);
        const bool external = !updated.attributes.value(QStringLiteral("isInternalGroup")).toBool();
        m_store.put(std::move(updated));
        if (add && external) {
            for (const QString &id : buildIds)
                m_review.buildJoinedExternalGroup(id);
        }
    }
    changed();
    return http::HttpResponse::empty(204);
}

http::HttpResponse TestFlightArea::linkTestersAndGroups(const QStringList &testerIds,
                                                        const QStringList &groupIds, bool add)
{
    for (const QString &id : testerIds) {
        if (!m_store.find(kTesters, id))
            return errorResponse(notFoundRelated(kTesters, kTesters, id));
    }
    QList<const Record *> groups;
    for (const QString &id : groupIds) {
        const Record *group = m_store.find(kGroups, id);
        if (!group)
            return errorResponse(notFoundRelated(kGroups, kGroups, id));
        groups.append(group);
    }
    for (const Record *group : groups) {
        const QString appId = appOf(m_store, *group);
        Record updated = *group;
        QStringList ids = updated.relationships.value(kTesters);
        for (const QString &id : testerIds) {
            if (add && !ids.contains(id)) {
                ids.append(id);
                Record tester = *m_store.find(kTesters, id);
                QStringList apps = tester.relationships.value(kApps);
                if (!apps.contains(appId)) {
                    apps.append(appId);
                    tester.relationships.insert(kApps, apps);
                    m_store.put(std::move(tester));
                }
            } else if (!add) {
                ids.removeAll(id);
            }
        }
        updated.relationships.insert(kTesters, ids);
        m_store.put(std::move(updated));
    }
    changed();
    return http::HttpResponse::empty(204);
}

// ---- testers ----

http::HttpResponse TestFlightArea::createTester(const ApiRequest &request)
{
    QList<ApiError> errors;
    const auto data = body::resourceData(request.body.object(), kTesters, {}, &errors);
    if (!data)
        return errorResponse(errors);
    const QJsonObject sent = data->value(QStringLiteral("attributes")).toObject();
    const QString email = sent.value(QStringLiteral("email")).toString().trimmed();
    if (email.isEmpty())
        errors.append(body::attributeRequired(QStringLiteral("email")));
    else if (!isValidEmail(email))
        errors.append(body::attributeInvalid(
            QStringLiteral("email"), QStringLiteral("'%1' is not a valid email address.").arg(email)));
    const QStringList groupIds = body::toManyIds(*data, kGroups, kGroups, &errors);
    const QStringList buildIds = body::toManyIds(*data, kBuilds, kBuilds, &errors);
    if (errors.isEmpty() && groupIds.isEmpty() && buildIds.isEmpty())
        errors.append(body::relationshipRequired(kGroups));
    if (!errors.isEmpty())
        return errorResponse(errors);
    QStringList appIds;
    for (const QString &id : groupIds) {
        const Record *group = m_store.find(kGroups, id);
        if (!group)
            return errorResponse(notFoundRelated(kGroups, kGroups, id));
        appIds.append(appOf(m_store, *group));
    }
    for (const QString &id : buildIds) {
        const Record *build = m_store.find(kBuilds, id);
        if (!build)
            return errorResponse(notFoundRelated(kBuilds, kBuilds, id));
        appIds.append(appOf(m_store, *build));
    }
    appIds.removeDuplicates();
    for (const Record *tester : m_store.all(kTesters)) {
        if (tester->attributes.value(QStringLiteral("email"))
                .toString()
                .compare(email, Qt::CaseInsensitive) == 0)
            return errorResponse(body::stateConflict(
                QStringLiteral("ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE"),
                QStringLiteral(
                    "A tester with the email %1 already exists (id %2); add that tester to the group "
                    "instead.")
                    .arg(email, tester->id),
                QStringLiteral("/data/attributes/email")));
    }
    Record tester;
    tester.type = kTesters;
    tester.id = newId();
    tester.attributes =
        QJsonObject{{QStringLiteral("firstName"), sent.value(QStringLiteral("firstName")).toString()},
                    {QStringLiteral("lastName"), sent.value(QStringLiteral("lastName")).toString()},
                    {QStringLiteral("email"), email},
                    {QStringLiteral("inviteType"), QStringLiteral("EMAIL")},
                    {QStringLiteral("state"), QStringLiteral("INVITED")},
                    {QStringLiteral("appDevices"), QJsonArray()}};
    tester.relationships.insert(kApps, appIds);
    tester.relationships.insert(kBuilds, buildIds);
    const QString testerId = tester.id;
    m_store.put(std::move(tester));
    if (!groupIds.isEmpty())
        linkTestersAndGroups({testerId}, groupIds, true);
    changed();
    return single(request, *m_store.find(kTesters, testerId), 201);
}

http::HttpResponse TestFlightArea::deleteTester(const ApiRequest &request)
{
    const QString id = request.pathParameter(QStringLiteral("id"));
    if (!m_store.find(kTesters, id))
        return errorResponse(errors::resourceNotFound(kTesters, id));
    for (const Record *group : m_store.all(kGroups)) {
        if (group->relationships.value(kTesters).contains(id)) {
            Record updated = *group;
            QStringList ids = updated.relationships.value(kTesters);
            ids.removeAll(id);
            updated.relationships.insert(kTesters, ids);
            m_store.put(std::move(updated));
        }
    }
    m_store.remove(kTesters, id);
    changed();
    return http::HttpResponse::empty(204);
}

http::HttpResponse TestFlightArea::createInvitation(const ApiRequest &request)
{
    QList<ApiError> errors;
    const auto data = body::resourceData(request.body.object(), kInvitations, {}, &errors);
    if (!data)
        return errorResponse(errors);
    const QString appId = body::toOneId(*data, QStringLiteral("app"), kApps, &errors);
    const QString testerId = body::toOneId(*data, QStringLiteral("betaTester"), kTesters, &errors);
    if (!errors.isEmpty())
        return errorResponse(errors);
    if (!m_store.find(kApps, appId))
        return errorResponse(notFoundRelated(QStringLiteral("app"), kApps, appId));
    const Record *tester = m_store.find(kTesters, testerId);
    if (!tester)
        return errorResponse(notFoundRelated(QStringLiteral("betaTester"), kTesters, testerId));
    if (!tester->relationships.value(kApps).contains(appId))
        return errorResponse(body::stateConflict(
            QStringLiteral("STATE_ERROR.ENTITY_STATE_INVALID"),
            QStringLiteral("%1 is not a tester of this app; add the tester to one of its groups first.")
                .arg(tester->attributes.value(QStringLiteral("email")).toString())));
    Record updated = *tester;
    const QString state = updated.attributes.value(QStringLiteral("state")).toString();
    if (state == QLatin1String("NOT_INVITED") || state == QLatin1String("REVOKED") ||
        state == QLatin1String("INVITED"))
        updated.attributes.insert(QStringLiteral("state"), QStringLiteral("INVITED"));
    m_store.put(std::move(updated));
    Record invitation;
    invitation.type = kInvitations;
    invitation.id = newId();
    const QString invitationId = invitation.id;
    m_store.put(std::move(invitation));
    changed();
    return single(request, *m_store.find(kInvitations, invitationId), 201);
}

// ---- What to Test ----

http::HttpResponse TestFlightArea::createLocalization(const ApiRequest &request)
{
    QList<ApiError> errors;
    const auto data = body::resourceData(request.body.object(), kLocalizations, {}, &errors);
    if (!data)
        return errorResponse(errors);
    const QJsonObject sent = data->value(QStringLiteral("attributes")).toObject();
    const QString locale = sent.value(QStringLiteral("locale")).toString();
    if (locale.isEmpty())
        errors.append(body::attributeRequired(QStringLiteral("locale")));
    else if (!isValidLocale(locale))
        errors.append(body::attributeInvalid(
            QStringLiteral("locale"), QStringLiteral("'%1' is not a locale such as en-US.").arg(locale)));
    const QString whatsNew = sent.value(QStringLiteral("whatsNew")).toString();
    if (whatsNew.size() > MaxWhatsNewLength)
        errors.append(body::attributeInvalid(
            QStringLiteral("whatsNew"),
            QStringLiteral("What to Test has at most %1 characters.").arg(MaxWhatsNewLength)));
    http::HttpResponse failure;
    const Record *build = buildFromBody(m_store, *data, errors, &failure);
    if (!build)
        return failure;
    const QString buildId = build->id;
    for (const Record *existing : m_store.related(*build, kLocalizations)) {
        if (existing->attributes.value(QStringLiteral("locale")).toString() == locale)
            return errorResponse(body::stateConflict(
                QStringLiteral("ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE"),
                QStringLiteral("The build already has What to Test for %1 (id %2); update it instead.")
                    .arg(locale, existing->id),
                QStringLiteral("/data/attributes/locale")));
    }
    Record localization;
    localization.type = kLocalizations;
    localization.id = newId();
    localization.attributes = QJsonObject{{QStringLiteral("locale"), locale}};
    if (sent.contains(QStringLiteral("whatsNew")))
        localization.attributes.insert(QStringLiteral("whatsNew"), sent.value(QStringLiteral("whatsNew")));
    localization.relationships.insert(QStringLiteral("build"), {buildId});
    const QString id = localization.id;
    m_store.put(std::move(localization));
    changed();
    return single(request, *m_store.find(kLocalizations, id), 201);
}

http::HttpResponse TestFlightArea::updateLocalization(const ApiRequest &request)
{
    const QString id = request.pathParameter(QStringLiteral("id"));
    const Record *localization = m_store.find(kLocalizations, id);
    if (!localization)
        return errorResponse(errors::resourceNotFound(kLocalizations, id));
    QList<ApiError> errors;
    const auto data = body::resourceData(request.body.object(), kLocalizations, id, &errors);
    if (!data)
        return errorResponse(errors);
    const QJsonObject sent = data->value(QStringLiteral("attributes")).toObject();
    for (auto it = sent.begin(); it != sent.end(); ++it) {
        if (it.key() != QLatin1String("whatsNew"))
            errors.append(body::stateConflict(QStringLiteral("ENTITY_ERROR.ATTRIBUTE.INVALID"),
                                              QStringLiteral("'%1' cannot be changed.").arg(it.key()),
                                              QStringLiteral("/data/attributes/%1").arg(it.key())));
    }
    if (sent.value(QStringLiteral("whatsNew")).toString().size() > MaxWhatsNewLength)
        errors.append(body::attributeInvalid(
            QStringLiteral("whatsNew"),
            QStringLiteral("What to Test has at most %1 characters.").arg(MaxWhatsNewLength)));
    if (!errors.isEmpty())
        return errorResponse(errors);
    Record updated = *localization;
    if (sent.contains(QStringLiteral("whatsNew")))
        updated.attributes.insert(QStringLiteral("whatsNew"), sent.value(QStringLiteral("whatsNew")));
    m_store.put(std::move(updated));
    changed();
    return single(request, *m_store.find(kLocalizations, id), 200);
}

http::HttpResponse TestFlightArea::deleteLocalization(const ApiRequest &request)
{
    const QString id = request.pathParameter(QStringLiteral("id"));
    if (!m_store.remove(kLocalizations, id))
        return errorResponse(errors::resourceNotFound(kLocalizations, id));
    changed();
    return http::HttpResponse::empty(204);
}

// ---- build beta details, review, notifications, builds ----

http::HttpResponse TestFlightArea::toOneRelated(const ApiRequest &request, const QString &relationship)
{
    const QString id = request.pathParameter(QStringLiteral("id"));
    const Record *build = m_store.find(kBuilds, id);
    if (!build)
        return errorResponse(errors::resourceNotFound(kBuilds, id));
    const auto related = m_store.related(*build, relationship);
    if (related.isEmpty())
        return errorResponse(errors::resourceNotFound(m_store.relatedType(kBuilds, relationship), id));
    const DocumentBuilder builder(m_store, m_resources->catalog(), request.operation, request.query,
                                  request.baseUrl);
    return jsonResponse(200, builder.single(*related.first(), QString::fromUtf8(request.http->target)));
}

http::HttpResponse TestFlightArea::updateDetail(const ApiRequest &request)
{
    const QString id = request.pathParameter(QStringLiteral("id"));
    const Record *detail = m_store.find(kDetails, id);
    if (!detail)
        return errorResponse(errors::resourceNotFound(kDetails, id));
    QList<ApiError> errors;
    const auto data = body::resourceData(request.body.object(), kDetails, id, &errors);
    if (!data)
        return errorResponse(errors);
    const QJsonObject sent = data->value(QStringLiteral("attributes")).toObject();
    for (auto it = sent.begin(); it != sent.end(); ++it) {
        if (it.key() != QLatin1String("autoNotifyEnabled"))
            errors.append(body::stateConflict(QStringLiteral("ENTITY_ERROR.ATTRIBUTE.INVALID"),
                                              QStringLiteral("'%1' cannot be changed.").arg(it.key()),
                                              QStringLiteral("/data/attributes/%1").arg(it.key())));
    }
    checkBool(sent, QStringLiteral("autoNotifyEnabled"), &errors);
    if (!errors.isEmpty())
        return errorResponse(errors);
    Record updated = *detail;
    if (sent.value(QStringLiteral("autoNotifyEnabled")).isBool())
        updated.attributes.insert(QStringLiteral("autoNotifyEnabled"),
                                  sent.value(QStringLiteral("autoNotifyEnabled")));
    m_store.put(std::move(updated));
    changed();
    return single(request, *m_store.find(kDetails, id), 200);
}

http::HttpResponse TestFlightArea::createSubmission(const ApiRequest &request)
{
    QList<ApiError> errors;
    const auto data = body::resourceData(request.body.object(), kSubmissions, {}, &errors);
    if (!data)
        return errorResponse(errors);
    http::HttpResponse failure;
    const Record *build = buildFromBody(m_store, *data, errors, &failure);
    if (!build)
        return failure;
    const QString buildId = build->id;
    const QString version = build->attributes.value(QStringLiteral("version")).toString();
    const QString processing = build->attributes.value(QStringLiteral("processingState")).toString();
    if (processing != QLatin1String("VALID"))
        return errorResponse(body::stateConflict(
            QStringLiteral("STATE_ERROR.ENTITY_STATE_INVALID"),
            QStringLiteral(
                "Build %1 cannot be submitted for Beta App Review: its processing state is %2, not VALID.")
                .arg(version, processing),
            QStringLiteral("/data/relationships/build")));
    if (build->attributes.value(QStringLiteral("expired")).toBool())
        return errorResponse(
            body::stateConflict(QStringLiteral("STATE_ERROR.ENTITY_STATE_INVALID"),
                                QStringLiteral("Build %1 has expired and cannot be submitted.").arg(version),
                                QStringLiteral("/data/relationships/build")));
    if (build->attributes.value(QStringLiteral("buildAudienceType")).toString() ==
        QLatin1String("INTERNAL_ONLY"))
        return errorResponse(
            body::stateConflict(QStringLiteral("STATE_ERROR.ENTITY_STATE_INVALID"),
                                QStringLiteral("Build %1 is for internal testing only.").arg(version),
                                QStringLiteral("/data/relationships/build")));
    bool hasWhatToTest = false;
    for (const Record *localization : m_store.related(*build, kLocalizations))
        hasWhatToTest =
            hasWhatToTest ||
            !localization->attributes.value(QStringLiteral("whatsNew")).toString().trimmed().isEmpty();
    if (!hasWhatToTest)
        return errorResponse(body::stateConflict(
            QStringLiteral("STATE_ERROR.ENTITY_STATE_INVALID"),
            QStringLiteral(
                "Build %1 has no What to Test text; add it for at least one locale before submitting.")
                .arg(version),
            QStringLiteral("/data/relationships/build")));
    for (const Record *existing : m_store.related(*build, QStringLiteral("betaAppReviewSubmission"))) {
        const QString state = existing->attributes.value(QStringLiteral("betaReviewState")).toString();
        if (state != QLatin1String("REJECTED"))
            return errorResponse(
                body::stateConflict(QStringLiteral("ENTITY_ERROR.RELATIONSHIP.INVALID"),
                                    QStringLiteral("Build %1 was already submitted for Beta App Review (%2).")
                                        .arg(version, state),
                                    QStringLiteral("/data/relationships/build")));
        m_store.remove(kSubmissions, existing->id); // a rejected build may be submitted again
    }
    const QString id = m_review.submit(buildId);
    changed();
    return single(request, *m_store.find(kSubmissions, id), 201);
}

http::HttpResponse TestFlightArea::createNotification(const ApiRequest &request)
{
    QList<ApiError> errors;
    const auto data = body::resourceData(request.body.object(), kNotifications, {}, &errors);
    if (!data)
        return errorResponse(errors);
    http::HttpResponse failure;
    const Record *build = buildFromBody(m_store, *data, errors, &failure);
    if (!build)
        return failure;
    const QString buildId = build->id;
    const QString version = build->attributes.value(QStringLiteral("version")).toString();
    if (build->attributes.value(QStringLiteral("processingState")).toString() != QLatin1String("VALID") ||
        build->attributes.value(QStringLiteral("expired")).toBool())
        return errorResponse(
            body::stateConflict(QStringLiteral("STATE_ERROR.ENTITY_STATE_INVALID"),
                                QStringLiteral("Build %1 is not available to testers.").arg(version),
                                QStringLiteral("/data/relationships/build")));
    if (m_store.related(*build, kGroups).isEmpty() &&
        m_store.related(*build, QStringLiteral("individualTesters")).isEmpty())
        return errorResponse(body::stateConflict(
            QStringLiteral("STATE_ERROR.ENTITY_STATE_INVALID"),
            QStringLiteral("Build %1 is in no group yet, so there is nobody to notify.").arg(version),
            QStringLiteral("/data/relationships/build")));
    const Record *detail = m_review.detailOf(buildId);
    if (detail && !detail->attributes.value(kNotified).toString().isEmpty())
        return errorResponse(
            body::stateConflict(QStringLiteral("STATE_ERROR.ENTITY_STATE_INVALID"),
                                QStringLiteral("Testers were already notified about build %1 on %2.")
                                    .arg(version, detail->attributes.value(kNotified).toString()),
                                QStringLiteral("/data/relationships/build")));
    if (detail) {
        Record updated = *detail;
        updated.attributes.insert(kNotified, isoNow());
        m_store.put(std::move(updated));
    }
    Record notification;
    notification.type = kNotifications;
    notification.id = newId();
    const QString id = notification.id;
    m_store.put(std::move(notification));
    qCInfo(lcSim).noquote() << "testers notified about build" << buildId;
    changed();
    return single(request, *m_store.find(kNotifications, id), 201);
}

http::HttpResponse TestFlightArea::updateBuild(const ApiRequest &request)
{
    const QString id = request.pathParameter(QStringLiteral("id"));
    const Record *build = m_store.find(kBuilds, id);
    if (!build)
        return errorResponse(errors::resourceNotFound(kBuilds, id));
    QList<ApiError> errors;
    const auto data = body::resourceData(request.body.object(), kBuilds, id, &errors);
    if (!data)
        return errorResponse(errors);
    const QJsonObject sent = data->value(QStringLiteral("attributes")).toObject();
    for (auto it = sent.begin(); it != sent.end(); ++it) {
        if (it.key() != QLatin1String("expired") && it.key() != QLatin1String("usesNonExemptEncryption"))
            errors.append(body::stateConflict(QStringLiteral("ENTITY_ERROR.ATTRIBUTE.INVALID"),
                                              QStringLiteral("'%1' cannot be changed.").arg(it.key()),
                                              QStringLiteral("/data/attributes/%1").arg(it.key())));
        else
            checkBool(sent, it.key(), &errors);
    }
    const bool wasExpired = build->attributes.value(QStringLiteral("expired")).toBool();
    if (sent.value(QStringLiteral("expired")) == QJsonValue(false) && wasExpired)
        errors.append(body::stateConflict(QStringLiteral("STATE_ERROR.ENTITY_STATE_INVALID"),
                                          QStringLiteral("An expired build cannot be made available again."),
                                          QStringLiteral("/data/attributes/expired")));
    if (!errors.isEmpty())
        return errorResponse(errors);
    Record updated = *build;
    const bool expire = sent.value(QStringLiteral("expired")).toBool() && !wasExpired;
    if (expire) {
        updated.attributes.insert(QStringLiteral("expired"), true);
        updated.attributes.insert(QStringLiteral("expirationDate"), isoNow());
    }
    const bool complianceAnswered = sent.value(QStringLiteral("usesNonExemptEncryption")).isBool() &&
                                    !build->attributes.contains(QStringLiteral("usesNonExemptEncryption"));
    if (sent.value(QStringLiteral("usesNonExemptEncryption")).isBool())
        updated.attributes.insert(QStringLiteral("usesNonExemptEncryption"),
                                  sent.value(QStringLiteral("usesNonExemptEncryption")));
    m_store.put(std::move(updated));
    if (expire)
        m_review.buildExpired(id);
    else if (complianceAnswered && m_review.detailOf(id))
        m_review.setInternalState(id, initialInternalState(*m_store.find(kBuilds, id)));
    changed();
    return single(request, *m_store.find(kBuilds, id), 200);
}

} // namespace ascend::sim

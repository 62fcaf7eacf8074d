#pragma once
// The "betaGroups" resource and its endpoints: list, create, update, delete, and the builds and testers
// a group holds (POST/DELETE /v1/betaGroups/{id}/relationships/builds|betaTesters).

#include "core/api/apirequest.h"
#include "core/jsonapi/resource.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>

namespace ascend::api {

struct BetaGroup {
    static constexpr char Type[] = "betaGroups";
    static constexpr int MaxIncludedBuilds = 1000; // limit[builds] on /v1/betaGroups

    QString id;
    QString name;
    QDateTime createdDate;
    bool isInternalGroup = false;
    bool hasAccessToAllBuilds = false;
    bool publicLinkEnabled = false;
    QString publicLinkId;
    QString publicLink;
    bool publicLinkLimitEnabled = false;
    std::optional<int> publicLinkLimit;
    bool feedbackEnabled = false;
    QString appId;         // relationships.app.data, when sent
    QStringList buildIds;  // relationships.builds.data, when included
    QStringList testerIds; // relationships.betaTesters.data, when included
    bool hasBuildIds = false;
    bool hasTesterIds = false;

    static std::optional<BetaGroup> fromResource(const jsonapi::Resource &resource);
};

// What a create or update sends; only the fields that are set go into the body.
struct BetaGroupFields {
    std::optional<QString> name;
    std::optional<bool> isInternalGroup;      // create only
    std::optional<bool> hasAccessToAllBuilds; // create only (internal groups)
    std::optional<bool> publicLinkEnabled;
    std::optional<bool> publicLinkLimitEnabled;
    std::optional<int> publicLinkLimit;
    std::optional<bool> feedbackEnabled;
};

// GET /v1/betaGroups (betaGroups_getCollection): filter[app|name|isInternalGroup|builds|id|...], include
// (app, builds, betaTesters), limit[builds] ≤ 1000, limit[betaTesters] ≤ 50.
ApiRequest listBetaGroups(const Query &query = {});
// GET /v1/apps/{id}/betaGroups (apps_betaGroups_getToManyRelated).
ApiRequest listAppBetaGroups(const QString &appId, const Query &query = {});
ApiRequest getBetaGroup(const QString &id, const Query &query = {});
// POST /v1/betaGroups → 201.
ApiRequest createBetaGroup(const QString &appId, const BetaGroupFields &fields);
// PATCH /v1/betaGroups/{id} → 200.
ApiRequest updateBetaGroup(const QString &id, const BetaGroupFields &fields);
// DELETE /v1/betaGroups/{id} → 204.
ApiRequest deleteBetaGroup(const QString &id);
// GET /v1/betaGroups/{id}/betaTesters and /builds (limit ≤ 200).
ApiRequest listBetaGroupTesters(const QString &groupId, const Query &query = {});
ApiRequest listBetaGroupBuilds(const QString &groupId, const Query &query = {});
// POST/DELETE /v1/betaGroups/{id}/relationships/builds → 204.
ApiRequest addBuildsToBetaGroup(const QString &groupId, const QStringList &buildIds);
ApiRequest removeBuildsFromBetaGroup(const QString &groupId, const QStringList &buildIds);
// POST/DELETE /v1/betaGroups/{id}/relationships/betaTesters → 204.
ApiRequest addTestersToBetaGroup(const QString &groupId, const QStringList &testerIds);
ApiRequest removeTestersFromBetaGroup(const QString &groupId, const QStringList &testerIds);

// {"data": [{"type": type, "id": id}, ...]}
QJsonObject linkageOf(const QString &type, const QStringList &ids);

} // namespace ascend::api

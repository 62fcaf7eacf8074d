#pragma once
// The "betaTesters" resource, its endpoints, and invitations (POST /v1/betaTesterInvitations).

#include "core/api/apirequest.h"
#include "core/asc/ascenums.h"
#include "core/jsonapi/resource.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace ascend::api {

struct BetaTesterDevice {
    QString model;
    QString platform; // IOS, MAC_OS, TV_OS, WATCH_OS, VISION_OS
    QString osVersion;
    QString appBuildVersion;
};

struct BetaTester {
    static constexpr char Type[] = "betaTesters";

    QString id;
    QString firstName;
    QString lastName;
    QString email;
    std::optional<asc::BetaInviteType> inviteType;
    std::optional<asc::BetaTesterState> state;
    QList<BetaTesterDevice> appDevices;
    QStringList groupIds; // relationships.betaGroups.data, when included

    QString displayName() const; // "First Last", or the email when both are empty
    static std::optional<BetaTester> fromResource(const jsonapi::Resource &resource);
};

// GET /v1/betaTesters (betaTesters_getCollection): filter[apps|betaGroups|builds|email|...], sort, include.
ApiRequest listBetaTesters(const Query &query = {});
ApiRequest getBetaTester(const QString &id, const Query &query = {});
// POST /v1/betaTesters → 201: a new tester in the given groups (at least one group or build is needed).
ApiRequest createBetaTester(const QString &email, const QString &firstName, const QString &lastName,
                            const QStringList &groupIds, const QStringList &buildIds = {});
// DELETE /v1/betaTesters/{id} → 204 (or 202).
ApiRequest deleteBetaTester(const QString &id);
// POST/DELETE /v1/betaTesters/{id}/relationships/betaGroups → 204.
ApiRequest addBetaTesterToGroups(const QString &testerId, const QStringList &groupIds);
ApiRequest removeBetaTesterFromGroups(const QString &testerId, const QStringList &groupIds);
// POST /v1/betaTesterInvitations → 201: (re)sends the invitation email for an app.
ApiRequest inviteBetaTester(const QString &appId, const QString &testerId);

// A conservative check of what ASC accepts as an email (something@domain.tld, no spaces).
bool isPlausibleEmail(const QString &email);

} // namespace ascend::api

#pragma once
// A stored App Store Connect account: what identifies an API key, without the key itself.

#include "core/auth/jwtsigner.h"

#include <QJsonObject>
#include <QString>

namespace ascend::auth {

struct Account {
    QString name;     // chosen by the user, unique in the AccountStore
    QString issuerId; // team keys only
    QString keyId;
    bool individualKey = false;
    QString baseUrl; // empty = the production API

    friend bool operator==(const Account &, const Account &) = default;
};

QJsonObject accountToJson(const Account &account);
Account accountFromJson(const QJsonObject &object);
// The JWT claims for this account's key (default lifetime, no scope).
JwtClaims jwtClaimsFor(const Account &account);

} // namespace ascend::auth

#include "core/auth/account.h"

namespace ascend::auth {

QJsonObject accountToJson(const Account &account)
{
    return QJsonObject{
        {QStringLiteral("name"), account.name},
        {QStringLiteral("issuerId"), account.issuerId},
        {QStringLiteral("keyId"), account.keyId},
        {QStringLiteral("individualKey"), account.individualKey},
        {QStringLiteral("baseUrl"), account.baseUrl},
    };
}

Account accountFromJson(const QJsonObject &object)
{
    Account account;
    account.name = object.value(QStringLiteral("name")).toString();
    account.issuerId = object.value(QStringLiteral("issuerId")).toString();
    account.keyId = object.value(QStringLiteral("keyId")).toString();
    account.individualKey = object.value(QStringLiteral("individualKey")).toBool();
    account.baseUrl = object.value(QStringLiteral("baseUrl")).toString();
    return account;
}

JwtClaims jwtClaimsFor(const Account &account)
{
    JwtClaims claims;
    claims.keyId = account.keyId;
    claims.issuerId = account.issuerId;
    claims.individualKey = account.individualKey;
    return claims;
}

} // namespace ascend::auth

#include "core/api/betatesters.h"

#include "core/api/betagroups.h"
#include "core/jsonapi/requestbody.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace ascend::api {

QString BetaTester::displayName() const
{
    const QString name = QStringList{firstName, lastName}.join(QLatin1Char(' ')).trimmed();
    return name.isEmpty() ? email : name;
}

std::optional<BetaTester> BetaTester::fromResource(const jsonapi::Resource &resource)
{
    if (resource.type != QLatin1String(Type))
        return std::nullopt;
    BetaTester tester;
    tester.id = resource.id;
    tester.firstName = resource.stringAttribute(QStringLiteral("firstName"));
    tester.lastName = resource.stringAttribute(QStringLiteral("lastName"));
    tester.email = resource.stringAttribute(QStringLiteral("email"));
    tester.inviteType =
        asc::fromString<asc::BetaInviteType>(resource.stringAttribute(QStringLiteral("inviteType")));
    tester.state = asc::fromString<asc::BetaTesterState>(resource.stringAttribute(QStringLiteral("state")));
    for (const QJsonValue &value : resource.attribute(QStringLiteral("appDevices")).toArray()) {
        const QJsonObject device = value.toObject();
        tester.appDevices.append({device.value(QStringLiteral("model")).toString(),
                                  device.value(QStringLiteral("platform")).toString(),
                                  device.value(QStringLiteral("osVersion")).toString(),
                                  device.value(QStringLiteral("appBuildVersion")).toString()});
    }
    tester.groupIds = resource.relationship(QStringLiteral("betaGroups")).ids();
    return tester;
}

ApiRequest listBetaTesters(const Query &query)
{
    return ApiRequest::get(QStringLiteral("/v1/betaTesters"), query);
}

ApiRequest getBetaTester(const QString &id, const Query &query)
{
    return ApiRequest::get(QStringLiteral("/v1/betaTesters/") + pathSegment(id), query);
}

ApiRequest createBetaTester(const QString &email, const QString &firstName, const QString &lastName,
                            const QStringList &groupIds, const QStringList &buildIds)
{
    jsonapi::ResourceBody body(QLatin1String(BetaTester::Type));
    body.setAttribute(QStringLiteral("email"), email);
    if (!firstName.isEmpty())
        body.setAttribute(QStringLiteral("firstName"), firstName);
    if (!lastName.isEmpty())
        body.setAttribute(QStringLiteral("lastName"), lastName);
    QList<jsonapi::ResourceIdentifier> groups;
    for (const QString &id : groupIds)
        groups.append({QStringLiteral("betaGroups"), id});
    if (!groups.isEmpty())
        body.setToMany(QStringLiteral("betaGroups"), groups);
    QList<jsonapi::ResourceIdentifier> builds;
    for (const QString &id : buildIds)
        builds.append({QStringLiteral("builds"), id});
    if (!builds.isEmpty())
        body.setToMany(QStringLiteral("builds"), builds);
    return ApiRequest::post(QStringLiteral("/v1/betaTesters"), body.toJson());
}

ApiRequest deleteBetaTester(const QString &id)
{
    return ApiRequest::remove(QStringLiteral("/v1/betaTesters/") + pathSegment(id));
}

ApiRequest addBetaTesterToGroups(const QString &testerId, const QStringList &groupIds)
{
    return ApiRequest::post(
        QStringLiteral("/v1/betaTesters/%1/relationships/betaGroups").arg(pathSegment(testerId)),
        linkageOf(QStringLiteral("betaGroups"), groupIds));
}

ApiRequest removeBetaTesterFromGroups(const QString &testerId, const QStringList &groupIds)
{
    return ApiRequest::remove(
        QStringLiteral("/v1/betaTesters/%1/relationships/betaGroups").arg(pathSegment(testerId)),
        linkageOf(QStringLiteral("betaGroups"), groupIds));
}

ApiRequest inviteBetaTester(const QString &appId, const QString &testerId)
{
    jsonapi::ResourceBody body(QStringLiteral("betaTesterInvitations"));
    body.setToOne(QStringLiteral("app"), {QStringLiteral("apps"), appId})
        .setToOne(QStringLiteral("betaTester"), {QStringLiteral("betaTesters"), testerId});
    return ApiRequest::post(QStringLiteral("/v1/betaTesterInvitations"), body.toJson());
}

bool isPlausibleEmail(const QString &email)
{
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;.]{2,}$"));
    return pattern.match(email).hasMatch();
}

} // namespace ascend::api

#include "core/api/betafeedback.h"

#include "core/api/betatesters.h"
#include "core/jsonapi/datetime.h"

#include <QHash>
#include <QJsonArray>

namespace ascend::api {

namespace {

const auto kScreenshotType = QStringLiteral("betaFeedbackScreenshotSubmissions");
const auto kCrashType = QStringLiteral("betaFeedbackCrashSubmissions");
const auto kCrashLogType = QStringLiteral("betaCrashLogs");

std::optional<int> intAttribute(const jsonapi::Resource &resource, const QString &name)
{
    const auto value = resource.integerAttribute(name);
    if (!value)
        return std::nullopt;
    return int(*value);
}

template <typename E> std::optional<E> enumAttribute(const jsonapi::Resource &resource, const QString &name)
{
    return asc::fromString<E>(resource.stringAttribute(name));
}

FeedbackScreenshot screenshotFromJson(const QJsonObject &object)
{
    FeedbackScreenshot screenshot;
    // Presigned URLs must go back to the server byte for byte: keep the encoded form as sent.
    screenshot.url =
        QUrl::fromEncoded(object.value(QLatin1String("url")).toString().toUtf8(), QUrl::TolerantMode);
    screenshot.width = object.value(QLatin1String("width")).toInt();
    screenshot.height = object.value(QLatin1String("height")).toInt();
    screenshot.expirationDate =
        jsonapi::parseDateTime(object.value(QLatin1String("expirationDate")).toString());
    return screenshot;
}

// Resolves build version and tester name from included resources (whatever holds them).
template <typename Find> void fillIncluded(FeedbackSubmission &item, Find find)
{
    if (!item.buildId.isEmpty()) {
        if (const jsonapi::Resource *build = find(QStringLiteral("builds"), item.buildId))
            item.buildVersion = build->stringAttribute(QStringLiteral("version"));
    }
    if (!item.testerId.isEmpty()) {
        if (const jsonapi::Resource *resource = find(QLatin1String(BetaTester::Type), item.testerId)) {
            if (const auto tester = BetaTester::fromResource(*resource))
                item.testerName = tester->displayName();
        }
    }
}

} // namespace

QString feedbackResourceType(FeedbackKind kind)
{
    return kind == FeedbackKind::Screenshot ? kScreenshotType : kCrashType;
}

std::optional<FeedbackKind> feedbackKindFromResourceType(const QString &type)
{
    if (type == kScreenshotType)
        return FeedbackKind::Screenshot;
    if (type == kCrashType)
        return FeedbackKind::Crash;
    return std::nullopt;
}

QString feedbackKindName(FeedbackKind kind)
{
    return kind == FeedbackKind::Screenshot ? QStringLiteral("screenshot") : QStringLiteral("crash");
}

std::optional<FeedbackKind> feedbackKindFromName(const QString &name)
{
    const QString normalized = name.trimmed().toLower();
    if (normalized == QLatin1String("screenshot") || normalized == QLatin1String("screenshots"))
        return FeedbackKind::Screenshot;
    if (normalized == QLatin1String("crash") || normalized == QLatin1String("crashes"))
        return FeedbackKind::Crash;
    return std::nullopt;
}

bool FeedbackScreenshot::isExpired(const QDateTime &now, int marginSeconds) const
{
    if (!expirationDate.isValid())
        return false;
    return now.addSecs(marginSeconds) >= expirationDate;
}

QString FeedbackSubmission::testerDisplayName() const
{
    if (!testerName.isEmpty())
        return testerName;
    if (!email.isEmpty())
        return email;
    return testerId;
}

std::optional<FeedbackSubmission> FeedbackSubmission::fromResource(const jsonapi::Resource &resource)
{
    const auto kind = feedbackKindFromResourceType(resource.type);
    if (!kind || resource.id.isEmpty())
        return std::nullopt;
    FeedbackSubmission item;
    item.kind = *kind;
    item.id = resource.id;
    item.createdDate = resource.dateTimeAttribute(QStringLiteral("createdDate"));
    item.comment = resource.stringAttribute(QStringLiteral("comment"));
    item.email = resource.stringAttribute(QStringLiteral("email"));
    item.deviceModel = resource.stringAttribute(QStringLiteral("deviceModel"));
    item.osVersion = resource.stringAttribute(QStringLiteral("osVersion"));
    item.locale = resource.stringAttribute(QStringLiteral("locale"));
    item.timeZone = resource.stringAttribute(QStringLiteral("timeZone"));
    item.architecture = resource.stringAttribute(QStringLiteral("architecture"));
    item.connectionType =
        enumAttribute<asc::DeviceConnectionType>(resource, QStringLiteral("connectionType"));
    item.pairedAppleWatch = resource.stringAttribute(QStringLiteral("pairedAppleWatch"));
    item.appUptimeInMilliseconds = resource.integerAttribute(QStringLiteral("appUptimeInMilliseconds"));
    item.diskBytesAvailable = resource.integerAttribute(QStringLiteral("diskBytesAvailable"));
    item.diskBytesTotal = resource.integerAttribute(QStringLiteral("diskBytesTotal"));
    item.batteryPercentage = intAttribute(resource, QStringLiteral("batteryPercentage"));
    item.screenWidthInPoints = intAttribute(resource, QStringLiteral("screenWidthInPoints"));
    item.screenHeightInPoints = intAttribute(resource, QStringLiteral("screenHeightInPoints"));
    item.appPlatform = enumAttribute<asc::Platform>(resource, QStringLiteral("appPlatform"));
    item.devicePlatform = enumAttribute<asc::Platform>(resource, QStringLiteral("devicePlatform"));
    item.deviceFamily = enumAttribute<asc::DeviceFamily>(resource, QStringLiteral("deviceFamily"));
    item.buildBundleId = resource.stringAttribute(QStringLiteral("buildBundleId"));
    if (item.kind == FeedbackKind::Screenshot) {
        for (const QJsonValue &value : resource.attribute(QStringLiteral("screenshots")).toArray()) {
            if (value.isObject())
                item.screenshots.append(screenshotFromJson(value.toObject()));
        }
    }
    item.buildId = resource.relatedId(QStringLiteral("build"));
    item.testerId = resource.relatedId(QStringLiteral("tester"));
    item.resourceJson = resource.toJson();
    return item;
}

QList<FeedbackSubmission> FeedbackSubmission::fromDocument(const jsonapi::Document &document)
{
    QList<FeedbackSubmission> items;
    for (const jsonapi::Resource &resource : document.resources()) {
        auto item = fromResource(resource);
        if (!item)
            continue;
        fillIncluded(*item, [&document](const QString &type, const QString &id) {
            return document.findIncluded(type, id);
        });
        items.append(*item);
    }
    return items;
}

QList<FeedbackSubmission> FeedbackSubmission::fromResources(const QList<jsonapi::Resource> &resources,
                                                            const QList<jsonapi::Resource> &included)
{
    QHash<jsonapi::ResourceIdentifier, const jsonapi::Resource *> index;
    for (const jsonapi::Resource &resource : included)
        index.insert(resource.identifier(), &resource);
    QList<FeedbackSubmission> items;
    items.reserve(resources.size());
    for (const jsonapi::Resource &resource : resources) {
        auto item = fromResource(resource);
        if (!item)
            continue;
        fillIncluded(*item, [&index](const QString &type, const QString &id) {
            return index.value(jsonapi::ResourceIdentifier{type, id}, nullptr);
        });
        items.append(*item);
    }
    return items;
}

Query feedbackInboxQuery()
{
    Query query;
    query.sort(QStringLiteral("-createdDate"))
        .limit(Query::DefaultMaxLimit)
        .include({QStringLiteral("build"), QStringLiteral("tester")});
    return query;
}

ApiRequest listFeedback(const QString &appId, FeedbackKind kind, const Query &query)
{
    return ApiRequest::get(
        QStringLiteral("/v1/apps/%1/%2").arg(pathSegment(appId), feedbackResourceType(kind)), query);
}

ApiRequest getFeedback(FeedbackKind kind, const QString &id, const Query &query)
{
    return ApiRequest::get(QStringLiteral("/v1/%1/%2").arg(feedbackResourceType(kind), pathSegment(id)),
                           query);
}

ApiRequest deleteFeedback(FeedbackKind kind, const QString &id)
{
    return ApiRequest::remove(QStringLiteral("/v1/%1/%2").arg(feedbackResourceType(kind), pathSegment(id)));
}

ApiRequest getCrashLog(const QString &crashSubmissionId)
{
    Query query;
    query.fields(kCrashLogType, {QStringLiteral("logText")});
    return ApiRequest::get(
        QStringLiteral("/v1/%1/%2/crashLog").arg(kCrashType, pathSegment(crashSubmissionId)), query);
}

std::optional<QString> crashLogText(const jsonapi::Document &document)
{
    for (const jsonapi::Resource &resource : document.resources()) {
        if (resource.type == kCrashLogType)
            return resource.stringAttribute(QStringLiteral("logText"));
    }
    return std::nullopt;
}

ApiRequest downloadScreenshot(const QUrl &url)
{
    ApiRequest request = ApiRequest::get(url.toString(QUrl::FullyEncoded));
    request.authenticated = false;
    request.expectJsonApi = false;
    request.headers.append(
        {QByteArrayLiteral("Accept"), QByteArrayLiteral("image/png, image/jpeg, image/*")});
    return request;
}

} // namespace ascend::api

#include "core/api/buildUploads.h"

#include "core/jsonapi/requestbody.h"

namespace ascend::api {

StateDetail StateDetail::fromJson(const QJsonObject &object)
{
    return {object.value(QStringLiteral("code")).toString(),
            object.value(QStringLiteral("description")).toString()};
}

QList<StateDetail> StateDetail::listFromJson(const QJsonArray &array)
{
    QList<StateDetail> details;
    for (const auto &value : array)
        details.append(fromJson(value.toObject()));
    return details;
}

QJsonObject StateDetail::toJson() const
{
    return {{QStringLiteral("code"), code}, {QStringLiteral("description"), description}};
}

BuildUploadStateInfo BuildUploadStateInfo::fromJson(const QJsonObject &object)
{
    BuildUploadStateInfo info;
    info.state = asc::fromString<asc::BuildUploadState>(object.value(QStringLiteral("state")).toString());
    info.errors = StateDetail::listFromJson(object.value(QStringLiteral("errors")).toArray());
    info.warnings = StateDetail::listFromJson(object.value(QStringLiteral("warnings")).toArray());
    info.infos = StateDetail::listFromJson(object.value(QStringLiteral("infos")).toArray());
    return info;
}

std::optional<BuildUpload> BuildUpload::fromResource(const jsonapi::Resource &resource)
{
    if (resource.type != QLatin1String(Type))
        return std::nullopt;
    BuildUpload upload;
    upload.id = resource.id;
    upload.cfBundleShortVersionString =
        resource.stringAttribute(QStringLiteral("cfBundleShortVersionString"));
    upload.cfBundleVersion = resource.stringAttribute(QStringLiteral("cfBundleVersion"));
    upload.createdDate = resource.dateTimeAttribute(QStringLiteral("createdDate"));
    upload.uploadedDate = resource.dateTimeAttribute(QStringLiteral("uploadedDate"));
    upload.platform = asc::fromString<asc::Platform>(resource.stringAttribute(QStringLiteral("platform")));
    upload.state = BuildUploadStateInfo::fromJson(resource.attribute(QStringLiteral("state")).toObject());
    upload.buildId = resource.relatedId(QStringLiteral("build"));
    upload.assetFileId = resource.relatedId(QStringLiteral("assetFile"));
    return upload;
}

ApiRequest createBuildUpload(const QString &appId, const QString &shortVersion, const QString &bundleVersion,
                             asc::Platform platform)
{
    jsonapi::ResourceBody body(QString::fromLatin1(BuildUpload::Type));
    body.setAttribute(QStringLiteral("cfBundleShortVersionString"), shortVersion)
        .setAttribute(QStringLiteral("cfBundleVersion"), bundleVersion)
        .setAttribute(QStringLiteral("platform"), asc::toString(platform))
        .setToOne(QStringLiteral("app"), {QStringLiteral("apps"), appId});
    return ApiRequest::post(QStringLiteral("/v1/buildUploads"), body.toJson());
}

ApiRequest getBuildUpload(const QString &id, const Query &query)
{
    return ApiRequest::get(QStringLiteral("/v1/buildUploads/") + pathSegment(id), query);
}

ApiRequest deleteBuildUpload(const QString &id)
{
    ApiRequest request = ApiRequest::remove(QStringLiteral("/v1/buildUploads/") + pathSegment(id));
    request.expectJsonApi = false;
    return request;
}

ApiRequest listAppBuildUploads(const QString &appId, const Query &query)
{
    return ApiRequest::get(QStringLiteral("/v1/apps/%1/buildUploads").arg(pathSegment(appId)), query);
}

ApiRequest listBuildUploadFiles(const QString &buildUploadId, const Query &query)
{
    return ApiRequest::get(
        QStringLiteral("/v1/buildUploads/%1/buildUploadFiles").arg(pathSegment(buildUploadId)), query);
}

} // namespace ascend::api

#pragma once
// The "buildUploads" resource (BuildUpload API) and its endpoints: create, read, delete, list an app's
// uploads, list an upload's files.

#include "core/api/apirequest.h"
#include "core/asc/ascenums.h"
#include "core/jsonapi/resource.h"

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <optional>

namespace ascend::api {

// StateDetail = {"code", "description"}; also the entries of AppMediaAssetState errors/warnings.
struct StateDetail {
    QString code;
    QString description;

    static StateDetail fromJson(const QJsonObject &object);
    static QList<StateDetail> listFromJson(const QJsonArray &array);
    QJsonObject toJson() const;
    friend bool operator==(const StateDetail &, const StateDetail &) = default;
};

// BuildUpload.attributes.state: {"state": BuildUploadState, "errors", "warnings", "infos"}.
struct BuildUploadStateInfo {
    std::optional<asc::BuildUploadState> state; // nullopt when absent or unknown
    QList<StateDetail> errors;
    QList<StateDetail> warnings;
    QList<StateDetail> infos;

    static BuildUploadStateInfo fromJson(const QJsonObject &object);
};

struct BuildUpload {
    static constexpr char Type[] = "buildUploads";

    QString id;
    QString cfBundleShortVersionString;
    QString cfBundleVersion;
    QDateTime createdDate;
    QDateTime uploadedDate;
    std::optional<asc::Platform> platform;
    BuildUploadStateInfo state;
    QString buildId;     // relationships.build.data.id, when sent
    QString assetFileId; // relationships.assetFile.data.id, when sent

    static std::optional<BuildUpload> fromResource(const jsonapi::Resource &resource);
};

// POST /v1/buildUploads (buildUploads_createInstance).
ApiRequest createBuildUpload(const QString &appId, const QString &shortVersion, const QString &bundleVersion,
                             asc::Platform platform);
// GET /v1/buildUploads/{id} (buildUploads_getInstance); include=build for the resulting build.
ApiRequest getBuildUpload(const QString &id, const Query &query = {});
// DELETE /v1/buildUploads/{id} (buildUploads_deleteInstance): cancels an upload.
ApiRequest deleteBuildUpload(const QString &id);
// GET /v1/apps/{id}/buildUploads (apps_buildUploads_getToManyRelated): filter[cfBundleVersion|
// cfBundleShortVersionString|platform|state], sort, include, limit.
ApiRequest listAppBuildUploads(const QString &appId, const Query &query = {});
// GET /v1/buildUploads/{id}/buildUploadFiles (buildUploads_buildUploadFiles_getToManyRelated).
ApiRequest listBuildUploadFiles(const QString &buildUploadId, const Query &query = {});

} // namespace ascend::api

#pragma once
// The "buildUploadFiles" resource: the reservation of one file of a build upload (with the upload
// operations to perform) and its commit.

#include "core/api/apirequest.h"
#include "core/api/buildUploads.h"
#include "core/asc/ascenums.h"
#include "core/jsonapi/resource.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>
#include <utility>

namespace ascend::api {

// DeliveryFileUploadOperation: one request to make with exactly this method, url and headers, carrying the
// bytes [offset, offset + length) of the file. The URL is presigned: no Authorization header.
struct DeliveryFileUploadOperation {
    QByteArray method;
    QString url;
    qint64 offset = 0;
    qint64 length = 0;
    QList<std::pair<QByteArray, QByteArray>> requestHeaders;
    QDateTime expiration; // invalid when not sent
    qint64 partNumber = 0;
    QString entityTag;

    bool isExpired(const QDateTime &now) const { return expiration.isValid() && expiration <= now; }

    static std::optional<DeliveryFileUploadOperation> fromJson(const QJsonObject &object,
                                                               QString *error = nullptr);
    static QList<DeliveryFileUploadOperation> listFromJson(const QJsonArray &array, QString *error = nullptr);
    QJsonObject toJson() const;
    friend bool operator==(const DeliveryFileUploadOperation &,
                           const DeliveryFileUploadOperation &) = default;
};

// AppMediaAssetState: the file's delivery state.
struct AssetDeliveryStateInfo {
    std::optional<asc::AssetDeliveryState> state;
    QList<StateDetail> errors;
    QList<StateDetail> warnings;
};

struct BuildUploadFile {
    static constexpr char Type[] = "buildUploadFiles";

    QString id;
    std::optional<asc::BuildUploadFileAssetType> assetType;
    std::optional<asc::BuildUploadFileUti> uti;
    QString fileName;
    qint64 fileSize = 0;
    QString assetToken;
    AssetDeliveryStateInfo assetDeliveryState;
    QList<DeliveryFileUploadOperation> uploadOperations;
    QString sourceFileHash; // sourceFileChecksums.file.hash, when sent
    std::optional<asc::ChecksumAlgorithm> sourceFileAlgorithm;

    static std::optional<BuildUploadFile> fromResource(const jsonapi::Resource &resource);
};

// POST /v1/buildUploadFiles (buildUploadFiles_createInstance): reserves the file; the answer carries
// uploadOperations.
ApiRequest
createBuildUploadFile(const QString &buildUploadId, const QString &fileName, qint64 fileSize,
                      asc::BuildUploadFileUti uti,
                      asc::BuildUploadFileAssetType assetType = asc::BuildUploadFileAssetType::ASSET);
// GET /v1/buildUploadFiles/{id} (buildUploadFiles_getInstance).
ApiRequest getBuildUploadFile(const QString &id, const Query &query = {});
// PATCH /v1/buildUploadFiles/{id} (buildUploadFiles_updateInstance): the commit, with uploaded: true and
// sourceFileChecksums.file = {hash, algorithm}.
ApiRequest commitBuildUploadFile(const QString &id, const QString &hashHex,
                                 asc::ChecksumAlgorithm algorithm = asc::ChecksumAlgorithm::MD5);

} // namespace ascend::api

#include "core/api/buildUploadFiles.h"

#include "core/jsonapi/datetime.h"
#include "core/jsonapi/requestbody.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ascend::api {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ascend::api::BuildUploadFiles)
};

QString str(const char *text)
{
    return QString::fromLatin1(text);
}
} // namespace

std::optional<DeliveryFileUploadOperation> DeliveryFileUploadOperation::fromJson(const QJsonObject &object,
                                                                                 QString *error)
{
    DeliveryFileUploadOperation operation;
    operation.method = object.value(str("method")).toString().toLatin1();
    operation.url = object.value(str("url")).toString();
    operation.offset = object.value(str("offset")).toInteger(-1);
    operation.length = object.value(str("length")).toInteger(-1);
    operation.partNumber = object.value(str("partNumber")).toInteger(0);
    operation.entityTag = object.value(str("entityTag")).toString();
    const QString expiration = object.value(str("expiration")).toString();
    if (!expiration.isEmpty())
        operation.expiration = jsonapi::parseDateTime(expiration);
    for (const auto &value : object.value(str("requestHeaders")).toArray()) {
        const QJsonObject header = value.toObject();
        operation.requestHeaders.append({header.value(str("name")).toString().toLatin1(),
                                         header.value(str("value")).toString().toLatin1()});
    }
    if (operation.method.isEmpty() || operation.url.isEmpty() || operation.offset < 0 ||
        operation.length < 0) {
        if (error)
            *error = Text::tr("an upload operation lacks method, url, offset or length");
        return std::nullopt;
    }
    return operation;
}

QList<DeliveryFileUploadOperation> DeliveryFileUploadOperation::listFromJson(const QJsonArray &array,
                                                                             QString *error)
{
    QList<DeliveryFileUploadOperation> operations;
    for (const auto &value : array) {
        auto operation = fromJson(value.toObject(), error);
        if (!operation)
            return {};
        operations.append(*operation);
    }
    return operations;
}

QJsonObject DeliveryFileUploadOperation::toJson() const
{
    QJsonArray headers;
    for (const auto &[name, value] : requestHeaders)
        headers.append(QJsonObject{{str("name"), QString::fromLatin1(name)},
                                   {str("value"), QString::fromLatin1(value)}});
    QJsonObject object{{str("method"), QString::fromLatin1(method)},
                       {str("url"), url},
                       {str("offset"), offset},
                       {str("length"), length},
                       {str("partNumber"), partNumber},
                       {str("requestHeaders"), headers}};
    if (expiration.isValid())
        object.insert(str("expiration"), expiration.toUTC().toString(Qt::ISODateWithMs));
    if (!entityTag.isEmpty())
        object.insert(str("entityTag"), entityTag);
    return object;
}

std::optional<BuildUploadFile> BuildUploadFile::fromResource(const jsonapi::Resource &resource)
{
    if (resource.type != QLatin1String(Type))
        return std::nullopt;
    BuildUploadFile file;
    file.id = resource.id;
    file.assetType =
        asc::fromString<asc::BuildUploadFileAssetType>(resource.stringAttribute(str("assetType")));
    file.uti = asc::fromString<asc::BuildUploadFileUti>(resource.stringAttribute(str("uti")));
    file.fileName = resource.stringAttribute(str("fileName"));
    file.fileSize = resource.integerAttribute(str("fileSize")).value_or(0);
    file.assetToken = resource.stringAttribute(str("assetToken"));
    const QJsonObject delivery = resource.attribute(str("assetDeliveryState")).toObject();
    file.assetDeliveryState.state =
        asc::fromString<asc::AssetDeliveryState>(delivery.value(str("state")).toString());
    file.assetDeliveryState.errors = StateDetail::listFromJson(delivery.value(str("errors")).toArray());
    file.assetDeliveryState.warnings = StateDetail::listFromJson(delivery.value(str("warnings")).toArray());
    file.uploadOperations =
        DeliveryFileUploadOperation::listFromJson(resource.attribute(str("uploadOperations")).toArray());
    const QJsonObject checksum =
        resource.attribute(str("sourceFileChecksums")).toObject().value(str("file")).toObject();
    file.sourceFileHash = checksum.value(str("hash")).toString();
    file.sourceFileAlgorithm =
        asc::fromString<asc::ChecksumAlgorithm>(checksum.value(str("algorithm")).toString());
    return file;
}

ApiRequest createBuildUploadFile(const QString &buildUploadId, const QString &fileName, qint64 fileSize,
                                 asc::BuildUploadFileUti uti, asc::BuildUploadFileAssetType assetType)
{
    jsonapi::ResourceBody body(QString::fromLatin1(BuildUploadFile::Type));
    body.setAttribute(str("assetType"), asc::toString(assetType))
        .setAttribute(str("fileName"), fileName)
        .setAttribute(str("fileSize"), fileSize)
        .setAttribute(str("uti"), asc::toString(uti))
        .setToOne(str("buildUpload"), {QString::fromLatin1(BuildUpload::Type), buildUploadId});
    return ApiRequest::post(QStringLiteral("/v1/buildUploadFiles"), body.toJson());
}

ApiRequest getBuildUploadFile(const QString &id, const Query &query)
{
    return ApiRequest::get(QStringLiteral("/v1/buildUploadFiles/") + pathSegment(id), query);
}

ApiRequest commitBuildUploadFile(const QString &id, const QString &hashHex, asc::ChecksumAlgorithm algorithm)
{
    jsonapi::ResourceBody body(QString::fromLatin1(BuildUploadFile::Type), id);
    const QJsonObject checksum{{str("hash"), hashHex}, {str("algorithm"), asc::toString(algorithm)}};
    body.setAttribute(str("uploaded"), true)
        .setAttribute(str("sourceFileChecksums"), QJsonObject{{str("file"), checksum}});
    return ApiRequest::patch(QStringLiteral("/v1/buildUploadFiles/") + pathSegment(id), body.toJson());
}

} // namespace ascend::api

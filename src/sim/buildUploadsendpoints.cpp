#include "sim/buildUploadsendpoints.h"

#include "core/asc/ascenums.h"
#include "sim/apierror.h"
#include "sim/documentbuilder.h"
#include "sim/resourceendpoints.h"
#include "sim/simevents.h"
#include "sim/simlogging.h"
#include "sim/speccatalog.h"
#include "sim/store.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <QUuid>

namespace ascend::sim {

namespace {

const QString kUploads = QStringLiteral("buildUploads");
const QString kFiles = QStringLiteral("buildUploadFiles");
const QString kPartPrefix = QStringLiteral("/upload-parts/");
// Simulator-only attributes kept on records; the document builder renders only the spec's attributes.
const QString kSecret = QStringLiteral("_partSecret");
const QString kReceived = QStringLiteral("_receivedParts");
constexpr qint64 kMaxFileSize = 9007199254740991LL;
constexpr qint64 kCopyChunk = 1024 * 1024;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString isoNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

ApiError entityError(int status, const QString &code, const QString &title, const QString &detail,
                     const QString &pointer = {})
{
    ApiError error;
    error.status = status;
    error.code = code;
    error.title = title;
    error.detail = detail;
    if (!pointer.isEmpty()) {
        error.sourcePointer = pointer;
        error.hasSourcePointer = true;
    }
    return error;
}

ApiError missing(const QString &pointer, const QString &what)
{
    return entityError(
        422, QStringLiteral("ENTITY_ERROR.ATTRIBUTE.REQUIRED"),
        QStringLiteral("You must provide a value for the attribute '%1' with this request").arg(what),
        QStringLiteral("The attribute '%1' is required.").arg(what), pointer);
}

ApiError invalid(const QString &pointer, const QString &detail)
{
    return entityError(422, QStringLiteral("ENTITY_ERROR.ATTRIBUTE.INVALID"),
                       QStringLiteral("An attribute value is invalid."), detail, pointer);
}

ApiError conflict(const QString &code, const QString &detail)
{
    return entityError(
        409, code,
        QStringLiteral("The request cannot be fulfilled because of the state of another resource."), detail);
}

QJsonObject stateObject(const QString &state, const QJsonArray &errors = {})
{
    return {{QStringLiteral("state"), state},
            {QStringLiteral("errors"), errors},
            {QStringLiteral("warnings"), QJsonArray()},
            {QStringLiteral("infos"), QJsonArray()}};
}

QJsonObject detail(const QString &code, const QString &description)
{
    return {{QStringLiteral("code"), code}, {QStringLiteral("description"), description}};
}

// data.type and data.attributes of a write body; errors when the type is wrong.
bool checkType(const QJsonObject &data, const QString &type, QList<ApiError> *errors)
{
    if (data.value(QStringLiteral("type")).toString() != type) {
        errors->append(
            invalid(QStringLiteral("/data/type"), QStringLiteral("The type must be '%1'.").arg(type)));
        return false;
    }
    return true;
}

QString relatedId(const QJsonObject &data, const QString &relationship, const QString &type,
                  QList<ApiError> *errors)
{
    const QJsonObject linkage = data.value(QStringLiteral("relationships"))
                                    .toObject()
                                    .value(relationship)
                                    .toObject()
                                    .value(QStringLiteral("data"))
                                    .toObject();
    const QString pointer = QStringLiteral("/data/relationships/%1/data").arg(relationship);
    if (linkage.isEmpty()) {
        errors->append(
            entityError(422, QStringLiteral("ENTITY_ERROR.RELATIONSHIP.REQUIRED"),
                        QStringLiteral("You must provide a value for the relationship '%1' with this request")
                            .arg(relationship),
                        QStringLiteral("The relationship '%1' is required.").arg(relationship), pointer));
        return {};
    }
    if (linkage.value(QStringLiteral("type")).toString() != type ||
        linkage.value(QStringLiteral("id")).toString().isEmpty()) {
        errors->append(entityError(
            422, QStringLiteral("ENTITY_ERROR.RELATIONSHIP.INVALID"),
            QStringLiteral("The relationship is invalid."),
            QStringLiteral("'%1' must name a resource of type '%2'.").arg(relationship, type), pointer));
        return {};
    }
    return linkage.value(QStringLiteral("id")).toString();
}

QString hashFile(const QString &path, QCryptographicHash::Algorithm algorithm, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QCryptographicHash hash(algorithm);
    if (!hash.addData(&file)) {
        *error = QStringLiteral("read error");
        return {};
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

BuildUploadArea::BuildUploadArea(Store &store, SimEvents &events, BuildUploadOptions options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_events(events)
    , m_options(std::move(options))
{
    if (m_options.storageDir.isEmpty()) {
        m_temporaryDir = std::make_unique<QTemporaryDir>();
        m_options.storageDir = m_temporaryDir->path();
    }
    QDir().mkpath(m_options.storageDir);
    m_pool.setMaxThreadCount(1);
}

BuildUploadArea::~BuildUploadArea()
{
    m_pool.waitForDone();
}

QString BuildUploadArea::storageDir() const
{
    return m_options.storageDir;
}

QString BuildUploadArea::dataPath(const QString &fileId) const
{
    return QDir(m_options.storageDir).filePath(fileId + QStringLiteral(".bin"));
}

void BuildUploadArea::registerEndpoints(Router &router, ResourceEndpoints &resources)
{
    auto bind = [this](http::HttpResponse (BuildUploadArea::*method)(const ApiRequest &)) {
        return [this, method](const ApiRequest &request) { return (this->*method)(request); };
    };
    router.add(Route{"POST", QStringLiteral("/v1/buildUploads"),
                     QStringLiteral("buildUploads_createInstance"), kUploads,
                     bind(&BuildUploadArea::createUpload), BodyPolicy::Json});
    router.get(QStringLiteral("/v1/buildUploads/{id}"), QStringLiteral("buildUploads_getInstance"), kUploads,
               resources.instance(kUploads));
    router.add(Route{"DELETE", QStringLiteral("/v1/buildUploads/{id}"),
                     QStringLiteral("buildUploads_deleteInstance"), kUploads,
                     bind(&BuildUploadArea::deleteUpload)});
    router.get(QStringLiteral("/v1/buildUploads/{id}/buildUploadFiles"),
               QStringLiteral("buildUploads_buildUploadFiles_getToManyRelated"), kFiles,
               resources.toManyRelated(kUploads, kFiles));

    // filter[state] names BuildUploadState values, which sit inside the state object: turn it into an id
    // filter before the generic handler pages the list.
    const Handler related = resources.toManyRelated(QStringLiteral("apps"), kUploads);
    router.get(
        QStringLiteral("/v1/apps/{id}/buildUploads"), QStringLiteral("apps_buildUploads_getToManyRelated"),
        kUploads, [this, related](const ApiRequest &request) {
            ApiRequest adjusted = request;
            for (FilterTerm &term : adjusted.query.filters) {
                if (term.kind != FilterTerm::Kind::Attribute || term.attribute != QLatin1String("state"))
                    continue;
                QStringList ids;
                for (const Record *upload : m_store.all(kUploads)) {
                    const QString state = upload->attributes.value(QStringLiteral("state"))
                                              .toObject()
                                              .value(QStringLiteral("state"))
                                              .toString();
                    if (term.values.contains(state))
                        ids.append(upload->id);
                }
                term.kind = FilterTerm::Kind::Id;
                term.values = ids.isEmpty() ? QStringList{QStringLiteral("-")} : ids;
            }
            return related(adjusted);
        });

    router.add(Route{"POST", QStringLiteral("/v1/buildUploadFiles"),
                     QStringLiteral("buildUploadFiles_createInstance"), kFiles,
                     bind(&BuildUploadArea::createFile), BodyPolicy::Json});
    router.get(QStringLiteral("/v1/buildUploadFiles/{id}"), QStringLiteral("buildUploadFiles_getInstance"),
               kFiles, resources.instance(kFiles));
    router.add(Route{"PATCH", QStringLiteral("/v1/buildUploadFiles/{id}"),
                     QStringLiteral("buildUploadFiles_updateInstance"), kFiles,
                     bind(&BuildUploadArea::commitFile), BodyPolicy::Json});

    // Presigned-style part URLs: no JWT, the body streams to a file, capped at one part.
    Route part{"PUT",
               kPartPrefix + QStringLiteral("{fileId}/{partNumber}"),
               QString(),
               QString(),
               bind(&BuildUploadArea::receivePart),
               BodyPolicy::Stream};
    part.maxBodyBytes = m_options.partSize;
    part.requiresAuth = false;
    router.add(std::move(part));
    m_resources = &resources;
}

http::HttpResponse BuildUploadArea::createUpload(const ApiRequest &request)
{
    const QJsonObject data = request.body.object().value(QStringLiteral("data")).toObject();
    QList<ApiError> problems;
    checkType(data, kUploads, &problems);
    const QJsonObject attributes = data.value(QStringLiteral("attributes")).toObject();
    const QString shortVersion = attributes.value(QStringLiteral("cfBundleShortVersionString")).toString();
    const QString bundleVersion = attributes.value(QStringLiteral("cfBundleVersion")).toString();
    const QString platform = attributes.value(QStringLiteral("platform")).toString();
    if (shortVersion.isEmpty())
        problems.append(missing(QStringLiteral("/data/attributes/cfBundleShortVersionString"),
                                QStringLiteral("cfBundleShortVersionString")));
    if (bundleVersion.isEmpty())
        problems.append(
            missing(QStringLiteral("/data/attributes/cfBundleVersion"), QStringLiteral("cfBundleVersion")));
    if (platform.isEmpty())
        problems.append(missing(QStringLiteral("/data/attributes/platform"), QStringLiteral("platform")));
    else if (!asc::fromString<asc::Platform>(platform))
        problems.append(
            invalid(QStringLiteral("/data/attributes/platform"),
                    QStringLiteral("'%1' is not one of %2.")
                        .arg(platform, asc::allNames<asc::Platform>().join(QStringLiteral(", ")))));
    const QString appId = relatedId(data, QStringLiteral("app"), QStringLiteral("apps"), &problems);
    if (!appId.isEmpty() && !m_store.find(QStringLiteral("apps"), appId))
        problems.append(entityError(422, QStringLiteral("ENTITY_ERROR.RELATIONSHIP.INVALID"),
                                    QStringLiteral("The relationship is invalid."),
                                    QStringLiteral("There is no app with id '%1'.").arg(appId),
                                    QStringLiteral("/data/relationships/app/data/id")));
    if (!problems.isEmpty())
        return errorResponse(problems);

    // A version+build may be uploaded once per app and platform (a failed upload may be retried).
    for (const Record *upload : m_store.all(kUploads)) {
        const QString state = upload->attributes.value(QStringLiteral("state"))
                                  .toObject()
                                  .value(QStringLiteral("state"))
                                  .toString();
        if (m_store.relatedIds(*upload, QStringLiteral("app")).value(0) == appId &&
            upload->attributes.value(QStringLiteral("cfBundleShortVersionString")).toString() ==
                shortVersion &&
            upload->attributes.value(QStringLiteral("cfBundleVersion")).toString() == bundleVersion &&
            upload->attributes.value(QStringLiteral("platform")).toString() == platform &&
            state != QLatin1String("FAILED"))
            return errorResponse(conflict(QStringLiteral("ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE"),
                                          QStringLiteral("The bundle version %1 (%2) has already been "
                                                         "uploaded for this app (buildUploads %3, %4).")
                                              .arg(bundleVersion, shortVersion, upload->id, state)));
    }
    for (const Record *build : m_store.all(QStringLiteral("builds"))) {
        if (m_store.relatedIds(*build, QStringLiteral("app")).value(0) != appId ||
            build->attributes.value(QStringLiteral("version")).toString() != bundleVersion)
            continue;
        const auto versions = m_store.related(*build, QStringLiteral("preReleaseVersion"));
        if (!versions.isEmpty() &&
            versions.first()->attributes.value(QStringLiteral("version")).toString() == shortVersion &&
            versions.first()->attributes.value(QStringLiteral("platform")).toString() == platform)
            return errorResponse(
                conflict(QStringLiteral("ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE"),
                         QStringLiteral("The build %1 (%2) already exists for this app (builds %3).")
                             .arg(bundleVersion, shortVersion, build->id)));
    }

    Record upload;
    upload.type = kUploads;
    upload.id = newId();
    upload.attributes =
        QJsonObject{{QStringLiteral("cfBundleShortVersionString"), shortVersion},
                    {QStringLiteral("cfBundleVersion"), bundleVersion},
                    {QStringLiteral("platform"), platform},
                    {QStringLiteral("createdDate"), isoNow()},
                    {QStringLiteral("state"), stateObject(QStringLiteral("AWAITING_UPLOAD"))}};
    upload.relationships.insert(QStringLiteral("app"), {appId});
    const QString id = upload.id;
    m_store.put(std::move(upload));
    qCInfo(lcSim).noquote() << "build upload" << id << "reserved for" << shortVersion << bundleVersion
                            << platform;
    const DocumentBuilder builder(m_store, m_resources->catalog(), request.operation, request.query,
                                  request.baseUrl);
    const Record *stored = m_store.find(kUploads, id);
    return jsonResponse(201, builder.single(*stored, builder.resourceUrl(*stored)));
}

http::HttpResponse BuildUploadArea::deleteUpload(const ApiRequest &request)
{
    const QString id = request.pathParameter(QStringLiteral("id"));
    const Record *upload = m_store.find(kUploads, id);
    if (!upload)
        return errorResponse(errors::resourceNotFound(kUploads, id));
    for (const Record *file : m_store.related(*upload, kFiles)) {
        QFile::remove(dataPath(file->id));
        m_store.remove(kFiles, file->id);
    }
    m_store.remove(kUploads, id);
    qCInfo(lcSim).noquote() << "build upload" << id << "deleted";
    return http::HttpResponse::empty(204);
}

http::HttpResponse BuildUploadArea::createFile(const ApiRequest &request)
{
    const QJsonObject data = request.body.object().value(QStringLiteral("data")).toObject();
    QList<ApiError> problems;
    checkType(data, kFiles, &problems);
    const QJsonObject attributes = data.value(QStringLiteral("attributes")).toObject();
    const QString assetType = attributes.value(QStringLiteral("assetType")).toString();
    const QString fileName = attributes.value(QStringLiteral("fileName")).toString();
    const QJsonValue sizeValue = attributes.value(QStringLiteral("fileSize"));
    const qint64 fileSize = sizeValue.toInteger(-1);
    const QString uti = attributes.value(QStringLiteral("uti")).toString();
    if (!asc::fromString<asc::BuildUploadFileAssetType>(assetType))
        problems.append(
            assetType.isEmpty()
                ? missing(QStringLiteral("/data/attributes/assetType"), QStringLiteral("assetType"))
                : invalid(QStringLiteral("/data/attributes/assetType"),
                          QStringLiteral("'%1' is not a valid assetType.").arg(assetType)));
    if (fileName.isEmpty() || fileName.contains(QLatin1Char('/')))
        problems.append(fileName.isEmpty()
                            ? missing(QStringLiteral("/data/attributes/fileName"), QStringLiteral("fileName"))
                            : invalid(QStringLiteral("/data/attributes/fileName"),
                                      QStringLiteral("A file name may not contain '/'.")));
    if (!sizeValue.isDouble() || fileSize < 1 || fileSize > kMaxFileSize)
        problems.append(
            invalid(QStringLiteral("/data/attributes/fileSize"),
                    QStringLiteral("fileSize must be an integer from 1 to %1.").arg(kMaxFileSize)));
    if (!asc::fromString<asc::BuildUploadFileUti>(uti))
        problems.append(uti.isEmpty() ? missing(QStringLiteral("/data/attributes/uti"), QStringLiteral("uti"))
                                      : invalid(QStringLiteral("/data/attributes/uti"),
                                                QStringLiteral("'%1' is not a valid uti.").arg(uti)));
    const QString uploadId = relatedId(data, QStringLiteral("buildUpload"), kUploads, &problems);
    const Record *upload = uploadId.isEmpty() ? nullptr : m_store.find(kUploads, uploadId);
    if (!uploadId.isEmpty() && !upload)
        problems.append(entityError(422, QStringLiteral("ENTITY_ERROR.RELATIONSHIP.INVALID"),
                                    QStringLiteral("The relationship is invalid."),
                                    QStringLiteral("There is no build upload with id '%1'.").arg(uploadId),
                                    QStringLiteral("/data/relationships/buildUpload/data/id")));
    if (!problems.isEmpty())
        return errorResponse(problems);

    const QString uploadState = upload->attributes.value(QStringLiteral("state"))
                                    .toObject()
                                    .value(QStringLiteral("state"))
                                    .toString();
    if (uploadState != QLatin1String("AWAITING_UPLOAD"))
        return errorResponse(conflict(
            QStringLiteral("ENTITY_ERROR.STATE.INVALID"),
            QStringLiteral("The build upload %1 is %2 and takes no more files.").arg(uploadId, uploadState)));
    const QString slot = assetType == QLatin1String("ASSET") ? QStringLiteral("assetFile")
                         : assetType == QLatin1String("ASSET_DESCRIPTION")
                             ? QStringLiteral("assetDescriptionFile")
                             : QStringLiteral("assetSpiFile");
    if (!m_store.relatedIds(*upload, slot).isEmpty())
        return errorResponse(conflict(
            QStringLiteral("ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE"),
            QStringLiteral("The build upload %1 already has a file of type %2.").arg(uploadId, assetType)));

    Record file;
    file.type = kFiles;
    file.id = newId();
    QFile storage(dataPath(file.id));
    if (!storage.open(QIODevice::WriteOnly) || !storage.resize(fileSize)) {
        qCWarning(lcSim).noquote() << "cannot prepare" << storage.fileName() << storage.errorString();
        return errorResponse(errors::internalError());
    }
    storage.close();

    const QByteArray secret = QUuid::createUuid().toRfc4122() + QUuid::createUuid().toRfc4122();
    file.attributes = QJsonObject{{QStringLiteral("assetType"), assetType},
                                  {QStringLiteral("fileName"), fileName},
                                  {QStringLiteral("fileSize"), fileSize},
                                  {QStringLiteral("uti"), uti},
                                  {QStringLiteral("assetToken"), QStringLiteral("ascend-sim/") + file.id},
                                  {QStringLiteral("assetDeliveryState"),
                                   QJsonObject{{QStringLiteral("state"), QStringLiteral("AWAITING_UPLOAD")},
                                               {QStringLiteral("errors"), QJsonArray()},
                                               {QStringLiteral("warnings"), QJsonArray()}}},
                                  {kSecret, QString::fromLatin1(secret.toHex())},
                                  {kReceived, QJsonArray()}};
    file.relationships.insert(QStringLiteral("buildUpload"), {uploadId});

    const QDateTime expiration = QDateTime::currentDateTimeUtc().addSecs(m_options.operationTtlSeconds);
    const qint64 expires = expiration.toSecsSinceEpoch();
    QJsonArray operations;
    qint64 partNumber = 1;
    for (qint64 offset = 0; offset < fileSize; offset += m_options.partSize, ++partNumber) {
        const qint64 length = std::min(m_options.partSize, fileSize - offset);
        const QString url = QStringLiteral("%1%2%3/%4?expires=%5&token=%6")
                                .arg(request.baseUrl, kPartPrefix, file.id)
                                .arg(partNumber)
                                .arg(expires)
                                .arg(partToken(file, partNumber, expires));
        operations.append(
            QJsonObject{{QStringLiteral("method"), QStringLiteral("PUT")},
                        {QStringLiteral("url"), url},
                        {QStringLiteral("length"), length},
                        {QStringLiteral("offset"), offset},
                        {QStringLiteral("partNumber"), partNumber},
                        {QStringLiteral("expiration"), expiration.toString(Qt::ISODate)},
                        {QStringLiteral("requestHeaders"),
                         QJsonArray{QJsonObject{
                             {QStringLiteral("name"), QStringLiteral("Content-Type")},
                             {QStringLiteral("value"), QStringLiteral("application/octet-stream")}}}}});
    }
    file.attributes.insert(QStringLiteral("uploadOperations"), operations);
    const QString fileId = file.id;
    m_store.put(std::move(file));

    Record updated = *upload;
    updated.relationships.insert(slot, {fileId});
    m_store.put(std::move(updated));

    const Record *stored = m_store.find(kFiles, fileId);
    const DocumentBuilder builder(m_store, m_resources->catalog(), request.operation, request.query,
                                  request.baseUrl);
    return jsonResponse(201, builder.single(*stored, builder.resourceUrl(*stored)));
}

QString BuildUploadArea::partToken(const Record &file, qint64 partNumber, qint64 expires) const
{
    const QByteArray secret = QByteArray::fromHex(file.attributes.value(kSecret).toString().toLatin1());
    const QByteArray message = QStringLiteral("%1:%2:%3").arg(file.id).arg(partNumber).arg(expires).toUtf8();
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(message, secret, QCryptographicHash::Sha256).toHex());
}

http::HttpResponse BuildUploadArea::receivePart(const ApiRequest &request)
{
    const http::HttpRequest &http = *request.http;
    const QString fileId = request.pathParameter(QStringLiteral("fileId"));
    bool ok = false;
    const qint64 partNumber = request.pathParameter(QStringLiteral("partNumber")).toLongLong(&ok);
    const Record *file = m_store.find(kFiles, fileId);
    if (!file || !ok)
        return errorResponse(entityError(404, QStringLiteral("NOT_FOUND"),
                                         QStringLiteral("The upload URL is unknown."),
                                         QStringLiteral("There is no upload part at %1.").arg(http.path)));
    const qint64 expires = http.query.queryItemValue(QStringLiteral("expires")).toLongLong();
    const QByteArray token = http.query.queryItemValue(QStringLiteral("token")).toLatin1();
    const QByteArray expected = partToken(*file, partNumber, expires).toLatin1();
    // Constant-time comparison of the signature.
    unsigned char difference = token.size() == expected.size() ? 0 : 1;
    for (qsizetype i = 0; i < std::min(token.size(), expected.size()); ++i)
        difference |= static_cast<unsigned char>(token[i] ^ expected[i]);
    if (difference != 0)
        return errorResponse(entityError(403, QStringLiteral("FORBIDDEN.SIGNATURE_INVALID"),
                                         QStringLiteral("The upload URL's signature is invalid."),
                                         QStringLiteral("The token does not match this part and expiry.")));
    if (QDateTime::currentSecsSinceEpoch() >= expires)
        return errorResponse(entityError(
            403, QStringLiteral("FORBIDDEN.URL_EXPIRED"), QStringLiteral("The upload URL has expired."),
            QStringLiteral("The upload operation expired at %1; reserve the file again.")
                .arg(QDateTime::fromSecsSinceEpoch(expires, Qt::UTC).toString(Qt::ISODate))));
    const QString deliveryState = file->attributes.value(QStringLiteral("assetDeliveryState"))
                                      .toObject()
                                      .value(QStringLiteral("state"))
                                      .toString();
    if (deliveryState != QLatin1String("AWAITING_UPLOAD"))
        return errorResponse(conflict(
            QStringLiteral("ENTITY_ERROR.STATE.INVALID"),
            QStringLiteral("The file was committed (%1); parts can no longer be sent.").arg(deliveryState)));
    QJsonObject operation;
    for (const auto &value : file->attributes.value(QStringLiteral("uploadOperations")).toArray()) {
        if (value.toObject().value(QStringLiteral("partNumber")).toInteger() == partNumber)
            operation = value.toObject();
    }
    if (operation.isEmpty())
        return errorResponse(entityError(404, QStringLiteral("NOT_FOUND"),
                                         QStringLiteral("The upload part is unknown."),
                                         QStringLiteral("The file has no part %1.").arg(partNumber)));
    const qint64 offset = operation.value(QStringLiteral("offset")).toInteger();
    const qint64 length = operation.value(QStringLiteral("length")).toInteger();
    if (http.bodyLength != length)
        return errorResponse(entityError(400, QStringLiteral("PARAMETER_ERROR.INVALID"),
                                         QStringLiteral("The part has the wrong length."),
                                         QStringLiteral("Part %1 must be %2 bytes; %3 arrived.")
                                             .arg(partNumber)
                                             .arg(length)
                                             .arg(http.bodyLength)));
    QFile target(dataPath(fileId));
    if (!target.open(QIODevice::ReadWrite) || !target.seek(offset)) {
        qCWarning(lcSim).noquote() << "cannot write" << target.fileName() << target.errorString();
        return errorResponse(errors::internalError());
    }
    if (!http.bodyFilePath.isEmpty()) {
        QFile source(http.bodyFilePath);
        if (!source.open(QIODevice::ReadOnly))
            return errorResponse(errors::internalError());
        QByteArray buffer;
        while (!source.atEnd()) {
            buffer = source.read(kCopyChunk);
            if (buffer.isEmpty() || target.write(buffer) != buffer.size())
                return errorResponse(errors::internalError());
        }
    } else if (target.write(http.body) != http.body.size()) {
        return errorResponse(errors::internalError());
    }
    target.close();

    Record updated = *file;
    QJsonArray received = updated.attributes.value(kReceived).toArray();
    if (!received.contains(partNumber)) {
        received.append(partNumber);
        updated.attributes.insert(kReceived, received);
        m_store.put(std::move(updated));
    }
    http::HttpResponse response = http::HttpResponse::empty(200);
    response.setHeader("ETag", QStringLiteral("\"%1-%2\"").arg(fileId).arg(partNumber).toLatin1());
    return response;
}

http::HttpResponse BuildUploadArea::commitFile(const ApiRequest &request)
{
    const QString id = request.pathParameter(QStringLiteral("id"));
    const Record *file = m_store.find(kFiles, id);
    if (!file)
        return errorResponse(errors::resourceNotFound(kFiles, id));
    const QJsonObject data = request.body.object().value(QStringLiteral("data")).toObject();
    QList<ApiError> problems;
    checkType(data, kFiles, &problems);
    if (data.value(QStringLiteral("id")).toString() != id)
        problems.append(entityError(409, QStringLiteral("ENTITY_ERROR.ATTRIBUTE.INVALID"),
                                    QStringLiteral("An attribute value is invalid."),
                                    QStringLiteral("data.id must be the id in the path (%1).").arg(id),
                                    QStringLiteral("/data/id")));
    const QJsonObject attributes = data.value(QStringLiteral("attributes")).toObject();
    const QJsonObject checksum = attributes.value(QStringLiteral("sourceFileChecksums"))
                                     .toObject()
                                     .value(QStringLiteral("file"))
                                     .toObject();
    const QString algorithm = checksum.value(QStringLiteral("algorithm")).toString();
    const QString hash = checksum.value(QStringLiteral("hash")).toString().toLower();
    if (attributes.value(QStringLiteral("uploaded")).toBool() != true)
        problems.append(invalid(QStringLiteral("/data/attributes/uploaded"),
                                QStringLiteral("Commit the file with uploaded: true.")));
    if (!asc::fromString<asc::ChecksumAlgorithm>(algorithm) || hash.isEmpty())
        problems.append(invalid(
            QStringLiteral("/data/attributes/sourceFileChecksums/file"),
            QStringLiteral("sourceFileChecksums.file needs a hash and an algorithm (MD5 or SHA_256).")));
    if (!problems.isEmpty())
        return errorResponse(problems);

    const QString deliveryState = file->attributes.value(QStringLiteral("assetDeliveryState"))
                                      .toObject()
                                      .value(QStringLiteral("state"))
                                      .toString();
    if (deliveryState != QLatin1String("AWAITING_UPLOAD"))
        return errorResponse(
            conflict(QStringLiteral("ENTITY_ERROR.STATE.INVALID"),
                     QStringLiteral("The file was already committed (%1).").arg(deliveryState)));
    const QString uploadId = m_store.relatedIds(*file, QStringLiteral("buildUpload")).value(0);

    Record updated = *file;
    updated.attributes.insert(QStringLiteral("assetDeliveryState"),
                              QJsonObject{{QStringLiteral("state"), QStringLiteral("UPLOAD_COMPLETE")},
                                          {QStringLiteral("errors"), QJsonArray()},
                                          {QStringLiteral("warnings"), QJsonArray()}});
    updated.attributes.insert(
        QStringLiteral("sourceFileChecksums"),
        QJsonObject{{QStringLiteral("file"),
                     QJsonObject{{QStringLiteral("hash"), hash}, {QStringLiteral("algorithm"), algorithm}}}});
    m_store.put(std::move(updated));
    if (const Record *upload = m_store.find(kUploads, uploadId)) {
        Record changed = *upload;
        changed.attributes.insert(QStringLiteral("uploadedDate"), isoNow());
        m_store.put(std::move(changed));
    }
    setUploadState(uploadId, QStringLiteral("PROCESSING"));
    verifyAndProcess(uploadId, id, algorithm, hash);

    const Record *stored = m_store.find(kFiles, id);
    const DocumentBuilder builder(m_store, m_resources->catalog(), request.operation, request.query,
                                  request.baseUrl);
    return jsonResponse(200, builder.single(*stored, builder.resourceUrl(*stored)));
}

void BuildUploadArea::setUploadState(const QString &uploadId, const QString &state, const QJsonArray &errors)
{
    const Record *upload = m_store.find(kUploads, uploadId);
    if (!upload)
        return;
    Record changed = *upload;
    changed.attributes.insert(QStringLiteral("state"), stateObject(state, errors));
    const QString appId = m_store.relatedIds(*upload, QStringLiteral("app")).value(0);
    m_store.put(std::move(changed));
    qCInfo(lcSim).noquote() << "build upload" << uploadId << "→" << state;
    m_events.publish(SimEvent{asc::WebhookEventType::BUILD_UPLOAD_STATE_UPDATED, appId, kUploads, uploadId,
                              QJsonObject{{QStringLiteral("newState"), state}}});
}

void BuildUploadArea::verifyAndProcess(const QString &uploadId, const QString &fileId,
                                       const QString &algorithm, const QString &expectedHash)
{
    const Record *file = m_store.find(kFiles, fileId);
    const QJsonArray received = file->attributes.value(kReceived).toArray();
    QStringList missingParts;
    for (const auto &value : file->attributes.value(QStringLiteral("uploadOperations")).toArray()) {
        const qint64 part = value.toObject().value(QStringLiteral("partNumber")).toInteger();
        if (!received.contains(part))
            missingParts << QString::number(part);
    }
    if (!missingParts.isEmpty()) {
        finishVerification(uploadId, fileId, QString(), expectedHash,
                           QStringLiteral("missing:%1").arg(missingParts.join(QStringLiteral(", "))));
        return;
    }
    const QString path = dataPath(fileId);
    const auto hashAlgorithm =
        algorithm == QLatin1String("SHA_256") ? QCryptographicHash::Sha256 : QCryptographicHash::Md5;
    QPointer<BuildUploadArea> self(this);
    m_pool.start([self, path, hashAlgorithm, uploadId, fileId, expectedHash] {
        QString error;
        const QString actual = hashFile(path, hashAlgorithm, &error);
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, uploadId, fileId, actual, expectedHash, error] {
                if (self)
                    self->finishVerification(uploadId, fileId, actual, expectedHash, error);
            },
            Qt::QueuedConnection);
    });
}

void BuildUploadArea::finishVerification(const QString &uploadId, const QString &fileId,
                                         const QString &actualHash, const QString &expectedHash,
                                         const QString &readError)
{
    const Record *file = m_store.find(kFiles, fileId);
    if (!file || !m_store.find(kUploads, uploadId))
        return; // deleted meanwhile
    QJsonObject problem;
    if (readError.startsWith(QLatin1String("missing:")))
        problem =
            detail(QStringLiteral("INCOMPLETE_UPLOAD"),
                   QStringLiteral("Not every byte of %1 arrived: part(s) %2 were never uploaded.")
                       .arg(file->attributes.value(QStringLiteral("fileName")).toString(), readError.mid(8)));
    else if (!readError.isEmpty())
        problem = detail(QStringLiteral("PROCESSING_ERROR"),
                         QStringLiteral("The uploaded file could not be read: %1").arg(readError));
    else if (actualHash != expectedHash)
        problem = detail(
            QStringLiteral("CHECKSUM_MISMATCH"),
            QStringLiteral("The checksum of the uploaded %1 (%2) does not match the checksum sent with "
                           "the commit (%3). Upload the file again.")
                .arg(file->attributes.value(QStringLiteral("fileName")).toString(), actualHash,
                     expectedHash));
    Record updated = *file;
    if (!problem.isEmpty()) {
        updated.attributes.insert(QStringLiteral("assetDeliveryState"),
                                  QJsonObject{{QStringLiteral("state"), QStringLiteral("FAILED")},
                                              {QStringLiteral("errors"), QJsonArray{problem}},
                                              {QStringLiteral("warnings"), QJsonArray()}});
        m_store.put(std::move(updated));
        setUploadState(uploadId, QStringLiteral("FAILED"), QJsonArray{problem});
        emit storeChanged();
        return;
    }
    updated.attributes.insert(QStringLiteral("assetDeliveryState"),
                              QJsonObject{{QStringLiteral("state"), QStringLiteral("COMPLETE")},
                                          {QStringLiteral("errors"), QJsonArray()},
                                          {QStringLiteral("warnings"), QJsonArray()}});
    m_store.put(std::move(updated));
    emit storeChanged();
    QTimer::singleShot(m_options.processingSeconds * 1000, this, [this, uploadId] { complete(uploadId); });
}

void BuildUploadArea::complete(const QString &uploadId)
{
    const Record *upload = m_store.find(kUploads, uploadId);
    if (!upload)
        return;
    const QString appId = m_store.relatedIds(*upload, QStringLiteral("app")).value(0);
    const QString shortVersion =
        upload->attributes.value(QStringLiteral("cfBundleShortVersionString")).toString();
    const QString platform = upload->attributes.value(QStringLiteral("platform")).toString();

    QString versionId;
    for (const Record *version : m_store.all(QStringLiteral("preReleaseVersions"))) {
        if (m_store.relatedIds(*version, QStringLiteral("app")).value(0) == appId &&
            version->attributes.value(QStringLiteral("version")).toString() == shortVersion &&
            version->attributes.value(QStringLiteral("platform")).toString() == platform)
            versionId = version->id;
    }
    if (versionId.isEmpty()) {
        Record version;
        version.type = QStringLiteral("preReleaseVersions");
        version.id = newId();
        version.attributes =
            QJsonObject{{QStringLiteral("version"), shortVersion}, {QStringLiteral("platform"), platform}};
        version.relationships.insert(QStringLiteral("app"), {appId});
        versionId = version.id;
        m_store.put(std::move(version));
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Record build;
    build.type = QStringLiteral("builds");
    build.id = newId();
    build.attributes = QJsonObject{
        {QStringLiteral("version"), upload->attributes.value(QStringLiteral("cfBundleVersion")).toString()},
        {QStringLiteral("uploadedDate"), now.toString(Qt::ISODate)},
        {QStringLiteral("expirationDate"), now.addDays(90).toString(Qt::ISODate)},
        {QStringLiteral("expired"), false},
        {QStringLiteral("minOsVersion"),
         platform == QLatin1String("VISION_OS") ? QStringLiteral("1.0") : QStringLiteral("17.0")},
        {QStringLiteral("processingState"), QStringLiteral("VALID")},
        {QStringLiteral("buildAudienceType"), QStringLiteral("APP_STORE_ELIGIBLE")},
        {QStringLiteral("usesNonExemptEncryption"), false}};
    build.relationships.insert(QStringLiteral("app"), {appId});
    build.relationships.insert(QStringLiteral("preReleaseVersion"), {versionId});
    const QString buildId = build.id;
    m_store.put(std::move(build));

    Record changed = *m_store.find(kUploads, uploadId);
    changed.relationships.insert(QStringLiteral("build"), {buildId});
    m_store.put(std::move(changed));
    setUploadState(uploadId, QStringLiteral("COMPLETE"));
    emit storeChanged();
}

} // namespace ascend::sim

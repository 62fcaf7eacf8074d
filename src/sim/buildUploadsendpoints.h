#pragma once
// The BuildUpload API: buildUploads and buildUploadFiles per the spec, the presigned part URLs their
// reservations hand out, and the processing that follows a commit.
//
//   POST /v1/buildUploads            → AWAITING_UPLOAD (409 for a version+build already uploaded)
//   POST /v1/buildUploadFiles        → uploadOperations: PUT <base>/upload-parts/{fileId}/{n}?expires=&token=
//   PUT  upload-parts (no JWT)       → bytes written at their offset in <storage>/<fileId>.bin
//   PATCH /v1/buildUploadFiles/{id}  → PROCESSING; every part present and the checksum equal, else FAILED
//   after --processing-seconds       → COMPLETE with a new `builds` resource (processingState VALID)
// Every state change of an upload is published as BUILD_UPLOAD_STATE_UPDATED.

#include "core/http/httpmessage.h"
#include "sim/router.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QString>
#include <QTemporaryDir>
#include <QThreadPool>
#include <memory>

namespace ascend::sim {

class ResourceEndpoints;
class SimEvents;
class Store;
struct Record;

struct BuildUploadOptions {
    qint64 partSize = 10 * 1024 * 1024;
    int processingSeconds = 3;
    int operationTtlSeconds = 7 * 24 * 3600; // a week, as ASC's docs ask uploads to finish within
    QString storageDir;                      // where part bytes land; empty = a temporary directory
};

class BuildUploadArea : public QObject {
    Q_OBJECT
public:
    BuildUploadArea(Store &store, SimEvents &events, BuildUploadOptions options, QObject *parent = nullptr);
    ~BuildUploadArea() override;

    void registerEndpoints(Router &router, ResourceEndpoints &resources);
    QString storageDir() const;
    // The file holding the bytes received for a buildUploadFiles id.
    QString dataPath(const QString &fileId) const;

signals:
    // The store changed outside a request (processing finished); the owner persists it.
    void storeChanged();

private:
    http::HttpResponse createUpload(const ApiRequest &request);
    http::HttpResponse deleteUpload(const ApiRequest &request);
    http::HttpResponse createFile(const ApiRequest &request);
    http::HttpResponse commitFile(const ApiRequest &request);
    http::HttpResponse receivePart(const ApiRequest &request);

    void setUploadState(const QString &uploadId, const QString &state, const QJsonArray &errors = {});
    void verifyAndProcess(const QString &uploadId, const QString &fileId, const QString &algorithm,
                          const QString &expectedHash);
    void finishVerification(const QString &uploadId, const QString &fileId, const QString &actualHash,
                            const QString &expectedHash, const QString &readError);
    void complete(const QString &uploadId);
    QString partToken(const Record &file, qint64 partNumber, qint64 expires) const;

    Store &m_store;
    SimEvents &m_events;
    BuildUploadOptions m_options;
    std::unique_ptr<QTemporaryDir> m_temporaryDir;
    ResourceEndpoints *m_resources = nullptr;
    QThreadPool m_pool; // checksums of committed files, off the server's thread
};

} // namespace ascend::sim

// The simulator's BuildUpload API in-process, spoken to over loopback with the real client: shapes,
// 409/422 errors, presigned part URLs (token, expiry, length), bytes written at their offsets, commit
// checks (missing parts, checksum mismatch), PROCESSING → COMPLETE with a build, events, delete, shaping.

#include "core/api/apiclient.h"
#include "core/api/apireply.h"
#include "core/api/buildUploadFiles.h"
#include "core/api/buildUploads.h"
#include "core/session/session.h"
#include "sim/buildUploadsendpoints.h"
#include "sim/simevents.h"
#include "sim/simulator.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ascend;

namespace {

struct Harness {
    QTemporaryDir dir;
    std::unique_ptr<sim::Simulator> simulator;
    std::unique_ptr<session::Session> session;
    QList<sim::SimEvent> events;

    bool start(sim::SimOptions options)
    {
        options.generateKeyDir = dir.path();
        options.dataDir = dir.filePath(QStringLiteral("data"));
        simulator = std::make_unique<sim::Simulator>(options);
        QString error;
        if (!simulator->start(&error)) {
            qWarning("simulator: %s", qPrintable(error));
            return false;
        }
        QObject::connect(&simulator->events(), &sim::SimEvents::published,
                         [this](const sim::SimEvent &event) { events.append(event); });
        const QJsonObject ready = simulator->readyInfo();
        session::ConnectionInfo info;
        info.baseUrl = ready.value(QStringLiteral("baseUrl")).toString();
        info.keyId = ready.value(QStringLiteral("keyId")).toString();
        info.issuerId = ready.value(QStringLiteral("issuerId")).toString();
        QFile key(ready.value(QStringLiteral("privateKeyPath")).toString());
        if (!key.open(QIODevice::ReadOnly))
            return false;
        info.privateKeyPem = key.readAll();
        info.isSimulator = true;
        session = session::Session::create(info, &error);
        return session != nullptr;
    }

    api::ApiReply *call(const api::ApiRequest &request)
    {
        api::ApiReply *reply = session->client()->send(request);
        api::waitForFinished(reply, 20000);
        return reply;
    }

    QString appId() const { return simulator->store().all(QStringLiteral("apps")).first()->id; }

    // PUT body to url (no JWT) and return the status.
    int put(const QString &url, const QByteArray &body, QByteArray *answer = nullptr)
    {
        QNetworkAccessManager network;
        QNetworkRequest request{QUrl(url)};
        request.setRawHeader("Content-Type", "application/octet-stream");
        QNetworkReply *reply = network.put(request, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(20000);
        if (answer)
            *answer = reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        delete reply;
        return status;
    }
};

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QByteArray bytes(n, Qt::Uninitialized);
    QRandomGenerator random(seed);
    for (qsizetype i = 0; i < n; ++i)
        bytes[i] = char(random.bounded(256));
    return bytes;
}

QString firstErrorCode(api::ApiReply *reply)
{
    return reply->error().errors.isEmpty() ? QString() : reply->error().errors.first().code;
}

} // namespace

class TestSimBuildUploads : public QObject {
    Q_OBJECT

private:
    static sim::SimOptions options(qint64 partSize = 4096)
    {
        sim::SimOptions o;
        o.partSize = partSize;
        o.processingSeconds = 1;
        return o;
    }

    static std::optional<api::BuildUpload> createUpload(Harness &h, const QString &build,
                                                        asc::Platform platform = asc::Platform::IOS)
    {
        api::ApiReply *reply =
            h.call(api::createBuildUpload(h.appId(), QStringLiteral("7.0"), build, platform));
        if (reply->httpStatus() != 201)
            return std::nullopt;
        return api::BuildUpload::fromResource(*reply->document().resource());
    }

    static std::optional<api::BuildUploadFile> reserve(Harness &h, const QString &uploadId, qint64 size)
    {
        api::ApiReply *reply = h.call(api::createBuildUploadFile(uploadId, QStringLiteral("App.ipa"), size,
                                                                 asc::BuildUploadFileUti::Ipa));
        if (reply->httpStatus() != 201)
            return std::nullopt;
        return api::BuildUploadFile::fromResource(*reply->document().resource());
    }

private slots:
    void createAndRead()
    {
        Harness h;
        QVERIFY(h.start(options()));
        api::ApiReply *reply = h.call(api::createBuildUpload(h.appId(), QStringLiteral("7.0"),
                                                             QStringLiteral("70"), asc::Platform::IOS));
        QCOMPARE(reply->httpStatus(), 201);
        const auto upload = api::BuildUpload::fromResource(*reply->document().resource());
        QVERIFY(upload);
        QCOMPARE(upload->cfBundleVersion, QStringLiteral("70"));
        QVERIFY(upload->state.state == asc::BuildUploadState::AWAITING_UPLOAD);
        QVERIFY(upload->createdDate.isValid());
        const QJsonObject attributes = reply->document().resource()->attributes;
        QVERIFY(!attributes.contains(QStringLiteral("_partSecret")));

        reply = h.call(api::getBuildUpload(upload->id));
        QCOMPARE(reply->httpStatus(), 200);
        QCOMPARE(reply->document().resource()->id, upload->id);

        // The app's uploads, filtered by version and by state.
        reply = h.call(api::listAppBuildUploads(
            h.appId(), api::Query().filter(QStringLiteral("cfBundleVersion"), QStringLiteral("70"))));
        QCOMPARE(reply->document().resources().size(), 1);
        reply = h.call(api::listAppBuildUploads(
            h.appId(), api::Query().filter(QStringLiteral("state"), QStringLiteral("AWAITING_UPLOAD"))));
        QCOMPARE(reply->document().resources().size(), 1);
        reply = h.call(api::listAppBuildUploads(
            h.appId(), api::Query().filter(QStringLiteral("state"), QStringLiteral("COMPLETE"))));
        QVERIFY(reply->ok());
        QCOMPARE(reply->document().resources().size(), 0);
    }

    void errors()
    {
        Harness h;
        QVERIFY(h.start(options()));
        QVERIFY(createUpload(h, QStringLiteral("71")));
        // The same version+build again.
        api::ApiReply *reply = h.call(api::createBuildUpload(h.appId(), QStringLiteral("7.0"),
                                                             QStringLiteral("71"), asc::Platform::IOS));
        QCOMPARE(reply->httpStatus(), 409);
        QVERIFY(firstErrorCode(reply).startsWith(QLatin1String("ENTITY_ERROR")));
        // Another platform is another build.
        QVERIFY(createUpload(h, QStringLiteral("71"), asc::Platform::TV_OS));

        // Missing attributes and a bad platform: 422 with pointers.
        QJsonObject body{
            {QStringLiteral("data"),
             QJsonObject{
                 {QStringLiteral("type"), QStringLiteral("buildUploads")},
                 {QStringLiteral("attributes"),
                  QJsonObject{{QStringLiteral("platform"), QStringLiteral("WINDOWS")}}},
                 {QStringLiteral("relationships"),
                  QJsonObject{
                      {QStringLiteral("app"),
                       QJsonObject{{QStringLiteral("data"),
                                    QJsonObject{{QStringLiteral("type"), QStringLiteral("apps")},
                                                {QStringLiteral("id"), QStringLiteral("nope")}}}}}}}}}};
        reply = h.call(api::ApiRequest::post(QStringLiteral("/v1/buildUploads"), body));
        QCOMPARE(reply->httpStatus(), 422);
        QStringList pointers;
        for (const auto &error : reply->error().errors)
            pointers << error.toJson()
                            .value(QStringLiteral("source"))
                            .toObject()
                            .value(QStringLiteral("pointer"))
                            .toString();
        QVERIFY(pointers.contains(QStringLiteral("/data/attributes/cfBundleVersion")));
        QVERIFY(pointers.contains(QStringLiteral("/data/attributes/platform")));
        QVERIFY(pointers.contains(QStringLiteral("/data/relationships/app/data/id")));

        // A file for an unknown upload, a bad uti, a zero size.
        reply = h.call(api::createBuildUploadFile(QStringLiteral("missing"), QStringLiteral("a.ipa"), 10,
                                                  asc::BuildUploadFileUti::Ipa));
        QCOMPARE(reply->httpStatus(), 422);
        const auto upload = createUpload(h, QStringLiteral("72"));
        reply = h.call(
            api::createBuildUploadFile(upload->id, QStringLiteral("a.ipa"), 0, asc::BuildUploadFileUti::Ipa));
        QCOMPARE(reply->httpStatus(), 422);
        // A second ASSET for the same upload.
        QVERIFY(reserve(h, upload->id, 100));
        reply = h.call(api::createBuildUploadFile(upload->id, QStringLiteral("b.ipa"), 10,
                                                  asc::BuildUploadFileUti::Ipa));
        QCOMPARE(reply->httpStatus(), 409);
    }

    void partsCommitProcessComplete()
    {
        Harness h;
        QVERIFY(h.start(options(4096)));
        const QByteArray content = randomBytes(4096 * 3 + 1000, 7);
        const auto upload = createUpload(h, QStringLiteral("73"));
        QVERIFY(upload);
        const auto file = reserve(h, upload->id, content.size());
        QVERIFY(file);
        QCOMPARE(file->uploadOperations.size(), 4);
        qint64 covered = 0;
        for (int i = 0; i < file->uploadOperations.size(); ++i) {
            const auto &operation = file->uploadOperations[i];
            QCOMPARE(operation.method, QByteArray("PUT"));
            QCOMPARE(operation.partNumber, qint64(i + 1));
            QCOMPARE(operation.offset, covered);
            QVERIFY(operation.expiration > QDateTime::currentDateTimeUtc());
            const QUrlQuery query(QUrl(operation.url));
            QVERIFY(query.hasQueryItem(QStringLiteral("token")));
            QVERIFY(query.hasQueryItem(QStringLiteral("expires")));
            QCOMPARE(operation.requestHeaders.value(0).first, QByteArray("Content-Type"));
            covered += operation.length;
        }
        QCOMPARE(covered, qint64(content.size()));

        const auto &ops = file->uploadOperations;
        // Wrong token, wrong length, unknown part.
        QString badToken = ops[0].url;
        badToken.replace(QRegularExpression(QStringLiteral("token=[0-9a-f]+")), QStringLiteral("token=00"));
        QCOMPARE(h.put(badToken, content.left(4096)), 403);
        QCOMPARE(h.put(ops[0].url, content.left(100)), 400);
        // Out of order, and part 2 twice (a resend is fine).
        for (int i : {3, 1, 0, 1, 2})
            QCOMPARE(h.put(ops[i].url, content.mid(ops[i].offset, ops[i].length)), 200);
        QFile stored(h.simulator->buildUploads()->dataPath(file->id));
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QVERIFY(stored.readAll() == content);

        const QString md5 =
            QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Md5).toHex());
        h.events.clear();
        api::ApiReply *reply = h.call(api::commitBuildUploadFile(file->id, md5));
        QCOMPARE(reply->httpStatus(), 200);
        const auto committed = api::BuildUploadFile::fromResource(*reply->document().resource());
        QVERIFY(committed->assetDeliveryState.state == asc::AssetDeliveryState::UPLOAD_COMPLETE);
        QCOMPARE(committed->sourceFileHash, md5);
        // No more parts after the commit, and no second commit.
        QCOMPARE(h.put(ops[0].url, content.left(4096)), 409);
        QCOMPARE(h.call(api::commitBuildUploadFile(file->id, md5))->httpStatus(), 409);

        QTRY_VERIFY_WITH_TIMEOUT(h.events.size() >= 2, 10000);
        QCOMPARE(h.events.at(0).attributes.value(QStringLiteral("newState")).toString(),
                 QStringLiteral("PROCESSING"));
        QCOMPARE(h.events.at(1).attributes.value(QStringLiteral("newState")).toString(),
                 QStringLiteral("COMPLETE"));
        QCOMPARE(h.events.at(1).instanceId, upload->id);
        QCOMPARE(h.events.at(1).instanceType, QStringLiteral("buildUploads"));
        QCOMPARE(h.events.at(1).appId, h.appId());
        QVERIFY(h.events.at(1).type == asc::WebhookEventType::BUILD_UPLOAD_STATE_UPDATED);

        reply = h.call(api::getBuildUpload(upload->id, api::Query().include({QStringLiteral("build")})));
        const auto done = api::BuildUpload::fromResource(*reply->document().resource());
        QVERIFY(done->state.state == asc::BuildUploadState::COMPLETE);
        QVERIFY(!done->buildId.isEmpty());
        QVERIFY(done->uploadedDate.isValid());
        const jsonapi::Resource *build =
            reply->document().findIncluded(QStringLiteral("builds"), done->buildId);
        QVERIFY(build);
        QCOMPARE(build->stringAttribute(QStringLiteral("processingState")), QStringLiteral("VALID"));
        QCOMPARE(build->stringAttribute(QStringLiteral("version")), QStringLiteral("73"));

        // The upload's files, and the same version+build cannot be reserved again.
        reply = h.call(api::listBuildUploadFiles(upload->id));
        QCOMPARE(reply->document().resources().size(), 1);
        QCOMPARE(h.call(api::createBuildUpload(h.appId(), QStringLiteral("7.0"), QStringLiteral("73"),
                                               asc::Platform::IOS))
                     ->httpStatus(),
                 409);
    }

    void checksumMismatchFails()
    {
        Harness h;
        QVERIFY(h.start(options(4096)));
        const QByteArray content = randomBytes(5000, 9);
        const auto upload = createUpload(h, QStringLiteral("74"));
        const auto file = reserve(h, upload->id, content.size());
        for (const auto &op : file->uploadOperations)
            QCOMPARE(h.put(op.url, content.mid(op.offset, op.length)), 200);
        QCOMPARE(
            h.call(api::commitBuildUploadFile(file->id, QStringLiteral("0123456789abcdef0123456789abcdef")))
                ->httpStatus(),
            200);
        QTRY_VERIFY_WITH_TIMEOUT(!h.events.isEmpty() && h.events.last().attributes.value(QStringLiteral(
                                                            "newState")) == QStringLiteral("FAILED"),
                                 10000);
        const auto failed =
            api::BuildUpload::fromResource(*h.call(api::getBuildUpload(upload->id))->document().resource());
        QVERIFY(failed->state.state == asc::BuildUploadState::FAILED);
        QCOMPARE(failed->state.errors.size(), 1);
        QCOMPARE(failed->state.errors.first().code, QStringLiteral("CHECKSUM_MISMATCH"));
        QVERIFY(failed->state.errors.first().description.contains(QLatin1String("0123456789abcdef")));
        // A failed upload frees its version+build.
        QVERIFY(createUpload(h, QStringLiteral("74")));
    }

    void missingPartsFail()
    {
        Harness h;
        QVERIFY(h.start(options(4096)));
        const QByteArray content = randomBytes(9000, 3);
        const auto upload = createUpload(h, QStringLiteral("75"));
        const auto file = reserve(h, upload->id, content.size());
        const auto &op = file->uploadOperations.first();
        QCOMPARE(h.put(op.url, content.mid(op.offset, op.length)), 200);
        const QString md5 =
            QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Md5).toHex());
        QCOMPARE(h.call(api::commitBuildUploadFile(file->id, md5))->httpStatus(), 200);
        const auto failed =
            api::BuildUpload::fromResource(*h.call(api::getBuildUpload(upload->id))->document().resource());
        QVERIFY(failed->state.state == asc::BuildUploadState::FAILED);
        QCOMPARE(failed->state.errors.first().code, QStringLiteral("INCOMPLETE_UPLOAD"));
        QVERIFY(failed->state.errors.first().description.contains(QLatin1String("2, 3")));
    }

    void expiredOperations()
    {
        Harness h;
        sim::SimOptions o = options(4096);
        o.operationTtlSeconds = 1;
        QVERIFY(h.start(o));
        const QByteArray content = randomBytes(4096, 5);
        const auto upload = createUpload(h, QStringLiteral("76"));
        const auto file = reserve(h, upload->id, content.size());
        QTest::qWait(2100);
        QByteArray answer;
        QCOMPARE(h.put(file->uploadOperations.first().url, content, &answer), 403);
        QVERIFY(answer.contains("FORBIDDEN.URL_EXPIRED"));
    }

    void deleteCancels()
    {
        Harness h;
        QVERIFY(h.start(options()));
        const auto upload = createUpload(h, QStringLiteral("77"));
        const auto file = reserve(h, upload->id, 100);
        const QString data = h.simulator->buildUploads()->dataPath(file->id);
        QVERIFY(QFile::exists(data));
        QCOMPARE(h.call(api::deleteBuildUpload(upload->id))->httpStatus(), 204);
        QCOMPARE(h.call(api::getBuildUpload(upload->id))->httpStatus(), 404);
        QCOMPARE(h.call(api::getBuildUploadFile(file->id))->httpStatus(), 404);
        QVERIFY(!QFile::exists(data));
        QCOMPARE(h.call(api::deleteBuildUpload(upload->id))->httpStatus(), 404);
        QVERIFY(createUpload(h, QStringLiteral("77")));
    }

    void faultsAndShaping()
    {
        Harness h;
        sim::SimOptions o = options(64 * 1024);
        o.partFaultRate = 1.0;
        QVERIFY(h.start(o));
        const QByteArray content = randomBytes(64 * 1024, 11);
        auto upload = createUpload(h, QStringLiteral("78"));
        auto file = reserve(h, upload->id, content.size());
        const int status = h.put(file->uploadOperations.first().url, content);
        QVERIFY2(status == 500 || status == 503, qPrintable(QString::number(status)));

        Harness shaped;
        sim::SimOptions s = options(64 * 1024);
        s.partBandwidth = 128 * 1024; // 0.5 s for one part
        s.partLatencyMs = 200;
        QVERIFY(shaped.start(s));
        upload = createUpload(shaped, QStringLiteral("79"));
        file = reserve(shaped, upload->id, content.size());
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(shaped.put(file->uploadOperations.first().url, content), 200);
        QVERIFY2(timer.elapsed() >= 650, qPrintable(QString::number(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestSimBuildUploads)
#include "tst_simbuilduploads.moc"

// Typed resources from recorded documents, and the requests the endpoint builders make.
// (ASC enum values are checked with QVERIFY: asc::toString would be found by QCOMPARE's lookup.)

#include "core/api/apiclient.h"
#include "core/api/apps.h"
#include "core/api/builds.h"
#include "core/api/prereleaseversions.h"

#include <QFile>
#include <QTest>

using namespace ascend;
using namespace ascend::api;

namespace {
jsonapi::Document sample(const QString &name)
{
    QFile file(QStringLiteral(ASCEND_TEST_DATA_DIR "/jsonapi/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    QString error;
    auto document = jsonapi::Document::parse(file.readAll(), &error);
    if (!document)
        qFatal("%s: %s", qPrintable(name), qPrintable(error));
    return *document;
}
} // namespace

class TestEndpoints : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void appFromResource()
    {
        const auto document = sample(QStringLiteral("apps_list.json"));
        const auto app = App::fromResource(document.resources().at(1));
        QVERIFY(app);
        QCOMPARE(app->id, QStringLiteral("1602211875"));
        QCOMPARE(app->name, QStringLiteral("Ledgerly: Shared Budgets"));
        QCOMPARE(app->bundleId, QStringLiteral("com.northpine.ledgerly"));
        QCOMPARE(app->sku, QStringLiteral("LEDGERLY"));
        QCOMPARE(app->primaryLocale, QStringLiteral("en-GB"));
        QVERIFY(!App::fromResource(document.included().first())); // a preReleaseVersion
    }

    void buildFromResource()
    {
        const auto document = sample(QStringLiteral("build_single.json"));
        const auto build = Build::fromResource(*document.resource());
        QVERIFY(build);
        QCOMPARE(build->id, QStringLiteral("4e0c6f58-2f1e-4a52-9d0f-8f7b1c2a3d90"));
        QCOMPARE(build->version, QStringLiteral("2024.06.118"));
        QCOMPARE(build->uploadedDate, QDateTime(QDate(2024, 6, 11), QTime(15, 42, 17), Qt::UTC));
        QCOMPARE(build->expirationDate, QDateTime(QDate(2024, 9, 9), QTime(15, 42, 17), Qt::UTC));
        QCOMPARE(build->expired, false);
        QCOMPARE(build->minOsVersion, QStringLiteral("16.0"));
        QVERIFY(build->processingState == asc::BuildProcessingState::VALID);
        QVERIFY(build->buildAudienceType == asc::BuildAudienceType::APP_STORE_ELIGIBLE);
        QCOMPARE(build->usesNonExemptEncryption, std::optional(false));
        QCOMPARE(build->preReleaseVersionId, QStringLiteral("6a1d2f43-8e2b-4c55-b0a7-91c1f0e3d402"));
        QCOMPARE(build->appId, QStringLiteral("1589427103"));
        QVERIFY(!Build::fromResource(document.included().first()));
    }

    void buildWithSparseAttributes()
    {
        jsonapi::Resource resource;
        resource.type = QStringLiteral("builds");
        resource.id = QStringLiteral("b");
        resource.attributes.insert(QStringLiteral("processingState"), QStringLiteral("SOMETHING_NEW"));
        const auto build = Build::fromResource(resource);
        QVERIFY(build);
        QVERIFY(!build->processingState); // an unknown value is not guessed
        QVERIFY(!build->buildAudienceType);
        QVERIFY(!build->usesNonExemptEncryption);
        QVERIFY(!build->uploadedDate.isValid());
        QVERIFY(build->appId.isEmpty());
    }

    void preReleaseVersionFromResource()
    {
        const auto document = sample(QStringLiteral("apps_list.json"));
        const auto version = PreReleaseVersion::fromResource(*document.findIncluded(
            QStringLiteral("preReleaseVersions"), QStringLiteral("c91e2a77-1d04-4e8e-8f0e-5b6d3a2c9b03")));
        QVERIFY(version);
        QCOMPARE(version->version, QStringLiteral("1.0.3"));
        QVERIFY(version->platform == asc::Platform::MAC_OS);
        const auto withApp =
            PreReleaseVersion::fromResource(*sample(QStringLiteral("unknown_fields.json")).resource());
        QVERIFY(withApp);
        QCOMPARE(withApp->appId, QStringLiteral("1589427103"));
        QVERIFY(withApp->platform == asc::Platform::IOS);
    }

    void requestBuilders()
    {
        ApiClient client;
        client.setBaseUrl(QUrl(QStringLiteral("https://api.appstoreconnect.apple.com")));
        const auto url = [&client](const ApiRequest &request) {
            return client.resolve(request).toString(QUrl::FullyEncoded);
        };

        const ApiRequest apps = listApps(Query().sort(QStringLiteral("name")).limit(50));
        QCOMPARE(apps.method, QByteArray("GET"));
        QVERIFY(apps.authenticated);
        QCOMPARE(url(apps),
                 QStringLiteral("https://api.appstoreconnect.apple.com/v1/apps?sort=name&limit=50"));
        QCOMPARE(url(getApp(QStringLiteral("1589427103"),
                            Query().include({QStringLiteral("preReleaseVersions")}))),
                 QStringLiteral(
                     "https://api.appstoreconnect.apple.com/v1/apps/1589427103?include=preReleaseVersions"));
        // Ids are one path segment, whatever they contain.
        QCOMPARE(url(getApp(QStringLiteral("a/b c"))),
                 QStringLiteral("https://api.appstoreconnect.apple.com/v1/apps/a%2Fb%20c"));
        QCOMPARE(url(listBuilds(Query()
                                    .filter(QStringLiteral("app"), QStringLiteral("1"))
                                    .sort(QStringLiteral("-uploadedDate")))),
                 QStringLiteral(
                     "https://api.appstoreconnect.apple.com/v1/builds?filter[app]=1&sort=-uploadedDate"));
        QCOMPARE(url(listAppBuilds(QStringLiteral("1589427103"), Query().limit(200))),
                 QStringLiteral("https://api.appstoreconnect.apple.com/v1/apps/1589427103/builds?limit=200"));
        QCOMPARE(url(getBuild(QStringLiteral("4e0c6f58"))),
                 QStringLiteral("https://api.appstoreconnect.apple.com/v1/builds/4e0c6f58"));
        QCOMPARE(
            url(listPreReleaseVersions(Query().filter(QStringLiteral("platform"), QStringLiteral("IOS")))),
            QStringLiteral(
                "https://api.appstoreconnect.apple.com/v1/preReleaseVersions?filter[platform]=IOS"));
        QCOMPARE(url(getPreReleaseVersion(QStringLiteral("v1"))),
                 QStringLiteral("https://api.appstoreconnect.apple.com/v1/preReleaseVersions/v1"));
        const ApiRequest find = findAppByBundleId(QStringLiteral("com.northpine.ledgerly"));
        QCOMPARE(find.path, QStringLiteral("/v1/apps"));
        QCOMPARE(find.query.value(QStringLiteral("filter[bundleId]")),
                 QStringLiteral("com.northpine.ledgerly"));
        QVERIFY(find.query.isValid());
    }

    void pickAppByBundleId()
    {
        const auto document = sample(QStringLiteral("apps_list.json"));
        const auto app = appWithBundleId(document, QStringLiteral("com.northpine.ledgerly"));
        QVERIFY(app);
        QCOMPARE(app->id, QStringLiteral("1602211875"));
        QVERIFY(!appWithBundleId(document, QStringLiteral("com.northpine")));
    }

    void urlResolution()
    {
        ApiClient client;
        QCOMPARE(client.baseUrl(), QUrl(QStringLiteral("https://api.appstoreconnect.apple.com")));
        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:8123/prefix/")));
        QCOMPARE(client.resolve(ApiRequest::get(QStringLiteral("/v1/apps"))).toString(),
                 QStringLiteral("http://127.0.0.1:8123/prefix/v1/apps"));
        QCOMPARE(client.resolve(ApiRequest::get(QStringLiteral("v1/apps"))).toString(),
                 QStringLiteral("http://127.0.0.1:8123/prefix/v1/apps"));
        // Absolute URLs are used verbatim, whatever encoding they use, and a query is appended after theirs.
        const QString next =
            QStringLiteral("http://127.0.0.1:8123/prefix/v1/apps?cursor=Mg%2B%2B&filter%5Bapp%5D=1");
        QCOMPARE(client.resolve(ApiRequest::get(next)).toString(QUrl::FullyEncoded), next);
        QCOMPARE(client.resolve(ApiRequest::get(next, Query().limit(5))).toString(QUrl::FullyEncoded),
                 next + QStringLiteral("&limit=5"));
        QVERIFY(client.isSameOrigin(QUrl(next)));
        QVERIFY(!client.isSameOrigin(QUrl(QStringLiteral("http://127.0.0.1:8124/v1/apps"))));
        QVERIFY(!client.isSameOrigin(QUrl(QStringLiteral("https://127.0.0.1:8123/v1/apps"))));
        QVERIFY(!client.isSameOrigin(QUrl(QStringLiteral("http://localhost:8123/v1/apps"))));
        client.setBaseUrl(QUrl(QStringLiteral("https://api.appstoreconnect.apple.com")));
        QVERIFY(
            client.isSameOrigin(QUrl(QStringLiteral("https://api.appstoreconnect.apple.com:443/v1/apps"))));

        client.setBaseUrl(QUrl(QStringLiteral("not a url")));
        QString error;
        QVERIFY(!client.resolve(ApiRequest::get(QStringLiteral("/v1/apps")), &error).isValid());
        QVERIFY(error.contains(QStringLiteral("not a valid URL")));
    }

    void describeHidesQueries()
    {
        QCOMPARE(ApiRequest::get(QStringLiteral("/v1/apps"), Query().limit(2)).describe(),
                 QStringLiteral("GET /v1/apps"));
        ApiRequest upload =
            ApiRequest::put(QStringLiteral("https://upload.example.com/part?X-Signature=abc"), {});
        QCOMPARE(upload.describe(), QStringLiteral("PUT https://upload.example.com/part"));
    }
};

QTEST_GUILESS_MAIN(TestEndpoints)
#include "tst_endpoints.moc"

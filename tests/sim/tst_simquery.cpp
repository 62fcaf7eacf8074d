// Query engine, cursor pagination, document shape, seeding and persistence of the simulator's store.

#include "sim/cursor.h"
#include "sim/documentbuilder.h"
#include "sim/endpoints.h"
#include "sim/queryengine.h"
#include "sim/queryparser.h"
#include "sim/relations.h"
#include "sim/resourceendpoints.h"
#include "sim/router.h"
#include "sim/seeder.h"
#include "sim/speccatalog.h"
#include "sim/store.h"
#include "sim/storefile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace ascend::sim;

namespace {

Record record(const QString &type, const QString &id, const QJsonObject &attributes,
              const QHash<QString, QStringList> &relationships = {})
{
    return Record{type, id, attributes, relationships};
}

Record build(const QString &id, const QString &app, const QString &version, const QString &number,
             const QString &state, const QString &uploaded, bool expired,
             QJsonValue encryption = QJsonValue(),
             const QString &audience = QStringLiteral("APP_STORE_ELIGIBLE"))
{
    QJsonObject attributes{{QStringLiteral("version"), number},
                           {QStringLiteral("processingState"), state},
                           {QStringLiteral("uploadedDate"), uploaded},
                           {QStringLiteral("expired"), expired},
                           {QStringLiteral("buildAudienceType"), audience}};
    if (!encryption.isNull())
        attributes.insert(QStringLiteral("usesNonExemptEncryption"), encryption);
    return record(QStringLiteral("builds"), id, attributes,
                  {{QStringLiteral("app"), {app}}, {QStringLiteral("preReleaseVersion"), {version}}});
}

} // namespace

class TestSimQuery : public QObject {
    Q_OBJECT

private:
    Store m_store;
    const SpecCatalog &m_catalog = SpecCatalog::embedded();

    ResourceQuery parse(const QString &operationId, const QString &type, const QString &query,
                        QList<ApiError> *errors = nullptr) const
    {
        const OperationSpec *operation = m_catalog.operation(operationId);
        Q_ASSERT(operation);
        QueryParser parser(*operation, m_catalog.resource(type));
        ResourceQuery out;
        QList<ApiError> local;
        if (!parser.parse(QUrlQuery(query), &out, errors ? errors : &local)) {
            ResourceQuery invalid;
            invalid.limit = -1;
            return invalid;
        }
        return out;
    }

    QStringList buildIds(const QString &query) const
    {
        const ResourceQuery parsed =
            parse(QStringLiteral("builds_getCollection"), QStringLiteral("builds"), query);
        if (parsed.limit < 0)
            return {QStringLiteral("<invalid>")};
        QStringList ids;
        for (const Record *r :
             QueryEngine(m_store).select(m_store.all(QStringLiteral("builds")), parsed).records)
            ids << r->id;
        return ids;
    }

    QList<ApiError> errorsFor(const QString &operationId, const QString &type, const QString &query) const
    {
        QList<ApiError> errors;
        parse(operationId, type, query, &errors);
        return errors;
    }

private slots:
    void initTestCase()
    {
        defineRelations(m_store);
        const QString apps = QStringLiteral("apps");
        const QString versions = QStringLiteral("preReleaseVersions");
        m_store.put(record(apps, QStringLiteral("A1"),
                           {{QStringLiteral("name"), QStringLiteral("Zeta")},
                            {QStringLiteral("bundleId"), QStringLiteral("com.z")},
                            {QStringLiteral("sku"), QStringLiteral("Z")}}));
        m_store.put(record(apps, QStringLiteral("A2"),
                           {{QStringLiteral("name"), QStringLiteral("Alpha")},
                            {QStringLiteral("bundleId"), QStringLiteral("com.a")},
                            {QStringLiteral("sku"), QStringLiteral("A")}}));
        m_store.put(record(versions, QStringLiteral("V1"),
                           {{QStringLiteral("version"), QStringLiteral("1.9")},
                            {QStringLiteral("platform"), QStringLiteral("IOS")}},
                           {{QStringLiteral("app"), {QStringLiteral("A1")}}}));
        m_store.put(record(versions, QStringLiteral("V2"),
                           {{QStringLiteral("version"), QStringLiteral("1.10")},
                            {QStringLiteral("platform"), QStringLiteral("IOS")}},
                           {{QStringLiteral("app"), {QStringLiteral("A1")}}}));
        m_store.put(record(versions, QStringLiteral("V3"),
                           {{QStringLiteral("version"), QStringLiteral("2.0")},
                            {QStringLiteral("platform"), QStringLiteral("MAC_OS")}},
                           {{QStringLiteral("app"), {QStringLiteral("A2")}}}));
        m_store.put(build(QStringLiteral("B1"), QStringLiteral("A1"), QStringLiteral("V1"),
                          QStringLiteral("9"), QStringLiteral("VALID"),
                          QStringLiteral("2024-01-01T10:00:00Z"), false, false));
        m_store.put(build(QStringLiteral("B2"), QStringLiteral("A1"), QStringLiteral("V1"),
                          QStringLiteral("10"), QStringLiteral("FAILED"),
                          QStringLiteral("2024-01-03T10:00:00Z"), false, false));
        m_store.put(build(QStringLiteral("B3"), QStringLiteral("A1"), QStringLiteral("V2"),
                          QStringLiteral("11"), QStringLiteral("VALID"),
                          QStringLiteral("2024-01-02T10:00:00Z"), true, true));
        m_store.put(build(QStringLiteral("B4"), QStringLiteral("A1"), QStringLiteral("V2"),
                          QStringLiteral("12"), QStringLiteral("PROCESSING"),
                          QStringLiteral("2024-01-05T10:00:00Z"), false));
        m_store.put(build(QStringLiteral("B5"), QStringLiteral("A2"), QStringLiteral("V3"),
                          QStringLiteral("1"), QStringLiteral("INVALID"),
                          QStringLiteral("2024-01-04T10:00:00Z"), false, false,
                          QStringLiteral("INTERNAL_ONLY")));
        m_store.put(build(QStringLiteral("B6"), QStringLiteral("A2"), QStringLiteral("V3"),
                          QStringLiteral("2"), QStringLiteral("VALID"),
                          QStringLiteral("2024-01-06T10:00:00Z"), false, false));
        m_store.put(build(QStringLiteral("B7"), QStringLiteral("A2"), QStringLiteral("V3"),
                          QStringLiteral("3"), QStringLiteral("VALID"),
                          QStringLiteral("2024-01-07T10:00:00Z"), false, false));
    }

    void inverseRelationships()
    {
        const Record *app = m_store.find(QStringLiteral("apps"), QStringLiteral("A1"));
        QVERIFY(app);
        QCOMPARE(m_store.relatedIds(*app, QStringLiteral("builds")), QStringList({"B1", "B2", "B3", "B4"}));
        QCOMPARE(m_store.relatedIds(*app, QStringLiteral("preReleaseVersions")), QStringList({"V1", "V2"}));
        const Record *version = m_store.find(QStringLiteral("preReleaseVersions"), QStringLiteral("V3"));
        QCOMPARE(m_store.relatedIds(*version, QStringLiteral("builds")), QStringList({"B5", "B6", "B7"}));
        QVERIFY(m_store.relatedIds(*app, QStringLiteral("betaGroups")).isEmpty());
    }

    void filters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("none") << "" << QStringList{"B1", "B2", "B3", "B4", "B5", "B6", "B7"};
        QTest::newRow("processingState one") << "filter[processingState]=FAILED" << QStringList{"B2"};
        QTest::newRow("processingState two")
            << "filter[processingState]=FAILED,INVALID" << QStringList{"B2", "B5"};
        QTest::newRow("app") << "filter[app]=A2" << QStringList{"B5", "B6", "B7"};
        QTest::newRow("app and state")
            << "filter[app]=A1&filter[processingState]=VALID" << QStringList{"B1", "B3"};
        QTest::newRow("expired") << "filter[expired]=true" << QStringList{"B3"};
        QTest::newRow("version") << "filter[version]=10,3" << QStringList{"B2", "B7"};
        QTest::newRow("id") << "filter[id]=B4,B6,nope" << QStringList{"B4", "B6"};
        QTest::newRow("preReleaseVersion") << "filter[preReleaseVersion]=V2" << QStringList{"B3", "B4"};
        QTest::newRow("preReleaseVersion.version")
            << "filter[preReleaseVersion.version]=1.9" << QStringList{"B1", "B2"};
        QTest::newRow("preReleaseVersion.platform")
            << "filter[preReleaseVersion.platform]=MAC_OS" << QStringList{"B5", "B6", "B7"};
        QTest::newRow("buildAudienceType") << "filter[buildAudienceType]=INTERNAL_ONLY" << QStringList{"B5"};
        QTest::newRow("usesNonExemptEncryption")
            << "filter[usesNonExemptEncryption]=true" << QStringList{"B3"};
        QTest::newRow("exists false") << "exists[usesNonExemptEncryption]=false" << QStringList{"B4"};
        QTest::newRow("exists true") << "exists[usesNonExemptEncryption]=true"
                                     << QStringList{"B1", "B2", "B3", "B5", "B6", "B7"};
        QTest::newRow("relationship without data") << "filter[betaGroups]=G1" << QStringList{};
        QTest::newRow("no match") << "filter[app]=A3" << QStringList{};
    }

    void filters()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        QCOMPARE(buildIds(query), expected);
    }

    void sorting_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("uploadedDate")
            << "sort=uploadedDate" << QStringList{"B1", "B3", "B2", "B5", "B4", "B6", "B7"};
        QTest::newRow("-uploadedDate")
            << "sort=-uploadedDate" << QStringList{"B7", "B6", "B4", "B5", "B2", "B3", "B1"};
        // Build numbers compare as numbers: 9 < 10.
        QTest::newRow("version") << "sort=version&filter[app]=A1" << QStringList{"B1", "B2", "B3", "B4"};
        QTest::newRow("-version") << "sort=-version&filter[app]=A2" << QStringList{"B7", "B6", "B5"};
        // By the related version's version string (1.9 < 1.10 < 2.0), stable within a version.
        QTest::newRow("preReleaseVersion")
            << "sort=preReleaseVersion" << QStringList{"B1", "B2", "B3", "B4", "B5", "B6", "B7"};
        QTest::newRow("-preReleaseVersion,-version")
            << "sort=-preReleaseVersion,-version" << QStringList{"B7", "B6", "B5", "B4", "B3", "B2", "B1"};
    }

    void sorting()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        QCOMPARE(buildIds(query), expected);
    }

    void naturalCompare()
    {
        QVERIFY(QueryEngine::naturalCompare(u"1.9", u"1.10") < 0);
        QVERIFY(QueryEngine::naturalCompare(u"2.0", u"1.10") > 0);
        QVERIFY(QueryEngine::naturalCompare(u"build 007", u"build 7") == 0);
        QVERIFY(QueryEngine::naturalCompare(u"Alpha", u"Zeta") < 0);
        QVERIFY(QueryEngine::naturalCompare(u"1.0", u"1.0.1") < 0);
    }

    void cursorPagination()
    {
        QSet<QString> seen;
        qsizetype offset = 0;
        int pages = 0;
        QStringList order;
        for (;;) {
            QString query = QStringLiteral("limit=3&sort=-uploadedDate");
            if (offset > 0)
                query += QStringLiteral("&cursor=") + encodeCursor(offset);
            const ResourceQuery parsed =
                parse(QStringLiteral("builds_getCollection"), QStringLiteral("builds"), query);
            QCOMPARE(parsed.limit, 3);
            const Page page = QueryEngine(m_store).select(m_store.all(QStringLiteral("builds")), parsed);
            QCOMPARE(page.total, 7);
            QVERIFY(page.records.size() <= 3);
            ++pages;
            for (const Record *r : page.records) {
                QVERIFY2(!seen.contains(r->id), "pages overlap");
                seen.insert(r->id);
                order << r->id;
            }
            if (!page.nextOffset)
                break;
            offset = *page.nextOffset;
        }
        QCOMPARE(pages, 3);
        QCOMPARE(order, buildIds(QStringLiteral("sort=-uploadedDate")));
        // Cursors are opaque tokens that round-trip; anything else is refused.
        QCOMPARE(decodeCursor(encodeCursor(1234)).value(), 1234);
        QVERIFY(!decodeCursor(QStringLiteral("garbage!")));
        QVERIFY(!decodeCursor(QStringLiteral("eyJ4IjoxfQ"))); // {"x":1}
        // A cursor past the end gives an empty page.
        const ResourceQuery past = parse(QStringLiteral("builds_getCollection"), QStringLiteral("builds"),
                                         QStringLiteral("cursor=") + encodeCursor(100));
        QVERIFY(QueryEngine(m_store).select(m_store.all(QStringLiteral("builds")), past).records.isEmpty());
    }

    void defaultLimitAndMaximum()
    {
        QCOMPARE(parse(QStringLiteral("builds_getCollection"), QStringLiteral("builds"), QString()).limit,
                 QueryParser::DefaultPageLimit);
        QCOMPARE(parse(QStringLiteral("builds_getCollection"), QStringLiteral("builds"),
                       QStringLiteral("limit=200"))
                     .limit,
                 200);
    }

    void parameterErrors_data()
    {
        QTest::addColumn<QString>("operationId");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("parameter");
        const QString builds = QStringLiteral("builds_getCollection");
        QTest::newRow("limit > 200") << builds << "builds"
                                     << "limit=201"
                                     << "PARAMETER_ERROR.INVALID"
                                     << "limit";
        QTest::newRow("limit 0") << builds << "builds"
                                 << "limit=0"
                                 << "PARAMETER_ERROR.INVALID"
                                 << "limit";
        QTest::newRow("limit text") << builds << "builds"
                                    << "limit=ten"
                                    << "PARAMETER_ERROR.INVALID"
                                    << "limit";
        QTest::newRow("unknown filter") << builds << "builds"
                                        << "filter[colour]=red"
                                        << "PARAMETER_ERROR.ILLEGAL"
                                        << "filter[colour]";
        QTest::newRow("unknown parameter") << builds << "builds"
                                           << "page=2"
                                           << "PARAMETER_ERROR.ILLEGAL"
                                           << "page";
        QTest::newRow("bad enum") << builds << "builds"
                                  << "filter[processingState]=DONE"
                                  << "PARAMETER_ERROR.INVALID"
                                  << "filter[processingState]";
        QTest::newRow("bad platform") << builds << "builds"
                                      << "filter[preReleaseVersion.platform]=WATCH_OS"
                                      << "PARAMETER_ERROR.INVALID"
                                      << "filter[preReleaseVersion.platform]";
        QTest::newRow("bad sort") << builds << "builds"
                                  << "sort=processingState"
                                  << "PARAMETER_ERROR.INVALID"
                                  << "sort";
        QTest::newRow("bad include") << builds << "builds"
                                     << "include=apps"
                                     << "PARAMETER_ERROR.INVALID"
                                     << "include";
        QTest::newRow("bad field") << builds << "builds"
                                   << "fields[builds]=colour"
                                   << "PARAMETER_ERROR.INVALID"
                                   << "fields[builds]";
        QTest::newRow("limit[betaGroups] > 50") << builds << "builds"
                                                << "limit[betaGroups]=51"
                                                << "PARAMETER_ERROR.INVALID"
                                                << "limit[betaGroups]";
        QTest::newRow("exists not boolean") << builds << "builds"
                                            << "exists[usesNonExemptEncryption]=maybe"
                                            << "PARAMETER_ERROR.INVALID"
                                            << "exists[usesNonExemptEncryption]";
        QTest::newRow("bad cursor") << builds << "builds"
                                    << "cursor=zzz"
                                    << "PARAMETER_ERROR.INVALID"
                                    << "cursor";
        QTest::newRow("empty value") << builds << "builds"
                                     << "filter[app]="
                                     << "PARAMETER_ERROR.INVALID"
                                     << "filter[app]";
        QTest::newRow("repeated") << builds << "builds"
                                  << "limit=2&limit=3"
                                  << "PARAMETER_ERROR.INVALID"
                                  << "limit";
        QTest::newRow("filter on related list") << "apps_builds_getToManyRelated"
                                                << "builds"
                                                << "filter[version]=1"
                                                << "PARAMETER_ERROR.ILLEGAL"
                                                << "filter[version]";
        QTest::newRow("include on related list") << "apps_builds_getToManyRelated"
                                                 << "builds"
                                                 << "include=app"
                                                 << "PARAMETER_ERROR.ILLEGAL"
                                                 << "include";
        QTest::newRow("limit on instance") << "apps_getInstance"
                                           << "apps"
                                           << "limit=5"
                                           << "PARAMETER_ERROR.ILLEGAL"
                                           << "limit";
        QTest::newRow("cursor on instance") << "apps_getInstance"
                                            << "apps"
                                            << "cursor=eyJvZmZzZXQiOiIxIn0"
                                            << "PARAMETER_ERROR.ILLEGAL"
                                            << "cursor";
        QTest::newRow("apps sort") << "apps_getCollection"
                                   << "apps"
                                   << "sort=version"
                                   << "PARAMETER_ERROR.INVALID"
                                   << "sort";
        QTest::newRow("versions platform") << "preReleaseVersions_getCollection"
                                           << "preReleaseVersions"
                                           << "filter[platform]=ANDROID"
                                           << "PARAMETER_ERROR.INVALID"
                                           << "filter[platform]";
    }

    void parameterErrors()
    {
        QFETCH(QString, operationId);
        QFETCH(QString, type);
        QFETCH(QString, query);
        QFETCH(QString, code);
        QFETCH(QString, parameter);
        const QList<ApiError> errors = errorsFor(operationId, type, query);
        QVERIFY2(!errors.isEmpty(), "accepted");
        QCOMPARE(errors.first().status, 400);
        QCOMPARE(errors.first().code, code);
        QCOMPARE(errors.first().sourceParameter, parameter);
        QVERIFY(!errors.first().detail.isEmpty());
        const QJsonObject json = errors.first().toJson();
        QCOMPARE(json.value(QLatin1String("status")).toString(), QStringLiteral("400"));
        QCOMPARE(json.value(QLatin1String("source")).toObject().value(QLatin1String("parameter")).toString(),
                 parameter);
        QVERIFY(!json.value(QLatin1String("id")).toString().isEmpty());
    }

    void documentShape()
    {
        const ResourceQuery query =
            parse(QStringLiteral("builds_getCollection"), QStringLiteral("builds"),
                  QStringLiteral("filter[app]=A1&include=app,preReleaseVersion&limit=3"));
        const Page page = QueryEngine(m_store).select(m_store.all(QStringLiteral("builds")), query);
        const DocumentBuilder builder(m_store, m_catalog,
                                      m_catalog.operation(QStringLiteral("builds_getCollection")), query,
                                      QStringLiteral("http://127.0.0.1:9"));
        QUrlQuery requestQuery(QStringLiteral("filter[app]=A1&include=app,preReleaseVersion&limit=3"));
        const QJsonObject document = builder.list(
            page, QStringLiteral("/v1/builds?filter[app]=A1&include=app,preReleaseVersion&limit=3"),
            QStringLiteral("/v1/builds"), requestQuery);

        const QJsonArray data = document.value(QLatin1String("data")).toArray();
        QCOMPARE(data.size(), 3);
        const QJsonObject first = data.at(0).toObject();
        QCOMPARE(first.value(QLatin1String("type")).toString(), QStringLiteral("builds"));
        QCOMPARE(first.value(QLatin1String("links")).toObject().value(QLatin1String("self")).toString(),
                 QStringLiteral("http://127.0.0.1:9/v1/builds/B1"));
        const QJsonObject relationships = first.value(QLatin1String("relationships")).toObject();
        const QJsonObject app = relationships.value(QLatin1String("app")).toObject();
        QCOMPARE(app.value(QLatin1String("data")).toObject().value(QLatin1String("id")).toString(),
                 QStringLiteral("A1"));
        QCOMPARE(app.value(QLatin1String("links")).toObject().value(QLatin1String("related")).toString(),
                 QStringLiteral("http://127.0.0.1:9/v1/builds/B1/app"));
        QCOMPARE(app.value(QLatin1String("links")).toObject().value(QLatin1String("self")).toString(),
                 QStringLiteral("http://127.0.0.1:9/v1/builds/B1/relationships/app"));
        // Not included → links only, no data.
        QVERIFY(!relationships.value(QLatin1String("betaGroups")).toObject().contains(QLatin1String("data")));
        QVERIFY(relationships.value(QLatin1String("betaGroups")).toObject().contains(QLatin1String("links")));
        // Relationships without links in the spec are left out when not included.
        QVERIFY(!relationships.contains(QLatin1String("buildUpload")));

        // included: one app and two versions, each once.
        QStringList included;
        for (const QJsonValue &value : document.value(QLatin1String("included")).toArray())
            included << value.toObject().value(QLatin1String("type")).toString() + QLatin1Char('/') +
                            value.toObject().value(QLatin1String("id")).toString();
        QCOMPARE(included, QStringList({"apps/A1", "preReleaseVersions/V1", "preReleaseVersions/V2"}));

        const QJsonObject paging =
            document.value(QLatin1String("meta")).toObject().value(QLatin1String("paging")).toObject();
        QCOMPARE(paging.value(QLatin1String("total")).toInt(), 4);
        QCOMPARE(paging.value(QLatin1String("limit")).toInt(), 3);
        const QJsonObject links = document.value(QLatin1String("links")).toObject();
        QCOMPARE(links.value(QLatin1String("self")).toString(),
                 QStringLiteral(
                     "http://127.0.0.1:9/v1/builds?filter[app]=A1&include=app,preReleaseVersion&limit=3"));
        const QUrl next(links.value(QLatin1String("next")).toString());
        QCOMPARE(next.path(), QStringLiteral("/v1/builds"));
        const QUrlQuery nextQuery(next);
        QCOMPARE(nextQuery.queryItemValue(QStringLiteral("filter[app]"), QUrl::FullyDecoded),
                 QStringLiteral("A1"));
        QCOMPARE(nextQuery.queryItemValue(QStringLiteral("limit")), QStringLiteral("3"));
        QCOMPARE(decodeCursor(nextQuery.queryItemValue(QStringLiteral("cursor"))).value(), 3);
        QCOMPARE(paging.value(QLatin1String("nextCursor")).toString(),
                 nextQuery.queryItemValue(QStringLiteral("cursor")));
    }

    void nextLinkKeepsAwkwardValues()
    {
        const QString raw = QStringLiteral("filter[app]=A%261%20%2B%25%2541&limit=1");
        const QUrlQuery requestQuery(raw);
        const ResourceQuery query =
            parse(QStringLiteral("builds_getCollection"), QStringLiteral("builds"), raw);
        QCOMPARE(query.filters.first().values, QStringList{QStringLiteral("A&1 +%%41")});
        Page page;
        page.total = 2;
        page.limit = 1;
        page.nextOffset = 1;
        const DocumentBuilder builder(m_store, m_catalog,
                                      m_catalog.operation(QStringLiteral("builds_getCollection")), query,
                                      QStringLiteral("http://127.0.0.1:9"));
        const QJsonObject document = builder.list(page, QStringLiteral("/v1/builds?") + raw,
                                                  QStringLiteral("/v1/builds"), requestQuery);
        const QUrl next(
            document.value(QLatin1String("links")).toObject().value(QLatin1String("next")).toString());
        QVERIFY(next.isValid());
        const QUrlQuery nextQuery(next);
        QCOMPARE(nextQuery.queryItemValue(QStringLiteral("filter[app]"), QUrl::FullyDecoded),
                 QStringLiteral("A&1 +%%41"));
        QCOMPARE(nextQuery.queryItemValue(QStringLiteral("limit")), QStringLiteral("1"));
    }

    void sparseFieldsetsAndIncludedLimits()
    {
        const ResourceQuery query =
            parse(QStringLiteral("preReleaseVersions_getInstance"), QStringLiteral("preReleaseVersions"),
                  QStringLiteral("include=builds&limit[builds]=2&fields[builds]=version"
                                 "&fields[preReleaseVersions]=version,builds"));
        const Record *version = m_store.find(QStringLiteral("preReleaseVersions"), QStringLiteral("V3"));
        const DocumentBuilder builder(m_store, m_catalog,
                                      m_catalog.operation(QStringLiteral("preReleaseVersions_getInstance")),
                                      query, QStringLiteral("http://h"));
        const QJsonObject document = builder.single(*version, QStringLiteral("/v1/preReleaseVersions/V3"));
        const QJsonObject data = document.value(QLatin1String("data")).toObject();
        QCOMPARE(data.value(QLatin1String("attributes")).toObject().keys(), QStringList{"version"});
        QCOMPARE(data.value(QLatin1String("relationships")).toObject().keys(), QStringList{"builds"});
        const QJsonObject builds =
            data.value(QLatin1String("relationships")).toObject().value(QLatin1String("builds")).toObject();
        QCOMPARE(builds.value(QLatin1String("data")).toArray().size(), 2);
        QCOMPARE(builds.value(QLatin1String("meta"))
                     .toObject()
                     .value(QLatin1String("paging"))
                     .toObject()
                     .value(QLatin1String("total"))
                     .toInt(),
                 3);
        const QJsonArray included = document.value(QLatin1String("included")).toArray();
        QCOMPARE(included.size(), 2);
        for (const QJsonValue &value : included) {
            const QJsonObject object = value.toObject();
            QCOMPARE(object.value(QLatin1String("attributes")).toObject().keys(), QStringList{"version"});
            QVERIFY(!object.contains(QLatin1String("relationships")));
        }
        QCOMPARE(document.value(QLatin1String("links")).toObject().value(QLatin1String("self")).toString(),
                 QStringLiteral("http://h/v1/preReleaseVersions/V3"));
    }

    void everyRouteHasItsSpecOperation()
    {
        Store store;
        ResourceEndpoints resources(store, m_catalog);
        Router router;
        registerAllEndpoints(router, resources);
        QVERIFY(router.routes().size() >= 8);
        for (const Route *route : router.routes()) {
            const OperationSpec *operation = m_catalog.operation(route->operationId);
            QVERIFY2(operation, qPrintable(route->operationId));
            QCOMPARE(operation->method, route->method);
            QCOMPARE(operation->pathTemplate, route->pathTemplate);
            QVERIFY2(m_catalog.resource(route->resourceType), qPrintable(route->resourceType));
        }
        const RouteMatch match = router.match("GET", QStringLiteral("/v1/apps/123/builds"));
        QCOMPARE(int(match.status), int(RouteMatch::Status::Found));
        QCOMPARE(match.route->operationId, QStringLiteral("apps_builds_getToManyRelated"));
        QCOMPARE(match.parameters.value(QStringLiteral("id")), QStringLiteral("123"));
        const RouteMatch post = router.match("POST", QStringLiteral("/v1/apps"));
        QCOMPARE(int(post.status), int(RouteMatch::Status::MethodNotAllowed));
        QCOMPARE(post.allowedMethods, QList<QByteArray>{"GET"});
        QCOMPARE(int(router.match("GET", QStringLiteral("/v1/apps/1/nothing")).status),
                 int(RouteMatch::Status::UnknownPath));
        QCOMPARE(int(router.match("GET", QStringLiteral("/v1/apps/")).status),
                 int(RouteMatch::Status::UnknownPath));
    }

    void seedIsDeterministicAndVaried()
    {
        SeedOptions options;
        options.now = QDateTime(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC);
        Store first;
        defineRelations(first);
        Store second;
        defineRelations(second);
        const SeedSummary summary = seedStore(first, options);
        seedStore(second, options);
        QCOMPARE(QJsonDocument(first.toJson()).toJson(), QJsonDocument(second.toJson()).toJson());

        QVERIFY(summary.apps >= 4);
        QVERIFY(summary.builds >= 24);
        QCOMPARE(first.count(QStringLiteral("builds")), summary.builds);
        QSet<QString> states;
        QSet<QString> platforms;
        int expired = 0;
        for (const Record *r : first.all(QStringLiteral("builds"))) {
            states.insert(r->attributes.value(QLatin1String("processingState")).toString());
            expired += r->attributes.value(QLatin1String("expired")).toBool() ? 1 : 0;
            QCOMPARE(first.related(*r, QStringLiteral("app")).size(), 1);
            QCOMPARE(first.related(*r, QStringLiteral("preReleaseVersion")).size(), 1);
            // The spec's enum values only.
            const AttributeSpec *state =
                m_catalog.resource(QStringLiteral("builds"))->attribute(QStringLiteral("processingState"));
            QVERIFY(
                state->allowed.contains(r->attributes.value(QLatin1String("processingState")).toString()));
            for (const QString &name : r->attributes.keys())
                QVERIFY2(m_catalog.resource(QStringLiteral("builds"))->attribute(name), qPrintable(name));
        }
        QCOMPARE(states, QSet<QString>({"PROCESSING", "FAILED", "INVALID", "VALID"}));
        QVERIFY(expired > 0 && expired < summary.builds);
        for (const Record *r : first.all(QStringLiteral("preReleaseVersions")))
            platforms.insert(r->attributes.value(QLatin1String("platform")).toString());
        QCOMPARE(platforms, QSet<QString>({"IOS", "MAC_OS", "TV_OS", "VISION_OS"}));
        for (const Record *r : first.all(QStringLiteral("apps"))) {
            QVERIFY(r->attributes.value(QLatin1String("bundleId"))
                        .toString()
                        .startsWith(QLatin1String("com.ascend.demo.")));
            for (const QString &name : r->attributes.keys())
                QVERIFY2(m_catalog.resource(QStringLiteral("apps"))->attribute(name), qPrintable(name));
        }
    }

    void benchmarkSeed()
    {
        SeedOptions options;
        options.kind = SeedOptions::Kind::Empty;
        options.benchmarkBuilds = 5000;
        Store store;
        defineRelations(store);
        const SeedSummary summary = seedStore(store, options);
        QCOMPARE(summary.apps, 1);
        QCOMPARE(store.count(QStringLiteral("builds")), 5000);
        const Record *app = store.find(QStringLiteral("apps"), summary.benchmarkAppId);
        QVERIFY(app);
        QCOMPARE(app->attributes.value(QLatin1String("bundleId")).toString(),
                 QString::fromLatin1(BenchmarkBundleId));
        QCOMPARE(store.relatedIds(*app, QStringLiteral("builds")).size(), 5000);
    }

    void storeFileRoundTrip()
    {
        QTemporaryDir dir;
        StoreFile file(dir.filePath(QStringLiteral("data")));
        QVERIFY(!file.exists());
        QString error;
        QVERIFY2(file.save(m_store, &error), qPrintable(error));
        Store loaded;
        defineRelations(loaded);
        QVERIFY2(file.load(loaded, &error), qPrintable(error));
        QCOMPARE(QJsonDocument(loaded.toJson()).toJson(), QJsonDocument(m_store.toJson()).toJson());
        const Record *app = loaded.find(QStringLiteral("apps"), QStringLiteral("A2"));
        QCOMPARE(loaded.relatedIds(*app, QStringLiteral("builds")), QStringList({"B5", "B6", "B7"}));

        QFile broken(file.path());
        QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
        broken.write("{not json");
        broken.close();
        QVERIFY(!file.load(loaded, &error));
        QVERIFY(error.contains(QLatin1String("not valid JSON")));
    }
};

QTEST_GUILESS_MAIN(TestSimQuery)
#include "tst_simquery.moc"

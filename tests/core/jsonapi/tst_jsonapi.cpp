// JSON:API decoding from recorded documents, round trips and request-body builders.

#include "core/jsonapi/datetime.h"
#include "core/jsonapi/document.h"
#include "core/jsonapi/requestbody.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ascend::jsonapi;

namespace {
QByteArray readSample(const QString &name)
{
    QFile file(QStringLiteral(ASCEND_TEST_DATA_DIR "/jsonapi/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open sample %s", qPrintable(file.fileName()));
    return file.readAll();
}

Document parseSample(const QString &name)
{
    QString error;
    auto document = Document::parse(readSample(name), &error);
    if (!document)
        qFatal("sample %s does not parse: %s", qPrintable(name), qPrintable(error));
    return *document;
}
} // namespace

class TestJsonApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void appsListWithIncludedAndPaging()
    {
        const Document document = parseSample(QStringLiteral("apps_list.json"));
        QCOMPARE(document.dataKind(), Document::DataKind::Collection);
        QVERIFY(!document.resource()); // not a single-resource document
        QCOMPARE(document.resources().size(), 2);

        const Resource &first = document.resources().at(0);
        QCOMPARE(first.type, QStringLiteral("apps"));
        QCOMPARE(first.id, QStringLiteral("1589427103"));
        QCOMPARE(first.stringAttribute(QStringLiteral("name")), QStringLiteral("Trailhead Weather"));
        QCOMPARE(first.stringAttribute(QStringLiteral("bundleId")),
                 QStringLiteral("com.northpine.trailhead"));
        QCOMPARE(first.boolAttribute(QStringLiteral("streamlinedPurchasingEnabled")),
                 std::optional<bool>(true));
        QVERIFY(!first.boolAttribute(QStringLiteral("subscriptionStatusUrl"))); // null is not a bool
        QCOMPARE(first.links.self,
                 QStringLiteral("https://api.appstoreconnect.apple.com/v1/apps/1589427103"));

        const Relationship versions = first.relationship(QStringLiteral("preReleaseVersions"));
        QCOMPARE(versions.kind, Relationship::Kind::ToMany);
        QCOMPARE(versions.ids(), QStringList({QStringLiteral("0c3b5e0a-6f7e-4d0b-9a61-2b8f1d1e7c01"),
                                              QStringLiteral("6a1d2f43-8e2b-4c55-b0a7-91c1f0e3d402")}));
        QCOMPARE(
            versions.links.related,
            QStringLiteral("https://api.appstoreconnect.apple.com/v1/apps/1589427103/preReleaseVersions"));
        const auto relationshipPaging = Paging::fromMeta(versions.meta);
        QVERIFY(relationshipPaging);
        QCOMPARE(relationshipPaging->total, std::optional<qint64>(2));

        const Relationship builds = first.relationship(QStringLiteral("builds"));
        QCOMPARE(builds.kind, Relationship::Kind::NoData);
        QVERIFY(!builds.hasData());
        QVERIFY(builds.links.self.endsWith(QStringLiteral("/relationships/builds")));
        QVERIFY(!first.hasRelationship(QStringLiteral("betaGroups")));

        QCOMPARE(document.included().size(), 3);
        const Resource *version = document.findIncluded(
            QStringLiteral("preReleaseVersions"), QStringLiteral("c91e2a77-1d04-4e8e-8f0e-5b6d3a2c9b03"));
        QVERIFY(version);
        QCOMPARE(version->stringAttribute(QStringLiteral("version")), QStringLiteral("1.0.3"));
        QCOMPARE(version->stringAttribute(QStringLiteral("platform")), QStringLiteral("MAC_OS"));
        QVERIFY(!document.findIncluded(QStringLiteral("apps"),
                                       QStringLiteral("c91e2a77-1d04-4e8e-8f0e-5b6d3a2c9b03")));
        QVERIFY(!document.findIncluded(QStringLiteral("preReleaseVersions"), QStringLiteral("missing")));

        const QList<Resource> related = document.includedFor(first, QStringLiteral("preReleaseVersions"));
        QCOMPARE(related.size(), 2);
        QCOMPARE(related.at(0).stringAttribute(QStringLiteral("version")), QStringLiteral("2.4.0"));
        QCOMPARE(related.at(1).stringAttribute(QStringLiteral("version")), QStringLiteral("2.5.0"));

        QCOMPARE(document.links().self,
                 QStringLiteral(
                     "https://api.appstoreconnect.apple.com/v1/apps?include=preReleaseVersions&limit=2"));
        QCOMPARE(document.links().first, document.links().self);
        QCOMPARE(document.links().next,
                 QStringLiteral("https://api.appstoreconnect.apple.com/v1/"
                                "apps?cursor=Mg.AO8xK1s&include=preReleaseVersions&limit=2"));
        const auto paging = document.paging();
        QVERIFY(paging);
        QCOMPARE(paging->total, std::optional<qint64>(5));
        QCOMPARE(paging->limit, 2);
        QCOMPARE(paging->nextCursor, QStringLiteral("Mg.AO8xK1s"));
        QVERIFY(!document.hasErrors());
    }

    void singleBuild()
    {
        const Document document = parseSample(QStringLiteral("build_single.json"));
        QCOMPARE(document.dataKind(), Document::DataKind::Single);
        const auto build = document.resource();
        QVERIFY(build);
        QCOMPARE(document.resources().size(), 1);
        QCOMPARE(build->type, QStringLiteral("builds"));
        QCOMPARE(build->id, QStringLiteral("4e0c6f58-2f1e-4a52-9d0f-8f7b1c2a3d90"));
        QCOMPARE(build->stringAttribute(QStringLiteral("processingState")), QStringLiteral("VALID"));
        QCOMPARE(build->dateTimeAttribute(QStringLiteral("uploadedDate")),
                 QDateTime(QDate(2024, 6, 11), QTime(15, 42, 17), Qt::UTC));
        QCOMPARE(build->attribute(QStringLiteral("iconAssetToken"))
                     .toObject()
                     .value(QStringLiteral("width"))
                     .toInt(),
                 1024);

        QCOMPARE(build->relatedId(QStringLiteral("preReleaseVersion")),
                 QStringLiteral("6a1d2f43-8e2b-4c55-b0a7-91c1f0e3d402"));
        QCOMPARE(build->relatedId(QStringLiteral("app")), QStringLiteral("1589427103"));
        QCOMPARE(build->relationship(QStringLiteral("appEncryptionDeclaration")).kind,
                 Relationship::Kind::Null);
        QCOMPARE(build->relatedId(QStringLiteral("appEncryptionDeclaration")), QString());
        const Relationship groups = build->relationship(QStringLiteral("betaGroups"));
        QCOMPARE(groups.kind, Relationship::Kind::ToMany);
        QVERIFY(groups.data.isEmpty());
        QCOMPARE(build->relationship(QStringLiteral("buildBetaDetail")).kind, Relationship::Kind::NoData);

        const auto appLink = build->relationship(QStringLiteral("app")).single();
        QVERIFY(appLink);
        const Resource *app = document.findIncluded(*appLink);
        QVERIFY(app);
        QCOMPARE(app->stringAttribute(QStringLiteral("name")), QStringLiteral("Trailhead Weather"));
        QVERIFY(!document.paging());
        QVERIFY(document.links().next.isEmpty());
    }

    void errorsDocument()
    {
        const Document document = parseSample(QStringLiteral("errors.json"));
        QCOMPARE(document.dataKind(), Document::DataKind::Absent);
        QVERIFY(document.resources().isEmpty());
        QVERIFY(document.hasErrors());
        QCOMPARE(document.errors().size(), 2);

        const Error &parameter = document.errors().at(0);
        QCOMPARE(parameter.status, QStringLiteral("400"));
        QCOMPARE(parameter.httpStatus(), 400);
        QCOMPARE(parameter.code, QStringLiteral("PARAMETER_ERROR.INVALID"));
        QVERIFY(parameter.codeIs(QStringLiteral("PARAMETER_ERROR")));
        QVERIFY(!parameter.codeIs(QStringLiteral("PARAMETER")));
        QCOMPARE(parameter.sourceParameter, QStringLiteral("limit"));
        QVERIFY(parameter.sourcePointer.isEmpty());
        QCOMPARE(
            parameter.summary(),
            QStringLiteral("A parameter has an invalid value: '500' is not a valid value for the parameter "
                           "'limit'. The value must be less than or equal to 200."));

        const Error &pointer = document.errors().at(1);
        QCOMPARE(pointer.id, QStringLiteral("c2a8e4b1-5f3d-4e7a-8b9c-0d1e2f3a4b5c"));
        QCOMPARE(pointer.code, QStringLiteral("ENTITY_ERROR.ATTRIBUTE.INVALID"));
        QVERIFY(pointer.codeIs(QStringLiteral("ENTITY_ERROR.ATTRIBUTE")));
        QCOMPARE(pointer.sourcePointer, QStringLiteral("/data/attributes/whatsNew"));
        QCOMPARE(pointer.meta.value(QStringLiteral("maxLength")).toInt(), 4000);
        QVERIFY(pointer.links.contains(QStringLiteral("about")));
    }

    void unknownFieldsAreTolerated()
    {
        const Document document = parseSample(QStringLiteral("unknown_fields.json"));
        const auto version = document.resource();
        QVERIFY(version);
        QCOMPARE(version->stringAttribute(QStringLiteral("version")), QStringLiteral("2.4.0"));
        QVERIFY(version->attribute(QStringLiteral("someFutureAttribute")).isObject());
        QCOMPARE(version->relatedId(QStringLiteral("app")), QStringLiteral("1589427103"));
        // A link object {"href": ...} counts like a plain string.
        QVERIFY(version->relationship(QStringLiteral("app"))
                    .links.self.endsWith(QStringLiteral("/relationships/app")));
        QCOMPARE(version->relationship(QStringLiteral("aNewRelationship")).kind, Relationship::Kind::NoData);
        QCOMPARE(version->meta.value(QStringLiteral("resourceMeta")).toInt(), 1);
        QCOMPARE(document.meta().value(QStringLiteral("serverVersion")).toString(), QStringLiteral("4.4.1"));
        QVERIFY(!document.paging());
    }

    void nullData()
    {
        auto document = Document::parse(R"({"data": null, "links": {"self": "/v1/builds/1/app"}})");
        QVERIFY(document);
        QCOMPARE(document->dataKind(), Document::DataKind::Null);
        QVERIFY(!document->resource());
        QVERIFY(document->resources().isEmpty());
        QCOMPARE(document->links().self, QStringLiteral("/v1/builds/1/app"));
    }

    void parseErrors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray("  ") << QStringLiteral("empty");
        QTest::newRow("truncated") << QByteArray(R"({"data": [{"type": "apps", "id": "1"})")
                                   << QStringLiteral("invalid JSON at offset");
        QTest::newRow("array") << QByteArray("[1, 2]") << QStringLiteral("not an object");
        QTest::newRow("no members") << QByteArray(R"({"foo": 1})")
                                    << QStringLiteral("not a JSON:API document");
        QTest::newRow("data string") << QByteArray(R"({"data": "x"})")
                                     << QStringLiteral("neither an object, an array nor null");
        QTest::newRow("resource without type")
            << QByteArray(R"({"data": [{"type": "apps", "id": "1"}, {"id": "2"}]})")
            << QStringLiteral("data[1]: a resource has no \"type\"");
        QTest::newRow("numeric id") << QByteArray(R"({"data": {"type": "apps", "id": 7}})")
                                    << QStringLiteral("data: the \"id\" of a apps resource is not a string");
        QTest::newRow("included object") << QByteArray(R"({"data": null, "included": {}})")
                                         << QStringLiteral("\"included\" is not an array");
        QTest::newRow("included item")
            << QByteArray(R"({"data": null, "included": [{"type": "apps", "id": "1"}, 3]})")
            << QStringLiteral("included[1]");
        QTest::newRow("errors object")
            << QByteArray(R"({"errors": {"code": "X"}})") << QStringLiteral("\"errors\" is not an array");
    }

    void parseErrors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!Document::parse(bytes, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void roundTrip()
    {
        const QByteArray original = readSample(QStringLiteral("apps_list.json"));
        const Document document = parseSample(QStringLiteral("apps_list.json"));
        auto again = Document::parse(document.toBytes());
        QVERIFY(again);
        QCOMPARE(again->resources().size(), document.resources().size());
        QCOMPARE(again->included().size(), document.included().size());
        QCOMPARE(again->links(), document.links());
        QCOMPARE(again->paging(), document.paging());
        // Nothing the spec defines is lost: data and included compare equal to the recorded JSON,
        // apart from null attributes, which are kept.
        const QJsonObject recorded = QJsonDocument::fromJson(original).object();
        QCOMPARE(again->toJson().value(QStringLiteral("included")),
                 recorded.value(QStringLiteral("included")));
        QCOMPARE(again->toJson().value(QStringLiteral("data")), recorded.value(QStringLiteral("data")));
    }

    void buildDocuments()
    {
        Resource app;
        app.type = QStringLiteral("apps");
        app.id = QStringLiteral("1");
        app.attributes.insert(QStringLiteral("name"), QStringLiteral("A"));
        Resource version;
        version.type = QStringLiteral("preReleaseVersions");
        version.id = QStringLiteral("v1");
        app.relationships.insert(QStringLiteral("preReleaseVersions"),
                                 Relationship::toMany({version.identifier()}));

        Document document = Document::collection({app});
        QVERIFY(document.addIncluded(version));
        QVERIFY(!document.addIncluded(version)); // once per (type, id)
        document.setLinks(Links{QStringLiteral("http://127.0.0.1/v1/apps"),
                                {},
                                {},
                                QStringLiteral("http://127.0.0.1/v1/apps?cursor=AQ")});
        document.setPaging(Paging{7, 1, QStringLiteral("AQ")});

        const QJsonObject json = document.toJson();
        QCOMPARE(json.value(QStringLiteral("data")).toArray().size(), 1);
        QCOMPARE(json.value(QStringLiteral("included")).toArray().size(), 1);
        QCOMPARE(json.value(QStringLiteral("meta")).toObject().value(QStringLiteral("paging")).toObject(),
                 QJsonObject({{QStringLiteral("total"), 7},
                              {QStringLiteral("limit"), 1},
                              {QStringLiteral("nextCursor"), QStringLiteral("AQ")}}));
        auto parsed = Document::fromJson(json);
        QVERIFY(parsed);
        QVERIFY(parsed->findIncluded(QStringLiteral("preReleaseVersions"), QStringLiteral("v1")));
        QCOMPARE(parsed->links().next, QStringLiteral("http://127.0.0.1/v1/apps?cursor=AQ"));

        Document nullDocument;
        nullDocument.setNullData();
        QCOMPARE(nullDocument.toJson().value(QStringLiteral("data")), QJsonValue(QJsonValue::Null));
        QVERIFY(nullDocument.toJson().contains(QStringLiteral("data")));
    }

    void errorRoundTrip()
    {
        Error error = Error::make(404, QStringLiteral("NOT_FOUND"),
                                  QStringLiteral("The specified resource does not exist"),
                                  QStringLiteral("There is no resource of type 'apps' with id '42'"));
        error.id = QStringLiteral("e1");
        error.sourceParameter = QStringLiteral("id");
        error.meta.insert(QStringLiteral("k"), 1);
        const QJsonObject json = error.toJson();
        QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("404"));
        QCOMPARE(json.value(QStringLiteral("source")).toObject(),
                 QJsonObject({{QStringLiteral("parameter"), QStringLiteral("id")}}));
        QCOMPARE(Error::fromJson(json), error);

        // Pointer wins when both are set: the spec's source is oneOf.
        error.sourcePointer = QStringLiteral("/data/id");
        QCOMPARE(error.toJson().value(QStringLiteral("source")).toObject().keys(),
                 QStringList{QStringLiteral("pointer")});

        // Numeric status from a lenient server.
        QCOMPARE(Error::fromJson(QJsonObject{{QStringLiteral("status"), 429}}).httpStatus(), 429);

        const QJsonObject body = errorBody({error});
        auto document = Document::fromJson(body);
        QVERIFY(document);
        QCOMPARE(document->errors().size(), 1);
        QCOMPARE(document->errors().first().code, QStringLiteral("NOT_FOUND"));
        QCOMPARE(Document::errorDocument({error}).toJson(), body);
    }

    void errorSummary()
    {
        QCOMPARE(Error::make(400, {}, QStringLiteral("Title"), QString()).summary(), QStringLiteral("Title"));
        QCOMPARE(Error::make(400, {}, QString(), QStringLiteral("Detail")).summary(),
                 QStringLiteral("Detail"));
        QCOMPARE(Error::make(400, {}, QStringLiteral("Same"), QStringLiteral("Same")).summary(),
                 QStringLiteral("Same"));
        QCOMPARE(Error::make(400, {}, QStringLiteral("T"), QStringLiteral("D")).summary(),
                 QStringLiteral("T: D"));
    }

    void resourceBody()
    {
        const QJsonObject create =
            ResourceBody(QStringLiteral("webhooks"))
                .setAttribute(QStringLiteral("name"), QStringLiteral("CI"))
                .setAttribute(QStringLiteral("enabled"), true)
                .setToOne(QStringLiteral("app"), {QStringLiteral("apps"), QStringLiteral("1589427103")})
                .toJson();
        const QJsonObject expected = QJsonDocument::fromJson(R"({"data": {"type": "webhooks",
            "attributes": {"name": "CI", "enabled": true},
            "relationships": {"app": {"data": {"type": "apps", "id": "1589427103"}}}}})")
                                         .object();
        QCOMPARE(create, expected);

        const QJsonObject update = ResourceBody(QStringLiteral("builds"), QStringLiteral("b1"))
                                       .setAttributes({{QStringLiteral("expired"), true}})
                                       .toJson();
        QCOMPARE(update, QJsonDocument::fromJson(
                             R"({"data": {"type": "builds", "id": "b1", "attributes": {"expired": true}}})")
                             .object());

        const QJsonObject ping =
            ResourceBody(QStringLiteral("webhookPings"))
                .setToOne(QStringLiteral("webhook"), {QStringLiteral("webhooks"), QStringLiteral("w")})
                .toJson();
        QVERIFY(!ping.value(QStringLiteral("data")).toObject().contains(QStringLiteral("attributes")));

        const QJsonObject many = ResourceBody(QStringLiteral("betaTesters"))
                                     .setToMany(QStringLiteral("betaGroups"),
                                                {{QStringLiteral("betaGroups"), QStringLiteral("g1")},
                                                 {QStringLiteral("betaGroups"), QStringLiteral("g2")}})
                                     .toJson();
        QCOMPARE(many.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("relationships"))
                     .toObject()
                     .value(QStringLiteral("betaGroups"))
                     .toObject()
                     .value(QStringLiteral("data"))
                     .toArray()
                     .size(),
                 2);

        // The parser reads request bodies too (the simulator's side): a create body has no id.
        auto parsed = Document::fromJson(create);
        QVERIFY(parsed);
        QCOMPARE(parsed->resource()->id, QString());
        QCOMPARE(parsed->resource()->relatedId(QStringLiteral("app")), QStringLiteral("1589427103"));
    }

    void linkageBodies()
    {
        QCOMPARE(linkageBody(QList<ResourceIdentifier>{{QStringLiteral("builds"), QStringLiteral("b1")},
                                                       {QStringLiteral("builds"), QStringLiteral("b2")}}),
                 QJsonDocument::fromJson(
                     R"({"data": [{"type": "builds", "id": "b1"}, {"type": "builds", "id": "b2"}]})")
                     .object());
        QCOMPARE(linkageBody(QList<ResourceIdentifier>{}),
                 QJsonDocument::fromJson(R"({"data": []})").object());
        QCOMPARE(linkageBody(ResourceIdentifier{QStringLiteral("apps"), QStringLiteral("1")}),
                 QJsonDocument::fromJson(R"({"data": {"type": "apps", "id": "1"}})").object());
    }

    void relationshipKinds()
    {
        QCOMPARE(Relationship::fromJson(QJsonDocument::fromJson(R"({"data": null})").object()).kind,
                 Relationship::Kind::Null);
        QCOMPARE(Relationship::fromJson(QJsonDocument::fromJson(R"({"data": []})").object()).kind,
                 Relationship::Kind::ToMany);
        const Relationship skipped = Relationship::fromJson(
            QJsonDocument::fromJson(R"({"data": [{"type": "builds", "id": "1"}, {"type": "builds"}, 5]})")
                .object());
        QCOMPARE(skipped.ids(), QStringList{QStringLiteral("1")});
        QCOMPARE(Relationship::fromJson(QJsonValue(3)).kind, Relationship::Kind::NoData);
        QCOMPARE(Relationship::toOne({QStringLiteral("apps"), QStringLiteral("9")}).toJson(),
                 QJsonDocument::fromJson(R"({"data": {"type": "apps", "id": "9"}})").object());
    }

    void dateTimes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime base(QDate(2025, 5, 8), QTime(1, 29, 36), Qt::UTC);
        QTest::newRow("Z") << QStringLiteral("2025-05-08T01:29:36Z") << base;
        QTest::newRow("two fraction digits")
            << QStringLiteral("2025-05-08T01:29:36.16Z") << base.addMSecs(160);
        QTest::newRow("six fraction digits")
            << QStringLiteral("2025-05-08T01:29:36.541411Z") << base.addMSecs(541);
        QTest::newRow("offset") << QStringLiteral("2025-05-07T18:29:36-07:00") << base;
        QTest::newRow("offset without colon") << QStringLiteral("2025-05-08T01:29:36.000+0000") << base;
        QTest::newRow("garbage") << QStringLiteral("yesterday") << QDateTime();
        QTest::newRow("empty") << QString() << QDateTime();
    }

    void dateTimes()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        QCOMPARE(parseDateTime(text), expected);
        if (expected.isValid())
            QCOMPARE(parseDateTime(formatDateTime(expected)), expected);
    }
};

QTEST_GUILESS_MAIN(TestJsonApi)
#include "tst_jsonapi.moc"

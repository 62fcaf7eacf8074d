// Query building in the spec's style and its encoding.

#include "core/api/query.h"

#include <QTest>
#include <QUrl>

using ascend::api::Query;

class TestQuery : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void specStyle()
    {
        const Query query =
            Query()
                .filter(QStringLiteral("bundleId"), {QStringLiteral("com.a"), QStringLiteral("com.b")})
                .fields(QStringLiteral("builds"),
                        {QStringLiteral("version"), QStringLiteral("processingState")})
                .include({QStringLiteral("app"), QStringLiteral("preReleaseVersion")})
                .sort(QStringLiteral("-uploadedDate"))
                .limit(200)
                .exists(QStringLiteral("usesNonExemptEncryption"), false)
                .param(QStringLiteral("limit[betaGroups]"), QStringLiteral("10"));
        QVERIFY(query.isValid());
        QCOMPARE(query.toEncoded(),
                 QByteArray("filter[bundleId]=com.a,com.b&fields[builds]=version,processingState"
                            "&include=app,preReleaseVersion&sort=-uploadedDate&limit=200"
                            "&exists[usesNonExemptEncryption]=false&limit[betaGroups]=10"));
        QCOMPARE(query.value(QStringLiteral("filter[bundleId]")), QStringLiteral("com.a,com.b"));
        QCOMPARE(query.values(QStringLiteral("include")),
                 QStringList({QStringLiteral("app"), QStringLiteral("preReleaseVersion")}));
        QCOMPARE(query.items().size(), 7);
        QCOMPARE(query.items().first().first, QStringLiteral("filter[bundleId]"));
    }

    void percentEncodedBrackets()
    {
        const Query query = Query()
                                .filter(QStringLiteral("app"), QStringLiteral("1589427103"))
                                .fields(QStringLiteral("apps"), {QStringLiteral("name")});
        QCOMPARE(query.toEncoded(Query::BracketStyle::PercentEncoded),
                 QByteArray("filter%5Bapp%5D=1589427103&fields%5Bapps%5D=name"));
        // A server decodes both spellings to the same parameters.
        QCOMPARE(Query::fromEncoded(query.toEncoded(Query::BracketStyle::PercentEncoded)), query);
        QCOMPARE(Query::fromEncoded(query.toEncoded()), query);
    }

    void valuesAreEncoded()
    {
        const Query query = Query()
                                .filter(QStringLiteral("name"),
                                        {QStringLiteral("Ledgerly: Shared Budgets"), QStringLiteral("a,b")})
                                .filter(QStringLiteral("createdDateGreaterThanOrEqualTo"),
                                        QStringLiteral("2025-05-08T01:29:36+02:00"))
                                .filter(QStringLiteral("version"), QStringLiteral("1.0&x=y"))
                                .param(QStringLiteral("q"), QStringLiteral("Zürich"));
        const QByteArray encoded = query.toEncoded();
        // Separating commas stay literal; a comma inside one value does not.
        QVERIFY(encoded.contains("filter[name]=Ledgerly%3A%20Shared%20Budgets,a%2Cb"));
        QVERIFY(encoded.contains("=2025-05-08T01%3A29%3A36%2B02%3A00"));
        QVERIFY(encoded.contains("filter[version]=1.0%26x%3Dy"));
        QVERIFY(encoded.contains("q=Z%C3%BCrich"));
        const Query decoded = Query::fromEncoded(encoded);
        QCOMPARE(decoded.values(QStringLiteral("filter[name]")),
                 QStringList({QStringLiteral("Ledgerly: Shared Budgets"), QStringLiteral("a,b")}));
        QCOMPARE(decoded.value(QStringLiteral("filter[createdDateGreaterThanOrEqualTo]")),
                 QStringLiteral("2025-05-08T01:29:36+02:00"));
        QCOMPARE(decoded, query);
        // The encoded form survives QUrl untouched.
        QUrl url(QStringLiteral("https://api.appstoreconnect.apple.com/v1/apps"));
        url.setQuery(QString::fromLatin1(encoded), QUrl::StrictMode);
        QVERIFY(url.isValid());
        QCOMPARE(url.query(QUrl::FullyEncoded).toLatin1(), encoded);
    }

    void limits()
    {
        QVERIFY(Query().limit(1).isValid());
        QVERIFY(Query().limit(200).isValid());
        const Query tooMany = Query().limit(201);
        QVERIFY(!tooMany.isValid());
        QVERIFY2(tooMany.errorString().contains(QStringLiteral("200")), qPrintable(tooMany.errorString()));
        QVERIFY(!Query().limit(0).isValid());
        QVERIFY(!Query().limit(-5).isValid());
        // Price-point lists document a maximum of 8000.
        QVERIFY(Query().limit(8000, 8000).isValid());
        QVERIFY(!Query().limit(8001, 8000).isValid());
        QVERIFY(Query().limit(QStringLiteral("betaGroups"), 50).isValid());
        QVERIFY(!Query().limit(QStringLiteral("betaGroups"), 51).isValid());
        QVERIFY(Query().limit(QStringLiteral("builds"), 1000, 1000).isValid());
        QCOMPARE(Query().limit(QStringLiteral("builds"), 1000, 1000).toEncoded(),
                 QByteArray("limit[builds]=1000"));
        // The first mistake is the one reported, and it sticks.
        const Query twice = Query().limit(500).limit(10);
        QVERIFY(!twice.isValid());
        QVERIFY(twice.errorString().contains(QStringLiteral("500")));
    }

    void replaceKeepsOrder()
    {
        Query query;
        query.filter(QStringLiteral("app"), QStringLiteral("1"))
            .sort(QStringLiteral("version"))
            .filter(QStringLiteral("app"), QStringLiteral("2"));
        QCOMPARE(query.toEncoded(), QByteArray("filter[app]=2&sort=version"));
        query.sort({QStringLiteral("-version"), QStringLiteral("uploadedDate")});
        QCOMPARE(query.toEncoded(), QByteArray("filter[app]=2&sort=-version,uploadedDate"));
        query.remove(QStringLiteral("filter[app]"));
        QCOMPARE(query.toEncoded(), QByteArray("sort=-version,uploadedDate"));
        QVERIFY(!query.contains(QStringLiteral("filter[app]")));
        QVERIFY(query.value(QStringLiteral("filter[app]")).isNull());
    }

    void emptyNames()
    {
        QVERIFY(Query().isEmpty());
        QCOMPARE(Query().toEncoded(), QByteArray());
        QVERIFY(!Query().filter(QString(), QStringLiteral("x")).isValid());
        QVERIFY(!Query().fields(QString(), {QStringLiteral("x")}).isValid());
        QVERIFY(!Query().param(QString(), QStringLiteral("x")).isValid());
    }
};

QTEST_GUILESS_MAIN(TestQuery)
#include "tst_query.moc"

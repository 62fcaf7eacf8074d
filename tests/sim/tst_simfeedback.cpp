// The simulator's TestFlight feedback in-process, spoken to over loopback: both submission kinds with their
// filters, sort, includes, fields and paging, DELETE, crash logs, screenshots served from expiring presigned
// URLs (decoded here), large seeds, live submissions with their webhook notification, and the recorded
// exchanges checked against the spec.

#include "core/http/httpserver.h"
#include "sim/feedbackassets.h"
#include "sim/feedbackendpoints.h"
#include "sim/feedbackscreenshot.h"
#include "sim/feedbackseeder.h"
#include "sim/relations.h"
#include "sim/resourceendpoints.h"
#include "sim/router.h"
#include "sim/seeder.h"
#include "sim/simevents.h"
#include "sim/simoptions.h"
#include "sim/simulator.h"
#include "sim/speccatalog.h"
#include "sim/store.h"
#include "testtokens.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace ascend;
using namespace ascend::sim;

namespace {

const QString kShots = QStringLiteral("betaFeedbackScreenshotSubmissions");
const QString kCrashes = QStringLiteral("betaFeedbackCrashSubmissions");

struct Reply {
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray data() const { return json().value(QLatin1String("data")).toArray(); }
    QJsonObject single() const { return json().value(QLatin1String("data")).toObject(); }
    QString next() const
    {
        return json().value(QLatin1String("links")).toObject().value(QLatin1String("next")).toString();
    }
    int total() const
    {
        return json()
            .value(QLatin1String("meta"))
            .toObject()
            .value(QLatin1String("paging"))
            .toObject()
            .value(QLatin1String("total"))
            .toInt(-1);
    }
    QString errorCode() const
    {
        return json()
            .value(QLatin1String("errors"))
            .toArray()
            .first()
            .toObject()
            .value(QLatin1String("code"))
            .toString();
    }
};

QJsonObject attributesOf(const QJsonValue &resource)
{
    return resource.toObject().value(QLatin1String("attributes")).toObject();
}

QString relatedId(const QJsonValue &resource, const QString &name)
{
    return resource.toObject()
        .value(QLatin1String("relationships"))
        .toObject()
        .value(name)
        .toObject()
        .value(QLatin1String("data"))
        .toObject()
        .value(QLatin1String("id"))
        .toString();
}

// Receives webhook notifications.
class Inbox : public http::RequestHandler {
public:
    void handle(const http::HttpRequest &request, http::Responder respond) override
    {
        bodies.append(request.body);
        respond(http::HttpResponse::empty(204));
    }
    QList<QByteArray> bodies;
};

struct Harness {
    QTemporaryDir dir;
    std::unique_ptr<Simulator> simulator;
    test::KeyPtr key;
    QString keyId;
    QString issuerId;
    QString baseUrl;
    QNetworkAccessManager network;
    QList<SimEvent> events;

    bool start(SimOptions options)
    {
        options.generateKeyDir = dir.path();
        simulator = std::make_unique<Simulator>(options);
        QString error;
        if (!simulator->start(&error)) {
            qWarning("simulator: %s", qPrintable(error));
            return false;
        }
        // Feedback events only (the beta review of the demo data publishes its own).
        QObject::connect(&simulator->events(), &SimEvents::published, [this](const SimEvent &event) {
            if (event.type == asc::WebhookEventType::BETA_FEEDBACK_SCREENSHOT_SUBMISSION_CREATED ||
                event.type == asc::WebhookEventType::BETA_FEEDBACK_CRASH_SUBMISSION_CREATED)
                events.append(event);
        });
        const QJsonObject ready = simulator->readyInfo();
        baseUrl = ready.value(QStringLiteral("baseUrl")).toString();
        keyId = ready.value(QStringLiteral("keyId")).toString();
        issuerId = ready.value(QStringLiteral("issuerId")).toString();
        QFile file(ready.value(QStringLiteral("privateKeyPath")).toString());
        if (!file.open(QIODevice::ReadOnly))
            return false;
        key = test::loadPrivateKey(file.readAll());
        return key != nullptr;
    }

    Reply send(const QByteArray &method, const QString &pathOrUrl, bool authorized = true,
               const QJsonObject &body = {})
    {
        QNetworkRequest request{
            QUrl(pathOrUrl.startsWith(QLatin1String("http")) ? pathOrUrl : baseUrl + pathOrUrl)};
        if (authorized)
            request.setRawHeader("Authorization", "Bearer " + test::teamToken(key, keyId, issuerId));
        QByteArray payload;
        if (!body.isEmpty()) {
            payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        }
        QNetworkReply *reply = network.sendCustomRequest(request, method, payload);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
        Reply out;
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            out.headers.insert(name.toLower(), value);
        reply->deleteLater();
        return out;
    }
    Reply get(const QString &pathOrUrl, bool authorized = true) { return send("GET", pathOrUrl, authorized); }

    Store &store() { return simulator->store(); }
    QString firstAppId() { return store().all(QStringLiteral("apps")).first()->id; }
    // Every resource of a list, following links.next.
    QJsonArray all(const QString &path, int *pages = nullptr, QJsonArray *included = nullptr)
    {
        QJsonArray out;
        QString url = baseUrl + path;
        int count = 0;
        while (!url.isEmpty() && count < 200) {
            const Reply reply = get(url);
            if (reply.status != 200)
                return {};
            for (const QJsonValue &value : reply.data())
                out.append(value);
            if (included)
                for (const QJsonValue &value : reply.json().value(QLatin1String("included")).toArray())
                    included->append(value);
            url = reply.next();
            ++count;
        }
        if (pages)
            *pages = count;
        return out;
    }
    QList<const Record *> feedbackOf(const QString &type, const QString &appId)
    {
        const Record *app = store().find(QStringLiteral("apps"), appId);
        return store().related(*app, type);
    }
};

} // namespace

class TestSimFeedback : public QObject {
    Q_OBJECT

    Harness m_h;
    QString m_appId;

private slots:
    void initTestCase()
    {
        QVERIFY(m_h.start(SimOptions{}));
        m_appId = m_h.firstAppId();
    }

    void routesMatchTheSpec()
    {
        Store store;
        SimEvents events;
        FeedbackAssets assets(store, 60);
        FeedbackArea area(store, events, assets, {});
        ResourceEndpoints resources(store, SpecCatalog::embedded());
        Router router;
        area.registerEndpoints(router, resources);
        QSet<QString> operations;
        for (const Route *route : router.routes()) {
            const OperationSpec *operation = SpecCatalog::embedded().operation(route->operationId);
            QVERIFY2(operation, qPrintable(route->operationId));
            QCOMPARE(operation->method, route->method);
            QCOMPARE(operation->pathTemplate, route->pathTemplate);
            QVERIFY(SpecCatalog::embedded().resource(route->resourceType));
            QVERIFY(route->requiresAuth);
            operations.insert(route->operationId);
        }
        QCOMPARE(operations.size(), 8);
        QVERIFY(FeedbackAssets::isAssetPath(QStringLiteral("/sim-assets/feedback/A/0.png")));
        QVERIFY(!FeedbackAssets::isAssetPath(QStringLiteral("/v1/betaFeedbackScreenshotSubmissions/A")));
    }

    void demoSeedIsRealistic()
    {
        const Store &store = m_h.store();
        const auto shots = m_h.feedbackOf(kShots, m_appId);
        const auto crashes = m_h.feedbackOf(kCrashes, m_appId);
        QVERIFY2(shots.size() >= 60, qPrintable(QString::number(shots.size())));
        QVERIFY2(crashes.size() >= 20, qPrintable(QString::number(crashes.size())));
        const Record *app = store.find(QStringLiteral("apps"), m_appId);
        const QStringList appBuilds = store.relatedIds(*app, QStringLiteral("builds"));
        const QStringList appTesters = store.relatedIds(*app, QStringLiteral("betaTesters"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QSet<QString> builds, testers, models, versions, families, days;
        const SpecCatalog &catalog = SpecCatalog::embedded();
        for (const Record *record : shots + crashes) {
            const ResourceSpec *spec = catalog.resource(record->type);
            for (const QString &name : record->attributes.keys()) {
                if (name.startsWith(QLatin1Char('_')))
                    continue;
                const AttributeSpec *attribute = spec->attribute(name);
                QVERIFY2(attribute, qPrintable(name));
                if (!attribute->allowed.isEmpty())
                    QVERIFY2(attribute->allowed.contains(record->attributes.value(name).toString()),
                             qPrintable(name));
            }
            const QString build = store.relatedIds(*record, QStringLiteral("build")).value(0);
            const QString tester = store.relatedIds(*record, QStringLiteral("tester")).value(0);
            QVERIFY(appBuilds.contains(build));
            QVERIFY(appTesters.contains(tester));
            const QDateTime created = QDateTime::fromString(
                record->attributes.value(QStringLiteral("createdDate")).toString(), Qt::ISODateWithMs);
            QVERIFY(created.isValid() && created <= now && created > now.addDays(-40));
            const Record *buildRecord = store.find(QStringLiteral("builds"), build);
            QVERIFY(QDateTime::fromString(
                        buildRecord->attributes.value(QStringLiteral("uploadedDate")).toString(),
                        Qt::ISODate) < created);
            const Record *testerRecord = store.find(QStringLiteral("betaTesters"), tester);
            QCOMPARE(record->attributes.value(QStringLiteral("email")).toString(),
                     testerRecord->attributes.value(QStringLiteral("email")).toString());
            QCOMPARE(record->attributes.value(QStringLiteral("buildBundleId")).toString(),
                     app->attributes.value(QStringLiteral("bundleId")).toString());
            QVERIFY(record->attributes.value(QStringLiteral("diskBytesAvailable")).toDouble() <
                    record->attributes.value(QStringLiteral("diskBytesTotal")).toDouble());
            QVERIFY(QRegularExpression(QStringLiteral("^A[A-Za-z0-9_-]{22}$")).match(record->id).hasMatch());
            builds.insert(build);
            testers.insert(tester);
            models.insert(record->attributes.value(QStringLiteral("deviceModel")).toString());
            versions.insert(record->attributes.value(QStringLiteral("osVersion")).toString());
            families.insert(record->attributes.value(QStringLiteral("deviceFamily")).toString());
            days.insert(created.date().toString(Qt::ISODate));
        }
        QVERIFY2(builds.size() >= 4, qPrintable(QString::number(builds.size())));
        QVERIFY2(testers.size() >= 10, qPrintable(QString::number(testers.size())));
        QVERIFY(models.size() >= 5);
        QVERIFY(versions.size() >= 5);
        QVERIFY(families.contains(QStringLiteral("IPHONE")) && families.contains(QStringLiteral("IPAD")));
        QVERIFY(days.size() >= 14); // spread over weeks
        for (const Record *record : shots) {
            const QJsonArray plan = record->attributes.value(kScreenshotPlan).toArray();
            QVERIFY(plan.size() >= 1 && plan.size() <= 3);
            const int widthPoints = record->attributes.value(QStringLiteral("screenWidthInPoints")).toInt();
            QVERIFY(plan.first().toObject().value(QStringLiteral("width")).toInt() % widthPoints == 0);
        }
    }

    void listsSortIncludeAndPage()
    {
        const QString path = QStringLiteral("/v1/apps/%1/betaFeedbackScreenshotSubmissions").arg(m_appId);
        const Reply first =
            m_h.get(path + QStringLiteral("?limit=25&sort=-createdDate&include=build,tester"));
        QCOMPARE(first.status, 200);
        const int expected = int(m_h.feedbackOf(kShots, m_appId).size());
        QCOMPARE(first.total(), expected);
        QCOMPARE(first.data().size(), 25);
        QVERIFY(first.next().contains(QLatin1String("cursor=")));
        QVERIFY(first.next().contains(QLatin1String("include=build")));
        QSet<QString> included;
        for (const QJsonValue &resource : first.json().value(QLatin1String("included")).toArray())
            included.insert(resource.toObject().value(QLatin1String("type")).toString() + QLatin1Char('/') +
                            resource.toObject().value(QLatin1String("id")).toString());
        for (const QJsonValue &resource : first.data()) {
            QCOMPARE(resource.toObject().value(QLatin1String("type")).toString(), kShots);
            QVERIFY(
                included.contains(QStringLiteral("builds/") + relatedId(resource, QStringLiteral("build"))));
            QVERIFY(included.contains(QStringLiteral("betaTesters/") +
                                      relatedId(resource, QStringLiteral("tester"))));
            const QJsonArray screenshots =
                attributesOf(resource).value(QLatin1String("screenshots")).toArray();
            QVERIFY(!screenshots.isEmpty());
            const QJsonObject image = screenshots.first().toObject();
            QVERIFY(QRegularExpression(QStringLiteral("^http://127\\.0\\.0\\.1:\\d+/sim-assets/feedback/%1/"
                                                      "0\\.(png|jpg)\\?expires=\\d+&signature=[0-9a-f]{64}$")
                                           .arg(resource.toObject().value(QLatin1String("id")).toString()))
                        .match(image.value(QLatin1String("url")).toString())
                        .hasMatch());
            QVERIFY(image.value(QLatin1String("width")).toInt() > 0);
            QVERIFY(QDateTime::fromString(image.value(QLatin1String("expirationDate")).toString(),
                                          Qt::ISODate) > QDateTime::currentDateTimeUtc().addSecs(600));
        }

        // Every page, newest first, each item once.
        int pages = 0;
        const QJsonArray everything = m_h.all(path + QStringLiteral("?limit=20&sort=-createdDate"), &pages);
        QCOMPARE(everything.size(), expected);
        QCOMPARE(pages, (expected + 19) / 20);
        QSet<QString> ids;
        QString previous;
        for (const QJsonValue &resource : everything) {
            ids.insert(resource.toObject().value(QLatin1String("id")).toString());
            const QString created = attributesOf(resource).value(QLatin1String("createdDate")).toString();
            if (!previous.isEmpty())
                QVERIFY2(created <= previous, qPrintable(created + QLatin1String(" after ") + previous));
            previous = created;
        }
        QCOMPARE(ids.size(), expected);
        const QJsonArray ascending = m_h.all(path + QStringLiteral("?limit=200&sort=createdDate"));
        QCOMPARE(ascending.first().toObject().value(QLatin1String("id")),
                 everything.last().toObject().value(QLatin1String("id")));

        // Without include the linkage is still there, and nothing is included.
        const Reply plain = m_h.get(path + QStringLiteral("?limit=5"));
        QVERIFY(!plain.json().contains(QLatin1String("included")));
        QVERIFY(!relatedId(plain.data().first(), QStringLiteral("build")).isEmpty());
        QVERIFY(!relatedId(plain.data().first(), QStringLiteral("tester")).isEmpty());

        QCOMPARE(m_h.get(path + QStringLiteral("?limit=201")).status, 400);
        QCOMPARE(m_h.get(path + QStringLiteral("?sort=deviceModel")).status, 400);
        QCOMPARE(m_h.get(QStringLiteral("/v1/apps/0000000000/betaFeedbackScreenshotSubmissions")).status,
                 404);
        QCOMPARE(m_h.get(path, false).status, 401);
    }

    void filters()
    {
        const QString path =
            QStringLiteral("/v1/apps/%1/betaFeedbackCrashSubmissions?limit=200&").arg(m_appId);
        const auto crashes = m_h.feedbackOf(kCrashes, m_appId);
        const auto count = [&](const std::function<bool(const Record *)> &predicate) {
            return int(std::count_if(crashes.cbegin(), crashes.cend(), predicate));
        };
        const auto attribute = [](const QString &name) {
            return [name](const Record *r) { return r->attributes.value(name).toString(); };
        };
        const Record *sample = crashes.at(crashes.size() / 2);
        const QString model = attribute(QStringLiteral("deviceModel"))(sample);
        QVERIFY(model.contains(QLatin1Char(',')));

        // A model identifier with its comma, alone and in a list.
        Reply reply = m_h.get(path + QStringLiteral("filter[deviceModel]=") + model);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.data().size(), count([&](const Record *r) {
                     return attribute(QStringLiteral("deviceModel"))(r) == model;
                 }));
        for (const QJsonValue &resource : reply.data())
            QCOMPARE(attributesOf(resource).value(QLatin1String("deviceModel")).toString(), model);
        reply = m_h.get(path + QStringLiteral("filter[deviceModel]=%1,iPad13,4").arg(model));
        QCOMPARE(reply.data().size(), count([&](const Record *r) {
                     const QString m = attribute(QStringLiteral("deviceModel"))(r);
                     return m == model || m == QLatin1String("iPad13,4");
                 }));

        const QString os = attribute(QStringLiteral("osVersion"))(sample);
        reply = m_h.get(path + QStringLiteral("filter[osVersion]=") + os);
        QCOMPARE(reply.data().size(),
                 count([&](const Record *r) { return attribute(QStringLiteral("osVersion"))(r) == os; }));
        QVERIFY(reply.data().size() > 0);

        for (const QString platform : {QStringLiteral("IOS"), QStringLiteral("VISION_OS")}) {
            reply = m_h.get(path + QStringLiteral("filter[appPlatform]=") + platform);
            QCOMPARE(reply.data().size(), count([&](const Record *r) {
                         return attribute(QStringLiteral("appPlatform"))(r) == platform;
                     }));
            reply = m_h.get(path + QStringLiteral("filter[devicePlatform]=") + platform);
            QCOMPARE(reply.data().size(), count([&](const Record *r) {
                         return attribute(QStringLiteral("devicePlatform"))(r) == platform;
                     }));
        }
        QVERIFY(count([&](const Record *r) {
                    return attribute(QStringLiteral("appPlatform"))(r) == QLatin1String("IOS");
                }) > 0);

        const QString build = m_h.store().relatedIds(*sample, QStringLiteral("build")).value(0);
        reply = m_h.get(path + QStringLiteral("filter[build]=") + build);
        QVERIFY(reply.data().size() > 0);
        for (const QJsonValue &resource : reply.data())
            QCOMPARE(relatedId(resource, QStringLiteral("build")), build);

        const Record *buildRecord = m_h.store().find(QStringLiteral("builds"), build);
        const QString version =
            m_h.store().relatedIds(*buildRecord, QStringLiteral("preReleaseVersion")).value(0);
        reply = m_h.get(path + QStringLiteral("filter[build.preReleaseVersion]=") + version);
        QCOMPARE(reply.data().size(), count([&](const Record *r) {
                     const Record *b =
                         m_h.store().find(QStringLiteral("builds"),
                                          m_h.store().relatedIds(*r, QStringLiteral("build")).value(0));
                     return m_h.store().relatedIds(*b, QStringLiteral("preReleaseVersion")).value(0) ==
                            version;
                 }));
        QVERIFY(reply.data().size() >= count([&](const Record *r) {
                    return m_h.store().relatedIds(*r, QStringLiteral("build")).value(0) == build;
                }));

        const QString tester = m_h.store().relatedIds(*sample, QStringLiteral("tester")).value(0);
        reply = m_h.get(path + QStringLiteral("filter[tester]=") + tester +
                        QStringLiteral("&filter[build]=") + build);
        QVERIFY(reply.data().size() >= 1);
        for (const QJsonValue &resource : reply.data()) {
            QCOMPARE(relatedId(resource, QStringLiteral("tester")), tester);
            QCOMPARE(relatedId(resource, QStringLiteral("build")), build);
        }

        reply = m_h.get(path + QStringLiteral("filter[appPlatform]=ANDROID"));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), QStringLiteral("PARAMETER_ERROR.INVALID"));
        QCOMPARE(m_h.get(path + QStringLiteral("filter[comment]=x")).status, 400);
    }

    void sparseFieldsets()
    {
        const Reply reply =
            m_h.get(QStringLiteral("/v1/apps/%1/betaFeedbackScreenshotSubmissions?limit=3&"
                                   "fields[betaFeedbackScreenshotSubmissions]=comment,screenshots")
                        .arg(m_appId));
        QCOMPARE(reply.status, 200);
        for (const QJsonValue &resource : reply.data()) {
            const QStringList keys = attributesOf(resource).keys();
            QCOMPARE(keys, QStringList({QStringLiteral("comment"), QStringLiteral("screenshots")}));
            QVERIFY(!resource.toObject().contains(QLatin1String("relationships")));
        }
        const Reply withBuild = m_h.get(
            QStringLiteral("/v1/apps/%1/betaFeedbackCrashSubmissions?limit=2&include=build&"
                           "fields[betaFeedbackCrashSubmissions]=deviceModel,build&fields[builds]=version")
                .arg(m_appId));
        QCOMPARE(withBuild.status, 200);
        for (const QJsonValue &resource : withBuild.json().value(QLatin1String("included")).toArray())
            QCOMPARE(attributesOf(resource).keys(), QStringList({QStringLiteral("version")}));
        QVERIFY(!relatedId(withBuild.data().first(), QStringLiteral("build")).isEmpty());
        QVERIFY(relatedId(withBuild.data().first(), QStringLiteral("tester")).isEmpty());
    }

    void instanceAndDelete()
    {
        for (const QString &type : {kShots, kCrashes}) {
            const QString id = m_h.feedbackOf(type, m_appId).first()->id;
            const int before = int(m_h.feedbackOf(type, m_appId).size());
            Reply reply = m_h.get(QStringLiteral("/v1/%1/%2?include=tester").arg(type, id));
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.single().value(QLatin1String("id")).toString(), id);
            QVERIFY(!relatedId(reply.single(), QStringLiteral("build")).isEmpty());
            QCOMPARE(reply.json()
                         .value(QLatin1String("included"))
                         .toArray()
                         .first()
                         .toObject()
                         .value(QLatin1String("type"))
                         .toString(),
                     QStringLiteral("betaTesters"));
            if (type == kCrashes) {
                const QJsonObject crashLog = reply.single()
                                                 .value(QLatin1String("relationships"))
                                                 .toObject()
                                                 .value(QLatin1String("crashLog"))
                                                 .toObject();
                QCOMPARE(crashLog.value(QLatin1String("links"))
                             .toObject()
                             .value(QLatin1String("related"))
                             .toString(),
                         m_h.baseUrl + QStringLiteral("/v1/%1/%2/crashLog").arg(type, id));
            }
            QCOMPARE(m_h.send("DELETE", QStringLiteral("/v1/%1/%2").arg(type, id)).status, 204);
            QCOMPARE(m_h.get(QStringLiteral("/v1/%1/%2").arg(type, id)).status, 404);
            reply = m_h.send("DELETE", QStringLiteral("/v1/%1/%2").arg(type, id));
            QCOMPARE(reply.status, 404);
            QCOMPARE(reply.errorCode(), QStringLiteral("NOT_FOUND"));
            QCOMPARE(int(m_h.feedbackOf(type, m_appId).size()), before - 1);
            QCOMPARE(m_h.get(QStringLiteral("/v1/apps/%1/%2?limit=1").arg(m_appId, type)).total(),
                     before - 1);
        }
    }

    void crashLogs()
    {
        QSet<QString> exceptionTypes;
        QSet<int> crashedThreads;
        const Record *app = m_h.store().find(QStringLiteral("apps"), m_appId);
        const QString executable =
            app->attributes.value(QStringLiteral("name")).toString().remove(QLatin1Char(' '));
        const auto crashes = m_h.feedbackOf(kCrashes, m_appId);
        for (const Record *crash : crashes) {
            const Reply reply = m_h.get(
                QStringLiteral("/v1/betaFeedbackCrashSubmissions/%1/crashLog?fields[betaCrashLogs]=logText")
                    .arg(crash->id));
            QCOMPARE(reply.status, 200);
            const QJsonObject log = reply.single();
            QCOMPARE(log.value(QLatin1String("type")).toString(), QStringLiteral("betaCrashLogs"));
            const QString logId = log.value(QLatin1String("id")).toString();
            QVERIFY(logId != crash->id);
            const QString text = attributesOf(log).value(QLatin1String("logText")).toString();
            QVERIFY(text.startsWith(QLatin1String("Incident Identifier: ")));
            QVERIFY(
                text.contains(QStringLiteral("Hardware Model:      %1\n")
                                  .arg(crash->attributes.value(QStringLiteral("deviceModel")).toString())));
            QVERIFY(
                text.contains(QStringLiteral("Identifier:          %1\n")
                                  .arg(crash->attributes.value(QStringLiteral("buildBundleId")).toString())));
            QVERIFY(text.contains(QStringLiteral("Process:             %1 [").arg(executable)));
            QVERIFY(text.contains(QStringLiteral(" %1 (").arg(
                crash->attributes.value(QStringLiteral("osVersion")).toString())));
            QVERIFY(text.contains(QLatin1String("Code Type:           ARM-64 (Native)")));
            const QRegularExpressionMatch exception =
                QRegularExpression(QStringLiteral("^Exception Type:  (EXC_[A-Z_]+ \\(SIG[A-Z]+\\))$"),
                                   QRegularExpression::MultilineOption)
                    .match(text);
            QVERIFY(exception.hasMatch());
            exceptionTypes.insert(exception.captured(1));
            const QRegularExpressionMatch triggered =
                QRegularExpression(QStringLiteral("^Triggered by Thread:  (\\d+)$"),
                                   QRegularExpression::MultilineOption)
                    .match(text);
            QVERIFY(triggered.hasMatch());
            const int thread = triggered.captured(1).toInt();
            crashedThreads.insert(thread);
            QVERIFY(text.contains(QStringLiteral("\nThread %1 Crashed:\n0   ").arg(thread)));
            QVERIFY(text.contains(
                QStringLiteral("\nThread %1 crashed with ARM Thread State (64-bit):\n").arg(thread)));
            QVERIFY(text.contains(QLatin1String("Thread 0 name:  Dispatch queue: com.apple.main-thread\n")));
            QCOMPARE(text.count(QRegularExpression(QStringLiteral("^Thread \\d+( Crashed)?:$"),
                                                   QRegularExpression::MultilineOption)) >= 6,
                     true);
            // Frames: index, image, address, symbol + offset; the app's own frames name its executable.
            QVERIFY(QRegularExpression(
                        QStringLiteral("^\\d+\\s+%1\\s+\\t0x[0-9a-f]{16} .+ \\+ \\d+").arg(executable),
                        QRegularExpression::MultilineOption)
                        .match(text)
                        .hasMatch());
            const qsizetype images = text.indexOf(QLatin1String("\nBinary Images:\n"));
            QVERIFY(images > 0);
            QVERIFY(QRegularExpression(
                        QStringLiteral("^\\s+0x[0-9a-f]+ -\\s+0x[0-9a-f]+ %1 arm64  <[0-9a-f]{32}> ")
                            .arg(executable),
                        QRegularExpression::MultilineOption)
                        .match(text, images)
                        .hasMatch());
            // The same log under its own id, and every time.
            const Reply byId = m_h.get(QStringLiteral("/v1/betaCrashLogs/") + logId);
            QCOMPARE(byId.status, 200);
            QCOMPARE(attributesOf(byId.single()).value(QLatin1String("logText")).toString(), text);
        }
        QVERIFY2(exceptionTypes.size() >= 3,
                 qPrintable(QStringList(exceptionTypes.values()).join(QLatin1Char(' '))));
        QVERIFY(crashedThreads.size() >= 2);
        QCOMPARE(m_h.get(QStringLiteral("/v1/betaCrashLogs/") + crashes.first()->id).status, 404);
        QCOMPARE(m_h.get(QStringLiteral("/v1/betaFeedbackCrashSubmissions/nope/crashLog")).status, 404);
        QCOMPARE(
            m_h.get(QStringLiteral("/v1/betaFeedbackCrashSubmissions/%1/crashLog?fields[betaCrashLogs]=text")
                        .arg(crashes.first()->id))
                .status,
            400);
    }

    void screenshotsAreServedImages()
    {
        // An iPhone, an iPad and a PNG submission, each fetched twice.
        const Record *phone = nullptr;
        const Record *pad = nullptr;
        const Record *png = nullptr;
        for (const Record *record : m_h.feedbackOf(kShots, m_appId)) {
            const QString family = record->attributes.value(QStringLiteral("deviceFamily")).toString();
            const QString format = record->attributes.value(kScreenshotPlan)
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(QStringLiteral("format"))
                                       .toString();
            if (!phone && family == QLatin1String("IPHONE"))
                phone = record;
            else if (!pad && family == QLatin1String("IPAD"))
                pad = record;
            else if (!png && format == QLatin1String("png"))
                png = record;
        }
        QVERIFY(phone && pad && png);
        for (const Record *record : {phone, pad, png}) {
            const Reply submission =
                m_h.get(QStringLiteral("/v1/betaFeedbackScreenshotSubmissions/") + record->id);
            const QJsonObject image = attributesOf(submission.single())
                                          .value(QLatin1String("screenshots"))
                                          .toArray()
                                          .first()
                                          .toObject();
            const QString url = image.value(QLatin1String("url")).toString();
            const int rendersBefore = m_h.simulator->feedbackAssets()->renderCount();
            QElapsedTimer timer;
            timer.start();
            const Reply first = m_h.get(url, false);
            const qint64 firstMs = timer.restart();
            QCOMPARE(first.status, 200);
            const bool png = url.contains(QLatin1String(".png?"));
            QCOMPARE(first.headers.value("content-type"),
                     png ? QByteArray("image/png") : QByteArray("image/jpeg"));
            QVERIFY(png ? first.body.startsWith("\x89PNG") : first.body.startsWith("\xff\xd8"));
            const QImage decoded = QImage::fromData(first.body);
            QVERIFY(!decoded.isNull());
            QCOMPARE(decoded.width(), image.value(QLatin1String("width")).toInt());
            QCOMPARE(decoded.height(), image.value(QLatin1String("height")).toInt());
            const QString family = record->attributes.value(QStringLiteral("deviceFamily")).toString();
            if (family == QLatin1String("IPHONE"))
                QVERIFY(decoded.height() > decoded.width() && decoded.height() >= 1334);
            else
                QVERIFY(std::max(decoded.width(), decoded.height()) >= 1440);
            // Looks like something: many colours, and the tester's red markup.
            QSet<QRgb> colours;
            int red = 0;
            for (int y = 0; y < decoded.height(); y += 7) {
                for (int x = 0; x < decoded.width(); x += 7) {
                    const QColor c = decoded.pixelColor(x, y);
                    colours.insert(c.rgb() & 0xf0f0f0);
                    red += c.red() > 200 && c.green() < 90 && c.blue() < 90 ? 1 : 0;
                }
            }
            QVERIFY2(colours.size() > 40, qPrintable(QString::number(colours.size())));
            QVERIFY2(red > 20, qPrintable(QString::number(red)));
            QCOMPARE(m_h.simulator->feedbackAssets()->renderCount(), rendersBefore + 1);
            // Cached: the same bytes without another render.
            const Reply second = m_h.get(url, false);
            QCOMPARE(second.body, first.body);
            QCOMPARE(m_h.simulator->feedbackAssets()->renderCount(), rendersBefore + 1);
            qInfo("%s %dx%d %s: %lld ms to render, %lld ms cached, %lld KiB", qPrintable(family),
                  decoded.width(), decoded.height(), png ? "png" : "jpg", firstMs, timer.elapsed(),
                  qint64(first.body.size() / 1024));
        }
        // Deterministic per submission and index.
        const ScreenshotSpec spec = m_h.simulator->feedbackAssets()->specFor(*phone, 0);
        QCOMPARE(renderScreenshot(spec), renderScreenshot(spec));
        ScreenshotSpec other = spec;
        other.index = 1;
        QVERIFY(renderScreenshot(other) != renderScreenshot(spec));
    }

    void badAndExpiredUrls()
    {
        Harness shortLived;
        SimOptions options;
        options.screenshotUrlTtlSeconds = 2;
        options.feedbackScreenshots = 3;
        options.feedbackCrashes = 0;
        QVERIFY(shortLived.start(options));
        const QString id = shortLived.feedbackOf(kShots, shortLived.firstAppId()).first()->id;
        const auto fetchUrl = [&] {
            const Reply reply = shortLived.get(QStringLiteral("/v1/betaFeedbackScreenshotSubmissions/") + id);
            return attributesOf(reply.single())
                .value(QLatin1String("screenshots"))
                .toArray()
                .first()
                .toObject()
                .value(QLatin1String("url"))
                .toString();
        };
        const QString url = fetchUrl();
        QCOMPARE(shortLived.get(url, false).status, 200);

        // Tampering with the expiry or the signature, or another image under the same signature.
        QUrl longer(url);
        QUrlQuery query(longer);
        const qint64 expires = query.queryItemValue(QStringLiteral("expires")).toLongLong();
        query.removeQueryItem(QStringLiteral("expires"));
        query.addQueryItem(QStringLiteral("expires"), QString::number(expires + 3600));
        longer.setQuery(query);
        Reply reply = shortLived.get(longer.toString(), false);
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.headers.value("content-type"), QByteArray("application/xml"));
        QVERIFY(reply.body.contains("<Code>SignatureDoesNotMatch</Code>"));
        QString forged = url;
        forged.replace(QRegularExpression(QStringLiteral("signature=[0-9a-f]{4}")),
                       QStringLiteral("signature=0000"));
        QCOMPARE(shortLived.get(forged, false).status, 403);
        QString moved = url;
        moved.replace(QStringLiteral("/0."), QStringLiteral("/1."));
        QCOMPARE(shortLived.get(moved, false).status, 403);
        QString unsigned_ = url.left(url.indexOf(QLatin1Char('?')));
        reply = shortLived.get(unsigned_, false);
        QCOMPARE(reply.status, 403);
        QVERIFY(reply.body.contains("<Code>AccessDenied</Code>"));
        QCOMPARE(shortLived.send("PUT", url, false).status, 405);

        // Expired: 403 with S3's message; the submission fetched again gives a URL that works.
        QTest::qWait(int(expires * 1000 - QDateTime::currentMSecsSinceEpoch()) + 300);
        reply = shortLived.get(url, false);
        QCOMPARE(reply.status, 403);
        QVERIFY(reply.body.contains("<Code>AccessDenied</Code><Message>Request has expired</Message>"));
        QVERIFY(reply.body.startsWith("<?xml"));
        const QString fresh = fetchUrl();
        QVERIFY(fresh != url);
        reply = shortLived.get(fresh, false);
        QCOMPARE(reply.status, 200);
        QVERIFY(!QImage::fromData(reply.body).isNull());

        // A deleted submission's image is gone.
        QCOMPARE(
            shortLived.send("DELETE", QStringLiteral("/v1/betaFeedbackScreenshotSubmissions/") + id).status,
            204);
        reply = shortLived.get(fresh, false);
        QCOMPARE(reply.status, 404);
        QVERIFY(reply.body.contains("<Code>NoSuchKey</Code>"));
    }

    void largeSeedsAreFast()
    {
        SeedOptions seed;
        seed.feedbackScreenshots = 2000;
        seed.feedbackCrashes = 8000;
        Store store;
        defineRelations(store);
        QElapsedTimer timer;
        timer.start();
        const SeedSummary summary = seedStore(store, seed);
        const qint64 seedMs = timer.elapsed();
        const Record *app = store.all(QStringLiteral("apps")).first();
        QCOMPARE(int(store.relatedIds(*app, kShots).size()), 2000);
        QCOMPARE(int(store.relatedIds(*app, kCrashes).size()), 8000);
        QVERIFY(summary.feedbackScreenshots >= 2000 && summary.feedbackCrashes >= 8000);
        qInfo("seeded 10,000 feedback submissions (and the demo) in %lld ms", seedMs);
        QVERIFY2(seedMs < 8000, qPrintable(QString::number(seedMs)));

        // Through the command line's total, then the first and a middle page of the inbox's query.
        Harness big;
        const ParsedOptions parsed = parseSimOptions(
            {QStringLiteral("ascend-sim"), QStringLiteral("--feedback-count"), QStringLiteral("10000")});
        QVERIFY(parsed.error.isEmpty());
        QVERIFY(big.start(parsed.options));
        const QString appId = big.firstAppId();
        QCOMPARE(big.get(QStringLiteral("/v1/apps/%1/betaFeedbackScreenshotSubmissions?limit=1").arg(appId))
                     .total(),
                 2000);
        timer.restart();
        const Reply page = big.get(
            QStringLiteral(
                "/v1/apps/%1/betaFeedbackCrashSubmissions?limit=200&sort=-createdDate&include=build,tester")
                .arg(appId));
        const qint64 firstPageMs = timer.restart();
        QCOMPARE(page.total(), 8000);
        QCOMPARE(page.data().size(), 200);
        const Reply next = big.get(page.next());
        const qint64 nextPageMs = timer.elapsed();
        QCOMPARE(next.data().size(), 200);
        qInfo("8,000 crash submissions: first page %lld ms, second page %lld ms", firstPageMs, nextPageMs);
        QVERIFY2(firstPageMs < 3000 && nextPageMs < 3000, qPrintable(QString::number(firstPageMs)));
        QCOMPARE(big.simulator->feedbackAssets()->renderCount(), 0); // nothing drawn until asked
    }

    void optionsParse()
    {
        ParsedOptions parsed = parseSimOptions(
            {QStringLiteral("ascend-sim"), QStringLiteral("--feedback-count"), QStringLiteral("500"),
             QStringLiteral("--feedback-crashes"), QStringLiteral("7"), QStringLiteral("--feedback-every"),
             QStringLiteral("30"), QStringLiteral("--screenshot-url-ttl-seconds"), QStringLiteral("60")});
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.options.feedbackCount, 500);
        QCOMPARE(parsed.options.feedbackCrashes, 7);
        QCOMPARE(parsed.options.feedbackScreenshots, -1);
        QCOMPARE(parsed.options.feedbackEverySeconds, 30);
        QCOMPARE(parsed.options.screenshotUrlTtlSeconds, 60);
        QVERIFY(parsed.helpText.contains(QLatin1String("--feedback-count")));
        for (const QStringList &bad :
             {QStringList{QStringLiteral("--feedback-count"), QStringLiteral("-1")},
              QStringList{QStringLiteral("--feedback-screenshots"), QStringLiteral("many")},
              QStringList{QStringLiteral("--feedback-every"), QStringLiteral("-5")},
              QStringList{QStringLiteral("--screenshot-url-ttl-seconds"), QStringLiteral("0")}}) {
            parsed = parseSimOptions(QStringList{QStringLiteral("ascend-sim")} + bad);
            QVERIFY2(parsed.error.contains(bad.first()), qPrintable(parsed.error));
        }
        // The per-kind option wins over the total's share.
        Harness split;
        SimOptions options;
        options.feedbackCount = 50;
        options.feedbackCrashes = 7;
        QVERIFY(split.start(options));
        QCOMPARE(int(split.feedbackOf(kShots, split.firstAppId()).size()), 10);
        QCOMPARE(int(split.feedbackOf(kCrashes, split.firstAppId()).size()), 7);
    }

    void liveFeedbackIsPublishedAndDelivered()
    {
        Inbox inbox;
        http::HttpServer listener(&inbox);
        QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
        Harness live;
        SimOptions options;
        options.feedbackEverySeconds = 1;
        options.feedbackScreenshots = 2;
        options.feedbackCrashes = 2;
        QVERIFY(live.start(options));
        const QString appId = live.firstAppId();
        const QJsonObject webhook{
            {"data",
             QJsonObject{
                 {"type", "webhooks"},
                 {"attributes",
                  QJsonObject{{"enabled", true},
                              {"eventTypes", QJsonArray{"BETA_FEEDBACK_SCREENSHOT_SUBMISSION_CREATED",
                                                        "BETA_FEEDBACK_CRASH_SUBMISSION_CREATED"}},
                              {"name", "feedback"},
                              {"secret", "feedback hook secret"},
                              {"url", QStringLiteral("http://127.0.0.1:%1/hook").arg(listener.port())}}},
                 {"relationships",
                  QJsonObject{
                      {"app", QJsonObject{{"data", QJsonObject{{"type", "apps"}, {"id", appId}}}}}}}}}};
        QCOMPARE(live.send("POST", QStringLiteral("/v1/webhooks"), true, webhook).status, 201);

        QTRY_VERIFY_WITH_TIMEOUT(live.events.size() >= 2, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(inbox.bodies.size() >= 2, 10000);
        QCOMPARE(asc::toString(live.events.at(0).type),
                 QStringLiteral("BETA_FEEDBACK_SCREENSHOT_SUBMISSION_CREATED"));
        QCOMPARE(live.events.at(0).instanceType, kShots);
        QCOMPARE(asc::toString(live.events.at(1).type),
                 QStringLiteral("BETA_FEEDBACK_CRASH_SUBMISSION_CREATED"));
        QCOMPARE(live.events.at(1).instanceType, kCrashes);
        for (const SimEvent &event : std::as_const(live.events)) {
            QCOMPARE(event.appId, appId);
            const Record *record = live.store().find(event.instanceType, event.instanceId);
            QVERIFY(record);
            QVERIFY(QDateTime::fromString(record->attributes.value(QStringLiteral("createdDate")).toString(),
                                          Qt::ISODateWithMs)
                        .secsTo(QDateTime::currentDateTimeUtc()) < 30);
        }
        QVERIFY(live.feedbackOf(kShots, appId).size() >= 3);

        // Apple's envelope; its links.self answers with the new submission.
        const QJsonObject data =
            QJsonDocument::fromJson(inbox.bodies.first()).object().value(QLatin1String("data")).toObject();
        QCOMPARE(data.value(QLatin1String("type")).toString(),
                 QStringLiteral("betaFeedbackScreenshotSubmissionCreated"));
        QCOMPARE(data.value(QLatin1String("version")).toInt(), 1);
        QVERIFY(!QDateTime::fromString(data.value(QLatin1String("attributes"))
                                           .toObject()
                                           .value(QLatin1String("timestamp"))
                                           .toString(),
                                       Qt::ISODateWithMs)
                     .isNull());
        const QJsonObject instance =
            data.value(QLatin1String("relationships")).toObject().value(QLatin1String("instance")).toObject();
        QCOMPARE(instance.value(QLatin1String("data")).toObject().value(QLatin1String("type")).toString(),
                 kShots);
        QCOMPARE(instance.value(QLatin1String("data")).toObject().value(QLatin1String("id")).toString(),
                 live.events.at(0).instanceId);
        const QString self =
            instance.value(QLatin1String("links")).toObject().value(QLatin1String("self")).toString();
        QCOMPARE(self, live.baseUrl + QStringLiteral("/v1/betaFeedbackScreenshotSubmissions/") +
                           live.events.at(0).instanceId);
        const Reply fetched = live.get(self);
        QCOMPARE(fetched.status, 200);
        QVERIFY(!attributesOf(fetched.single()).value(QLatin1String("screenshots")).toArray().isEmpty());
        const QJsonObject second =
            QJsonDocument::fromJson(inbox.bodies.at(1)).object().value(QLatin1String("data")).toObject();
        QCOMPARE(second.value(QLatin1String("type")).toString(),
                 QStringLiteral("betaFeedbackCrashSubmissionCreated"));
    }

    void recordedExchangesMatchTheSpec()
    {
        Harness recorded;
        SimOptions options;
        options.recordPath = recorded.dir.filePath(QStringLiteral("feedback-record.jsonl"));
        QVERIFY(recorded.start(options));
        const QString app = recorded.firstAppId();
        int requests = 0;
        const auto call = [&](const QByteArray &method, const QString &path) {
            ++requests;
            return recorded.send(method, path);
        };
        for (const QString &type : {kShots, kCrashes}) {
            const QString list = QStringLiteral("/v1/apps/%1/%2").arg(app, type);
            QString next =
                recorded.baseUrl + list + QStringLiteral("?limit=30&sort=-createdDate&include=build,tester");
            while (!next.isEmpty()) {
                const Reply page = call("GET", next);
                QCOMPARE(page.status, 200);
                next = page.next();
            }
            QCOMPARE(
                call("GET",
                     list + QStringLiteral(
                                "?fields[%1]=comment,deviceModel,build&fields[builds]=version,"
                                "preReleaseVersion&fields[betaTesters]=email&include=build,tester&limit=5")
                                .arg(type))
                    .status,
                200);
            QCOMPARE(call("GET", list + QStringLiteral("?filter[deviceModel]=iPhone15,2&filter[appPlatform]="
                                                       "IOS&filter[devicePlatform]=IOS&sort=createdDate"))
                         .status,
                     200);
            QCOMPARE(call("GET", list + QStringLiteral("?filter[osVersion]=17.4")).status, 200);
            QCOMPARE(call("GET", list + QStringLiteral("?limit=500")).status, 400);
            QCOMPARE(call("GET", QStringLiteral("/v1/apps/0000000000/") + type).status, 404);
            const auto records = recorded.feedbackOf(type, app);
            QCOMPARE(
                call("GET", QStringLiteral("/v1/%1/%2?include=build,tester").arg(type, records.first()->id))
                    .status,
                200);
            QCOMPARE(call("GET", QStringLiteral("/v1/%1/%2").arg(type, records.at(1)->id)).status, 200);
            QCOMPARE(call("DELETE", QStringLiteral("/v1/%1/%2").arg(type, records.last()->id)).status, 204);
            QCOMPARE(call("GET", QStringLiteral("/v1/%1/nope").arg(type)).status, 404);
            QCOMPARE(call("DELETE", QStringLiteral("/v1/%1/nope").arg(type)).status, 404);
        }
        const Record *crash = recorded.feedbackOf(kCrashes, app).first();
        QCOMPARE(call("GET", QStringLiteral(
                                 "/v1/betaFeedbackCrashSubmissions/%1/crashLog?fields[betaCrashLogs]=logText")
                                 .arg(crash->id))
                     .status,
                 200);
        QCOMPARE(
            call("GET", QStringLiteral("/v1/betaFeedbackCrashSubmissions/%1/crashLog").arg(crash->id)).status,
            200);
        QCOMPARE(call("GET",
                      QStringLiteral("/v1/betaCrashLogs/") + crash->attributes.value(kCrashLogId).toString())
                     .status,
                 200);
        QCOMPARE(call("GET", QStringLiteral("/v1/betaCrashLogs/nope")).status, 404);
        // An image: served, but not an API exchange, so not recorded.
        const Reply shot = recorded.get(QStringLiteral("/v1/betaFeedbackScreenshotSubmissions/") +
                                        recorded.feedbackOf(kShots, app).first()->id);
        ++requests;
        const QString url = attributesOf(shot.single())
                                .value(QLatin1String("screenshots"))
                                .toArray()
                                .first()
                                .toObject()
                                .value(QLatin1String("url"))
                                .toString();
        QCOMPARE(recorded.get(url, false).status, 200);

        QProcess validator;
        validator.setProcessChannelMode(QProcess::MergedChannels);
        validator.start(QStringLiteral("/usr/bin/python3"),
                        {QStringLiteral(ASCEND_RECORD_VALIDATOR), QStringLiteral("--spec"),
                         QStringLiteral(ASCEND_SPEC_FILE), QStringLiteral("--min-lines"),
                         QString::number(requests), QStringLiteral("--record"), options.recordPath});
        QVERIFY(validator.waitForFinished(120000));
        const QByteArray output = validator.readAll();
        qInfo().noquote() << output.trimmed();
        QVERIFY2(validator.exitCode() == 0, output.constData());
        QVERIFY(output.contains("BetaFeedbackScreenshotSubmissionsResponse"));
        QVERIFY(output.contains("BetaCrashLogResponse"));
        QFile record(options.recordPath);
        QVERIFY(record.open(QIODevice::ReadOnly));
        for (const QByteArray &line : record.readAll().split('\n')) {
            if (!line.isEmpty())
                QVERIFY(!QJsonDocument::fromJson(line)
                             .object()
                             .value(QLatin1String("path"))
                             .toString()
                             .startsWith(QLatin1String("/sim-assets/")));
        }
    }
};

QTEST_MAIN(TestSimFeedback)
#include "tst_simfeedback.moc"

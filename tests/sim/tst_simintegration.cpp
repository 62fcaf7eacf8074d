// Starts the real ascend-sim binary, talks to it over loopback with QNetworkAccessManager and tokens signed
// here, covers every endpoint, filter, include and error, and finally checks every recorded exchange against
// the spec's response schemas with validate_record.py.

#include "testtokens.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>
#include <algorithm>
#include <functional>
#include <memory>

using namespace ascend::sim::test;

namespace {

struct Reply {
    int status = 0;
    QJsonObject body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QString error;

    QJsonArray data() const { return body.value(QLatin1String("data")).toArray(); }
    QJsonObject firstError() const
    {
        return body.value(QLatin1String("errors")).toArray().first().toObject();
    }
    QString errorCode() const { return firstError().value(QLatin1String("code")).toString(); }
    QString next() const
    {
        return body.value(QLatin1String("links")).toObject().value(QLatin1String("next")).toString();
    }
    int total() const
    {
        return body.value(QLatin1String("meta"))
            .toObject()
            .value(QLatin1String("paging"))
            .toObject()
            .value(QLatin1String("total"))
            .toInt(-1);
    }
};

QStringList idsOf(const QJsonArray &resources)
{
    QStringList ids;
    for (const QJsonValue &value : resources)
        ids << value.toObject().value(QLatin1String("id")).toString();
    return ids;
}

QJsonObject attributesOf(const QJsonValue &resource)
{
    return resource.toObject().value(QLatin1String("attributes")).toObject();
}

QSet<QString> keySet(const QJsonObject &object)
{
    const QStringList keys = object.keys();
    return QSet<QString>(keys.begin(), keys.end());
}

QString relatedId(const QJsonValue &resource, const QString &relationship)
{
    return resource.toObject()
        .value(QLatin1String("relationships"))
        .toObject()
        .value(relationship)
        .toObject()
        .value(QLatin1String("data"))
        .toObject()
        .value(QLatin1String("id"))
        .toString();
}

QString attributeText(const QJsonValue &resource, const QString &name)
{
    const QJsonValue value = attributesOf(resource).value(name);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

// A running ascend-sim with its generated key.
class Simulator {
public:
    ~Simulator() { stop(); }

    bool start(const QString &workDir, const QString &name, const QStringList &extra, QString *error)
    {
        keyDir = QDir(workDir).filePath(name + QStringLiteral("-keys"));
        recordPath = QDir(workDir).filePath(name + QStringLiteral("-record.jsonl"));
        // --exit-with-stdin: a crashed test leaves no simulator behind.
        QStringList arguments{
            QStringLiteral("--port"),   QStringLiteral("0"), QStringLiteral("--generate-key"),   keyDir,
            QStringLiteral("--record"), recordPath,          QStringLiteral("--exit-with-stdin")};
        arguments += extra;
        process.setProgram(QStringLiteral(ASCEND_SIM_BINARY));
        process.setArguments(arguments);
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start();
        if (!process.waitForStarted(10000)) {
            *error = process.errorString();
            return false;
        }
        QByteArray line;
        QElapsedTimer timer;
        timer.start();
        while (!line.contains('\n') && timer.elapsed() < 20000) {
            if (process.state() == QProcess::NotRunning)
                break;
            process.waitForReadyRead(200);
            line += process.readAllStandardOutput();
        }
        if (!line.contains('\n')) {
            *error = QStringLiteral("no ready line; stderr: %1")
                         .arg(QString::fromUtf8(process.readAllStandardError()));
            return false;
        }
        const QByteArray first = line.left(line.indexOf('\n'));
        QJsonParseError parseError;
        info = QJsonDocument::fromJson(first, &parseError).object();
        if (parseError.error != QJsonParseError::NoError) {
            *error = QStringLiteral("the ready line is not JSON: %1").arg(QString::fromUtf8(first));
            return false;
        }
        if (line.indexOf('\n') != line.size() - 1) {
            *error = QStringLiteral("more than one line on stdout: %1").arg(QString::fromUtf8(line));
            return false;
        }
        baseUrl = info.value(QLatin1String("baseUrl")).toString();
        keyId = info.value(QLatin1String("keyId")).toString();
        issuerId = info.value(QLatin1String("issuerId")).toString();
        QFile keyFile(info.value(QLatin1String("privateKeyPath")).toString());
        if (!keyFile.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read the generated key: %1").arg(keyFile.errorString());
            return false;
        }
        key = loadPrivateKey(keyFile.readAll());
        if (!key) {
            *error = QStringLiteral("the generated key is not a PEM private key");
            return false;
        }
        return true;
    }

    QByteArray token() const { return teamToken(key, keyId, issuerId); }

    // SIGTERM, then the exit code (-1 when it had to be killed).
    int stop()
    {
        if (process.state() == QProcess::NotRunning)
            return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        process.terminate();
        if (!process.waitForFinished(10000)) {
            process.kill();
            process.waitForFinished(3000);
            return -1;
        }
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    QProcess process;
    QJsonObject info;
    QString baseUrl;
    QString keyId;
    QString issuerId;
    QString keyDir;
    QString recordPath;
    KeyPtr key;
};

} // namespace

class TestSimIntegration : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_work;
    Simulator m_sim;
    QByteArray m_token;
    QNetworkAccessManager m_network;
    QStringList m_recordFiles;
    QJsonArray m_apps;                      // all demo apps
    QJsonArray m_builds;                    // all demo builds (with their preReleaseVersion included)
    QHash<QString, QJsonObject> m_versions; // preReleaseVersions by id
    int m_requests = 0;

    Reply send(const QByteArray &method, const QString &url, const QByteArray &token,
               const QByteArray &body = QByteArray())
    {
        QNetworkRequest request{QUrl(url)};
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
        ++m_requests;
        Reply out;
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            out.headers.insert(name.toLower(), value);
        out.body = QJsonDocument::fromJson(reply->readAll()).object();
        if (out.status == 0)
            out.error = reply->errorString();
        reply->deleteLater();
        return out;
    }

    Reply get(const QString &pathAndQuery, const QByteArray &token)
    {
        return send("GET", m_sim.baseUrl + pathAndQuery, token);
    }
    Reply get(const QString &pathAndQuery) { return get(pathAndQuery, m_token); }

    // Every resource of a list, following links.next; the number of requests in *pages.
    QJsonArray getAll(const QString &pathAndQuery, int *pages = nullptr, QJsonArray *included = nullptr)
    {
        QJsonArray all;
        QString url = m_sim.baseUrl + pathAndQuery;
        int count = 0;
        while (!url.isEmpty() && count < 100) {
            const Reply reply = send("GET", url, m_token);
            if (reply.status != 200) {
                qWarning() << "page failed" << reply.status << reply.body;
                return {};
            }
            for (const QJsonValue &value : reply.data())
                all.append(value);
            if (included) {
                for (const QJsonValue &value : reply.body.value(QLatin1String("included")).toArray())
                    included->append(value);
            }
            url = reply.next();
            ++count;
        }
        if (pages)
            *pages = count;
        return all;
    }

    QStringList expectedBuildIds(const std::function<bool(const QJsonObject &)> &predicate) const
    {
        QStringList ids;
        for (const QJsonValue &value : m_builds) {
            if (predicate(value.toObject()))
                ids << value.toObject().value(QLatin1String("id")).toString();
        }
        return ids;
    }

    QString appId(const QString &bundleId) const
    {
        for (const QJsonValue &app : m_apps) {
            if (attributeText(app, QStringLiteral("bundleId")) == bundleId)
                return app.toObject().value(QLatin1String("id")).toString();
        }
        return {};
    }

    bool startExtra(Simulator &sim, const QString &name, const QStringList &extra)
    {
        QString error;
        const bool ok = sim.start(m_work.path(), name, extra, &error);
        if (!ok)
            qWarning().noquote() << "could not start" << name << ":" << error;
        else
            m_recordFiles << sim.recordPath;
        return ok;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        QString error;
        QVERIFY2(m_sim.start(m_work.path(), QStringLiteral("main"),
                             {QStringLiteral("--seed"), QStringLiteral("demo")}, &error),
                 qPrintable(error));
        m_recordFiles << m_sim.recordPath;
        m_token = m_sim.token();
    }

    void readyLineAndGeneratedKey()
    {
        QVERIFY(QRegularExpression(QStringLiteral("^http://127\\.0\\.0\\.1:\\d+$"))
                    .match(m_sim.baseUrl)
                    .hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Z0-9]{10}$")).match(m_sim.keyId).hasMatch());
        QVERIFY(!QUuid::fromString(m_sim.issuerId).isNull());
        const QString keyPath = m_sim.info.value(QLatin1String("privateKeyPath")).toString();
        QCOMPARE(QFileInfo(keyPath).fileName(), QStringLiteral("AuthKey_%1.p8").arg(m_sim.keyId));
        QCOMPARE(QFileInfo(keyPath).permissions() & ~(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                      QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::Permissions());
        QFile file(keyPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith("-----BEGIN PRIVATE KEY-----"));
        // The openssl command line reads it as a P-256 key.
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (!openssl.isEmpty()) {
            QProcess process;
            process.start(openssl, {QStringLiteral("pkey"), QStringLiteral("-in"), keyPath,
                                    QStringLiteral("-noout"), QStringLiteral("-text")});
            QVERIFY(process.waitForFinished(10000));
            QCOMPARE(process.exitCode(), 0);
            const QByteArray text = process.readAllStandardOutput();
            QVERIFY2(text.contains("prime256v1") || text.contains("P-256"), text.constData());
        }
    }

    void authenticationFailures()
    {
        const Reply none = get(QStringLiteral("/v1/apps"), QByteArray());
        QCOMPARE(none.status, 401);
        QCOMPARE(none.errorCode(), QStringLiteral("NOT_AUTHORIZED"));
        QCOMPARE(none.firstError().value(QLatin1String("status")).toString(), QStringLiteral("401"));
        QVERIFY(none.headers.contains("x-rate-limit"));

        const qint64 now = QDateTime::currentSecsSinceEpoch();
        TokenSpec spec;
        spec.keyId = m_sim.keyId;
        spec.issuerId = m_sim.issuerId;
        spec.issuedAt = now - 30;
        spec.expiresAt = now + 600;

        TokenSpec wrongKid = spec;
        wrongKid.keyId = QStringLiteral("ZZZZZZZZZZ");
        TokenSpec expired = spec;
        expired.issuedAt = now - 1300;
        expired.expiresAt = now - 100;
        TokenSpec tooLong = spec;
        tooLong.expiresAt = spec.issuedAt + 3600;
        TokenSpec wrongAudience = spec;
        wrongAudience.audience = QStringLiteral("appstoreconnect-v2");
        const QList<QPair<QByteArray, QString>> cases = {
            {makeToken(m_sim.key, wrongKid), QStringLiteral("kid")},
            {makeToken(m_sim.key, expired), QStringLiteral("expired")},
            {makeToken(m_sim.key, tooLong), QStringLiteral("20 minutes")},
            {makeToken(m_sim.key, wrongAudience), QStringLiteral("aud")},
            {makeToken(generateKey(), spec), QStringLiteral("signature")},
        };
        for (const auto &[token, reason] : cases) {
            const Reply reply = get(QStringLiteral("/v1/apps"), token);
            QCOMPARE(reply.status, 401);
            QCOMPARE(reply.errorCode(), QStringLiteral("NOT_AUTHORIZED"));
            QVERIFY2(reply.firstError().value(QLatin1String("detail")).toString().contains(reason),
                     qPrintable(reply.firstError().value(QLatin1String("detail")).toString()));
        }

        TokenSpec scoped = spec;
        scoped.scope = {QStringLiteral("GET /v1/apps?filter[bundleId]=com.ascend.demo.trailhead")};
        const QByteArray scopedToken = makeToken(m_sim.key, scoped);
        QCOMPARE(
            get(QStringLiteral("/v1/apps?filter[bundleId]=com.ascend.demo.trailhead&limit=1"), scopedToken)
                .status,
            200);
        QCOMPARE(get(QStringLiteral("/v1/apps"), scopedToken).status, 401);
        QCOMPARE(get(QStringLiteral("/v1/builds"), scopedToken).status, 401);
    }

    void appsCollection()
    {
        const Reply reply = get(QStringLiteral("/v1/apps"));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.headers.value("content-type").startsWith("application/json"));
        QVERIFY(QRegularExpression(QStringLiteral("^user-hour-lim:3600;user-hour-rem:\\d+;$"))
                    .match(QString::fromLatin1(reply.headers.value("x-rate-limit")))
                    .hasMatch());
        m_apps = reply.data();
        QCOMPARE(m_apps.size(), 5);
        QCOMPARE(reply.total(), 5);
        QVERIFY(reply.next().isEmpty());
        QCOMPARE(reply.body.value(QLatin1String("links")).toObject().value(QLatin1String("self")).toString(),
                 m_sim.baseUrl + QStringLiteral("/v1/apps"));
        QSet<QString> bundleIds;
        for (const QJsonValue &app : m_apps) {
            QCOMPARE(app.toObject().value(QLatin1String("type")).toString(), QStringLiteral("apps"));
            QVERIFY(!attributeText(app, QStringLiteral("name")).isEmpty());
            bundleIds.insert(attributeText(app, QStringLiteral("bundleId")));
            QCOMPARE(app.toObject()
                         .value(QLatin1String("links"))
                         .toObject()
                         .value(QLatin1String("self"))
                         .toString(),
                     m_sim.baseUrl + QStringLiteral("/v1/apps/") +
                         app.toObject().value(QLatin1String("id")).toString());
            const QJsonObject builds = app.toObject()
                                           .value(QLatin1String("relationships"))
                                           .toObject()
                                           .value(QLatin1String("builds"))
                                           .toObject();
            QVERIFY(builds.value(QLatin1String("links"))
                        .toObject()
                        .value(QLatin1String("related"))
                        .toString()
                        .endsWith(QLatin1String("/builds")));
            QVERIFY(!builds.contains(QLatin1String("data")));
        }
        QVERIFY(bundleIds.contains(QStringLiteral("com.ascend.demo.trailhead")));

        // Every build, with its pre-release version, as the reference for the filter tests below.
        QJsonArray included;
        m_builds =
            getAll(QStringLiteral("/v1/builds?limit=200&include=preReleaseVersion"), nullptr, &included);
        QVERIFY(m_builds.size() >= 24);
        for (const QJsonValue &value : included)
            m_versions.insert(value.toObject().value(QLatin1String("id")).toString(), value.toObject());
    }

    void appsFiltersAndSort()
    {
        const Reply byBundle = get(QStringLiteral("/v1/apps?filter[bundleId]=com.ascend.demo.trailhead"));
        QCOMPARE(byBundle.status, 200);
        QCOMPARE(byBundle.data().size(), 1);
        QCOMPARE(attributeText(byBundle.data().first(), QStringLiteral("name")), QStringLiteral("Trailhead"));

        const QString name = attributeText(m_apps.at(2), QStringLiteral("name"));
        const Reply byName = get(QStringLiteral("/v1/apps?filter[name]=") +
                                 QString::fromLatin1(QUrl::toPercentEncoding(name)));
        QCOMPARE(idsOf(byName.data()),
                 QStringList{m_apps.at(2).toObject().value(QLatin1String("id")).toString()});

        const QString sku = attributeText(m_apps.at(1), QStringLiteral("sku"));
        QCOMPARE(get(QStringLiteral("/v1/apps?filter[sku]=") + sku).data().size(), 1);

        const QStringList twoIds{idsOf(m_apps).at(0), idsOf(m_apps).at(3)};
        QCOMPARE(idsOf(get(QStringLiteral("/v1/apps?filter[id]=") + twoIds.join(QLatin1Char(','))).data()),
                 twoIds);

        QStringList names;
        for (const QJsonValue &app : m_apps)
            names << attributeText(app, QStringLiteral("name"));
        std::sort(names.begin(), names.end());
        QStringList sorted;
        for (const QJsonValue &app : get(QStringLiteral("/v1/apps?sort=name")).data())
            sorted << attributeText(app, QStringLiteral("name"));
        QCOMPARE(sorted, names);
        QStringList descending;
        for (const QJsonValue &app : get(QStringLiteral("/v1/apps?sort=-bundleId")).data())
            descending << attributeText(app, QStringLiteral("bundleId"));
        QStringList expected = descending;
        std::sort(expected.begin(), expected.end(), std::greater<QString>());
        QCOMPARE(descending, expected);

        // Related-resource filters the simulator has no data for match nothing, as for an account without
        // them.
        QCOMPARE(get(QStringLiteral("/v1/apps?filter[appStoreVersions.platform]=IOS")).data().size(), 0);
        QCOMPARE(get(QStringLiteral("/v1/apps?limit=2")).data().size(), 2);
    }

    void appsIncludeAndFields()
    {
        const Reply reply = get(QStringLiteral("/v1/apps?include=builds,preReleaseVersions&limit[builds]=2"
                                               "&fields[apps]=name,bundleId,builds,preReleaseVersions"));
        QCOMPARE(reply.status, 200);
        QSet<QString> included;
        for (const QJsonValue &value : reply.body.value(QLatin1String("included")).toArray()) {
            const QString key = value.toObject().value(QLatin1String("type")).toString() + QLatin1Char('/') +
                                value.toObject().value(QLatin1String("id")).toString();
            QVERIFY2(!included.contains(key), "duplicate in included");
            included.insert(key);
        }
        for (const QJsonValue &app : reply.data()) {
            QCOMPARE(keySet(attributesOf(app)),
                     QSet<QString>({QStringLiteral("name"), QStringLiteral("bundleId")}));
            const QJsonObject relationships = app.toObject().value(QLatin1String("relationships")).toObject();
            QCOMPARE(keySet(relationships),
                     QSet<QString>({QStringLiteral("builds"), QStringLiteral("preReleaseVersions")}));
            const QJsonObject builds = relationships.value(QLatin1String("builds")).toObject();
            const QJsonArray buildData = builds.value(QLatin1String("data")).toArray();
            QCOMPARE(buildData.size(), 2);
            const QString id = app.toObject().value(QLatin1String("id")).toString();
            const int total = get(QStringLiteral("/v1/apps/%1/builds?limit=1").arg(id)).total();
            QCOMPARE(builds.value(QLatin1String("meta"))
                         .toObject()
                         .value(QLatin1String("paging"))
                         .toObject()
                         .value(QLatin1String("total"))
                         .toInt(),
                     total);
            for (const QJsonValue &linkage : buildData)
                QVERIFY(included.contains(QStringLiteral("builds/") +
                                          linkage.toObject().value(QLatin1String("id")).toString()));
            for (const QJsonValue &linkage : relationships.value(QLatin1String("preReleaseVersions"))
                                                 .toObject()
                                                 .value(QLatin1String("data"))
                                                 .toArray())
                QVERIFY(included.contains(QStringLiteral("preReleaseVersions/") +
                                          linkage.toObject().value(QLatin1String("id")).toString()));
        }
    }

    void appInstance()
    {
        const QString id = appId(QStringLiteral("com.ascend.demo.trailhead"));
        const Reply reply = get(QStringLiteral("/v1/apps/%1?include=preReleaseVersions").arg(id));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body.value(QLatin1String("data")).toObject().value(QLatin1String("id")).toString(),
                 id);
        QCOMPARE(reply.body.value(QLatin1String("links")).toObject().value(QLatin1String("self")).toString(),
                 m_sim.baseUrl + QStringLiteral("/v1/apps/%1?include=preReleaseVersions").arg(id));
        const QJsonArray included = reply.body.value(QLatin1String("included")).toArray();
        QCOMPARE(included.size(),
                 get(QStringLiteral("/v1/preReleaseVersions?filter[app]=%1").arg(id)).total());
        const Reply missing = get(QStringLiteral("/v1/apps/1"));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.errorCode(), QStringLiteral("NOT_FOUND"));
    }

    void appBuildsPagination()
    {
        const QString id = appId(QStringLiteral("com.ascend.demo.trailhead"));
        int pages = 0;
        const QJsonArray builds = getAll(
            QStringLiteral("/v1/apps/%1/builds?limit=4&fields[builds]=version,uploadedDate").arg(id), &pages);
        const Reply first = get(QStringLiteral("/v1/apps/%1/builds?limit=4").arg(id));
        QCOMPARE(first.data().size(), 4);
        QCOMPARE(builds.size(), first.total());
        QCOMPARE(pages, (first.total() + 3) / 4);
        const QStringList ids = idsOf(builds);
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size());
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()), [&] {
            const QStringList all =
                idsOf(getAll(QStringLiteral("/v1/builds?filter[app]=%1&limit=200").arg(id)));
            return QSet<QString>(all.begin(), all.end());
        }());
        for (const QJsonValue &build : builds)
            QCOMPARE(keySet(attributesOf(build)),
                     QSet<QString>({QStringLiteral("version"), QStringLiteral("uploadedDate")}));
        QCOMPARE(get(QStringLiteral("/v1/apps/1/builds")).status, 404);
    }

    void appPreReleaseVersions()
    {
        const QString id = appId(QStringLiteral("com.ascend.demo.lumennotes"));
        const Reply reply =
            get(QStringLiteral("/v1/apps/%1/preReleaseVersions?fields[preReleaseVersions]=version,platform")
                    .arg(id));
        QCOMPARE(reply.status, 200);
        QStringList viaFilter =
            idsOf(get(QStringLiteral("/v1/preReleaseVersions?filter[app]=%1").arg(id)).data());
        QStringList viaRelated = idsOf(reply.data());
        viaFilter.sort();
        viaRelated.sort();
        QCOMPARE(viaRelated, viaFilter);
        QSet<QString> platforms;
        for (const QJsonValue &version : reply.data())
            platforms.insert(attributeText(version, QStringLiteral("platform")));
        QCOMPARE(platforms, QSet<QString>({QStringLiteral("IOS"), QStringLiteral("MAC_OS")}));
    }

    void buildsFilters()
    {
        QVERIFY(!m_builds.isEmpty());
        const QJsonObject sample = m_builds.at(3).toObject();
        const QString versionId = relatedId(sample, QStringLiteral("preReleaseVersion"));
        QVERIFY(!versionId.isEmpty());
        const auto versionOf = [&](const QJsonObject &build) {
            return m_versions.value(relatedId(build, QStringLiteral("preReleaseVersion")));
        };
        const QString trailhead = appId(QStringLiteral("com.ascend.demo.trailhead"));
        const QSet<QString> trailheadBuilds = [&] {
            const QStringList ids =
                idsOf(get(QStringLiteral("/v1/apps/%1/builds?limit=200").arg(trailhead)).data());
            return QSet<QString>(ids.begin(), ids.end());
        }();

        struct Case {
            QString query;
            std::function<bool(const QJsonObject &)> predicate;
        };
        const QList<Case> cases = {
            {QStringLiteral("filter[processingState]=VALID"),
             [](const QJsonObject &b) {
                 return attributeText(b, QStringLiteral("processingState")) == QLatin1String("VALID");
             }},
            {QStringLiteral("filter[processingState]=FAILED,INVALID"),
             [](const QJsonObject &b) {
                 const QString s = attributeText(b, QStringLiteral("processingState"));
                 return s == QLatin1String("FAILED") || s == QLatin1String("INVALID");
             }},
            {QStringLiteral("filter[expired]=true"),
             [](const QJsonObject &b) { return attributesOf(b).value(QLatin1String("expired")).toBool(); }},
            {QStringLiteral("filter[expired]=false&filter[processingState]=VALID"),
             [](const QJsonObject &b) {
                 return !attributesOf(b).value(QLatin1String("expired")).toBool() &&
                        attributeText(b, QStringLiteral("processingState")) == QLatin1String("VALID");
             }},
            {QStringLiteral("filter[version]=") + attributeText(sample, QStringLiteral("version")),
             [&](const QJsonObject &b) {
                 return attributeText(b, QStringLiteral("version")) ==
                        attributeText(sample, QStringLiteral("version"));
             }},
            {QStringLiteral("filter[buildAudienceType]=INTERNAL_ONLY"),
             [](const QJsonObject &b) {
                 return attributeText(b, QStringLiteral("buildAudienceType")) ==
                        QLatin1String("INTERNAL_ONLY");
             }},
            {QStringLiteral("filter[preReleaseVersion]=") + versionId,
             [&](const QJsonObject &b) {
                 return relatedId(b, QStringLiteral("preReleaseVersion")) == versionId;
             }},
            {QStringLiteral("filter[preReleaseVersion.platform]=VISION_OS,TV_OS"),
             [&](const QJsonObject &b) {
                 const QString p = attributeText(versionOf(b), QStringLiteral("platform"));
                 return p == QLatin1String("VISION_OS") || p == QLatin1String("TV_OS");
             }},
            {QStringLiteral("filter[preReleaseVersion.version]=1.3"),
             [&](const QJsonObject &b) {
                 return attributeText(versionOf(b), QStringLiteral("version")) == QLatin1String("1.3");
             }},
            {QStringLiteral("filter[app]=") + trailhead,
             [&](const QJsonObject &b) {
                 return trailheadBuilds.contains(b.value(QLatin1String("id")).toString());
             }},
            {QStringLiteral("filter[id]=") + sample.value(QLatin1String("id")).toString(),
             [&](const QJsonObject &b) {
                 return b.value(QLatin1String("id")) == sample.value(QLatin1String("id"));
             }},
            {QStringLiteral("exists[usesNonExemptEncryption]=false"),
             [](const QJsonObject &b) {
                 return !attributesOf(b).contains(QLatin1String("usesNonExemptEncryption"));
             }},
            {QStringLiteral("filter[usesNonExemptEncryption]=true"),
             [](const QJsonObject &b) {
                 return attributesOf(b).value(QLatin1String("usesNonExemptEncryption")).toBool();
             }},
            {QStringLiteral("filter[betaGroups]=no-such-group"), [](const QJsonObject &) { return false; }},
        };
        for (const Case &c : cases) {
            const Reply reply = get(QStringLiteral("/v1/builds?limit=200&") + c.query);
            QVERIFY2(reply.status == 200, qPrintable(c.query));
            const QStringList expected = expectedBuildIds(c.predicate);
            QVERIFY2(idsOf(reply.data()) == expected,
                     qPrintable(c.query + QStringLiteral(": got ") +
                                idsOf(reply.data()).join(QLatin1Char(',')) + QStringLiteral(" expected ") +
                                expected.join(QLatin1Char(','))));
            QCOMPARE(reply.total(), expected.size());
        }
        // Each filter above must have selected something real (except the deliberate empty ones).
        QVERIFY(!expectedBuildIds(cases.at(2).predicate).isEmpty());
        QVERIFY(!expectedBuildIds(cases.at(5).predicate).isEmpty());
        QVERIFY(!expectedBuildIds(cases.at(11).predicate).isEmpty());
    }

    void buildsSortAndInclude()
    {
        const QJsonArray newest = get(QStringLiteral("/v1/builds?limit=200&sort=-uploadedDate")).data();
        QCOMPARE(newest.size(), m_builds.size());
        for (qsizetype i = 1; i < newest.size(); ++i)
            QVERIFY(attributeText(newest.at(i - 1), QStringLiteral("uploadedDate")) >=
                    attributeText(newest.at(i), QStringLiteral("uploadedDate")));
        const QJsonArray byNumber = get(QStringLiteral("/v1/builds?limit=200&sort=version")).data();
        for (qsizetype i = 1; i < byNumber.size(); ++i)
            QVERIFY(attributeText(byNumber.at(i - 1), QStringLiteral("version")).toInt() <=
                    attributeText(byNumber.at(i), QStringLiteral("version")).toInt());
        QCOMPARE(get(QStringLiteral("/v1/builds?sort=preReleaseVersion,-version")).status, 200);

        const Reply included = get(QStringLiteral("/v1/builds?limit=10&include=app,preReleaseVersion"));
        QCOMPARE(included.status, 200);
        QSet<QString> types;
        for (const QJsonValue &value : included.body.value(QLatin1String("included")).toArray())
            types.insert(value.toObject().value(QLatin1String("type")).toString());
        QCOMPARE(types, QSet<QString>({QStringLiteral("apps"), QStringLiteral("preReleaseVersions")}));
        for (const QJsonValue &build : included.data()) {
            QVERIFY(!relatedId(build, QStringLiteral("app")).isEmpty());
            QVERIFY(!relatedId(build, QStringLiteral("preReleaseVersion")).isEmpty());
        }

        const QString id = m_builds.first().toObject().value(QLatin1String("id")).toString();
        const Reply one =
            get(QStringLiteral("/v1/builds/%1?include=app,preReleaseVersion&fields[apps]=name").arg(id));
        QCOMPARE(one.status, 200);
        QCOMPARE(one.body.value(QLatin1String("data")).toObject().value(QLatin1String("id")).toString(), id);
        const QJsonArray oneIncluded = one.body.value(QLatin1String("included")).toArray();
        QCOMPARE(oneIncluded.size(), 2);
        for (const QJsonValue &value : oneIncluded) {
            if (value.toObject().value(QLatin1String("type")).toString() == QLatin1String("apps"))
                QCOMPARE(attributesOf(value).keys(), QStringList{QStringLiteral("name")});
        }
        QCOMPARE(get(QStringLiteral("/v1/builds/00000000-0000-4000-8000-000000000000")).status, 404);
    }

    void preReleaseVersions()
    {
        const QJsonArray all = getAll(QStringLiteral("/v1/preReleaseVersions?limit=5"));
        QCOMPARE(all.size(),
                 m_versions.size() > 0 ? get(QStringLiteral("/v1/preReleaseVersions")).total() : -1);
        const auto ids = [&](const QString &query) {
            return idsOf(get(QStringLiteral("/v1/preReleaseVersions?limit=200&") + query).data());
        };
        const auto expected = [&](const std::function<bool(const QJsonObject &)> &predicate) {
            QStringList out;
            for (const QJsonValue &version : all) {
                if (predicate(version.toObject()))
                    out << version.toObject().value(QLatin1String("id")).toString();
            }
            return out;
        };
        const auto buildsOf = [&](const QString &versionId) {
            QList<QJsonObject> out;
            for (const QJsonValue &build : m_builds) {
                if (relatedId(build, QStringLiteral("preReleaseVersion")) == versionId)
                    out << build.toObject();
            }
            return out;
        };
        const auto anyBuild = [&](const QJsonObject &version,
                                  const std::function<bool(const QJsonObject &)> &p) {
            const QList<QJsonObject> builds = buildsOf(version.value(QLatin1String("id")).toString());
            return std::any_of(builds.begin(), builds.end(), p);
        };

        QCOMPARE(ids(QStringLiteral("filter[platform]=VISION_OS")), expected([](const QJsonObject &v) {
                     return attributeText(v, QStringLiteral("platform")) == QLatin1String("VISION_OS");
                 }));
        QCOMPARE(ids(QStringLiteral("filter[version]=4.2")), expected([](const QJsonObject &v) {
                     return attributeText(v, QStringLiteral("version")) == QLatin1String("4.2");
                 }));
        QCOMPARE(ids(QStringLiteral("filter[version]=4.2")).size(), 2);
        const QString fieldcast = appId(QStringLiteral("com.ascend.demo.fieldcast"));
        QCOMPARE(ids(QStringLiteral("filter[app]=") + fieldcast).size(), 3);
        const QString someBuild = m_builds.at(5).toObject().value(QLatin1String("id")).toString();
        QCOMPARE(ids(QStringLiteral("filter[builds]=") + someBuild),
                 QStringList{relatedId(m_builds.at(5), QStringLiteral("preReleaseVersion"))});
        QCOMPARE(ids(QStringLiteral("filter[builds.processingState]=PROCESSING")),
                 expected([&](const QJsonObject &v) {
                     return anyBuild(v, [](const QJsonObject &b) {
                         return attributeText(b, QStringLiteral("processingState")) ==
                                QLatin1String("PROCESSING");
                     });
                 }));
        QVERIFY(!ids(QStringLiteral("filter[builds.processingState]=PROCESSING")).isEmpty());
        QCOMPARE(ids(QStringLiteral("filter[builds.expired]=true")), expected([&](const QJsonObject &v) {
                     return anyBuild(v, [](const QJsonObject &b) {
                         return attributesOf(b).value(QLatin1String("expired")).toBool();
                     });
                 }));
        const QString number = attributeText(m_builds.at(7), QStringLiteral("version"));
        QCOMPARE(ids(QStringLiteral("filter[builds.version]=") + number),
                 QStringList{relatedId(m_builds.at(7), QStringLiteral("preReleaseVersion"))});
        QCOMPARE(ids(QStringLiteral("filter[builds.buildAudienceType]=INTERNAL_ONLY")),
                 expected([&](const QJsonObject &v) {
                     return anyBuild(v, [](const QJsonObject &b) {
                         return attributeText(b, QStringLiteral("buildAudienceType")) ==
                                QLatin1String("INTERNAL_ONLY");
                     });
                 }));

        const QJsonArray sorted =
            get(QStringLiteral("/v1/preReleaseVersions?limit=200&sort=-version")).data();
        QCOMPARE(attributeText(sorted.first(), QStringLiteral("version")), QStringLiteral("4.2"));

        const Reply withIncludes =
            get(QStringLiteral("/v1/preReleaseVersions?limit=3&include=app,builds&limit[builds]=1"));
        QCOMPARE(withIncludes.status, 200);
        for (const QJsonValue &version : withIncludes.data()) {
            const QJsonObject relationships =
                version.toObject().value(QLatin1String("relationships")).toObject();
            QVERIFY(relationships.value(QLatin1String("builds"))
                        .toObject()
                        .value(QLatin1String("data"))
                        .toArray()
                        .size() <= 1);
            QVERIFY(!relatedId(version, QStringLiteral("app")).isEmpty());
        }

        const QString versionId = all.first().toObject().value(QLatin1String("id")).toString();
        const Reply one = get(QStringLiteral("/v1/preReleaseVersions/%1?include=builds").arg(versionId));
        QCOMPARE(one.status, 200);
        QCOMPARE(one.body.value(QLatin1String("included")).toArray().size(), buildsOf(versionId).size());
        QCOMPARE(get(QStringLiteral("/v1/preReleaseVersions/nope")).status, 404);
    }

    void parameterAndRoutingErrors()
    {
        struct Case {
            QString path;
            int status;
            QString code;
            QString parameter;
        };
        const QList<Case> cases = {
            {QStringLiteral("/v1/apps?limit=201"), 400, QStringLiteral("PARAMETER_ERROR.INVALID"),
             QStringLiteral("limit")},
            {QStringLiteral("/v1/builds?limit=0"), 400, QStringLiteral("PARAMETER_ERROR.INVALID"),
             QStringLiteral("limit")},
            {QStringLiteral("/v1/builds?filter[bogus]=1"), 400, QStringLiteral("PARAMETER_ERROR.ILLEGAL"),
             QStringLiteral("filter[bogus]")},
            {QStringLiteral("/v1/preReleaseVersions?filter[platform]=ANDROID"), 400,
             QStringLiteral("PARAMETER_ERROR.INVALID"), QStringLiteral("filter[platform]")},
            {QStringLiteral("/v1/builds?filter[processingState]=DONE"), 400,
             QStringLiteral("PARAMETER_ERROR.INVALID"), QStringLiteral("filter[processingState]")},
            {QStringLiteral("/v1/builds?include=tester"), 400, QStringLiteral("PARAMETER_ERROR.INVALID"),
             QStringLiteral("include")},
            {QStringLiteral("/v1/builds?fields[builds]=colour"), 400,
             QStringLiteral("PARAMETER_ERROR.INVALID"), QStringLiteral("fields[builds]")},
            {QStringLiteral("/v1/builds?cursor=not-a-cursor"), 400, QStringLiteral("PARAMETER_ERROR.INVALID"),
             QStringLiteral("cursor")},
            {QStringLiteral("/v1/apps/1/builds?filter[version]=1"), 400,
             QStringLiteral("PARAMETER_ERROR.ILLEGAL"), QStringLiteral("filter[version]")},
            {QStringLiteral("/v1/apps?sort=version"), 400, QStringLiteral("PARAMETER_ERROR.INVALID"),
             QStringLiteral("sort")},
            {QStringLiteral("/v1/nothing"), 404, QStringLiteral("NOT_FOUND"), QString()},
            {QStringLiteral("/v2/apps"), 404, QStringLiteral("NOT_FOUND"), QString()},
        };
        for (const Case &c : cases) {
            const Reply reply = get(c.path);
            QVERIFY2(reply.status == c.status,
                     qPrintable(c.path + QStringLiteral(" → ") + QString::number(reply.status)));
            QCOMPARE(reply.errorCode(), c.code);
            QCOMPARE(reply.firstError().value(QLatin1String("status")).toString(), QString::number(c.status));
            QVERIFY(!reply.firstError().value(QLatin1String("title")).toString().isEmpty());
            QVERIFY(!reply.firstError().value(QLatin1String("detail")).toString().isEmpty());
            if (!c.parameter.isEmpty())
                QCOMPARE(reply.firstError()
                             .value(QLatin1String("source"))
                             .toObject()
                             .value(QLatin1String("parameter"))
                             .toString(),
                         c.parameter);
            QVERIFY(reply.headers.contains("x-rate-limit"));
        }
        const Reply post = send("POST", m_sim.baseUrl + QStringLiteral("/v1/apps"), m_token, "{\"data\":{}}");
        QCOMPARE(post.status, 405);
        QCOMPARE(post.errorCode(), QStringLiteral("METHOD_NOT_ALLOWED"));
        QCOMPARE(post.headers.value("allow"), QByteArray("GET"));
        const Reply malformed = send("DELETE", m_sim.baseUrl + QStringLiteral("/v1/builds"), m_token);
        QCOMPARE(malformed.status, 405);
    }

    void rateLimitAndLatency()
    {
        Simulator limited;
        QVERIFY(startExtra(limited, QStringLiteral("limited"),
                           {QStringLiteral("--seed"), QStringLiteral("empty"), QStringLiteral("--rate-limit"),
                            QStringLiteral("5"), QStringLiteral("--latency-ms"), QStringLiteral("150")}));
        const QByteArray token = limited.token();
        QElapsedTimer timer;
        for (int i = 0; i < 5; ++i) {
            timer.start();
            const Reply reply = send("GET", limited.baseUrl + QStringLiteral("/v1/apps"), token);
            QCOMPARE(reply.status, 200);
            QVERIFY2(timer.elapsed() >= 140, qPrintable(QString::number(timer.elapsed())));
            QCOMPARE(reply.data().size(), 0);
            QCOMPARE(reply.headers.value("x-rate-limit"),
                     QByteArray("user-hour-lim:5;user-hour-rem:") + QByteArray::number(4 - i) + ';');
        }
        const Reply over = send("GET", limited.baseUrl + QStringLiteral("/v1/apps"), token);
        QCOMPARE(over.status, 429);
        QCOMPARE(over.errorCode(), QStringLiteral("RATE_LIMIT_EXCEEDED"));
        QCOMPARE(over.headers.value("x-rate-limit"), QByteArray("user-hour-lim:5;user-hour-rem:0;"));
        QCOMPARE(limited.stop(), 0);
    }

    void faultInjection()
    {
        Simulator faulty;
        QVERIFY(startExtra(faulty, QStringLiteral("faulty"),
                           {QStringLiteral("--fault-rate"), QStringLiteral("1")}));
        QSet<int> statuses;
        for (int i = 0; i < 8; ++i) {
            const Reply reply = send("GET", faulty.baseUrl + QStringLiteral("/v1/builds"), faulty.token());
            statuses.insert(reply.status);
            QVERIFY(!reply.errorCode().isEmpty());
        }
        QVERIFY(statuses.contains(500) || statuses.contains(503));
        QVERIFY(!statuses.contains(200));
        QCOMPARE(faulty.stop(), 0);
    }

    void benchmarkBuildsPaginate()
    {
        Simulator bench;
        QVERIFY(startExtra(bench, QStringLiteral("bench"),
                           {QStringLiteral("--seed"), QStringLiteral("empty"),
                            QStringLiteral("--builds-count"), QStringLiteral("450")}));
        const Reply apps =
            send("GET", bench.baseUrl + QStringLiteral("/v1/apps?filter[bundleId]=com.ascend.demo.benchmark"),
                 bench.token());
        QCOMPARE(apps.data().size(), 1);
        const QString id = apps.data().first().toObject().value(QLatin1String("id")).toString();
        QString url = bench.baseUrl + QStringLiteral("/v1/apps/%1/builds?limit=200").arg(id);
        int requests = 0;
        QSet<QString> ids;
        const QByteArray token = bench.token();
        while (!url.isEmpty()) {
            const Reply page = send("GET", url, token);
            QCOMPARE(page.status, 200);
            QCOMPARE(page.total(), 450);
            for (const QString &buildId : idsOf(page.data()))
                ids.insert(buildId);
            url = page.next();
            ++requests;
        }
        QCOMPARE(requests, 3);
        QCOMPARE(ids.size(), 450);
        QCOMPARE(bench.stop(), 0);
    }

    void feedbackInbox()
    {
        const QString app = appId(QStringLiteral("com.ascend.demo.trailhead"));
        QVERIFY(!app.isEmpty());
        for (const QString type : {QStringLiteral("betaFeedbackScreenshotSubmissions"),
                                   QStringLiteral("betaFeedbackCrashSubmissions")}) {
            int pages = 0;
            QJsonArray included;
            const QJsonArray all =
                getAll(QStringLiteral("/v1/apps/%1/%2?limit=25&sort=-createdDate&include=build,tester")
                           .arg(app, type),
                       &pages, &included);
            QVERIFY(all.size() >= (type.contains(QLatin1String("Screenshot")) ? 60 : 20));
            QCOMPARE(pages, int((all.size() + 24) / 25));
            QVERIFY(!included.isEmpty());
            const QJsonObject first = all.first().toObject();
            const QString model = attributeText(first, QStringLiteral("deviceModel"));
            const Reply filtered = get(QStringLiteral("/v1/apps/%1/%2?filter[deviceModel]=%3&filter[build]=%4"
                                                      "&fields[%2]=deviceModel,osVersion,build")
                                           .arg(app, type, model, relatedId(first, QStringLiteral("build"))));
            QCOMPARE(filtered.status, 200);
            QVERIFY(idsOf(filtered.data()).contains(first.value(QLatin1String("id")).toString()));
            for (const QJsonValue &resource : filtered.data())
                QCOMPARE(keySet(attributesOf(resource)), QSet<QString>({"deviceModel", "osVersion"}));
            const QString id = first.value(QLatin1String("id")).toString();
            QCOMPARE(get(QStringLiteral("/v1/%1/%2?include=build").arg(type, id)).status, 200);
            QCOMPARE(get(QStringLiteral("/v1/%1/%2?limit=5").arg(type, id)).status, 400);
            if (type.contains(QLatin1String("Crash"))) {
                const Reply log =
                    get(QStringLiteral("/v1/%1/%2/crashLog?fields[betaCrashLogs]=logText").arg(type, id));
                QCOMPARE(log.status, 200);
                const QString text = attributesOf(log.body.value(QLatin1String("data")))
                                         .value(QLatin1String("logText"))
                                         .toString();
                QVERIFY(text.contains(QLatin1String("\nBinary Images:\n")));
                const QString logId =
                    log.body.value(QLatin1String("data")).toObject().value(QLatin1String("id")).toString();
                QCOMPARE(get(QStringLiteral("/v1/betaCrashLogs/") + logId).status, 200);
            } else {
                // The image behind the presigned URL, without a token (the binary draws with fonts).
                const QString url = attributesOf(first)
                                        .value(QLatin1String("screenshots"))
                                        .toArray()
                                        .first()
                                        .toObject()
                                        .value(QLatin1String("url"))
                                        .toString();
                const Reply image = send("GET", url, QByteArray());
                QCOMPARE(image.status, 200);
                QVERIFY(image.headers.value("content-type").startsWith("image/"));
            }
            QCOMPARE(
                send("DELETE", m_sim.baseUrl + QStringLiteral("/v1/%1/%2").arg(type, id), m_token).status,
                204);
            QCOMPARE(get(QStringLiteral("/v1/%1/%2").arg(type, id)).status, 404);
        }

        // --feedback-count on the benchmark app of an otherwise empty seed.
        Simulator counted;
        QVERIFY(
            startExtra(counted, QStringLiteral("feedback-count"),
                       {QStringLiteral("--seed"), QStringLiteral("empty"), QStringLiteral("--builds-count"),
                        QStringLiteral("20"), QStringLiteral("--feedback-count"), QStringLiteral("500")}));
        const QString bench =
            idsOf(send("GET", counted.baseUrl + QStringLiteral("/v1/apps"), counted.token()).data()).value(0);
        QCOMPARE(send("GET",
                      counted.baseUrl +
                          QStringLiteral("/v1/apps/%1/betaFeedbackScreenshotSubmissions?limit=1").arg(bench),
                      counted.token())
                     .total(),
                 100);
        QCOMPARE(send("GET",
                      counted.baseUrl +
                          QStringLiteral("/v1/apps/%1/betaFeedbackCrashSubmissions?limit=1").arg(bench),
                      counted.token())
                     .total(),
                 400);
        QCOMPARE(counted.stop(), 0);
    }

    void dataDirPersists()
    {
        const QString dataDir = m_work.filePath(QStringLiteral("data"));
        QStringList before;
        {
            Simulator first;
            QVERIFY(startExtra(first, QStringLiteral("persist1"), {QStringLiteral("--data-dir"), dataDir}));
            before = idsOf(
                send("GET", first.baseUrl + QStringLiteral("/v1/builds?limit=200"), first.token()).data());
            QCOMPARE(first.stop(), 0);
        }
        QVERIFY(QFile::exists(dataDir + QStringLiteral("/store.json")));
        Simulator second;
        // The stored data wins over --seed.
        QVERIFY(startExtra(
            second, QStringLiteral("persist2"),
            {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--seed"), QStringLiteral("empty")}));
        const QStringList after = idsOf(
            send("GET", second.baseUrl + QStringLiteral("/v1/builds?limit=200"), second.token()).data());
        QVERIFY(!before.isEmpty());
        QCOMPARE(after, before);
        QCOMPARE(second.stop(), 0);
    }

    void exitsWhenStdinCloses()
    {
        Simulator child;
        QVERIFY(startExtra(child, QStringLiteral("stdin"), {}));
        QCOMPARE(send("GET", child.baseUrl + QStringLiteral("/v1/apps?limit=1"), child.token()).status, 200);
        child.process.closeWriteChannel();
        QVERIFY(child.process.waitForFinished(10000));
        QCOMPARE(child.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(child.process.exitCode(), 0);
    }

    void commandLineErrors()
    {
        QProcess process;
        process.start(QStringLiteral(ASCEND_SIM_BINARY), {QStringLiteral("--seed"), QStringLiteral("lots")});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("--seed"));
        QVERIFY(process.readAllStandardOutput().isEmpty());
        process.start(QStringLiteral(ASCEND_SIM_BINARY), {QStringLiteral("--version")});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardOutput().startsWith("ascend-sim "));
        process.start(QStringLiteral(ASCEND_SIM_BINARY),
                      {QStringLiteral("--api-key"), QStringLiteral("ABC:nope:/no/such/file")});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 1);
    }

    void cleanShutdownOnSigterm()
    {
        QVERIFY2(m_requests > 50, qPrintable(QString::number(m_requests)));
        QCOMPARE(m_sim.stop(), 0);
        QVERIFY(m_sim.process.readAllStandardError().contains("stopped"));
    }

    void recordedExchangesMatchTheSpec()
    {
        for (const QString &path : std::as_const(m_recordFiles)) {
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray content = file.readAll();
            QVERIFY2(!content.contains(m_token), "a token reached the record file");
            QVERIFY(content.count('\n') > 0);
        }
        QStringList arguments{QStringLiteral(ASCEND_RECORD_VALIDATOR), QStringLiteral("--spec"),
                              QStringLiteral(ASCEND_SPEC_FILE), QStringLiteral("--min-lines"),
                              QString::number(m_requests - 5)};
        for (const QString &path : std::as_const(m_recordFiles))
            arguments << QStringLiteral("--record") << path;
        QProcess validator;
        validator.setProcessChannelMode(QProcess::MergedChannels);
        validator.start(QStringLiteral(ASCEND_PYTHON), arguments);
        QVERIFY(validator.waitForStarted());
        QVERIFY(validator.waitForFinished(300000));
        const QByteArray output = validator.readAll();
        qInfo().noquote() << output.trimmed();
        QVERIFY2(validator.exitStatus() == QProcess::NormalExit && validator.exitCode() == 0,
                 output.constData());
    }
};

QTEST_GUILESS_MAIN(TestSimIntegration)
#include "tst_simintegration.moc"

// The simulator's TestFlight endpoints in-process, spoken to over loopback with the real client: groups,
// testers, invitations, What to Test, build beta details, PATCH builds, notifications, the 400/404/409/422
// errors, and the Beta App Review state machine with its BUILD_BETA_DETAIL_EXTERNAL_BUILD_STATE_UPDATED
// events.

#include "core/api/apiclient.h"
#include "core/api/apireply.h"
#include "core/api/betaappreviewsubmissions.h"
#include "core/api/betabuildlocalizations.h"
#include "core/api/betagroups.h"
#include "core/api/betatesters.h"
#include "core/api/buildbetadetails.h"
#include "core/api/buildbetanotifications.h"
#include "core/api/buildupdates.h"
#include "core/api/pager.h"
#include "core/api/testflightviews.h"
#include "core/session/session.h"
#include "sim/seeder.h"
#include "sim/simevents.h"
#include "sim/simulator.h"
#include "sim/store.h"

#include <QFile>
#include <QProcess>
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

    std::unique_ptr<api::ApiReply> call(const api::ApiRequest &request)
    {
        api::ApiReply *reply = session->client()->send(request);
        api::waitForFinished(reply, 20000);
        return std::unique_ptr<api::ApiReply>(reply);
    }

    sim::Store &store() { return simulator->store(); }

    const sim::Record *app(const QString &bundleId = QStringLiteral("com.ascend.demo.trailhead"))
    {
        for (const sim::Record *record : store().all(QStringLiteral("apps")))
            if (record->attributes.value(QStringLiteral("bundleId")).toString() == bundleId)
                return record;
        return nullptr;
    }

    // A build of the app in the given processing state, optionally without What to Test, not submitted.
    QString build(const QString &state, bool withNotes, bool external = true)
    {
        const sim::Record *owner = app();
        for (const sim::Record *build : store().related(*owner, QStringLiteral("builds"))) {
            if (build->attributes.value(QStringLiteral("processingState")).toString() != state ||
                build->attributes.value(QStringLiteral("expired")).toBool())
                continue;
            if (external != (build->attributes.value(QStringLiteral("buildAudienceType")).toString() ==
                             QLatin1String("APP_STORE_ELIGIBLE")))
                continue;
            if (!store().related(*build, QStringLiteral("betaAppReviewSubmission")).isEmpty())
                continue;
            const bool hasNotes =
                !store().related(*build, QStringLiteral("betaBuildLocalizations")).isEmpty();
            if (hasNotes == withNotes)
                return build->id;
        }
        if (withNotes)
            return {};
        // Every candidate has notes: take one and drop them.
        const QString id = this->build(state, true, external);
        if (const sim::Record *build = store().find(QStringLiteral("builds"), id)) {
            for (const sim::Record *notes : store().related(*build, QStringLiteral("betaBuildLocalizations")))
                store().remove(notes->type, notes->id);
        }
        return id;
    }

    QString group(const QString &name)
    {
        for (const sim::Record *record : store().all(QStringLiteral("betaGroups")))
            if (record->attributes.value(QStringLiteral("name")).toString() == name &&
                record->relationships.value(QStringLiteral("app")).value(0) == app()->id)
                return record->id;
        return {};
    }

    QString externalState(const QString &buildId)
    {
        const sim::Record *detail = store().find(QStringLiteral("buildBetaDetails"), buildId);
        return detail ? detail->attributes.value(QStringLiteral("externalBuildState")).toString() : QString();
    }
};

QString code(const api::ApiReply &reply)
{
    return reply.error().errors.isEmpty() ? QString() : reply.error().errors.first().code;
}

QString detail(const api::ApiReply &reply)
{
    return reply.error().errors.isEmpty() ? QString() : reply.error().errors.first().detail;
}

} // namespace

class TestSimTestFlight : public QObject {
    Q_OBJECT

private:
    static sim::SimOptions options(int reviewSeconds = 0, double rejectRate = 0.0)
    {
        sim::SimOptions o;
        o.reviewSeconds = reviewSeconds;
        o.reviewRejectRate = rejectRate;
        return o;
    }

private slots:
    void seedHasGroupsTestersAndDetails()
    {
        Harness h;
        QVERIFY(h.start(options()));
        QVERIFY(h.store().count(QStringLiteral("betaGroups")) >= 8);
        QVERIFY(h.store().count(QStringLiteral("betaTesters")) >= 30);
        QVERIFY(h.store().count(QStringLiteral("betaBuildLocalizations")) > 0);
        QCOMPARE(h.store().count(QStringLiteral("buildBetaDetails")),
                 h.store().count(QStringLiteral("builds")));
        bool internal = false, external = false, withDevices = false;
        for (const sim::Record *group : h.store().all(QStringLiteral("betaGroups"))) {
            const bool isInternal = group->attributes.value(QStringLiteral("isInternalGroup")).toBool();
            internal |= isInternal;
            external |= !isInternal;
        }
        for (const sim::Record *tester : h.store().all(QStringLiteral("betaTesters")))
            withDevices |= !tester->attributes.value(QStringLiteral("appDevices")).toArray().isEmpty();
        QVERIFY(internal && external && withDevices);
    }

    void groupCreateUpdateDeleteAndErrors()
    {
        Harness h;
        QVERIFY(h.start(options()));
        const QString appId = h.app()->id;
        api::BetaGroupFields fields;
        fields.name = QStringLiteral("Nightly");
        fields.publicLinkEnabled = true;
        fields.publicLinkLimitEnabled = true;
        fields.publicLinkLimit = 25;
        auto created = h.call(api::createBetaGroup(appId, fields));
        QVERIFY2(created->ok(), qPrintable(created->error().message()));
        QCOMPARE(created->httpStatus(), 201);
        const auto group = api::BetaGroup::fromResource(*created->document().resource());
        QVERIFY(group);
        QVERIFY(group->publicLink.startsWith(QStringLiteral("https://testflight.apple.com/join/")));
        QCOMPARE(group->publicLinkLimit, 25);

        auto duplicate = h.call(api::createBetaGroup(appId, fields));
        QCOMPARE(duplicate->httpStatus(), 409);
        QVERIFY(detail(*duplicate).contains(QStringLiteral("Nightly")));

        api::BetaGroupFields internalWithLink;
        internalWithLink.name = QStringLiteral("Inside");
        internalWithLink.isInternalGroup = true;
        internalWithLink.publicLinkEnabled = true;
        QCOMPARE(h.call(api::createBetaGroup(appId, internalWithLink))->httpStatus(), 409);

        api::BetaGroupFields badLimit;
        badLimit.publicLinkLimit = 0;
        auto badUpdate = h.call(api::updateBetaGroup(group->id, badLimit));
        QCOMPARE(badUpdate->httpStatus(), 422);
        QCOMPARE(code(*badUpdate), QStringLiteral("ENTITY_ERROR.ATTRIBUTE.INVALID"));

        // No app relationship → 422 ENTITY_ERROR.RELATIONSHIP.REQUIRED
        api::ApiRequest noApp = api::createBetaGroup(appId, fields);
        QJsonObject body = *noApp.body;
        QJsonObject data = body.value(QStringLiteral("data")).toObject();
        data.remove(QStringLiteral("relationships"));
        body.insert(QStringLiteral("data"), data);
        noApp.body = body;
        auto missing = h.call(noApp);
        QCOMPARE(missing->httpStatus(), 422);
        QCOMPARE(code(*missing), QStringLiteral("ENTITY_ERROR.RELATIONSHIP.REQUIRED"));

        api::BetaGroupFields rename;
        rename.name = QStringLiteral("Nightly builds");
        rename.feedbackEnabled = false;
        rename.publicLinkEnabled = false;
        auto renamed = h.call(api::updateBetaGroup(group->id, rename));
        QVERIFY2(renamed->ok(), qPrintable(renamed->error().message()));
        const auto after = api::BetaGroup::fromResource(*renamed->document().resource());
        QCOMPARE(after->name, QStringLiteral("Nightly builds"));
        QVERIFY(!after->feedbackEnabled);
        QVERIFY(after->publicLink.isEmpty());

        QCOMPARE(h.call(api::deleteBetaGroup(group->id))->httpStatus(), 204);
        QCOMPARE(h.call(api::getBetaGroup(group->id))->httpStatus(), 404);
    }

    void testersAddInviteRemoveAndErrors()
    {
        Harness h;
        QVERIFY(h.start(options()));
        const QString groupId = h.group(QStringLiteral("Public Beta"));
        QVERIFY(!groupId.isEmpty());
        auto created =
            h.call(api::createBetaTester(QStringLiteral("new.tester@example.com"), QStringLiteral("New"),
                                         QStringLiteral("Tester"), {groupId}));
        QVERIFY2(created->ok(), qPrintable(created->error().message()));
        const auto tester = api::BetaTester::fromResource(*created->document().resource());
        QVERIFY(tester->state == asc::BetaTesterState::INVITED);

        auto duplicate =
            h.call(api::createBetaTester(QStringLiteral("NEW.tester@example.com"), {}, {}, {groupId}));
        QCOMPARE(duplicate->httpStatus(), 409);
        auto badEmail = h.call(api::createBetaTester(QStringLiteral("not-an-email"), {}, {}, {groupId}));
        QCOMPARE(badEmail->httpStatus(), 422);
        QCOMPARE(code(*badEmail), QStringLiteral("ENTITY_ERROR.ATTRIBUTE.INVALID"));
        auto noGroup = h.call(api::createBetaTester(QStringLiteral("lonely@example.com"), {}, {}, {}));
        QCOMPARE(noGroup->httpStatus(), 422);
        QCOMPARE(code(*noGroup), QStringLiteral("ENTITY_ERROR.RELATIONSHIP.REQUIRED"));

        // The group's testers now include the new one; filter by group works.
        api::Query query;
        query.filter(QStringLiteral("betaGroups"), groupId).filter(QStringLiteral("email"), tester->email);
        auto listed = h.call(api::listBetaTesters(query));
        QVERIFY(listed->ok());
        QCOMPARE(listed->document().resources().size(), 1);

        auto invited = h.call(api::inviteBetaTester(h.app()->id, tester->id));
        QVERIFY2(invited->ok(), qPrintable(invited->error().message()));
        QCOMPARE(invited->httpStatus(), 201);
        const QString otherApp = h.app(QStringLiteral("com.ascend.demo.quillstone"))->id;
        QCOMPARE(h.call(api::inviteBetaTester(otherApp, tester->id))->httpStatus(), 409);

        QCOMPARE(h.call(api::removeTestersFromBetaGroup(groupId, {tester->id}))->httpStatus(), 204);
        QVERIFY(!h.store()
                     .find(QStringLiteral("betaGroups"), groupId)
                     ->relationships.value(QStringLiteral("betaTesters"))
                     .contains(tester->id));
        QCOMPARE(h.call(api::deleteBetaTester(tester->id))->httpStatus(), 204);
        QCOMPARE(h.call(api::getBetaTester(tester->id))->httpStatus(), 404);
    }

    void assigningBuildsChecksTheBuild()
    {
        Harness h;
        QVERIFY(h.start(options()));
        const QString groupId = h.group(QStringLiteral("Friends & Family"));
        const QString valid = h.build(QStringLiteral("VALID"), true);
        QVERIFY(!valid.isEmpty());
        QCOMPARE(h.call(api::addBuildsToBetaGroup(groupId, {valid}))->httpStatus(), 204);
        QVERIFY(h.store()
                    .find(QStringLiteral("betaGroups"), groupId)
                    ->relationships.value(QStringLiteral("builds"))
                    .contains(valid));
        // filter[betaGroups] on builds answers from the group's side.
        api::Query query;
        query.filter(QStringLiteral("betaGroups"), groupId);
        auto inGroup = h.call(api::listBuilds(query));
        QVERIFY(inGroup->ok());
        bool found = false;
        for (const auto &resource : inGroup->document().resources())
            found |= resource.id == valid;
        QVERIFY(found);

        QString failed;
        for (const sim::Record *build : h.store().related(*h.app(), QStringLiteral("builds")))
            if (build->attributes.value(QStringLiteral("processingState")).toString() ==
                QLatin1String("FAILED"))
                failed = build->id;
        QVERIFY(!failed.isEmpty());
        auto refused = h.call(api::addBuildsToBetaGroup(groupId, {failed}));
        QCOMPARE(refused->httpStatus(), 409);
        QVERIFY(detail(*refused).contains(QStringLiteral("FAILED")));
        QCOMPARE(h.call(api::addBuildsToBetaGroup(groupId, {QStringLiteral("no-such-build")}))->httpStatus(),
                 404);

        QCOMPARE(h.call(api::removeBuildFromBetaGroups(valid, {groupId}))->httpStatus(), 204);
        QVERIFY(!h.store()
                     .find(QStringLiteral("betaGroups"), groupId)
                     ->relationships.value(QStringLiteral("builds"))
                     .contains(valid));
    }

    void whatToTestCreateUpdateAndDuplicate()
    {
        Harness h;
        QVERIFY(h.start(options()));
        const QString build = h.build(QStringLiteral("VALID"), false);
        QVERIFY(!build.isEmpty());
        auto created = h.call(
            api::createBetaBuildLocalization(build, QStringLiteral("de-DE"), QStringLiteral("Bitte testen")));
        QVERIFY2(created->ok(), qPrintable(created->error().message()));
        const auto localization = api::BetaBuildLocalization::fromResource(*created->document().resource());
        QCOMPARE(h.call(api::createBetaBuildLocalization(build, QStringLiteral("de-DE"), QStringLiteral("x")))
                     ->httpStatus(),
                 409);
        QCOMPARE(h.call(api::createBetaBuildLocalization(build, QStringLiteral("not a locale"),
                                                         QStringLiteral("x")))
                     ->httpStatus(),
                 422);
        QCOMPARE(h.call(api::updateBetaBuildLocalization(localization->id, QString(4001, QLatin1Char('x'))))
                     ->httpStatus(),
                 422);
        auto updated =
            h.call(api::updateBetaBuildLocalization(localization->id, QStringLiteral("Neue Texte")));
        QVERIFY(updated->ok());
        api::Query query;
        query.filter(QStringLiteral("build"), build)
            .filter(QStringLiteral("locale"), QStringLiteral("de-DE"));
        auto listed = h.call(api::listBetaBuildLocalizations(query));
        QCOMPARE(listed->document().resources().size(), 1);
        QCOMPARE(listed->document().resources().first().stringAttribute(QStringLiteral("whatsNew")),
                 QStringLiteral("Neue Texte"));
    }

    void submissionsListNeedsABuildFilter()
    {
        Harness h;
        QVERIFY(h.start(options()));
        auto reply = h.call(api::ApiRequest::get(QStringLiteral("/v1/betaAppReviewSubmissions")));
        QCOMPARE(reply->httpStatus(), 400);
        QVERIFY(code(*reply).startsWith(QStringLiteral("PARAMETER_ERROR")));
    }

    void submittingChecksTheBuild()
    {
        Harness h;
        QVERIFY(h.start(options(60)));
        QString processing;
        for (const sim::Record *build : h.store().related(*h.app(), QStringLiteral("builds")))
            if (build->attributes.value(QStringLiteral("processingState")).toString() ==
                QLatin1String("PROCESSING"))
                processing = build->id;
        auto notValid = h.call(api::submitForBetaAppReview(processing));
        QCOMPARE(notValid->httpStatus(), 409);
        QVERIFY(detail(*notValid).contains(QStringLiteral("VALID")));

        const QString noNotes = h.build(QStringLiteral("VALID"), false);
        auto withoutNotes = h.call(api::submitForBetaAppReview(noNotes));
        QCOMPARE(withoutNotes->httpStatus(), 409);
        QVERIFY(detail(*withoutNotes).contains(QStringLiteral("What to Test")));

        api::ApiRequest missing = api::submitForBetaAppReview(noNotes);
        missing.body =
            QJsonObject{{QStringLiteral("data"),
                         QJsonObject{{QStringLiteral("type"), QStringLiteral("betaAppReviewSubmissions")}}}};
        auto missingBuild = h.call(missing);
        QCOMPARE(missingBuild->httpStatus(), 422);
        QCOMPARE(code(*missingBuild), QStringLiteral("ENTITY_ERROR.RELATIONSHIP.REQUIRED"));

        const QString ready = h.build(QStringLiteral("VALID"), true);
        auto first = h.call(api::submitForBetaAppReview(ready));
        QCOMPARE(first->httpStatus(), 201);
        auto again = h.call(api::submitForBetaAppReview(ready));
        QCOMPARE(again->httpStatus(), 409);
        QVERIFY(detail(*again).contains(QStringLiteral("already submitted")));
    }

    void reviewRunsToApprovedAndBetaTesting()
    {
        Harness h;
        QVERIFY(h.start(options(0)));
        const QString build = h.build(QStringLiteral("VALID"), true);
        const QString group = h.group(QStringLiteral("Friends & Family"));
        QCOMPARE(h.call(api::addBuildsToBetaGroup(group, {build}))->httpStatus(), 204);
        h.events.clear();
        auto submitted = h.call(api::submitForBetaAppReview(build));
        QVERIFY2(submitted->ok(), qPrintable(submitted->error().message()));
        const auto submission = api::BetaAppReviewSubmission::fromResource(*submitted->document().resource());
        QVERIFY(submission->betaReviewState == asc::BetaReviewState::WAITING_FOR_REVIEW);
        QTRY_COMPARE_WITH_TIMEOUT(h.externalState(build), QStringLiteral("IN_BETA_TESTING"), 10000);

        QStringList sequence;
        for (const sim::SimEvent &event : std::as_const(h.events)) {
            QVERIFY(event.type == asc::WebhookEventType::BUILD_BETA_DETAIL_EXTERNAL_BUILD_STATE_UPDATED);
            QCOMPARE(event.instanceType, QStringLiteral("buildBetaDetails"));
            QCOMPARE(event.appId, h.app()->id);
            sequence << event.attributes.value(QStringLiteral("newExternalBuildState")).toString();
        }
        QCOMPARE(sequence,
                 (QStringList{QStringLiteral("WAITING_FOR_BETA_REVIEW"), QStringLiteral("IN_BETA_REVIEW"),
                              QStringLiteral("BETA_APPROVED"), QStringLiteral("IN_BETA_TESTING")}));
        QCOMPARE(h.events.first().attributes.value(QStringLiteral("oldExternalBuildState")).toString(),
                 QStringLiteral("READY_FOR_BETA_SUBMISSION"));
        auto state = h.call(api::getBetaAppReviewSubmissionOfBuild(build));
        QVERIFY(state->ok());
        QCOMPARE(state->document().resource()->stringAttribute(QStringLiteral("betaReviewState")),
                 QStringLiteral("APPROVED"));
        auto listed = h.call(api::listBetaAppReviewSubmissions({build}));
        QCOMPARE(listed->document().resources().size(), 1);
    }

    void reviewCanBeRejectedAndResubmitted()
    {
        Harness h;
        QVERIFY(h.start(options(0, 1.0)));
        const QString build = h.build(QStringLiteral("VALID"), true);
        QVERIFY(h.call(api::submitForBetaAppReview(build))->ok());
        QTRY_COMPARE_WITH_TIMEOUT(h.externalState(build), QStringLiteral("BETA_REJECTED"), 10000);
        auto state = h.call(api::getBetaAppReviewSubmissionOfBuild(build));
        QCOMPARE(state->document().resource()->stringAttribute(QStringLiteral("betaReviewState")),
                 QStringLiteral("REJECTED"));
        auto again = h.call(api::submitForBetaAppReview(build));
        QCOMPARE(again->httpStatus(), 201);
    }

    void reviewTakesReviewSeconds()
    {
        Harness h;
        QVERIFY(h.start(options(1)));
        const QString build = h.build(QStringLiteral("VALID"), true);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(h.call(api::submitForBetaAppReview(build))->ok());
        QCOMPARE(h.externalState(build), QStringLiteral("WAITING_FOR_BETA_REVIEW"));
        QTRY_COMPARE_WITH_TIMEOUT(h.externalState(build), QStringLiteral("BETA_APPROVED"), 10000);
        QVERIFY(timer.elapsed() >= 1900);
    }

    void detailsAutoNotifyNotifyAndExpire()
    {
        Harness h;
        QVERIFY(h.start(options()));
        const QString build = h.build(QStringLiteral("VALID"), true);
        auto detailReply = h.call(api::getBuildBetaDetailOfBuild(build));
        QVERIFY(detailReply->ok());
        const auto betaDetail = api::BuildBetaDetail::fromResource(*detailReply->document().resource());
        QVERIFY(betaDetail);
        auto toggled = h.call(api::setAutoNotify(betaDetail->id, !betaDetail->autoNotifyEnabled));
        QVERIFY(toggled->ok());
        QCOMPARE(api::BuildBetaDetail::fromResource(*toggled->document().resource())->autoNotifyEnabled,
                 !betaDetail->autoNotifyEnabled);

        auto nobody = h.call(api::notifyBetaTesters(build));
        QCOMPARE(nobody->httpStatus(), 409);
        QVERIFY(h.call(api::addBuildsToBetaGroup(h.group(QStringLiteral("Core Team")), {build}))->ok());
        auto notified = h.call(api::notifyBetaTesters(build));
        QCOMPARE(notified->httpStatus(), 201);
        QCOMPARE(h.call(api::notifyBetaTesters(build))->httpStatus(), 409);

        h.events.clear();
        auto expired = h.call(api::expireBuild(build));
        QVERIFY2(expired->ok(), qPrintable(expired->error().message()));
        QCOMPARE(expired->document().resource()->boolAttribute(QStringLiteral("expired")), true);
        QCOMPARE(h.externalState(build), QStringLiteral("EXPIRED"));
        QCOMPARE(h.events.size(), 1);
        api::ApiRequest unexpire = api::expireBuild(build);
        QJsonObject body = *unexpire.body;
        QJsonObject data = body.value(QStringLiteral("data")).toObject();
        data.insert(QStringLiteral("attributes"), QJsonObject{{QStringLiteral("expired"), false}});
        body.insert(QStringLiteral("data"), data);
        unexpire.body = body;
        QCOMPARE(h.call(unexpire)->httpStatus(), 409);
        QCOMPARE(h.call(api::notifyBetaTesters(build))->httpStatus(), 409);
    }

    void buildsViewNeedsFewRequests()
    {
        Harness h;
        sim::SimOptions o = options();
        o.buildsCount = 500;
        QVERIFY(h.start(o));
        const sim::Record *bench = h.app(QString::fromLatin1(sim::BenchmarkBundleId));
        QVERIFY(bench);
        h.session->client()->resetRequestCount();
        api::Pager builds(h.session->client(), api::listBuilds(api::testFlightBuildsQuery(bench->id)));
        QSignalSpy buildsDone(&builds, &api::Pager::finished);
        builds.start();
        QVERIFY(buildsDone.wait(30000));
        QVERIFY2(builds.ok(), qPrintable(builds.error().message()));
        api::Pager groups(h.session->client(), api::listBetaGroups(api::testFlightGroupsQuery(bench->id)));
        QSignalSpy groupsDone(&groups, &api::Pager::finished);
        groups.start();
        QVERIFY(groupsDone.wait(30000));
        QVERIFY(groups.ok());
        QVERIFY2(h.session->client()->requestCount() <= 6,
                 qPrintable(QString::number(h.session->client()->requestCount())));
        const auto rows = api::assembleTestFlightBuilds(builds.resources(), builds.included());
        QCOMPARE(rows.size(), 500);
        int withDetail = 0, inGroups = 0;
        for (const auto &row : rows) {
            withDetail += row.detail ? 1 : 0;
            inGroups += row.groupIds.isEmpty() ? 0 : 1;
            QCOMPARE(row.preReleaseVersion, QStringLiteral("1.0"));
        }
        QCOMPARE(withDetail, 500);
        QVERIFY(inGroups > 100);
        const auto groupRows = api::assembleTestFlightGroups(groups.resources());
        QCOMPARE(groupRows.size(), 20);
        int biggest = 0;
        for (const auto &row : groupRows)
            biggest = std::max(biggest, row.testerCount);
        QCOMPARE(biggest, 2000);
    }

    // Every TestFlight endpoint, its includes and its errors, recorded and checked against the spec's
    // schemas.
    void recordedExchangesMatchTheSpec()
    {
        Harness h;
        sim::SimOptions o = options(0);
        const QString record = h.dir.filePath(QStringLiteral("testflight-record.jsonl"));
        o.recordPath = record;
        QVERIFY(h.start(o));
        const QString appId = h.app()->id;
        const QString build = h.build(QStringLiteral("VALID"), true);
        const QString group = h.group(QStringLiteral("Public Beta"));
        int requests = 0;
        auto run = [&](const api::ApiRequest &request) {
            ++requests;
            return h.call(request);
        };
        run(api::listBuilds(api::testFlightBuildsQuery(appId)));
        run(api::listBetaGroups(api::testFlightGroupsQuery(appId)));
        api::Query groupsInclude;
        groupsInclude.filter(QStringLiteral("app"), appId)
            .include({QStringLiteral("app"), QStringLiteral("builds"), QStringLiteral("betaTesters")});
        run(api::listBetaGroups(groupsInclude));
        run(api::listAppBetaGroups(appId));
        run(api::getBetaGroup(group, groupsInclude.remove(QStringLiteral("filter[app]"))));
        run(api::listBetaGroupTesters(group));
        run(api::listBetaGroupBuilds(group));
        api::Query testers;
        testers.filter(QStringLiteral("apps"), appId)
            .include({QStringLiteral("apps"), QStringLiteral("betaGroups"), QStringLiteral("builds")})
            .sort(QStringLiteral("-email"));
        auto testerList = run(api::listBetaTesters(testers));
        const QString someTester = testerList->document().resources().first().id;
        run(api::getBetaTester(someTester));
        api::BetaGroupFields fields;
        fields.name = QStringLiteral("Recorded");
        fields.publicLinkEnabled = true;
        auto created = run(api::createBetaGroup(appId, fields));
        const QString newGroup = created->document().resource()->id;
        run(api::createBetaGroup(appId, fields)); // 409
        fields.publicLinkLimit = 0;
        run(api::updateBetaGroup(newGroup, fields)); // 422
        fields.publicLinkLimit = 10;
        fields.publicLinkLimitEnabled = true;
        run(api::updateBetaGroup(newGroup, fields));
        run(api::addBuildsToBetaGroup(newGroup, {build}));
        run(api::addBuildsToBetaGroup(newGroup, {QStringLiteral("missing")})); // 404
        auto tester = run(api::createBetaTester(QStringLiteral("recorded@example.com"), QStringLiteral("Re"),
                                                QStringLiteral("Corded"), {newGroup}));
        const QString testerId = tester->document().resource()->id;
        run(api::createBetaTester(QStringLiteral("recorded@example.com"), {}, {}, {newGroup})); // 409
        run(api::createBetaTester(QStringLiteral("no-groups@example.com"), {}, {}, {}));        // 422
        run(api::inviteBetaTester(appId, testerId));
        run(api::addTestersToBetaGroup(group, {testerId}));
        run(api::removeTestersFromBetaGroup(group, {testerId}));
        run(api::addBetaTesterToGroups(testerId, {group}));
        run(api::removeBetaTesterFromGroups(testerId, {group}));
        auto notes =
            run(api::createBetaBuildLocalization(build, QStringLiteral("fr-FR"), QStringLiteral("Essayez")));
        run(api::createBetaBuildLocalization(build, QStringLiteral("fr-FR"), QStringLiteral("x"))); // 409
        run(api::updateBetaBuildLocalization(notes->document().resource()->id,
                                             QStringLiteral("Essayez encore")));
        api::Query notesQuery;
        notesQuery.filter(QStringLiteral("build"), build).include({QStringLiteral("build")});
        run(api::listBetaBuildLocalizations(notesQuery));
        run(api::listBuildBetaBuildLocalizations(build));
        run(api::ApiRequest::get(QStringLiteral("/v1/betaBuildLocalizations/") +
                                 notes->document().resource()->id));
        auto detailReply = run(api::getBuildBetaDetailOfBuild(build));
        run(api::setAutoNotify(detailReply->document().resource()->id, true));
        api::Query detailsQuery;
        detailsQuery.filter(QStringLiteral("build"), build).include({QStringLiteral("build")});
        run(api::listBuildBetaDetails(detailsQuery));
        run(api::ApiRequest::get(QStringLiteral("/v1/buildBetaDetails/") +
                                 detailReply->document().resource()->id));
        run(api::ApiRequest::get(QStringLiteral("/v1/betaAppReviewSubmissions"))); // 400
        auto submitted = run(api::submitForBetaAppReview(build));
        run(api::submitForBetaAppReview(build)); // 409
        QTRY_COMPARE_WITH_TIMEOUT(h.externalState(build), QStringLiteral("IN_BETA_TESTING"), 10000);
        api::Query reviewInclude;
        reviewInclude.include({QStringLiteral("build")});
        run(api::listBetaAppReviewSubmissions({build}, reviewInclude));
        run(api::getBetaAppReviewSubmission(submitted->document().resource()->id, reviewInclude));
        run(api::getBetaAppReviewSubmissionOfBuild(build));
        run(api::notifyBetaTesters(build));
        run(api::notifyBetaTesters(build)); // 409
        run(api::removeBuildsFromBetaGroup(newGroup, {build}));
        run(api::addBuildToBetaGroups(build, {newGroup}));
        run(api::removeBuildFromBetaGroups(build, {newGroup}));
        run(api::expireBuild(build));
        run(api::deleteBetaBuildLocalization(notes->document().resource()->id));
        run(api::deleteBetaTester(testerId));
        run(api::deleteBetaGroup(newGroup));
        run(api::deleteBetaGroup(newGroup)); // 404
        h.simulator->stop();

        QProcess validator;
        validator.setProcessChannelMode(QProcess::MergedChannels);
        validator.start(QStringLiteral("/usr/bin/python3"),
                        {QStringLiteral(ASCEND_RECORD_VALIDATOR), QStringLiteral("--spec"),
                         QStringLiteral(ASCEND_SPEC_FILE), QStringLiteral("--min-lines"),
                         QString::number(requests), QStringLiteral("--record"), record});
        QVERIFY(validator.waitForStarted());
        QVERIFY(validator.waitForFinished(300000));
        const QByteArray output = validator.readAll();
        qInfo().noquote() << output.trimmed();
        QVERIFY2(validator.exitStatus() == QProcess::NormalExit && validator.exitCode() == 0,
                 output.constData());
    }
};

QTEST_GUILESS_MAIN(TestSimTestFlight)
#include "tst_simtestflight.moc"

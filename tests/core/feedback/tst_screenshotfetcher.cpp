// ScreenshotFetcher over real HTTP on loopback: an HttpServer plays both the API (GET of a submission hands
// out freshly signed image links) and the image host (old links answer 403 with S3's XML error). Checked:
// PNG/JPEG bytes and suffixes, the expired-link refetch (by date and by the server's 403) with exactly one
// retry, one re-fetch per submission however many images wait, deleted submissions, non-image answers, the
// bound on concurrent downloads, coalesced duplicate requests and callbacks of destroyed contexts.
// Then the same against the real ascend-sim with a two-second link lifetime: links really expire there.

#include "../../integration/simfixture.h"
#include "core/api/apiclient.h"
#include "core/api/apireply.h"
#include "core/api/apps.h"
#include "core/feedback/screenshotfetcher.h"
#include "feedbacktestserver.h"

#include <QImage>
#include <QSignalSpy>
#include <QTest>

using namespace ascend;

using testing::FeedbackServer;
using testing::StaticToken;

class TestScreenshotFetcher : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<FeedbackServer> m_handler;
    std::unique_ptr<http::HttpServer> m_server;
    StaticToken m_token;
    std::unique_ptr<api::ApiClient> m_client;

    api::FeedbackSubmission seen(const QString &id, int expiresInSeconds = 900)
    {
        return m_handler->item(id, expiresInSeconds);
    }

    QList<feedback::ScreenshotResult> fetchAll(feedback::ScreenshotFetcher &fetcher,
                                               const QList<std::pair<api::FeedbackSubmission, int>> &wanted)
    {
        QList<feedback::ScreenshotResult> results;
        for (const auto &[submission, index] : wanted)
            fetcher.fetch(submission, index, this,
                          [&results](const feedback::ScreenshotResult &result) { results.append(result); });
        [&] { QTRY_COMPARE_WITH_TIMEOUT(results.size(), wanted.size(), 20000); }();
        return results;
    }

private Q_SLOTS:
    void init()
    {
        m_handler = std::make_unique<FeedbackServer>();
        m_server = std::make_unique<http::HttpServer>(m_handler.get());
        QVERIFY(m_server->listen(QHostAddress::LocalHost));
        m_handler->port = m_server->port();
        m_client = std::make_unique<api::ApiClient>(&m_token);
        m_client->setBaseUrl(QUrl(m_handler->base()));
        api::RetryPolicy fast;
        fast.baseDelay = api::Milliseconds(5);
        m_client->setRetryPolicy(fast);
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
        m_handler.reset();
    }

    void downloadsPngAndJpeg()
    {
        m_handler->submissions.insert(QStringLiteral("s1"), {});
        feedback::ScreenshotFetcher fetcher(m_client.get());
        const auto item = seen(QStringLiteral("s1"));
        const auto results = fetchAll(fetcher, {{item, 0}, {item, 1}});
        for (const auto &result : results) {
            QVERIFY2(result.ok(), qPrintable(result.errorString));
            QCOMPARE(result.submissionId, QStringLiteral("s1"));
            if (result.index == 0) {
                QCOMPARE(result.suffix, QStringLiteral("png"));
                QCOMPARE(result.bytes, m_handler->png);
            } else {
                QCOMPARE(result.suffix, QStringLiteral("jpg"));
                QCOMPARE(result.bytes, m_handler->jpeg);
            }
            QVERIFY(!QImage::fromData(result.bytes).isNull());
        }
        QCOMPARE(fetcher.refetchCount(), 0);
        QCOMPARE(m_handler->submissionRequests, 0);
        QCOMPARE(m_handler->imageRequests, 2);
    }

    void expiredByDateIsRefetchedBeforeDownloading()
    {
        m_handler->submissions.insert(QStringLiteral("s2"), {});
        feedback::ScreenshotFetcher fetcher(m_client.get());
        QSignalSpy refreshed(&fetcher, &feedback::ScreenshotFetcher::submissionRefreshed);
        const auto stale = seen(QStringLiteral("s2"), -60); // expired a minute ago
        QVERIFY(stale.screenshots.first().isExpired());
        const auto results = fetchAll(fetcher, {{stale, 0}, {stale, 1}});
        for (const auto &result : results)
            QVERIFY2(result.ok(), qPrintable(result.errorString));
        // One GET of the submission serves both images; the stale links were never tried.
        QCOMPARE(fetcher.refetchCount(), 1);
        QCOMPARE(m_handler->submissionRequests, 1);
        QCOMPARE(m_handler->imageRequests, 2);
        QCOMPARE(refreshed.size(), 1);
        const auto fresh = refreshed.first().first().value<api::FeedbackSubmission>();
        QCOMPARE(fresh.id, QStringLiteral("s2"));
        QVERIFY(!fresh.screenshots.first().isExpired());
        QVERIFY(fresh.screenshots.first().url != stale.screenshots.first().url);
        QCOMPARE(fresh.buildVersion, QStringLiteral("42")); // kept from the copy the caller had

        // A later request with the stale copy uses the fresh link at once.
        const auto again = fetchAll(fetcher, {{stale, 1}});
        QVERIFY(again.first().ok());
        QCOMPARE(fetcher.refetchCount(), 1);
        QCOMPARE(m_handler->imageRequests, 3);
    }

    void refusedLinkIsRefetchedAndRetriedOnce()
    {
        m_handler->submissions.insert(QStringLiteral("s3"), {});
        const auto item = seen(QStringLiteral("s3"));              // valid by date...
        ++m_handler->submissions[QStringLiteral("s3")].generation; // ...but the server no longer honours it
        feedback::ScreenshotFetcher fetcher(m_client.get());
        QSignalSpy refreshed(&fetcher, &feedback::ScreenshotFetcher::submissionRefreshed);
        const auto results = fetchAll(fetcher, {{item, 0}});
        QVERIFY2(results.first().ok(), qPrintable(results.first().errorString));
        QCOMPARE(results.first().bytes, m_handler->png);
        QCOMPARE(m_handler->imageRequests, 2); // the refused one and the retry
        QCOMPARE(m_handler->submissionRequests, 1);
        QCOMPARE(fetcher.refetchCount(), 1);
        QCOMPARE(refreshed.size(), 1);
    }

    void persistentRefusalGivesUpAfterOneRetry()
    {
        FeedbackServer::Submission forbidden;
        forbidden.forbidden = true;
        m_handler->submissions.insert(QStringLiteral("s4"), forbidden);
        feedback::ScreenshotFetcher fetcher(m_client.get());
        const auto results = fetchAll(fetcher, {{seen(QStringLiteral("s4")), 1}});
        const auto &result = results.first();
        QVERIFY(!result.ok());
        QVERIFY(result.bytes.isEmpty());
        QCOMPARE(result.index, 1);
        QVERIFY2(result.errorString.contains(QStringLiteral("403")), qPrintable(result.errorString));
        QVERIFY2(result.errorString.contains(QStringLiteral("Request has expired")),
                 qPrintable(result.errorString));
        QCOMPARE(m_handler->imageRequests, 2);
        QCOMPARE(m_handler->submissionRequests, 1);
    }

    void deletedSubmission()
    {
        m_handler->submissions.insert(QStringLiteral("s5"), {});
        const auto stale = seen(QStringLiteral("s5"), -1);
        m_handler->submissions[QStringLiteral("s5")].deleted = true;
        feedback::ScreenshotFetcher fetcher(m_client.get());
        const auto results = fetchAll(fetcher, {{stale, 0}});
        QVERIFY(!results.first().ok());
        QVERIFY2(results.first().errorString.contains(QStringLiteral("deleted")),
                 qPrintable(results.first().errorString));
        QCOMPARE(m_handler->imageRequests, 0);
    }

    void nonImagesAndMislabelledImages()
    {
        FeedbackServer::Submission html;
        html.html = true;
        FeedbackServer::Submission mislabelled;
        mislabelled.mislabelled = true;
        m_handler->submissions.insert(QStringLiteral("html"), html);
        m_handler->submissions.insert(QStringLiteral("mis"), mislabelled);
        feedback::ScreenshotFetcher fetcher(m_client.get());
        const auto results =
            fetchAll(fetcher, {{seen(QStringLiteral("html")), 0}, {seen(QStringLiteral("mis")), 0}});
        for (const auto &result : results) {
            if (result.submissionId == QLatin1String("html")) {
                QVERIFY(!result.ok());
                QVERIFY2(result.errorString.contains(QStringLiteral("text/html")),
                         qPrintable(result.errorString));
            } else {
                QVERIFY(result.ok());
                QCOMPARE(result.suffix, QStringLiteral("jpg")); // the bytes win over the label
            }
        }
        // An index the submission does not have is an error, reported asynchronously.
        bool called = false;
        QString error;
        fetcher.fetch(seen(QStringLiteral("mis")), 7, this, [&](const feedback::ScreenshotResult &result) {
            called = true;
            error = result.errorString;
        });
        QVERIFY(!called);
        QTRY_VERIFY(called);
        QVERIFY(error.contains(QStringLiteral("no screenshot 8")));
    }

    void concurrencyIsBoundedAndDuplicatesCoalesce()
    {
        m_handler->imageDelayMs = 40;
        QList<std::pair<api::FeedbackSubmission, int>> wanted;
        for (int i = 0; i < 15; ++i) {
            const QString id = QStringLiteral("grid-%1").arg(i);
            m_handler->submissions.insert(id, {});
            const auto item = seen(id);
            wanted.append({item, 0});
            wanted.append({item, 1});
        }
        wanted.append(wanted.first()); // asked twice: one download, two callbacks
        feedback::ScreenshotFetcher fetcher(m_client.get());
        fetcher.setMaxConcurrent(3);
        int maxActive = 0;
        QList<feedback::ScreenshotResult> results;
        for (const auto &[submission, index] : wanted) {
            fetcher.fetch(submission, index, this, [&](const feedback::ScreenshotResult &result) {
                results.append(result);
                maxActive = std::max(maxActive, fetcher.activeCount());
            });
        }
        QCOMPARE(fetcher.activeCount(), 3);
        QCOMPARE(fetcher.queuedCount(), 27);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), wanted.size(), 20000);
        for (const auto &result : results)
            QVERIFY2(result.ok(), qPrintable(result.errorString));
        QCOMPARE(m_handler->imageRequests, 30);
        QCOMPARE(fetcher.downloadCount(), 30);
        QVERIFY2(m_handler->maxInFlight <= 3, qPrintable(QString::number(m_handler->maxInFlight)));
        QVERIFY(m_handler->maxInFlight >= 2);
        QVERIFY(maxActive <= 3);
        QCOMPARE(fetcher.activeCount(), 0);
        QCOMPARE(fetcher.queuedCount(), 0);
    }

    void goneContextsAreSkipped()
    {
        m_handler->imageDelayMs = 30;
        for (int i = 0; i < 6; ++i)
            m_handler->submissions.insert(QStringLiteral("v%1").arg(i), {});
        feedback::ScreenshotFetcher fetcher(m_client.get());
        fetcher.setMaxConcurrent(1);
        int goneCalls = 0;
        int liveCalls = 0;
        {
            QObject view;
            for (int i = 0; i < 5; ++i)
                fetcher.fetch(seen(QStringLiteral("v%1").arg(i)), 0, &view,
                              [&](const feedback::ScreenshotResult &) { ++goneCalls; });
        }
        // A view that scrolled away cancels explicitly; its queued downloads are dropped.
        QObject other;
        fetcher.fetch(seen(QStringLiteral("v5")), 0, &other,
                      [&](const feedback::ScreenshotResult &) { ++liveCalls; });
        fetcher.fetch(seen(QStringLiteral("v5")), 1, &other,
                      [&](const feedback::ScreenshotResult &) { ++liveCalls; });
        fetcher.cancelPending(&other);
        QObject last;
        fetcher.fetch(seen(QStringLiteral("v4")), 1, &last,
                      [&](const feedback::ScreenshotResult &) { ++liveCalls; });
        QTRY_COMPARE(liveCalls, 1);
        QTest::qWait(100);
        QCOMPARE(goneCalls, 0);
        QCOMPARE(liveCalls, 1);
        // Only the first download (already running when its view went away) and the live one were sent.
        QCOMPARE(m_handler->imageRequests, 2);
    }

    void expiredLinksOfTheSimulator()
    {
        testing::SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("--screenshot-url-ttl-seconds"), QStringLiteral("2"),
                           QStringLiteral("--feedback-screenshots"), QStringLiteral("4"),
                           QStringLiteral("--feedback-crashes"), QStringLiteral("1")}));
        const auto wait = [](api::ApiReply *reply) {
            api::waitForFinished(reply, 20000);
            reply->deleteLater();
            return reply;
        };
        // The demo seed's first app (Trailhead) carries the requested feedback.
        const QString bundleId = QStringLiteral("com.ascend.demo.trailhead");
        api::ApiReply *apps = wait(sim.client()->send(api::findAppByBundleId(bundleId)));
        QVERIFY(apps->ok());
        const auto app = api::appWithBundleId(apps->document(), bundleId);
        QVERIFY(app);
        const QString appId = app->id;
        api::ApiReply *page =
            wait(sim.client()->send(api::listFeedback(appId, api::FeedbackKind::Screenshot)));
        QVERIFY2(page->ok(), qPrintable(page->error().message()));
        const auto items = api::FeedbackSubmission::fromDocument(page->document());
        QCOMPARE(items.size(), 4);
        const api::FeedbackSubmission listed = items.first();
        QVERIFY(!listed.screenshots.isEmpty());
        QVERIFY(!listed.testerName.isEmpty());

        // Wait out the link's lifetime; the simulator then refuses it.
        QTest::qWait(2600);
        api::ApiReply *stale =
            wait(sim.client()->send(api::downloadScreenshot(listed.screenshots.first().url)));
        QCOMPARE(stale->httpStatus(), 403);
        QVERIFY(stale->rawBody().contains("AccessDenied"));

        feedback::ScreenshotFetcher fetcher(sim.client());
        QSignalSpy refreshed(&fetcher, &feedback::ScreenshotFetcher::submissionRefreshed);
        QList<feedback::ScreenshotResult> results;
        fetcher.fetch(listed, 0, this,
                      [&](const feedback::ScreenshotResult &result) { results.append(result); });
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 20000);
        QVERIFY2(results.first().ok(), qPrintable(results.first().errorString));
        QCOMPARE(fetcher.refetchCount(), 1);
        QCOMPARE(fetcher.downloadCount(), 1); // expired by date: the stale link was not even tried
        QCOMPARE(refreshed.size(), 1);
        const QImage image = QImage::fromData(results.first().bytes);
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), listed.screenshots.first().width);
        QCOMPARE(image.height(), listed.screenshots.first().height);
        const auto fresh = refreshed.first().first().value<api::FeedbackSubmission>();
        QVERIFY(fresh.screenshots.first().url != listed.screenshots.first().url);
        QCOMPARE(fresh.testerName, listed.testerName);

        // A link the server refuses although its date looks fine (a skewed clock): 403, re-fetch, one retry.
        QTest::qWait(2600);
        api::FeedbackSubmission skewed = fresh;
        skewed.screenshots.first().expirationDate = QDateTime::currentDateTimeUtc().addSecs(3600);
        feedback::ScreenshotFetcher second(sim.client());
        results.clear();
        second.fetch(skewed, 0, this,
                     [&](const feedback::ScreenshotResult &result) { results.append(result); });
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 20000);
        QVERIFY2(results.first().ok(), qPrintable(results.first().errorString));
        QCOMPARE(second.downloadCount(), 2);
        QCOMPARE(second.refetchCount(), 1);
        QVERIFY(!QImage::fromData(results.first().bytes).isNull());
    }
};

QTEST_MAIN(TestScreenshotFetcher)
#include "tst_screenshotfetcher.moc"

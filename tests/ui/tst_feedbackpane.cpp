// The Feedback pane against a real ascend-sim on loopback (demo seed, offscreen): the grid fills with both
// kinds newest first from one page per kind, thumbnails arrive, filters narrow with counts, selecting shows
// the detail (facts, the screenshot, the crash log) and marks read, triage survives a new pane on the same
// database, delete removes (and a failed delete keeps the item and shows the server's error), a live event
// inserts just that submission, and an expired screenshot URL is renewed transparently.
// Screenshots of the pane go to /tmp (or ASCEND_SCREENSHOT_DIR).

#include "core/api/apiclient.h"
#include "core/api/apireply.h"
#include "core/api/apps.h"
#include "core/api/betafeedback.h"
#include "core/feedback/screenshotfetcher.h"
#include "core/session/session.h"
#include "core/session/simulatorprocess.h"
#include "models/applistloader.h"
#include "models/feedbackfiltermodel.h"
#include "models/feedbackloader.h"
#include "models/feedbackmodel.h"
#include "ui/crashlogviewer.h"
#include "ui/emptystatewidget.h"
#include "ui/feedbackdetailpanel.h"
#include "ui/feedbackfilterbar.h"
#include "ui/feedbackpane.h"
#include "ui/messagebanner.h"
#include "ui/screenshotviewer.h"
#include "ui/thumbnailcache.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>

using namespace ascend;
using api::FeedbackKind;
using models::FeedbackFilterModel;
using models::FeedbackModel;

namespace {

QString shotPath(const QString &name)
{
    const QString dir = qEnvironmentVariable("ASCEND_SCREENSHOT_DIR", QStringLiteral("/tmp"));
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
}

struct Sim {
    session::SimulatorProcess process;
    std::unique_ptr<session::Session> session;
    api::App app;

    bool start(const QStringList &arguments)
    {
        process.setExecutable(QStringLiteral(ASCEND_SIM_BINARY));
        process.setExtraArguments(arguments);
        QString error;
        if (!process.startAndWait(30000, &error)) {
            qWarning("simulator: %s", qPrintable(error));
            return false;
        }
        session = session::Session::create(process.connectionInfo(), &error);
        if (!session)
            return false;
        api::RetryPolicy fast;
        fast.baseDelay = api::Milliseconds(10);
        fast.maxDelay = api::Milliseconds(50);
        session->client()->setRetryPolicy(fast);
        // The app the simulator seeded with feedback: the one with the most submissions.
        std::unique_ptr<api::ApiReply> reply(session->client()->send(models::AppListLoader::request()));
        if (!api::waitForFinished(reply.get(), 20000) || !reply->ok() ||
            reply->document().resources().isEmpty())
            return false;
        qint64 most = -1;
        for (const auto &resource : reply->document().resources()) {
            api::Query query;
            query.limit(1);
            std::unique_ptr<api::ApiReply> count(session->client()->send(
                api::listFeedback(resource.id, api::FeedbackKind::Screenshot, query)));
            api::waitForFinished(count.get(), 20000);
            const auto paging = count->document().paging();
            const qint64 total = paging && paging->total ? *paging->total : 0;
            if (total > most) {
                most = total;
                app = *api::App::fromResource(resource);
            }
        }
        return true;
    }
};

} // namespace

class TestFeedbackPane : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Sim m_sim;
    int m_screenshots = 0;
    int m_crashes = 0;

    std::unique_ptr<api::ApiReply> call(const api::ApiRequest &request)
    {
        std::unique_ptr<api::ApiReply> reply(m_sim.session->client()->send(request));
        api::waitForFinished(reply.get(), 20000);
        return reply;
    }

    std::unique_ptr<ui::FeedbackPane> openPane(Sim &sim, const QString &triagePath = {})
    {
        auto pane = std::make_unique<ui::FeedbackPane>();
        pane->resize(1400, 900);
        pane->setConfirmHandler([](const QString &, const QString &) { return true; });
        pane->setTriageDatabasePath(triagePath.isEmpty() ? m_dir.filePath(QStringLiteral("triage.sqlite"))
                                                         : triagePath);
        pane->setThumbnailCacheDirectory(m_dir.filePath(QStringLiteral("thumbs")));
        pane->setViewMode(ui::FeedbackPane::ViewMode::Grid);
        QSignalSpy loaded(pane.get(), &ui::FeedbackPane::loaded);
        pane->setSession(sim.session.get());
        pane->setCurrentApp(&sim.app);
        if (!loaded.wait(30000))
            return nullptr;
        pane->show();
        pane->activateWindow();
        if (!QTest::qWaitForWindowExposed(pane.get()))
            return nullptr;
        QTest::qWait(150); // the filter counts follow a moment later
        return pane;
    }

    int rowOfKind(ui::FeedbackPane &pane, FeedbackKind kind, int skip = 0)
    {
        for (int row = 0; row < pane.filterModel()->rowCount(); ++row)
            if (pane.filterModel()->index(row, 0).data(FeedbackModel::KindRole).toInt() == int(kind) &&
                skip-- == 0)
                return row;
        return -1;
    }

    QString idAt(ui::FeedbackPane &pane, int row)
    {
        return pane.filterModel()->index(row, 0).data(FeedbackModel::IdRole).toString();
    }

    void clickCard(ui::FeedbackPane &pane, int row)
    {
        const QModelIndex index = pane.filterModel()->index(row, 0);
        pane.gridView()->scrollTo(index);
        QTRY_VERIFY(
            pane.gridView()->viewport()->rect().contains(pane.gridView()->visualRect(index).center()));
        QTest::mouseClick(pane.gridView()->viewport(), Qt::LeftButton, {},
                          pane.gridView()->visualRect(index).center());
    }

    // Waits until the thumbnails of the cards in view are painted.
    bool waitForVisibleThumbnails(ui::FeedbackPane &pane)
    {
        QListView *grid = pane.gridView();
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 20000) {
            bool all = true;
            for (int row = 0; row < pane.filterModel()->rowCount(); ++row) {
                const QModelIndex index = pane.filterModel()->index(row, 0);
                if (!grid->viewport()->rect().intersects(grid->visualRect(index)))
                    continue;
                const auto *item = pane.filterModel()->submission(index);
                if (item->kind == FeedbackKind::Screenshot && !item->screenshots.isEmpty() &&
                    !pane.thumbnails()->contains(item->id) &&
                    pane.thumbnails()->errorString(item->id).isEmpty())
                    all = false;
            }
            if (all)
                return true;
            grid->viewport()->update();
            QTest::qWait(50);
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        qputenv("ASCEND_CONFIG_DIR", m_dir.filePath(QStringLiteral("config")).toUtf8());
        qputenv("ASCEND_SECRET_STORE", "file");
        QVERIFY(m_sim.start({}));
        for (FeedbackKind kind : {FeedbackKind::Screenshot, FeedbackKind::Crash}) {
            api::Query query;
            query.limit(1);
            auto reply = call(api::listFeedback(m_sim.app.id, kind, query));
            QVERIFY2(reply->ok(), qPrintable(reply->error().message()));
            const auto paging = reply->document().paging();
            QVERIFY(paging && paging->total);
            const int total = int(*paging->total);
            (kind == FeedbackKind::Screenshot ? m_screenshots : m_crashes) = total;
        }
        // The demo seed: at least 60 screenshots and 20 crashes for the first app.
        QVERIFY2(m_screenshots >= 60 && m_crashes >= 20,
                 qPrintable(QStringLiteral("%1/%2").arg(m_screenshots).arg(m_crashes)));
    }

    void emptyStatesBeforeAnApp()
    {
        ui::FeedbackPane pane;
        QVERIFY(!pane.isShowingContent());
        QVERIFY(
            pane.emptyState()->note().startsWith(QStringLiteral("Connect to an App Store Connect account")));
        pane.setSession(m_sim.session.get());
        QVERIFY(!pane.isShowingContent());
        QCOMPARE(pane.emptyState()->note(), QStringLiteral("Choose an app to see its feedback."));
    }

    void noFeedbackYetSaysSo()
    {
        Sim empty;
        QVERIFY(empty.start({QStringLiteral("--seed"), QStringLiteral("empty"),
                             QStringLiteral("--builds-count"), QStringLiteral("2")}));
        ui::FeedbackPane pane;
        pane.setTriageDatabasePath(m_dir.filePath(QStringLiteral("empty.sqlite")));
        QSignalSpy loaded(&pane, &ui::FeedbackPane::loaded);
        pane.setSession(empty.session.get());
        pane.setCurrentApp(&empty.app);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(pane.model()->rowCount(), 0);
        QVERIFY(!pane.isShowingContent());
        QCOMPARE(pane.emptyState()->title(), QStringLiteral("No feedback yet"));
        QVERIFY(pane.emptyState()->text().contains(empty.app.name));
        pane.setSession(nullptr);
        QVERIFY(
            pane.emptyState()->note().startsWith(QStringLiteral("Connect to an App Store Connect account")));
    }

    void gridFillsNewestFirstFromOnePagePerKind()
    {
        ui::FeedbackPane pane;
        pane.resize(1400, 900);
        pane.setTriageDatabasePath(m_dir.filePath(QStringLiteral("fill.sqlite")));
        pane.setThumbnailCacheDirectory(m_dir.filePath(QStringLiteral("fill-thumbs")));
        QSignalSpy first(&pane, &ui::FeedbackPane::firstItemsShown);
        QSignalSpy loaded(&pane, &ui::FeedbackPane::loaded);
        m_sim.session->client()->resetRequestCount();
        pane.setSession(m_sim.session.get());
        pane.setCurrentApp(&m_sim.app);
        QVERIFY(pane.isLoading());
        QVERIFY(loaded.wait(30000));
        QCOMPARE(first.size(), 1);
        // One page per kind (both fit in limit=200), nothing per item.
        QCOMPARE(pane.loader()->pageCount(), 2);
        QCOMPARE(m_sim.session->client()->requestCount(), 2);
        QCOMPARE(pane.model()->rowCount(), m_screenshots + m_crashes);
        QVERIFY(pane.isShowingContent());
        QVERIFY(pane.banner()->isHidden());
        for (int row = 1; row < pane.model()->rowCount(); ++row)
            QVERIFY(pane.model()->submission(row - 1)->createdDate >=
                    pane.model()->submission(row)->createdDate);
        QVERIFY(rowOfKind(pane, FeedbackKind::Screenshot) >= 0);
        QVERIFY(rowOfKind(pane, FeedbackKind::Crash) >= 0);
        // Included build and tester names are there.
        const auto *item = pane.model()->submission(0);
        QVERIFY(!item->buildVersion.isEmpty());
        QVERIFY(!item->testerName.isEmpty());
        QVERIFY2(pane.countLabel()->text().contains(QLocale().toString(m_screenshots + m_crashes)),
                 qPrintable(pane.countLabel()->text()));

        // Showing the grid loads the visible thumbnails only (decoded off the GUI thread).
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QVERIFY(waitForVisibleThumbnails(pane));
        const ui::ThumbnailStats stats = pane.thumbnails()->stats();
        QVERIFY(stats.decoded > 0);
        QVERIFY2(stats.decoded < m_screenshots, qPrintable(QString::number(stats.decoded)));
        QCOMPARE(stats.failed, 0);
        QCOMPARE(pane.gridView()->viewMode(), QListView::IconMode);
        // Thumbnails went to the disk cache, keyed by submission id.
        const QStringList files = QDir(m_dir.filePath(QStringLiteral("fill-thumbs"))).entryList({"*.thumb"});
        QVERIFY(files.size() >= stats.decoded);

        // The list shows the same rows with their columns.
        pane.setViewMode(ui::FeedbackPane::ViewMode::List);
        QVERIFY(pane.listView()->isVisible());
        QCOMPARE(pane.listView()->model()->rowCount(), pane.model()->rowCount());
        QCOMPARE(pane.listView()->model()->headerData(FeedbackModel::DeviceModel, Qt::Horizontal).toString(),
                 QStringLiteral("Device"));
        pane.setViewMode(ui::FeedbackPane::ViewMode::Grid);
    }

    void filtersNarrowWithCounts()
    {
        auto pane = openPane(m_sim);
        QVERIFY(pane);
        ui::FeedbackFilterBar *bar = pane->filterBar();
        QComboBox *kind = bar->combo(FeedbackFilterModel::KindFacet);
        QTRY_COMPARE(kind->count(), 3);
        QCOMPARE(kind->itemText(1), QStringLiteral("Screenshot (%1)").arg(m_screenshots));
        QCOMPARE(kind->itemText(2), QStringLiteral("Crash (%1)").arg(m_crashes));
        QVERIFY(kind->accessibleName().contains(QStringLiteral("kind")));

        // Crashes only.
        QSignalSpy counts(pane->filterModel(), &FeedbackFilterModel::countsChanged);
        kind->setCurrentIndex(2);
        emit kind->activated(2);
        QVERIFY(counts.wait(2000));
        QCOMPARE(pane->filterModel()->rowCount(), m_crashes);
        QTRY_VERIFY(pane->countLabel()->text().startsWith(QStringLiteral("%1 of").arg(m_crashes)));

        // A device among them: the combo's count is exactly what it shows.
        QComboBox *device = bar->combo(FeedbackFilterModel::DeviceFacet);
        QTRY_VERIFY(device->count() > 1);
        int pick = -1;
        int expected = 0;
        for (int i = 1; i < device->count(); ++i) {
            const QString text = device->itemText(i);
            const int count = text.section(QLatin1Char('('), -1).chopped(1).remove(QLatin1Char(',')).toInt();
            if (count > 0) {
                pick = i;
                expected = count;
                break;
            }
        }
        QVERIFY(pick > 0);
        const QString model = device->itemData(pick).toString();
        QVERIFY(bar->selectValue(FeedbackFilterModel::DeviceFacet, model));
        QCOMPARE(pane->filterModel()->rowCount(), expected);
        for (int row = 0; row < pane->filterModel()->rowCount(); ++row) {
            const QModelIndex index = pane->filterModel()->index(row, 0);
            QCOMPARE(index.data(FeedbackModel::DeviceModelRole).toString(), model);
            QCOMPARE(index.data(FeedbackModel::KindRole).toInt(), int(FeedbackKind::Crash));
        }

        // Search over comments: type a word from one comment.
        bar->clearButton()->click();
        QCOMPARE(pane->filterModel()->rowCount(), m_screenshots + m_crashes);
        QString word;
        for (const auto &item : pane->model()->items()) {
            const QStringList words = item.comment.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            for (const QString &w : words)
                if (w.size() >= 6 && w.at(0).isLetter()) {
                    word = w;
                    break;
                }
            if (!word.isEmpty())
                break;
        }
        QVERIFY(!word.isEmpty());
        QTest::keyClicks(bar->searchField(), word.toUpper());
        QTRY_VERIFY(pane->filterModel()->rowCount() < m_screenshots + m_crashes);
        QVERIFY(pane->filterModel()->rowCount() > 0);
        for (int row = 0; row < pane->filterModel()->rowCount(); ++row)
            QVERIFY(pane->filterModel()
                        ->index(row, 0)
                        .data(FeedbackModel::CommentRole)
                        .toString()
                        .contains(word, Qt::CaseInsensitive));

        // A filter that leaves nothing shows the "no matches" state with a way out.
        bar->searchField()->setText(QStringLiteral("zzzz-no-such-comment"));
        QTRY_COMPARE(pane->filterModel()->rowCount(), 0);
        QWidget *noMatches = pane->findChild<QWidget *>(QStringLiteral("feedbackNoMatches"));
        QTRY_VERIFY(noMatches->isVisible());
        pane->findChild<QPushButton *>(QStringLiteral("feedbackNoMatchesClear"))->click();
        QCOMPARE(pane->filterModel()->rowCount(), m_screenshots + m_crashes);
        QVERIFY(bar->searchField()->text().isEmpty());
        QVERIFY(pane->gridView()->isVisible());
    }

    void selectingShowsTheDetailAndMarksRead()
    {
        auto pane = openPane(m_sim, m_dir.filePath(QStringLiteral("detail.sqlite")));
        QVERIFY(pane);
        const int unreadBefore = pane->model()->unreadCount();
        QCOMPARE(unreadBefore, m_screenshots + m_crashes);

        // A screenshot: facts, the image in the viewer.
        // A screenshot from a phone (with a battery), not the first.
        int shotRow = -1;
        for (int skip = 1;
             shotRow < 0 ||
             !pane->filterModel()->submission(pane->filterModel()->index(shotRow, 0))->batteryPercentage;
             ++skip)
            shotRow = rowOfKind(*pane, FeedbackKind::Screenshot, skip);
        const QString shotId = idAt(*pane, shotRow);
        clickCard(*pane, shotRow);
        QCOMPARE(pane->selectedIds(), QStringList{shotId});
        const auto *shot = pane->model()->submissionById(shotId);
        ui::FeedbackDetailPanel *detail = pane->detailPanel();
        QCOMPARE(detail->submissionId(), shotId);
        QCOMPARE(detail->headline(), QStringLiteral("Screenshot from %1").arg(shot->testerDisplayName()));
        if (!shot->comment.trimmed().isEmpty())
            QCOMPARE(detail->commentText(), shot->comment.trimmed());
        QCOMPARE(detail->factText(QStringLiteral("Battery")),
                 shot->batteryPercentage ? QStringLiteral("%1%").arg(*shot->batteryPercentage) : QString());
        QVERIFY(detail->factText(QStringLiteral("Device")).startsWith(shot->deviceModel));
        for (const QString &label :
             {QStringLiteral("OS"), QStringLiteral("Connection"), QStringLiteral("Disk"),
              QStringLiteral("App uptime"), QStringLiteral("Screen"), QStringLiteral("Locale"),
              QStringLiteral("Time zone")})
            QVERIFY2(!detail->factText(label).isEmpty(), qPrintable(label));
        ui::ScreenshotViewer *viewer = detail->screenshotViewer();
        QVERIFY(viewer->isVisible());
        QCOMPARE(viewer->imageCount(), int(shot->screenshots.size()));
        QTRY_VERIFY_WITH_TIMEOUT(viewer->isLoaded(0), 20000);
        QVERIFY(viewer->errorText(0).isEmpty());
        // Read now, and the unread count follows.
        QVERIFY(pane->model()->isRead(shotId));
        QCOMPARE(pane->model()->unreadCount(), unreadBefore - 1);
        QVERIFY(waitForVisibleThumbnails(*pane));
        QVERIFY(pane->grab().save(shotPath(QStringLiteral("feedback-pane-screenshot.png"))));

        // A crash: its log in the crash-log viewer.
        const int crashRow = rowOfKind(*pane, FeedbackKind::Crash, 1);
        const QString crashId = idAt(*pane, crashRow);
        QSignalSpy logShown(pane.get(), &ui::FeedbackPane::crashLogShown);
        clickCard(*pane, crashRow);
        QVERIFY(logShown.wait(20000));
        QCOMPARE(logShown.first().first().toString(), crashId);
        ui::CrashLogViewer *log = detail->crashLogViewer();
        QVERIFY(log->isVisible());
        QVERIFY(log->log().contains(QStringLiteral("Exception Type")));
        QCOMPARE(detail->headline().left(11), QStringLiteral("Crash from "));
        QVERIFY(waitForVisibleThumbnails(*pane));
        QVERIFY(pane->grab().save(shotPath(QStringLiteral("feedback-pane-crash.png"))));

        // Several selected: the detail says how many; Copy as Text copies them all.
        pane->gridView()->selectionModel()->select(pane->filterModel()->index(shotRow, 0),
                                                   QItemSelectionModel::Select);
        QCOMPARE(pane->selectedIds().size(), 2);
        QVERIFY(!detail->isShowingSubmission());
        pane->copyButton()->click();
        const QString copied = QGuiApplication::clipboard()->text();
        QVERIFY2(copied.contains(shotId) && copied.contains(crashId), qPrintable(copied.left(400)));

        // The list view shows the same selection.
        pane->setViewMode(ui::FeedbackPane::ViewMode::List);
        QCOMPARE(pane->selectedIds().size(), 2);
        QVERIFY(pane->grab().save(shotPath(QStringLiteral("feedback-pane-list.png"))));
    }

    void triagePersistsAcrossPanes()
    {
        const QString path = m_dir.filePath(QStringLiteral("persist.sqlite"));
        QString id;
        {
            auto pane = openPane(m_sim, path);
            QVERIFY(pane);
            id = idAt(*pane, 3);
            QVERIFY(pane->selectSubmission(id));
            QCOMPARE(pane->triageButton()->text(), QStringLiteral("Mark Triaged"));
            QSignalSpy done(pane.get(), &ui::FeedbackPane::actionFinished);
            pane->triageButton()->click();
            QCOMPARE(done.size(), 1);
            QVERIFY(done.first().first().toBool());
            QVERIFY(pane->model()->isTriaged(id));
            QCOMPARE(pane->triageButton()->text(), QStringLiteral("Mark Not Triaged"));
            // Selecting marked it read; Mark Unread takes that back.
            QVERIFY(pane->model()->isRead(id));
            pane->unreadButton()->click();
            QVERIFY(!pane->model()->isRead(id));
            // The state filter finds it.
            QVERIFY(pane->filterBar()->selectValue(FeedbackFilterModel::StateFacet,
                                                   FeedbackFilterModel::Triaged));
            QCOMPARE(pane->filterModel()->rowCount(), 1);
        }
        // A new pane (as after a restart) reads the same state back.
        auto again = openPane(m_sim, path);
        QVERIFY(again);
        QVERIFY(again->model()->isTriaged(id));
        QVERIFY(!again->model()->isRead(id));
        QCOMPARE(
            again->filterModel()->facetCount(FeedbackFilterModel::StateFacet, FeedbackFilterModel::Triaged),
            1);
    }

    void deleteRemovesAndAFailureKeepsTheItem()
    {
        auto pane = openPane(m_sim);
        QVERIFY(pane);
        const int total = pane->model()->rowCount();
        const int row = rowOfKind(*pane, FeedbackKind::Screenshot, 5);
        const QString id = idAt(*pane, row);
        const auto kind = FeedbackKind::Screenshot;
        bool asked = false;
        pane->setConfirmHandler([&asked](const QString &title, const QString &) {
            asked = title == QStringLiteral("Delete this feedback?");
            return true;
        });
        QVERIFY(pane->selectSubmission(id));
        QSignalSpy done(pane.get(), &ui::FeedbackPane::actionFinished);
        pane->deleteButton()->click();
        QVERIFY(asked);
        QVERIFY(done.wait(20000));
        QVERIFY(done.first().first().toBool());
        QCOMPARE(pane->model()->rowCount(), total - 1);
        QCOMPARE(pane->model()->rowOfId(id), -1);
        QVERIFY(pane->banner()->isHidden());
        auto gone = call(api::getFeedback(kind, id));
        QCOMPARE(gone->httpStatus(), 404);

        // Declining the confirmation sends nothing.
        const QString keep = idAt(*pane, 0);
        QVERIFY(pane->selectSubmission(keep));
        pane->setConfirmHandler([](const QString &, const QString &) { return false; });
        pane->deleteButton()->click();
        QVERIFY(pane->model()->rowOfId(keep) >= 0);

        // Deleted elsewhere meanwhile: the DELETE fails, the item stays, the server's answer is shown.
        const QString other = idAt(*pane, 1);
        const auto otherKind =
            FeedbackKind(pane->filterModel()->index(1, 0).data(FeedbackModel::KindRole).toInt());
        QVERIFY(call(api::deleteFeedback(otherKind, other))->ok());
        pane->setConfirmHandler([](const QString &, const QString &) { return true; });
        QVERIFY(pane->selectSubmission(other));
        done.clear();
        pane->deleteButton()->click();
        QVERIFY(done.wait(20000));
        QVERIFY(!done.first().first().toBool());
        QVERIFY(pane->model()->rowOfId(other) >= 0);
        QVERIFY(pane->banner()->isVisible());
        QVERIFY2(pane->banner()->title().startsWith(QStringLiteral("Could not delete 1 of 1")),
                 qPrintable(pane->banner()->title()));
        QVERIFY(!pane->banner()->detail().isEmpty());
    }

    void liveEventInsertsJustThatItem()
    {
        auto pane = openPane(m_sim);
        QVERIFY(pane);
        const int row = 4;
        const QString id = idAt(*pane, row);
        const auto kind =
            FeedbackKind(pane->filterModel()->index(row, 0).data(FeedbackModel::KindRole).toInt());
        // As if it had not been there when the list was read.
        QVERIFY(pane->model()->removeItem(id));
        m_sim.session->client()->resetRequestCount();
        QSignalSpy inserted(pane.get(), &ui::FeedbackPane::liveItemInserted);
        QSignalSpy notified(pane.get(), &ui::FeedbackPane::notificationRequested);
        pane->handleFeedbackCreated(kind, id);
        QVERIFY(inserted.wait(20000));
        QCOMPARE(inserted.first().first().toString(), id);
        QCOMPARE(m_sim.session->client()->requestCount(), 1); // that one submission
        QCOMPARE(pane->model()->rowOfId(id), row);
        const auto *item = pane->model()->submissionById(id);
        QVERIFY(!item->testerName.isEmpty()); // included
        QCOMPARE(notified.size(), 1);
        QVERIFY(notified.first().at(0).toString().contains(item->testerDisplayName()));
        QVERIFY(!notified.first().at(1).toString().isEmpty());
        // Known ones are not fetched again.
        pane->handleFeedbackCreated(kind, id);
        QTest::qWait(200);
        QCOMPARE(inserted.size(), 1);
    }

    void liveAndExpiredUrlsAgainstAFreshSimulator()
    {
        // New feedback every second, screenshot URLs that live two seconds.
        Sim sim;
        QVERIFY(sim.start({QStringLiteral("--feedback-every"), QStringLiteral("1"),
                           QStringLiteral("--screenshot-url-ttl-seconds"), QStringLiteral("2")}));
        auto pane = openPane(sim, m_dir.filePath(QStringLiteral("live.sqlite")));
        QVERIFY(pane);
        // Wait for a submission the pane has not seen and announce it as the webhook would.
        QString newId;
        FeedbackKind newKind = FeedbackKind::Screenshot;
        QElapsedTimer timer;
        timer.start();
        while (newId.isEmpty() && timer.elapsed() < 15000) {
            QTest::qWait(500);
            for (FeedbackKind kind : {FeedbackKind::Screenshot, FeedbackKind::Crash}) {
                api::Query query;
                query.sort(QStringLiteral("-createdDate")).limit(1);
                std::unique_ptr<api::ApiReply> reply(
                    sim.session->client()->send(api::listFeedback(sim.app.id, kind, query)));
                api::waitForFinished(reply.get(), 10000);
                const auto items = api::FeedbackSubmission::fromDocument(reply->document());
                if (!items.isEmpty() && pane->model()->rowOfId(items.first().id) < 0) {
                    newId = items.first().id;
                    newKind = kind;
                }
            }
        }
        QVERIFY(!newId.isEmpty());
        QSignalSpy inserted(pane.get(), &ui::FeedbackPane::liveItemInserted);
        pane->handleFeedbackCreated(newKind, newId);
        QVERIFY(inserted.wait(20000));
        QCOMPARE(pane->model()->rowOfId(newId), 0); // the newest

        // The URLs from the list have expired by now: opening a screenshot renews them transparently.
        QTest::qWait(2500);
        const int shotRow = rowOfKind(*pane, FeedbackKind::Screenshot, 3);
        const QString shotId = idAt(*pane, shotRow);
        const QUrl oldUrl = pane->model()->submissionById(shotId)->screenshots.first().url;
        clickCard(*pane, shotRow);
        ui::ScreenshotViewer *viewer = pane->detailPanel()->screenshotViewer();
        QTRY_VERIFY_WITH_TIMEOUT(viewer->isLoaded(0) || !viewer->errorText(0).isEmpty(), 20000);
        QVERIFY2(viewer->errorText(0).isEmpty(), qPrintable(viewer->errorText(0)));
        QVERIFY(pane->fetcher()->refetchCount() >= 1);
        QVERIFY(pane->model()->submissionById(shotId)->screenshots.first().url != oldUrl);
    }

    void exportWritesTheSelection()
    {
        auto pane = openPane(m_sim);
        QVERIFY(pane);
        QTemporaryDir out;
        pane->setDirectoryChooser([&out](const QString &) { return out.path(); });
        const int shotRow = rowOfKind(*pane, FeedbackKind::Screenshot);
        const int crashRow = rowOfKind(*pane, FeedbackKind::Crash);
        QVERIFY(pane->selectSubmission(idAt(*pane, shotRow)));
        pane->gridView()->selectionModel()->select(pane->filterModel()->index(crashRow, 0),
                                                   QItemSelectionModel::Select);
        std::optional<feedback::ExportResult> result;
        connect(pane.get(), &ui::FeedbackPane::exportFinished, this,
                [&result](const feedback::ExportResult &r) { result = r; });
        pane->exportSelected(feedback::ExportFormat::Markdown);
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
        QVERIFY2(result->errors.isEmpty(), qPrintable(result->errors.join(QLatin1Char('\n'))));
        QVERIFY(!result->cancelled);
        QVERIFY(QFileInfo::exists(out.filePath(idAt(*pane, shotRow) + QStringLiteral(".md"))));
        QVERIFY(QFileInfo::exists(out.filePath(idAt(*pane, crashRow) + QStringLiteral(".md"))));
        QVERIFY(pane->banner()->isVisible());
        QCOMPARE(pane->banner()->title(), QStringLiteral("Export finished"));
    }

    void thumbnailCacheIsBoundedAndKeyedBySubmission()
    {
        // The submissions with their screenshot URLs, straight from the simulator.
        auto reply = call(api::listFeedback(m_sim.app.id, FeedbackKind::Screenshot));
        QVERIFY(reply->ok());
        QList<api::FeedbackSubmission> items =
            api::FeedbackSubmission::fromDocument(reply->document()).mid(0, 12);
        QCOMPARE(items.size(), 12);
        QTemporaryDir disk;
        feedback::ScreenshotFetcher fetcher(m_sim.session->client());
        {
            ui::ThumbnailCache cache(&fetcher);
            cache.setDiskCacheDirectory(disk.path());
            cache.setThumbnailSize(QSize(400, 400));
            cache.setMemoryLimit(1024 * 1024); // room for about three 400x400 thumbnails
            QSignalSpy ready(&cache, &ui::ThumbnailCache::thumbnailReady);
            for (const auto &item : std::as_const(items))
                QVERIFY(cache.thumbnail(item).isNull()); // not there yet: loading starts
            QTRY_COMPARE_WITH_TIMEOUT(ready.size() + cache.stats().failed, 12, 30000);
            QCOMPARE(cache.stats().failed, 0);
            QCOMPARE(cache.stats().decoded, 12);
            QVERIFY(cache.stats().decodeMs >= 0);
            QVERIFY2(cache.memoryUsed() <= cache.memoryLimit(),
                     qPrintable(QString::number(cache.memoryUsed())));
            int kept = 0;
            QString keptId;
            for (const auto &item : std::as_const(items))
                if (cache.contains(item.id)) {
                    ++kept;
                    keptId = item.id;
                }
            QVERIFY2(kept >= 1 && kept <= 4, qPrintable(QString::number(kept))); // the others were pushed out
            const QPixmap last = cache.thumbnail(
                *std::find_if(items.cbegin(), items.cend(),
                              [&keptId](const api::FeedbackSubmission &i) { return i.id == keptId; }));
            QVERIFY(!last.isNull());
            QVERIFY(last.width() <= 400 && last.height() <= 400);
            QVERIFY(last.width() == 400 || last.height() == 400);
        }
        QCOMPARE(QDir(disk.path()).entryList({QStringLiteral("*.thumb")}).size(), 12);
        const int downloads = fetcher.downloadCount();

        // A new cache (a restart) finds them on disk, by submission id: even with URLs that no longer work.
        ui::ThumbnailCache again(&fetcher);
        again.setDiskCacheDirectory(disk.path());
        again.setThumbnailSize(QSize(400, 400));
        QSignalSpy ready(&again, &ui::ThumbnailCache::thumbnailReady);
        for (auto item : std::as_const(items)) {
            item.screenshots[0].url = QUrl(QStringLiteral("http://127.0.0.1:1/gone.png"));
            again.thumbnail(item);
        }
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 12, 20000);
        QCOMPARE(again.stats().fromDisk, 12);
        QCOMPARE(again.stats().decoded, 0);
        QCOMPARE(fetcher.downloadCount(), downloads);
        // Forgetting a submission (deleted) removes its files.
        again.forget(items.first().id);
        QVERIFY(!again.contains(items.first().id));
        QCOMPARE(QDir(disk.path()).entryList({QStringLiteral("*.thumb")}).size(), 11);
    }

    void keyboardAndAccessibility()
    {
        auto pane = openPane(m_sim);
        QVERIFY(pane);
        QVERIFY(QTest::qWaitForWindowActive(pane.get()));
        pane->focusSearch();
        QTRY_VERIFY(pane->filterBar()->searchField()->hasFocus());
        for (QWidget *control :
             {static_cast<QWidget *>(pane->gridView()), static_cast<QWidget *>(pane->listView()),
              static_cast<QWidget *>(pane->deleteButton()), static_cast<QWidget *>(pane->gridButton()),
              static_cast<QWidget *>(pane->filterBar()->searchField())})
            QVERIFY2(!control->accessibleName().isEmpty(), control->objectName().toUtf8());
        // Arrow keys move through the grid, and the detail follows.
        pane->gridView()->setFocus();
        QVERIFY(pane->selectSubmission(idAt(*pane, 0)));
        QTest::keyClick(pane->gridView(), Qt::Key_Right);
        QCOMPARE(pane->selectedIds(), QStringList{idAt(*pane, 1)});
        QCOMPARE(pane->detailPanel()->submissionId(), idAt(*pane, 1));
    }
};

QTEST_MAIN(TestFeedbackPane)
#include "tst_feedbackpane.moc"

#pragma once
// The TestFlight pane: the builds of the selected app as a version → builds tree with the selected build's
// panel below it (What to Test, review, notify, expire), and beside it the app's beta groups over the testers
// of the selected group. Builds are dragged onto a group (or sent with "Add to group…"). The view loads with
// few requests (see core/api/testflightviews.h); builds under Beta App Review are refreshed until decided.

#include "core/api/testflightviews.h"
#include "ui/panewidget.h"

#include <QPointer>
#include <QTimer>
#include <functional>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableView;
class QTreeView;

namespace ascend::api {
class ApiReply;
class Pager;
struct ApiRequest;
} // namespace ascend::api
namespace ascend::models {
class TestFlightBuildModel;
class TestFlightGroupModel;
class TestFlightTesterModel;
} // namespace ascend::models

namespace ascend::ui {

class EmptyStateWidget;
class TestFlightBuildPanel;

class TestFlightPane : public PaneWidget {
    Q_OBJECT
public:
    explicit TestFlightPane(QWidget *parent = nullptr);
    ~TestFlightPane() override;

    void setSession(session::Session *session) override;
    void setCurrentApp(const api::App *app) override;
    // F5: loads builds and groups again. Ctrl+F: the build list takes the focus (there is no search).
    void refresh() override { reload(); }
    void focusSearch() override;

    // Asks before destructive actions; tests replace it. Returns true to go ahead.
    using Confirm = std::function<bool(const QString &title, const QString &text)>;
    void setConfirmHandler(Confirm confirm) { m_confirm = std::move(confirm); }

    models::TestFlightBuildModel *buildModel() const { return m_builds; }
    models::TestFlightGroupModel *groupModel() const { return m_groups; }
    models::TestFlightTesterModel *testerModel() const { return m_testers; }
    QTreeView *buildView() const { return m_buildView; }
    QTableView *groupView() const { return m_groupView; }
    QTableView *testerView() const { return m_testerView; }
    TestFlightBuildPanel *buildPanel() const { return m_panel; }
    bool isLoading() const { return m_loading > 0; }
    bool isBusy() const { return m_inFlight > 0; }
    QString messageText() const;
    EmptyStateWidget *emptyState() const { return m_emptyState; }
    bool isShowingContent() const;
    QPushButton *cancelLoadButton() const { return m_cancelLoad; }

public slots:
    void reload();
    // Stops loading builds, groups and testers; what arrived so far is dropped.
    void cancelLoading();
    void selectBuild(const QString &buildId);
    void selectGroup(const QString &groupId);
    void assignBuilds(const QString &groupId, const QStringList &buildIds);
    void removeSelectedBuildFromGroup();
    void saveWhatToTest(const QString &locale, const QString &text);
    void submitSelectedBuild();
    void setAutoNotify(bool enabled);
    void notifySelectedBuild();
    void expireSelectedBuild();
    void createGroup();
    void renameSelectedGroup();
    void deleteSelectedGroup();
    void addTester();
    void removeSelectedTesters();
    void inviteSelectedTesters();
    void importTesters(const QString &path = {});
    void exportTesters(const QString &path = {});
    // Re-reads these builds (one request) and updates their rows.
    void refreshBuilds(const QStringList &buildIds);

signals:
    void loaded();        // builds and groups are shown
    void testersLoaded(); // the selected group's testers are all in
    void actionFinished(bool ok);

private:
    QWidget *buildBuildsSide();
    QWidget *buildGroupsSide();
    // Sends one call; onSuccess runs with the reply when it succeeds, errors go to the message line.
    void send(const api::ApiRequest &request, const QString &what,
              std::function<void(api::ApiReply *)> onSuccess);
    void showMessage(const QString &text, bool error);
    void updateBusy();
    void populateGroupControls();
    void loadTesters();
    void schedulePolling();
    void checkForNewBuilds();
    void addToGroupChooser();
    const api::TestFlightBuild *selectedBuild() const;
    void selectFirstUsableBuild();
    const api::TestFlightGroup *selectedGroup() const;
    void applyGroupChange(const api::BetaGroupFields &fields, const QString &what);

    QString m_appId;
    QString m_selectedBuildId;
    QString m_selectedGroupId;
    models::TestFlightBuildModel *m_builds;
    models::TestFlightGroupModel *m_groups;
    models::TestFlightTesterModel *m_testers;
    QTreeView *m_buildView = nullptr;
    QTableView *m_groupView = nullptr;
    QTableView *m_testerView = nullptr;
    TestFlightBuildPanel *m_panel = nullptr;
    QLabel *m_message = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyStateWidget *m_emptyState = nullptr;
    QWidget *m_content = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_cancelLoad = nullptr;
    QLabel *m_testersTitle = nullptr;
    QCheckBox *m_publicLink = nullptr;
    QSpinBox *m_publicLinkLimit = nullptr;
    QCheckBox *m_feedback = nullptr;
    QList<QPushButton *> m_groupButtons;
    QList<QPushButton *> m_testerButtons;
    QPointer<api::Pager> m_buildPager;
    QPointer<api::Pager> m_groupPager;
    QPointer<api::Pager> m_testerPager;
    QTimer m_pollTimer;
    QTimer m_newBuildTimer; // notices builds that appear after an upload
    Confirm m_confirm;
    int m_loading = 0;
    int m_inFlight = 0;
    quint64 m_generation = 0; // bumps on app/session change so stale answers are ignored
};

} // namespace ascend::ui

#include "ui/testflightpane.h"

#include "core/api/apiclient.h"
#include "core/api/apireply.h"
#include "core/api/apps.h"
#include "core/api/betaappreviewsubmissions.h"
#include "core/api/betabuildlocalizations.h"
#include "core/api/betagroups.h"
#include "core/api/betatesters.h"
#include "core/api/buildbetadetails.h"
#include "core/api/buildbetanotifications.h"
#include "core/api/buildupdates.h"
#include "core/api/pager.h"
#include "core/api/testercsv.h"
#include "core/session/session.h"
#include "models/testflightbuildmodel.h"
#include "models/testflightgroupmodel.h"
#include "models/testflighttestermodel.h"
#include "ui/emptystatewidget.h"
#include "ui/testerimportdialog.h"
#include "ui/testflightbuildpanel.h"
#include "ui/theme.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace ascend::ui {

namespace {

constexpr int kPollMs = 2000;
constexpr int kNewBuildCheckMs = 30000; // one small request; 120 an hour of the 3,600 budget

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QPushButton *smallButton(const QString &text, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setAutoDefault(false);
    return button;
}

} // namespace

TestFlightPane::TestFlightPane(QWidget *parent)
    : PaneWidget(models::SourceListModel::TestFlight, parent)
    , m_builds(new models::TestFlightBuildModel(this))
    , m_groups(new models::TestFlightGroupModel(this))
    , m_testers(new models::TestFlightTesterModel(this))
{
    m_confirm = [this](const QString &title, const QString &text) {
        return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Yes;
    };
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(120);
    m_progress->setMaximumHeight(8);
    m_progress->setTextVisible(false);
    m_progress->setVisible(false);
    m_progress->setAccessibleName(tr("Loading TestFlight data"));
    m_refresh = smallButton(tr("Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("testflightRefresh"));
    m_refresh->setToolTip(tr("Load builds, groups and testers again (F5)"));
    m_cancelLoad = smallButton(tr("Cancel"), this);
    m_cancelLoad->setObjectName(QStringLiteral("testflightCancelLoad"));
    m_cancelLoad->setAccessibleName(tr("Cancel loading"));
    m_cancelLoad->setVisible(false);
    addHeaderWidget(m_progress);
    addHeaderWidget(m_cancelLoad);
    addHeaderWidget(m_refresh);
    connect(m_refresh, &QPushButton::clicked, this, &TestFlightPane::reload);
    connect(m_cancelLoad, &QPushButton::clicked, this, &TestFlightPane::cancelLoading);

    m_content = new QWidget(this);
    auto *body = m_content;
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(0, 0, 0, 0);
    m_message = new QLabel(body);
    m_message->setObjectName(QStringLiteral("testflightMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setVisible(false);
    auto *splitter = new QSplitter(Qt::Horizontal, body);
    splitter->addWidget(buildBuildsSide());
    splitter->addWidget(buildGroupsSide());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({680, 600});
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);
    m_emptyState = new EmptyStateWidget(this);
    m_emptyState->setObjectName(QStringLiteral("testflightEmptyState"));
    m_emptyState->setIcon(QStringLiteral(":/icons/testflight.svg"));
    m_emptyState->setTitle(tr("Hand builds to your testers"));
    m_emptyState->setText(
        tr("Browse versions and their builds with their TestFlight states, manage your beta groups "
           "and their testers, write What to Test, and drag a build onto a group to distribute it."));
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_content);
    setBody(m_stack);

    m_newBuildTimer.setInterval(kNewBuildCheckMs);
    connect(&m_newBuildTimer, &QTimer::timeout, this, &TestFlightPane::checkForNewBuilds);
    m_pollTimer.setInterval(kPollMs);
    connect(&m_pollTimer, &QTimer::timeout, this, [this] {
        QStringList pending;
        for (int v = 0; v < m_builds->rowCount(); ++v) {
            const QModelIndex version = m_builds->index(v, 0);
            for (int b = 0; b < m_builds->rowCount(version); ++b) {
                const auto *build = m_builds->build(m_builds->index(b, 0, version));
                if (build->review && !build->review->isFinal())
                    pending << build->build.id;
            }
        }
        if (pending.isEmpty())
            m_pollTimer.stop();
        else
            refreshBuilds(pending);
    });
    setCurrentApp(nullptr);
}

TestFlightPane::~TestFlightPane() = default;

QWidget *TestFlightPane::buildBuildsSide()
{
    auto *side = new QWidget(this);
    auto *layout = new QVBoxLayout(side);
    layout->setContentsMargins(0, 0, 6, 0);
    layout->addWidget(sectionTitle(tr("Builds"), side));
    m_buildView = new QTreeView(side);
    m_buildView->setObjectName(QStringLiteral("testflightBuilds"));
    m_buildView->setAccessibleName(tr("Builds"));
    m_buildView->setAccessibleDescription(
        tr("Versions and their builds; drag builds onto a group, or use Add to group"));
    m_buildView->setModel(m_builds);
    m_buildView->setUniformRowHeights(true);
    m_buildView->setAlternatingRowColors(true);
    m_buildView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_buildView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_buildView->setDragEnabled(true);
    m_buildView->setDragDropMode(QAbstractItemView::DragOnly);
    m_buildView->setDefaultDropAction(Qt::CopyAction);
    m_buildView->header()->setStretchLastSection(true);
    // Columns as wide as their usual longest value.
    const QFontMetrics metrics = m_buildView->fontMetrics();
    const QStringList samples = {
        QStringLiteral("00000000"),        QStringLiteral("2026-11-23 09:44"), tr("Processing"),
        tr("Ready for beta testing"),      tr("Ready for beta submission"),    tr("Waiting for review"),
        QStringLiteral("2026-11-23 09:44")};
    for (int column = 0; column < samples.size(); ++column)
        m_buildView->setColumnWidth(column, metrics.horizontalAdvance(samples.at(column)) + 24 +
                                                (column == 0 ? m_buildView->indentation() : 0));
    connect(m_builds, &QAbstractItemModel::modelReset, this, [this] {
        for (int v = 0; v < m_builds->rowCount(); ++v)
            m_buildView->setFirstColumnSpanned(v, {}, true);
    });
    connect(m_buildView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const auto *build = m_builds->build(m_builds->index(current.row(), 0, current.parent()));
                m_selectedBuildId = build ? build->build.id : QString();
                m_panel->setBuild(build ? std::optional<api::TestFlightBuild>(*build) : std::nullopt,
                                  m_groups->names());
            });
    connect(m_builds, &QAbstractItemModel::dataChanged, this, [this] {
        const auto *build = m_builds->buildById(m_selectedBuildId);
        m_panel->setBuild(build ? std::optional<api::TestFlightBuild>(*build) : std::nullopt,
                          m_groups->names());
    });
    m_panel = new TestFlightBuildPanel(side);
    auto *split = new QSplitter(Qt::Vertical, side);
    split->setObjectName(QStringLiteral("testflightBuildSplitter"));
    split->addWidget(m_buildView);
    split->addWidget(m_panel);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 0);
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);

    connect(m_panel, &TestFlightBuildPanel::saveNotesRequested, this, &TestFlightPane::saveWhatToTest);
    connect(m_panel, &TestFlightBuildPanel::submitRequested, this, &TestFlightPane::submitSelectedBuild);
    connect(m_panel, &TestFlightBuildPanel::autoNotifyToggled, this, &TestFlightPane::setAutoNotify);
    connect(m_panel, &TestFlightBuildPanel::notifyRequested, this, &TestFlightPane::notifySelectedBuild);
    connect(m_panel, &TestFlightBuildPanel::expireRequested, this, &TestFlightPane::expireSelectedBuild);
    connect(m_panel, &TestFlightBuildPanel::addToGroupRequested, this, &TestFlightPane::addToGroupChooser);
    connect(m_panel, &TestFlightBuildPanel::removeFromGroupRequested, this,
            &TestFlightPane::removeSelectedBuildFromGroup);
    return side;
}

QWidget *TestFlightPane::buildGroupsSide()
{
    auto *side = new QSplitter(Qt::Vertical, this);
    side->setObjectName(QStringLiteral("testflightGroupSplitter"));
    side->setChildrenCollapsible(false);

    auto *groups = new QWidget(side);
    auto *groupsLayout = new QVBoxLayout(groups);
    groupsLayout->setContentsMargins(6, 0, 0, 0);
    auto *groupsHeader = new QHBoxLayout;
    groupsHeader->addWidget(sectionTitle(tr("Groups"), groups));
    groupsHeader->addStretch(1);
    auto *newGroup = smallButton(tr("New…"), groups);
    auto *rename = smallButton(tr("Rename…"), groups);
    auto *remove = smallButton(tr("Delete…"), groups);
    newGroup->setObjectName(QStringLiteral("newGroup"));
    remove->setObjectName(QStringLiteral("deleteGroup"));
    newGroup->setAccessibleName(tr("New group"));
    rename->setAccessibleName(tr("Rename group"));
    remove->setAccessibleName(tr("Delete group"));
    groupsHeader->addWidget(newGroup);
    groupsHeader->addWidget(rename);
    groupsHeader->addWidget(remove);
    m_groupButtons = {rename, remove};
    groupsLayout->addLayout(groupsHeader);
    auto *hint = new QLabel(tr("Drop builds on a group to give them to its testers."), groups);
    theme::bindColor(hint, QPalette::WindowText, theme::textSecondary);
    groupsLayout->addWidget(hint);
    m_groupView = new QTableView(groups);
    m_groupView->setObjectName(QStringLiteral("testflightGroups"));
    m_groupView->setAccessibleName(tr("Beta groups"));
    m_groupView->setAccessibleDescription(tr("Drop builds here to give them to a group's testers"));
    m_groupView->setModel(m_groups);
    m_groupView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_groupView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_groupView->setAcceptDrops(true);
    m_groupView->setDragDropMode(QAbstractItemView::DropOnly);
    m_groupView->setDropIndicatorShown(true);
    m_groupView->verticalHeader()->hide();
    m_groupView->horizontalHeader()->setStretchLastSection(true);
    m_groupView->setColumnWidth(models::TestFlightGroupModel::Name, 170);
    m_groupView->setShowGrid(false);
    m_groupView->setAlternatingRowColors(true);
    groupsLayout->addWidget(m_groupView, 1);
    auto *groupOptions = new QHBoxLayout;
    m_publicLink = new QCheckBox(tr("Public link"), groups);
    m_publicLinkLimit = new QSpinBox(groups);
    m_publicLinkLimit->setRange(0, 10000);
    m_publicLinkLimit->setSpecialValueText(tr("no limit"));
    m_publicLinkLimit->setPrefix(tr("limit "));
    m_publicLink->setAccessibleName(tr("Public link of the group"));
    m_publicLinkLimit->setAccessibleName(tr("Public link tester limit"));
    m_feedback = new QCheckBox(tr("Feedback"), groups);
    m_feedback->setAccessibleName(tr("Tester feedback for the group"));
    groupOptions->addWidget(m_publicLink);
    groupOptions->addWidget(m_publicLinkLimit);
    groupOptions->addWidget(m_feedback);
    groupOptions->addStretch(1);
    groupsLayout->addLayout(groupOptions);

    auto *testers = new QWidget(side);
    auto *testersLayout = new QVBoxLayout(testers);
    testersLayout->setContentsMargins(6, 6, 0, 0);
    auto *testersHeader = new QHBoxLayout;
    m_testersTitle = sectionTitle(tr("Testers"), testers);
    m_testersTitle->setMinimumWidth(40);
    m_testersTitle->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    testersHeader->addWidget(m_testersTitle, 1);
    auto *add = smallButton(tr("Add…"), testers);
    auto *invite = smallButton(tr("Invite"), testers);
    auto *removeTester = smallButton(tr("Remove"), testers);
    auto *csv = smallButton(tr("CSV"), testers);
    auto *csvMenu = new QMenu(csv);
    QAction *import = csvMenu->addAction(tr("Import testers from CSV…"));
    QAction *exportCsv = csvMenu->addAction(tr("Export testers to CSV…"));
    csv->setMenu(csvMenu);
    add->setObjectName(QStringLiteral("addTester"));
    add->setAccessibleName(tr("Add a tester"));
    invite->setAccessibleName(tr("Invite the selected testers"));
    removeTester->setAccessibleName(tr("Remove the selected testers from the group"));
    csv->setAccessibleName(tr("Import or export testers as CSV"));
    for (QPushButton *button : {add, invite, removeTester, csv})
        testersHeader->addWidget(button);
    m_testerButtons = {add, invite, removeTester, csv};
    testersLayout->addLayout(testersHeader);
    m_testerView = new QTableView(testers);
    m_testerView->setObjectName(QStringLiteral("testflightTesters"));
    m_testerView->setAccessibleName(tr("Testers"));
    m_testerView->setModel(m_testers);
    m_testerView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_testerView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_testerView->verticalHeader()->hide();
    m_testerView->verticalHeader()->setDefaultSectionSize(m_testerView->fontMetrics().height() + 8);
    m_testerView->horizontalHeader()->setStretchLastSection(true);
    m_testerView->setColumnWidth(models::TestFlightTesterModel::Name, 150);
    m_testerView->setColumnWidth(models::TestFlightTesterModel::Email, 230);
    m_testerView->setShowGrid(false);
    m_testerView->setAlternatingRowColors(true);
    testersLayout->addWidget(m_testerView, 1);
    side->addWidget(groups);
    side->addWidget(testers);
    side->setStretchFactor(0, 2);
    side->setStretchFactor(1, 3);

    connect(m_groups, &models::TestFlightGroupModel::buildsDropped, this, &TestFlightPane::assignBuilds);
    connect(m_groupView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const auto *group = m_groups->group(current.row());
                const QString id = group ? group->group.id : QString();
                if (id != m_selectedGroupId) {
                    m_selectedGroupId = id;
                    loadTesters();
                }
                populateGroupControls();
            });
    connect(newGroup, &QPushButton::clicked, this, &TestFlightPane::createGroup);
    connect(rename, &QPushButton::clicked, this, &TestFlightPane::renameSelectedGroup);
    connect(remove, &QPushButton::clicked, this, &TestFlightPane::deleteSelectedGroup);
    connect(add, &QPushButton::clicked, this, &TestFlightPane::addTester);
    connect(invite, &QPushButton::clicked, this, &TestFlightPane::inviteSelectedTesters);
    connect(removeTester, &QPushButton::clicked, this, &TestFlightPane::removeSelectedTesters);
    connect(import, &QAction::triggered, this, [this] { importTesters(); });
    connect(exportCsv, &QAction::triggered, this, [this] { exportTesters(); });
    connect(m_publicLink, &QCheckBox::clicked, this, [this](bool on) {
        api::BetaGroupFields fields;
        fields.publicLinkEnabled = on;
        applyGroupChange(fields, on ? tr("Turning the public link on") : tr("Turning the public link off"));
    });
    connect(m_publicLinkLimit, &QSpinBox::editingFinished, this, [this] {
        const auto *group = selectedGroup();
        const int limit = m_publicLinkLimit->value();
        if (!group || (limit == 0 && !group->group.publicLinkLimitEnabled) ||
            (group->group.publicLinkLimitEnabled && group->group.publicLinkLimit == limit))
            return;
        api::BetaGroupFields fields;
        fields.publicLinkLimitEnabled = limit > 0;
        if (limit > 0)
            fields.publicLinkLimit = limit;
        applyGroupChange(fields, tr("Changing the public link limit"));
    });
    connect(m_feedback, &QCheckBox::clicked, this, [this](bool on) {
        api::BetaGroupFields fields;
        fields.feedbackEnabled = on;
        applyGroupChange(fields, on ? tr("Turning feedback on") : tr("Turning feedback off"));
    });
    return side;
}

void TestFlightPane::setSession(session::Session *session)
{
    PaneWidget::setSession(session);
    reload();
}

void TestFlightPane::setCurrentApp(const api::App *app)
{
    PaneWidget::setCurrentApp(app);
    const QString id = app ? app->id : QString();
    if (id == m_appId && (m_builds->rowCount() > 0 || isLoading()))
        return;
    m_appId = id;
    reload();
}

bool TestFlightPane::isShowingContent() const
{
    return m_stack->currentWidget() == m_content;
}

QString TestFlightPane::messageText() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void TestFlightPane::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    theme::bindStyleSheet(m_message, [error] {
        const QColor base = QGuiApplication::palette().color(QPalette::Base);
        return QStringLiteral("QLabel { background: %1; color: %2; border-radius: 4px; padding: 6px 8px; }")
            .arg(error ? theme::errorFill().name() : theme::mix(base, theme::warning(), 0.14).name(),
                 error ? theme::errorText().name() : theme::textPrimary().name());
    });
    m_message->setVisible(!text.isEmpty());
}

void TestFlightPane::focusSearch()
{
    if (isShowingContent())
        m_buildView->setFocus(Qt::ShortcutFocusReason);
}

void TestFlightPane::cancelLoading()
{
    if (m_loading == 0)
        return;
    ++m_generation; // answers still on their way are ignored
    for (api::Pager *pager : {m_buildPager.data(), m_groupPager.data(), m_testerPager.data()}) {
        if (pager) {
            pager->disconnect(this);
            pager->cancel();
            pager->deleteLater();
        }
    }
    m_loading = 0;
    showMessage(tr("Loading was cancelled. Press Refresh (F5) to load the builds and groups again."), false);
    updateBusy();
}

void TestFlightPane::updateBusy()
{
    const bool busy = m_inFlight > 0 || m_loading > 0;
    m_progress->setVisible(busy);
    m_cancelLoad->setVisible(m_loading > 0);
    m_refresh->setEnabled(m_loading == 0 && session() && !m_appId.isEmpty());
    m_panel->setBusy(m_inFlight > 0);
    const bool hasGroup = selectedGroup() != nullptr;
    for (QPushButton *button : std::as_const(m_groupButtons))
        button->setEnabled(hasGroup && m_inFlight == 0);
    for (QPushButton *button : std::as_const(m_testerButtons))
        button->setEnabled(session() && !m_appId.isEmpty() && m_inFlight == 0);
}

void TestFlightPane::reload()
{
    ++m_generation;
    if (m_buildPager)
        m_buildPager->deleteLater();
    if (m_groupPager)
        m_groupPager->deleteLater();
    if (m_testerPager)
        m_testerPager->deleteLater();
    m_loading = 0;
    m_pollTimer.stop();
    m_newBuildTimer.stop();
    m_builds->clear();
    m_groups->setGroups({});
    m_testers->clear();
    m_panel->setBuild(std::nullopt, {});
    showMessage(QString(), false);
    if (!session() || m_appId.isEmpty()) {
        m_emptyState->setNote(!session()
                                  ? tr("Connect to an App Store Connect account, or start the demo, to see "
                                       "your builds and testers here.")
                                  : tr("Choose an app to see its builds, groups and testers."));
        m_stack->setCurrentWidget(m_emptyState);
        updateBusy();
        return;
    }
    m_stack->setCurrentWidget(m_content);
    api::ApiClient *client = session()->client();
    const quint64 generation = m_generation;
    auto finishOne = [this, generation] {
        if (generation != m_generation)
            return;
        if (--m_loading == 0) {
            if (m_buildPager && m_buildPager->ok())
                m_builds->setBuilds(
                    api::assembleTestFlightBuilds(m_buildPager->resources(), m_buildPager->included()));
            if (m_groupPager && m_groupPager->ok())
                m_groups->setGroups(api::assembleTestFlightGroups(m_groupPager->resources()));
            m_builds->setGroupNames(m_groups->names());
            for (api::Pager *pager : {m_buildPager.data(), m_groupPager.data()}) {
                if (pager && !pager->ok())
                    showMessage(tr("Could not load TestFlight data: %1").arg(pager->error().message()), true);
            }
            m_buildView->expandAll();
            m_groupView->resizeColumnsToContents();
            m_groupView->horizontalHeader()->setStretchLastSection(true);
            if (m_builds->buildById(m_selectedBuildId))
                selectBuild(m_selectedBuildId);
            else
                selectFirstUsableBuild();
            if (m_groups->rowCount() > 0) {
                const int row = std::max(0, m_groups->rowOfId(m_selectedGroupId));
                m_selectedGroupId.clear();
                m_groupView->selectRow(row);
            }
            updateBusy();
            schedulePolling();
            m_newBuildTimer.start();
            emit loaded();
        }
    };
    m_loading = 2;
    m_buildPager = new api::Pager(client, api::listBuilds(api::testFlightBuildsQuery(m_appId)), this);
    m_groupPager = new api::Pager(client, api::listBetaGroups(api::testFlightGroupsQuery(m_appId)), this);
    connect(m_buildPager, &api::Pager::finished, this, finishOne);
    connect(m_groupPager, &api::Pager::finished, this, finishOne);
    updateBusy();
    m_buildPager->start();
    m_groupPager->start();
}

void TestFlightPane::checkForNewBuilds()
{
    if (!session() || m_appId.isEmpty() || isLoading() || isBusy())
        return;
    api::Query query;
    query.filter(QStringLiteral("app"), m_appId)
        .fields(QStringLiteral("builds"), {QStringLiteral("version")})
        .sort(QStringLiteral("-uploadedDate"))
        .limit(5);
    api::ApiReply *reply = session()->client()->send(api::listBuilds(query));
    const quint64 generation = m_generation;
    connect(reply, &api::ApiReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        if (generation != m_generation || !reply->ok())
            return;
        for (const auto &resource : reply->document().resources()) {
            if (!m_builds->buildById(resource.id)) {
                reload();
                return;
            }
        }
    });
}

void TestFlightPane::schedulePolling()
{
    if (!m_pollTimer.isActive())
        m_pollTimer.start();
}

void TestFlightPane::loadTesters()
{
    if (m_testerPager)
        m_testerPager->deleteLater();
    m_testers->clear();
    const auto *group = selectedGroup();
    m_testersTitle->setText(group ? tr("Testers of %1").arg(group->group.name) : tr("Testers"));
    if (!group || !session())
        return;
    m_testerPager = new api::Pager(
        session()->client(), api::listBetaGroupTesters(group->group.id, api::groupTestersQuery()), this);
    m_testerPager->setCollecting(false);
    // Pages are appended as they come, so a large group never blocks the window while it fills.
    connect(m_testerPager, &api::Pager::pageReceived, this, [this](const jsonapi::Document &page) {
        QList<api::BetaTester> testers;
        testers.reserve(page.resources().size());
        for (const auto &resource : page.resources())
            if (const auto tester = api::BetaTester::fromResource(resource))
                testers << *tester;
        m_testers->appendTesters(testers);
    });
    const QString groupId = group->group.id;
    connect(m_testerPager, &api::Pager::finished, this, [this, groupId] {
        if (!m_testerPager->ok())
            showMessage(tr("Could not load the testers: %1").arg(m_testerPager->error().message()), true);
        else
            m_groups->setTesterCount(groupId, m_testers->rowCount());
        emit testersLoaded();
    });
    m_testerPager->start();
}

void TestFlightPane::send(const api::ApiRequest &request, const QString &what,
                          std::function<void(api::ApiReply *)> onSuccess)
{
    if (!session())
        return;
    ++m_inFlight;
    updateBusy();
    api::ApiReply *reply = session()->client()->send(request);
    const quint64 generation = m_generation;
    connect(reply, &api::ApiReply::finished, this, [this, reply, what, onSuccess, generation] {
        reply->deleteLater();
        --m_inFlight;
        const bool ok = reply->ok();
        if (generation == m_generation) {
            if (ok) {
                showMessage(QString(), false);
                if (onSuccess)
                    onSuccess(reply);
            } else {
                showMessage(tr("%1 failed: %2").arg(what, reply->error().message()), true);
            }
        }
        updateBusy();
        emit actionFinished(ok);
    });
}

void TestFlightPane::selectFirstUsableBuild()
{
    QModelIndex first;
    for (int v = 0; v < m_builds->rowCount(); ++v) {
        const QModelIndex version = m_builds->index(v, 0);
        for (int b = 0; b < m_builds->rowCount(version); ++b) {
            const QModelIndex index = m_builds->index(b, 0, version);
            const auto *build = m_builds->build(index);
            if (!first.isValid())
                first = index;
            if (build->build.processingState == asc::BuildProcessingState::VALID && !build->build.expired) {
                m_buildView->setCurrentIndex(index);
                return;
            }
        }
    }
    if (first.isValid())
        m_buildView->setCurrentIndex(first);
}

const api::TestFlightBuild *TestFlightPane::selectedBuild() const
{
    return m_builds->buildById(m_selectedBuildId);
}

const api::TestFlightGroup *TestFlightPane::selectedGroup() const
{
    return m_groups->groupById(m_selectedGroupId);
}

void TestFlightPane::selectBuild(const QString &buildId)
{
    const QModelIndex index = m_builds->indexOfBuild(buildId);
    if (!index.isValid())
        return;
    m_buildView->expand(index.parent());
    m_buildView->setCurrentIndex(index);
    m_buildView->scrollTo(index);
}

void TestFlightPane::selectGroup(const QString &groupId)
{
    const int row = m_groups->rowOfId(groupId);
    if (row >= 0)
        m_groupView->selectRow(row);
}

void TestFlightPane::refreshBuilds(const QStringList &buildIds)
{
    if (buildIds.isEmpty() || !session() || m_appId.isEmpty())
        return;
    api::Query query = api::testFlightBuildsQuery(m_appId);
    query.filter(QStringLiteral("id"), buildIds);
    api::ApiReply *reply = session()->client()->send(api::listBuilds(query));
    const quint64 generation = m_generation;
    connect(reply, &api::ApiReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        if (generation != m_generation || !reply->ok())
            return;
        for (const auto &build :
             api::assembleTestFlightBuilds(reply->document().resources(), reply->document().included()))
            m_builds->updateBuild(build);
        schedulePolling();
    });
}

void TestFlightPane::assignBuilds(const QString &groupId, const QStringList &buildIds)
{
    const auto *group = m_groups->groupById(groupId);
    if (!group || buildIds.isEmpty())
        return;
    QStringList usable;
    for (const QString &id : buildIds) {
        const auto *build = m_builds->buildById(id);
        if (build && !build->groupIds.contains(groupId))
            usable << id;
    }
    if (usable.isEmpty()) {
        showMessage(tr("The build is already in \"%1\".").arg(group->group.name), false);
        return;
    }
    const QString name = group->group.name;
    const bool allBuilds = group->group.isInternalGroup && group->group.hasAccessToAllBuilds;
    send(api::addBuildsToBetaGroup(groupId, usable), tr("Adding to \"%1\"").arg(name),
         [this, usable, name, allBuilds](api::ApiReply *) {
             refreshBuilds(usable);
             if (allBuilds)
                 showMessage(
                     tr("\"%1\" already has access to all builds, so adding a build there changes nothing.")
                         .arg(name),
                     false);
         });
}

void TestFlightPane::addToGroupChooser()
{
    const auto *build = selectedBuild();
    if (!build || m_groups->rowCount() == 0)
        return;
    QStringList names;
    QStringList ids;
    for (const auto &group : m_groups->groups()) {
        if (build->groupIds.contains(group.group.id))
            continue;
        names << (group.group.isInternalGroup ? tr("%1 (internal)") : tr("%1 (external)"))
                     .arg(group.group.name);
        ids << group.group.id;
    }
    if (ids.isEmpty()) {
        showMessage(tr("The build is already in every group."), false);
        return;
    }
    bool ok = false;
    const QString choice = QInputDialog::getItem(
        this, tr("Add to group"), tr("Give build %1 to:").arg(build->build.version), names, 0, false, &ok);
    if (ok)
        assignBuilds(ids.value(names.indexOf(choice)), {build->build.id});
}

void TestFlightPane::removeSelectedBuildFromGroup()
{
    const auto *build = selectedBuild();
    if (!build || build->groupIds.isEmpty())
        return;
    QString groupId = m_selectedGroupId;
    if (!build->groupIds.contains(groupId)) {
        QStringList names;
        for (const QString &id : build->groupIds)
            names << m_groups->names().value(id, id);
        bool ok = false;
        const QString choice = QInputDialog::getItem(this, tr("Remove from group"),
                                                     tr("Take build %1 away from:").arg(build->build.version),
                                                     names, 0, false, &ok);
        if (!ok)
            return;
        groupId = build->groupIds.value(names.indexOf(choice));
    }
    const QString buildId = build->build.id;
    send(api::removeBuildsFromBetaGroup(groupId, {buildId}), tr("Removing the build from the group"),
         [this, buildId](api::ApiReply *) { refreshBuilds({buildId}); });
}

void TestFlightPane::saveWhatToTest(const QString &locale, const QString &text)
{
    const auto *build = selectedBuild();
    if (!build)
        return;
    if (locale.isEmpty()) {
        showMessage(tr("Choose a locale for What to Test."), true);
        return;
    }
    const auto *existing = build->localization(locale);
    const QString buildId = build->build.id;
    send(existing ? api::updateBetaBuildLocalization(existing->id, text)
                  : api::createBetaBuildLocalization(buildId, locale, text),
         tr("Saving What to Test (%1)").arg(locale),
         [this, buildId](api::ApiReply *) { refreshBuilds({buildId}); });
}

void TestFlightPane::submitSelectedBuild()
{
    const auto *build = selectedBuild();
    if (!build)
        return;
    const QStringList blockers = api::betaReviewBlockers(*build);
    if (!blockers.isEmpty()) {
        showMessage(tr("Build %1 cannot go to Beta App Review yet: %2")
                        .arg(build->build.version, blockers.join(QLatin1Char(' '))),
                    true);
        return;
    }
    const QString buildId = build->build.id;
    send(api::submitForBetaAppReview(buildId), tr("Submitting for Beta App Review"),
         [this, buildId](api::ApiReply *) {
             refreshBuilds({buildId});
             schedulePolling();
         });
}

void TestFlightPane::setAutoNotify(bool enabled)
{
    const auto *build = selectedBuild();
    if (!build || !build->detail)
        return;
    const QString buildId = build->build.id;
    send(api::setAutoNotify(build->detail->id, enabled), tr("Changing auto-notify"),
         [this, buildId](api::ApiReply *) { refreshBuilds({buildId}); });
}

void TestFlightPane::notifySelectedBuild()
{
    const auto *build = selectedBuild();
    if (!build)
        return;
    const QString version = build->build.version;
    send(api::notifyBetaTesters(build->build.id), tr("Notifying testers"), [this, version](api::ApiReply *) {
        showMessage(tr("The testers were told that build %1 is available.").arg(version), false);
    });
}

void TestFlightPane::expireSelectedBuild()
{
    const auto *build = selectedBuild();
    if (!build)
        return;
    if (!m_confirm(tr("Expire build %1?").arg(build->build.version),
                   tr("Testers will no longer be able to install or open build %1. This cannot be undone.")
                       .arg(build->build.version)))
        return;
    const QString buildId = build->build.id;
    send(api::expireBuild(buildId), tr("Expiring the build"),
         [this, buildId](api::ApiReply *) { refreshBuilds({buildId}); });
}

void TestFlightPane::populateGroupControls()
{
    const auto *group = selectedGroup();
    const QSignalBlocker b1(m_publicLink), b2(m_publicLinkLimit), b3(m_feedback);
    const bool external = group && !group->group.isInternalGroup;
    m_publicLink->setEnabled(external);
    m_publicLink->setChecked(group && group->group.publicLinkEnabled);
    m_publicLinkLimit->setEnabled(external && group->group.publicLinkEnabled);
    m_publicLinkLimit->setValue(
        group && group->group.publicLinkLimitEnabled ? group->group.publicLinkLimit.value_or(0) : 0);
    m_feedback->setEnabled(group != nullptr);
    m_feedback->setChecked(group && group->group.feedbackEnabled);
    m_publicLink->setToolTip(group && group->group.publicLinkEnabled ? group->group.publicLink : QString());
    updateBusy();
}

void TestFlightPane::applyGroupChange(const api::BetaGroupFields &fields, const QString &what)
{
    const auto *group = selectedGroup();
    if (!group)
        return;
    send(api::updateBetaGroup(group->group.id, fields), what, [this](api::ApiReply *reply) {
        if (const auto resource = reply->document().resource())
            if (const auto updated = api::BetaGroup::fromResource(*resource)) {
                m_groups->upsert({*updated, -1});
                m_builds->setGroupNames(m_groups->names());
            }
        populateGroupControls();
    });
    populateGroupControls(); // until the answer: back to the stored values
}

void TestFlightPane::createGroup()
{
    if (!session() || m_appId.isEmpty())
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("New beta group"));
    auto *form = new QFormLayout(&dialog);
    auto *name = new QLineEdit(&dialog);
    auto *internal = new QCheckBox(tr("Internal group (App Store Connect users)"), &dialog);
    auto *allBuilds = new QCheckBox(tr("Access to all builds"), &dialog);
    auto *publicLink = new QCheckBox(tr("Public link"), &dialog);
    auto *feedback = new QCheckBox(tr("Tester feedback"), &dialog);
    feedback->setChecked(true);
    allBuilds->setEnabled(false);
    connect(internal, &QCheckBox::toggled, &dialog, [=](bool on) {
        allBuilds->setEnabled(on);
        publicLink->setEnabled(!on);
        if (on)
            publicLink->setChecked(false);
        else
            allBuilds->setChecked(false);
    });
    form->addRow(tr("Name"), name);
    form->addRow(internal);
    form->addRow(allBuilds);
    form->addRow(publicLink);
    form->addRow(feedback);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(name, &QLineEdit::textChanged, &dialog, [buttons](const QString &text) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    api::BetaGroupFields fields;
    fields.name = name->text().trimmed();
    fields.isInternalGroup = internal->isChecked();
    if (allBuilds->isChecked())
        fields.hasAccessToAllBuilds = true;
    if (publicLink->isChecked())
        fields.publicLinkEnabled = true;
    fields.feedbackEnabled = feedback->isChecked();
    send(api::createBetaGroup(m_appId, fields), tr("Creating the group"), [this](api::ApiReply *reply) {
        if (const auto resource = reply->document().resource())
            if (const auto group = api::BetaGroup::fromResource(*resource)) {
                m_groups->upsert({*group, 0});
                selectGroup(group->id);
            }
    });
}

void TestFlightPane::renameSelectedGroup()
{
    const auto *group = selectedGroup();
    if (!group)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename group"), tr("New name:"), QLineEdit::Normal,
                                               group->group.name, &ok)
                             .trimmed();
    if (!ok || name.isEmpty() || name == group->group.name)
        return;
    api::BetaGroupFields fields;
    fields.name = name;
    applyGroupChange(fields, tr("Renaming the group"));
}

void TestFlightPane::deleteSelectedGroup()
{
    const auto *group = selectedGroup();
    if (!group)
        return;
    if (!m_confirm(
            tr("Delete \"%1\"?").arg(group->group.name),
            tr("The group and its build assignments are removed. Its %n tester(s) stay in your account.",
               nullptr, std::max(0, group->testerCount))))
        return;
    const QString id = group->group.id;
    send(api::deleteBetaGroup(id), tr("Deleting the group"), [this, id](api::ApiReply *) {
        m_groups->removeGroup(id);
        m_selectedGroupId.clear();
        m_testers->clear();
        reload();
    });
}

void TestFlightPane::addTester()
{
    const auto *group = selectedGroup();
    if (!group) {
        showMessage(tr("Select the group the tester should join."), true);
        return;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Add a tester to %1").arg(group->group.name));
    auto *form = new QFormLayout(&dialog);
    auto *email = new QLineEdit(&dialog);
    email->setObjectName(QStringLiteral("testerEmail"));
    auto *first = new QLineEdit(&dialog);
    auto *last = new QLineEdit(&dialog);
    auto *problem = new QLabel(&dialog);
    problem->setStyleSheet(QStringLiteral("color: %1").arg(theme::critical().name()));
    form->addRow(tr("Email"), email);
    form->addRow(tr("First name"), first);
    form->addRow(tr("Last name"), last);
    form->addRow(problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(email, &QLineEdit::textChanged, &dialog, [=](const QString &text) {
        const bool valid = api::isPlausibleEmail(text.trimmed());
        buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
        problem->setText(valid || text.isEmpty() ? QString()
                                                 : tr("Enter an address such as name@example.com."));
    });
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString groupId = group->group.id;
    send(api::createBetaTester(email->text().trimmed(), first->text().trimmed(), last->text().trimmed(),
                               {groupId}),
         tr("Adding the tester"), [this, groupId](api::ApiReply *reply) {
             if (const auto resource = reply->document().resource())
                 if (const auto tester = api::BetaTester::fromResource(*resource)) {
                     m_testers->upsert(*tester);
                     m_groups->setTesterCount(groupId, m_testers->rowCount());
                 }
         });
}

void TestFlightPane::removeSelectedTesters()
{
    const auto *group = selectedGroup();
    const QModelIndexList rows = m_testerView->selectionModel()->selectedRows();
    if (!group || rows.isEmpty())
        return;
    QStringList ids;
    for (const QModelIndex &row : rows)
        ids << m_testers->tester(row.row())->id;
    if (!m_confirm(tr("Remove %n tester(s) from \"%1\"?", nullptr, int(ids.size())).arg(group->group.name),
                   tr("They lose access to the builds of this group. Their other groups are not affected.")))
        return;
    const QString groupId = group->group.id;
    send(api::removeTestersFromBetaGroup(groupId, ids), tr("Removing testers"),
         [this, ids, groupId](api::ApiReply *) {
             for (const QString &id : ids)
                 m_testers->removeTester(id);
             m_groups->setTesterCount(groupId, m_testers->rowCount());
         });
}

void TestFlightPane::inviteSelectedTesters()
{
    const QModelIndexList rows = m_testerView->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows) {
        const auto *tester = m_testers->tester(row.row());
        const QString email = tester->email;
        send(api::inviteBetaTester(m_appId, tester->id), tr("Inviting %1").arg(email),
             [this, email](api::ApiReply *) { showMessage(tr("Invitation sent to %1.").arg(email), false); });
    }
}

void TestFlightPane::importTesters(const QString &givenPath)
{
    if (!session() || m_appId.isEmpty())
        return;
    const QString path = givenPath.isEmpty()
                             ? QFileDialog::getOpenFileName(this, tr("Import testers"), QString(),
                                                            tr("CSV files (*.csv);;All files (*)"))
                             : givenPath;
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showMessage(tr("Cannot read %1: %2").arg(path, file.errorString()), true);
        return;
    }
    const api::TesterCsv csv = api::parseTesterCsv(file.readAll());
    if (!csv.error.isEmpty()) {
        showMessage(tr("%1 is not a usable CSV file: %2").arg(path, csv.error), true);
        return;
    }
    QHash<QString, QString> existing;
    for (const auto &tester : m_testers->testers())
        existing.insert(tester.email.toLower(), tester.id);
    auto *dialog = new TesterImportDialog(session()->client(), csv, m_groups->groups(), m_selectedGroupId,
                                          existing, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TesterImportDialog::importFinished, this, [this](int imported, int skipped) {
        //: %1 is "3 testers imported", %2 is "1 row skipped"
        showMessage(tr("%1, %2.").arg(tr("%n tester(s) imported", nullptr, imported),
                                      tr("%n row(s) skipped", nullptr, skipped)),
                    skipped > 0);
        loadTesters();
    });
    dialog->open();
}

void TestFlightPane::exportTesters(const QString &givenPath)
{
    const auto *group = selectedGroup();
    if (!group)
        return;
    const QString path = givenPath.isEmpty()
                             ? QFileDialog::getSaveFileName(this, tr("Export testers"),
                                                            group->group.name + QStringLiteral(".csv"),
                                                            tr("CSV files (*.csv)"))
                             : givenPath;
    if (path.isEmpty())
        return;
    QList<api::TesterCsvRow> rows;
    for (const auto &tester : m_testers->testers()) {
        api::TesterCsvRow row;
        row.email = tester.email;
        row.firstName = tester.firstName;
        row.lastName = tester.lastName;
        row.groups = {group->group.name};
        rows << row;
    }
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(api::writeTesterCsv(rows)) < 0 || !out.commit()) {
        showMessage(tr("Cannot write %1: %2").arg(path, out.errorString()), true);
        return;
    }
    showMessage(tr("Exported %n tester(s) to %1.", nullptr, int(rows.size())).arg(path), false);
}

} // namespace ascend::ui

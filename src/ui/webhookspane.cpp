#include "ui/webhookspane.h"

#include "core/api/apps.h"
#include "core/auth/secretstore.h"
#include "core/session/session.h"
#include "core/webhooks/defaults.h"
#include "core/webhooks/eventtypes.h"
#include "core/webhooks/webhooksecrets.h"
#include "models/listenercontroller.h"
#include "models/webhookscontroller.h"
#include "ui/emptystatewidget.h"
#include "ui/logredaction.h"
#include "ui/messagebanner.h"
#include "ui/theme.h"
#include "ui/webhookdeliverieswidget.h"
#include "ui/webhookeventswidget.h"
#include "ui/webhookformwidget.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QVBoxLayout>

namespace ascend::ui {

namespace {

using models::WebhookListModel;

// The simulator's webhooks vanish with it; their secrets need not outlive the process either.
class MemorySecretStore : public auth::SecretStore {
public:
    bool write(const QString &key, const QByteArray &secret, QString *) override
    {
        m_secrets.insert(key, secret);
        return true;
    }
    std::optional<QByteArray> read(const QString &key, QString *error) override
    {
        if (error)
            error->clear();
        const auto it = m_secrets.constFind(key);
        return it == m_secrets.cend() ? std::nullopt : std::optional<QByteArray>(*it);
    }
    bool remove(const QString &key, QString *) override
    {
        m_secrets.remove(key);
        return true;
    }
    QString backendDescription() const override
    {
        return QCoreApplication::translate("ascend::ui::WebhooksPane", "memory (demo only)");
    }

private:
    QHash<QString, QByteArray> m_secrets;
};

// Two lines per webhook: the name, and the URL in secondary text; "Off" on the right when disabled.
class WebhookDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return QSize(option.rect.width(), option.fontMetrics.height() * 2 + 22);
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const auto webhook = index.data(WebhookListModel::WebhookRole).value<api::Webhook>();
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const QRect r = option.rect.adjusted(6, 2, -6, -2);
        const bool selected = option.state & QStyle::State_Selected;
        if (selected)
            painter->setBrush(theme::accentSoft());
        else if (option.state & QStyle::State_MouseOver)
            painter->setBrush(theme::hoverFill());
        else
            painter->setBrush(Qt::NoBrush);
        painter->setPen(Qt::NoPen);
        painter->drawRoundedRect(r, 6, 6);
        if ((option.state & QStyle::State_HasFocus) && selected) {
            painter->setPen(QPen(theme::accent(), 1));
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
        }

        const QRect text = r.adjusted(12, 8, -12, -8);
        QFont nameFont = option.font;
        nameFont.setBold(true);
        const QFontMetrics nameMetrics(nameFont);
        QString pill;
        if (!webhook.enabled)
            pill = QCoreApplication::translate("ascend::ui::WebhooksPane", "Off");
        QFont pillFont = option.font;
        pillFont.setPointSizeF(qMax(7.0, option.font.pointSizeF() - 1.5));
        pillFont.setBold(true);
        const QFontMetrics pillMetrics(pillFont);
        const int pillWidth = pill.isEmpty() ? 0 : pillMetrics.horizontalAdvance(pill) + 12;

        painter->setFont(nameFont);
        painter->setPen(selected ? (theme::isDark() ? theme::textPrimary() : theme::accent().darker(130))
                                 : theme::textPrimary());
        const QRect nameRect(text.left(), text.top(), text.width() - pillWidth - 6, nameMetrics.height());
        painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                          nameMetrics.elidedText(webhook.name, Qt::ElideRight, nameRect.width()));

        QFont urlFont = option.font;
        urlFont.setPointSizeF(qMax(7.0, option.font.pointSizeF() - 1));
        painter->setFont(urlFont);
        painter->setPen(theme::textSecondary());
        const QFontMetrics urlMetrics(urlFont);
        const QRect urlRect(text.left(), nameRect.bottom() + 3, text.width(), urlMetrics.height());
        painter->drawText(urlRect, Qt::AlignLeft | Qt::AlignVCenter,
                          urlMetrics.elidedText(webhook.url, Qt::ElideMiddle, urlRect.width()));

        if (!pill.isEmpty()) {
            const QRect pillRect(text.right() - pillWidth + 1, nameRect.top() + 1, pillWidth,
                                 pillMetrics.height() + 2);
            painter->setPen(Qt::NoPen);
            painter->setBrush(theme::separator());
            painter->drawRoundedRect(pillRect, pillRect.height() / 2.0, pillRect.height() / 2.0);
            painter->setFont(pillFont);
            painter->setPen(theme::textSecondary());
            painter->drawText(pillRect, Qt::AlignCenter, pill);
        }
        painter->restore();
    }
};

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text.toUpper(), parent);
    label->setFont(theme::font(-1.5, true));
    theme::bindColor(label, QPalette::WindowText, theme::textSecondary);
    return label;
}

} // namespace

WebhooksPane::WebhooksPane(QWidget *parent)
    : PaneWidget(models::SourceListModel::Webhooks, parent)
    , m_memorySecrets(std::make_unique<MemorySecretStore>())
    , m_listener(new models::ListenerController(this))
    , m_stack(new QStackedWidget(this))
    , m_emptyState(new EmptyStateWidget(this))
    , m_banner(new MessageBanner(this))
    , m_list(new QListView(this))
    , m_listCount(new QLabel(this))
    , m_listPlaceholder(new QLabel(this))
    , m_newButton(new QPushButton(tr("New Webhook"), this))
    , m_demoCard(new QWidget(this))
    , m_demoPoint(new QPushButton(tr("Point a Webhook at the Listener"), this))
    , m_tabs(new QTabWidget(this))
    , m_form(new WebhookFormWidget(this))
    , m_deliveries(nullptr)
    , m_events(new WebhookEventsWidget(m_listener, this))
{
    m_emptyState->setObjectName(QStringLiteral("webhooksEmptyState"));
    m_emptyState->setIcon(QStringLiteral(":/icons/webhooks.svg"));
    m_emptyState->setTitle(tr("Get told when something changes"));
    m_emptyState->setText(
        tr("Webhooks let App Store Connect call a URL of yours when a build upload changes state, a version "
           "moves through review or a tester sends feedback. Here you create and edit them, see every "
           "delivery, and run a local listener that checks each signature and shows the events as they "
           "arrive."));

    m_banner->hide();
    QPushButton *dismiss = m_banner->addAction(tr("Dismiss"));
    connect(dismiss, &QPushButton::clicked, m_banner, &QWidget::hide);

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(0);
    contentLayout->addWidget(m_banner);

    m_tabs->setObjectName(QStringLiteral("webhookTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_form, tr("Settings"));
    // The deliveries widget needs the controller's model, which lives as long as the pane.
    m_controller = std::make_unique<models::WebhooksController>(nullptr, nullptr);
    m_deliveries = new WebhookDeliveriesWidget(m_controller->deliveries(), this);
    m_tabs->addTab(m_deliveries, tr("Deliveries"));
    m_tabs->addTab(m_events, tr("Live Events"));

    auto *splitter = new QSplitter(Qt::Horizontal, content);
    splitter->setObjectName(QStringLiteral("webhooksSplitter"));
    splitter->addWidget(buildListColumn());
    splitter->addWidget(m_tabs);
    splitter->setCollapsible(0, false);
    splitter->setCollapsible(1, false);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setHandleWidth(1);
    splitter->setSizes({270, 800});
    contentLayout->addWidget(splitter, 1);

    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(content);
    setBody(m_stack);

    connect(m_newButton, &QPushButton::clicked, this, &WebhooksPane::newWebhook);
    connect(m_demoPoint, &QPushButton::clicked, this, &WebhooksPane::pointWebhookAtListener);
    connect(m_events, &WebhookEventsWidget::pointRequested, this, &WebhooksPane::pointWebhookAtListener);
    connect(m_events, &WebhookEventsWidget::startRequested, this, &WebhooksPane::startListener);
    connect(m_events, &WebhookEventsWidget::stopRequested, this, &WebhooksPane::stopListener);
    connect(m_listener, &models::ListenerController::listeningChanged, this, [this](bool listening) {
        emit listenerStateChanged(listening, listening ? m_listener->localUrl() : QString());
    });
    connect(m_events, &WebhookEventsWidget::openRequested, this, &WebhooksPane::openInstanceRequested);
    connect(m_listener, &models::ListenerController::eventArrived, this, [this] {
        if (m_tabs->currentIndex() != EventsTab || !isVisible())
            ++m_unseenEvents;
        updateEventsTabTitle();
    });
    auto *deleteShortcut = new QShortcut(QKeySequence::Delete, m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(deleteShortcut, &QShortcut::activated, this, [this] {
        if (!selectedWebhookId().isEmpty() && !m_controller->isBusy())
            confirmDelete(selectedWebhookId());
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == EventsTab) {
            m_unseenEvents = 0;
            updateEventsTabTitle();
        }
        if (tab == DeliveriesTab)
            m_deliveries->setWebhookId(selectedWebhookId()); // fresh every time it is shown
    });
    connect(m_form, &WebhookFormWidget::saveRequested, this,
            [this](const api::WebhookFields &fields, bool creating) {
                if (!m_controller || m_appId.isEmpty())
                    return;
                m_banner->hide();
                if (creating) {
                    if (fields.secret)
                        m_pendingSecrets.append(*fields.secret);
                    m_controller->create(fields);
                } else {
                    m_controller->update(m_form->webhookId(), fields);
                }
            });
    connect(m_form, &WebhookFormWidget::deleteRequested, this, &WebhooksPane::confirmDelete);
    connect(m_form, &WebhookFormWidget::testRequested, this, [this](const QString &id) {
        m_banner->hide();
        m_form->setNotice(QString());
        m_controller->ping(id);
    });

    setSession(nullptr);
}

WebhooksPane::~WebhooksPane()
{
    // Close the event log before its demo directory is removed.
    m_listener->stop();
    delete m_listener;
    m_listener = nullptr;
}

QWidget *WebhooksPane::buildListColumn()
{
    auto *column = new QWidget(this);
    column->setObjectName(QStringLiteral("webhookListColumn"));
    column->setAutoFillBackground(true);
    theme::bindColor(column, QPalette::Window,
                     [] { return QGuiApplication::palette().color(QPalette::Window); });

    m_newButton->setObjectName(QStringLiteral("newWebhook"));
    m_newButton->setIcon(theme::icon(QStringLiteral(":/icons/plus.svg")));
    m_newButton->setAccessibleName(tr("New webhook"));
    m_newButton->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_newButton->setToolTip(tr("Create a webhook for the selected app (%1)")
                                .arg(m_newButton->shortcut().toString(QKeySequence::NativeText)));

    theme::bindColor(m_listCount, QPalette::WindowText, theme::textSecondary);
    m_listCount->setFont(theme::font(-1.5));

    m_list->setObjectName(QStringLiteral("webhookList"));
    m_list->setAccessibleName(tr("Webhooks of the selected app"));
    m_list->setModel(m_controller ? m_controller->webhooks() : nullptr);
    m_list->setItemDelegate(new WebhookDelegate(m_list));
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setMouseTracking(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    m_list->viewport()->setAutoFillBackground(false);

    m_listPlaceholder->setObjectName(QStringLiteral("webhookListPlaceholder"));
    m_listPlaceholder->setWordWrap(true);
    m_listPlaceholder->setAlignment(Qt::AlignCenter);
    theme::bindColor(m_listPlaceholder, QPalette::WindowText, theme::textSecondary);
    m_listPlaceholder->setContentsMargins(16, 24, 16, 24);
    m_listPlaceholder->setText(tr("This app has no webhooks yet."));

    m_demoCard->setObjectName(QStringLiteral("webhookDemoCard"));
    auto *demoText = new QLabel(tr("Demo: let the simulator deliver to Ascend's own listener, then press "
                                   "Send Test to watch the event arrive."),
                                m_demoCard);
    demoText->setWordWrap(true);
    demoText->setFont(theme::font(-1));
    theme::bindColor(demoText, QPalette::WindowText, theme::textSecondary);
    m_demoPoint->setObjectName(QStringLiteral("demoPointWebhook"));
    m_demoPoint->setAccessibleName(tr("Point a webhook at the local listener"));
    auto *demoLayout = new QVBoxLayout(m_demoCard);
    demoLayout->setContentsMargins(14, 12, 14, 14);
    demoLayout->setSpacing(8);
    demoLayout->addWidget(demoText);
    demoLayout->addWidget(m_demoPoint);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(16, 14, 12, 6);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(1);
    titles->addWidget(sectionLabel(tr("Webhooks"), column));
    titles->addWidget(m_listCount);
    header->addLayout(titles, 1);
    header->addWidget(m_newButton);

    auto *line = new QFrame(column);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Plain);
    theme::bindColor(line, QPalette::WindowText, theme::separator);

    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_listPlaceholder);
    layout->addStretch(0);
    layout->addWidget(line);
    layout->addWidget(m_demoCard);

    // The right border between the list and the tabs.
    column->setMinimumWidth(230);
    return column;
}

void WebhooksPane::setSecretStore(auth::SecretStore *store)
{
    m_externalSecrets = store;
}

bool WebhooksPane::isSimulator() const
{
    return session() && session()->info().isSimulator;
}

auth::SecretStore *WebhooksPane::secretStore() const
{
    return isSimulator() ? m_memorySecrets.get() : m_externalSecrets;
}

void WebhooksPane::openEventLog()
{
    QString path;
    if (isSimulator()) {
        // Demo events stay out of the real event log.
        if (!m_demoLogDir)
            m_demoLogDir = std::make_unique<QTemporaryDir>();
        path = m_demoLogDir->filePath(QStringLiteral("demo-events.sqlite"));
    } else {
        path = webhooks::defaultEventLogPath();
    }
    if (path == m_logPath)
        return;
    QString error;
    if (m_listener->openLog(path, &error))
        m_logPath = path;
    else
        m_events->showError(tr("The event log %1 could not be opened: %2").arg(path, error));
}

void WebhooksPane::setSession(session::Session *session)
{
    PaneWidget::setSession(session);
    m_listener->stop();
    m_banner->hide();
    m_knownWebhookIds.clear();
    m_pendingSecrets.clear();
    m_pointing = false;

    // A fresh controller for the new client; the models the views show are re-pointed below.
    auto next = std::make_unique<models::WebhooksController>(session ? session->client() : nullptr,
                                                             session ? secretStore() : nullptr);
    m_list->setModel(next->webhooks());
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &WebhooksPane::onSelectionChanged);
    auto *deliveries = new WebhookDeliveriesWidget(next->deliveries(), this);
    const int current = m_tabs->currentIndex();
    m_tabs->removeTab(DeliveriesTab);
    m_deliveries->deleteLater();
    m_deliveries = deliveries;
    m_tabs->insertTab(DeliveriesTab, m_deliveries, tr("Deliveries"));
    m_tabs->setCurrentIndex(current);
    m_controller = std::move(next);
    connect(m_deliveries, &WebhookDeliveriesWidget::loadRequested, this,
            [this](const QString &id, const api::DeliveryFilter &filter) {
                m_controller->loadDeliveries(id, filter);
            });
    connect(m_deliveries, &WebhookDeliveriesWidget::redeliverRequested, this,
            [this](const QString &id) { m_controller->redeliver(id); });

    auto *controller = m_controller.get();
    connect(controller, &models::WebhooksController::busyChanged, this, &WebhooksPane::setBusy);
    connect(controller, &models::WebhooksController::failed, this, &WebhooksPane::showError);
    connect(controller, &models::WebhooksController::saved, this, &WebhooksPane::onSaved);
    connect(controller, &models::WebhooksController::removed, this, [this](const QString &id) {
        m_knownWebhookIds.remove(id);
        refreshListenerSecrets();
        newWebhook();
    });
    connect(controller, &models::WebhooksController::pingSent, this, [this](const QString &id) {
        if (id != m_form->webhookId())
            return;
        const bool toListener =
            m_listener->isListening() && m_form->urlEdit()->text().trimmed() == m_listener->localUrl();
        m_form->setNotice(toListener ? tr("Test notification requested: the ping appears in Live Events as "
                                          "soon as the listener has verified it.")
                                     : tr("Test notification requested. Its delivery shows in Deliveries."));
    });
    connect(controller, &models::WebhooksController::redelivered, this, [this] {
        QMetaObject::invokeMethod(m_deliveries, &WebhookDeliveriesWidget::refresh, Qt::QueuedConnection);
    });
    connect(controller->webhooks(), &QAbstractItemModel::modelReset, this, &WebhooksPane::onWebhooksReset);
    connect(controller->webhooks(), &QAbstractItemModel::rowsInserted, this, [this] {
        updateListPlaceholder();
        onWebhooksReset();
    });
    connect(controller->webhooks(), &QAbstractItemModel::rowsRemoved, this,
            &WebhooksPane::updateListPlaceholder);

    const bool simulator = isSimulator();
    m_form->setSimulatorAccount(simulator);
    m_events->setSimulatorAccount(simulator);
    m_demoCard->setVisible(simulator);
    if (session)
        openEventLog();
    refreshListenerSecrets();
    if (session && !m_appId.isEmpty())
        m_controller->setAppId(m_appId);
    newWebhook();
    updatePage();
}

void WebhooksPane::refresh()
{
    if (!session() || m_appId.isEmpty() || m_controller->isBusy())
        return;
    m_selectAfterReset = selectedWebhookId();
    m_controller->reload();
    if (m_tabs->currentIndex() == DeliveriesTab)
        m_deliveries->refresh();
}

void WebhooksPane::focusSearch()
{
    if (m_stack->currentIndex() == 0)
        return;
    switch (m_tabs->currentIndex()) {
    case EventsTab:
        m_events->typeFilter()->setFocus(Qt::ShortcutFocusReason);
        break;
    case DeliveriesTab:
        m_deliveries->stateFilter()->setFocus(Qt::ShortcutFocusReason);
        break;
    default:
        m_list->setFocus(Qt::ShortcutFocusReason);
        break;
    }
}

void WebhooksPane::setCurrentApp(const api::App *app)
{
    PaneWidget::setCurrentApp(app);
    const QString appId = app ? app->id : QString();
    if (appId == m_appId)
        return;
    m_appId = appId;
    m_banner->hide();
    newWebhook();
    m_selectAfterReset.clear();
    if (session() && !m_appId.isEmpty())
        m_controller->setAppId(m_appId);
    updatePage();
}

void WebhooksPane::updatePage()
{
    const bool ready = session() && !m_appId.isEmpty();
    m_stack->setCurrentIndex(ready ? 1 : 0);
    if (!session())
        m_emptyState->setNote(tr("Add an API key or try the demo to manage webhooks."));
    else
        m_emptyState->setNote(tr("Choose an app to see its webhooks."));
    updateListPlaceholder();
}

void WebhooksPane::updateEventsTabTitle()
{
    m_tabs->setTabText(EventsTab, m_unseenEvents > 0 ? tr("Live Events (%1 new)").arg(m_unseenEvents)
                                                     : tr("Live Events"));
}

void WebhooksPane::updateListPlaceholder()
{
    const int count = m_controller->webhooks()->rowCount();
    m_listCount->setText(count == 0 ? tr("None yet") : tr("%n webhook(s)", nullptr, count));
    m_list->setVisible(count > 0);
    m_listPlaceholder->setVisible(count == 0);
    if (m_controller->isBusy() && count == 0)
        m_listPlaceholder->setText(tr("Loading…"));
    else
        m_listPlaceholder->setText(tr("This app has no webhooks yet. Create one with New Webhook."));
}

QString WebhooksPane::selectedWebhookId() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.data(WebhookListModel::IdRole).toString() : QString();
}

void WebhooksPane::newWebhook()
{
    if (m_list->selectionModel()) {
        const QSignalBlocker blocker(m_list->selectionModel());
        m_list->selectionModel()->clear();
        m_list->setCurrentIndex(QModelIndex());
    }
    m_form->startNew();
    m_deliveries->setWebhookId(QString());
    m_tabs->setTabEnabled(DeliveriesTab, false);
    if (m_tabs->currentIndex() == DeliveriesTab)
        m_tabs->setCurrentIndex(SettingsTab);
    if (sender() == m_newButton) {
        m_tabs->setCurrentIndex(SettingsTab);
        m_form->nameEdit()->setFocus();
    }
}

void WebhooksPane::selectWebhook(const QString &webhookId)
{
    const int row = m_controller->webhooks()->rowOfId(webhookId);
    if (row < 0)
        return;
    m_list->setCurrentIndex(m_controller->webhooks()->index(row, WebhookListModel::Name));
}

void WebhooksPane::onSelectionChanged()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid()) {
        m_form->startNew();
        m_tabs->setTabEnabled(DeliveriesTab, false);
        return;
    }
    const auto webhook = current.data(WebhookListModel::WebhookRole).value<api::Webhook>();
    m_form->showWebhook(webhook);
    m_tabs->setTabEnabled(DeliveriesTab, true);
    if (m_tabs->currentIndex() == DeliveriesTab)
        m_deliveries->setWebhookId(webhook.id);
    else
        m_deliveries->setWebhookId(QString()); // loaded when the tab is shown
}

void WebhooksPane::onWebhooksReset()
{
    updateListPlaceholder();
    for (const api::Webhook &webhook : m_controller->webhooks()->webhooks())
        m_knownWebhookIds.insert(webhook.id);
    refreshListenerSecrets();
    const QString wanted = m_selectAfterReset.isEmpty() ? m_form->webhookId() : m_selectAfterReset;
    if (!wanted.isEmpty() && m_controller->webhooks()->rowOfId(wanted) >= 0) {
        selectWebhook(wanted);
        m_selectAfterReset.clear();
    } else if (!m_list->currentIndex().isValid() && m_form->isCreating() &&
               m_form->nameEdit()->text().isEmpty() && m_controller->webhooks()->rowCount() > 0) {
        // Nothing typed into the new-webhook form yet: show the first webhook.
        selectWebhook(m_controller->webhooks()->webhook(0).id);
    }
}

void WebhooksPane::onSaved(const QString &webhookId)
{
    const bool created = m_form->isCreating() || m_pointing;
    m_knownWebhookIds.insert(webhookId);
    refreshListenerSecrets();
    m_selectAfterReset = webhookId;
    selectWebhook(webhookId);
    m_form->clearSecret();
    if (m_pointing) {
        m_pointing = false;
        m_tabs->setCurrentIndex(SettingsTab);
        m_form->setNotice(tr("This webhook delivers every event type to the local listener. Press Send Test, "
                             "then look at Live Events."));
    } else {
        m_form->setNotice(created ? tr("Webhook created. Its secret is kept on this computer and not shown "
                                       "again.")
                                  : tr("Changes saved."));
    }
}

void WebhooksPane::confirmDelete(const QString &webhookId)
{
    const int row = m_controller->webhooks()->rowOfId(webhookId);
    if (row < 0)
        return;
    const api::Webhook webhook = m_controller->webhooks()->webhook(row);
    QMessageBox box(QMessageBox::Warning, tr("Delete Webhook"),
                    tr("Delete the webhook “%1”?").arg(webhook.name), QMessageBox::Cancel, this);
    box.setInformativeText(tr("App Store Connect stops notifying %1 at once. Its deliveries are deleted "
                              "with it, and this cannot be undone.")
                               .arg(webhook.url));
    QPushButton *remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return;
    m_banner->hide();
    m_controller->remove(webhookId);
}

void WebhooksPane::showError(const QString &message)
{
    m_pointing = false;
    m_banner->setMessage(message, QString());
    m_banner->show();
}

void WebhooksPane::setBusy(bool busy)
{
    m_form->setBusy(busy);
    m_deliveries->setBusy(busy);
    m_newButton->setEnabled(!busy);
    m_demoPoint->setEnabled(!busy);
    m_events->setPointEnabled(!busy);
    updateListPlaceholder();
}

void WebhooksPane::refreshListenerSecrets()
{
    auth::SecretStore *store = secretStore();
    QList<QByteArray> secrets = m_pendingSecrets;
    QStringList missing;
    if (store) {
        const QStringList ids(m_knownWebhookIds.cbegin(), m_knownWebhookIds.cend());
        for (const QByteArray &secret : webhooks::WebhookSecrets(*store).secretsFor(ids, &missing)) {
            if (!secrets.contains(secret))
                secrets.append(secret);
        }
    }
    m_listener->setSecrets(secrets);
    // Known secrets are removed from every log line, wherever they might appear.
    for (const QByteArray &secret : std::as_const(secrets))
        addRedactedValue(QString::fromLatin1(secret));
    // Only the selected app's webhooks matter to the person looking at this pane.
    int missingHere = 0;
    for (const api::Webhook &webhook :
         m_controller ? m_controller->webhooks()->webhooks() : QList<api::Webhook>())
        missingHere += missing.contains(webhook.id);
    m_events->setSecretsNote(
        missingHere == 0
            ? QString()
            : tr("%n webhook(s) of this app have no secret on this computer: notifications signed with "
                 "them are rejected (401). Generate a new secret in Settings to fix that.",
                 nullptr, missingHere));
}

bool WebhooksPane::startListener(const webhooks::ListenerConfig &config)
{
    m_events->showError(QString());
    if (m_logPath.isEmpty())
        openEventLog();
    refreshListenerSecrets();
    QString error;
    if (!m_listener->start(config, &error)) {
        m_events->showError(error);
        return false;
    }
    return true;
}

void WebhooksPane::stopListener()
{
    m_listener->stop();
}

void WebhooksPane::pointWebhookAtListener()
{
    if (!session() || m_appId.isEmpty() || m_controller->isBusy())
        return;
    const QByteArray secret = webhooks::generateSecret();
    m_pendingSecrets.append(secret);
    if (!m_listener->isListening()) {
        QString error;
        const auto config = m_events->config(&error);
        if (!config || !startListener(*config)) {
            if (!config)
                m_events->showError(error);
            m_tabs->setCurrentIndex(EventsTab);
            return;
        }
    } else {
        refreshListenerSecrets();
    }
    api::WebhookFields fields;
    fields.name = tr("Ascend listener");
    fields.url = m_listener->localUrl();
    fields.enabled = true;
    QList<asc::WebhookEventType> types;
    for (const webhooks::EventTypeInfo &info : webhooks::eventTypes())
        types.append(info.type);
    fields.eventTypes = types;
    fields.secret = secret;
    m_banner->hide();
    m_pointing = true;
    newWebhook();
    m_controller->create(fields);
}

} // namespace ascend::ui

#pragma once
// The Webhooks pane: the webhooks of the selected app on the left; on the right the form (Settings), the
// Deliveries of the selected webhook, and Live Events — the local listener and its timeline. In the demo,
// "Point a webhook at this listener" creates a webhook that delivers to the listener, so "Send Test" shows
// an event arriving live.

#include "ui/panewidget.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <memory>

class QListView;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTemporaryDir;

namespace ascend::auth {
class SecretStore;
}
namespace ascend::models {
class ListenerController;
class WebhooksController;
} // namespace ascend::models
namespace ascend::webhooks {
struct ListenerConfig;
}

namespace ascend::ui {

class EmptyStateWidget;
class MessageBanner;
class WebhookDeliveriesWidget;
class WebhookEventsWidget;
class WebhookFormWidget;

class WebhooksPane : public PaneWidget {
    Q_OBJECT
public:
    enum Tab { SettingsTab, DeliveriesTab, EventsTab };
    Q_ENUM(Tab)

    explicit WebhooksPane(QWidget *parent = nullptr);
    ~WebhooksPane() override;

    // Where webhook secrets are kept for accounts other than the simulator (not owned). The simulator's
    // webhooks live only as long as it does, so their secrets stay in memory.
    void setSecretStore(auth::SecretStore *store);
    void setSession(session::Session *session) override;
    void setCurrentApp(const api::App *app) override;
    // F5: the webhook list again, and the deliveries when they are shown. Ctrl+F: the filter of the tab
    // shown (event type, delivery state), or the webhook list on Settings.
    void refresh() override;
    void focusSearch() override;

    models::WebhooksController *controller() const { return m_controller.get(); }
    models::ListenerController *listener() const { return m_listener; }
    EmptyStateWidget *emptyState() const { return m_emptyState; }
    MessageBanner *errorBanner() const { return m_banner; }
    QListView *webhookList() const { return m_list; }
    QPushButton *newButton() const { return m_newButton; }
    QPushButton *demoPointButton() const { return m_demoPoint; }
    QTabWidget *tabs() const { return m_tabs; }
    WebhookFormWidget *form() const { return m_form; }
    WebhookDeliveriesWidget *deliveries() const { return m_deliveries; }
    WebhookEventsWidget *events() const { return m_events; }
    QString selectedWebhookId() const;

public slots:
    void newWebhook();
    void selectWebhook(const QString &webhookId);
    bool startListener(const ascend::webhooks::ListenerConfig &config);
    void stopListener();
    // Demo: starts the listener if needed and creates a webhook for the selected app that delivers to it.
    void pointWebhookAtListener();

signals:
    // For the status bar and the source list badge.
    void listenerStateChanged(bool listening, const QString &url);
    // "Open" on an event in the timeline; the main window shows the pane for that kind of item.
    void openInstanceRequested(const QString &instanceType, const QString &instanceId);

private:
    QWidget *buildListColumn();
    void updatePage();
    void updateListPlaceholder();
    void updateEventsTabTitle();
    void onSelectionChanged();
    void onWebhooksReset();
    void onSaved(const QString &webhookId);
    void confirmDelete(const QString &webhookId);
    void showError(const QString &message);
    void setBusy(bool busy);
    void refreshListenerSecrets();
    bool isSimulator() const;
    auth::SecretStore *secretStore() const;
    void openEventLog();

    auth::SecretStore *m_externalSecrets = nullptr;
    std::unique_ptr<auth::SecretStore> m_memorySecrets;
    std::unique_ptr<models::WebhooksController> m_controller;
    models::ListenerController *m_listener;
    std::unique_ptr<QTemporaryDir> m_demoLogDir;
    QString m_logPath;

    QStackedWidget *m_stack;
    EmptyStateWidget *m_emptyState;
    MessageBanner *m_banner;
    QListView *m_list;
    QLabel *m_listCount;
    QLabel *m_listPlaceholder;
    QPushButton *m_newButton;
    QWidget *m_demoCard;
    QPushButton *m_demoPoint;
    QTabWidget *m_tabs;
    WebhookFormWidget *m_form;
    WebhookDeliveriesWidget *m_deliveries;
    WebhookEventsWidget *m_events;

    QString m_appId;
    QString m_selectAfterReset; // keep or restore this selection when the list reloads
    bool m_pointing = false;
    int m_unseenEvents = 0; // arrived while Live Events was not shown            // the webhook being created
                            // is the demo's listener webhook
    QSet<QString> m_knownWebhookIds;    // every webhook seen in this session, for the listener's secrets
    QList<QByteArray> m_pendingSecrets; // secrets of webhooks being created, before they have an id
};

} // namespace ascend::ui

#pragma once
// The webhook form: name, URL, enabled, the 12 event types as checkboxes grouped by area, and the secret
// (Generate, show/hide). It checks itself before asking for a save; the secret field is emptied after a
// save because App Store Connect never returns it.

#include "core/api/webhooks.h"
#include "models/webhookform.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace ascend::ui {

class WebhookFormWidget : public QWidget {
    Q_OBJECT
public:
    explicit WebhookFormWidget(QWidget *parent = nullptr);

    // Plain http URLs are fine for the simulator (its webhooks point at a local listener).
    void setSimulatorAccount(bool simulator);
    // An empty form for a new webhook, with a freshly generated secret.
    void startNew();
    // The form filled from an existing webhook; the secret field stays empty ("keep the current one").
    void showWebhook(const api::Webhook &webhook);
    void setBusy(bool busy);
    // After a successful save: forget the secret typed or generated.
    void clearSecret();
    // A short positive line next to the buttons ("Test notification sent"); empty hides it.
    void setNotice(const QString &notice);
    QString notice() const;

    bool isCreating() const { return m_creating; }
    QString webhookId() const { return m_webhookId; }
    api::WebhookFields fields() const;
    // Validates and shows errors and warnings inline.
    models::FormCheck validate();

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *urlEdit() const { return m_url; }
    QCheckBox *enabledBox() const { return m_enabled; }
    QCheckBox *eventBox(asc::WebhookEventType type) const { return m_eventBoxes.value(int(type)); }
    QLineEdit *secretEdit() const { return m_secret; }
    QPushButton *generateButton() const { return m_generate; }
    QToolButton *showSecretButton() const { return m_showSecret; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *testButton() const { return m_test; }
    QStringList shownErrors() const { return m_shownErrors; }
    QStringList shownWarnings() const { return m_shownWarnings; }

signals:
    void saveRequested(const ascend::api::WebhookFields &fields, bool creating);
    void deleteRequested(const QString &webhookId);
    void testRequested(const QString &webhookId);

private:
    void onSave();
    void updateMessages(const models::FormCheck &check);
    void updateButtons();
    void setSecretVisible(bool visible);
    QWidget *buildEventTypes();

    QLabel *m_heading;
    QLabel *m_subheading;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QCheckBox *m_enabled;
    QHash<int, QCheckBox *> m_eventBoxes;
    QLineEdit *m_secret;
    QLabel *m_secretNote;
    QPushButton *m_generate;
    QToolButton *m_showSecret;
    QLabel *m_messages;
    QPushButton *m_save;
    QPushButton *m_delete;
    QPushButton *m_test;
    QLabel *m_busyLabel;
    QLabel *m_notice;

    QStringList m_shownErrors;
    QStringList m_shownWarnings;
    QString m_webhookId;
    bool m_creating = true;
    bool m_simulator = false;
    bool m_busy = false;
    bool m_validateLive = false; // after the first attempt to save, errors follow every edit
};

} // namespace ascend::ui

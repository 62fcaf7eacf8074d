#pragma once
// The Live Events tab: the local listener (host, port, path, start/stop, its URL and what App Store Connect
// needs to reach it, counters) above the timeline of verified events with a type filter and a detail view
// (pretty JSON and headers).

#include "core/webhooks/webhooklistener.h"

#include <QHash>
#include <QWidget>
#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;

namespace ascend::models {
class ListenerController;
}

namespace ascend::ui {

class StatusIndicator;

class WebhookEventsWidget : public QWidget {
    Q_OBJECT
public:
    explicit WebhookEventsWidget(models::ListenerController *listener, QWidget *parent = nullptr);

    // Whether "Point a webhook at this listener" is offered (the simulator delivers to loopback directly).
    void setSimulatorAccount(bool simulator);
    void setPointEnabled(bool enabled);
    // nullopt plus a message when host, port or path are unusable.
    std::optional<webhooks::ListenerConfig> config(QString *error) const;
    void showError(const QString &message);
    // "2 webhooks have no secret here" and the like; empty hides it.
    void setSecretsNote(const QString &note);

    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portSpin() const { return m_port; }
    QLineEdit *pathEdit() const { return m_path; }
    QPushButton *startStopButton() const { return m_startStop; }
    QPushButton *pointButton() const { return m_point; }
    QLabel *urlLabel() const { return m_url; }
    QComboBox *typeFilter() const { return m_typeFilter; }
    QTableView *table() const { return m_table; }
    QPlainTextEdit *jsonView() const { return m_json; }
    QPlainTextEdit *headersView() const { return m_headers; }
    QPushButton *openButton() const { return m_open; }
    // The pane that shows a notification's instance: "buildUploads" → Uploads and so on; -1 for none.
    static int paneForInstanceType(const QString &instanceType);
    QLabel *counterLabel(const QString &name) const;
    int visibleEventCount() const;

signals:
    void startRequested(const ascend::webhooks::ListenerConfig &config);
    void stopRequested();
    void pointRequested();
    // "Open" on an event: show its upload, build or feedback item.
    void openRequested(const QString &instanceType, const QString &instanceId);

private:
    void updateListenerState();
    void updateCounters();
    void updateDetail();
    void saveSettings() const;
    QWidget *buildListenerCard();
    QWidget *counterChip(const QString &name, const QString &title, const std::function<QColor()> &color);

    models::ListenerController *m_listener;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_path;
    QPushButton *m_startStop;
    QPushButton *m_point;
    StatusIndicator *m_status;
    QLabel *m_url;
    QLabel *m_explanation;
    QLabel *m_error;
    QLabel *m_secretsNote;
    QHash<QString, QLabel *> m_counters;
    QComboBox *m_typeFilter;
    QLabel *m_eventCount;
    QTableView *m_table;
    QPlainTextEdit *m_json;
    QPlainTextEdit *m_headers;
    QPushButton *m_open;
    bool m_simulator = false;
};

} // namespace ascend::ui

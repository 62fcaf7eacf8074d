#pragma once
// The Deliveries tab: every attempt App Store Connect made to reach the selected webhook, filtered by a date
// range (the last 7 days by default) and a state; the selected delivery's event payload and the response,
// and "Redeliver".

#include "core/api/webhookdeliveries.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace ascend::models {
class DeliveryListModel;
}

namespace ascend::ui {

class WebhookDeliveriesWidget : public QWidget {
    Q_OBJECT
public:
    explicit WebhookDeliveriesWidget(models::DeliveryListModel *model, QWidget *parent = nullptr);

    // Empty: nothing selected (a new webhook).
    void setWebhookId(const QString &webhookId);
    QString webhookId() const { return m_webhookId; }
    void setBusy(bool busy);
    api::DeliveryFilter filter() const;

    QTableView *table() const { return m_table; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *untilEdit() const { return m_until; }
    QComboBox *stateFilter() const { return m_state; }
    QPushButton *refreshButton() const { return m_refresh; }
    QPushButton *redeliverButton() const { return m_redeliver; }
    QPlainTextEdit *payloadView() const { return m_payload; }
    QPlainTextEdit *responseView() const { return m_response; }

public slots:
    void refresh();

signals:
    void loadRequested(const QString &webhookId, const ascend::api::DeliveryFilter &filter);
    void redeliverRequested(const QString &deliveryId);

private:
    void updateDetail();
    void updateSummary();
    QString selectedDeliveryId() const;

    models::DeliveryListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QDateEdit *m_from;
    QDateEdit *m_until;
    QComboBox *m_state;
    QPushButton *m_refresh;
    QLabel *m_summary;
    QTableView *m_table;
    QPlainTextEdit *m_payload;
    QPlainTextEdit *m_response;
    QPushButton *m_redeliver;
    QString m_webhookId;
    bool m_busy = false;
    bool m_refreshWanted = false; // asked while busy: done when the pending request ends
};

} // namespace ascend::ui

#pragma once
// The deliveries of one webhook (GET /v1/webhooks/{id}/deliveries?include=event): created, sent, state,
// HTTP status, error, event. RawDataRole gives each cell's sortable value (QDateTime, int, QString);
// PayloadRole the event's payload pretty-printed, ResponseRole the endpoint's answer.

#include "core/api/webhookdeliveries.h"

#include <QAbstractTableModel>
#include <QList>

Q_DECLARE_METATYPE(ascend::api::WebhookDelivery)

namespace ascend::models {

class DeliveryListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Created, Sent, State, HttpStatus, Error, Event, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        RawDataRole = Qt::UserRole + 1,
        DeliveryRole, // api::WebhookDelivery
        IdRole,
        StateRole,    // "SUCCEEDED" / "FAILED" / "PENDING"
        PayloadRole,  // pretty JSON of the event payload
        ResponseRole, // "HTTP 200\n<body>" or the error
    };
    Q_ENUM(Role)

    explicit DeliveryListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setDeliveries(const QList<api::WebhookDelivery> &deliveries);
    void upsert(const api::WebhookDelivery &delivery);
    void clear();

    const QList<api::WebhookDelivery> &deliveries() const { return m_deliveries; }
    api::WebhookDelivery delivery(int row) const;
    int rowOfId(const QString &id) const;

    static QString prettyPayload(const QString &payload);

private:
    QList<api::WebhookDelivery> m_deliveries;
};

} // namespace ascend::models

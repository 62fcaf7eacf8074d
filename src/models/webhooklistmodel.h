#pragma once
// The webhooks of the selected app (GET /v1/apps/{id}/webhooks), one row per webhook, one column per
// Column. RawDataRole gives each cell's sortable value; WebhookRole the whole api::Webhook.

#include "core/api/webhooks.h"

#include <QAbstractTableModel>
#include <QList>

Q_DECLARE_METATYPE(ascend::api::Webhook)

namespace ascend::models {

class WebhookListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Url, Enabled, EventTypes, Id, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        RawDataRole = Qt::UserRole + 1, // the cell's value: QString, bool, QStringList
        WebhookRole,                    // api::Webhook
        IdRole,
    };
    Q_ENUM(Role)

    explicit WebhookListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setWebhooks(const QList<api::Webhook> &webhooks);
    // Replaces the row with the same id, or appends.
    void upsert(const api::Webhook &webhook);
    bool removeWebhook(const QString &id);
    void clear();

    const QList<api::Webhook> &webhooks() const { return m_webhooks; }
    api::Webhook webhook(int row) const;
    int rowOfId(const QString &id) const;

private:
    QList<api::Webhook> m_webhooks;
};

} // namespace ascend::models

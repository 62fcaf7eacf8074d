#include "models/webhooklistmodel.h"

namespace ascend::models {

namespace {
QStringList typeNames(const api::Webhook &webhook)
{
    QStringList names;
    for (const auto type : webhook.eventTypes)
        names << asc::toString(type);
    return names;
}
} // namespace

WebhookListModel::WebhookListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int WebhookListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_webhooks.size());
}

int WebhookListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WebhookListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::Webhook &w = m_webhooks.at(index.row());
    switch (role) {
    case WebhookRole:
        return QVariant::fromValue(w);
    case IdRole:
        return w.id;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case RawDataRole:
        break;
    case Qt::CheckStateRole:
        return index.column() == Enabled ? QVariant(w.enabled ? Qt::Checked : Qt::Unchecked) : QVariant();
    default:
        return {};
    }
    const bool raw = role == RawDataRole;
    switch (Column(index.column())) {
    case Name:
        return w.name;
    case Url:
        return w.url;
    case Enabled:
        return raw ? QVariant(w.enabled) : QVariant(w.enabled ? tr("On") : tr("Off"));
    case EventTypes:
        if (raw)
            return typeNames(w);
        return role == Qt::ToolTipRole ? typeNames(w).join(QLatin1Char('\n'))
                                       : tr("%n event type(s)", nullptr, int(w.eventTypes.size()));
    case Id:
        return w.id;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant WebhookListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Url:
        return tr("URL");
    case Enabled:
        return tr("Enabled");
    case EventTypes:
        return tr("Events");
    case Id:
        return tr("ID");
    case ColumnCount:
        break;
    }
    return {};
}

QHash<int, QByteArray> WebhookListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(RawDataRole, "rawData");
    names.insert(WebhookRole, "webhook");
    names.insert(IdRole, "webhookId");
    return names;
}

void WebhookListModel::setWebhooks(const QList<api::Webhook> &webhooks)
{
    beginResetModel();
    m_webhooks = webhooks;
    endResetModel();
}

void WebhookListModel::upsert(const api::Webhook &webhook)
{
    const int row = rowOfId(webhook.id);
    if (row >= 0) {
        m_webhooks[row] = webhook;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    beginInsertRows({}, int(m_webhooks.size()), int(m_webhooks.size()));
    m_webhooks.append(webhook);
    endInsertRows();
}

bool WebhookListModel::removeWebhook(const QString &id)
{
    const int row = rowOfId(id);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_webhooks.removeAt(row);
    endRemoveRows();
    return true;
}

void WebhookListModel::clear()
{
    setWebhooks({});
}

api::Webhook WebhookListModel::webhook(int row) const
{
    return row >= 0 && row < m_webhooks.size() ? m_webhooks.at(row) : api::Webhook{};
}

int WebhookListModel::rowOfId(const QString &id) const
{
    for (int i = 0; i < m_webhooks.size(); ++i) {
        if (m_webhooks.at(i).id == id)
            return i;
    }
    return -1;
}

} // namespace ascend::models

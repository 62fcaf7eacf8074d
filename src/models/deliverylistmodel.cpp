#include "models/deliverylistmodel.h"

#include <QJsonDocument>
#include <QLocale>

namespace ascend::models {

namespace {
QString eventName(const api::WebhookDelivery &d)
{
    if (!d.event)
        return {};
    if (d.event->ping)
        return QStringLiteral("ping");
    return d.event->eventType ? asc::toString(*d.event->eventType) : QString();
}
QString dateText(const QDateTime &dateTime)
{
    return dateTime.isValid() ? QLocale().toString(dateTime.toLocalTime(), QLocale::ShortFormat) : QString();
}
} // namespace

DeliveryListModel::DeliveryListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int DeliveryListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_deliveries.size());
}

int DeliveryListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DeliveryListModel::prettyPayload(const QString &payload)
{
    const QJsonDocument document = QJsonDocument::fromJson(payload.toUtf8());
    return document.isNull() ? payload : QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

QVariant DeliveryListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::WebhookDelivery &d = m_deliveries.at(index.row());
    switch (role) {
    case DeliveryRole:
        return QVariant::fromValue(d);
    case IdRole:
        return d.id;
    case StateRole:
        return d.deliveryState ? asc::toString(*d.deliveryState) : QString();
    case PayloadRole:
        return d.event ? prettyPayload(d.event->payload) : QString();
    case ResponseRole: {
        QString text;
        if (d.httpStatusCode)
            text = QStringLiteral("HTTP %1\n").arg(*d.httpStatusCode);
        text += d.responseBody;
        if (!d.errorMessage.isEmpty())
            text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + d.errorMessage;
        return text;
    }
    case Qt::DisplayRole:
    case RawDataRole:
        break;
    default:
        return {};
    }
    const bool raw = role == RawDataRole;
    switch (Column(index.column())) {
    case Created:
        return raw ? QVariant(d.createdDate) : QVariant(dateText(d.createdDate));
    case Sent:
        return raw ? QVariant(d.sentDate) : QVariant(dateText(d.sentDate));
    case State:
        return d.deliveryState ? asc::toString(*d.deliveryState) : QString();
    case HttpStatus:
        return d.httpStatusCode ? QVariant(*d.httpStatusCode) : (raw ? QVariant(0) : QVariant());
    case Error:
        return d.errorMessage;
    case Event:
        return d.redelivery && !raw ? tr("%1 (redelivery)").arg(eventName(d)) : eventName(d);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant DeliveryListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Created:
        return tr("Created");
    case Sent:
        return tr("Sent");
    case State:
        return tr("State");
    case HttpStatus:
        return tr("HTTP status");
    case Error:
        return tr("Error");
    case Event:
        return tr("Event");
    case ColumnCount:
        break;
    }
    return {};
}

QHash<int, QByteArray> DeliveryListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(RawDataRole, "rawData");
    names.insert(DeliveryRole, "delivery");
    names.insert(IdRole, "deliveryId");
    names.insert(StateRole, "deliveryState");
    names.insert(PayloadRole, "payload");
    names.insert(ResponseRole, "response");
    return names;
}

void DeliveryListModel::setDeliveries(const QList<api::WebhookDelivery> &deliveries)
{
    beginResetModel();
    m_deliveries = deliveries;
    endResetModel();
}

void DeliveryListModel::upsert(const api::WebhookDelivery &delivery)
{
    const int row = rowOfId(delivery.id);
    if (row >= 0) {
        m_deliveries[row] = delivery;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    beginInsertRows({}, int(m_deliveries.size()), int(m_deliveries.size()));
    m_deliveries.append(delivery);
    endInsertRows();
}

void DeliveryListModel::clear()
{
    setDeliveries({});
}

api::WebhookDelivery DeliveryListModel::delivery(int row) const
{
    return row >= 0 && row < m_deliveries.size() ? m_deliveries.at(row) : api::WebhookDelivery{};
}

int DeliveryListModel::rowOfId(const QString &id) const
{
    for (int i = 0; i < m_deliveries.size(); ++i) {
        if (m_deliveries.at(i).id == id)
            return i;
    }
    return -1;
}

} // namespace ascend::models

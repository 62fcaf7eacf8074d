#pragma once
// The event timeline: events from the local listener's log, oldest first, live-appended as they arrive.
// Columns: received, type, instance, signature verdict, duplicates. RawDataRole gives each cell's sortable
// value; EventTypeRole (WebhookEventType name, "ping", or data.type) is for a type filter proxy;
// PrettyJsonRole and HeadersRole feed the detail view; InstanceTypeRole/InstanceIdRole drive "Open".

#include "core/store/eventlog.h"

#include <QAbstractTableModel>
#include <QList>

Q_DECLARE_METATYPE(ascend::store::LoggedEvent)

namespace ascend::models {

class EventLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Received, Type, Instance, Signature, Duplicates, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        RawDataRole = Qt::UserRole + 1,
        EventRole, // store::LoggedEvent
        EventIdRole,
        EventTypeRole,
        InstanceTypeRole,
        InstanceIdRole,
        PrettyJsonRole,
        HeadersRole, // "Name: value" lines
    };
    Q_ENUM(Role)

    explicit EventLogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The newest `limit` events of the log, oldest first.
    void load(const store::EventLog &log, int limit = 5000);
    // A newly stored event (WebhookListener::eventReceived → ReceivedEvent::logged).
    void appendEvent(const store::LoggedEvent &event);
    // Another copy of an event arrived (WebhookListener::duplicateReceived).
    void noteDuplicate(const QString &eventId);
    void clear();

    store::LoggedEvent event(int row) const;
    int rowOfEventId(const QString &eventId) const;

    // "BUILD_UPLOAD_STATE_UPDATED", "ping", or data.type for types the spec does not know.
    static QString typeName(const store::LoggedEvent &event);

private:
    QList<store::LoggedEvent> m_events;
};

} // namespace ascend::models

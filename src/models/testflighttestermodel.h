#pragma once
// The testers of one beta group: name, email, state, invite type, devices. Rows arrive page by page
// (appendTesters) so a 2,000-tester group fills without stalling the GUI thread.

#include "core/api/betatesters.h"

#include <QAbstractTableModel>
#include <QList>

namespace ascend::models {

class TestFlightTesterModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Email, State, InviteType, Devices, ColumnCount };
    Q_ENUM(Column)
    enum Role { RawDataRole = Qt::UserRole + 1, TesterIdRole };

    explicit TestFlightTesterModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setTesters(const QList<api::BetaTester> &testers);
    void appendTesters(const QList<api::BetaTester> &testers);
    bool removeTester(const QString &id);
    void upsert(const api::BetaTester &tester);
    void clear();

    const QList<api::BetaTester> &testers() const { return m_testers; }
    const api::BetaTester *tester(int row) const;
    int rowOfId(const QString &id) const;

private:
    QList<api::BetaTester> m_testers;
};

} // namespace ascend::models

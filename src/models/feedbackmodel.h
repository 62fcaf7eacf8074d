#pragma once
// The feedback inbox of one app: screenshot and crash submissions together, newest first. Rows arrive page by
// page (appendItems), a live submission is inserted where its date belongs (insertItem), a deleted one is
// removed (removeItem) and one fetched again with fresh screenshot URLs replaces the old copy (updateItem).
// Read and triaged flags come from a FeedbackTriage store when one is attached, and are written back to it.
//
// One row per submission; the columns are those of the list view, and roles carry everything the grid
// delegate, the filters and the detail need.

#include "core/api/betafeedback.h"
#include "core/store/feedbacktriage.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>

namespace ascend::models {

class FeedbackModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Kind, Tester, Comment, DeviceModel, OsVersion, Build, Date, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        RawDataRole = Qt::UserRole + 1, // per column: a value to sort on
        IdRole,
        KindRole,     // int(api::FeedbackKind)
        KindNameRole, // "screenshot" / "crash"
        CreatedRole,  // QDateTime (UTC)
        CommentRole,
        TesterRole, // display name
        TesterIdRole,
        EmailRole,
        BuildIdRole,
        BuildVersionRole,
        DeviceModelRole,
        OsVersionRole,
        PlatformRole, // "IOS", "MAC_OS", ... (app platform, else device platform)
        ScreenshotCountRole,
        ReadRole,
        TriagedRole,
    };
    Q_ENUM(Role)

    explicit FeedbackModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Replaces everything.
    void setItems(const QList<api::FeedbackSubmission> &items);
    // Appends a page in the order given (the loader delivers newest first). Submissions already present are
    // updated in place instead of appearing twice.
    void appendItems(const QList<api::FeedbackSubmission> &items);
    // Inserts one submission before the first older one (or updates it when present); returns its row.
    int insertItem(const api::FeedbackSubmission &item);
    // Replaces a present submission (same id), e.g. after its screenshot URLs were renewed; false if absent.
    bool updateItem(const api::FeedbackSubmission &item);
    // Also forgets its triage state (the submission is gone).
    bool removeItem(const QString &id);
    void clear();

    const QList<api::FeedbackSubmission> &items() const { return m_items; }
    const api::FeedbackSubmission *submission(int row) const;
    const api::FeedbackSubmission *submissionById(const QString &id) const;
    int rowOfId(const QString &id) const;

    // Attaches the triage store for one scope (see FeedbackTriage::scopeFor) and reads its flags; nullptr
    // keeps the flags in memory only. The store must outlive the model or be detached first.
    void setTriageStore(store::FeedbackTriage *store, const QString &scope);
    store::FeedbackTriage *triageStore() const { return m_store; }
    QString triageScope() const { return m_scope; }
    // Writes to the store first; rows change only when that worked. False and lastError() otherwise.
    bool setRead(const QStringList &ids, bool read);
    bool setTriaged(const QStringList &ids, bool triaged);
    bool isRead(const QString &id) const;
    bool isTriaged(const QString &id) const;
    store::FeedbackState state(const QString &id) const { return m_states.value(id); }
    int unreadCount() const { return m_unread; }
    QString lastError() const { return m_error; }

    // Icons for the Kind column (DecorationRole); the model knows no resources of its own.
    void setKindIcons(const QIcon &screenshot, const QIcon &crash);

    static QString platformOf(const api::FeedbackSubmission &item);

signals:
    void unreadCountChanged(int unread);

private:
    void rebuildIndex(int fromRow = 0);
    void recountUnread();
    void emitRowsChanged(const QStringList &ids, const QList<int> &roles);
    QVariant displayData(const api::FeedbackSubmission &item, int column) const;
    QVariant rawData(const api::FeedbackSubmission &item, int column) const;

    QList<api::FeedbackSubmission> m_items;
    QHash<QString, int> m_rowOfId;
    QHash<QString, store::FeedbackState> m_states;
    store::FeedbackTriage *m_store = nullptr;
    QString m_scope;
    QString m_error;
    QIcon m_screenshotIcon;
    QIcon m_crashIcon;
    int m_unread = 0;
};

} // namespace ascend::models

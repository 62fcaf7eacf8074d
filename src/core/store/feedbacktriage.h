#pragma once
// Local triage state of TestFlight feedback: whether a submission was read and whether it was triaged, per
// scope (an account and app, see scopeFor()) and submission id. App Store Connect keeps no such state, so it
// lives in <config dir>/feedback.sqlite and survives restarts.

#include "core/store/database.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

namespace ascend::store {

struct FeedbackState {
    bool read = false;
    bool triaged = false;
    QDateTime readAt;    // when it was last marked read (invalid when unread)
    QDateTime triagedAt; // when it was last marked triaged (invalid when not triaged)

    friend bool operator==(const FeedbackState &, const FeedbackState &) = default;
};

class FeedbackTriage {
public:
    // <config dir>/feedback.sqlite (ASCEND_CONFIG_DIR overrides the config dir).
    static QString defaultPath();
    // A stable key for one app of one account, e.g. "https://api.appstoreconnect.apple.com|<issuer or key
    // id>|<app id>". The account part keeps two accounts that see the same app id apart.
    static QString scopeFor(const QString &serverUrl, const QString &accountId, const QString &appId);

    FeedbackTriage() = default;

    // ":memory:" for a private database (tests).
    bool open(const QString &path, QString *error);
    void close() { m_db.close(); }
    bool isOpen() const { return m_db.isOpen(); }
    QString path() const { return m_db.path(); }
    QString lastError() const { return m_error; }

    // Every submission of the scope that has any state; ids not in the result are unread and untriaged.
    QHash<QString, FeedbackState> states(const QString &scope) const;
    FeedbackState state(const QString &scope, const QString &submissionId) const;

    // One transaction for all ids. False (and lastError()) when the write failed; nothing is changed then.
    bool setRead(const QString &scope, const QStringList &submissionIds, bool read);
    bool setTriaged(const QString &scope, const QStringList &submissionIds, bool triaged);
    // Drops the state of deleted submissions.
    bool forget(const QString &scope, const QStringList &submissionIds);

private:
    bool update(const QString &scope, const QStringList &ids, const QString &flagColumn,
                const QString &timeColumn, bool value);

    mutable Database m_db;
    mutable QString m_error;
};

} // namespace ascend::store

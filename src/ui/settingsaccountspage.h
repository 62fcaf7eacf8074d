#pragma once
// The Accounts page of the Settings dialog: the stored App Store Connect accounts with Add, Edit and Remove.
// Adding and editing open the account dialog; changes are stored at once (they are not part of OK/Cancel).

#include "core/auth/account.h"

#include <QWidget>
#include <functional>
#include <optional>

class QLabel;
class QListWidget;
class QPushButton;

namespace ascend::auth {
class AccountStore;
class SecretStore;
} // namespace ascend::auth

namespace ascend::ui {

class SettingsAccountsPage : public QWidget {
    Q_OBJECT
public:
    SettingsAccountsPage(auth::AccountStore *accounts, auth::SecretStore *secrets, QWidget *parent = nullptr);

    // Opens the account dialog for a new account (nullopt) or an existing one; returns the name it was saved
    // under, or an empty string when cancelled. Tests replace it.
    using Editor = std::function<QString(const std::optional<auth::Account> &account)>;
    void setEditor(Editor editor) { m_editor = std::move(editor); }
    // Asks before removing; returns true to go ahead. Tests replace it.
    using Confirm = std::function<bool(const QString &title, const QString &text)>;
    void setConfirmHandler(Confirm confirm) { m_confirm = std::move(confirm); }

    QListWidget *list() const { return m_list; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *removeButton() const { return m_remove; }
    QString selectedAccount() const;
    void selectAccount(const QString &name);

public slots:
    void reload();
    void addAccount();
    void editSelected();
    void removeSelected();

signals:
    void accountAdded(const QString &name);
    void accountChanged(const QString &name);
    void accountRemoved(const QString &name);

private:
    void updateButtons();

    auth::AccountStore *m_accounts;
    auth::SecretStore *m_secrets;
    Editor m_editor;
    Confirm m_confirm;
    QListWidget *m_list;
    QLabel *m_empty;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_remove;
};

} // namespace ascend::ui

#include "ui/settingsaccountspage.h"

#include "core/auth/accountstore.h"
#include "core/auth/secretstore.h"
#include "ui/accountdialog.h"
#include "ui/theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace ascend::ui {

SettingsAccountsPage::SettingsAccountsPage(auth::AccountStore *accounts, auth::SecretStore *secrets,
                                           QWidget *parent)
    : QWidget(parent)
    , m_accounts(accounts)
    , m_secrets(secrets)
    , m_list(new QListWidget(this))
    , m_empty(new QLabel(this))
    , m_add(new QPushButton(tr("&Add an API Key…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_remove(new QPushButton(tr("&Remove…"), this))
{
    setObjectName(QStringLiteral("settingsAccounts"));
    m_editor = [this](const std::optional<auth::Account> &account) {
        AccountDialog dialog(m_accounts, m_secrets, this);
        if (account)
            dialog.setAccount(*account);
        return dialog.exec() == QDialog::Accepted ? dialog.savedAccountName() : QString();
    };
    m_confirm = [this](const QString &title, const QString &text) {
        return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Yes;
    };

    m_list->setObjectName(QStringLiteral("accountList"));
    m_list->setAccessibleName(tr("Stored accounts"));
    m_list->setIconSize(QSize(18, 18));
    m_list->setUniformItemSizes(true);
    m_list->setAlternatingRowColors(true);
    m_empty->setObjectName(QStringLiteral("accountsEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setText(
        tr("No accounts yet. Add an App Store Connect API key to connect, or close Settings and try "
           "the demo from the welcome page."));
    theme::bindColor(m_empty, QPalette::WindowText, theme::textSecondary);
    m_add->setObjectName(QStringLiteral("addAccount"));
    m_edit->setObjectName(QStringLiteral("editAccount"));
    m_remove->setObjectName(QStringLiteral("removeAccount"));
    m_add->setIcon(theme::icon(QStringLiteral(":/icons/key.svg")));
    m_remove->setAccessibleDescription(
        tr("Removes the account and deletes its private key from this computer"));
    for (QPushButton *button : {m_add, m_edit, m_remove})
        button->setAutoDefault(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addStretch(1);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &SettingsAccountsPage::addAccount);
    connect(m_edit, &QPushButton::clicked, this, &SettingsAccountsPage::editSelected);
    connect(m_remove, &QPushButton::clicked, this, &SettingsAccountsPage::removeSelected);
    connect(m_list, &QListWidget::itemActivated, this, &SettingsAccountsPage::editSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, &SettingsAccountsPage::updateButtons);
    auto *removeKey = new QShortcut(QKeySequence::Delete, m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(removeKey, &QShortcut::activated, this, &SettingsAccountsPage::removeSelected);
    reload();
}

QString SettingsAccountsPage::selectedAccount() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void SettingsAccountsPage::selectAccount(const QString &name)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toString() == name) {
            m_list->setCurrentRow(row);
            return;
        }
    }
}

void SettingsAccountsPage::reload()
{
    const QString selected = selectedAccount();
    m_list->clear();
    for (const auth::Account &account : m_accounts->accounts()) {
        const QString kind = account.individualKey ? tr("individual key %1").arg(account.keyId)
                                                   : tr("team key %1").arg(account.keyId);
        const QString server = account.baseUrl.isEmpty() ? QString() : tr(" · %1").arg(account.baseUrl);
        auto *item =
            new QListWidgetItem(theme::icon(QStringLiteral(":/icons/key.svg"), theme::Tint::TextSecondary),
                                tr("%1 — %2%3").arg(account.name, kind, server), m_list);
        item->setData(Qt::UserRole, account.name);
        item->setToolTip(account.baseUrl.isEmpty() ? tr("App Store Connect") : account.baseUrl);
    }
    m_list->setVisible(m_list->count() > 0);
    m_empty->setVisible(m_list->count() == 0);
    if (!selected.isEmpty())
        selectAccount(selected);
    if (m_list->currentRow() < 0 && m_list->count() > 0)
        m_list->setCurrentRow(0);
    updateButtons();
}

void SettingsAccountsPage::updateButtons()
{
    const bool selected = !selectedAccount().isEmpty();
    m_edit->setEnabled(selected);
    m_remove->setEnabled(selected);
}

void SettingsAccountsPage::addAccount()
{
    const QString name = m_editor(std::nullopt);
    if (name.isEmpty())
        return;
    reload();
    selectAccount(name);
    emit accountAdded(name);
}

void SettingsAccountsPage::editSelected()
{
    const QString name = selectedAccount();
    const std::optional<auth::Account> account = name.isEmpty() ? std::nullopt : m_accounts->account(name);
    if (!account)
        return;
    const QString saved = m_editor(account);
    if (saved.isEmpty())
        return;
    reload();
    selectAccount(saved);
    emit accountChanged(saved);
}

void SettingsAccountsPage::removeSelected()
{
    const QString name = selectedAccount();
    if (name.isEmpty())
        return;
    if (!m_confirm(
            tr("Remove Account"),
            tr("Remove the account “%1” from Ascend?\n\nIts private key is deleted from %2. The key itself "
               "stays valid in App Store Connect until you revoke it there.")
                .arg(name, m_secrets->backendDescription())))
        return;
    QString error;
    if (!m_accounts->remove(name, &error)) {
        QMessageBox::warning(this, tr("Remove Account"), error);
        return;
    }
    reload();
    emit accountRemoved(name);
}

} // namespace ascend::ui

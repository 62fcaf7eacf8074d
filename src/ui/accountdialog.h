#pragma once
// Adds or edits an App Store Connect account: name, issuer id, key id, the .p8 key (checked as soon as it is
// chosen), the individual-key switch and the server. "Test Connection" lists the account's apps with exactly
// these settings; Save stores them through the AccountStore and says where the private key goes.

#include "core/auth/account.h"

#include <QDialog>
#include <QSet>
#include <memory>

namespace Ui {
class AccountDialog;
}
class QLabel;
class QPushButton;

namespace ascend::auth {
class AccountStore;
class SecretStore;
} // namespace ascend::auth
namespace ascend::session {
class Session;
struct ConnectionInfo;
} // namespace ascend::session
namespace ascend::models {
class AppListLoader;
}

namespace ascend::ui {

class AccountDialog : public QDialog {
    Q_OBJECT
public:
    enum class TestState { Idle, Running, Succeeded, Failed };
    Q_ENUM(TestState)

    // store and secrets are not owned and must outlive the dialog.
    AccountDialog(auth::AccountStore *store, auth::SecretStore *secrets, QWidget *parent = nullptr);
    ~AccountDialog() override;

    // Edit mode: the name is fixed and the stored key is kept unless another key file is chosen.
    void setAccount(const auth::Account &account);
    bool isEditing() const { return m_editing; }

    // The account as the fields describe it (trimmed).
    auth::Account account() const;
    // After Save: the name the account was stored under.
    QString savedAccountName() const { return m_savedName; }

    bool isInputValid() const;
    TestState testState() const { return m_testState; }
    QString testMessage() const;
    QString storageMessage() const;

    QPushButton *saveButton() const;
    QPushButton *testButton() const;

public slots:
    void testConnection();
    void accept() override;

signals:
    void testFinished(bool ok);

private:
    enum Field { NameField, IssuerIdField, KeyIdField, KeyFileField, BaseUrlField };

    QString fieldError(Field field) const;
    void validate();
    void touch(Field field);
    void loadKeyFile();
    void chooseKeyFile();
    void setAdvancedVisible(bool visible);
    void updateStorageNotice();
    void setTestState(TestState state, const QString &message);
    bool connectionInfo(session::ConnectionInfo *info, QString *error) const;
    void setMessage(QLabel *label, const QString &text, bool isError);

    std::unique_ptr<Ui::AccountDialog> m_ui;
    auth::AccountStore *m_store;
    auth::SecretStore *m_secrets;
    bool m_editing = false;
    QSet<Field> m_touched;

    QString m_keyPath;   // the file m_keyPem was read from
    QByteArray m_keyPem; // the chosen key, normalised PKCS#8; empty when none or invalid
    QString m_keyError;

    std::unique_ptr<session::Session> m_testSession;
    models::AppListLoader *m_testLoader = nullptr;
    TestState m_testState = TestState::Idle;
    QString m_savedName;
};

} // namespace ascend::ui

#pragma once
// File ▸ Settings: Accounts, Appearance, Uploads, Webhook listener, Cache, Language and Notifications, one
// page each. Everything but the accounts is written to AppSettings on OK or Apply; the accounts page stores
// its changes at once. Fields are checked before anything is written.

#include "ui/appsettings.h"

#include <QDialog>
#include <QHash>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;

namespace ascend::auth {
class AccountStore;
class SecretStore;
} // namespace ascend::auth

namespace ascend::ui {

class SettingsAccountsPage;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    enum Page {
        AccountsPage,
        AppearancePage,
        UploadsPage,
        ListenerPage,
        CachePage,
        LanguagePage,
        NotificationsPage
    };
    Q_ENUM(Page)

    // accounts and secrets are not owned and must outlive the dialog.
    SettingsDialog(auth::AccountStore *accounts, auth::SecretStore *secrets, QWidget *parent = nullptr);

    void setCurrentPage(Page page);
    Page currentPage() const;
    static QString pageTitle(Page page);

    QListWidget *pageList() const { return m_pages; }
    SettingsAccountsPage *accountsPage() const { return m_accountsPage; }
    QRadioButton *themeButton(theme::Mode mode) const;
    QSpinBox *parallelismSpin() const { return m_parallelism; }
    QLineEdit *listenerHostEdit() const { return m_host; }
    QSpinBox *listenerPortSpin() const { return m_port; }
    QLineEdit *listenerPathEdit() const { return m_path; }
    QLabel *listenerMessage() const { return m_listenerMessage; }
    QSpinBox *thumbnailMemorySpin() const { return m_memory; }
    QSpinBox *thumbnailDiskSpin() const { return m_disk; }
    QPushButton *clearCacheButton() const { return m_clearCache; }
    QLabel *cacheUsageLabel() const { return m_cacheUsage; }
    QComboBox *languageCombo() const { return m_language; }
    QLabel *languageNote() const { return m_languageNote; }
    QCheckBox *notificationCheck(AppSettings::NotificationKind kind) const;
    QPushButton *okButton() const;
    QPushButton *applyButton() const;

    // What is wrong with the fields, or empty when they can be saved.
    QString validationError() const;
    // Whether a field differs from what is stored.
    bool hasChanges() const;

public slots:
    // Checks and writes every page (but the accounts); false when a field is wrong (the page says why).
    bool apply();
    void accept() override;
    void restoreDefaults();
    void clearCache();

signals:
    void accountAdded(const QString &name);
    void accountChanged(const QString &name);
    void accountRemoved(const QString &name);
    void applied();

private:
    QWidget *page(const QString &title, const QString &description, QWidget *content);
    QWidget *buildAppearancePage();
    QWidget *buildUploadsPage();
    QWidget *buildListenerPage();
    QWidget *buildCachePage();
    QWidget *buildLanguagePage();
    QWidget *buildNotificationsPage();
    void load();
    void updateState();
    void updateCacheUsage();
    theme::Mode selectedTheme() const;

    QListWidget *m_pages;
    QStackedWidget *m_stack;
    QDialogButtonBox *m_buttons = nullptr;
    SettingsAccountsPage *m_accountsPage;
    QButtonGroup *m_themeGroup;
    QSpinBox *m_parallelism;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_path;
    QLabel *m_listenerMessage;
    QSpinBox *m_memory;
    QSpinBox *m_disk;
    QPushButton *m_clearCache;
    QLabel *m_cacheUsage;
    QComboBox *m_language;
    QLabel *m_languageNote;
    QHash<AppSettings::NotificationKind, QCheckBox *> m_notifications;
};

} // namespace ascend::ui

#include "ui/settingsdialog.h"

#include "core/auth/secretstore.h"
#include "ui/settingsaccountspage.h"
#include "ui/theme.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ascend::ui {

namespace {

QLabel *noteLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setFont(theme::font(-0.5));
    theme::bindColor(label, QPalette::WindowText, theme::textSecondary);
    return label;
}

QString iconFor(SettingsDialog::Page page)
{
    switch (page) {
    case SettingsDialog::AccountsPage:
        return QStringLiteral(":/icons/key.svg");
    case SettingsDialog::AppearancePage:
        return QStringLiteral(":/icons/appearance.svg");
    case SettingsDialog::UploadsPage:
        return QStringLiteral(":/icons/uploads.svg");
    case SettingsDialog::ListenerPage:
        return QStringLiteral(":/icons/webhooks.svg");
    case SettingsDialog::CachePage:
        return QStringLiteral(":/icons/folder.svg");
    case SettingsDialog::LanguagePage:
        return QStringLiteral(":/icons/globe.svg");
    case SettingsDialog::NotificationsPage:
        return QStringLiteral(":/icons/bell.svg");
    }
    return QString();
}

QString languageName(const QString &code)
{
    for (const auto &[value, name] : AppSettings::languages()) {
        if (value == code)
            return name;
    }
    return code;
}

// The language the running interface uses (main.cpp records it); what the settings say otherwise.
QString runningLanguage()
{
    const QString running = qApp->property("ascendLanguage").toString();
    return running.isEmpty() ? AppSettings::effectiveLanguage() : running;
}

} // namespace

QString SettingsDialog::pageTitle(Page page)
{
    switch (page) {
    case AccountsPage:
        return tr("Accounts");
    case AppearancePage:
        return tr("Appearance");
    case UploadsPage:
        return tr("Uploads");
    case ListenerPage:
        return tr("Webhook Listener");
    case CachePage:
        return tr("Cache");
    case LanguagePage:
        return tr("Language");
    case NotificationsPage:
        return tr("Notifications");
    }
    return QString();
}

SettingsDialog::SettingsDialog(auth::AccountStore *accounts, auth::SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , m_pages(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_accountsPage(new SettingsAccountsPage(accounts, secrets, this))
    , m_themeGroup(new QButtonGroup(this))
    , m_parallelism(new QSpinBox(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_path(new QLineEdit(this))
    , m_listenerMessage(new QLabel(this))
    , m_memory(new QSpinBox(this))
    , m_disk(new QSpinBox(this))
    , m_clearCache(new QPushButton(tr("C&lear Cache"), this))
    , m_cacheUsage(new QLabel(this))
    , m_language(new QComboBox(this))
    , m_languageNote(new QLabel(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    resize(760, 500);

    m_pages->setObjectName(QStringLiteral("settingsPages"));
    m_pages->setAccessibleName(tr("Settings pages"));
    m_pages->setIconSize(QSize(18, 18));
    m_pages->setSpacing(2);
    m_pages->setFixedWidth(190);
    m_stack->setObjectName(QStringLiteral("settingsStack"));

    const QList<QPair<Page, QWidget *>> pages = {
        {AccountsPage,
         page(pageTitle(AccountsPage),
              tr("The App Store Connect API keys Ascend can connect with. Their private keys are "
                 "kept in %1, never in the settings file. Changes here are saved at once.")
                  .arg(secrets->backendDescription()),
              m_accountsPage)},
        {AppearancePage, page(pageTitle(AppearancePage),
                              tr("Light or dark colours. “System” follows the desktop, also when it switches "
                                 "while Ascend runs."),
                              buildAppearancePage())},
        {UploadsPage, page(pageTitle(UploadsPage),
                           tr("App Store Connect splits every build into parts. Sending several at once is "
                              "faster on a good connection; fewer are kinder to a slow or shared one."),
                           buildUploadsPage())},
        {ListenerPage,
         page(pageTitle(ListenerPage),
              tr("Where the local webhook listener waits for App Store Connect's notifications. "
                 "Used the next time the listener starts in Webhooks ▸ Live Events."),
              buildListenerPage())},
        {CachePage, page(pageTitle(CachePage),
                         tr("Screenshot thumbnails of tester feedback are kept in memory and on disk so that "
                            "browsing stays quick. Everything in the cache can be downloaded again."),
                         buildCachePage())},
        {LanguagePage, page(pageTitle(LanguagePage),
                            tr("The language of Ascend's windows. “System” uses your desktop's language when "
                               "Ascend has it, and English otherwise."),
                            buildLanguagePage())},
        {NotificationsPage, page(pageTitle(NotificationsPage),
                                 tr("Desktop notifications appear in the desktop's notification area, or in "
                                    "Ascend's status bar when there is none."),
                                 buildNotificationsPage())},
    };
    for (const auto &[id, widget] : pages) {
        auto *item =
            new QListWidgetItem(theme::icon(iconFor(id), theme::Tint::TextSecondary), pageTitle(id), m_pages);
        item->setSizeHint(QSize(0, 34));
        m_stack->addWidget(widget);
    }

    // Created after the pages, so that Tab reaches the buttons after the fields.
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                                         QDialogButtonBox::Apply | QDialogButtonBox::RestoreDefaults,
                                     this);
    m_buttons->setObjectName(QStringLiteral("settingsButtons"));
    m_buttons->button(QDialogButtonBox::RestoreDefaults)
        ->setAccessibleDescription(tr("Puts every setting on this page back to its default"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(applyButton(), &QPushButton::clicked, this, &SettingsDialog::apply);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &SettingsDialog::restoreDefaults);
    connect(m_pages, &QListWidget::currentRowChanged, this, [this](int row) {
        m_stack->setCurrentIndex(row);
        m_buttons->button(QDialogButtonBox::RestoreDefaults)->setEnabled(row != AccountsPage);
    });
    connect(m_accountsPage, &SettingsAccountsPage::accountAdded, this, &SettingsDialog::accountAdded);
    connect(m_accountsPage, &SettingsAccountsPage::accountChanged, this, &SettingsDialog::accountChanged);
    connect(m_accountsPage, &SettingsAccountsPage::accountRemoved, this, &SettingsDialog::accountRemoved);

    auto *body = new QHBoxLayout;
    body->setSpacing(16);
    body->addWidget(m_pages);
    body->addWidget(m_stack, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(m_buttons);

    load();
    m_pages->setCurrentRow(0);
    m_pages->setFocus();
}

QWidget *SettingsDialog::page(const QString &title, const QString &description, QWidget *content)
{
    auto *widget = new QWidget(this);
    auto *heading = new QLabel(title, widget);
    heading->setFont(theme::font(4, true));
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(8);
    layout->addWidget(heading);
    layout->addWidget(noteLabel(description, widget));
    layout->addSpacing(8);
    layout->addWidget(content, 1);
    return widget;
}

QWidget *SettingsDialog::buildAppearancePage()
{
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    const QString system = theme::systemPrefersDark() ? tr("dark now") : tr("light now");
    const QList<QPair<theme::Mode, QString>> choices = {{theme::Mode::System, tr("&System (%1)").arg(system)},
                                                        {theme::Mode::Light, tr("&Light")},
                                                        {theme::Mode::Dark, tr("&Dark")}};
    for (const auto &[mode, text] : choices) {
        auto *button = new QRadioButton(text, content);
        button->setObjectName(QStringLiteral("theme%1").arg(int(mode)));
        m_themeGroup->addButton(button, int(mode));
        layout->addWidget(button);
    }
    layout->addStretch(1);
    connect(m_themeGroup, &QButtonGroup::idClicked, this, &SettingsDialog::updateState);
    return content;
}

QWidget *SettingsDialog::buildUploadsPage()
{
    auto *content = new QWidget(this);
    auto *form = new QFormLayout(content);
    form->setContentsMargins(0, 0, 0, 0);
    m_parallelism->setObjectName(QStringLiteral("settingsParallelism"));
    m_parallelism->setMaximumWidth(120);
    m_parallelism->setRange(AppSettings::MinParallelism, AppSettings::MaxParallelism);
    m_parallelism->setAccessibleDescription(tr("Between %1 and %2; the default is %3")
                                                .arg(AppSettings::MinParallelism)
                                                .arg(AppSettings::MaxParallelism)
                                                .arg(AppSettings::DefaultParallelism));
    auto *label = new QLabel(tr("&Parts sent in parallel:"), content);
    label->setBuddy(m_parallelism);
    form->addRow(label, m_parallelism);
    form->addRow(QString(),
                 noteLabel(tr("Default: %1. Takes effect for uploads that start after the change; the "
                              "Uploads pane shows the same setting in its header.")
                               .arg(AppSettings::DefaultParallelism),
                           content));
    connect(m_parallelism, &QSpinBox::valueChanged, this, &SettingsDialog::updateState);
    return content;
}

QWidget *SettingsDialog::buildListenerPage()
{
    auto *content = new QWidget(this);
    auto *form = new QFormLayout(content);
    form->setContentsMargins(0, 0, 0, 0);
    m_host->setObjectName(QStringLiteral("settingsListenerHost"));
    m_host->setPlaceholderText(AppSettings::defaultListenerHost());
    m_host->setAccessibleDescription(
        tr("127.0.0.1 accepts connections from this computer only; 0.0.0.0 from the network too"));
    m_port->setObjectName(QStringLiteral("settingsListenerPort"));
    m_port->setMaximumWidth(160);
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("Any free port"));
    m_path->setObjectName(QStringLiteral("settingsListenerPath"));
    m_path->setPlaceholderText(AppSettings::defaultListenerPath());
    m_listenerMessage->setObjectName(QStringLiteral("settingsListenerMessage"));
    m_listenerMessage->setWordWrap(true);
    theme::bindColor(m_listenerMessage, QPalette::WindowText, theme::critical);
    m_listenerMessage->hide();

    auto *hostLabel = new QLabel(tr("&Host:"), content);
    hostLabel->setBuddy(m_host);
    auto *portLabel = new QLabel(tr("P&ort:"), content);
    portLabel->setBuddy(m_port);
    auto *pathLabel = new QLabel(tr("P&ath:"), content);
    pathLabel->setBuddy(m_path);
    form->addRow(hostLabel, m_host);
    form->addRow(portLabel, m_port);
    form->addRow(pathLabel, m_path);
    form->addRow(QString(), m_listenerMessage);
    form->addRow(QString(),
                 noteLabel(tr("App Store Connect needs a public HTTPS address that forwards to this "
                              "listener, for example a reverse proxy or a tunnel. The demo "
                              "simulator delivers to it directly."),
                           content));
    connect(m_host, &QLineEdit::textChanged, this, &SettingsDialog::updateState);
    connect(m_port, &QSpinBox::valueChanged, this, &SettingsDialog::updateState);
    connect(m_path, &QLineEdit::textChanged, this, &SettingsDialog::updateState);
    return content;
}

QWidget *SettingsDialog::buildCachePage()
{
    auto *content = new QWidget(this);
    auto *form = new QFormLayout(content);
    form->setContentsMargins(0, 0, 0, 0);
    m_memory->setObjectName(QStringLiteral("settingsThumbnailMemory"));
    m_memory->setMaximumWidth(160);
    m_memory->setRange(AppSettings::MinThumbnailMemoryMiB, AppSettings::MaxThumbnailMemoryMiB);
    m_memory->setSuffix(tr(" MiB"));
    m_memory->setSingleStep(16);
    m_disk->setObjectName(QStringLiteral("settingsThumbnailDisk"));
    m_disk->setMaximumWidth(160);
    m_disk->setRange(0, AppSettings::MaxThumbnailDiskMiB);
    m_disk->setSuffix(tr(" MiB"));
    m_disk->setSingleStep(64);
    m_disk->setSpecialValueText(tr("Off"));
    m_clearCache->setObjectName(QStringLiteral("clearCache"));
    m_clearCache->setAutoDefault(false);
    m_clearCache->setAccessibleDescription(
        tr("Deletes the downloaded thumbnails and other cached files now"));
    m_cacheUsage->setObjectName(QStringLiteral("cacheUsage"));
    m_cacheUsage->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *memoryLabel = new QLabel(tr("Thumbnails in &memory:"), content);
    memoryLabel->setBuddy(m_memory);
    auto *diskLabel = new QLabel(tr("Thumbnails on &disk:"), content);
    diskLabel->setBuddy(m_disk);
    form->addRow(memoryLabel, m_memory);
    form->addRow(diskLabel, m_disk);
    form->addRow(QString(),
                 noteLabel(tr("Defaults: %1 MiB in memory, %2 MiB on disk. New limits apply the next "
                              "time the Feedback pane loads thumbnails.")
                               .arg(AppSettings::DefaultThumbnailMemoryMiB)
                               .arg(AppSettings::DefaultThumbnailDiskMiB),
                           content));
    auto *clearRow = new QHBoxLayout;
    clearRow->addWidget(m_cacheUsage);
    clearRow->addSpacing(12);
    clearRow->addWidget(m_clearCache);
    clearRow->addStretch(1);
    auto *usageLabel = new QLabel(tr("In use:"), content);
    form->addRow(usageLabel, clearRow);
    auto *location =
        noteLabel(tr("Location: %1").arg(QDir::toNativeSeparators(AppSettings::cacheDirectory())), content);
    location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(QString(), location);
    connect(m_memory, &QSpinBox::valueChanged, this, &SettingsDialog::updateState);
    connect(m_disk, &QSpinBox::valueChanged, this, &SettingsDialog::updateState);
    connect(m_clearCache, &QPushButton::clicked, this, &SettingsDialog::clearCache);
    updateCacheUsage();
    return content;
}

QWidget *SettingsDialog::buildLanguagePage()
{
    auto *content = new QWidget(this);
    auto *form = new QFormLayout(content);
    form->setContentsMargins(0, 0, 0, 0);
    m_language->setObjectName(QStringLiteral("settingsLanguage"));
    m_language->setMaximumWidth(280);
    for (const auto &[code, name] : AppSettings::languages())
        m_language->addItem(
            code.isEmpty() ? tr("System (%1)").arg(languageName(AppSettings::systemLanguage())) : name, code);
    m_languageNote->setObjectName(QStringLiteral("settingsLanguageNote"));
    m_languageNote->setWordWrap(true);
    auto *label = new QLabel(tr("&Language:"), content);
    label->setBuddy(m_language);
    form->addRow(label, m_language);
    form->addRow(QString(), m_languageNote);
    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateState);
    return content;
}

QWidget *SettingsDialog::buildNotificationsPage()
{
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    const QList<QPair<AppSettings::NotificationKind, QString>> kinds = {
        {AppSettings::NotificationKind::Uploads, tr("An &upload finished or failed")},
        {AppSettings::NotificationKind::Review, tr("A Beta App &Review decision arrived")},
        {AppSettings::NotificationKind::Feedback, tr("Testers sent new &feedback")}};
    for (const auto &[kind, text] : kinds) {
        auto *check = new QCheckBox(text, content);
        check->setObjectName(QStringLiteral("notify%1").arg(int(kind)));
        m_notifications.insert(kind, check);
        layout->addWidget(check);
        connect(check, &QCheckBox::toggled, this, &SettingsDialog::updateState);
    }
    layout->addWidget(
        noteLabel(tr("Review decisions and new feedback are noticed through the webhook listener "
                     "(Webhooks ▸ Live Events) while it runs."),
                  content));
    layout->addStretch(1);
    return content;
}

void SettingsDialog::load()
{
    if (QAbstractButton *button = m_themeGroup->button(int(AppSettings::themeMode())))
        button->setChecked(true);
    m_parallelism->setValue(AppSettings::uploadParallelism());
    m_host->setText(AppSettings::listenerHost());
    m_port->setValue(AppSettings::listenerPort());
    m_path->setText(AppSettings::listenerPath());
    m_memory->setValue(AppSettings::thumbnailMemoryMiB());
    m_disk->setValue(AppSettings::thumbnailDiskMiB());
    m_language->setCurrentIndex(std::max(0, m_language->findData(AppSettings::language())));
    for (auto it = m_notifications.cbegin(); it != m_notifications.cend(); ++it)
        it.value()->setChecked(AppSettings::notificationsEnabled(it.key()));
    updateState();
}

theme::Mode SettingsDialog::selectedTheme() const
{
    const int id = m_themeGroup->checkedId();
    return id < 0 ? theme::Mode::System : static_cast<theme::Mode>(id);
}

QRadioButton *SettingsDialog::themeButton(theme::Mode mode) const
{
    return qobject_cast<QRadioButton *>(m_themeGroup->button(int(mode)));
}

QCheckBox *SettingsDialog::notificationCheck(AppSettings::NotificationKind kind) const
{
    return m_notifications.value(kind);
}

QPushButton *SettingsDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QPushButton *SettingsDialog::applyButton() const
{
    return m_buttons->button(QDialogButtonBox::Apply);
}

void SettingsDialog::setCurrentPage(Page page)
{
    m_pages->setCurrentRow(int(page));
}

SettingsDialog::Page SettingsDialog::currentPage() const
{
    return static_cast<Page>(std::max(0, m_pages->currentRow()));
}

QString SettingsDialog::validationError() const
{
    const QString host = m_host->text().trimmed();
    if (host.isEmpty())
        return tr("Enter the address the listener binds to, for example 127.0.0.1.");
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) != 0 && QHostAddress(host).isNull())
        return tr("“%1” is not an IP address to listen on (for example 127.0.0.1 or 0.0.0.0).").arg(host);
    const QString path = m_path->text().trimmed();
    if (!path.startsWith(QLatin1Char('/')) || path.contains(QLatin1Char(' ')))
        return tr("The path must start with “/” and contain no spaces, for example /webhooks/asc.");
    return QString();
}

bool SettingsDialog::hasChanges() const
{
    bool changed = selectedTheme() != AppSettings::themeMode() ||
                   m_parallelism->value() != AppSettings::uploadParallelism() ||
                   m_host->text().trimmed() != AppSettings::listenerHost() ||
                   m_port->value() != AppSettings::listenerPort() ||
                   m_path->text().trimmed() != AppSettings::listenerPath() ||
                   m_memory->value() != AppSettings::thumbnailMemoryMiB() ||
                   m_disk->value() != AppSettings::thumbnailDiskMiB() ||
                   m_language->currentData().toString() != AppSettings::language();
    for (auto it = m_notifications.cbegin(); it != m_notifications.cend(); ++it)
        changed = changed || it.value()->isChecked() != AppSettings::notificationsEnabled(it.key());
    return changed;
}

void SettingsDialog::updateState()
{
    const QString error = validationError();
    m_listenerMessage->setText(error);
    m_listenerMessage->setVisible(!error.isEmpty());
    okButton()->setEnabled(error.isEmpty());
    applyButton()->setEnabled(error.isEmpty() && hasChanges());

    const QString chosen = m_language->currentData().toString();
    const QString next = chosen.isEmpty() ? AppSettings::systemLanguage() : chosen;
    if (next != runningLanguage())
        m_languageNote->setText(tr("Ascend switches to %1 the next time it starts.").arg(languageName(next)));
    else
        m_languageNote->setText(tr("A new choice takes effect the next time Ascend starts."));
}

void SettingsDialog::updateCacheUsage()
{
    const double mib = double(AppSettings::cacheSize()) / (1024.0 * 1024.0);
    m_cacheUsage->setText(tr("%1 MiB").arg(QLocale().toString(mib, 'f', 1)));
}

void SettingsDialog::clearCache()
{
    QString error;
    if (!AppSettings::clearCache(&error))
        QMessageBox::warning(this, tr("Clear Cache"), error);
    updateCacheUsage();
}

bool SettingsDialog::apply()
{
    const QString error = validationError();
    if (!error.isEmpty()) {
        setCurrentPage(ListenerPage);
        updateState();
        return false;
    }
    const theme::Mode mode = selectedTheme();
    if (mode != AppSettings::themeMode()) {
        AppSettings::setThemeMode(mode);
        theme::setMode(mode);
    }
    AppSettings::setUploadParallelism(m_parallelism->value());
    AppSettings::setListenerHost(m_host->text());
    AppSettings::setListenerPort(m_port->value());
    AppSettings::setListenerPath(m_path->text());
    AppSettings::setThumbnailMemoryMiB(m_memory->value());
    AppSettings::setThumbnailDiskMiB(m_disk->value());
    AppSettings::setLanguage(m_language->currentData().toString());
    for (auto it = m_notifications.cbegin(); it != m_notifications.cend(); ++it)
        AppSettings::setNotificationsEnabled(it.key(), it.value()->isChecked());
    updateState();
    emit applied();
    return true;
}

void SettingsDialog::accept()
{
    if (apply())
        QDialog::accept();
}

void SettingsDialog::restoreDefaults()
{
    switch (currentPage()) {
    case AccountsPage:
        break;
    case AppearancePage:
        themeButton(theme::Mode::System)->setChecked(true);
        break;
    case UploadsPage:
        m_parallelism->setValue(AppSettings::DefaultParallelism);
        break;
    case ListenerPage:
        m_host->setText(AppSettings::defaultListenerHost());
        m_port->setValue(AppSettings::DefaultListenerPort);
        m_path->setText(AppSettings::defaultListenerPath());
        break;
    case CachePage:
        m_memory->setValue(AppSettings::DefaultThumbnailMemoryMiB);
        m_disk->setValue(AppSettings::DefaultThumbnailDiskMiB);
        break;
    case LanguagePage:
        m_language->setCurrentIndex(0);
        break;
    case NotificationsPage:
        for (QCheckBox *check : std::as_const(m_notifications))
            check->setChecked(true);
        break;
    }
    updateState();
}

} // namespace ascend::ui

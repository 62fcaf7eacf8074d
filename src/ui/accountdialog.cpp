#include "ui/accountdialog.h"

#include "core/api/apiclient.h"
#include "core/auth/accountstore.h"
#include "core/auth/apikey.h"
#include "core/auth/fallbacksecretstore.h"
#include "core/auth/filesecretstore.h"
#include "core/session/session.h"
#include "models/applistloader.h"
#include "ui/theme.h"
#include "ui_accountdialog.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHostAddress>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimer>
#include <QUrl>

namespace ascend::ui {

namespace {

const QRegularExpression &uuidPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return pattern;
}

const QRegularExpression &keyIdPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9]{10}$"));
    return pattern;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QPixmap statusPixmap(const QString &icon, int size, qreal dpr)
{
    return theme::svgPixmap(icon, QSize(size, size), dpr);
}

} // namespace

AccountDialog::AccountDialog(auth::AccountStore *store, auth::SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AccountDialog>())
    , m_store(store)
    , m_secrets(secrets)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("accountDialog"));

    m_ui->headerIcon->setPixmap(theme::tintedPixmap(QStringLiteral(":/icons/key.svg"), theme::accent(),
                                                    QSize(26, 26), devicePixelRatioF()));
    m_ui->headerIcon->setStyleSheet(
        QStringLiteral("background: %1; border-radius: 22px;").arg(theme::accentSoft().name()));
    m_ui->titleLabel->setFont(theme::font(4, true));
    QPalette secondary = m_ui->subtitleLabel->palette();
    secondary.setColor(QPalette::WindowText, theme::textSecondary());
    m_ui->subtitleLabel->setPalette(secondary);
    m_ui->storageMessage->setPalette(secondary);
    m_ui->storageMessage->setFont(theme::font(-1));

    m_ui->browseButton->setIcon(theme::icon(QStringLiteral(":/icons/folder.svg")));
    m_ui->baseUrlEdit->setText(api::ApiClient::defaultBaseUrl().toString());
    m_ui->baseUrlEdit->setPlaceholderText(api::ApiClient::defaultBaseUrl().toString());
    m_ui->testButton->setAutoDefault(false);
    m_ui->browseButton->setAutoDefault(false);
    m_ui->testFrame->setStyleSheet(QStringLiteral("QFrame#testFrame { background: %2; border: 1px solid %1; "
                                                  "border-radius: 8px; }")
                                       .arg(theme::separator().name(), theme::subtleFill().name()));
    saveButton()->setDefault(true);

    for (QLabel *label : {m_ui->nameMessage, m_ui->issuerIdMessage, m_ui->keyIdMessage, m_ui->keyFileMessage,
                          m_ui->baseUrlMessage})
        setMessage(label, QString(), false);
    setAdvancedVisible(false);
    setTestState(TestState::Idle, QString());

    connect(m_ui->nameEdit, &QLineEdit::textEdited, this, [this] { touch(NameField); });
    connect(m_ui->issuerIdEdit, &QLineEdit::textEdited, this, [this] { touch(IssuerIdField); });
    connect(m_ui->keyIdEdit, &QLineEdit::textEdited, this, [this] { touch(KeyIdField); });
    connect(m_ui->baseUrlEdit, &QLineEdit::textEdited, this, [this] { touch(BaseUrlField); });
    connect(m_ui->keyFileEdit, &QLineEdit::textChanged, this, [this] {
        loadKeyFile();
        touch(KeyFileField);
    });
    connect(m_ui->individualKeyCheck, &QCheckBox::toggled, this, [this](bool individual) {
        m_ui->form->setRowVisible(m_ui->issuerIdField, !individual);
        validate();
    });
    connect(m_ui->browseButton, &QPushButton::clicked, this, &AccountDialog::chooseKeyFile);
    connect(m_ui->advancedToggle, &QToolButton::clicked, this,
            [this] { setAdvancedVisible(!m_ui->baseUrlEdit->isVisibleTo(this)); });
    connect(m_ui->testButton, &QPushButton::clicked, this, &AccountDialog::testConnection);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AccountDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &AccountDialog::reject);

    validate();
    // Asking the keychain may take a moment; let the dialog appear first.
    m_ui->storageMessage->setText(tr("Checking where the private key will be stored…"));
    QTimer::singleShot(0, this, &AccountDialog::updateStorageNotice);
}

AccountDialog::~AccountDialog()
{
    if (m_testLoader)
        m_testLoader->cancel();
    delete m_testLoader;
}

QPushButton *AccountDialog::saveButton() const
{
    return m_ui->buttonBox->button(QDialogButtonBox::Save);
}

QPushButton *AccountDialog::testButton() const
{
    return m_ui->testButton;
}

void AccountDialog::setAccount(const auth::Account &account)
{
    m_editing = true;
    setWindowTitle(tr("Edit Account"));
    m_ui->titleLabel->setText(tr("Edit “%1”").arg(account.name));
    m_ui->nameEdit->setText(account.name);
    m_ui->nameEdit->setEnabled(false);
    m_ui->individualKeyCheck->setChecked(account.individualKey);
    m_ui->issuerIdEdit->setText(account.issuerId);
    m_ui->keyIdEdit->setText(account.keyId);
    m_ui->keyFileEdit->setPlaceholderText(tr("Keep the stored key, or choose a new .p8 file"));
    if (!account.baseUrl.isEmpty()) {
        m_ui->baseUrlEdit->setText(account.baseUrl);
        const bool custom =
            !QUrl(account.baseUrl).matches(api::ApiClient::defaultBaseUrl(), QUrl::StripTrailingSlash);
        setAdvancedVisible(custom);
    }
    m_touched = {NameField, IssuerIdField, KeyIdField, BaseUrlField};
    validate();
}

auth::Account AccountDialog::account() const
{
    auth::Account account;
    account.name = m_ui->nameEdit->text().trimmed();
    account.individualKey = m_ui->individualKeyCheck->isChecked();
    account.issuerId = account.individualKey ? QString() : m_ui->issuerIdEdit->text().trimmed();
    account.keyId = m_ui->keyIdEdit->text().trimmed();
    const QString baseUrl = m_ui->baseUrlEdit->text().trimmed();
    const bool isDefault = baseUrl.isEmpty() ||
                           QUrl(baseUrl).matches(api::ApiClient::defaultBaseUrl(), QUrl::StripTrailingSlash);
    account.baseUrl = isDefault ? QString() : baseUrl;
    return account;
}

QString AccountDialog::fieldError(Field field) const
{
    switch (field) {
    case NameField: {
        const QString name = m_ui->nameEdit->text().trimmed();
        if (name.isEmpty())
            return tr("Give the account a name, e.g. the team it belongs to.");
        if (!m_editing && m_store->account(name))
            return tr("There is already an account named “%1”.").arg(name);
        return {};
    }
    case IssuerIdField: {
        if (m_ui->individualKeyCheck->isChecked())
            return {};
        const QString issuer = m_ui->issuerIdEdit->text().trimmed();
        if (issuer.isEmpty())
            return tr("Enter the issuer ID shown above the key list in App Store Connect.");
        if (!uuidPattern().match(issuer).hasMatch())
            return tr("An issuer ID is a UUID such as 57246542-96fe-1a63-e053-0824d011072a.");
        return {};
    }
    case KeyIdField: {
        const QString keyId = m_ui->keyIdEdit->text().trimmed();
        if (keyId.isEmpty())
            return tr("Enter the key ID shown next to the key in App Store Connect.");
        if (!keyIdPattern().match(keyId).hasMatch())
            return tr("A key ID is 10 letters and digits, such as 2X9R4HXF34.");
        return {};
    }
    case KeyFileField:
        if (m_ui->keyFileEdit->text().trimmed().isEmpty())
            return m_editing ? QString() : tr("Choose the .p8 file you downloaded when you created the key.");
        return m_keyError;
    case BaseUrlField: {
        const QString text = m_ui->baseUrlEdit->text().trimmed();
        if (text.isEmpty())
            return {};
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            return tr("Enter a server address such as %1.").arg(api::ApiClient::defaultBaseUrl().toString());
        if (url.scheme() == QLatin1String("http") && !isLoopbackHost(url.host()))
            return tr("Use https://. Plain http is only allowed for a simulator on this computer.");
        return {};
    }
    }
    return {};
}

bool AccountDialog::isInputValid() const
{
    for (Field field : {NameField, IssuerIdField, KeyIdField, KeyFileField, BaseUrlField}) {
        if (!fieldError(field).isEmpty())
            return false;
    }
    return true;
}

void AccountDialog::touch(Field field)
{
    m_touched.insert(field);
    validate();
}

void AccountDialog::setMessage(QLabel *label, const QString &text, bool isError)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, isError ? theme::critical() : theme::positive());
    label->setPalette(palette);
    label->setFont(theme::font(-1));
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

void AccountDialog::validate()
{
    const auto show = [this](Field field, QLabel *label) {
        const QString error = m_touched.contains(field) ? fieldError(field) : QString();
        setMessage(label, error, true);
    };
    show(NameField, m_ui->nameMessage);
    show(IssuerIdField, m_ui->issuerIdMessage);
    show(KeyIdField, m_ui->keyIdMessage);
    show(BaseUrlField, m_ui->baseUrlMessage);

    const QString keyError = fieldError(KeyFileField);
    if (!m_keyPem.isEmpty())
        setMessage(m_ui->keyFileMessage, tr("Valid App Store Connect key (EC P-256)."), false);
    else
        setMessage(m_ui->keyFileMessage, m_touched.contains(KeyFileField) ? keyError : QString(), true);

    const bool valid = isInputValid();
    saveButton()->setEnabled(valid && m_testState != TestState::Running);
    // Testing needs everything but the name.
    bool testable = true;
    for (Field field : {IssuerIdField, KeyIdField, BaseUrlField}) {
        if (!fieldError(field).isEmpty())
            testable = false;
    }
    if (m_keyPem.isEmpty() && !(m_editing && m_ui->keyFileEdit->text().trimmed().isEmpty()))
        testable = false;
    // While a test runs the button stops it.
    m_ui->testButton->setEnabled(testable || m_testState == TestState::Running);
}

void AccountDialog::loadKeyFile()
{
    const QString path = m_ui->keyFileEdit->text().trimmed();
    m_keyPath = path;
    m_keyPem.clear();
    m_keyError.clear();
    if (path.isEmpty())
        return;
    QString error;
    const auth::ApiKey key = auth::ApiKey::fromPemFile(QDir::fromNativeSeparators(path), &error);
    if (!key.isValid()) {
        m_keyError = error;
        return;
    }
    m_keyPem = key.privateKeyPem();
    // Apple names the file after the key: fill the key ID in when it is still empty.
    const QString keyId = auth::ApiKey::keyIdFromFileName(path);
    if (!keyId.isEmpty() && m_ui->keyIdEdit->text().trimmed().isEmpty()) {
        m_ui->keyIdEdit->setText(keyId);
        m_touched.insert(KeyIdField);
    }
}

void AccountDialog::chooseKeyFile()
{
    const QString start = m_ui->keyFileEdit->text().isEmpty()
                              ? QDir::homePath()
                              : QFileInfo(m_ui->keyFileEdit->text()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose an App Store Connect API Key"), start,
                                                      tr("API keys (*.p8);;All files (*)"));
    if (!path.isEmpty())
        m_ui->keyFileEdit->setText(QDir::toNativeSeparators(path));
}

void AccountDialog::setAdvancedVisible(bool visible)
{
    m_ui->form->setRowVisible(m_ui->baseUrlField, visible);
    m_ui->advancedToggle->setArrowType(visible ? Qt::DownArrow : Qt::RightArrow);
    m_ui->advancedToggle->setToolTip(visible ? tr("Hide the server setting") : tr("Show the server setting"));
    adjustSize();
}

void AccountDialog::updateStorageNotice()
{
    QString notice;
    bool fileStore = false;
    if (auto *fallback = dynamic_cast<auth::FallbackSecretStore *>(m_secrets)) {
        fallback->probe();
        if (fallback->usingFallback()) {
            fileStore = true;
            notice =
                tr("No system keychain is available (%1). The private key will be stored in %2, readable "
                   "only by you.")
                    .arg(fallback->fallbackReason(), fallback->backendDescription());
        }
    } else if (dynamic_cast<auth::FileSecretStore *>(m_secrets)) {
        fileStore = true;
        notice = tr("The private key will be stored in %1, readable only by you, not in a keychain.")
                     .arg(m_secrets->backendDescription());
    }
    if (notice.isEmpty())
        notice = tr("The private key will be stored in %1.").arg(m_secrets->backendDescription());
    m_ui->storageMessage->setText(notice);
    m_ui->storageIcon->setPixmap(statusPixmap(fileStore ? QStringLiteral(":/icons/info-circle.svg")
                                                        : QStringLiteral(":/icons/check-circle.svg"),
                                              16, devicePixelRatioF()));
}

QString AccountDialog::storageMessage() const
{
    return m_ui->storageMessage->text();
}

QString AccountDialog::testMessage() const
{
    return m_ui->testMessage->text();
}

bool AccountDialog::connectionInfo(session::ConnectionInfo *info, QString *error) const
{
    const auth::Account fields = account();
    info->name = fields.name;
    info->keyId = fields.keyId;
    info->issuerId = fields.issuerId;
    info->individualKey = fields.individualKey;
    info->baseUrl = fields.baseUrl.isEmpty() ? api::ApiClient::defaultBaseUrl().toString() : fields.baseUrl;
    if (!m_keyPem.isEmpty()) {
        info->privateKeyPem = m_keyPem;
        return true;
    }
    if (m_editing) {
        const std::optional<QByteArray> stored = m_store->privateKeyPem(fields.name, error);
        if (stored) {
            info->privateKeyPem = *stored;
            return true;
        }
        return false;
    }
    *error = fieldError(KeyFileField);
    return false;
}

void AccountDialog::setTestState(TestState state, const QString &message)
{
    m_testState = state;
    m_ui->testButton->setText(state == TestState::Running ? tr("&Stop Test") : tr("&Test Connection"));
    m_ui->testButton->setAccessibleDescription(state == TestState::Running
                                                   ? tr("Stops the connection test")
                                                   : tr("Lists this account's apps with these settings"));
    m_ui->testMessage->setText(message);
    QPalette palette = m_ui->testMessage->palette();
    QString icon;
    switch (state) {
    case TestState::Idle:
        palette.setColor(QPalette::WindowText, theme::textSecondary());
        if (message.isEmpty())
            m_ui->testMessage->setText(tr("Checks the key by listing this account's apps."));
        break;
    case TestState::Running:
        palette.setColor(QPalette::WindowText, theme::textSecondary());
        break;
    case TestState::Succeeded:
        palette.setColor(QPalette::WindowText, theme::positive().darker(115));
        icon = QStringLiteral(":/icons/check-circle.svg");
        break;
    case TestState::Failed:
        palette.setColor(QPalette::WindowText, theme::critical());
        icon = QStringLiteral(":/icons/alert-circle.svg");
        break;
    }
    m_ui->testMessage->setPalette(palette);
    m_ui->testIcon->setPixmap(icon.isEmpty() ? QPixmap() : statusPixmap(icon, 18, devicePixelRatioF()));
    m_ui->testIcon->setVisible(!icon.isEmpty());
    validate();
}

void AccountDialog::testConnection()
{
    if (m_testState == TestState::Running) {
        if (m_testLoader)
            m_testLoader->cancel();
        setTestState(TestState::Idle, tr("Test stopped."));
        emit testFinished(false);
        return;
    }
    session::ConnectionInfo info;
    QString error;
    if (!connectionInfo(&info, &error)) {
        setTestState(TestState::Failed, error);
        emit testFinished(false);
        return;
    }
    if (m_testLoader) {
        m_testLoader->cancel();
        delete m_testLoader;
        m_testLoader = nullptr;
    }
    m_testSession = session::Session::create(info, &error);
    if (!m_testSession) {
        setTestState(TestState::Failed, error);
        emit testFinished(false);
        return;
    }
    m_testLoader = new models::AppListLoader(m_testSession->client(), this);
    connect(m_testLoader, &models::AppListLoader::succeeded, this, [this](const QList<api::App> &apps) {
        const qsizetype count = apps.size();
        const QString message = count == 0   ? tr("Connected: this account has no apps yet.")
                                : count == 1 ? tr("Connected: 1 app")
                                             : tr("Connected: %1 apps").arg(QLocale().toString(count));
        setTestState(TestState::Succeeded, message);
        emit testFinished(true);
    });
    connect(m_testLoader, &models::AppListLoader::failed, this, [this](const api::ApiError &apiError) {
        setTestState(TestState::Failed, apiError.message());
        emit testFinished(false);
    });
    setTestState(TestState::Running, tr("Connecting to %1…").arg(QUrl(info.baseUrl).host()));
    m_testLoader->start();
}

void AccountDialog::accept()
{
    m_touched = {NameField, IssuerIdField, KeyIdField, KeyFileField, BaseUrlField};
    validate();
    if (!isInputValid())
        return;
    const auth::Account fields = account();
    QString error;
    if (!m_store->save(fields, m_keyPem, &error)) {
        m_ui->storageMessage->setText(error);
        QPalette palette = m_ui->storageMessage->palette();
        palette.setColor(QPalette::WindowText, theme::critical());
        m_ui->storageMessage->setPalette(palette);
        m_ui->storageIcon->setPixmap(
            statusPixmap(QStringLiteral(":/icons/alert-circle.svg"), 16, devicePixelRatioF()));
        return;
    }
    m_savedName = fields.name;
    QDialog::accept();
}

} // namespace ascend::ui

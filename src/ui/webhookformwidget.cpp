#include "ui/webhookformwidget.h"

#include "core/webhooks/webhooksecrets.h"
#include "ui/theme.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace ascend::ui {

namespace {

QLabel *secondaryLabel(const QString &text, QWidget *parent, qreal pointDelta = -1)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setFont(theme::font(pointDelta));
    theme::bindColor(label, QPalette::WindowText, theme::textSecondary);
    return label;
}

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text.toUpper(), parent);
    label->setFont(theme::font(-1.5, true));
    theme::bindColor(label, QPalette::WindowText, theme::textSecondary);
    return label;
}

} // namespace

WebhookFormWidget::WebhookFormWidget(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_subheading(secondaryLabel(QString(), this, 0))
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_enabled(new QCheckBox(tr("Deliver notifications to this URL"), this))
    , m_secret(new QLineEdit(this))
    , m_secretNote(secondaryLabel(QString(), this))
    , m_generate(new QPushButton(tr("Generate"), this))
    , m_showSecret(new QToolButton(this))
    , m_messages(new QLabel(this))
    , m_save(new QPushButton(tr("Save"), this))
    , m_delete(new QPushButton(tr("Delete…"), this))
    , m_test(new QPushButton(tr("Send Test"), this))
    , m_busyLabel(secondaryLabel(tr("Working…"), this, 0))
    , m_notice(new QLabel(this))
{
    setObjectName(QStringLiteral("webhookForm"));
    m_heading->setFont(theme::font(3, true));
    m_heading->setTextFormat(Qt::PlainText);

    m_name->setObjectName(QStringLiteral("webhookName"));
    m_name->setPlaceholderText(tr("For example: Build notifications"));
    m_name->setAccessibleName(tr("Webhook name"));
    m_url->setObjectName(QStringLiteral("webhookUrl"));
    m_url->setPlaceholderText(tr("https://example.com/webhooks/asc"));
    m_url->setAccessibleName(tr("Webhook URL"));
    m_enabled->setObjectName(QStringLiteral("webhookEnabled"));
    m_enabled->setAccessibleName(tr("Webhook enabled"));
    m_enabled->setChecked(true);

    m_secret->setObjectName(QStringLiteral("webhookSecret"));
    m_secret->setAccessibleName(tr("Webhook secret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setFont(QFont(QStringLiteral("monospace"), font().pointSize()));
    m_showSecret->setObjectName(QStringLiteral("showSecret"));
    m_showSecret->setCheckable(true);
    m_showSecret->setText(tr("Show"));
    m_showSecret->setAccessibleName(tr("Show the secret"));
    m_showSecret->setFocusPolicy(Qt::StrongFocus);
    m_showSecret->setMinimumHeight(m_generate->sizeHint().height());
    m_showSecret->setMinimumWidth(56);
    m_generate->setObjectName(QStringLiteral("generateSecret"));
    m_generate->setAccessibleName(tr("Generate a secret"));
    m_generate->setToolTip(tr("32 random bytes from a secure random generator, base64url-encoded."));

    m_messages->setObjectName(QStringLiteral("webhookFormMessages"));
    m_messages->setWordWrap(true);
    m_messages->setTextFormat(Qt::RichText);
    m_messages->setAccessibleName(tr("Form problems"));
    m_messages->hide();

    m_save->setObjectName(QStringLiteral("primaryButton"));
    m_save->setAccessibleName(tr("Save the webhook"));
    m_save->setDefault(true);
    m_test->setObjectName(QStringLiteral("sendTest"));
    m_test->setAccessibleName(tr("Send a test notification"));
    m_test->setToolTip(tr("Asks App Store Connect to send a ping to this webhook's URL."));
    m_delete->setObjectName(QStringLiteral("deleteWebhook"));
    m_delete->setAccessibleName(tr("Delete the webhook"));
    m_busyLabel->hide();
    m_notice->setObjectName(QStringLiteral("webhookFormNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    theme::bindColor(m_notice, QPalette::WindowText,
                     [] { return theme::isDark() ? theme::positive() : theme::positive().darker(115); });
    m_notice->hide();

    auto *secretRow = new QHBoxLayout;
    secretRow->setSpacing(6);
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(m_showSecret);
    secretRow->addWidget(m_generate);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setHorizontalSpacing(14);
    form->setVerticalSpacing(10);
    auto *nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);
    auto *urlLabel = new QLabel(tr("&URL:"), this);
    urlLabel->setBuddy(m_url);
    auto *secretLabel = new QLabel(tr("S&ecret:"), this);
    secretLabel->setBuddy(m_secret);
    form->addRow(nameLabel, m_name);
    form->addRow(urlLabel, m_url);
    form->addRow(QString(), m_enabled);
    form->addRow(secretLabel, secretRow);
    form->addRow(QString(), m_secretNote);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    buttons->addWidget(m_save);
    buttons->addWidget(m_test);
    buttons->addWidget(m_busyLabel);
    buttons->addStretch(1);
    buttons->addWidget(m_delete);

    auto *content = new QWidget(this);
    content->setObjectName(QStringLiteral("webhookFormContent"));
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(24, 18, 24, 18);
    column->setSpacing(12);
    column->addWidget(m_heading);
    column->addWidget(m_subheading);
    column->addSpacing(4);
    column->addLayout(form);
    column->addSpacing(4);
    column->addWidget(buildEventTypes());
    column->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    const auto base = [] { return QGuiApplication::palette().color(QPalette::Base); };
    theme::bindColor(scroll, QPalette::Window, base);
    content->setAutoFillBackground(true);
    theme::bindColor(content, QPalette::Window, base);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    // Messages and actions stay in view below the scrolling fields.
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("webhookFormActions"));
    auto *barLayout = new QVBoxLayout(bar);
    barLayout->setContentsMargins(24, 10, 24, 12);
    barLayout->setSpacing(8);
    barLayout->addWidget(m_messages);
    barLayout->addLayout(buttons);
    barLayout->addWidget(m_notice);
    auto *rule = new QFrame(this);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Plain);
    theme::bindColor(rule, QPalette::WindowText, theme::separator);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(scroll, 1);
    layout->addWidget(rule);
    layout->addWidget(bar);

    connect(m_generate, &QPushButton::clicked, this, [this] {
        m_secret->setText(QString::fromLatin1(webhooks::generateSecret()));
        setSecretVisible(true);
    });
    connect(m_showSecret, &QToolButton::toggled, this, &WebhookFormWidget::setSecretVisible);
    connect(m_save, &QPushButton::clicked, this, &WebhookFormWidget::onSave);
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (!m_creating)
            emit deleteRequested(m_webhookId);
    });
    connect(m_test, &QPushButton::clicked, this, [this] {
        if (!m_creating)
            emit testRequested(m_webhookId);
    });
    const auto revalidate = [this] {
        const models::FormCheck check = models::checkWebhookForm(fields(), m_creating, m_simulator);
        // Before the first save attempt only warnings show; errors would nag while typing.
        updateMessages(m_validateLive ? check : models::FormCheck{{}, check.warnings});
    };
    connect(m_name, &QLineEdit::textChanged, this, revalidate);
    connect(m_url, &QLineEdit::textChanged, this, revalidate);
    connect(m_secret, &QLineEdit::textChanged, this, revalidate);
    for (QCheckBox *box : std::as_const(m_eventBoxes))
        connect(box, &QCheckBox::toggled, this, revalidate);

    setTabOrder(m_name, m_url);
    setTabOrder(m_url, m_enabled);
    setTabOrder(m_enabled, m_secret);
    setTabOrder(m_secret, m_showSecret);
    setTabOrder(m_showSecret, m_generate);
    startNew();
}

QWidget *WebhookFormWidget::buildEventTypes()
{
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("webhookEventTypes"));
    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(24);
    grid->setVerticalSpacing(4);
    grid->addWidget(sectionLabel(tr("Events"), box), 0, 0, 1, 2);
    auto *hint = secondaryLabel(tr("App Store Connect notifies the URL when any of these happen."), box);
    grid->addWidget(hint, 1, 0, 1, 2);

    // The groups people use most first: builds and TestFlight, then the App Store, then the rest.
    QList<models::EventTypeGroup> groups = models::eventTypeGroups();
    const auto rank = [](const models::EventTypeGroup &group) {
        const QString name = group.types.isEmpty() ? QString() : group.types.first().name;
        if (name.startsWith(QLatin1String("BUILD_UPLOAD")))
            return 0;
        if (name.startsWith(QLatin1String("BETA_")) || name.startsWith(QLatin1String("BUILD_BETA")))
            return 1;
        if (name.startsWith(QLatin1String("APP_STORE")))
            return 2;
        if (name.startsWith(QLatin1String("BACKGROUND")))
            return 3;
        return 4;
    };
    std::stable_sort(groups.begin(), groups.end(),
                     [&](const auto &a, const auto &b) { return rank(a) < rank(b); });
    auto *list = new QVBoxLayout;
    list->setSpacing(2);
    for (const models::EventTypeGroup &group : groups) {
        auto *area = new QLabel(group.area, box);
        area->setFont(theme::font(0, true));
        list->addSpacing(8);
        list->addWidget(area);
        for (const webhooks::EventTypeInfo &info : group.types) {
            auto *check = new QCheckBox(info.name, box);
            check->setObjectName(info.name);
            check->setAccessibleName(info.name);
            check->setAccessibleDescription(info.description);
            check->setToolTip(info.description);
            check->setFont(theme::font(-1));
            auto *description = secondaryLabel(info.description, box, -1.5);
            description->setContentsMargins(22, 0, 0, 4);
            list->addWidget(check);
            list->addWidget(description);
            m_eventBoxes.insert(int(info.type), check);
        }
    }
    grid->addLayout(list, 2, 0, 1, 2);
    return box;
}

void WebhookFormWidget::setSimulatorAccount(bool simulator)
{
    m_simulator = simulator;
}

void WebhookFormWidget::startNew()
{
    m_creating = true;
    m_webhookId.clear();
    m_validateLive = false;
    m_heading->setText(tr("New Webhook"));
    m_subheading->setText(tr("App Store Connect will POST a signed JSON notification to the URL for every "
                             "event you choose."));
    m_name->clear();
    m_url->clear();
    m_enabled->setChecked(true);
    for (QCheckBox *box : std::as_const(m_eventBoxes))
        box->setChecked(false);
    m_secret->setText(QString::fromLatin1(webhooks::generateSecret()));
    m_secret->setPlaceholderText(QString());
    setSecretVisible(false);
    m_secretNote->setText(tr("Ascend keeps the secret on this computer so the local listener can check "
                             "signatures. It is not shown again after saving."));
    m_save->setText(tr("Create Webhook"));
    setNotice(QString());
    updateMessages({});
    updateButtons();
}

void WebhookFormWidget::showWebhook(const api::Webhook &webhook)
{
    m_creating = false;
    m_webhookId = webhook.id;
    m_validateLive = false;
    m_heading->setText(webhook.name.isEmpty() ? tr("Untitled webhook") : webhook.name);
    m_subheading->setText(tr("Webhook %1").arg(webhook.id));
    m_name->setText(webhook.name);
    m_url->setText(webhook.url);
    m_enabled->setChecked(webhook.enabled);
    for (auto it = m_eventBoxes.cbegin(); it != m_eventBoxes.cend(); ++it)
        it.value()->setChecked(webhook.eventTypes.contains(asc::WebhookEventType(it.key())));
    clearSecret();
    m_save->setText(tr("Save"));
    setNotice(QString());
    updateMessages(models::FormCheck{{}, models::checkWebhookForm(fields(), false, m_simulator).warnings});
    updateButtons();
}

void WebhookFormWidget::clearSecret()
{
    m_secret->clear();
    m_secret->setPlaceholderText(tr("Hidden — enter or generate a new one to replace it"));
    setSecretVisible(false);
    m_secretNote->setText(
        tr("App Store Connect never returns a secret, so Ascend does not show it again after saving."));
}

void WebhookFormWidget::setNotice(const QString &notice)
{
    m_notice->setText(notice);
    m_notice->setVisible(!notice.isEmpty());
}

QString WebhookFormWidget::notice() const
{
    return m_notice->text();
}

void WebhookFormWidget::setBusy(bool busy)
{
    m_busy = busy;
    m_busyLabel->setVisible(busy);
    updateButtons();
}

void WebhookFormWidget::updateButtons()
{
    m_save->setEnabled(!m_busy);
    m_test->setVisible(!m_creating);
    m_delete->setVisible(!m_creating);
    m_test->setEnabled(!m_busy);
    m_delete->setEnabled(!m_busy);
}

void WebhookFormWidget::setSecretVisible(bool visible)
{
    m_secret->setEchoMode(visible ? QLineEdit::Normal : QLineEdit::Password);
    const QSignalBlocker blocker(m_showSecret);
    m_showSecret->setChecked(visible);
    m_showSecret->setText(visible ? tr("Hide") : tr("Show"));
    m_showSecret->setAccessibleName(visible ? tr("Hide the secret") : tr("Show the secret"));
}

api::WebhookFields WebhookFormWidget::fields() const
{
    api::WebhookFields f;
    f.name = m_name->text().trimmed();
    f.url = m_url->text().trimmed();
    f.enabled = m_enabled->isChecked();
    QList<asc::WebhookEventType> types;
    for (const webhooks::EventTypeInfo &info : webhooks::eventTypes()) {
        if (QCheckBox *box = m_eventBoxes.value(int(info.type)); box && box->isChecked())
            types.append(info.type);
    }
    f.eventTypes = types;
    if (!m_secret->text().isEmpty())
        f.secret = m_secret->text().toUtf8();
    return f;
}

models::FormCheck WebhookFormWidget::validate()
{
    m_validateLive = true;
    const models::FormCheck check = models::checkWebhookForm(fields(), m_creating, m_simulator);
    updateMessages(check);
    return check;
}

void WebhookFormWidget::updateMessages(const models::FormCheck &check)
{
    m_shownErrors = check.errors;
    m_shownWarnings = check.warnings;
    QStringList lines;
    for (const QString &error : check.errors)
        lines << QStringLiteral("<div style=\"color:%1\">✕ %2</div>")
                     .arg(theme::critical().name(), error.toHtmlEscaped());
    for (const QString &warning : check.warnings)
        lines << QStringLiteral("<div style=\"color:%1\">⚠ %2</div>")
                     .arg(theme::warning().darker(135).name(), warning.toHtmlEscaped());
    m_messages->setText(lines.join(QString()));
    m_messages->setVisible(!lines.isEmpty());
}

void WebhookFormWidget::onSave()
{
    if (m_busy)
        return;
    const models::FormCheck check = validate();
    if (!check.ok()) {
        const api::WebhookFields f = fields();
        if (f.name->isEmpty())
            m_name->setFocus();
        else if (f.url->isEmpty())
            m_url->setFocus();
        return;
    }
    emit saveRequested(fields(), m_creating);
}

} // namespace ascend::ui

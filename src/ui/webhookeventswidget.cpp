#include "ui/webhookeventswidget.h"

#include "core/webhooks/eventtypes.h"
#include "models/eventlogmodel.h"
#include "models/listenercontroller.h"
#include "models/sourcelistmodel.h"
#include "ui/appsettings.h"
#include "ui/statusindicator.h"
#include "ui/theme.h"

#include <QComboBox>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ascend::ui {

namespace {

QLabel *secondaryLabel(const QString &text, QWidget *parent, qreal pointDelta = -1)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setFont(theme::font(pointDelta));
    theme::bindColor(label, QPalette::WindowText, theme::textSecondary);
    return label;
}

QPlainTextEdit *codeView(const QString &accessibleName, QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setReadOnly(true);
    view->setAccessibleName(accessibleName);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    mono.setPointSizeF(qMax(7.0, view->font().pointSizeF() - 1));
    view->setFont(mono);
    view->setFrameShape(QFrame::NoFrame);
    return view;
}

// A rounded card with a hairline border, the container of the listener settings.
class Card : public QFrame {
public:
    using QFrame::QFrame;

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(theme::separator());
        painter.setBrush(theme::subtleFill());
        painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
    }
};

// Only the rows whose event type matches; an empty type keeps every row.
class TypeFilterProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setType(const QString &type)
    {
        m_type = type;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (m_type.isEmpty())
            return true;
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        return index.data(models::EventLogModel::EventTypeRole).toString() == m_type;
    }

private:
    QString m_type;
};

} // namespace

WebhookEventsWidget::WebhookEventsWidget(models::ListenerController *listener, QWidget *parent)
    : QWidget(parent)
    , m_listener(listener)
    , m_proxy(new TypeFilterProxy(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_path(new QLineEdit(this))
    , m_startStop(new QPushButton(this))
    , m_point(new QPushButton(tr("Point a Webhook at This Listener"), this))
    , m_status(new StatusIndicator(this))
    , m_url(new QLabel(this))
    , m_explanation(secondaryLabel(QString(), this))
    , m_error(new QLabel(this))
    , m_secretsNote(secondaryLabel(QString(), this))
    , m_typeFilter(new QComboBox(this))
    , m_eventCount(secondaryLabel(QString(), this, 0))
    , m_table(new QTableView(this))
    , m_json(codeView(tr("Notification JSON"), this))
    , m_headers(codeView(tr("Request headers"), this))
    , m_open(new QPushButton(tr("Open"), this))
{
    setObjectName(QStringLiteral("webhookEvents"));

    m_host->setText(AppSettings::listenerHost());
    m_host->setAccessibleName(tr("Listener host"));
    m_host->setToolTip(tr("The address to listen on. 127.0.0.1 accepts connections from this computer only "
                          "(a tunnel or reverse proxy running here)."));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("Any free port"));
    m_port->setValue(AppSettings::listenerPort());
    m_port->setAccessibleName(tr("Listener port"));
    m_path->setText(AppSettings::listenerPath());
    // Settings ▸ Webhook Listener edits the same values; follow it while the listener is stopped.
    connect(AppSettings::instance(), &AppSettings::changed, this, [this](const QString &key) {
        if (m_listener->isListening())
            return;
        if (key == AppSettings::ListenerHostKey)
            m_host->setText(AppSettings::listenerHost());
        else if (key == AppSettings::ListenerPortKey)
            m_port->setValue(AppSettings::listenerPort());
        else if (key == AppSettings::ListenerPathKey)
            m_path->setText(AppSettings::listenerPath());
    });
    m_path->setAccessibleName(tr("Listener path"));
    m_startStop->setObjectName(QStringLiteral("primaryButton"));
    m_point->setObjectName(QStringLiteral("pointWebhook"));
    m_point->setAccessibleName(tr("Point a webhook at this listener"));
    m_point->setToolTip(tr("Creates a webhook for the selected app that delivers every event type to this "
                           "listener, with a freshly generated secret the listener knows."));
    m_point->hide();
    m_url->setObjectName(QStringLiteral("listenerUrl"));
    m_url->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_url->setAccessibleName(tr("Listener address"));
    m_url->setFont(QFont(QStringLiteral("monospace"), font().pointSize()));
    m_error->setObjectName(QStringLiteral("listenerError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    theme::bindColor(m_error, QPalette::WindowText, theme::critical);
    m_error->hide();
    m_secretsNote->hide();

    m_typeFilter->setAccessibleName(tr("Show events of type"));
    m_typeFilter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_typeFilter->setMinimumContentsLength(28);
    m_typeFilter->addItem(tr("All event types"));
    m_typeFilter->addItem(tr("Test pings"), QStringLiteral("ping"));
    for (const webhooks::EventTypeInfo &info : webhooks::eventTypes())
        m_typeFilter->addItem(info.name, info.name);

    m_proxy->setSourceModel(listener->events());
    m_proxy->setSortRole(models::EventLogModel::RawDataRole);
    m_table->setModel(m_proxy);
    m_table->setAccessibleName(tr("Event timeline"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(models::EventLogModel::Received, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(models::EventLogModel::Instance, QHeaderView::Stretch);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->setColumnWidth(models::EventLogModel::Received, 140);
    m_table->setColumnWidth(models::EventLogModel::Type, 210);
    m_table->setColumnWidth(models::EventLogModel::Instance, 200);
    m_table->setColumnWidth(models::EventLogModel::Signature, 80);
    m_table->setColumnWidth(models::EventLogModel::Duplicates, 80);

    auto *filterRow = new QHBoxLayout;
    auto *filterLabel = new QLabel(tr("&Show:"), this);
    filterLabel->setBuddy(m_typeFilter);
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_typeFilter);
    filterRow->addStretch(1);
    filterRow->addWidget(m_eventCount);

    m_open->setObjectName(QStringLiteral("openEventInstance"));
    m_open->setAccessibleName(tr("Open the item this event is about"));
    m_open->setToolTip(tr("Shows the upload, build or feedback this notification is about."));
    auto *detail = new QTabWidget(this);
    detail->setDocumentMode(true);
    detail->setCornerWidget(m_open, Qt::TopRightCorner);
    detail->addTab(m_json, tr("Notification"));
    detail->addTab(m_headers, tr("Headers"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(detail);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 14, 20, 14);
    layout->setSpacing(10);
    layout->addWidget(buildListenerCard());
    layout->addLayout(filterRow);
    layout->addWidget(splitter, 1);

    connect(m_startStop, &QPushButton::clicked, this, [this] {
        m_error->hide();
        if (m_listener->isListening()) {
            emit stopRequested();
            return;
        }
        QString error;
        const auto config = this->config(&error);
        if (!config) {
            showError(error);
            return;
        }
        saveSettings();
        emit startRequested(*config);
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid())
            emit openRequested(current.data(models::EventLogModel::InstanceTypeRole).toString(),
                               current.data(models::EventLogModel::InstanceIdRole).toString());
    });
    connect(m_table, &QTableView::activated, m_open, &QPushButton::click);
    connect(m_point, &QPushButton::clicked, this, [this] {
        m_error->hide();
        emit pointRequested();
    });
    connect(m_typeFilter, &QComboBox::currentIndexChanged, this, [this] {
        static_cast<TypeFilterProxy *>(m_proxy)->setType(m_typeFilter->currentData().toString());
        updateCounters();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &WebhookEventsWidget::updateDetail);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        // Follow the newest event unless the user is looking at an older one.
        if (!m_table->currentIndex().isValid() || m_table->currentIndex().row() <= 1)
            m_table->selectRow(0);
        updateCounters();
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &WebhookEventsWidget::updateCounters);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &WebhookEventsWidget::updateDetail);
    connect(listener, &models::ListenerController::listeningChanged, this,
            &WebhookEventsWidget::updateListenerState);
    connect(listener, &models::ListenerController::countersChanged, this,
            &WebhookEventsWidget::updateCounters);

    updateListenerState();
    updateCounters();
    updateDetail();
}

QWidget *WebhookEventsWidget::counterChip(const QString &name, const QString &title,
                                          const std::function<QColor()> &color)
{
    auto *chip = new QWidget(this);
    auto *layout = new QHBoxLayout(chip);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(5);
    auto *value = new QLabel(QStringLiteral("0"), chip);
    value->setObjectName(name);
    value->setFont(theme::font(1, true));
    theme::bindColor(value, QPalette::WindowText, color);
    value->setAccessibleName(title);
    auto *caption = secondaryLabel(title, chip, -1);
    caption->setWordWrap(false);
    layout->addWidget(value, 0, Qt::AlignBaseline);
    layout->addWidget(caption, 0, Qt::AlignBaseline);
    m_counters.insert(name, value);
    return chip;
}

QWidget *WebhookEventsWidget::buildListenerCard()
{
    auto *card = new Card(this);
    card->setObjectName(QStringLiteral("listenerCard"));

    auto *title = new QLabel(tr("Local listener"), card);
    title->setFont(theme::font(1, true));

    auto *hostLabel = new QLabel(tr("&Host"), card);
    hostLabel->setBuddy(m_host);
    auto *portLabel = new QLabel(tr("P&ort"), card);
    portLabel->setBuddy(m_port);
    auto *pathLabel = new QLabel(tr("&Path"), card);
    pathLabel->setBuddy(m_path);
    m_host->setMaximumWidth(140);
    m_port->setMinimumWidth(110);
    m_path->setMinimumWidth(120);

    auto *titleRow = new QHBoxLayout;
    titleRow->setSpacing(18);
    titleRow->addWidget(title);
    titleRow->addStretch(1);
    titleRow->addWidget(counterChip(QStringLiteral("verified"), tr("verified"), theme::positive));
    titleRow->addWidget(counterChip(QStringLiteral("duplicates"), tr("duplicates"), theme::textPrimary));
    titleRow->addWidget(counterChip(QStringLiteral("rejected"), tr("rejected"), theme::critical));
    titleRow->addWidget(counterChip(QStringLiteral("malformed"), tr("malformed"), [] {
        return theme::isDark() ? theme::warning() : theme::warning().darker(125);
    }));

    auto *settingsRow = new QHBoxLayout;
    settingsRow->setSpacing(6);
    settingsRow->addWidget(hostLabel);
    settingsRow->addWidget(m_host);
    settingsRow->addSpacing(6);
    settingsRow->addWidget(portLabel);
    settingsRow->addWidget(m_port);
    settingsRow->addSpacing(6);
    settingsRow->addWidget(pathLabel);
    settingsRow->addWidget(m_path, 1);
    settingsRow->addSpacing(6);
    settingsRow->addWidget(m_startStop);

    m_status->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    auto *statusRow = new QHBoxLayout;
    statusRow->setSpacing(8);
    statusRow->addWidget(m_status);
    statusRow->addWidget(m_url, 1);
    statusRow->addWidget(m_point);

    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(8);
    layout->addLayout(titleRow);
    layout->addLayout(settingsRow);
    layout->addLayout(statusRow);
    layout->addWidget(m_explanation);
    layout->addWidget(m_secretsNote);
    layout->addWidget(m_error);
    return card;
}

void WebhookEventsWidget::setSimulatorAccount(bool simulator)
{
    m_simulator = simulator;
    updateListenerState();
}

void WebhookEventsWidget::setPointEnabled(bool enabled)
{
    m_point->setEnabled(enabled);
}

std::optional<webhooks::ListenerConfig> WebhookEventsWidget::config(QString *error) const
{
    webhooks::ListenerConfig config;
    const QString host = m_host->text().trimmed();
    if (host == QLatin1String("localhost"))
        config.host = QHostAddress(QHostAddress::LocalHost);
    else if (!config.host.setAddress(host)) {
        *error = tr("“%1” is not an IP address to listen on (for example 127.0.0.1 or 0.0.0.0).").arg(host);
        return std::nullopt;
    }
    config.port = quint16(m_port->value());
    config.path = m_path->text().trimmed();
    if (!config.path.startsWith(QLatin1Char('/')) || config.path.contains(QLatin1Char(' '))) {
        *error = tr("The path must start with “/” and contain no spaces, for example /webhooks/asc.");
        return std::nullopt;
    }
    return config;
}

void WebhookEventsWidget::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void WebhookEventsWidget::setSecretsNote(const QString &note)
{
    m_secretsNote->setText(note);
    m_secretsNote->setVisible(!note.isEmpty());
}

void WebhookEventsWidget::saveSettings() const
{
    AppSettings::setListenerHost(m_host->text());
    AppSettings::setListenerPort(m_port->value());
    AppSettings::setListenerPath(m_path->text());
}

void WebhookEventsWidget::updateListenerState()
{
    const bool on = m_listener->isListening();
    m_startStop->setText(on ? tr("Stop") : tr("Start Listening"));
    m_startStop->setAccessibleName(on ? tr("Stop the listener") : tr("Start the listener"));
    for (QWidget *w :
         {static_cast<QWidget *>(m_host), static_cast<QWidget *>(m_port), static_cast<QWidget *>(m_path)})
        w->setEnabled(!on);
    m_status->setStatus(on ? StatusIndicator::Tone::Good : StatusIndicator::Tone::Idle,
                        on ? tr("Listening at") : tr("Not listening"));
    m_url->setText(on ? m_listener->localUrl() : QString());
    m_point->setVisible(m_simulator);
    if (m_simulator) {
        m_explanation->setText(
            tr("The demo simulator runs on this computer and delivers straight to this address. Point a "
               "webhook here, then press Send Test or upload a build to watch events arrive."));
    } else {
        m_explanation->setText(
            tr("App Store Connect only delivers to a public HTTPS URL. Put a reverse proxy or a tunnel in "
               "front of this address and use its public URL in the webhook; every notification is "
               "checked against the webhook's secret here."));
    }
}

void WebhookEventsWidget::updateCounters()
{
    const webhooks::ListenerCounters c = m_listener->counters();
    const QLocale locale;
    m_counters.value(QStringLiteral("verified"))->setText(locale.toString(c.stored));
    m_counters.value(QStringLiteral("duplicates"))->setText(locale.toString(c.duplicates));
    m_counters.value(QStringLiteral("rejected"))->setText(locale.toString(c.rejected() - c.malformed));
    m_counters.value(QStringLiteral("malformed"))->setText(locale.toString(c.malformed));
    const int shown = m_proxy->rowCount();
    const int total = m_listener->events()->rowCount();
    m_eventCount->setText(shown == total ? tr("%n event(s)", nullptr, total)
                                         : tr("%1 of %n event(s)", nullptr, total).arg(shown));
}

QLabel *WebhookEventsWidget::counterLabel(const QString &name) const
{
    return m_counters.value(name);
}

int WebhookEventsWidget::paneForInstanceType(const QString &instanceType)
{
    if (instanceType == QLatin1String("buildUploads"))
        return models::SourceListModel::Uploads;
    if (instanceType == QLatin1String("buildBetaDetails") || instanceType == QLatin1String("builds"))
        return models::SourceListModel::TestFlight;
    if (instanceType.startsWith(QLatin1String("betaFeedback")))
        return models::SourceListModel::Feedback;
    return -1;
}

int WebhookEventsWidget::visibleEventCount() const
{
    return m_proxy->rowCount();
}

void WebhookEventsWidget::updateDetail()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_json->setPlainText(QString());
        m_headers->setPlainText(QString());
        m_json->setPlaceholderText(tr("Select an event to see the notification as it arrived."));
        m_open->setEnabled(false);
        return;
    }
    m_json->setPlainText(current.data(models::EventLogModel::PrettyJsonRole).toString());
    m_headers->setPlainText(current.data(models::EventLogModel::HeadersRole).toString());
    m_open->setEnabled(
        paneForInstanceType(current.data(models::EventLogModel::InstanceTypeRole).toString()) >= 0);
}

} // namespace ascend::ui

#include "ui/webhookdeliverieswidget.h"

#include "models/deliverylistmodel.h"
#include "ui/theme.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ascend::ui {

namespace {

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
    return view;
}

QWidget *titled(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto *label = new QLabel(title, box);
    label->setFont(theme::font(-1, true));
    label->setBuddy(content);
    layout->addWidget(label);
    layout->addWidget(content, 1);
    return box;
}

} // namespace

WebhookDeliveriesWidget::WebhookDeliveriesWidget(models::DeliveryListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_from(new QDateEdit(this))
    , m_until(new QDateEdit(this))
    , m_state(new QComboBox(this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_payload(codeView(tr("Event payload"), this))
    , m_response(codeView(tr("Response"), this))
    , m_redeliver(new QPushButton(tr("Redeliver"), this))
{
    setObjectName(QStringLiteral("webhookDeliveries"));
    const QDate today = QDate::currentDate();
    for (QDateEdit *edit : {m_from, m_until}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setMaximumDate(today.addDays(1));
    }
    m_from->setDate(today.addDays(-7));
    m_until->setDate(today);
    m_from->setAccessibleName(tr("Created from"));
    m_until->setAccessibleName(tr("Created until"));
    m_state->setAccessibleName(tr("Delivery state"));
    m_state->addItem(tr("All states"));
    m_state->addItem(tr("Succeeded"), QStringLiteral("SUCCEEDED"));
    m_state->addItem(tr("Failed"), QStringLiteral("FAILED"));
    m_state->addItem(tr("Pending"), QStringLiteral("PENDING"));
    m_refresh->setAccessibleName(tr("Refresh the deliveries"));
    m_redeliver->setAccessibleName(tr("Redeliver the selected delivery"));
    m_redeliver->setToolTip(tr("Asks App Store Connect to send this delivery's event again."));
    theme::bindColor(m_summary, QPalette::WindowText, theme::textSecondary);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_summary->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(models::DeliveryListModel::RawDataRole);
    m_table->setModel(m_proxy);
    m_table->setAccessibleName(tr("Deliveries"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(models::DeliveryListModel::Created, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->setColumnWidth(models::DeliveryListModel::Created, 140);
    m_table->setColumnWidth(models::DeliveryListModel::Sent, 140);
    m_table->setColumnWidth(models::DeliveryListModel::State, 90);
    m_table->setColumnWidth(models::DeliveryListModel::HttpStatus, 80);
    m_table->setColumnWidth(models::DeliveryListModel::Error, 150);

    auto *filters = new QHBoxLayout;
    filters->setSpacing(8);
    auto *fromLabel = new QLabel(tr("&From"), this);
    fromLabel->setBuddy(m_from);
    auto *untilLabel = new QLabel(tr("&to"), this);
    untilLabel->setBuddy(m_until);
    filters->addWidget(fromLabel);
    filters->addWidget(m_from);
    filters->addWidget(untilLabel);
    filters->addWidget(m_until);
    filters->addSpacing(8);
    filters->addWidget(m_state);
    filters->addWidget(m_refresh);
    filters->addStretch(1);
    filters->addWidget(m_summary);

    auto *detail = new QWidget(this);
    auto *detailLayout = new QHBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->setSpacing(12);
    detailLayout->addWidget(titled(tr("Event payload"), m_payload, detail), 3);
    detailLayout->addWidget(titled(tr("Response"), m_response, detail), 2);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(detail);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *actions = new QHBoxLayout;
    actions->addStretch(1);
    actions->addWidget(m_redeliver);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 14, 20, 14);
    layout->setSpacing(10);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    layout->addLayout(actions);

    connect(m_refresh, &QPushButton::clicked, this, &WebhookDeliveriesWidget::refresh);
    connect(m_state, &QComboBox::activated, this, &WebhookDeliveriesWidget::refresh);
    connect(m_from, &QDateEdit::editingFinished, this, &WebhookDeliveriesWidget::refresh);
    connect(m_until, &QDateEdit::editingFinished, this, &WebhookDeliveriesWidget::refresh);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &WebhookDeliveriesWidget::updateDetail);
    connect(m_redeliver, &QPushButton::clicked, this, [this] {
        const QString id = selectedDeliveryId();
        if (!id.isEmpty() && !m_busy)
            emit redeliverRequested(id);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_proxy->rowCount() > 0)
            m_table->selectRow(0);
        updateDetail();
        updateSummary();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &WebhookDeliveriesWidget::updateSummary);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &WebhookDeliveriesWidget::updateDetail);
    updateDetail();
    updateSummary();
}

api::DeliveryFilter WebhookDeliveriesWidget::filter() const
{
    api::DeliveryFilter f;
    f.createdFrom = m_from->date().startOfDay();
    f.createdUntil = m_until->date().addDays(1).startOfDay(); // the whole last day
    if (const QString state = m_state->currentData().toString(); !state.isEmpty())
        f.state = asc::fromString<asc::WebhookDeliveryState>(state);
    return f;
}

void WebhookDeliveriesWidget::setWebhookId(const QString &webhookId)
{
    m_webhookId = webhookId;
    m_refreshWanted = false;
    setEnabled(!webhookId.isEmpty());
    if (!webhookId.isEmpty())
        refresh();
}

void WebhookDeliveriesWidget::refresh()
{
    if (m_webhookId.isEmpty())
        return;
    if (m_busy) {
        m_refreshWanted = true;
        return;
    }
    m_refreshWanted = false;
    if (m_from->date() > m_until->date()) {
        m_summary->setText(tr("The start date is after the end date."));
        return;
    }
    emit loadRequested(m_webhookId, filter());
}

void WebhookDeliveriesWidget::setBusy(bool busy)
{
    m_busy = busy;
    m_refresh->setEnabled(!busy);
    updateDetail();
    if (!busy && m_refreshWanted)
        refresh();
}

QString WebhookDeliveriesWidget::selectedDeliveryId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(models::DeliveryListModel::IdRole).toString() : QString();
}

void WebhookDeliveriesWidget::updateDetail()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_payload->setPlainText(QString());
        m_response->setPlainText(QString());
        m_payload->setPlaceholderText(tr("Select a delivery to see the notification it carried."));
        m_redeliver->setEnabled(false);
        return;
    }
    m_payload->setPlainText(current.data(models::DeliveryListModel::PayloadRole).toString());
    m_response->setPlainText(current.data(models::DeliveryListModel::ResponseRole).toString());
    m_redeliver->setEnabled(!m_busy);
}

void WebhookDeliveriesWidget::updateSummary()
{
    const int count = m_model->rowCount();
    int failed = 0;
    for (const api::WebhookDelivery &delivery : m_model->deliveries())
        failed += delivery.deliveryState == asc::WebhookDeliveryState::FAILED;
    if (count == 0)
        m_summary->setText(tr("No deliveries in this range"));
    else if (failed > 0)
        m_summary->setText(tr("%n delivery(s), %1 failed", nullptr, count).arg(failed));
    else
        m_summary->setText(tr("%n delivery(s)", nullptr, count));
}

} // namespace ascend::ui

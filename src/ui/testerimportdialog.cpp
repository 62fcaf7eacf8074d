#include "ui/testerimportdialog.h"

#include "core/api/apiclient.h"
#include "core/api/apireply.h"
#include "core/api/betatesters.h"
#include "ui/theme.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ascend::ui {

TesterImportDialog::TesterImportDialog(api::ApiClient *client, const api::TesterCsv &csv,
                                       const QList<api::TestFlightGroup> &groups,
                                       const QString &defaultGroupId,
                                       const QHash<QString, QString> &existingTesters, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_csv(csv)
    , m_groups(groups)
    , m_defaultGroupId(defaultGroupId)
    , m_existing(existingTesters)
    , m_table(new QTableWidget(int(csv.rows.size()), ColumnCount, this))
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_import(new QPushButton(tr("Import"), this))
    , m_close(new QPushButton(tr("Close"), this))
{
    setWindowTitle(tr("Import testers"));
    setObjectName(QStringLiteral("testerImportDialog"));
    resize(760, 420);
    m_table->setHorizontalHeaderLabels(
        {tr("Line"), tr("Email"), tr("First name"), tr("Last name"), tr("Groups"), tr("Result")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    int ready = 0;
    for (int r = 0; r < m_csv.rows.size(); ++r) {
        const api::TesterCsvRow &row = m_csv.rows.at(r);
        QString error = row.error;
        if (error.isEmpty())
            groupIdsFor(row, &error);
        const QString groupText = row.groups.isEmpty() && !m_defaultGroupId.isEmpty()
                                      ? tr("(selected group)")
                                      : row.groups.join(QStringLiteral(", "));
        const QStringList cells{QString::number(row.line), row.email, row.firstName, row.lastName, groupText};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(cells.at(c)));
        if (error.isEmpty()) {
            ++ready;
            setResult(r,
                      m_existing.contains(row.email.toLower())
                          ? tr("Ready (already a tester: will be added to the group)")
                          : tr("Ready"),
                      true);
        } else {
            m_csv.rows[r].error = error;
            setResult(r, tr("Will be skipped: %1").arg(error), false);
        }
    }
    m_table->resizeColumnsToContents();
    m_summary->setText(tr("%1 of %n row(s) can be imported.", nullptr, int(m_csv.rows.size())).arg(ready));
    m_progress->setRange(0, std::max(1, ready));
    m_progress->setValue(0);
    m_progress->setVisible(false);
    m_import->setEnabled(ready > 0);
    m_import->setDefault(true);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_import, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);
    connect(m_import, &QPushButton::clicked, this, &TesterImportDialog::startImport);
    connect(m_close, &QPushButton::clicked, this, [this] {
        if (m_running) {
            m_cancelled = true;
            m_close->setEnabled(false);
        } else {
            reject();
        }
    });
}

QStringList TesterImportDialog::groupIdsFor(const api::TesterCsvRow &row, QString *error) const
{
    QStringList ids;
    for (const QString &name : row.groups) {
        QString found;
        for (const auto &group : m_groups)
            if (group.group.id == name || group.group.name.compare(name, Qt::CaseInsensitive) == 0)
                found = group.group.id;
        if (found.isEmpty()) {
            *error = tr("There is no group \"%1\".").arg(name);
            return {};
        }
        ids << found;
    }
    if (ids.isEmpty() && !m_defaultGroupId.isEmpty())
        ids << m_defaultGroupId;
    if (ids.isEmpty())
        *error = tr("No group: name one in the groups column or select a group first.");
    return ids;
}

void TesterImportDialog::setResult(int row, const QString &text, bool ok)
{
    auto *item = new QTableWidgetItem(text);
    item->setForeground(ok ? theme::textPrimary() : theme::critical());
    item->setToolTip(text);
    m_table->setItem(row, Result, item);
}

void TesterImportDialog::startImport()
{
    if (m_running || !m_client)
        return;
    m_running = true;
    m_cancelled = false;
    m_import->setEnabled(false);
    m_close->setText(tr("Cancel"));
    m_progress->setVisible(true);
    m_current = -1;
    next();
}

void TesterImportDialog::next()
{
    ++m_current;
    while (m_current < m_csv.rows.size() && !m_csv.rows.at(m_current).ok()) {
        ++m_skipped;
        setResult(m_current, tr("Skipped: %1").arg(m_csv.rows.at(m_current).error), false);
        ++m_current;
    }
    if (m_cancelled || m_current >= m_csv.rows.size()) {
        for (int r = m_current; r < m_csv.rows.size(); ++r) {
            ++m_skipped;
            setResult(r, tr("Not imported: cancelled"), false);
        }
        m_running = false;
        m_close->setText(tr("Close"));
        m_close->setEnabled(true);
        //: %1 is "3 testers imported", %2 is "1 row skipped"
        m_summary->setText(tr("%1, %2.").arg(tr("%n tester(s) imported", nullptr, m_imported),
                                             tr("%n row(s) skipped", nullptr, m_skipped)));
        emit importFinished(m_imported, m_skipped);
        return;
    }
    const api::TesterCsvRow &row = m_csv.rows.at(m_current);
    QString error;
    const QStringList groupIds = groupIdsFor(row, &error);
    const QString existing = m_existing.value(row.email.toLower());
    m_table->scrollToItem(m_table->item(m_current, 0));
    setResult(m_current, tr("Importing…"), true);
    m_reply = m_client->send(existing.isEmpty()
                                 ? api::createBetaTester(row.email, row.firstName, row.lastName, groupIds)
                                 : api::addBetaTesterToGroups(existing, groupIds));
    const int current = m_current;
    connect(m_reply, &api::ApiReply::finished, this, [this, current, existing] {
        api::ApiReply *reply = m_reply;
        if (reply->ok()) {
            ++m_imported;
            setResult(current, existing.isEmpty() ? tr("Added") : tr("Added to the group"), true);
        } else {
            ++m_skipped;
            setResult(current, tr("Skipped: %1").arg(reply->error().message()), false);
        }
        reply->deleteLater();
        m_progress->setValue(m_imported + m_skipped);
        next();
    });
}

} // namespace ascend::ui

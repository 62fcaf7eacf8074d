#include "ui/uploaddetailwidget.h"

#include "core/api/buildUploads.h"
#include "core/upload/buildupload.h"
#include "models/uploadpartsmodel.h"
#include "models/uploadqueuemodel.h"
#include "ui/chunkgridwidget.h"
#include "ui/theme.h"
#include "ui/uploadstepswidget.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ascend::ui {

namespace {

using Stage = upload::BuildUploadJob::Stage;

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setFont(theme::font(0, true));
    return label;
}

QString swatch(const QColor &color)
{
    return QStringLiteral("<span style=\"color:%1\">&#9632;</span>").arg(color.name());
}

QString detailLines(const QList<api::StateDetail> &details)
{
    QStringList lines;
    for (const auto &detail : details)
        lines << QStringLiteral("<b>%1</b> %2")
                     .arg(detail.code.toHtmlEscaped(), detail.description.toHtmlEscaped());
    return lines.join(QStringLiteral("<br>"));
}

} // namespace

UploadDetailWidget::UploadDetailWidget(QWidget *parent)
    : QWidget(parent)
    , m_parts(new models::UploadPartsModel(this))
    , m_steps(new UploadStepsWidget(this))
    , m_grid(new ChunkGridWidget(this))
    , m_legend(new QLabel(this))
    , m_facts(new QLabel(this))
    , m_messages(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel Upload"), this))
    , m_remove(new QPushButton(tr("Remove from List"), this))
    , m_distribute(new QPushButton(tr("Distribute…"), this))
{
    m_grid->setModel(m_parts, models::UploadPartsModel::StateRole, models::UploadPartsModel::FillRole);
    m_legend->setTextFormat(Qt::RichText);
    m_facts->setTextFormat(Qt::RichText);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setWordWrap(true);
    m_messages->setTextFormat(Qt::RichText);
    m_messages->setWordWrap(true);
    m_messages->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cancel->setAccessibleDescription(tr("Stops sending and deletes the reservation in App Store Connect"));
    m_distribute->setToolTip(tr("Open the TestFlight pane to hand this build to testers"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);
    layout->addWidget(sectionTitle(tr("Steps"), this));
    layout->addWidget(m_steps);
    layout->addWidget(sectionTitle(tr("Parts"), this));
    layout->addWidget(m_grid);
    layout->addWidget(m_legend);
    layout->addWidget(m_messages);
    layout->addWidget(m_facts);
    layout->addStretch(1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_distribute);
    buttons->addStretch(1);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_cancel);
    layout->addLayout(buttons);

    connect(m_grid, &ChunkGridWidget::countsChanged, this, &UploadDetailWidget::refreshLegend);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_job)
            emit cancelRequested(m_job);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (m_job)
            emit removeRequested(m_job);
    });
    connect(m_distribute, &QPushButton::clicked, this, [this] {
        if (m_job && !m_job->buildId().isEmpty())
            emit distributeRequested(m_job->buildId());
    });
    setJob(nullptr);
}

void UploadDetailWidget::setJob(upload::BuildUploadJob *job)
{
    if (m_job)
        m_job->disconnect(this);
    m_job = job;
    m_parts->setJob(job);
    if (m_job) {
        connect(m_job, &upload::BuildUploadJob::stageChanged, this, &UploadDetailWidget::refresh);
        connect(m_job, &upload::BuildUploadJob::serverStateChanged, this, &UploadDetailWidget::refresh);
        connect(m_job, &upload::BuildUploadJob::inspected, this, &UploadDetailWidget::refresh);
        connect(m_job, &upload::BuildUploadJob::partsReady, this, &UploadDetailWidget::refresh);
        connect(m_job, &upload::BuildUploadJob::finished, this, &UploadDetailWidget::refresh);
    }
    refresh();
}

void UploadDetailWidget::refreshLegend()
{
    using upload::PartState;
    m_legend->setText(
        tr("%1 %2 waiting &nbsp; %3 %4 sending &nbsp; %5 %6 done &nbsp; %7 %8 retrying &nbsp; %9 %10 failed")
            .arg(swatch(theme::separator()))
            .arg(m_grid->count(PartState::Waiting))
            .arg(swatch(theme::accent()))
            .arg(m_grid->count(PartState::InFlight))
            .arg(swatch(theme::positive()))
            .arg(m_grid->count(PartState::Done))
            .arg(swatch(theme::warning()))
            .arg(m_grid->count(PartState::Retrying))
            .arg(swatch(theme::critical()))
            .arg(m_grid->count(PartState::Failed)));
}

void UploadDetailWidget::refresh()
{
    setEnabled(m_job != nullptr);
    refreshLegend();
    if (!m_job) {
        m_steps->setProgress(UploadStepsWidget::Step::Reserved, UploadStepsWidget::Outcome::Running);
        m_facts->clear();
        m_messages->clear();
        m_distribute->setVisible(false);
        return;
    }
    const Stage stage = m_job->stage();
    using Step = UploadStepsWidget::Step;
    using Outcome = UploadStepsWidget::Outcome;
    Step step = Step::Reserved;
    if (stage == Stage::Uploading)
        step = Step::Uploading;
    else if (stage == Stage::Committing)
        step = Step::Committed;
    else if (stage == Stage::Processing)
        step = Step::Processing;
    else if (stage == Stage::Complete)
        step = Step::Complete;
    else if (stage == Stage::Failed || stage == Stage::Cancelled)
        step = m_steps->currentStep(); // stays where it stopped
    const Outcome outcome = stage == Stage::Complete    ? Outcome::Succeeded
                            : stage == Stage::Failed    ? Outcome::Failed
                            : stage == Stage::Cancelled ? Outcome::Cancelled
                                                        : Outcome::Running;
    m_steps->setProgress(step, outcome);

    QStringList facts;
    facts << tr("<b>File</b> %1 (%2)")
                 .arg(QFileInfo(m_job->filePath()).fileName().toHtmlEscaped(),
                      models::UploadQueueModel::formatBytes(double(m_job->totalBytes())));
    if (!m_job->md5().isEmpty())
        facts << tr("<b>MD5</b> %1").arg(m_job->md5());
    if (!m_job->buildUploadId().isEmpty())
        facts << tr("<b>Build upload</b> %1").arg(m_job->buildUploadId().toHtmlEscaped());
    if (!m_job->buildId().isEmpty())
        facts << tr("<b>Build</b> %1").arg(m_job->buildId().toHtmlEscaped());
    if (m_job->resumed())
        facts << tr("Resumed: parts sent before were not sent again.");
    m_facts->setText(facts.join(QStringLiteral("<br>")));

    QStringList messages;
    if (!m_job->errorString().isEmpty())
        messages << QStringLiteral("<span style=\"color:%1\">%2</span>")
                        .arg(theme::critical().name(), m_job->errorString().toHtmlEscaped());
    const auto &server = m_job->serverState();
    if (!server.errors.isEmpty())
        messages << QStringLiteral("<span style=\"color:%1\">%2</span>")
                        .arg(theme::critical().name(), detailLines(server.errors));
    if (!server.warnings.isEmpty())
        messages << QStringLiteral("<span style=\"color:%1\">%2</span>")
                        .arg(theme::warning().name(), detailLines(server.warnings));
    if (!server.infos.isEmpty())
        messages << detailLines(server.infos);
    m_messages->setText(messages.join(QStringLiteral("<br>")));
    m_messages->setVisible(!messages.isEmpty());

    m_cancel->setEnabled(!upload::BuildUploadJob::isTerminal(stage));
    m_remove->setEnabled(upload::BuildUploadJob::isTerminal(stage));
    m_distribute->setVisible(stage == Stage::Complete && !m_job->buildId().isEmpty());
}

} // namespace ascend::ui

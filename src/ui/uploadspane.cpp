#include "ui/uploadspane.h"

#include "core/api/apps.h"
#include "core/session/session.h"
#include "core/upload/buildupload.h"
#include "core/upload/sampleipa.h"
#include "core/upload/uploadqueue.h"
#include "models/uploadqueuemodel.h"
#include "ui/appsettings.h"
#include "ui/dropzonewidget.h"
#include "ui/emptystatewidget.h"
#include "ui/messagebanner.h"
#include "ui/pkgmetadatadialog.h"
#include "ui/uploadcarddelegate.h"
#include "ui/uploaddetailwidget.h"

#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ascend::ui {

namespace {
using Stage = upload::BuildUploadJob::Stage;
} // namespace

UploadsPane::UploadsPane(QWidget *parent)
    : PaneWidget(models::SourceListModel::Uploads, parent)
    , m_stack(new QStackedWidget(this))
    , m_emptyState(new EmptyStateWidget(this))
    , m_dropZone(new DropZoneWidget(this))
    , m_banner(new MessageBanner(this))
    , m_queueView(new QListView(this))
    , m_detail(new UploadDetailWidget(this))
    , m_addButton(new QPushButton(tr("Add Build…"), this))
    , m_parallelism(new QSpinBox(this))
    , m_sampleButton(nullptr)
{
    setAcceptDrops(true);
    m_emptyState->setObjectName(QStringLiteral("uploadsEmptyState"));
    m_emptyState->setIcon(QString());
    m_emptyState->setTitle(tr("Upload a build"));
    m_emptyState->setText(
        tr("Each build gets a card with its app, version and build number, a grid that shows "
           "every part of the transfer, and the steps from upload to processing. An interrupted "
           "upload picks up where it stopped."));
    m_dropZone->setObjectName(QStringLiteral("uploadsDropZone"));
    m_dropZone->setTitle(tr("Drop an .ipa or .pkg here"));
    m_dropZone->setSubtitle(
        tr(".ipa for iOS, tvOS and visionOS apps, .pkg for macOS apps — or press Ctrl+O"));
    m_dropZone->setAcceptsFiles(true);
    m_emptyState->setExtraWidget(m_dropZone);
    m_sampleButton = m_emptyState->addButton(tr("Upload a Sample Build"));
    m_sampleButton->setObjectName(QStringLiteral("sampleBuildButton"));
    m_sampleButton->setToolTip(
        tr("Demo: make a real .ipa for the selected app and upload it to the simulator"));
    m_sampleButton->hide();
    connect(m_sampleButton, &QPushButton::clicked, this, &UploadsPane::uploadSampleBuild);
    connect(m_dropZone, &DropZoneWidget::filesDropped, this,
            [this](const QStringList &paths) { addFiles(paths); });

    m_addButton->setObjectName(QStringLiteral("addBuildButton"));
    // Ctrl+O is the window's File ▸ Add Build, which works from every pane.
    m_addButton->setToolTip(tr("Choose .ipa or .pkg files to upload (%1)")
                                .arg(QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)));
    m_addButton->setAccessibleDescription(tr("Choose .ipa or .pkg files to upload"));
    connect(m_addButton, &QPushButton::clicked, this, &UploadsPane::chooseFiles);
    auto *parallelLabel = new QLabel(tr("&Parts in parallel:"), this);
    m_parallelism->setObjectName(QStringLiteral("uploadParallelism"));
    m_parallelism->setRange(AppSettings::MinParallelism, AppSettings::MaxParallelism);
    m_parallelism->setValue(AppSettings::uploadParallelism());
    m_parallelism->setAccessibleName(tr("Parts sent in parallel"));
    m_parallelism->setToolTip(tr("How many parts of an upload are sent at the same time (also in Settings)"));
    parallelLabel->setBuddy(m_parallelism);
    connect(m_parallelism, &QSpinBox::valueChanged, this, [this](int value) {
        AppSettings::setUploadParallelism(value);
        if (m_queue)
            m_queue->setParallelism(value);
    });
    connect(AppSettings::instance(), &AppSettings::changed, this, [this](const QString &key) {
        if (key == AppSettings::UploadParallelismKey)
            m_parallelism->setValue(AppSettings::uploadParallelism());
    });
    addHeaderWidget(parallelLabel);
    addHeaderWidget(m_parallelism);
    addHeaderWidget(m_addButton);

    m_queueView->setObjectName(QStringLiteral("uploadQueue"));
    m_queueView->setItemDelegate(new UploadCardDelegate(m_queueView));
    m_queueView->setFrameShape(QFrame::NoFrame);
    m_queueView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_queueView->setUniformItemSizes(true);
    m_queueView->setAccessibleName(tr("Upload queue"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("uploadsSplitter"));
    splitter->addWidget(m_queueView);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    m_banner->hide();
    m_banner->setTone(MessageBanner::Tone::Info);
    QPushButton *resume = m_banner->addAction(tr("Resume"));
    resume->setAccessibleName(tr("Resume the interrupted uploads"));
    connect(resume, &QPushButton::clicked, this, [this] {
        if (m_queue)
            m_queue->resumeInterrupted();
        updateInterruptedBanner();
    });

    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(splitter);
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);
    setBody(content);

    connect(m_detail, &UploadDetailWidget::cancelRequested, this, [this](upload::BuildUploadJob *job) {
        const auto answer = QMessageBox::question(
            this, tr("Cancel this upload?"),
            tr("The parts sent so far are discarded and the reservation in App Store Connect is deleted."),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer == QMessageBox::Yes && m_queue)
            m_queue->cancel(m_queue->rowOf(job));
    });
    connect(m_detail, &UploadDetailWidget::removeRequested, this, [this](upload::BuildUploadJob *job) {
        if (m_queue)
            m_queue->remove(m_queue->rowOf(job));
    });
    connect(m_detail, &UploadDetailWidget::distributeRequested, this, &UploadsPane::distributeRequested);

    QString error;
    if (!m_journal.open(store::UploadJournal::defaultPath(), &error))
        qWarning("The upload journal could not be opened; uploads will not resume after a crash: %s",
                 qPrintable(error));
    showQueueOrEmptyState();
}

UploadsPane::~UploadsPane()
{
    m_detail->setJob(nullptr);
}

void UploadsPane::setSession(session::Session *session)
{
    PaneWidget::setSession(session);
    m_detail->setJob(nullptr);
    m_queueView->setModel(nullptr);
    delete m_model;
    m_model = nullptr;
    m_queue.reset();
    if (session) {
        m_queue = std::make_unique<upload::UploadQueue>(session->client(),
                                                        m_journal.isOpen() ? &m_journal : nullptr);
        m_queue->setParallelism(m_parallelism->value());
        m_model = new models::UploadQueueModel(m_queue.get(), this);
        m_queueView->setModel(m_model);
        connect(m_queueView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this](const QModelIndex &current) {
                    m_detail->setJob(m_queue ? m_queue->job(current.row()) : nullptr);
                });
        connect(m_queue.get(), &upload::UploadQueue::jobAdded, this, [this](int row) {
            showQueueOrEmptyState();
            selectRow(row);
        });
        connect(m_queue.get(), &upload::UploadQueue::jobRemoved, this, [this] {
            showQueueOrEmptyState();
            if (m_queue && m_queue->count() > 0)
                selectRow(0);
        });
        connect(m_queue.get(), &upload::UploadQueue::activeCountChanged, this,
                &UploadsPane::activeUploadsChanged);
        connect(m_queue.get(), &upload::UploadQueue::jobFinished, this, [this](int row, bool ok) {
            const upload::BuildUploadJob *job = m_queue ? m_queue->job(row) : nullptr;
            if (!job)
                return;
            const QString name =
                job->info() ? QStringLiteral("%1 %2 (%3)")
                                  .arg(job->appName().isEmpty() ? job->info()->bundleId : job->appName(),
                                       job->info()->shortVersion, job->info()->bundleVersion)
                            : QFileInfo(job->filePath()).fileName();
            if (ok)
                emit notificationRequested(tr("Build processed"),
                                           tr("%1 is ready in App Store Connect.").arg(name));
            else if (job->stage() == Stage::Failed)
                emit notificationRequested(tr("Upload failed"), tr("%1: %2").arg(name, job->errorString()));
        });
    }
    m_sampleButton->setVisible(session && session->info().isSimulator);
    showQueueOrEmptyState();
    updateInterruptedBanner();
    flushPending();
}

void UploadsPane::refresh()
{
    updateInterruptedBanner();
}

void UploadsPane::focusSearch()
{
    if (m_queue && m_queue->count() > 0)
        m_queueView->setFocus(Qt::ShortcutFocusReason);
    else if (m_addButton->isEnabled())
        m_addButton->setFocus(Qt::ShortcutFocusReason);
}

void UploadsPane::queueWhenConnected(const QStringList &paths, bool sampleBuild)
{
    m_pendingFiles += paths;
    m_pendingSample = m_pendingSample || sampleBuild;
    flushPending();
}

void UploadsPane::flushPending()
{
    if (!m_queue)
        return;
    if (!m_pendingFiles.isEmpty()) {
        addFiles(std::exchange(m_pendingFiles, {}));
    }
    if (m_pendingSample && !m_appBundleId.isEmpty()) {
        m_pendingSample = false;
        uploadSampleBuild();
    }
}

void UploadsPane::setCurrentApp(const api::App *app)
{
    PaneWidget::setCurrentApp(app);
    m_appName = app ? app->name : QString();
    m_appBundleId = app ? app->bundleId : QString();
    m_sampleButton->setEnabled(app != nullptr);
    flushPending();
}

void UploadsPane::uploadSampleBuild()
{
    if (m_appBundleId.isEmpty() || !m_samples.isValid())
        return;
    upload::SampleIpaSpec spec;
    spec.appName = m_appName.isEmpty() ? QStringLiteral("Sample") : m_appName;
    spec.appName.remove(QLatin1Char(' '));
    spec.bundleId = m_appBundleId;
    spec.shortVersion = QStringLiteral("9.9");
    spec.bundleVersion = QString::number(QDateTime::currentSecsSinceEpoch());
    spec.executableBytes = 48 * 1024 * 1024;
    spec.seed = quint32(QDateTime::currentSecsSinceEpoch());
    const QString path =
        m_samples.filePath(QStringLiteral("%1-%2.ipa").arg(spec.appName, spec.bundleVersion));
    QString error;
    if (!upload::writeSampleIpa(path, spec, &error)) {
        QMessageBox::warning(this, tr("No sample build"),
                             tr("The sample build could not be written: %1").arg(error));
        return;
    }
    addFiles({path});
}

int UploadsPane::addFiles(const QStringList &paths)
{
    if (!m_queue) {
        QMessageBox::information(
            this, tr("Not connected"),
            tr("Connect to App Store Connect (or start the demo) before adding builds."));
        return 0;
    }
    int added = 0;
    for (const QString &path : paths) {
        const QFileInfo file(path);
        if (!file.isFile()) {
            QMessageBox::warning(this, tr("Cannot upload"), tr("%1 is not a file.").arg(path));
            continue;
        }
        upload::BuildMetadata metadata;
        if (file.suffix().compare(QLatin1String("pkg"), Qt::CaseInsensitive) == 0) {
            PkgMetadataDialog dialog(file.fileName(), this);
            if (dialog.exec() != QDialog::Accepted)
                continue;
            metadata = dialog.metadata();
        }
        m_queue->addFile(file.absoluteFilePath(), metadata);
        ++added;
    }
    return added;
}

void UploadsPane::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Add Build"), QString(),
                                                            tr("Builds (*.ipa *.pkg);;All files (*)"));
    if (!paths.isEmpty())
        addFiles(paths);
}

void UploadsPane::notifyBuildUploadStateChanged(const QString &buildUploadId, const QString &newState)
{
    if (m_queue)
        m_queue->notifyBuildUploadStateChanged(buildUploadId, newState);
}

void UploadsPane::dragEnterEvent(QDragEnterEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile() && DropZoneWidget::isBuildFile(url.toLocalFile())) {
            event->acceptProposedAction();
            return;
        }
    }
    event->ignore();
}

void UploadsPane::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile() && DropZoneWidget::isBuildFile(url.toLocalFile()))
            paths << url.toLocalFile();
    }
    if (paths.isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    addFiles(paths);
}

void UploadsPane::showQueueOrEmptyState()
{
    m_stack->setCurrentIndex(m_queue && m_queue->count() > 0 ? 1 : 0);
    m_addButton->setEnabled(m_queue != nullptr);
}

void UploadsPane::selectRow(int row)
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return;
    m_queueView->setCurrentIndex(m_model->index(row, 0));
}

void UploadsPane::updateInterruptedBanner()
{
    const int interrupted = m_queue ? int(m_queue->interrupted().size()) : 0;
    if (interrupted == 0) {
        m_banner->hide();
        return;
    }
    m_banner->setMessage(
        tr("%n upload(s) did not finish last time", "", interrupted),
        tr("Ascend can send only the missing parts, as long as the files are unchanged and the "
           "reservations have not expired; otherwise it starts afresh and says why."));
    m_banner->show();
}

} // namespace ascend::ui

#pragma once
// The Uploads pane: drop .ipa/.pkg files (or "Add Build…"), watch each upload as a card, and the selected one
// in detail with its chunk grid and steps. Interrupted uploads found in the journal can be resumed.

#include "core/store/uploadjournal.h"
#include "ui/panewidget.h"

#include <QTemporaryDir>
#include <memory>

class QLabel;
class QListView;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace ascend::upload {
class BuildUploadJob;
class UploadQueue;
} // namespace ascend::upload
namespace ascend::models {
class UploadQueueModel;
}

namespace ascend::ui {

class DropZoneWidget;
class EmptyStateWidget;
class MessageBanner;
class UploadDetailWidget;

class UploadsPane : public PaneWidget {
    Q_OBJECT
public:
    explicit UploadsPane(QWidget *parent = nullptr);
    ~UploadsPane() override;

    void setSession(session::Session *session) override;
    void setCurrentApp(const api::App *app) override;
    // F5: looks in the journal for interrupted uploads again. Ctrl+F: the queue (or Add Build) takes the
    // focus.
    void refresh() override;
    void focusSearch() override;

    // Adds build files to the queue; a .pkg asks for its metadata first. Returns how many were queued.
    int addFiles(const QStringList &paths);

    upload::UploadQueue *queue() const { return m_queue.get(); }
    models::UploadQueueModel *queueModel() const { return m_model; }
    QListView *queueView() const { return m_queueView; }
    UploadDetailWidget *detail() const { return m_detail; }
    DropZoneWidget *dropZone() const { return m_dropZone; }
    EmptyStateWidget *emptyState() const { return m_emptyState; }
    QPushButton *addButton() const { return m_addButton; }
    QPushButton *sampleButton() const { return m_sampleButton; }
    QSpinBox *parallelismSpin() const { return m_parallelism; }

public slots:
    void chooseFiles();
    // Demo mode: writes a real sample .ipa for the selected app (version 9.9, a fresh build number) and
    // queues it.
    void uploadSampleBuild();
    // Files (or a sample build) to queue as soon as a session and an app are there: `ascend FILE…`.
    void queueWhenConnected(const QStringList &paths, bool sampleBuild = false);
    // A BUILD_UPLOAD_STATE_UPDATED event from the webhook listener.
    void notifyBuildUploadStateChanged(const QString &buildUploadId, const QString &newState);

signals:
    void activeUploadsChanged(int count);
    void notificationRequested(const QString &title, const QString &text);
    void distributeRequested(const QString &buildId);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void showQueueOrEmptyState();
    void selectRow(int row);
    void updateInterruptedBanner();
    void flushPending();

    store::UploadJournal m_journal;
    std::unique_ptr<upload::UploadQueue> m_queue;
    models::UploadQueueModel *m_model = nullptr;
    QStackedWidget *m_stack;
    EmptyStateWidget *m_emptyState;
    DropZoneWidget *m_dropZone;
    MessageBanner *m_banner;
    QListView *m_queueView;
    UploadDetailWidget *m_detail;
    QPushButton *m_addButton;
    QSpinBox *m_parallelism;
    QPushButton *m_sampleButton;
    QString m_appName;
    QString m_appBundleId;
    QTemporaryDir m_samples;
    QStringList m_pendingFiles;
    bool m_pendingSample = false;
};

} // namespace ascend::ui

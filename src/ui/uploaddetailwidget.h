#pragma once
// The selected upload in detail: its steps, the chunk grid with a legend, the facts (file, size, MD5, ids),
// the server's errors, warnings and notes verbatim, and the actions that fit its stage.

#include "core/upload/buildupload.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
namespace ascend::models {
class UploadPartsModel;
}

namespace ascend::ui {

class ChunkGridWidget;
class UploadStepsWidget;

class UploadDetailWidget : public QWidget {
    Q_OBJECT
public:
    explicit UploadDetailWidget(QWidget *parent = nullptr);

    void setJob(upload::BuildUploadJob *job);
    upload::BuildUploadJob *job() const { return m_job; }

    ChunkGridWidget *chunkGrid() const { return m_grid; }
    UploadStepsWidget *steps() const { return m_steps; }
    models::UploadPartsModel *partsModel() const { return m_parts; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *distributeButton() const { return m_distribute; }

signals:
    void cancelRequested(upload::BuildUploadJob *job);
    void removeRequested(upload::BuildUploadJob *job);
    void distributeRequested(const QString &buildId);

private:
    void refresh();
    void refreshLegend();

    QPointer<upload::BuildUploadJob> m_job;
    models::UploadPartsModel *m_parts;
    UploadStepsWidget *m_steps;
    ChunkGridWidget *m_grid;
    QLabel *m_legend;
    QLabel *m_facts;
    QLabel *m_messages;
    QPushButton *m_cancel;
    QPushButton *m_remove;
    QPushButton *m_distribute;
};

} // namespace ascend::ui

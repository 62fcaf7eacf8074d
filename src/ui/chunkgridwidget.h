#pragma once
// One cell per upload operation of the selected build, painted from a parts model (UploadPartsModel's
// StateRole and FillRole): grey waiting, blue filling while in flight, green done, amber retrying, red
// failed. Cells wrap to the widget's width.

#include "core/upload/partstate.h"

#include <QPointer>
#include <QWidget>

class QAbstractItemModel;

namespace ascend::ui {

class ChunkGridWidget : public QWidget {
    Q_OBJECT
public:
    explicit ChunkGridWidget(QWidget *parent = nullptr);

    // The rows are the parts; stateRole gives int(upload::PartState), fillRole a double 0..1.
    void setModel(QAbstractItemModel *model, int stateRole, int fillRole);
    int partCount() const;
    upload::PartState partState(int index) const;
    double partFill(int index) const;
    int count(upload::PartState state) const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;

    static constexpr int CellSize = 16;
    static constexpr int Gap = 4;

signals:
    void countsChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    int columnsFor(int width) const;
    int indexAt(const QPoint &position) const;
    QRect cellRect(int index, int columns) const;
    void modelChanged();

    QPointer<QAbstractItemModel> m_model;
    int m_stateRole = 0;
    int m_fillRole = 0;
};

} // namespace ascend::ui

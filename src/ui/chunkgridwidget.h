#pragma once
// One cell per upload operation of the selected build: grey waiting, blue filling while in flight, green done,
// amber retrying, red failed. Cells wrap to the widget's width.

#include "core/upload/partstate.h"

#include <QList>
#include <QWidget>

namespace ascend::ui {

class ChunkGridWidget : public QWidget {
    Q_OBJECT
public:
    explicit ChunkGridWidget(QWidget *parent = nullptr);

    void setPartCount(int count);
    int partCount() const { return int(m_parts.size()); }
    void setPartState(int index, upload::PartState state);
    void setPartProgress(int index, qint64 sent, qint64 total);
    upload::PartState partState(int index) const;
    double partFill(int index) const;
    // Counts per state, for the legend and for tests.
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
    struct Part {
        upload::PartState state = upload::PartState::Waiting;
        double fill = 0.0;
    };
    int columnsFor(int width) const;
    int indexAt(const QPoint &position) const;
    QRect cellRect(int index, int columns) const;

    QList<Part> m_parts;
};

} // namespace ascend::ui

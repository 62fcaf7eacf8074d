#pragma once
// The steps of one build upload: Reserved → Uploading → Committed → Processing → Complete, with the current
// step highlighted and a failure shown on the step where it happened.

#include <QStringList>
#include <QWidget>

namespace ascend::ui {

class UploadStepsWidget : public QWidget {
    Q_OBJECT
public:
    enum class Step { Reserved, Uploading, Committed, Processing, Complete };
    enum class Outcome { Running, Succeeded, Failed, Cancelled };

    explicit UploadStepsWidget(QWidget *parent = nullptr);

    // current = the step in progress (or the last one reached when the outcome is final).
    void setProgress(Step current, Outcome outcome);
    Step currentStep() const { return m_current; }
    Outcome outcome() const { return m_outcome; }
    static QStringList stepNames();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Step m_current = Step::Reserved;
    Outcome m_outcome = Outcome::Running;
};

} // namespace ascend::ui

#pragma once
// The line above a crash log: an alert icon, the exception type, what crashed and where, and a
// "Go to crashed thread" button. Drawn on a soft red band; grey when the log says nothing about a crash.

#include "core/feedback/crashreport.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace ascend::ui {

class CrashLogSummaryBar : public QWidget {
    Q_OBJECT
public:
    explicit CrashLogSummaryBar(QWidget *parent = nullptr);

    void setReport(const feedback::CrashReport &report);
    QString title() const;
    QString detail() const;
    QPushButton *goToCrashedButton() const { return m_goTo; }

signals:
    void goToCrashedThreadRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateIcon();

    bool m_hasException = false;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_detail;
    QPushButton *m_goTo;
};

} // namespace ascend::ui

#pragma once
// What the window shows while there is no account and no demo: what Ascend is and the two ways to start.
// While the demo simulator starts, the buttons wait and a Cancel button gives the start up.

#include <QWidget>

class QPushButton;

namespace ascend::ui {

class EmptyStateWidget;

class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    // While the demo simulator starts: buttons disabled, a progress line, Cancel offered.
    void setBusy(const QString &message);
    // Back to idle, optionally with an error line (the demo could not start).
    void setIdle(const QString &errorMessage = QString());
    bool isBusy() const;

    QPushButton *addAccountButton() const { return m_addAccount; }
    QPushButton *demoButton() const { return m_demo; }
    QPushButton *cancelButton() const { return m_cancel; }
    EmptyStateWidget *emptyState() const { return m_emptyState; }

signals:
    void addAccountRequested();
    void demoRequested();
    void cancelRequested();

private:
    QString defaultNote() const;

    EmptyStateWidget *m_emptyState;
    QPushButton *m_addAccount;
    QPushButton *m_demo;
    QPushButton *m_cancel;
};

} // namespace ascend::ui

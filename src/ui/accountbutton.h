#pragma once
// The account switcher at the top of the source list: an avatar, the account name and where it connects,
// opening a menu with the accounts and account actions.

#include <QToolButton>

namespace ascend::ui {

class AccountButton : public QToolButton {
    Q_OBJECT
public:
    explicit AccountButton(QWidget *parent = nullptr);

    void setAccount(const QString &name, const QString &detail, bool isDemo);
    QString accountName() const { return m_name; }
    QString detail() const { return m_detail; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void enterEvent(QEnterEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    QString m_name;
    QString m_detail;
    bool m_isDemo = false;
    bool m_hovered = false;
    bool m_keyboardFocus = false; // the focus ring shows only for keyboard navigation
};

} // namespace ascend::ui

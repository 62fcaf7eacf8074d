#pragma once
// The app picker at the top of the source list: a combo box over AppListModel that shows the app's name and
// bundle id, and a status line ("Loading apps…", an error) while there is nothing to pick.

#include <QComboBox>
#include <QStyledItemDelegate>

namespace ascend::ui {

class AppPicker : public QComboBox {
    Q_OBJECT
public:
    explicit AppPicker(QWidget *parent = nullptr);

    // Shown while no app is current: loading, no apps, an error.
    void setStatusText(const QString &text, bool isError = false);
    QString statusText() const { return m_statusText; }
    bool statusIsError() const { return m_statusIsError; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_statusText;
    bool m_statusIsError = false;
};

// Two-line rows (name, bundle id) with a letter tile, used by the picker's popup.
class AppItemDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Shared with the picker's closed state.
    static void paintApp(QPainter *painter, const QRect &rect, const QString &name, const QString &bundleId,
                         const QFont &font, bool selected);
};

} // namespace ascend::ui

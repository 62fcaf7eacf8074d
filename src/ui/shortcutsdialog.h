#pragma once
// Help ▸ Keyboard Shortcuts: every shortcut of the window, read from its actions (so the list cannot go
// stale), grouped by menu, plus the keys that work inside the panes and dialogs.

#include <QDialog>
#include <QList>
#include <QPair>

class QAction;
class QTreeWidget;

namespace ascend::ui {

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    struct Group {
        QString title;
        QList<QAction *> actions;
    };
    explicit ShortcutsDialog(const QList<Group> &groups, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    // "Refresh" → "F5" as shown (empty when the list has no such entry).
    QString shortcutFor(const QString &title) const;

private:
    QTreeWidget *m_list;
};

} // namespace ascend::ui

#include "ui/shortcutsdialog.h"

#include "ui/theme.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ascend::ui {

namespace {

QString plainTitle(QString text)
{
    // "&Add Build…" → "Add Build"; a literal "&&" stays one "&".
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    if (text.endsWith(QStringLiteral("…")))
        text.chop(1);
    return text;
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QList<Group> &groups, QWidget *parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    resize(520, 580);

    m_list->setObjectName(QStringLiteral("shortcutList"));
    m_list->setAccessibleName(tr("Keyboard shortcuts"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Action"), tr("Keys")});
    m_list->setRootIsDecorated(false);
    m_list->setItemsExpandable(false);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    auto addGroup = [this](const QString &title, const QList<QPair<QString, QString>> &rows) {
        if (rows.isEmpty())
            return;
        auto *group = new QTreeWidgetItem(m_list, {title});
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFirstColumnSpanned(true);
        group->setFlags(Qt::ItemIsEnabled);
        for (const auto &[action, keys] : rows)
            new QTreeWidgetItem(group, {action, keys});
        group->setExpanded(true);
    };

    for (const Group &group : groups) {
        QList<QPair<QString, QString>> rows;
        for (QAction *action : group.actions) {
            QStringList keys;
            for (const QKeySequence &sequence : action->shortcuts())
                keys << sequence.toString(QKeySequence::NativeText);
            if (!keys.isEmpty())
                rows.append({plainTitle(action->text()), keys.join(tr(" or "))});
        }
        addGroup(plainTitle(group.title), rows);
    }
    addGroup(tr("Everywhere"),
             {{tr("Next or previous control"), tr("Tab, Shift+Tab")},
              {tr("Open a menu"), tr("Alt + the underlined letter")},
              {tr("Choose a button or field"), tr("Alt + its underlined letter")},
              {tr("Close a dialog"), QKeySequence(Qt::Key_Escape).toString(QKeySequence::NativeText)}});
    addGroup(tr("In lists"), {{tr("Delete the selected webhook"),
                               QKeySequence(QKeySequence::Delete).toString(QKeySequence::NativeText)},
                              {tr("Copy the selected log messages"),
                               QKeySequence(QKeySequence::Copy).toString(QKeySequence::NativeText)}});
    m_list->setCurrentItem(m_list->topLevelItemCount() > 0 ? m_list->topLevelItem(0)->child(0) : nullptr);

    auto *hint =
        new QLabel(tr("Menus open with Alt and the underlined letter, for example Alt+F for File."), this);
    hint->setWordWrap(true);
    theme::bindColor(hint, QPalette::WindowText, theme::textSecondary);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(hint);
    layout->addWidget(buttons);
}

QString ShortcutsDialog::shortcutFor(const QString &title) const
{
    const QList<QTreeWidgetItem *> items = m_list->findItems(title, Qt::MatchExactly | Qt::MatchRecursive, 0);
    for (const QTreeWidgetItem *item : items) {
        if (item->parent())
            return item->text(1);
    }
    return QString();
}

} // namespace ascend::ui

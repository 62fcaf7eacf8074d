// Every interactive control (buttons, check boxes, line edits, spin boxes, combo boxes, text editors, item
// views) of the main window, each pane and the dialogs has a name for assistive technology: a button's own
// text, or an accessible name, or a label that names it (QLabel::setBuddy, the Label relation).
// The walk asks Qt's accessibility interfaces, exactly what a screen reader would be given.

#include "core/auth/accountstore.h"
#include "core/auth/filesecretstore.h"
#include "ui/aboutdialog.h"
#include "ui/accountdialog.h"
#include "ui/logbuffer.h"
#include "ui/logviewer.h"
#include "ui/mainwindow.h"
#include "ui/panewidget.h"
#include "ui/pkgmetadatadialog.h"
#include "ui/settingsdialog.h"
#include "ui/shortcutsdialog.h"
#include "ui/theme.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QToolButton>
#include <memory>

namespace {

bool isInteractive(const QWidget *widget)
{
    return qobject_cast<const QAbstractButton *>(widget) || qobject_cast<const QLineEdit *>(widget) ||
           qobject_cast<const QComboBox *>(widget) || qobject_cast<const QAbstractSpinBox *>(widget) ||
           qobject_cast<const QPlainTextEdit *>(widget) || qobject_cast<const QTextEdit *>(widget) ||
           (qobject_cast<const QAbstractItemView *>(widget) && !qobject_cast<const QHeaderView *>(widget));
}

// Parts of a composite control that Qt names through their owner (a combo box's line edit and popup list, a
// spin box's editor, a tab bar's scroll arrows, a line edit's clear button, a table's corner button, the menu
// bar's overflow button, the scroll arrows of a menu).
bool isInternalPart(const QWidget *widget, const QWidget *root)
{
    for (const QWidget *parent = widget->parentWidget(); parent && parent != root;
         parent = parent->parentWidget()) {
        if (qobject_cast<const QComboBox *>(parent) || qobject_cast<const QAbstractSpinBox *>(parent) ||
            qobject_cast<const QTabBar *>(parent) || qobject_cast<const QLineEdit *>(parent) ||
            qobject_cast<const QMenuBar *>(parent) || qobject_cast<const QAbstractItemView *>(parent) ||
            qobject_cast<const QMenu *>(parent))
            return true;
        if (parent->isWindow() && (parent->windowFlags() & Qt::Popup) == Qt::Popup)
            return true;
    }
    return false;
}

QString describe(const QWidget *widget)
{
    QStringList path;
    for (const QWidget *w = widget; w; w = w->parentWidget())
        path.prepend(w->objectName().isEmpty() ? QString::fromLatin1(w->metaObject()->className())
                                               : w->objectName());
    return path.join(QLatin1Char('/'));
}

// Controls under root that assistive technology could not name.
QStringList unnamedControls(QWidget *root, int *checked = nullptr)
{
    QStringList problems;
    if (checked)
        *checked = 0;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *widget : std::as_const(widgets)) {
        if (!isInteractive(widget) || isInternalPart(widget, root))
            continue;
        if (checked)
            ++*checked;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
        if (!iface || !iface->isValid()) {
            problems << describe(widget) + QStringLiteral(" (no accessible interface)");
            continue;
        }
        if (iface->role() == QAccessible::NoRole)
            problems << describe(widget) + QStringLiteral(" (no role)");
        const bool isButton = qobject_cast<QAbstractButton *>(widget) != nullptr;
        // A button is named by its text; a field's or a list's text is its value, not its name.
        const bool named = isButton ? !iface->text(QAccessible::Name).trimmed().isEmpty()
                                    : !widget->accessibleName().trimmed().isEmpty() ||
                                          !iface->relations(QAccessible::Label).isEmpty();
        if (!named)
            problems << describe(widget);
    }
    return problems;
}

} // namespace

class TestAccessibility : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ascend::auth::FileSecretStore> m_secrets;
    std::unique_ptr<ascend::auth::AccountStore> m_store;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("AscendTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_accessibility"));
        ascend::ui::theme::apply(*qApp, ascend::ui::theme::Mode::Light);
        QSettings().clear();
        m_dir = std::make_unique<QTemporaryDir>();
        m_secrets =
            std::make_unique<ascend::auth::FileSecretStore>(m_dir->filePath(QStringLiteral("secrets")));
        m_store = std::make_unique<ascend::auth::AccountStore>(m_secrets.get(),
                                                               m_dir->filePath(QStringLiteral("config")));
    }

    void theCheckFindsAnUnnamedControl()
    {
        // The walk must be able to fail: a bare line edit and an icon-only button have no name.
        QWidget root;
        auto *edit = new QLineEdit(&root);
        auto *button = new QToolButton(&root);
        button->setIcon(ascend::ui::theme::icon(QStringLiteral(":/icons/plus.svg")));
        QCOMPARE(unnamedControls(&root).size(), 2);
        edit->setAccessibleName(QStringLiteral("Search"));
        QCOMPARE(unnamedControls(&root).size(), 1);
    }

    void mainWindowAndEveryPane()
    {
        ascend::ui::MainWindow window(m_store.get(), m_secrets.get());
        window.openDefaultAccount();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        int checked = 0;
        QStringList problems = unnamedControls(&window, &checked);
        // The walk reaches the controls of every pane, shown or not (about 130 today).
        QVERIFY2(checked > 100, qPrintable(QString::number(checked)));
        qInfo("%d controls checked in the main window", checked);
        for (int pane = 0; pane < ascend::models::SourceListModel::PaneCount; ++pane) {
            auto *widget = window.pane(static_cast<ascend::models::SourceListModel::Pane>(pane));
            QVERIFY(widget);
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
            QVERIFY(iface && iface->isValid());
        }
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("Unnamed controls:\n  ") + problems.join(QStringLiteral("\n  "))));
    }

    void everyMenuAndActionHasAMnemonic()
    {
        ascend::ui::MainWindow window(m_store.get(), m_secrets.get());
        QStringList missing;
        for (QAction *menuAction : window.menuBar()->actions()) {
            if (!menuAction->text().contains(QLatin1Char('&')))
                missing << menuAction->text();
            QList<QMenu *> menus{menuAction->menu()};
            while (!menus.isEmpty()) {
                QMenu *menu = menus.takeFirst();
                for (QAction *action : menu->actions()) {
                    if (action->isSeparator())
                        continue;
                    if (action->menu())
                        menus << action->menu();
                    if (!action->text().contains(QLatin1Char('&')))
                        missing << menu->title() + QStringLiteral(" ▸ ") + action->text();
                }
            }
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    }

    void dialogs()
    {
        QList<QWidget *> dialogs;
        auto settings = std::make_unique<ascend::ui::SettingsDialog>(m_store.get(), m_secrets.get());
        auto account = std::make_unique<ascend::ui::AccountDialog>(m_store.get(), m_secrets.get());
        auto about = std::make_unique<ascend::ui::AboutDialog>(QStringLiteral("a file"));
        ascend::ui::LogBuffer buffer;
        buffer.append(QtInfoMsg, QStringLiteral("ascend.test"), QStringLiteral("hello"));
        auto log = std::make_unique<ascend::ui::LogViewer>(&buffer);
        auto pkg = std::make_unique<ascend::ui::PkgMetadataDialog>(QStringLiteral("App.pkg"));
        QAction refresh(QStringLiteral("&Refresh"));
        refresh.setShortcut(Qt::Key_F5);
        auto shortcuts = std::make_unique<ascend::ui::ShortcutsDialog>(
            QList<ascend::ui::ShortcutsDialog::Group>{{QStringLiteral("&View"), {&refresh}}});
        QCOMPARE(shortcuts->shortcutFor(QStringLiteral("Refresh")), QStringLiteral("F5"));
        QStringList problems;
        for (QWidget *dialog : {static_cast<QWidget *>(settings.get()), static_cast<QWidget *>(account.get()),
                                static_cast<QWidget *>(about.get()), static_cast<QWidget *>(log.get()),
                                static_cast<QWidget *>(pkg.get()), static_cast<QWidget *>(shortcuts.get())})
            problems << unnamedControls(dialog);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("Unnamed controls:\n  ") + problems.join(QStringLiteral("\n  "))));
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"

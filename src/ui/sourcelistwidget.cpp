#include "ui/sourcelistwidget.h"

#include "models/applistmodel.h"
#include "ui/accountbutton.h"
#include "ui/apppicker.h"
#include "ui/sourcelistdelegate.h"
#include "ui/theme.h"

#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QVBoxLayout>

namespace ascend::ui {

SourceListWidget::SourceListWidget(models::SourceListModel *panes, models::AppListModel *apps,
                                   QWidget *parent)
    : QWidget(parent)
    , m_panes(panes)
    , m_accountButton(new AccountButton(this))
    , m_appPicker(new AppPicker(this))
    , m_paneList(new QListView(this))
{
    setObjectName(QStringLiteral("sourceList"));
    setMinimumWidth(210);

    m_appPicker->setModel(apps);

    m_paneList->setObjectName(QStringLiteral("paneList"));
    m_paneList->setModel(panes);
    m_paneList->setItemDelegate(new SourceListDelegate(m_paneList));
    m_paneList->setFrameShape(QFrame::NoFrame);
    m_paneList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_paneList->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_paneList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_paneList->setMouseTracking(true);
    m_paneList->setAttribute(Qt::WA_MacShowFocusRect, false);
    m_paneList->viewport()->setAutoFillBackground(false);
    m_paneList->setAutoFillBackground(false);
    m_paneList->setAccessibleName(tr("Workspace"));
    m_paneList->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    QPalette listPalette = m_paneList->palette();
    listPalette.setColor(QPalette::Base, Qt::transparent);
    m_paneList->setPalette(listPalette);

    connect(m_paneList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    emit currentPaneChanged(static_cast<models::SourceListModel::Pane>(current.row()));
            });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 10, 8, 10);
    layout->setSpacing(0);
    layout->addWidget(m_accountButton);
    layout->addSpacing(14);
    layout->addWidget(sectionLabel(tr("App")));
    layout->addSpacing(4);
    auto *pickerHolder = new QVBoxLayout;
    pickerHolder->setContentsMargins(6, 0, 6, 0);
    pickerHolder->addWidget(m_appPicker);
    layout->addLayout(pickerHolder);
    layout->addSpacing(18);
    layout->addWidget(sectionLabel(tr("Workspace")));
    layout->addSpacing(4);
    layout->addWidget(m_paneList, 1);

    setCurrentPane(models::SourceListModel::Uploads);
}

QLabel *SourceListWidget::sectionLabel(const QString &text)
{
    auto *label = new QLabel(text.toUpper(), this);
    QFont font = theme::font(-2, true);
    font.setLetterSpacing(QFont::PercentageSpacing, 106);
    label->setFont(font);
    theme::bindColor(label, QPalette::WindowText, theme::neutral);
    label->setContentsMargins(10, 0, 10, 0);
    return label;
}

models::SourceListModel::Pane SourceListWidget::currentPane() const
{
    const QModelIndex current = m_paneList->currentIndex();
    return current.isValid() ? static_cast<models::SourceListModel::Pane>(current.row())
                             : models::SourceListModel::Uploads;
}

void SourceListWidget::setCurrentPane(models::SourceListModel::Pane pane)
{
    m_paneList->setCurrentIndex(m_panes->indexOf(pane));
}

void SourceListWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), theme::sidebarBackground());
    painter.fillRect(QRect(width() - 1, 0, 1, height()), theme::separator());
}

} // namespace ascend::ui

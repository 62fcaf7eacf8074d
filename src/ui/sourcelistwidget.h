#pragma once
// The left column of the main window: account switcher, app picker, and the workspace entries.

#include "models/sourcelistmodel.h"

#include <QWidget>

class QListView;
class QLabel;

namespace ascend::models {
class AppListModel;
}

namespace ascend::ui {

class AccountButton;
class AppPicker;

class SourceListWidget : public QWidget {
    Q_OBJECT
public:
    SourceListWidget(models::SourceListModel *panes, models::AppListModel *apps, QWidget *parent = nullptr);

    AccountButton *accountButton() const { return m_accountButton; }
    AppPicker *appPicker() const { return m_appPicker; }
    QListView *paneList() const { return m_paneList; }

    models::SourceListModel::Pane currentPane() const;
    void setCurrentPane(models::SourceListModel::Pane pane);

signals:
    void currentPaneChanged(ascend::models::SourceListModel::Pane pane);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *sectionLabel(const QString &text);

    models::SourceListModel *m_panes;
    AccountButton *m_accountButton;
    AppPicker *m_appPicker;
    QListView *m_paneList;
};

} // namespace ascend::ui

#pragma once
// Base of the four workspace panes: a header (title, the selected app) over a body. The main window tells
// every pane about the live session and the selected app; panes override the hooks to load their data.

#include "models/sourcelistmodel.h"

#include <QWidget>

class QLabel;
class QHBoxLayout;
class QVBoxLayout;

namespace ascend::api {
struct App;
}
namespace ascend::session {
class Session;
}

namespace ascend::ui {

class PaneWidget : public QWidget {
    Q_OBJECT
public:
    explicit PaneWidget(models::SourceListModel::Pane pane, QWidget *parent = nullptr);

    models::SourceListModel::Pane pane() const { return m_pane; }

    // nullptr when disconnected. The session outlives every call until the next setSession().
    virtual void setSession(session::Session *session);
    // nullptr when no app is selected (no account, no apps, still loading).
    virtual void setCurrentApp(const api::App *app);
    // F5 / View ▸ Refresh: reload what the pane shows from the server.
    virtual void refresh() {}
    // Ctrl+F: move the keyboard focus to the pane's search or filter field.
    virtual void focusSearch() {}

    session::Session *session() const { return m_session; }
    QString headerTitle() const;
    QString headerSubtitle() const;

protected:
    // Replaces the body below the header.
    void setBody(QWidget *body);
    QWidget *body() const { return m_body; }
    // Widgets at the right end of the header (buttons, filters).
    void addHeaderWidget(QWidget *widget);

private:
    models::SourceListModel::Pane m_pane;
    session::Session *m_session = nullptr;
    QLabel *m_title;
    QLabel *m_subtitle;
    QHBoxLayout *m_headerActions;
    QVBoxLayout *m_layout;
    QWidget *m_body = nullptr;
};

} // namespace ascend::ui

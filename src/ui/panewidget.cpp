#include "ui/panewidget.h"

#include "core/api/apps.h"
#include "ui/theme.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace ascend::ui {

PaneWidget::PaneWidget(models::SourceListModel::Pane pane, QWidget *parent)
    : QWidget(parent)
    , m_pane(pane)
    , m_title(new QLabel(models::SourceListModel::title(pane), this))
    , m_subtitle(new QLabel(models::SourceListModel::description(pane), this))
    , m_headerActions(new QHBoxLayout)
    , m_layout(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("pane%1").arg(pane));
    m_title->setObjectName(QStringLiteral("paneTitle"));
    m_title->setFont(theme::font(7, true));
    m_subtitle->setObjectName(QStringLiteral("paneSubtitle"));
    theme::bindColor(m_subtitle, QPalette::WindowText, theme::textSecondary);
    m_subtitle->setTextFormat(Qt::PlainText);

    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(28, 22, 28, 16);
    header->addLayout(titles, 1);
    header->addLayout(m_headerActions);

    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::NoFrame);
    line->setFixedHeight(1);
    line->setAutoFillBackground(true);
    theme::bindColor(line, QPalette::Window, theme::separator);

    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(0);
    m_layout->addLayout(header);
    m_layout->addWidget(line);
    setBody(new QWidget(this));
}

void PaneWidget::setSession(session::Session *session)
{
    m_session = session;
}

void PaneWidget::setCurrentApp(const api::App *app)
{
    if (app && !app->name.isEmpty()) {
        m_subtitle->setText(tr("%1 · %2").arg(app->name, app->bundleId));
    } else {
        m_subtitle->setText(models::SourceListModel::description(m_pane));
    }
}

QString PaneWidget::headerTitle() const
{
    return m_title->text();
}

QString PaneWidget::headerSubtitle() const
{
    return m_subtitle->text();
}

void PaneWidget::setBody(QWidget *body)
{
    if (m_body) {
        m_layout->removeWidget(m_body);
        m_body->deleteLater();
    }
    m_body = body;
    m_layout->addWidget(body, 1);
}

void PaneWidget::addHeaderWidget(QWidget *widget)
{
    m_headerActions->addWidget(widget);
}

} // namespace ascend::ui

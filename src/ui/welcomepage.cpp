#include "ui/welcomepage.h"

#include "ui/emptystatewidget.h"
#include "ui/theme.h"

#include <QPushButton>
#include <QVBoxLayout>

namespace ascend::ui {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_emptyState(new EmptyStateWidget(this))
{
    setObjectName(QStringLiteral("welcomePage"));
    m_emptyState->setIcon(QStringLiteral(":/icons/ascend.svg"), false);
    m_emptyState->setTitle(tr("Welcome to Ascend"));
    m_emptyState->setText(
        tr("Upload builds, set up webhooks, hand builds to TestFlight testers and read their "
           "feedback. Add an App Store Connect API key to begin, or look around in the demo "
           "first."));
    m_addAccount = m_emptyState->addButton(tr("Add an API key…"), true);
    m_addAccount->setIcon(theme::tintedIcon(QStringLiteral(":/icons/key.svg"), Qt::white, QSize(16, 16)));
    m_demo = m_emptyState->addButton(tr("Try the demo"));
    m_demo->setIcon(
        theme::tintedIcon(QStringLiteral(":/icons/play.svg"), theme::textPrimary(), QSize(16, 16)));
    m_emptyState->setNote(defaultNote());

    connect(m_addAccount, &QPushButton::clicked, this, &WelcomePage::addAccountRequested);
    connect(m_demo, &QPushButton::clicked, this, &WelcomePage::demoRequested);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_emptyState);
}

QString WelcomePage::defaultNote() const
{
    return tr(
        "Keys are created in App Store Connect under Users and Access → Integrations. The demo runs a local "
        "App Store Connect simulator with sample apps and its own key; nothing leaves this computer.");
}

void WelcomePage::setBusy(const QString &message)
{
    m_addAccount->setEnabled(false);
    m_demo->setEnabled(false);
    m_emptyState->setNote(message);
}

void WelcomePage::setIdle(const QString &errorMessage)
{
    m_addAccount->setEnabled(true);
    m_demo->setEnabled(true);
    if (errorMessage.isEmpty())
        m_emptyState->setNote(defaultNote());
    else
        m_emptyState->setNote(errorMessage, true);
}

} // namespace ascend::ui

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
    m_addAccount->setIcon(theme::icon(QStringLiteral(":/icons/key.svg"), theme::Tint::OnAccent));
    m_addAccount->setIconSize(QSize(16, 16));
    m_addAccount->setAccessibleDescription(
        tr("Opens a form for the issuer ID, key ID and .p8 file of an App Store Connect API key"));
    m_demo = m_emptyState->addButton(tr("Try the demo"));
    m_demo->setObjectName(QStringLiteral("tryDemo"));
    m_demo->setIcon(theme::icon(QStringLiteral(":/icons/play.svg"), theme::Tint::TextPrimary));
    m_demo->setIconSize(QSize(16, 16));
    m_demo->setAccessibleDescription(
        tr("Starts a local App Store Connect simulator with sample apps; nothing leaves this computer"));
    m_cancel = m_emptyState->addButton(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("cancelDemo"));
    m_cancel->setAccessibleName(tr("Cancel starting the demo"));
    m_cancel->hide();
    m_emptyState->setNote(defaultNote());

    connect(m_addAccount, &QPushButton::clicked, this, &WelcomePage::addAccountRequested);
    connect(m_demo, &QPushButton::clicked, this, &WelcomePage::demoRequested);
    connect(m_cancel, &QPushButton::clicked, this, &WelcomePage::cancelRequested);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_emptyState);
    setFocusProxy(m_addAccount);
}

QString WelcomePage::defaultNote() const
{
    return tr(
        "Keys are created in App Store Connect under Users and Access → Integrations. The demo runs a local "
        "App Store Connect simulator with sample apps and its own key; nothing leaves this computer.");
}

void WelcomePage::setBusy(const QString &message)
{
    const bool hadFocus = m_demo->hasFocus() || m_addAccount->hasFocus();
    m_addAccount->setEnabled(false);
    m_demo->setEnabled(false);
    m_cancel->show();
    if (hadFocus)
        m_cancel->setFocus();
    m_emptyState->setNote(message);
}

void WelcomePage::setIdle(const QString &errorMessage)
{
    const bool hadFocus = m_cancel->hasFocus();
    m_addAccount->setEnabled(true);
    m_demo->setEnabled(true);
    m_cancel->hide();
    if (hadFocus)
        m_demo->setFocus();
    if (errorMessage.isEmpty())
        m_emptyState->setNote(defaultNote());
    else
        m_emptyState->setNote(errorMessage, true);
}

bool WelcomePage::isBusy() const
{
    return !m_cancel->isHidden();
}

} // namespace ascend::ui

#include "ui/aboutdialog.h"

#include "ui/emptystatewidget.h"
#include "ui/theme.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSysInfo>
#include <QVBoxLayout>

#ifndef ASCEND_LICENSE
#define ASCEND_LICENSE ""
#endif

namespace ascend::ui {

namespace {

QLabel *factLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse |
                                   Qt::LinksAccessibleByKeyboard);
    label->setOpenExternalLinks(true);
    label->setWordWrap(true);
    return label;
}

QString link(const QString &url, const QString &text)
{
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(url, text.toHtmlEscaped());
}

} // namespace

AboutDialog::AboutDialog(const QString &secretsBackend, QWidget *parent)
    : QDialog(parent)
    , m_secretsBackend(secretsBackend)
    , m_copy(new QPushButton(tr("&Copy Version Info"), this))
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Ascend"));

    auto *logo = new IconBadge(this);
    logo->setIcon(QStringLiteral(":/icons/ascend.svg"), false);
    logo->setAccessibleName(tr("Ascend logo"));

    auto *title = new QLabel(tr("Ascend"), this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    title->setFont(theme::font(8, true));
    auto *version = new QLabel(tr("Version %1").arg(QCoreApplication::applicationVersion()), this);
    version->setObjectName(QStringLiteral("aboutVersion"));
    version->setTextInteractionFlags(Qt::TextSelectableByMouse);
    theme::bindColor(version, QPalette::WindowText, theme::textSecondary);
    auto *description = new QLabel(
        tr("A desktop workbench for App Store Connect: upload builds and watch every part arrive, set "
           "up webhooks and verify their events locally, hand builds to TestFlight testers and read "
           "their feedback."),
        this);
    description->setWordWrap(true);

    auto *heading = new QVBoxLayout;
    heading->setSpacing(2);
    heading->addWidget(title);
    heading->addWidget(version);
    heading->addSpacing(8);
    heading->addWidget(description);
    auto *top = new QHBoxLayout;
    top->setSpacing(18);
    top->addWidget(logo, 0, Qt::AlignTop);
    top->addLayout(heading, 1);

    auto *facts = new QFormLayout;
    facts->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    facts->setHorizontalSpacing(14);
    facts->setVerticalSpacing(8);
    facts->addRow(
        tr("Qt:"),
        factLabel(
            tr("%1 (built with %2)").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR)),
            this));
    facts->addRow(tr("System:"), factLabel(QStringLiteral("%1, %2").arg(QSysInfo::prettyProductName(),
                                                                        QSysInfo::currentCpuArchitecture()),
                                           this));
    if (!m_secretsBackend.isEmpty())
        facts->addRow(tr("API keys:"), factLabel(tr("kept in %1").arg(m_secretsBackend), this));
    facts->addRow(tr("Settings:"), factLabel(QSettings().fileName(), this));
    QString licence;
    if (!QStringLiteral(ASCEND_LICENSE).isEmpty())
        licence = tr("Ascend is released under the %1 licence.").arg(QStringLiteral(ASCEND_LICENSE)) +
                  QStringLiteral("<br>");
    licence += tr("Built on Qt (LGPL-3.0), OpenSSL (Apache-2.0), QtKeychain (BSD-3-Clause), libzip "
                  "(BSD-3-Clause), libplist (LGPL-2.1) and http-parser (MIT).");
    auto *licenceLabel = factLabel(licence, this);
    licenceLabel->setObjectName(QStringLiteral("aboutLicence"));
    facts->addRow(tr("Licences:"), licenceLabel);
    auto *links =
        factLabel(link(QStringLiteral("https://developer.apple.com/documentation/appstoreconnectapi"),
                       tr("App Store Connect API documentation")) +
                      QStringLiteral("<br>") +
                      link(QStringLiteral("https://appstoreconnect.apple.com/access/integrations/api"),
                           tr("Create an API key in App Store Connect")) +
                      QStringLiteral("<br>") +
                      link(QStringLiteral("https://developer.apple.com/documentation/appstoreconnectapi/"
                                          "configuring-webhook-notifications"),
                           tr("About App Store Connect webhooks")),
                  this);
    links->setObjectName(QStringLiteral("aboutLinks"));
    links->setAccessibleName(tr("Links"));
    facts->addRow(tr("Links:"), links);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::HelpRole);
    buttons->addButton(m_copy, QDialogButtonBox::ActionRole);
    m_copy->setAccessibleDescription(tr("Copies the version, Qt and system lines for a bug report"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(aboutQt, &QPushButton::clicked, this, [this] { QMessageBox::aboutQt(this); });
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(versionInfo() + QLatin1Char('\n')); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 22, 24, 16);
    layout->setSpacing(16);
    layout->addLayout(top);
    layout->addLayout(facts);
    layout->addStretch(1);
    layout->addWidget(buttons);
    buttons->button(QDialogButtonBox::Close)->setDefault(true);
    setMinimumWidth(560);
}

QString AboutDialog::versionInfo() const
{
    QStringList lines;
    lines << QStringLiteral("Ascend %1").arg(QCoreApplication::applicationVersion());
    lines << QStringLiteral("Qt %1 (built with %2)")
                 .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR));
    lines << QStringLiteral("%1, %2, %3")
                 .arg(QSysInfo::prettyProductName(), QSysInfo::currentCpuArchitecture(),
                      QGuiApplication::platformName());
    if (!m_secretsBackend.isEmpty())
        lines << QStringLiteral("Secrets: %1").arg(m_secretsBackend);
    return lines.join(QLatin1Char('\n'));
}

} // namespace ascend::ui

#include "ui/pkgmetadatadialog.h"

#include "core/asc/ascenums.h"
#include "ui/theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace ascend::ui {

PkgMetadataDialog::PkgMetadataDialog(const QString &fileName, QWidget *parent)
    : QDialog(parent)
    , m_bundleId(new QLineEdit(this))
    , m_version(new QLineEdit(this))
    , m_build(new QLineEdit(this))
    , m_platform(new QComboBox(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Describe %1").arg(fileName));
    auto *intro = new QLabel(tr("Ascend cannot read the version from a .pkg. Enter what Xcode shows for this "
                                "archive."),
                             this);
    intro->setWordWrap(true);
    m_bundleId->setPlaceholderText(QStringLiteral("com.example.app"));
    m_bundleId->setAccessibleName(tr("Bundle ID"));
    m_version->setPlaceholderText(QStringLiteral("1.4"));
    m_version->setAccessibleName(tr("Version"));
    m_build->setPlaceholderText(QStringLiteral("42"));
    m_build->setAccessibleName(tr("Build number"));
    for (const QString &platform : asc::allNames<asc::Platform>())
        m_platform->addItem(platform, platform);
    m_platform->setCurrentIndex(m_platform->findData(QStringLiteral("MAC_OS")));
    m_platform->setAccessibleName(tr("Platform"));
    m_error->setStyleSheet(QStringLiteral("color:%1").arg(theme::critical().name()));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Upload"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Bundle ID:"), m_bundleId);
    form->addRow(tr("&Version:"), m_version);
    form->addRow(tr("B&uild:"), m_build);
    form->addRow(tr("&Platform:"), m_platform);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    for (QLineEdit *edit : {m_bundleId, m_version, m_build})
        connect(edit, &QLineEdit::textChanged, this, &PkgMetadataDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

upload::BuildMetadata PkgMetadataDialog::metadata() const
{
    upload::BuildMetadata metadata;
    metadata.bundleId = m_bundleId->text().trimmed();
    metadata.shortVersion = m_version->text().trimmed();
    metadata.bundleVersion = m_build->text().trimmed();
    metadata.platform = asc::fromString<asc::Platform>(m_platform->currentData().toString());
    return metadata;
}

QString PkgMetadataDialog::validationError() const
{
    static const QRegularExpression bundleId(QStringLiteral("^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$"));
    static const QRegularExpression version(QStringLiteral("^[0-9]+(\\.[0-9]+){0,2}$"));
    const auto data = metadata();
    if (!bundleId.match(data.bundleId).hasMatch())
        return tr("The bundle ID looks like com.example.app.");
    if (!version.match(data.shortVersion).hasMatch())
        return tr("The version is up to three numbers separated by dots, like 1.4 or 2.0.1.");
    if (!version.match(data.bundleVersion).hasMatch())
        return tr("The build number is up to three numbers separated by dots, like 42 or 42.1.");
    return {};
}

void PkgMetadataDialog::validate()
{
    const QString error = validationError();
    const bool touched =
        !m_bundleId->text().isEmpty() || !m_version->text().isEmpty() || !m_build->text().isEmpty();
    m_error->setText(touched ? error : QString());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
}

} // namespace ascend::ui

#include "ui/testflightbuildpanel.h"

#include "models/statelabel.h"
#include "ui/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace ascend::ui {

namespace {

const QStringList &commonLocales()
{
    static const QStringList locales = {
        QStringLiteral("en-US"), QStringLiteral("en-GB"),   QStringLiteral("en-AU"),  QStringLiteral("de-DE"),
        QStringLiteral("fr-FR"), QStringLiteral("es-ES"),   QStringLiteral("es-MX"),  QStringLiteral("it"),
        QStringLiteral("ja"),    QStringLiteral("ko"),      QStringLiteral("nl-NL"),  QStringLiteral("pt-BR"),
        QStringLiteral("sv"),    QStringLiteral("zh-Hans"), QStringLiteral("zh-Hant")};
    return locales;
}

QString humanize(const QString &state)
{
    return state.isEmpty() ? QStringLiteral("—") : models::stateLabel(state);
}

} // namespace

TestFlightBuildPanel::TestFlightBuildPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_states(new QLabel(this))
    , m_locale(new QComboBox(this))
    , m_notes(new QPlainTextEdit(this))
    , m_notesCount(new QLabel(this))
    , m_saveNotes(new QPushButton(tr("Save What to Test"), this))
    , m_checks(new QLabel(this))
    , m_submit(new QPushButton(tr("Submit for Beta App Review"), this))
    , m_autoNotify(new QCheckBox(tr("Notify testers automatically"), this))
    , m_notify(new QPushButton(tr("Notify testers"), this))
    , m_addToGroup(new QPushButton(tr("Add to group…"), this))
    , m_removeFromGroup(new QPushButton(tr("Remove from group"), this))
    , m_expire(new QPushButton(tr("Expire build…"), this))
{
    setObjectName(QStringLiteral("testflightBuildPanel"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_states->setWordWrap(true);
    m_states->setTextFormat(Qt::RichText);
    m_locale->setEditable(true);
    m_locale->addItems(commonLocales());
    m_locale->setToolTip(tr("Locale of the What to Test text; locales with text are marked ●"));
    m_locale->setObjectName(QStringLiteral("localePicker"));
    m_locale->setAccessibleName(tr("Locale of What to Test"));
    m_notes->setPlaceholderText(tr("What should testers try in this build?"));
    m_notes->setObjectName(QStringLiteral("whatToTest"));
    m_notes->setAccessibleName(tr("What to Test"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMaximumHeight(90);
    theme::bindColor(m_notesCount, QPalette::WindowText, theme::textSecondary);
    m_checks->setWordWrap(true);
    m_checks->setObjectName(QStringLiteral("reviewChecks"));
    m_submit->setObjectName(QStringLiteral("submitForReview"));
    m_expire->setObjectName(QStringLiteral("expireBuild"));
    m_addToGroup->setObjectName(QStringLiteral("addToGroup"));
    m_notify->setObjectName(QStringLiteral("notifyTesters"));
    m_autoNotify->setObjectName(QStringLiteral("autoNotify"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->setSpacing(6);
    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_addToGroup);
    top->addWidget(m_removeFromGroup);
    top->addWidget(m_expire);
    layout->addLayout(top);
    layout->addWidget(m_states);

    auto *notesRow = new QHBoxLayout;
    auto *notesLabel = new QLabel(tr("What to Test"), this);
    notesLabel->setBuddy(m_notes);
    notesRow->addWidget(notesLabel);
    notesRow->addWidget(m_locale);
    notesRow->addStretch(1);
    notesRow->addWidget(m_notesCount);
    notesRow->addWidget(m_saveNotes);
    layout->addLayout(notesRow);
    layout->addWidget(m_notes);

    layout->addWidget(m_checks);
    auto *reviewRow = new QHBoxLayout;
    reviewRow->addWidget(m_autoNotify);
    reviewRow->addStretch(1);
    reviewRow->addWidget(m_notify);
    reviewRow->addWidget(m_submit);
    layout->addLayout(reviewRow);

    connect(m_locale, &QComboBox::currentTextChanged, this, &TestFlightBuildPanel::showLocale);
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] {
        const int n = int(m_notes->toPlainText().size());
        m_notesCount->setText(tr("%1 / %2").arg(n).arg(api::BetaBuildLocalization::MaxWhatsNewLength));
        m_saveNotes->setEnabled(m_build && !m_busy && n <= api::BetaBuildLocalization::MaxWhatsNewLength);
    });
    connect(m_saveNotes, &QPushButton::clicked, this,
            [this] { emit saveNotesRequested(currentLocale(), m_notes->toPlainText()); });
    connect(m_submit, &QPushButton::clicked, this, &TestFlightBuildPanel::submitRequested);
    connect(m_autoNotify, &QCheckBox::toggled, this, &TestFlightBuildPanel::autoNotifyToggled);
    connect(m_notify, &QPushButton::clicked, this, &TestFlightBuildPanel::notifyRequested);
    connect(m_expire, &QPushButton::clicked, this, &TestFlightBuildPanel::expireRequested);
    connect(m_addToGroup, &QPushButton::clicked, this, &TestFlightBuildPanel::addToGroupRequested);
    connect(m_removeFromGroup, &QPushButton::clicked, this, &TestFlightBuildPanel::removeFromGroupRequested);
    setBuild(std::nullopt, {});
}

QString TestFlightBuildPanel::currentLocale() const
{
    QString locale = m_locale->currentText();
    if (locale.startsWith(QStringLiteral("● ")))
        locale = locale.mid(2);
    return locale.trimmed();
}

QString TestFlightBuildPanel::whatToTest() const
{
    return m_notes->toPlainText();
}

void TestFlightBuildPanel::setBuild(const std::optional<api::TestFlightBuild> &build,
                                    const QHash<QString, QString> &groupNames)
{
    const bool sameBuild = build && m_build && build->build.id == m_build->build.id;
    m_build = build;
    if (!build) {
        m_title->setText(tr("Select a build"));
        m_states->setText(
            tr("Pick a build in the tree to write What to Test, send it to a group or to Beta App "
               "Review. Drag builds onto a group to distribute them."));
        m_checks->clear();
        m_notes->clear();
        setBusy(m_busy);
        return;
    }
    const api::Build &b = build->build;
    m_title->setText(tr("Build %1 · version %2").arg(b.version, build->preReleaseVersion));
    QStringList groups;
    for (const QString &id : build->groupIds)
        groups << groupNames.value(id, id);
    const QString external = build->detail && build->detail->externalBuildState
                                 ? humanize(asc::toString(*build->detail->externalBuildState))
                                 : QStringLiteral("—");
    const QString internal = build->detail && build->detail->internalBuildState
                                 ? humanize(asc::toString(*build->detail->internalBuildState))
                                 : QStringLiteral("—");
    m_states->setText(
        tr("Internal: <b>%1</b> · External: <b>%2</b> · Groups: %3")
            .arg(internal.toHtmlEscaped(), external.toHtmlEscaped(),
                 groups.isEmpty() ? tr("none") : groups.join(QStringLiteral(", ")).toHtmlEscaped()));
    {
        const QSignalBlocker blocker(m_locale);
        const QString keep = sameBuild ? currentLocale() : QString();
        m_locale->clear();
        QStringList locales;
        for (const auto &localization : build->localizations)
            locales << localization.locale;
        for (const QString &locale : commonLocales())
            if (!locales.contains(locale))
                locales << locale;
        for (const QString &locale : locales)
            m_locale->addItem(build->localization(locale) ? QStringLiteral("● ") + locale : locale);
        int index = 0;
        if (!keep.isEmpty())
            index = std::max(0, int(locales.indexOf(keep)));
        m_locale->setCurrentIndex(index);
    }
    {
        const QSignalBlocker blocker(m_autoNotify);
        m_autoNotify->setChecked(build->detail && build->detail->autoNotifyEnabled);
    }
    if (!sameBuild)
        showLocale();
    updateChecks();
    setBusy(m_busy);
}

void TestFlightBuildPanel::showLocale()
{
    if (!m_build)
        return;
    const auto *localization = m_build->localization(currentLocale());
    m_notes->setPlainText(localization ? localization->whatsNew : QString());
}

void TestFlightBuildPanel::updateChecks()
{
    if (!m_build) {
        m_checks->clear();
        return;
    }
    if (m_build->review && m_build->review->betaReviewState) {
        const QString state = humanize(asc::toString(*m_build->review->betaReviewState));
        if (m_build->review->betaReviewState != asc::BetaReviewState::REJECTED) {
            m_checks->setText(tr("Beta App Review: %1").arg(state));
            theme::bindColor(m_checks, QPalette::WindowText,
                             m_build->review->isFinal() ? theme::positive : theme::textSecondary);
            return;
        }
    }
    const QStringList blockers = api::betaReviewBlockers(*m_build);
    if (blockers.isEmpty()) {
        m_checks->setText(tr("Ready for Beta App Review."));
        theme::bindColor(m_checks, QPalette::WindowText, theme::positive);
    } else {
        m_checks->setText(tr("Before submitting: %1").arg(blockers.join(QLatin1Char(' '))));
        theme::bindColor(m_checks, QPalette::WindowText,
                         [] { return theme::isDark() ? theme::warning() : theme::warning().darker(130); });
    }
}

void TestFlightBuildPanel::setBusy(bool busy)
{
    m_busy = busy;
    const bool has = m_build.has_value();
    const bool usable =
        has && m_build->build.processingState == asc::BuildProcessingState::VALID && !m_build->build.expired;
    m_locale->setEnabled(has && !busy);
    m_notes->setEnabled(has && !busy);
    m_saveNotes->setEnabled(has && !busy);
    m_submit->setEnabled(has && !busy && api::betaReviewBlockers(*m_build).isEmpty());
    m_autoNotify->setEnabled(has && !busy && m_build->detail.has_value());
    m_notify->setEnabled(has && !busy && usable && !m_build->groupIds.isEmpty());
    m_addToGroup->setEnabled(has && !busy && usable);
    m_removeFromGroup->setEnabled(has && !busy && !m_build->groupIds.isEmpty());
    m_expire->setEnabled(has && !busy && !m_build->build.expired);
}

} // namespace ascend::ui

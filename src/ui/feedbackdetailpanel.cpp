#include "ui/feedbackdetailpanel.h"

#include "ui/crashlogviewer.h"
#include "ui/feedbackicons.h"
#include "ui/screenshotviewer.h"
#include "ui/theme.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ascend::ui {

namespace {

QLabel *secondaryLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    theme::bindColor(label, QPalette::WindowText, [] { return theme::textSecondary(); });
    return label;
}

QString localeText(const QString &name)
{
    if (name.isEmpty())
        return {};
    const QLocale locale(name);
    if (locale.language() == QLocale::C)
        return name;
    return QStringLiteral("%1 (%2, %3)")
        .arg(name, QLocale::languageToString(locale.language()),
             QLocale::territoryToString(locale.territory()));
}

} // namespace

FeedbackDetailPanel::FeedbackDetailPanel(QWidget *parent)
    : QWidget(parent)
    , m_kind(new QLabel(this))
    , m_headline(new QLabel(this))
    , m_subline(secondaryLabel(QString(), this))
    , m_comment(new QLabel(this))
    , m_factsBox(new QWidget(this))
    , m_facts(new QGridLayout(m_factsBox))
    , m_viewerStack(new QStackedWidget(this))
    , m_screenshots(new ScreenshotViewer(this))
    , m_crashLog(new CrashLogViewer(this))
    , m_message(secondaryLabel(QString(), this))
    , m_stack(new QStackedWidget(this))
    , m_content(new QWidget(this))
    , m_placeholder(secondaryLabel(QString(), this))
{
    setObjectName(QStringLiteral("feedbackDetail"));
    setAccessibleName(tr("Feedback detail"));
    m_kind->setFixedSize(28, 28);
    m_headline->setObjectName(QStringLiteral("feedbackHeadline"));
    m_headline->setFont(theme::font(2, true));
    m_headline->setTextFormat(Qt::PlainText);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subline->setTextFormat(Qt::PlainText);
    m_subline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_comment->setObjectName(QStringLiteral("feedbackComment"));
    m_comment->setTextFormat(Qt::PlainText);
    m_comment->setWordWrap(true);
    m_comment->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_comment->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_comment->setAccessibleName(tr("Tester's comment"));
    m_comment->setFont(theme::font(1));

    // As tall as the comment, up to about six lines; longer ones scroll.
    m_commentScroll = new QScrollArea(this);
    m_commentScroll->setWidget(m_comment);
    m_commentScroll->setWidgetResizable(true);
    m_commentScroll->setFrameShape(QFrame::NoFrame);
    m_commentScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_commentScroll->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    m_facts->setContentsMargins(0, 0, 0, 0);
    m_facts->setHorizontalSpacing(12);
    m_facts->setVerticalSpacing(4);
    m_facts->setColumnStretch(1, 1);
    m_facts->setColumnStretch(3, 1);
    const QStringList labels = {tr("Device"),     tr("OS"),     tr("Battery"), tr("Connection"), tr("Disk"),
                                tr("App uptime"), tr("Screen"), tr("Locale"),  tr("Time zone")};
    for (int i = 0; i < labels.size(); ++i) {
        auto *name = secondaryLabel(labels.at(i), m_factsBox);
        auto *value = new QLabel(m_factsBox);
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setAccessibleName(labels.at(i));
        value->setObjectName(QStringLiteral("fact%1").arg(i));
        name->setBuddy(value);
        const int row = i / 2;
        const int column = (i % 2) * 2;
        m_facts->addWidget(name, row, column);
        m_facts->addWidget(value, row, column + 1);
        m_factLabels.append({labels.at(i), value});
    }

    m_screenshots->setObjectName(QStringLiteral("feedbackScreenshots"));
    m_crashLog->setObjectName(QStringLiteral("feedbackCrashLog"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_viewerStack->addWidget(m_screenshots);
    m_viewerStack->addWidget(m_crashLog);
    m_viewerStack->addWidget(m_message);

    auto *titleRow = new QHBoxLayout;
    titleRow->setSpacing(10);
    titleRow->addWidget(m_kind, 0, Qt::AlignTop);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(m_headline);
    titles->addWidget(m_subline);
    titleRow->addLayout(titles, 1);

    auto *content = new QVBoxLayout(m_content);
    content->setContentsMargins(16, 12, 16, 12);
    content->setSpacing(10);
    content->addLayout(titleRow);
    content->addWidget(m_commentScroll);
    content->addWidget(m_factsBox);
    content->addWidget(m_viewerStack, 1);

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setObjectName(QStringLiteral("feedbackDetailPlaceholder"));
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    clear();
}

void FeedbackDetailPanel::clear()
{
    m_id.clear();
    m_screenshots->clear();
    m_crashLog->clear();
    m_placeholder->setText(tr("Select a screenshot or crash to see it here."));
    m_stack->setCurrentWidget(m_placeholder);
}

void FeedbackDetailPanel::showSelectionCount(int count)
{
    if (count <= 1) {
        clear();
        return;
    }
    m_id.clear();
    m_screenshots->clear();
    m_crashLog->clear();
    m_placeholder->setText(
        tr("%n submission(s) selected.\nMark them, export them or copy them as text.", nullptr, count));
    m_stack->setCurrentWidget(m_placeholder);
}

void FeedbackDetailPanel::setSubmission(const api::FeedbackSubmission &item)
{
    m_id = item.id;
    fillFacts(item);
    m_stack->setCurrentWidget(m_content);
    if (item.kind == api::FeedbackKind::Screenshot) {
        if (item.screenshots.isEmpty()) {
            m_screenshots->clear();
            showMessage(tr("This submission has no screenshot."));
        } else {
            m_screenshots->setImageCount(int(item.screenshots.size()), item.id);
            m_viewerStack->setCurrentWidget(m_screenshots);
        }
        m_crashLog->clear();
    } else {
        m_screenshots->clear();
        m_crashLog->clear();
        showMessage(tr("Loading the crash log…"));
    }
}

void FeedbackDetailPanel::updateSubmission(const api::FeedbackSubmission &item)
{
    if (item.id == m_id)
        fillFacts(item);
}

void FeedbackDetailPanel::setCrashLog(const QString &text)
{
    m_crashLog->setLog(text, m_id);
    m_viewerStack->setCurrentWidget(m_crashLog);
}

void FeedbackDetailPanel::setCrashLogError(const QString &message)
{
    showMessage(tr("The crash log could not be loaded: %1").arg(message));
}

void FeedbackDetailPanel::showMessage(const QString &text)
{
    m_message->setText(text);
    m_viewerStack->setCurrentWidget(m_message);
}

QString FeedbackDetailPanel::connectionText(const std::optional<asc::DeviceConnectionType> &type)
{
    if (!type)
        return {};
    switch (*type) {
    case asc::DeviceConnectionType::WIFI:
        return tr("Wi-Fi");
    case asc::DeviceConnectionType::MOBILE_DATA:
        return tr("Mobile data");
    case asc::DeviceConnectionType::WIRE:
        return tr("Wired");
    case asc::DeviceConnectionType::NONE:
        return tr("No connection");
    case asc::DeviceConnectionType::UNKNOWN:
        return tr("Unknown");
    }
    return {};
}

QString FeedbackDetailPanel::platformText(const std::optional<asc::Platform> &platform)
{
    if (!platform)
        return {};
    switch (*platform) {
    case asc::Platform::IOS:
        return QStringLiteral("iOS");
    case asc::Platform::MAC_OS:
        return QStringLiteral("macOS");
    case asc::Platform::TV_OS:
        return QStringLiteral("tvOS");
    case asc::Platform::VISION_OS:
        return QStringLiteral("visionOS");
    }
    return {};
}

QString FeedbackDetailPanel::durationText(qint64 milliseconds)
{
    const qint64 seconds = milliseconds / 1000;
    if (seconds < 60)
        return tr("%n second(s)", nullptr, int(seconds));
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return tr("%1 min %2 s").arg(minutes).arg(seconds % 60);
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return tr("%1 h %2 min").arg(hours).arg(minutes % 60);
    return tr("%n day(s)", nullptr, int(hours / 24));
}

void FeedbackDetailPanel::fillFacts(const api::FeedbackSubmission &item)
{
    const bool crash = item.kind == api::FeedbackKind::Crash;
    const qreal dpr = devicePixelRatioF();
    m_kind->setPixmap(
        feedbackicons::pixmap(crash ? feedbackicons::Glyph::Crash : feedbackicons::Glyph::Screenshot,
                              theme::accent(), QSize(28, 28), dpr));
    m_headline->setText(crash ? tr("Crash from %1").arg(item.testerDisplayName())
                              : tr("Screenshot from %1").arg(item.testerDisplayName()));
    QStringList subline;
    subline << QLocale().toString(item.createdDate.toLocalTime(), QLocale::LongFormat);
    if (!item.buildVersion.isEmpty() || !item.buildId.isEmpty())
        subline << tr("Build %1").arg(item.buildVersion.isEmpty() ? item.buildId : item.buildVersion);
    if (!item.email.isEmpty() && item.email != item.testerDisplayName())
        subline << item.email;
    m_subline->setText(subline.join(QStringLiteral(" · ")));
    m_comment->setText(item.comment.trimmed().isEmpty() ? tr("The tester left no comment.")
                                                        : item.comment.trimmed());
    updateCommentHeight();

    const QLocale locale;
    QString device = item.deviceModel;
    if (item.deviceFamily) {
        static const QHash<asc::DeviceFamily, QString> families = {
            {asc::DeviceFamily::IPHONE, QStringLiteral("iPhone")},
            {asc::DeviceFamily::IPAD, QStringLiteral("iPad")},
            {asc::DeviceFamily::APPLE_TV, QStringLiteral("Apple TV")},
            {asc::DeviceFamily::APPLE_WATCH, QStringLiteral("Apple Watch")},
            {asc::DeviceFamily::MAC, QStringLiteral("Mac")},
            {asc::DeviceFamily::VISION, QStringLiteral("Vision")}};
        device = QStringLiteral("%1 (%2)").arg(item.deviceModel, families.value(*item.deviceFamily));
    }
    if (!item.architecture.isEmpty())
        device += QStringLiteral(", ") + item.architecture;
    QString os = item.osVersion;
    const auto platform = item.devicePlatform ? item.devicePlatform : item.appPlatform;
    if (platform)
        os = (platformText(platform) + QLatin1Char(' ') + os).trimmed();
    QString disk;
    if (item.diskBytesAvailable && item.diskBytesTotal)
        disk = tr("%1 free of %2")
                   .arg(locale.formattedDataSize(*item.diskBytesAvailable, 1, QLocale::DataSizeSIFormat),
                        locale.formattedDataSize(*item.diskBytesTotal, 1, QLocale::DataSizeSIFormat));
    else if (item.diskBytesAvailable)
        disk = tr("%1 free").arg(
            locale.formattedDataSize(*item.diskBytesAvailable, 1, QLocale::DataSizeSIFormat));
    const QStringList values = {
        device,
        os,
        item.batteryPercentage ? tr("%1%").arg(*item.batteryPercentage) : QString(),
        connectionText(item.connectionType),
        disk,
        item.appUptimeInMilliseconds ? durationText(*item.appUptimeInMilliseconds) : QString(),
        item.screenWidthInPoints && item.screenHeightInPoints
            ? tr("%1 × %2 pt").arg(*item.screenWidthInPoints).arg(*item.screenHeightInPoints)
            : QString(),
        localeText(item.locale),
        item.timeZone,
    };
    for (int i = 0; i < m_factLabels.size(); ++i) {
        const QString value = values.value(i);
        m_factLabels.at(i).second->setText(value.isEmpty() ? QStringLiteral("—") : value);
        m_factLabels.at(i).second->setToolTip(value);
    }
}

void FeedbackDetailPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateCommentHeight();
}

void FeedbackDetailPanel::updateCommentHeight()
{
    // The panel's width decides (the scroll area may not have its new size yet).
    const int available =
        std::max(100, width() - 32 - m_commentScroll->verticalScrollBar()->sizeHint().width());
    const int wanted = m_comment->heightForWidth(available);
    const int limit = m_comment->fontMetrics().lineSpacing() * 6;
    m_commentScroll->setFixedHeight(std::clamp(wanted, m_comment->fontMetrics().lineSpacing(), limit) + 2);
}

QString FeedbackDetailPanel::commentText() const
{
    return m_comment->text();
}

QString FeedbackDetailPanel::headline() const
{
    return m_headline->text();
}

QString FeedbackDetailPanel::factText(const QString &label) const
{
    for (const auto &[name, value] : m_factLabels)
        if (name == label)
            return value->text() == QStringLiteral("—") ? QString() : value->text();
    return {};
}

QStringList FeedbackDetailPanel::factLabels() const
{
    QStringList labels;
    for (const auto &entry : m_factLabels)
        labels << entry.first;
    return labels;
}

} // namespace ascend::ui

#include "ui/crashlogviewersummarybar.h"

#include "ui/theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace ascend::ui {

namespace {
const QString kAlertIcon = QStringLiteral(":/icons/alert-circle.svg");
const QString kInfoIcon = QStringLiteral(":/icons/info-circle.svg");
} // namespace

CrashLogSummaryBar::CrashLogSummaryBar(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_goTo(new QPushButton(tr("Go to Crashed Thread"), this))
{
    setObjectName(QStringLiteral("crashSummary"));
    m_icon->setFixedSize(20, 20);
    m_title->setObjectName(QStringLiteral("crashSummaryTitle"));
    m_title->setFont(theme::font(1, true));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setObjectName(QStringLiteral("crashSummaryDetail"));
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setWordWrap(true);
    m_detail->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    theme::bindColor(m_detail, QPalette::WindowText, theme::textSecondary);
    m_goTo->setObjectName(QStringLiteral("goToCrashedThread"));
    m_goTo->setAccessibleName(tr("Go to the crashed thread"));
    m_goTo->setToolTip(tr("Shows the thread that crashed, expanded, at the top of the log."));
    m_goTo->setAutoDefault(false);
    m_goTo->setCursor(Qt::PointingHandCursor);

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->setContentsMargins(0, 0, 0, 0);
    texts->addWidget(m_title);
    texts->addWidget(m_detail);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 10, 8);
    layout->setSpacing(10);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(texts, 1);
    layout->addWidget(m_goTo, 0, Qt::AlignVCenter);

    connect(m_goTo, &QPushButton::clicked, this, &CrashLogSummaryBar::goToCrashedThreadRequested);
    setReport({});
}

void CrashLogSummaryBar::setReport(const feedback::CrashReport &report)
{
    m_hasException = !report.exceptionType.isEmpty();
    const feedback::CrashThread *crashed = report.crashed();
    if (m_hasException)
        m_title->setText(report.exceptionType);
    else if (crashed)
        m_title->setText(tr("Thread %1 crashed").arg(crashed->number));
    else
        m_title->setText(tr("No crash details found"));

    QStringList parts;
    if (!report.exceptionReason.isEmpty())
        parts << report.exceptionReason;
    else if (!report.exceptionSubtype.isEmpty())
        parts << report.exceptionSubtype;
    else if (!report.exceptionCodes.isEmpty())
        parts << tr("Codes %1").arg(report.exceptionCodes);
    if (crashed && m_hasException) {
        parts << (crashed->name.isEmpty()
                      ? tr("Crashed on thread %1").arg(crashed->number)
                      : tr("Crashed on thread %1 (%2)").arg(crashed->number).arg(crashed->name));
    } else if (crashed) {
        if (!crashed->name.isEmpty())
            parts << crashed->name;
    } else if (m_hasException) {
        parts << tr("The log does not say which thread crashed.");
    } else {
        parts << tr("The log has no exception type or threads that could be read; it is shown as received.");
    }
    m_detail->setText(parts.join(QStringLiteral("  ·  ")));
    m_goTo->setEnabled(crashed != nullptr);
    m_goTo->setVisible(crashed != nullptr);
    setAccessibleName(m_title->text());
    setAccessibleDescription(m_detail->text());
    updateIcon();
    update();
}

QString CrashLogSummaryBar::title() const
{
    return m_title->text();
}

QString CrashLogSummaryBar::detail() const
{
    return m_detail->text();
}

void CrashLogSummaryBar::updateIcon()
{
    // Both icons carry their own colours (a filled disc with a white mark).
    m_icon->setPixmap(
        theme::svgPixmap(m_hasException ? kAlertIcon : kInfoIcon, QSize(20, 20), devicePixelRatioF()));
    QPalette palette = m_title->palette();
    palette.setColor(QPalette::WindowText, m_hasException ? theme::errorText() : theme::textPrimary());
    m_title->setPalette(palette);
}

void CrashLogSummaryBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateIcon();
}

void CrashLogSummaryBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor fill = m_hasException ? theme::errorFill() : theme::subtleFill();
    const QColor border = theme::mix(fill, m_hasException ? theme::critical() : theme::separator(), 0.35);
    painter.setPen(QPen(border, 1));
    painter.setBrush(fill);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
}

} // namespace ascend::ui

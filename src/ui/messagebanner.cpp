#include "ui/messagebanner.h"

#include "ui/theme.h"

#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace ascend::ui {

MessageBanner::MessageBanner(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_actions(new QHBoxLayout)
{
    setObjectName(QStringLiteral("messageBanner"));
    m_icon->setPixmap(theme::svgPixmap(QStringLiteral(":/icons/alert-circle.svg"), QSize(20, 20), 2.0));
    m_icon->setFixedSize(20, 20);
    m_title->setFont(theme::font(0, true));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setTone(Tone::Error);

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_title);
    text->addWidget(m_detail);

    m_actions->setSpacing(8);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(20, 12, 20, 13);
    layout->setSpacing(12);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    layout->addLayout(m_actions);
}

void MessageBanner::setTone(Tone tone)
{
    m_tone = tone;
    const bool error = tone == Tone::Error;
    m_icon->setPixmap(theme::svgPixmap(error ? QStringLiteral(":/icons/alert-circle.svg")
                                             : QStringLiteral(":/icons/info-circle.svg"),
                                       QSize(20, 20), 2.0));
    const auto text = error ? theme::errorText : theme::infoText;
    theme::bindColor(m_title, QPalette::WindowText, text);
    theme::bindColor(m_detail, QPalette::WindowText, [text] {
        return theme::mix(text(), QGuiApplication::palette().color(QPalette::Base), 0.12);
    });
    update();
}

void MessageBanner::setMessage(const QString &title, const QString &detail)
{
    m_title->setText(title);
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
}

QString MessageBanner::title() const
{
    return m_title->text();
}

QString MessageBanner::detail() const
{
    return m_detail->text();
}

QPushButton *MessageBanner::addAction(const QString &text)
{
    auto *button = new QPushButton(text, this);
    button->setCursor(Qt::PointingHandCursor);
    m_actions->addWidget(button, 0, Qt::AlignVCenter);
    return button;
}

void MessageBanner::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const bool error = m_tone == Tone::Error;
    const QColor fill = error ? theme::errorFill() : theme::infoFill();
    painter.fillRect(rect(), fill);
    painter.fillRect(QRect(0, height() - 1, width(), 1),
                     theme::mix(fill, error ? theme::critical() : theme::accent(), 0.25));
}

} // namespace ascend::ui

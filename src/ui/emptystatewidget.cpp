#include "ui/emptystatewidget.h"

#include "ui/theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace ascend::ui {

namespace {
constexpr int kMaxTextWidth = 480;
}

EmptyStateWidget::EmptyStateWidget(QWidget *parent)
    : QWidget(parent)
    , m_icon(new IconBadge(this))
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_note(new QLabel(this))
    , m_column(new QVBoxLayout)
    , m_buttons(new QHBoxLayout)
    , m_buttonRow(new QWidget(this))
{
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    m_title->setFont(theme::font(5, true));
    m_title->setAlignment(Qt::AlignHCenter);
    m_title->setWordWrap(true);

    m_text->setObjectName(QStringLiteral("emptyStateText"));
    m_text->setFont(theme::font(1));
    m_text->setAlignment(Qt::AlignHCenter);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    theme::bindColor(m_text, QPalette::WindowText, theme::textSecondary);

    m_note->setObjectName(QStringLiteral("emptyStateNote"));
    m_note->setAlignment(Qt::AlignHCenter);
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    theme::bindColor(m_note, QPalette::WindowText, theme::textSecondary);
    m_note->setFont(theme::font(-1));
    m_note->hide();

    m_buttons->setSpacing(10);
    m_buttons->setContentsMargins(0, 22, 0, 0);
    m_buttons->addStretch();
    m_buttons->addStretch();
    m_buttonRow->setLayout(m_buttons);
    m_buttonRow->hide(); // until a button is added

    m_column->setSpacing(0);
    m_column->addWidget(m_icon, 0, Qt::AlignHCenter);
    m_column->addSpacing(20);
    m_column->addWidget(m_title);
    m_column->addSpacing(10);
    m_column->addWidget(m_text);
    m_column->addWidget(m_buttonRow);
    m_column->addSpacing(20);
    m_column->addWidget(m_note);

    // The column grows up to kMaxTextWidth and is centred; the side stretches take the rest. Inside box
    // layouts (not an alignment flag) the wrapped labels get their height for the actual width.
    auto *columnHolder = new QWidget(this);
    columnHolder->setLayout(m_column);
    columnHolder->setMaximumWidth(kMaxTextWidth);
    columnHolder->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_column->setContentsMargins(0, 0, 0, 0);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(columnHolder, 100);
    row->addStretch(1);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(32, 32, 32, 32);
    outer->addStretch(2);
    outer->addLayout(row);
    outer->addStretch(3);
}

void EmptyStateWidget::setIcon(const QString &svgPath, bool tinted)
{
    m_icon->setIcon(svgPath, tinted);
    m_icon->setVisible(!svgPath.isEmpty());
}

void EmptyStateWidget::setTitle(const QString &title)
{
    m_title->setText(title);
}

void EmptyStateWidget::setText(const QString &text)
{
    m_text->setText(text);
}

void EmptyStateWidget::setNote(const QString &note, bool isError)
{
    theme::bindColor(m_note, QPalette::WindowText, isError ? theme::critical : theme::textSecondary);
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

void EmptyStateWidget::setExtraWidget(QWidget *widget)
{
    if (m_extra) {
        m_column->removeWidget(m_extra);
        m_extra->deleteLater();
    }
    m_extra = widget;
    if (!widget)
        return;
    // After the text, before the buttons.
    const int buttonsIndex = m_column->indexOf(m_buttonRow);
    m_column->insertSpacing(buttonsIndex, 22);
    m_column->insertWidget(buttonsIndex + 1, widget);
}

QPushButton *EmptyStateWidget::addButton(const QString &text, bool primary)
{
    auto *button = new QPushButton(text, this);
    button->setMinimumHeight(34);
    button->setMinimumWidth(140);
    button->setCursor(Qt::PointingHandCursor);
    if (primary) {
        button->setDefault(true);
        button->setObjectName(QStringLiteral("primaryButton"));
    }
    // Keep the trailing stretch last so the buttons stay centred.
    m_buttons->insertWidget(m_buttons->count() - 1, button);
    m_buttonRow->show();
    return button;
}

QString EmptyStateWidget::title() const
{
    return m_title->text();
}

QString EmptyStateWidget::text() const
{
    return m_text->text();
}

QString EmptyStateWidget::note() const
{
    return m_note->text();
}

IconBadge::IconBadge(QWidget *parent)
    : QWidget(parent)
{
    setFixedSize(88, 88);
}

void IconBadge::setIcon(const QString &svgPath, bool tinted)
{
    m_svgPath = svgPath;
    m_tinted = tinted;
    update();
}

QSize IconBadge::sizeHint() const
{
    return {88, 88};
}

void IconBadge::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF disc = QRectF(rect()).adjusted(1, 1, -1, -1);
    if (m_tinted) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(theme::accentSoft());
        painter.drawEllipse(disc);
    }
    if (m_svgPath.isEmpty())
        return;
    const QSize iconSize = m_tinted ? QSize(42, 42) : size();
    const QPixmap pixmap =
        m_tinted ? theme::tintedPixmap(m_svgPath, theme::accent(), iconSize, devicePixelRatioF())
                 : theme::svgPixmap(m_svgPath, iconSize, devicePixelRatioF());
    const QPointF topLeft((width() - iconSize.width()) / 2.0, (height() - iconSize.height()) / 2.0);
    painter.drawPixmap(topLeft, pixmap);
}

} // namespace ascend::ui

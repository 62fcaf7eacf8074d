#pragma once
// A coloured dot followed by a line of text, with an optional pill ("Demo") in front; used in the status bar
// for the connection and the webhook listener.

#include <QWidget>

namespace ascend::ui {

class StatusIndicator : public QWidget {
    Q_OBJECT
public:
    enum class Tone { Idle, Busy, Good, Bad };
    Q_ENUM(Tone)

    explicit StatusIndicator(QWidget *parent = nullptr);

    void setStatus(Tone tone, const QString &text);
    void setPill(const QString &pill); // empty hides it

    Tone tone() const { return m_tone; }
    QString text() const { return m_text; }
    QString pill() const { return m_pill; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Tone m_tone = Tone::Idle;
    QString m_text;
    QString m_pill;
};

} // namespace ascend::ui

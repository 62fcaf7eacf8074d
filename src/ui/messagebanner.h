#pragma once
// A strip above the panes for problems that concern the whole window (the connection failed): an icon,
// the message and a few actions.

#include <QWidget>

class QLabel;
class QHBoxLayout;
class QPushButton;

namespace ascend::ui {

class MessageBanner : public QWidget {
    Q_OBJECT
public:
    explicit MessageBanner(QWidget *parent = nullptr);

    enum class Tone { Error, Info };
    void setMessage(const QString &title, const QString &detail);
    // Error (the default): red, for failures; Info: blue, for something worth acting on.
    void setTone(Tone tone);
    QString title() const;
    QString detail() const;

    QPushButton *addAction(const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Tone m_tone = Tone::Error;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_detail;
    QHBoxLayout *m_actions;
};

} // namespace ascend::ui

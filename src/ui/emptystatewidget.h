#pragma once
// A centred empty state: an icon on a soft disc, a title, a paragraph, an optional note and action buttons.

#include <QWidget>

class QLabel;
class QPushButton;
class QHBoxLayout;
class QVBoxLayout;

namespace ascend::ui {

class IconBadge;

class EmptyStateWidget : public QWidget {
    Q_OBJECT
public:
    explicit EmptyStateWidget(QWidget *parent = nullptr);

    void setIcon(const QString &svgPath, bool tinted = true);
    void setTitle(const QString &title);
    void setText(const QString &text);
    // A smaller line under the text, e.g. what is available today.
    void setNote(const QString &note, bool isError = false);
    // Any widget placed between the text and the buttons (the Uploads drop zone uses it).
    void setExtraWidget(QWidget *widget);

    QPushButton *addButton(const QString &text, bool primary = false);

    QString title() const;
    QString text() const;
    QString note() const;

private:
    IconBadge *m_icon;
    QLabel *m_title;
    QLabel *m_text;
    QLabel *m_note;
    QVBoxLayout *m_column;
    QHBoxLayout *m_buttons;
    QWidget *m_buttonRow;
    QWidget *m_extra = nullptr;
};

// The icon on a soft accent disc used by empty states.
class IconBadge : public QWidget {
    Q_OBJECT
public:
    explicit IconBadge(QWidget *parent = nullptr);
    void setIcon(const QString &svgPath, bool tinted);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_svgPath;
    bool m_tinted = true;
};

} // namespace ascend::ui

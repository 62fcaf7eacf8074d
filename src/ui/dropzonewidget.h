#pragma once
// The dashed area of the Uploads pane that invites a build file. It only accepts drops once something
// handles them (setAcceptsFiles); until then it is a visual promise with a plain statement next to it.

#include <QWidget>

class QMimeData;

namespace ascend::ui {

class DropZoneWidget : public QWidget {
    Q_OBJECT
public:
    explicit DropZoneWidget(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setSubtitle(const QString &subtitle);
    QString title() const { return m_title; }
    QString subtitle() const { return m_subtitle; }

    // Drops of .ipa/.pkg files are accepted and reported through filesDropped() only when enabled.
    void setAcceptsFiles(bool accepts);
    bool acceptsFiles() const { return m_acceptsFiles; }

    static bool isBuildFile(const QString &path);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void filesDropped(const QStringList &paths);

protected:
    void paintEvent(QPaintEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QStringList buildFilesIn(const QMimeData *mime) const;

    QString m_title;
    QString m_subtitle;
    bool m_acceptsFiles = false;
    bool m_hovered = false;
};

} // namespace ascend::ui

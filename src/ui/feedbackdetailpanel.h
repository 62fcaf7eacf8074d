#pragma once
// The right-hand side of the Feedback pane: the selected submission's comment, tester, build and device facts
// (model, OS, battery, connection, disk, uptime, screen size, locale, time zone) above its screenshots in a
// ScreenshotViewer or its crash log in a CrashLogViewer. The pane feeds the images and the log; this widget
// only shows them. With several submissions selected it says how many.

#include "core/api/betafeedback.h"

#include <QWidget>

class QGridLayout;
class QLabel;
class QScrollArea;
class QStackedWidget;

namespace ascend::ui {

class CrashLogViewer;
class ScreenshotViewer;

class FeedbackDetailPanel : public QWidget {
    Q_OBJECT
public:
    explicit FeedbackDetailPanel(QWidget *parent = nullptr);

    // Shows one submission; the viewer starts with placeholders (screenshots) or "Loading…" (crash log).
    void setSubmission(const api::FeedbackSubmission &item);
    // Replaces the facts of the shown submission (same id) without resetting the viewer.
    void updateSubmission(const api::FeedbackSubmission &item);
    void showSelectionCount(int count);
    void clear();

    QString submissionId() const { return m_id; }
    bool isShowingSubmission() const { return !m_id.isEmpty(); }

    void setCrashLog(const QString &text);
    void setCrashLogError(const QString &message);

    ScreenshotViewer *screenshotViewer() const { return m_screenshots; }
    CrashLogViewer *crashLogViewer() const { return m_crashLog; }
    QString commentText() const;
    QString headline() const;
    // The value shown for a fact ("Battery", "Connection", ...), empty when absent.
    QString factText(const QString &label) const;
    QStringList factLabels() const;

    // Human forms of the device facts, also used by the list's tooltips.
    static QString connectionText(const std::optional<asc::DeviceConnectionType> &type);
    static QString durationText(qint64 milliseconds);
    static QString platformText(const std::optional<asc::Platform> &platform);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fillFacts(const api::FeedbackSubmission &item);
    void updateCommentHeight();
    void showMessage(const QString &text);

    QString m_id;
    QLabel *m_kind;
    QLabel *m_headline;
    QLabel *m_subline;
    QLabel *m_comment;
    QScrollArea *m_commentScroll;
    QWidget *m_factsBox;
    QGridLayout *m_facts;
    QList<QPair<QString, QLabel *>> m_factLabels;
    QStackedWidget *m_viewerStack;
    ScreenshotViewer *m_screenshots;
    CrashLogViewer *m_crashLog;
    QLabel *m_message;
    QStackedWidget *m_stack;
    QWidget *m_content;
    QLabel *m_placeholder;
};

} // namespace ascend::ui

#pragma once
// Feedback as Markdown: the text behind "Copy as text" and the per-item files of a Markdown export (ready to
// paste into an issue tracker), plus the names the exports give files and folders.

#include "core/api/betafeedback.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <utility>

namespace ascend::feedback {

// The first line of the comment (shortened to about 80 characters), or "Crash on iPhone15_2" /
// "Screenshot feedback from Ana Lima" when there is no comment.
QString feedbackTitle(const api::FeedbackSubmission &item);

// Labelled facts in display order (kind first, then date, tester, build, device, OS, battery, connection,
// disk, uptime, screen, locale, time zone, watch, and the ID last); facts the submission does not have are
// left out.
QList<std::pair<QString, QString>> feedbackFacts(const api::FeedbackSubmission &item);

// The exception block and the crashed thread of a crash log (the whole start of the log when neither can
// be found), at most maxLines lines.
QString crashLogExcerpt(const QString &logText, int maxLines = 80);

struct MarkdownAttachments {
    QStringList imagePaths;  // relative to the Markdown file, in screenshot order
    QString crashLogPath;    // relative path of the full crash log, when it was saved
    QString crashLogExcerpt; // see crashLogExcerpt()
    QStringList problems;    // what could not be included ("Screenshot 2 could not be downloaded: …")
};

// Title, comment, a table of the device facts, tester and build, then images and the crash excerpt.
QString feedbackAsMarkdown(const api::FeedbackSubmission &item, const MarkdownAttachments &attachments = {});

// "2025-03-14-162653" (UTC) or "undated": sorts like the date and is a valid file name everywhere.
QString fileDateStamp(const QDateTime &dateTime);
// An id (or any text) made safe as part of a file name: letters, digits, '.', '_' and '-' only.
QString fileNameSafe(const QString &text);

} // namespace ascend::feedback

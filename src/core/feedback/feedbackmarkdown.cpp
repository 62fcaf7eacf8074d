#include "core/feedback/feedbackmarkdown.h"

#include "core/feedback/crashreport.h"
#include "core/feedback/feedbackexporter.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace ascend::feedback {

namespace {

// Translation context of the texts in exports and "Copy as text".
class FeedbackText {
    Q_DECLARE_TR_FUNCTIONS(FeedbackText)
};

constexpr int kTitleLength = 80;

QString utcText(const QDateTime &dateTime)
{
    return dateTime.isValid() ? dateTime.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"))
                              : QString();
}

// A table cell: one line, pipes escaped.
QString cell(QString text)
{
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    text.replace(QLatin1Char('|'), QLatin1String("\\|"));
    text.replace(QRegularExpression(QStringLiteral("\\s*\\n\\s*")), QStringLiteral(" "));
    return text.trimmed();
}

QString dataSize(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString duration(qint64 milliseconds)
{
    const qint64 seconds = milliseconds / 1000;
    if (seconds < 60)
        return FeedbackText::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return FeedbackText::tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    if (seconds < 86400)
        return FeedbackText::tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
    return FeedbackText::tr("%1 d %2 h").arg(seconds / 86400).arg((seconds % 86400) / 3600);
}

template <typename E> QString enumText(const std::optional<E> &value)
{
    return value ? asc::toString(*value) : QString();
}

// A fenced code block that cannot be closed early by backticks inside the text.
QString fenced(const QString &text, const QString &language)
{
    QString fence = QStringLiteral("```");
    while (text.contains(fence))
        fence += QLatin1Char('`');
    QString body = text;
    if (!body.endsWith(QLatin1Char('\n')))
        body += QLatin1Char('\n');
    return fence + language + QLatin1Char('\n') + body + fence + QLatin1Char('\n');
}

// Relative link targets may contain spaces or parentheses; angle brackets keep them intact.
QString linkTarget(const QString &path)
{
    return path.contains(QRegularExpression(QStringLiteral("[\\s()<>]")))
               ? QLatin1Char('<') + path + QLatin1Char('>')
               : path;
}

// Opening minus closing brackets and braces outside JSON strings.
int bracketBalance(const QString &line)
{
    int balance = 0;
    bool inString = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (inString) {
            if (c == QLatin1Char('\\'))
                ++i;
            else if (c == QLatin1Char('"'))
                inString = false;
        } else if (c == QLatin1Char('"')) {
            inString = true;
        } else if (c == QLatin1Char('{') || c == QLatin1Char('[')) {
            ++balance;
        } else if (c == QLatin1Char('}') || c == QLatin1Char(']')) {
            --balance;
        }
    }
    return balance;
}

} // namespace

QString feedbackTitle(const api::FeedbackSubmission &item)
{
    QString line = item.comment.trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
    if (line.isEmpty()) {
        const QString who = item.testerDisplayName();
        if (item.kind == api::FeedbackKind::Crash)
            return item.deviceModel.isEmpty() ? FeedbackText::tr("Crash")
                                              : FeedbackText::tr("Crash on %1").arg(item.deviceModel);
        return who.isEmpty() ? FeedbackText::tr("Screenshot feedback")
                             : FeedbackText::tr("Screenshot feedback from %1").arg(who);
    }
    if (line.size() > kTitleLength) {
        qsizetype cut = line.lastIndexOf(QLatin1Char(' '), kTitleLength);
        if (cut < kTitleLength / 2)
            cut = kTitleLength;
        line = line.left(cut).trimmed() + QChar(0x2026);
    }
    return line;
}

QString crashLogExcerpt(const QString &logText, int maxLines)
{
    const QStringList lines = logText.split(QLatin1Char('\n'));
    const auto line = [&lines](int i) {
        QString text = lines.at(i);
        if (text.endsWith(QLatin1Char('\r')))
            text.chop(1);
        return text;
    };
    const CrashReport report = CrashReport::parse(logText);
    QStringList out;
    if (report.exceptionTypeLine >= 0 && report.exceptionTypeLine < lines.size()) {
        // The exception block: up to the first blank line of a text report, to the end of the "exception"
        // member of a JSON one (a dozen lines at most either way).
        int depth = 0;
        for (int i = report.exceptionTypeLine; i < lines.size() && i < report.exceptionTypeLine + 12; ++i) {
            if (line(i).trimmed().isEmpty())
                break;
            out << line(i);
            if (report.ips) {
                depth += bracketBalance(line(i));
                if (depth <= 0)
                    break;
            }
        }
    }
    if (const CrashThread *crashed = report.crashed()) {
        if (!out.isEmpty())
            out << QString();
        for (int i = crashed->firstLine; i <= crashed->lastLine && i < lines.size(); ++i)
            out << line(i);
    }
    if (out.isEmpty()) {
        for (int i = 0; i < lines.size() && i < maxLines; ++i)
            out << line(i);
    }
    if (out.size() > maxLines) {
        const qsizetype omitted = out.size() - maxLines;
        out = out.mid(0, maxLines);
        out << FeedbackText::tr("… (%n more lines)", nullptr, int(omitted));
    }
    while (!out.isEmpty() && out.last().trimmed().isEmpty())
        out.removeLast();
    return out.join(QLatin1Char('\n'));
}

QList<std::pair<QString, QString>> feedbackFacts(const api::FeedbackSubmission &item)
{
    QList<std::pair<QString, QString>> rows;
    const auto add = [&rows](const QString &name, const QString &value) {
        if (!value.trimmed().isEmpty())
            rows.append({name, value});
    };
    add(FeedbackText::tr("Kind"), item.kind == api::FeedbackKind::Crash
                                      ? FeedbackText::tr("Crash")
                                      : FeedbackText::tr("Screenshot feedback"));
    add(FeedbackText::tr("Submitted"), utcText(item.createdDate));
    QString tester = item.testerDisplayName();
    if (!item.email.isEmpty() && tester != item.email)
        tester += QStringLiteral(" (%1)").arg(item.email);
    add(FeedbackText::tr("Tester"), tester);
    QString build = item.buildVersion.isEmpty() ? item.buildId : item.buildVersion;
    if (!item.buildBundleId.isEmpty())
        build += QStringLiteral(" (%1)").arg(item.buildBundleId);
    add(FeedbackText::tr("Build"), build);
    QStringList device;
    if (!item.deviceModel.isEmpty())
        device << item.deviceModel;
    if (item.deviceFamily)
        device << asc::toString(*item.deviceFamily);
    add(FeedbackText::tr("Device"), device.join(QStringLiteral(", ")));
    QString os = item.osVersion;
    if (item.devicePlatform)
        os = (asc::toString(*item.devicePlatform) + QLatin1Char(' ') + os).trimmed();
    add(FeedbackText::tr("OS"), os);
    add(FeedbackText::tr("App platform"), enumText(item.appPlatform));
    add(FeedbackText::tr("Architecture"), item.architecture);
    if (item.batteryPercentage)
        add(FeedbackText::tr("Battery"), QStringLiteral("%1 %").arg(*item.batteryPercentage));
    add(FeedbackText::tr("Connection"), enumText(item.connectionType));
    if (item.diskBytesAvailable && item.diskBytesTotal)
        add(FeedbackText::tr("Disk"),
            FeedbackText::tr("%1 free of %2")
                .arg(dataSize(*item.diskBytesAvailable), dataSize(*item.diskBytesTotal)));
    else if (item.diskBytesAvailable)
        add(FeedbackText::tr("Disk"), FeedbackText::tr("%1 free").arg(dataSize(*item.diskBytesAvailable)));
    if (item.appUptimeInMilliseconds)
        add(FeedbackText::tr("App uptime"), duration(*item.appUptimeInMilliseconds));
    if (item.screenWidthInPoints && item.screenHeightInPoints)
        add(FeedbackText::tr("Screen"),
            FeedbackText::tr("%1 × %2 pt").arg(*item.screenWidthInPoints).arg(*item.screenHeightInPoints));
    add(FeedbackText::tr("Locale"), item.locale);
    add(FeedbackText::tr("Time zone"), item.timeZone);
    add(FeedbackText::tr("Paired Apple Watch"), item.pairedAppleWatch);
    add(FeedbackText::tr("ID"), item.id);
    return rows;
}

QString feedbackAsMarkdown(const api::FeedbackSubmission &item, const MarkdownAttachments &attachments)
{
    QString md;
    const QString title = feedbackTitle(item);
    md += QStringLiteral("# ") + title + QStringLiteral("\n\n");
    // The comment in full, unless the title already is all of it.
    if (!item.comment.trimmed().isEmpty() && item.comment.trimmed() != title) {
        for (const QString &line : item.comment.trimmed().split(QLatin1Char('\n')))
            md += QStringLiteral("> ") + line.trimmed() + QLatin1Char('\n');
        md += QLatin1Char('\n');
    }

    const QList<std::pair<QString, QString>> rows = feedbackFacts(item);

    md += QStringLiteral("| | |\n|---|---|\n");
    for (const auto &[name, value] : rows)
        md += QStringLiteral("| %1 | %2 |\n").arg(cell(name), cell(value));

    if (!attachments.imagePaths.isEmpty()) {
        md += QLatin1Char('\n') + QStringLiteral("## ") + FeedbackText::tr("Screenshots") +
              QStringLiteral("\n\n");
        for (int i = 0; i < attachments.imagePaths.size(); ++i)
            md += QStringLiteral("![%1](%2)\n\n")
                      .arg(FeedbackText::tr("Screenshot %1").arg(i + 1),
                           linkTarget(attachments.imagePaths.at(i)));
    } else if (item.kind == api::FeedbackKind::Screenshot && !item.screenshots.isEmpty()) {
        md += QLatin1Char('\n') +
              FeedbackText::tr("%n screenshot(s) attached in App Store Connect.", nullptr,
                               int(item.screenshots.size())) +
              QLatin1Char('\n');
    }
    if (!attachments.crashLogExcerpt.isEmpty() || !attachments.crashLogPath.isEmpty()) {
        if (!md.endsWith(QStringLiteral("\n\n")))
            md += QLatin1Char('\n');
        md += QStringLiteral("## ") + FeedbackText::tr("Crash log") + QStringLiteral("\n\n");
        if (!attachments.crashLogExcerpt.isEmpty())
            md += fenced(attachments.crashLogExcerpt, QStringLiteral("text")) + QLatin1Char('\n');
        if (!attachments.crashLogPath.isEmpty())
            md += FeedbackText::tr("Full log: [%1](%2)")
                      .arg(attachments.crashLogPath.section(QLatin1Char('/'), -1),
                           linkTarget(attachments.crashLogPath)) +
                  QLatin1Char('\n');
    }
    if (!attachments.problems.isEmpty()) {
        if (!md.endsWith(QStringLiteral("\n\n")))
            md += QLatin1Char('\n');
        md += QStringLiteral("## ") + FeedbackText::tr("Not included") + QStringLiteral("\n\n");
        for (const QString &problem : attachments.problems)
            md += QStringLiteral("- ") + cell(problem) + QLatin1Char('\n');
    }
    return md;
}

QString feedbackAsText(const api::FeedbackSubmission &item)
{
    return feedbackAsMarkdown(item);
}

QString fileDateStamp(const QDateTime &dateTime)
{
    return dateTime.isValid() ? dateTime.toUTC().toString(QStringLiteral("yyyy-MM-dd-HHmmss"))
                              : QStringLiteral("undated");
}

QString fileNameSafe(const QString &text)
{
    QString safe;
    safe.reserve(text.size());
    for (const QChar c : text)
        safe += (c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('.') ||
                        c == QLatin1Char('_') || c == QLatin1Char('-')
                    ? c
                    : QLatin1Char('_');
    while (safe.startsWith(QLatin1Char('.')))
        safe.replace(0, 1, QLatin1Char('_'));
    return safe.isEmpty() ? QStringLiteral("_") : safe;
}

} // namespace ascend::feedback

#include "core/feedback/crashreport.h"

#include "core/feedback/feedbacklogging.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

namespace ascend::feedback {

namespace {

QStringList splitLines(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
    }
    return lines;
}

bool isBlank(const QString &line)
{
    return line.trimmed().isEmpty();
}

// The most telling of the "Application Specific Information" lines.
QString reasonFrom(const QStringList &information)
{
    static const QRegularExpression uncaught(
        QStringLiteral("uncaught exception '([^']+)', reason: '(.*)'\\s*$"));
    for (const QString &line : information) {
        if (const auto m = uncaught.match(line); m.hasMatch())
            return m.captured(1) + QStringLiteral(": ") + m.captured(2);
    }
    for (const QString &line : information) {
        if (!line.trimmed().isEmpty())
            return line.trimmed();
    }
    return {};
}

// ---- Text reports ---------------------------------------------------------------------------------------

struct TextPatterns {
    QRegularExpression threadName{QStringLiteral("^Thread (\\d+) name:\\s*(.*)$")};
    // "Thread 0 Crashed:", "Thread 3:", and macOS's "Thread 2 Crashed:: Dispatch queue: …" / "Thread 1::
    // name".
    QRegularExpression threadHead{QStringLiteral("^Thread (\\d+)( Crashed)?::?\\s*(.*)$")};
    QRegularExpression threadState{QStringLiteral("^Thread (\\d+) crashed with .*Thread State")};
    QRegularExpression triggered{QStringLiteral("^(?:Triggered by Thread|Crashed Thread):\\s*(\\d+)")};
    QRegularExpression field{QStringLiteral("^(Exception Type|Exception Subtype|Exception Codes):\\s*(.*)$")};
    QRegularExpression process{QStringLiteral("^Process:\\s*(.*?)\\s*(?:\\[\\d+\\])?\\s*$")};
};

const TextPatterns &patterns()
{
    static const TextPatterns p;
    return p;
}

bool startsBlock(const QString &line)
{
    const TextPatterns &p = patterns();
    return p.threadName.match(line).hasMatch() || p.threadHead.match(line).hasMatch() ||
           p.threadState.match(line).hasMatch() || line.startsWith(QLatin1String("Binary Images:")) ||
           line.startsWith(QLatin1String("Last Exception Backtrace:"));
}

// The last line of the block that starts at `first`: up to the next blank line or the next block heading.
int blockEnd(const QStringList &lines, int first)
{
    int last = first;
    for (int i = first + 1; i < lines.size(); ++i) {
        if (isBlank(lines.at(i)) || startsBlock(lines.at(i)))
            break;
        last = i;
    }
    return last;
}

void parseText(const QStringList &lines, int from, CrashReport &report)
{
    const TextPatterns &p = patterns();
    int crashedByHeading = -1;
    QHash<int, int> seen; // thread number -> index in report.threads (the first occurrence wins)
    for (int i = from; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.isEmpty() || line.front().isSpace())
            continue;
        if (const auto m = p.field.match(line); m.hasMatch()) {
            const QString key = m.captured(1);
            const QString value = m.captured(2).trimmed();
            if (key == QLatin1String("Exception Type") && report.exceptionTypeLine < 0) {
                report.exceptionType = value;
                report.exceptionTypeLine = i;
            } else if (key == QLatin1String("Exception Subtype") && report.exceptionSubtype.isEmpty()) {
                report.exceptionSubtype = value;
            } else if (key == QLatin1String("Exception Codes") && report.exceptionCodes.isEmpty()) {
                report.exceptionCodes = value;
            }
            continue;
        }
        if (const auto m = p.process.match(line); m.hasMatch()) {
            if (report.processName.isEmpty())
                report.processName = m.captured(1);
            continue;
        }
        if (const auto m = p.triggered.match(line); m.hasMatch()) {
            if (report.crashedThread < 0)
                report.crashedThread = m.captured(1).toInt();
            continue;
        }
        if (const auto m = p.threadState.match(line); m.hasMatch()) {
            const int last = blockEnd(lines, i);
            report.sections.append({CrashSection::Kind::ThreadState, line.trimmed(), i, last});
            i = last;
            continue;
        }
        if (line.startsWith(QLatin1String("Application Specific Information:"))) {
            const int last = blockEnd(lines, i);
            if (report.exceptionReason.isEmpty())
                report.exceptionReason = reasonFrom(lines.mid(i + 1, last - i));
            i = last;
            continue;
        }
        if (line.startsWith(QLatin1String("Binary Images:"))) {
            const int last = blockEnd(lines, i);
            if (report.binaryImagesLine < 0)
                report.binaryImagesLine = i;
            report.sections.append({CrashSection::Kind::BinaryImages, line.trimmed(), i, last});
            i = last;
            continue;
        }
        if (line.startsWith(QLatin1String("Last Exception Backtrace:"))) {
            const int last = blockEnd(lines, i);
            report.sections.append({CrashSection::Kind::LastExceptionBacktrace, line.trimmed(), i, last});
            i = last;
            continue;
        }

        CrashThread thread;
        int head = i;
        if (const auto m = p.threadName.match(line); m.hasMatch()) {
            thread.number = m.captured(1).toInt();
            thread.name = m.captured(2).trimmed();
            // The "Thread N Crashed:" / "Thread N:" heading follows on the next line.
            if (i + 1 < lines.size()) {
                const auto next = p.threadHead.match(lines.at(i + 1));
                if (next.hasMatch() && next.captured(1).toInt() == thread.number) {
                    head = i + 1;
                    thread.crashed = !next.captured(2).isEmpty();
                }
            }
        } else if (const auto m = p.threadHead.match(line); m.hasMatch()) {
            thread.number = m.captured(1).toInt();
            thread.crashed = !m.captured(2).isEmpty();
            thread.name = m.captured(3).trimmed();
        } else {
            continue;
        }
        thread.firstLine = i;
        thread.lastLine = blockEnd(lines, head);
        if (thread.crashed && crashedByHeading < 0)
            crashedByHeading = thread.number;
        i = thread.lastLine;
        if (seen.contains(thread.number))
            continue;
        seen.insert(thread.number, report.threads.size());
        report.threads.append(thread);
    }
    if (report.crashedThread < 0)
        report.crashedThread = crashedByHeading;
}

// ---- JSON (.ips) reports --------------------------------------------------------------------------------

struct JsonLayout {
    QHash<QString, std::pair<int, int>> topLevelKeys; // key -> first and last line of "key" : value
    QList<std::pair<int, int>> threadLines;           // the lines of each element of "threads"
};

// Walks the body's characters once, keeping track of nesting and strings, to find on which lines the
// top-level members and the elements of "threads" start and end. Works whatever the layout (Apple writes the
// top level one member per line and the nested values compact; pretty-printed files spread them out).
JsonLayout scanJsonLayout(const QStringList &lines, int from)
{
    JsonLayout layout;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    QString string;
    int stringLine = -1;
    QString pendingKey; // a string just closed at depth 1: a key if ':' follows
    int pendingKeyLine = -1;
    QString currentKey;
    int currentKeyLine = -1;
    int lastTokenLine = -1;
    int threadStart = -1;

    auto closeMember = [&] {
        if (!currentKey.isEmpty())
            layout.topLevelKeys.insert(currentKey, {currentKeyLine, lastTokenLine});
        currentKey.clear();
    };

    for (int lineNo = from; lineNo < lines.size(); ++lineNo) {
        const QString &line = lines.at(lineNo);
        for (const QChar c : line) {
            if (inString) {
                if (escaped)
                    escaped = false;
                else if (c == QLatin1Char('\\'))
                    escaped = true;
                else if (c == QLatin1Char('"')) {
                    inString = false;
                    if (depth == 1) {
                        pendingKey = string;
                        pendingKeyLine = stringLine;
                    }
                } else if (depth == 1)
                    string.append(c);
                lastTokenLine = lineNo;
                continue;
            }
            if (c.isSpace())
                continue;
            switch (c.unicode()) {
            case '"':
                inString = true;
                string.clear();
                stringLine = lineNo;
                break;
            case ':':
                if (depth == 1 && !pendingKey.isEmpty()) {
                    currentKey = pendingKey;
                    currentKeyLine = pendingKeyLine;
                }
                pendingKey.clear();
                break;
            case ',':
                if (depth == 1)
                    closeMember();
                pendingKey.clear();
                break;
            case '{':
            case '[':
                ++depth;
                if (depth == 3 && c == QLatin1Char('{') && currentKey == QLatin1String("threads"))
                    threadStart = lineNo;
                break;
            case '}':
            case ']':
                if (depth == 3 && c == QLatin1Char('}') && threadStart >= 0) {
                    layout.threadLines.append({threadStart, lineNo});
                    threadStart = -1;
                }
                if (depth == 1)
                    closeMember();
                --depth;
                break;
            default:
                break;
            }
            lastTokenLine = lineNo;
        }
    }
    closeMember();
    return layout;
}

QString threadDisplayName(const QJsonObject &thread)
{
    const QString name = thread.value(QLatin1String("name")).toString();
    if (!name.isEmpty())
        return name;
    const QString queue = thread.value(QLatin1String("queue")).toString();
    if (!queue.isEmpty())
        return QStringLiteral("Dispatch queue: ") + queue;
    return {};
}

void parseJsonBody(const QStringList &lines, int from, const QJsonObject &body, CrashReport &report)
{
    const JsonLayout layout = scanJsonLayout(lines, from);

    report.processName = body.value(QLatin1String("procName")).toString();
    const QJsonObject exception = body.value(QLatin1String("exception")).toObject();
    const QString type = exception.value(QLatin1String("type")).toString();
    const QString signal = exception.value(QLatin1String("signal")).toString();
    report.exceptionType = signal.isEmpty() || type.isEmpty() ? (type.isEmpty() ? signal : type)
                                                              : QStringLiteral("%1 (%2)").arg(type, signal);
    report.exceptionSubtype = exception.value(QLatin1String("subtype")).toString();
    report.exceptionCodes = exception.value(QLatin1String("codes")).toString();
    QStringList information; // "asi": {"CoreFoundation": ["*** Terminating app due to …"], …}
    const QJsonObject asi = body.value(QLatin1String("asi")).toObject();
    for (auto it = asi.begin(); it != asi.end(); ++it) {
        for (const QJsonValue &line : it.value().toArray())
            information << line.toString();
    }
    report.exceptionReason = reasonFrom(information);
    if (layout.topLevelKeys.contains(QStringLiteral("exception")))
        report.exceptionTypeLine = layout.topLevelKeys.value(QStringLiteral("exception")).first;

    const QJsonArray threads = body.value(QLatin1String("threads")).toArray();
    const auto threadsMember = layout.topLevelKeys.value(QStringLiteral("threads"), {from, from});
    const bool linesMatch = layout.threadLines.size() == threads.size();
    int triggered = -1;
    for (int i = 0; i < threads.size(); ++i) {
        const QJsonObject object = threads.at(i).toObject();
        CrashThread thread;
        thread.number = i;
        thread.name = threadDisplayName(object);
        if (object.value(QLatin1String("triggered")).toBool() && triggered < 0)
            triggered = i;
        thread.firstLine = linesMatch ? layout.threadLines.at(i).first : threadsMember.first;
        thread.lastLine = linesMatch ? layout.threadLines.at(i).second : threadsMember.second;
        report.threads.append(thread);
    }
    const QJsonValue faulting = body.value(QLatin1String("faultingThread"));
    report.crashedThread = faulting.isDouble() ? faulting.toInt() : triggered;
    for (CrashThread &thread : report.threads)
        thread.crashed = thread.number == report.crashedThread;

    const struct {
        const char *key;
        CrashSection::Kind kind;
    } members[] = {{"lastExceptionBacktrace", CrashSection::Kind::LastExceptionBacktrace},
                   {"usedImages", CrashSection::Kind::BinaryImages}};
    for (const auto &member : members) {
        const QString key = QLatin1String(member.key);
        if (!layout.topLevelKeys.contains(key))
            continue;
        const auto range = layout.topLevelKeys.value(key);
        report.sections.append({member.kind, QStringLiteral("\"%1\"").arg(key), range.first, range.second});
        if (member.kind == CrashSection::Kind::BinaryImages)
            report.binaryImagesLine = range.first;
    }
}

// A body that is not valid JSON (cut short, say): still find the threads by layout and the faulting thread
// by its member, so that the viewer can fold and highlight what is there.
void parseBrokenJsonBody(const QStringList &lines, int from, CrashReport &report)
{
    const JsonLayout layout = scanJsonLayout(lines, from);
    for (int i = 0; i < layout.threadLines.size(); ++i)
        report.threads.append(
            {i, QString(), false, layout.threadLines.at(i).first, layout.threadLines.at(i).second});
    const QString body = lines.mid(from).join(QLatin1Char('\n'));
    const auto lineAt = [&](qsizetype offset) {
        return from + int(body.left(offset).count(QLatin1Char('\n')));
    };
    static const QRegularExpression faulting(QStringLiteral("\"faultingThread\"\\s*:\\s*(\\d+)"));
    if (const auto m = faulting.match(body); m.hasMatch())
        report.crashedThread = m.captured(1).toInt();
    static const QRegularExpression exception(QStringLiteral("\"exception\"\\s*:\\s*\\{([^}]*)"));
    if (const auto m = exception.match(body); m.hasMatch()) {
        report.exceptionTypeLine = lineAt(m.capturedStart());
        const QString members = m.captured(1);
        const auto member = [&](const QString &key) {
            const QRegularExpression re(QStringLiteral("\"%1\"\\s*:\\s*\"([^\"]*)\"").arg(key));
            return re.match(members).captured(1);
        };
        const QString type = member(QStringLiteral("type"));
        const QString signal = member(QStringLiteral("signal"));
        report.exceptionType =
            type.isEmpty() || signal.isEmpty() ? type + signal : QStringLiteral("%1 (%2)").arg(type, signal);
        report.exceptionCodes = member(QStringLiteral("codes"));
        report.exceptionSubtype = member(QStringLiteral("subtype"));
    }
    for (CrashThread &thread : report.threads)
        thread.crashed = thread.number == report.crashedThread;
}

bool isJsonObjectText(const QString &text, QJsonObject *object = nullptr)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return false;
    if (object)
        *object = document.object();
    return true;
}

void parseIps(const QStringList &lines, CrashReport &report)
{
    report.ips = true;
    // One document only (no header line): the body starts at line 0.
    QJsonObject body;
    if (isJsonObjectText(lines.join(QLatin1Char('\n')), &body) && body.contains(QLatin1String("threads"))) {
        parseJsonBody(lines, 0, body, report);
        return;
    }
    int header = 0;
    while (header < lines.size() && isBlank(lines.at(header)))
        ++header;
    int from = header + 1;
    while (from < lines.size() && isBlank(lines.at(from)))
        ++from;
    const QString rest = lines.mid(from).join(QLatin1Char('\n'));
    if (!rest.trimmed().startsWith(QLatin1Char('{'))) {
        // An older .ips: the JSON header, then a text report.
        parseText(lines, from, report);
        return;
    }
    if (isJsonObjectText(rest, &body)) {
        parseJsonBody(lines, from, body, report);
        return;
    }
    qCDebug(lcFeedback) << "crash report: the .ips body is not valid JSON; reading its layout only";
    parseBrokenJsonBody(lines, from, report);
}

} // namespace

QString CrashReport::suggestedSuffix() const
{
    return ips ? QStringLiteral("ips") : QStringLiteral("crash");
}

const CrashThread *CrashReport::thread(int number) const
{
    if (number < 0)
        return nullptr;
    for (const CrashThread &t : threads) {
        if (t.number == number)
            return &t;
    }
    return nullptr;
}

CrashReport CrashReport::parse(const QString &text)
{
    CrashReport report;
    const QStringList lines = splitLines(text);
    report.lineCount = text.isEmpty() ? 0 : int(lines.size());
    if (text.trimmed().isEmpty())
        return report;

    // A JSON report starts with '{': the one-line header (or a single pretty-printed document).
    if (text.trimmed().startsWith(QLatin1Char('{')))
        parseIps(lines, report);
    else
        parseText(lines, 0, report);
    return report;
}

} // namespace ascend::feedback

#pragma once
// The structure of an Apple crash report, found by reading its text: where the exception is, which thread
// crashed and which lines each thread's backtrace takes. Two formats are understood:
// - the text report (".crash"): "Exception Type:", "Triggered by Thread:" / "Crashed Thread:",
//   "Thread N name:", "Thread N Crashed:", "Thread N:" (and the macOS "Thread N Crashed:: name" form),
//   "Thread N crashed with ARM Thread State", "Last Exception Backtrace:", "Binary Images:";
// - the JSON report (".ips", iOS 15 / macOS 12 and later): a one-line JSON header, then a JSON body with
//   "exception", "faultingThread", "threads" and "usedImages". Older .ips files carry a text report after the
//   header; that is read as text.
// Line numbers are 0-based and count '\n'-separated lines of the text given to parse().

#include <QList>
#include <QString>

namespace ascend::feedback {

struct CrashThread {
    int number = -1;
    QString name; // "Dispatch queue: com.apple.main-thread", "com.apple.uikit.eventfetch-thread", or empty
    bool crashed = false;
    int firstLine = 0; // 0-based, inclusive: the "Thread N name:" line when there is one
    int lastLine = 0;
};

// Other blocks worth folding: "Last Exception Backtrace", the crashed thread's register state, "Binary
// Images".
struct CrashSection {
    enum class Kind { LastExceptionBacktrace, ThreadState, BinaryImages };
    Kind kind = Kind::BinaryImages;
    QString title; // the heading as written in the report, e.g. "Binary Images:"
    int firstLine = 0;
    int lastLine = 0;
};

struct CrashReport {
    QString exceptionType; // "EXC_BAD_ACCESS (SIGSEGV)"
    QString exceptionSubtype;
    QString exceptionCodes;
    // Why it ended, from "Application Specific Information" (.ips: "asi"): "NSInvalidArgumentException:
    // <reason>" for an uncaught Objective-C exception, else its first line ("abort() called").
    QString exceptionReason;
    QString processName; // "Process:" without the pid, or the .ips "procName": the app's own binary
    int exceptionTypeLine = -1;
    int crashedThread = -1; // thread number
    QList<CrashThread> threads;
    int binaryImagesLine = -1;
    QList<CrashSection> sections;
    bool ips = false; // a JSON .ips report (or an .ips header followed by text)
    int lineCount = 0;

    QString suggestedSuffix() const; // "ips" for JSON .ips reports, else "crash"
    bool isEmpty() const { return exceptionType.isEmpty() && threads.isEmpty(); }
    // The thread with that number, nullptr when the report has none.
    const CrashThread *thread(int number) const;
    const CrashThread *crashed() const { return thread(crashedThread); }

    static CrashReport parse(const QString &text);
};

} // namespace ascend::feedback

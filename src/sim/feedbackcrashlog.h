#pragma once
// Apple crash reports in the text (.crash) layout TestFlight hands out: header (Incident Identifier,
// Hardware Model, Process, Identifier, Version, Code Type, OS Version, Date/Time), exception (type, subtype,
// codes, termination reason, triggering thread), every thread with numbered frames ("Thread 0 name:",
// "Thread 0 Crashed:"), the crashed thread's ARM state, and Binary Images. The scenario (bad access, uncaught
// exception, Swift trap, watchdog, stack overflow) and every address follow from the submission id, so a
// submission always has the same log.

#include <QDateTime>
#include <QString>

namespace ascend::sim {

class Store;
struct Record;

struct CrashLogFacts {
    QString submissionId;
    QString appName;      // "Lumen Notes"; the executable is "LumenNotes"
    QString bundleId;     // "com.ascend.demo.lumennotes"
    QString shortVersion; // "4.2" (the pre-release version)
    QString buildNumber;  // "318" (the build's version)
    QString deviceModel;  // "iPhone15,2"
    QString devicePlatform;
    QString osVersion;
    QString timeZone;
    QDateTime created;
    qint64 uptimeMs = 0;
};

// The facts of a betaFeedbackCrashSubmissions record, looked up through its build and app.
CrashLogFacts crashLogFacts(const Store &store, const Record &submission);
QString crashLogText(const CrashLogFacts &facts);

} // namespace ascend::sim

#include "sim/feedbackcrashlog.h"

#include "sim/feedbackdevices.h"
#include "sim/store.h"

#include <QHash>
#include <QList>
#include <QRandomGenerator>
#include <QStringList>
#include <QTimeZone>

namespace ascend::sim {

namespace {

quint32 fnv1a(const QString &text)
{
    quint32 hash = 2166136261u;
    for (const QChar c : text) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return hash;
}

struct SystemImage {
    const char *name;
    const char *path;
    quint64 size;
};

// The system images frames come from, with realistic text sizes.
const SystemImage kSystemImages[] = {
    {"dyld", "/usr/lib/dyld", 0x84000},
    {"libsystem_kernel.dylib", "/usr/lib/system/libsystem_kernel.dylib", 0x3a000},
    {"libsystem_pthread.dylib", "/usr/lib/system/libsystem_pthread.dylib", 0xc000},
    {"libsystem_c.dylib", "/usr/lib/system/libsystem_c.dylib", 0x80000},
    {"libc++abi.dylib", "/usr/lib/libc++abi.dylib", 0x18000},
    {"libobjc.A.dylib", "/usr/lib/libobjc.A.dylib", 0x4e000},
    {"libdispatch.dylib", "/usr/lib/system/libdispatch.dylib", 0x47000},
    {"libswiftCore.dylib", "/usr/lib/swift/libswiftCore.dylib", 0x5a0000},
    {"libswift_Concurrency.dylib", "/usr/lib/swift/libswift_Concurrency.dylib", 0x4a000},
    {"CoreFoundation", "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation", 0x54c000},
    {"Foundation", "/System/Library/Frameworks/Foundation.framework/Foundation", 0xa24000},
    {"CFNetwork", "/System/Library/Frameworks/CFNetwork.framework/CFNetwork", 0x3c4000},
    {"GraphicsServices", "/System/Library/PrivateFrameworks/GraphicsServices.framework/GraphicsServices",
     0x9000},
    {"QuartzCore", "/System/Library/Frameworks/QuartzCore.framework/QuartzCore", 0x39c000},
    {"UIKitCore", "/System/Library/PrivateFrameworks/UIKitCore.framework/UIKitCore", 0x1a3c000},
    {"AppKit", "/System/Library/Frameworks/AppKit.framework/Versions/C/AppKit", 0x140c000},
    {"SwiftUI", "/System/Library/Frameworks/SwiftUI.framework/SwiftUI", 0x1e94000},
};

struct AppMethod {
    const char *type;
    const char *method;
};
const AppMethod kAppMethods[] = {
    {"FeedViewController", "configure(_:with:)"},
    {"FeedViewController", "tableView(_:cellForRowAt:)"},
    {"DetailViewController", "updateHeader(for:)"},
    {"DetailViewController", "viewWillAppear(_:)"},
    {"SyncEngine", "merge(_:into:)"},
    {"SyncEngine", "flushPendingChanges()"},
    {"ImageCache", "image(for:size:)"},
    {"ImageCache", "evictIfNeeded()"},
    {"PersistenceController", "save(context:)"},
    {"PersistenceController", "fetchItems(matching:)"},
    {"NetworkClient", "decode(_:from:)"},
    {"NetworkClient", "send(_:)"},
    {"SettingsViewModel", "apply(_:)"},
    {"ShareCoordinator", "presentShareSheet(for:)"},
    {"MapOverlayRenderer", "draw(_:zoomScale:in:)"},
    {"AttachmentUploader", "upload(_:progress:)"},
    {"SearchIndex", "rebuild(from:)"},
    {"ExportService", "renderPDF(for:)"},
    {"OnboardingCoordinator", "advance(to:)"},
    {"NotificationRouter", "route(_:)"},
};

enum class Scenario { NullDereference, UncaughtException, SwiftTrap, Watchdog, StackOverflow };

struct Frame {
    QString image;
    QString symbol; // "objc_msgSend + 32"
};

class CrashWriter {
public:
    explicit CrashWriter(const CrashLogFacts &facts)
        : m_facts(facts)
        , m_random(fnv1a(facts.submissionId) ^ 0xc4a5b1e5u)
    {
        m_executable = facts.appName;
        m_executable.remove(QLatin1Char(' '));
        if (m_executable.isEmpty())
            m_executable = QStringLiteral("App");
        m_mac = facts.devicePlatform == QLatin1String("MAC_OS");
        m_ui = m_mac ? QStringLiteral("AppKit") : QStringLiteral("UIKitCore");
        m_containerId = uuid();
        m_appBase = 0x100000000ull + quint64(0x400 + m_random.bounded(0xb00u)) * 0x1000;
        m_appSize = quint64(0x180 + m_random.bounded(0x900u)) * 0x1000;
        m_systemBase = 0x18a000000ull + quint64(m_random.bounded(0x800u)) * 0x10000;
    }

    QString write();

private:
    QString uuid(bool upper = true)
    {
        QString hex;
        for (int i = 0; i < 4; ++i)
            hex += QStringLiteral("%1").arg(m_random.generate(), 8, 16, QLatin1Char('0'));
        const QString text = hex.left(8) + QLatin1Char('-') + hex.mid(8, 4) + QLatin1Char('-') +
                             hex.mid(12, 4) + QLatin1Char('-') + hex.mid(16, 4) + QLatin1Char('-') +
                             hex.mid(20, 12);
        return upper ? text.toUpper() : text;
    }
    QString hex(int digits)
    {
        QString out;
        while (out.size() < digits)
            out += QStringLiteral("%1").arg(m_random.generate(), 8, 16, QLatin1Char('0'));
        return out.left(digits);
    }
    int offset(int low, int high) { return int(low + m_random.bounded(quint32(high - low))) & ~3; }
    QString appFrame(const AppMethod &method, bool closure = false)
    {
        const int line = 20 + int(m_random.bounded(400u));
        return QStringLiteral("%1%2.%3 + %4 (%2.swift:%5)")
            .arg(closure ? QStringLiteral("closure #1 in ") : QString(), QString::fromLatin1(method.type),
                 QString::fromLatin1(method.method))
            .arg(offset(24, 1600))
            .arg(line);
    }
    const AppMethod &pickMethod() { return kAppMethods[m_random.bounded(quint32(std::size(kAppMethods)))]; }
    Frame sys(const char *image, const QString &symbol, int low = 4, int high = 900)
    {
        return {QString::fromLatin1(image), QStringLiteral("%1 + %2").arg(symbol).arg(offset(low, high))};
    }
    Frame app(const QString &symbol) { return {m_executable, symbol}; }

    QList<Frame> mainRunLoopTail(bool idle);
    QList<Frame> workqueueIdle();
    QList<Frame> runLoopThread(const char *image, const char *entry);
    QList<Frame> dispatchTail();
    QList<Frame> crashFrames(Scenario scenario, bool onMain);

    quint64 imageBase(const QString &image);
    quint64 imageSize(const QString &image);
    quint64 frameAddress(const QString &image)
    {
        return imageBase(image) + (quint64(m_random.bounded(quint32(imageSize(image) / 4))) * 4);
    }
    QString frameLine(int index, const Frame &frame, quint64 *address = nullptr)
    {
        const quint64 where = frameAddress(frame.image);
        if (address)
            *address = where;
        return QStringLiteral("%1%2\t0x%3 %4\n")
            .arg(index, -4)
            .arg(frame.image, -30)
            .arg(where, 16, 16, QLatin1Char('0'))
            .arg(frame.symbol);
    }
    QString appPath() const
    {
        if (m_mac)
            return QStringLiteral("/Applications/%1.app/Contents/MacOS/%2")
                .arg(m_facts.appName, m_executable);
        return QStringLiteral("/private/var/containers/Bundle/Application/%1/%2.app/%2")
            .arg(m_containerId, m_executable);
    }
    QString dateText(const QDateTime &time) const
    {
        QTimeZone zone(m_facts.timeZone.toLatin1());
        if (!zone.isValid())
            zone = QTimeZone::utc();
        const QDateTime local = time.toTimeZone(zone);
        const int offsetSeconds = zone.offsetFromUtc(time);
        const int minutes = std::abs(offsetSeconds) / 60;
        return QStringLiteral("%1%2 %3%4%5")
            .arg(local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")))
            .arg(time.toMSecsSinceEpoch() % 10)
            .arg(offsetSeconds < 0 ? QLatin1Char('-') : QLatin1Char('+'))
            .arg(minutes / 60, 2, 10, QLatin1Char('0'))
            .arg(minutes % 60, 2, 10, QLatin1Char('0'));
    }

    const CrashLogFacts &m_facts;
    QRandomGenerator m_random;
    QString m_executable;
    QString m_ui;
    bool m_mac = false;
    QString m_containerId;
    quint64 m_appBase = 0;
    quint64 m_appSize = 0;
    quint64 m_systemBase = 0;
    QHash<QString, quint64> m_bases; // system images in use, by name
    QStringList m_imageOrder;        // as first used
};

quint64 CrashWriter::imageSize(const QString &image)
{
    if (image == m_executable)
        return m_appSize;
    for (const SystemImage &system : kSystemImages) {
        if (image == QLatin1String(system.name))
            return system.size;
    }
    return 0x10000;
}

quint64 CrashWriter::imageBase(const QString &image)
{
    if (image == m_executable) {
        if (!m_imageOrder.contains(image))
            m_imageOrder.append(image);
        return m_appBase;
    }
    auto it = m_bases.find(image);
    if (it != m_bases.end())
        return it.value();
    // System images sit in the shared cache, one after another with gaps.
    const quint64 base = m_systemBase;
    m_systemBase +=
        ((imageSize(image) + 0xffff) & ~0xffffull) + quint64(1 + m_random.bounded(0x40u)) * 0x10000;
    m_bases.insert(image, base);
    m_imageOrder.append(image);
    return base;
}

QList<Frame> CrashWriter::mainRunLoopTail(bool idle)
{
    QList<Frame> frames;
    if (idle) {
        frames << sys("libsystem_kernel.dylib", QStringLiteral("mach_msg2_trap"), 8, 9)
               << sys("libsystem_kernel.dylib", QStringLiteral("mach_msg2_internal"), 80, 81)
               << sys("libsystem_kernel.dylib", QStringLiteral("mach_msg_overwrite"), 436, 437)
               << sys("libsystem_kernel.dylib", QStringLiteral("mach_msg"), 24, 25)
               << sys("CoreFoundation", QStringLiteral("__CFRunLoopServiceMachPort"), 160, 161)
               << sys("CoreFoundation", QStringLiteral("__CFRunLoopRun"), 1188, 1189);
    }
    frames << sys("CoreFoundation", QStringLiteral("CFRunLoopRunSpecific"), 608, 609);
    if (m_mac) {
        frames << sys("AppKit", QStringLiteral("-[NSApplication run]"), 476, 477)
               << sys("AppKit", QStringLiteral("NSApplicationMain"), 880, 881);
    } else {
        frames << sys("GraphicsServices", QStringLiteral("GSEventRunModal"), 164, 165)
               << sys("UIKitCore", QStringLiteral("-[UIApplication _run]"), 888, 889)
               << sys("UIKitCore", QStringLiteral("UIApplicationMain"), 340, 341);
    }
    frames << app(QStringLiteral("main + %1 (AppDelegate.swift:%2)")
                      .arg(offset(48, 80))
                      .arg(10 + m_random.bounded(6u)))
           << sys("dyld", QStringLiteral("start"), 2240, 2241);
    return frames;
}

QList<Frame> CrashWriter::workqueueIdle()
{
    return {sys("libsystem_pthread.dylib", QStringLiteral("start_wqthread"), 0, 1)};
}

QList<Frame> CrashWriter::runLoopThread(const char *image, const char *entry)
{
    return {sys("libsystem_kernel.dylib", QStringLiteral("mach_msg2_trap"), 8, 9),
            sys("libsystem_kernel.dylib", QStringLiteral("mach_msg2_internal"), 80, 81),
            sys("libsystem_kernel.dylib", QStringLiteral("mach_msg_overwrite"), 436, 437),
            sys("libsystem_kernel.dylib", QStringLiteral("mach_msg"), 24, 25),
            sys("CoreFoundation", QStringLiteral("__CFRunLoopServiceMachPort"), 160, 161),
            sys("CoreFoundation", QStringLiteral("__CFRunLoopRun"), 1188, 1189),
            sys("CoreFoundation", QStringLiteral("CFRunLoopRunSpecific"), 608, 609),
            sys(image, QString::fromLatin1(entry), 212, 213),
            sys("Foundation", QStringLiteral("__NSThread__start__"), 732, 733),
            sys("libsystem_pthread.dylib", QStringLiteral("_pthread_start"), 136, 137),
            sys("libsystem_pthread.dylib", QStringLiteral("thread_start"), 8, 9)};
}

QList<Frame> CrashWriter::dispatchTail()
{
    return {sys("libdispatch.dylib", QStringLiteral("_dispatch_call_block_and_release"), 32, 33),
            sys("libdispatch.dylib", QStringLiteral("_dispatch_client_callout"), 20, 21),
            sys("libdispatch.dylib", QStringLiteral("_dispatch_lane_serial_drain"), 748, 749),
            sys("libdispatch.dylib", QStringLiteral("_dispatch_lane_invoke"), 432, 433),
            sys("libdispatch.dylib", QStringLiteral("_dispatch_workloop_worker_thread"), 648, 649),
            sys("libsystem_pthread.dylib", QStringLiteral("_pthread_wqthread"), 288, 289),
            sys("libsystem_pthread.dylib", QStringLiteral("start_wqthread"), 8, 9)};
}

QList<Frame> CrashWriter::crashFrames(Scenario scenario, bool onMain)
{
    QList<Frame> frames;
    const AppMethod &first = pickMethod();
    const AppMethod &second = pickMethod();
    switch (scenario) {
    case Scenario::NullDereference:
        frames << sys("libobjc.A.dylib", QStringLiteral("objc_msgSend"), 32, 33) << app(appFrame(first))
               << app(appFrame(second, true));
        break;
    case Scenario::UncaughtException:
        frames << sys("libsystem_kernel.dylib", QStringLiteral("__pthread_kill"), 8, 9)
               << sys("libsystem_pthread.dylib", QStringLiteral("pthread_kill"), 268, 269)
               << sys("libsystem_c.dylib", QStringLiteral("abort"), 180, 181)
               << sys("libc++abi.dylib", QStringLiteral("abort_message"), 132, 133)
               << sys("libc++abi.dylib", QStringLiteral("demangling_terminate_handler()"), 348, 349)
               << sys("libobjc.A.dylib", QStringLiteral("_objc_terminate()"), 144, 145)
               << sys("libc++abi.dylib", QStringLiteral("std::__terminate(void (*)())"), 16, 17)
               << sys("libc++abi.dylib", QStringLiteral("std::terminate()"), 108, 109)
               << sys("libdispatch.dylib", QStringLiteral("_dispatch_client_callout"), 40, 41);
        break;
    case Scenario::SwiftTrap:
        frames << app(appFrame(first)) << app(appFrame(first, true)) << app(appFrame(second));
        break;
    case Scenario::Watchdog:
        frames << sys("libsystem_kernel.dylib", QStringLiteral("semaphore_wait_trap"), 8, 9)
               << sys("libdispatch.dylib", QStringLiteral("_dispatch_sema4_wait"), 28, 29)
               << sys("libdispatch.dylib", QStringLiteral("_dispatch_semaphore_wait_slow"), 132, 133)
               << app(QStringLiteral("NetworkClient.sendSynchronously(_:) + %1 (NetworkClient.swift:%2)")
                          .arg(offset(200, 900))
                          .arg(40 + m_random.bounded(200u)))
               << app(appFrame(first));
        break;
    case Scenario::StackOverflow: {
        const int depth = 6 + int(m_random.bounded(6u));
        const QString recursive = appFrame(first);
        for (int i = 0; i < depth; ++i)
            frames << app(i % 2 == 0 ? recursive : appFrame(second));
        break;
    }
    }
    if (!onMain) {
        frames << dispatchTail();
        return frames;
    }
    // What led there on the main thread: a layout pass or an event, then the run loop.
    if (m_mac) {
        frames << sys("AppKit", QStringLiteral("-[NSView _layoutSubtreeWithOldSize:]"), 400, 1200)
               << sys("AppKit", QStringLiteral("-[NSWindow(NSDisplayCycle) _layoutViewTree]"), 100, 600);
    } else {
        frames << sys("UIKitCore",
                      QStringLiteral(
                          "-[UITableView _createPreparedCellForGlobalRow:withIndexPath:willDisplay:]"),
                      700, 1100)
               << sys("UIKitCore", QStringLiteral("-[UITableView _updateVisibleCellsNow:]"), 1200, 1600)
               << sys("UIKitCore", QStringLiteral("-[UIView(CALayerDelegate) layoutSublayersOfLayer:]"), 1400,
                      1600)
               << sys("QuartzCore", QStringLiteral("CA::Layer::layout_if_needed(CA::Transaction*)"), 400, 600)
               << sys("QuartzCore", QStringLiteral("CA::Transaction::commit()"), 600, 700);
    }
    frames << sys("CoreFoundation",
                  QStringLiteral("__CFRUNLOOP_IS_CALLING_OUT_TO_AN_OBSERVER_CALLBACK_FUNCTION__"), 36, 37)
           << sys("CoreFoundation", QStringLiteral("__CFRunLoopDoObservers"), 548, 549)
           << sys("CoreFoundation", QStringLiteral("__CFRunLoopRun"), 1028, 1029);
    frames << mainRunLoopTail(false);
    return frames;
}

QString CrashWriter::write()
{
    const CrashLogFacts &f = m_facts;
    QRandomGenerator &r = m_random;
    const quint32 roll = r.bounded(100u);
    const Scenario scenario = roll < 34   ? Scenario::NullDereference
                              : roll < 54 ? Scenario::UncaughtException
                              : roll < 78 ? Scenario::SwiftTrap
                              : roll < 90 ? Scenario::Watchdog
                                          : Scenario::StackOverflow;
    const int threadCount = 6 + int(r.bounded(8u));
    const bool background = (scenario == Scenario::NullDereference || scenario == Scenario::SwiftTrap ||
                             scenario == Scenario::UncaughtException) &&
                            r.bounded(100u) < 35;
    const int crashed = background ? 2 + int(r.bounded(quint32(threadCount - 2))) : 0;
    const int pid = 300 + int(r.bounded(9000u));
    const QString os = osDisplayName(f.devicePlatform);
    const QString osBuild = osBuildNumber(f.devicePlatform, f.osVersion);

    QString text;
    text += QStringLiteral("Incident Identifier: %1\n").arg(uuid());
    text += QStringLiteral("CrashReporter Key:   %1\n").arg(hex(40));
    text += QStringLiteral("Hardware Model:      %1\n").arg(f.deviceModel);
    text += QStringLiteral("Process:             %1 [%2]\n").arg(m_executable).arg(pid);
    text += QStringLiteral("Path:                %1\n").arg(appPath());
    text += QStringLiteral("Identifier:          %1\n").arg(f.bundleId);
    text += QStringLiteral("Version:             %1 (%2)\n").arg(f.shortVersion, f.buildNumber);
    text += QStringLiteral("AppStoreTools:       15F31\n");
    if (!m_mac) {
        const QString major = f.osVersion.section(QLatin1Char('.'), 0, 0);
        text += QStringLiteral("AppVariant:          1:%1:%2\n").arg(f.deviceModel, major);
    }
    text += QStringLiteral("Beta:                YES\n");
    text += QStringLiteral("Code Type:           ARM-64 (Native)\n");
    text += QStringLiteral("Role:                Foreground\n");
    text += QStringLiteral("Parent Process:      launchd [1]\n");
    text += QStringLiteral("Coalition:           %1 [%2]\n\n").arg(f.bundleId).arg(200 + r.bounded(3000u));
    const QDateTime when = f.created.isValid() ? f.created : QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    text += QStringLiteral("Date/Time:           %1\n").arg(dateText(when));
    text += QStringLiteral("Launch Time:         %1\n")
                .arg(dateText(when.addMSecs(-std::max<qint64>(f.uptimeMs, 800))));
    text += QStringLiteral("OS Version:          %1 %2%3\n")
                .arg(os, f.osVersion, osBuild.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(osBuild));
    text += QStringLiteral("Release Type:        User\n");
    if (f.deviceModel.startsWith(QLatin1String("iPhone")))
        text += QStringLiteral("Baseband Version:    %1.%2.%3\n")
                    .arg(1 + r.bounded(3u))
                    .arg(10 + r.bounded(60u))
                    .arg(r.bounded(8u), 2, 10, QLatin1Char('0'));
    text += QStringLiteral("Report Version:      104\n\n");

    QString esr;
    quint64 faultAddress = 0;
    switch (scenario) {
    case Scenario::NullDereference:
        faultAddress = 0x8 * (1 + r.bounded(6u));
        text += QStringLiteral("Exception Type:  EXC_BAD_ACCESS (SIGSEGV)\n");
        text += QStringLiteral("Exception Subtype: KERN_INVALID_ADDRESS at 0x%1\n")
                    .arg(faultAddress, 16, 16, QLatin1Char('0'));
        text += QStringLiteral("Exception Codes: 0x0000000000000001, 0x%1\n")
                    .arg(faultAddress, 16, 16, QLatin1Char('0'));
        text +=
            QStringLiteral("VM Region Info: 0x%1 is not in any region.  Bytes before following region: %2\n")
                .arg(faultAddress, 0, 16)
                .arg(m_appBase - faultAddress);
        text +=
            QStringLiteral(
                "      REGION TYPE                 START - END      [ VSIZE] PRT/MAX SHRMOD  REGION DETAIL\n"
                "      UNUSED SPACE AT START\n"
                "--->  \n"
                "      __TEXT                   %1-%2 [%3K] r-x/r-x SM=COW  %4\n")
                .arg(m_appBase, 0, 16)
                .arg(m_appBase + m_appSize, 0, 16)
                .arg(m_appSize / 1024, 5)
                .arg(appPath());
        text += QStringLiteral("Termination Reason: SIGNAL 11 Segmentation fault: 11\n");
        text += QStringLiteral("Terminating Process: exc handler [%1]\n\n").arg(pid);
        esr = QStringLiteral("0x92000006 (Data Abort) byte read Translation fault");
        break;
    case Scenario::UncaughtException:
        text += QStringLiteral("Exception Type:  EXC_CRASH (SIGABRT)\n");
        text += QStringLiteral("Exception Codes: 0x0000000000000000, 0x0000000000000000\n");
        text += QStringLiteral("Termination Reason: SIGNAL 6 Abort trap: 6\n");
        text += QStringLiteral("Terminating Process: %1 [%2]\n\n").arg(m_executable).arg(pid);
        esr = QStringLiteral("0x56000080 (Syscall)");
        break;
    case Scenario::SwiftTrap:
        text += QStringLiteral("Exception Type:  EXC_BREAKPOINT (SIGTRAP)\n");
        text +=
            QStringLiteral("Exception Codes: 0x0000000000000001, 0x%1\n")
                .arg(m_appBase + quint64(r.bounded(quint32(m_appSize / 4))) * 4, 16, 16, QLatin1Char('0'));
        text += QStringLiteral("Termination Reason: SIGNAL 5 Trace/BPT trap: 5\n");
        text += QStringLiteral("Terminating Process: exc handler [%1]\n\n").arg(pid);
        esr = QStringLiteral("0xf2000001 (Breakpoint) brk 1");
        break;
    case Scenario::Watchdog:
        text += QStringLiteral("Exception Type:  EXC_CRASH (SIGKILL)\n");
        text += QStringLiteral("Exception Codes: 0x0000000000000000, 0x0000000000000000\n");
        text += QStringLiteral(
                    "Termination Reason: FRONTBOARD 2343432205 \n"
                    "<RBSTerminateContext| domain:10 code:0x8BADF00D explanation:scene-update watchdog "
                    "transgression: application<%1>:%2 exhausted real (wall clock) time allowance of "
                    "10.00 seconds\n"
                    "ProcessVisibility: Foreground\n"
                    "ProcessState: Running\n"
                    "WatchdogEvent: scene-update\n"
                    "WatchdogVisibility: Foreground\n"
                    "WatchdogCPUStatistics: (\n"
                    "\"Elapsed total CPU time (seconds): %3 (user %4, system %5), %6% CPU\",\n"
                    "\"Elapsed application CPU time (seconds): %7, %8% CPU\"\n"
                    ") reportType:CrashLog maxTerminationResistance:Interactive>\n\n")
                    .arg(f.bundleId)
                    .arg(pid)
                    .arg(12.45, 0, 'f', 3)
                    .arg(8.21, 0, 'f', 3)
                    .arg(4.24, 0, 'f', 3)
                    .arg(20 + r.bounded(30u))
                    .arg(2.0 + r.bounded(800u) / 100.0, 0, 'f', 3)
                    .arg(3 + r.bounded(20u));
        esr = QStringLiteral("0x56000080 (Syscall)");
        break;
    case Scenario::StackOverflow:
        faultAddress = 0x16f000000ull + quint64(r.bounded(0xfffffu)) * 8;
        text += QStringLiteral("Exception Type:  EXC_BAD_ACCESS (SIGBUS)\n");
        text += QStringLiteral("Exception Subtype: KERN_PROTECTION_FAILURE at 0x%1\n")
                    .arg(faultAddress, 16, 16, QLatin1Char('0'));
        text += QStringLiteral("Exception Codes: 0x0000000000000002, 0x%1\n")
                    .arg(faultAddress, 16, 16, QLatin1Char('0'));
        text +=
            QStringLiteral(
                "VM Region Info: 0x%1 is in 0x%2-0x%3;  bytes after start: %4  bytes before end: %5\n"
                "      REGION TYPE                 START - END      [ VSIZE] PRT/MAX SHRMOD  REGION DETAIL\n"
                "      MALLOC_NANO              280000000-2a0000000 [512.0M] rw-/rwx SM=PRV  \n"
                "--->  STACK GUARD              %2-%3 [  112K] ---/rwx SM=NUL  ... for thread 0\n"
                "      Stack                    %3-%6 [ 8064K] rw-/rwx SM=PRV  thread 0\n")
                .arg(faultAddress, 0, 16)
                .arg(faultAddress & ~0xfffffull, 0, 16)
                .arg((faultAddress & ~0xfffffull) + 0x1c000, 0, 16)
                .arg(faultAddress & 0xfffff)
                .arg((faultAddress & ~0xfffffull) + 0x1c000 - faultAddress)
                .arg((faultAddress & ~0xfffffull) + 0x1c000 + 0x7e0000, 0, 16);
        text += QStringLiteral("Termination Reason: SIGNAL 10 Bus error: 10\n");
        text += QStringLiteral("Terminating Process: exc handler [%1]\n\n").arg(pid);
        text += QStringLiteral("Thread 0 crashed with stack overflow: Thread stack size exceeded due to "
                               "excessive recursion\n\n");
        esr = QStringLiteral("0x92000047 (Data Abort) byte write Translation fault");
        break;
    }
    text += QStringLiteral("Triggered by Thread:  %1\n\n").arg(crashed);

    if (scenario == Scenario::UncaughtException) {
        // The exception's own backtrace, as the runtime recorded it when it was thrown.
        const AppMethod &thrower = pickMethod();
        const QList<Frame> last = {
            sys("CoreFoundation", QStringLiteral("__exceptionPreprocess"), 164, 165),
            sys("libobjc.A.dylib", QStringLiteral("objc_exception_throw"), 60, 61),
            sys("CoreFoundation", QStringLiteral("-[__NSArrayM objectAtIndexedSubscript:]"), 1100, 1300),
            app(appFrame(thrower)),
            app(appFrame(thrower, true)),
            sys("libdispatch.dylib", QStringLiteral("_dispatch_call_block_and_release"), 32, 33),
            sys("libdispatch.dylib", QStringLiteral("_dispatch_client_callout"), 20, 21),
        };
        text += QStringLiteral("Last Exception Backtrace:\n");
        for (int i = 0; i < last.size(); ++i)
            text += frameLine(i, last.at(i));
        text += QLatin1Char('\n');
    }

    quint64 pc = 0;
    quint64 lr = 0;
    for (int thread = 0; thread < threadCount; ++thread) {
        QString name;
        QList<Frame> frames;
        if (thread == 0) {
            name = QStringLiteral("Dispatch queue: com.apple.main-thread");
            frames = crashed == 0 ? crashFrames(scenario, true) : mainRunLoopTail(true);
        } else if (thread == crashed) {
            name =
                QStringLiteral("Dispatch queue: %1.%2 (QOS: UTILITY)")
                    .arg(f.bundleId, r.bounded(2u) == 0 ? QStringLiteral("sync") : QStringLiteral("images"));
            frames = crashFrames(scenario, false);
        } else if (thread == 1) {
            name = m_mac ? QStringLiteral("com.apple.NSEventThread")
                         : QStringLiteral("com.apple.uikit.eventfetch-thread");
            frames = m_mac ? runLoopThread("AppKit", "_NSEventThread")
                           : runLoopThread("Foundation", "-[NSRunLoop(NSRunLoop) runMode:beforeDate:]");
        } else if (thread == threadCount - 1 && crashed != thread) {
            name = QStringLiteral("com.apple.NSURLConnectionLoader");
            frames = runLoopThread("CFNetwork", "+[__CFN_CoreSchedulingSetRunnable _run:]");
        } else {
            frames = workqueueIdle();
        }
        if (!name.isEmpty())
            text += QStringLiteral("Thread %1 name:  %2\n").arg(thread).arg(name);
        text += thread == crashed ? QStringLiteral("Thread %1 Crashed:\n").arg(thread)
                                  : QStringLiteral("Thread %1:\n").arg(thread);
        for (int i = 0; i < frames.size(); ++i) {
            quint64 address = 0;
            text += frameLine(i, frames.at(i), &address);
            if (thread == crashed && i == 0)
                pc = address;
            if (thread == crashed && i == 1)
                lr = address;
        }
        text += QLatin1Char('\n');
    }

    // The crashed thread's registers.
    text += QStringLiteral("Thread %1 crashed with ARM Thread State (64-bit):\n").arg(crashed);
    const quint64 stack = 0x16f000000ull + quint64(r.bounded(0xfffffu)) * 16;
    auto reg = [&](int index) -> quint64 {
        switch (r.bounded(4u)) {
        case 0:
            return 0;
        case 1:
            return quint64(r.bounded(0x2000u));
        case 2:
            return 0x280000000ull + quint64(r.generate()) * 16;
        default:
            return index == 0 && faultAddress ? faultAddress
                                              : 0x1d0000000ull + quint64(r.generate() & 0xfffffffu);
        }
    };
    // Registers four to a line as the crash reporter prints them: the first label of a line right-aligned in
    // six columns, the others in five ("    x0: 0x...   x1: 0x...  x10: 0x...").
    struct Register {
        QString name;
        quint64 value;
    };
    QList<Register> registers;
    for (int i = 0; i <= 28; ++i)
        registers.append({QStringLiteral("x%1").arg(i), reg(i)});
    registers.append({QStringLiteral("fp"), stack + 0x60});
    registers.append({QStringLiteral("lr"), lr});
    for (qsizetype i = 0; i < registers.size(); ++i) {
        const bool first = i % 4 == 0;
        text += QStringLiteral("%1: 0x%2")
                    .arg(registers.at(i).name, first ? 6 : 5)
                    .arg(registers.at(i).value, 16, 16, QLatin1Char('0'));
        if (i % 4 == 3 || i + 1 == registers.size())
            text += QLatin1Char('\n');
    }
    text += QStringLiteral("    sp: 0x%1   pc: 0x%2 cpsr: 0x%3\n")
                .arg(stack, 16, 16, QLatin1Char('0'))
                .arg(pc, 16, 16, QLatin1Char('0'))
                .arg(0x20000000u + (r.bounded(4u) << 28), 8, 16, QLatin1Char('0'));
    text += QStringLiteral("   far: 0x%1  esr: %2\n\n").arg(faultAddress, 16, 16, QLatin1Char('0')).arg(esr);

    // Every image a frame came from, the app first, then by address.
    text += QStringLiteral("Binary Images:\n");
    QStringList images = m_imageOrder;
    images.removeAll(m_executable);
    std::sort(images.begin(), images.end(),
              [this](const QString &a, const QString &b) { return m_bases.value(a) < m_bases.value(b); });
    images.prepend(m_executable);
    for (const QString &image : std::as_const(images)) {
        QString path = appPath();
        QString arch = QStringLiteral("arm64");
        if (image != m_executable) {
            arch = QStringLiteral("arm64e");
            for (const SystemImage &system : kSystemImages) {
                if (image == QLatin1String(system.name))
                    path = QString::fromLatin1(system.path);
            }
        }
        const quint64 base = imageBase(image);
        text += QStringLiteral("%1 - %2 %3 %4  <%5> %6\n")
                    .arg(QStringLiteral("0x%1").arg(base, 0, 16), 18)
                    .arg(QStringLiteral("0x%1").arg(base + imageSize(image) - 1, 0, 16), 18)
                    .arg(image, arch, hex(32), path);
    }
    text += QStringLiteral("\nEOF\n");
    return text;
}

} // namespace

CrashLogFacts crashLogFacts(const Store &store, const Record &submission)
{
    CrashLogFacts facts;
    const QJsonObject &a = submission.attributes;
    facts.submissionId = submission.id;
    facts.bundleId = a.value(QStringLiteral("buildBundleId")).toString();
    facts.deviceModel = a.value(QStringLiteral("deviceModel")).toString();
    facts.devicePlatform = a.value(QStringLiteral("devicePlatform")).toString();
    facts.osVersion = a.value(QStringLiteral("osVersion")).toString();
    facts.timeZone = a.value(QStringLiteral("timeZone")).toString();
    facts.created =
        QDateTime::fromString(a.value(QStringLiteral("createdDate")).toString(), Qt::ISODateWithMs);
    facts.uptimeMs = qint64(a.value(QStringLiteral("appUptimeInMilliseconds")).toDouble());
    facts.shortVersion = QStringLiteral("1.0");
    facts.buildNumber = QStringLiteral("1");
    if (const auto builds = store.related(submission, QStringLiteral("build")); !builds.isEmpty()) {
        const Record *build = builds.first();
        facts.buildNumber = build->attributes.value(QStringLiteral("version")).toString();
        if (const auto versions = store.related(*build, QStringLiteral("preReleaseVersion"));
            !versions.isEmpty())
            facts.shortVersion = versions.first()->attributes.value(QStringLiteral("version")).toString();
    }
    if (const auto apps = store.related(submission, QStringLiteral("app")); !apps.isEmpty()) {
        facts.appName = apps.first()->attributes.value(QStringLiteral("name")).toString();
        if (facts.bundleId.isEmpty())
            facts.bundleId = apps.first()->attributes.value(QStringLiteral("bundleId")).toString();
    }
    return facts;
}

QString crashLogText(const CrashLogFacts &facts)
{
    return CrashWriter(facts).write();
}

} // namespace ascend::sim

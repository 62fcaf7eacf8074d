// ascendctl upload FILE [--app BUNDLE_ID_OR_ID] [--version V --build B --platform P] [--parallel N] [--wait]
//                       [--resume] [--journal FILE]

#include "clicontext.h"
#include "command.h"
#include "core/api/apiclient.h"
#include "core/asc/ascenums.h"
#include "core/session/session.h"
#include "core/store/uploadjournal.h"
#include "core/upload/buildupload.h"
#include "uploadprogress.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonObject>
#include <unistd.h>

namespace ascend::cli {

namespace {

int runUpload(CliContext &context, const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        context.printError(QStringLiteral("upload needs exactly one FILE (.ipa or .pkg)."));
        return ExitUsage;
    }
    upload::BuildUploadJob::Options options;
    options.app = parser.value(QStringLiteral("app"));
    options.metadata.shortVersion = parser.value(QStringLiteral("version"));
    options.metadata.bundleVersion = parser.value(QStringLiteral("build"));
    if (options.app.contains(QLatin1Char('.')))
        options.metadata.bundleId = options.app;
    if (parser.isSet(QStringLiteral("platform"))) {
        const QString name = parser.value(QStringLiteral("platform")).toUpper();
        options.metadata.platform = asc::fromString<asc::Platform>(name);
        if (!options.metadata.platform) {
            context.printError(QStringLiteral("--platform must be one of %1.")
                                   .arg(asc::allNames<asc::Platform>().join(QStringLiteral(", "))));
            return ExitUsage;
        }
    }
    bool ok = true;
    if (parser.isSet(QStringLiteral("parallel"))) {
        options.parallelism = parser.value(QStringLiteral("parallel")).toInt(&ok);
        if (!ok || options.parallelism < 1 || options.parallelism > upload::PartScheduler::MaxParallelism) {
            context.printError(QStringLiteral("--parallel expects a number from 1 to %1.")
                                   .arg(upload::PartScheduler::MaxParallelism));
            return ExitUsage;
        }
    }
    options.resume = parser.isSet(QStringLiteral("resume"));
    options.followProcessing = parser.isSet(QStringLiteral("wait"));

    const QString filePath = QFileInfo(positional.first()).absoluteFilePath();
    store::UploadJournal journal;
    const QString journalPath = parser.isSet(QStringLiteral("journal"))
                                    ? parser.value(QStringLiteral("journal"))
                                    : store::UploadJournal::defaultPath();
    QString journalError;
    if (!journal.open(journalPath, &journalError)) {
        context.err() << "warning: the resume journal " << journalPath << " cannot be opened ("
                      << journalError << "); this upload cannot be resumed.\n";
    } else if (!options.resume && journal.findUnfinished(filePath)) {
        context.err()
            << "note: an interrupted upload of this file is in the journal; add --resume to continue it.\n";
    }

    session::Session *session = context.session();
    if (!session)
        return ExitFailure;

    upload::BuildUploadJob job(session->client(), journal.isOpen() ? &journal : nullptr, filePath, options);
    UploadProgress progress(context.err(), isatty(STDERR_FILENO) == 1);
    progress.attach(&job);
    QEventLoop loop;
    QObject::connect(&job, &upload::BuildUploadJob::finished, &loop, &QEventLoop::quit);
    job.start();
    if (!upload::BuildUploadJob::isTerminal(job.stage()) &&
        !(job.stage() == upload::BuildUploadJob::Stage::Processing && !options.followProcessing))
        loop.exec();

    const bool succeeded =
        job.stage() == upload::BuildUploadJob::Stage::Complete ||
        (job.stage() == upload::BuildUploadJob::Stage::Processing && !options.followProcessing);
    const QString state = job.serverState().state ? asc::toString(*job.serverState().state)
                                                  : (succeeded ? QStringLiteral("PROCESSING") : QString());
    const double seconds = job.elapsedMs() / 1000.0;
    if (context.json()) {
        QJsonObject result{{QStringLiteral("file"), filePath},
                           {QStringLiteral("ok"), succeeded},
                           {QStringLiteral("stage"), upload::BuildUploadJob::stageName(job.stage())},
                           {QStringLiteral("buildUploadId"), job.buildUploadId()},
                           {QStringLiteral("buildUploadFileId"), job.buildUploadFileId()},
                           {QStringLiteral("state"), state},
                           {QStringLiteral("buildId"), job.buildId()},
                           {QStringLiteral("appId"), job.appId()},
                           {QStringLiteral("bytes"), job.totalBytes()},
                           {QStringLiteral("seconds"), seconds},
                           {QStringLiteral("md5"), job.md5()},
                           {QStringLiteral("resumed"), job.resumed()},
                           {QStringLiteral("partsSent"), job.partsSentThisRun()},
                           {QStringLiteral("partsResent"), job.resendCount()}};
        if (!succeeded)
            result.insert(QStringLiteral("error"), job.errorString());
        context.printJson(result);
    } else if (succeeded) {
        context.out() << "buildUpload " << job.buildUploadId() << '\n'
                      << "state       " << state << '\n'
                      << "build       " << (job.buildId().isEmpty() ? QStringLiteral("-") : job.buildId())
                      << '\n'
                      << "bytes       " << job.totalBytes() << '\n'
                      << "seconds     " << QString::number(seconds, 'f', 2) << '\n'
                      << "md5         " << job.md5() << '\n';
        context.out().flush();
    }
    if (!succeeded) {
        context.printError(job.errorString());
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace

QList<Command> uploadCommands()
{
    Command upload;
    upload.words = {QStringLiteral("upload")};
    upload.summary = QStringLiteral("Upload an .ipa or .pkg build in parallel parts, resumable");
    upload.details = QStringLiteral(
        "Reads the bundle ID, version, build number and platform from an IPA's Info.plist; a .pkg needs "
        "--version and --build (and --app). Refuses, before any request, a file that is not a build, an app "
        "that is not in the account, or a version and build that already exist. Then reserves the upload, "
        "sends every part, commits it and, with --wait, follows processing. Progress goes to stderr; the "
        "result (buildUpload ID, state, build ID, bytes, seconds, MD5) to stdout, as JSON with --json. An "
        "interrupted upload (network, crash, kill) is recorded in the journal: run the same command with "
        "--resume to send only the missing parts.");
    upload.declareOptions = [](QCommandLineParser &parser) {
        parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The .ipa or .pkg to upload."));
        parser.addOptions({
            {QStringLiteral("app"),
             QStringLiteral("The app's bundle id or id (default: the file's bundle id)."),
             QStringLiteral("BUNDLE_ID_OR_ID")},
            {QStringLiteral("version"), QStringLiteral("CFBundleShortVersionString (needed for a .pkg)."),
             QStringLiteral("V")},
            {QStringLiteral("build"), QStringLiteral("CFBundleVersion (needed for a .pkg)."),
             QStringLiteral("B")},
            {QStringLiteral("platform"),
             QStringLiteral("IOS, MAC_OS, TV_OS or VISION_OS (a .pkg defaults to MAC_OS)."),
             QStringLiteral("P")},
            {QStringLiteral("parallel"), QStringLiteral("Parts in flight, 1 to 16 (default 4)."),
             QStringLiteral("N")},
            {QStringLiteral("wait"), QStringLiteral("Follow processing until COMPLETE or FAILED.")},
            {QStringLiteral("resume"), QStringLiteral("Continue an interrupted upload of the same file.")},
            {QStringLiteral("journal"),
             QStringLiteral("The resume journal (default <config dir>/uploads.sqlite)."),
             QStringLiteral("FILE")},
        });
    };
    upload.run = runUpload;
    return {upload};
}

} // namespace ascend::cli

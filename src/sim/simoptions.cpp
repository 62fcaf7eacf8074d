#include "sim/simoptions.h"

#include "sim/seeder.h"

#include <QCommandLineParser>

namespace ascend::sim {

ParsedOptions parseSimOptions(const QStringList &arguments)
{
    ParsedOptions parsed;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A local App Store Connect simulator: real HTTP on loopback, real ES256 JWT checks, JSON:API "
        "answers\n"
        "shaped by the App Store Connect OpenAPI spec. When ready it prints one JSON line on stdout:\n"
        "{\"baseUrl\": ..., \"keyId\": ..., \"issuerId\": ..., \"privateKeyPath\": ...} (key fields with "
        "--generate-key)."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QStringLiteral("Show the version."));
    const QCommandLineOption host(QStringLiteral("host"),
                                  QStringLiteral("Address to listen on (default 127.0.0.1)."),
                                  QStringLiteral("ADDRESS"), parsed.options.host);
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Port to listen on; 0 picks a free one."),
                                  QStringLiteral("PORT"), QStringLiteral("0"));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QStringLiteral(
            "Keep the store in DIR/store.json (loaded if present, else seeded). Default: memory only."),
        QStringLiteral("DIR"));
    const QCommandLineOption seed(
        QStringLiteral("seed"),
        QStringLiteral("Initial data: demo (apps, versions, builds) or empty. Default demo."),
        QStringLiteral("demo|empty"), parsed.options.seed);
    const QCommandLineOption buildsCount(
        QStringLiteral("builds-count"),
        QStringLiteral(
            "Add an app (bundle id com.ascend.demo.benchmark) with exactly N builds, for benchmarks."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption generateKey(
        QStringLiteral("generate-key"),
        QStringLiteral("Create a P-256 API key, write DIR/AuthKey_<KEYID>.p8 (mode 0600) and accept it."),
        QStringLiteral("DIR"));
    const QCommandLineOption apiKey(QStringLiteral("api-key"),
                                    QStringLiteral("Accept a team key (repeatable)."),
                                    QStringLiteral("KEYID:ISSUERID:PUBLIC_KEY_PEM_FILE"));
    const QCommandLineOption individualKey(
        QStringLiteral("individual-key"),
        QStringLiteral("Accept an individual key (sub \"user\"; repeatable)."),
        QStringLiteral("KEYID:PUBLIC_KEY_PEM_FILE"));
    const QCommandLineOption record(
        QStringLiteral("record"),
        QStringLiteral("Append one JSON line per exchange to FILE (Authorization redacted)."),
        QStringLiteral("FILE"));
    const QCommandLineOption faultRate(
        QStringLiteral("fault-rate"),
        QStringLiteral("Answer this fraction (0..1) of API requests with 500 or 503."), QStringLiteral("F"),
        QStringLiteral("0"));
    const QCommandLineOption latency(QStringLiteral("latency-ms"),
                                     QStringLiteral("Delay every response by N milliseconds."),
                                     QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption rateLimit(
        QStringLiteral("rate-limit"),
        QStringLiteral("Requests per rolling hour per key before 429 RATE_LIMIT_EXCEEDED (default 3600)."),
        QStringLiteral("N"), QStringLiteral("3600"));
    const QCommandLineOption exitWithStdin(QStringLiteral("exit-with-stdin"),
                                           QStringLiteral("Exit when standard input reaches end of file."));
    const QCommandLineOption partSize(QStringLiteral("part-size"),
                                      QStringLiteral("Bytes per build upload part (default 10485760)."),
                                      QStringLiteral("BYTES"), QStringLiteral("10485760"));
    const QCommandLineOption processingSeconds(
        QStringLiteral("processing-seconds"),
        QStringLiteral("Seconds a committed build upload stays PROCESSING (default 3)."), QStringLiteral("S"),
        QStringLiteral("3"));
    const QCommandLineOption partFaultRate(
        QStringLiteral("part-fault-rate"),
        QStringLiteral("Make this fraction (0..1) of part uploads fail, as --part-fault-kinds says."),
        QStringLiteral("F"), QStringLiteral("0"));
    const QCommandLineOption partFaultKinds(
        QStringLiteral("part-fault-kinds"),
        QStringLiteral("What a part fault is, one picked per fault from this comma list: 500, 503 (error "
                       "answers), reset (the connection drops when half of the body has arrived), stall "
                       "(no answer until the client times out; reset after 60 s). Default 500,503."),
        QStringLiteral("LIST"), QStringLiteral("500,503"));
    const QCommandLineOption partBandwidth(
        QStringLiteral("part-bandwidth"),
        QStringLiteral("Throttle each part upload to this many bytes per second (0 = unlimited)."),
        QStringLiteral("BYTES_PER_S"), QStringLiteral("0"));
    const QCommandLineOption partLatency(QStringLiteral("part-latency-ms"),
                                         QStringLiteral("Add N milliseconds to every part upload."),
                                         QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption operationTtl(
        QStringLiteral("operation-ttl-seconds"),
        QStringLiteral("Lifetime of upload operation URLs (default 604800, a week)."), QStringLiteral("S"),
        QStringLiteral("604800"));
    parser.addOptions({help, version, host, port, dataDir, seed, buildsCount, generateKey, apiKey,
                       individualKey, record, faultRate, latency, rateLimit, exitWithStdin});
    parser.addOptions({partSize, processingSeconds, partFaultRate, partFaultKinds, partBandwidth, partLatency,
                       operationTtl});
    const QCommandLineOption reviewSeconds(
        QStringLiteral("review-seconds"),
        QStringLiteral("Seconds each Beta App Review step takes (WAITING_FOR_REVIEW, IN_REVIEW; default 5)."),
        QStringLiteral("S"), QStringLiteral("5"));
    const QCommandLineOption reviewRejectRate(
        QStringLiteral("review-reject-rate"),
        QStringLiteral("Fraction (0..1) of Beta App Reviews that end REJECTED (default 0)."),
        QStringLiteral("F"), QStringLiteral("0"));
    parser.addOptions({reviewSeconds, reviewRejectRate});
    const QCommandLineOption feedbackScreenshots(
        QStringLiteral("feedback-screenshots"),
        QStringLiteral("Seed N screenshot feedback submissions for the first app (demo default %1).")
            .arg(DemoFeedbackScreenshots),
        QStringLiteral("N"));
    const QCommandLineOption feedbackCrashes(
        QStringLiteral("feedback-crashes"),
        QStringLiteral("Seed N crash feedback submissions for the first app (demo default %1).")
            .arg(DemoFeedbackCrashes),
        QStringLiteral("N"));
    const QCommandLineOption feedbackCount(
        QStringLiteral("feedback-count"),
        QStringLiteral("Seed N feedback submissions for the first app: 1/5 screenshots, 4/5 crashes."),
        QStringLiteral("N"));
    const QCommandLineOption feedbackEvery(
        QStringLiteral("feedback-every"),
        QStringLiteral(
            "Every S seconds a tester sends new feedback (screenshot and crash in turn), published as "
            "BETA_FEEDBACK_*_SUBMISSION_CREATED (default 0 = never)."),
        QStringLiteral("S"), QStringLiteral("0"));
    const QCommandLineOption screenshotUrlTtl(
        QStringLiteral("screenshot-url-ttl-seconds"),
        QStringLiteral("Lifetime of feedback screenshot URLs; expired ones answer 403 (default 900)."),
        QStringLiteral("S"), QStringLiteral("900"));
    parser.addOptions({feedbackScreenshots, feedbackCrashes, feedbackCount, feedbackEvery, screenshotUrlTtl});
    parsed.helpText = parser.helpText();

    if (!parser.parse(arguments)) {
        parsed.error = parser.errorText();
        return parsed;
    }
    if (!parser.positionalArguments().isEmpty()) {
        parsed.error = QStringLiteral("unexpected argument: %1").arg(parser.positionalArguments().first());
        return parsed;
    }
    parsed.helpRequested = parser.isSet(help);
    parsed.versionRequested = parser.isSet(version);

    SimOptions &options = parsed.options;
    options.host = parser.value(host);
    bool ok = false;
    const uint portValue = parser.value(port).toUInt(&ok);
    if (!ok || portValue > 65535) {
        parsed.error =
            QStringLiteral("--port expects a number from 0 to 65535, got '%1'").arg(parser.value(port));
        return parsed;
    }
    options.port = quint16(portValue);
    options.dataDir = parser.value(dataDir);
    options.seed = parser.value(seed);
    if (options.seed != QLatin1String("demo") && options.seed != QLatin1String("empty")) {
        parsed.error = QStringLiteral("--seed expects demo or empty, got '%1'").arg(options.seed);
        return parsed;
    }
    options.buildsCount = parser.value(buildsCount).toInt(&ok);
    if (!ok || options.buildsCount < 0 || options.buildsCount > 1000000) {
        parsed.error = QStringLiteral("--builds-count expects a number from 0 to 1000000, got '%1'")
                           .arg(parser.value(buildsCount));
        return parsed;
    }
    options.generateKeyDir = parser.value(generateKey);
    options.apiKeys = parser.values(apiKey);
    options.individualKeys = parser.values(individualKey);
    options.recordPath = parser.value(record);
    options.faultRate = parser.value(faultRate).toDouble(&ok);
    if (!ok || options.faultRate < 0.0 || options.faultRate > 1.0) {
        parsed.error = QStringLiteral("--fault-rate expects a fraction from 0 to 1, got '%1'")
                           .arg(parser.value(faultRate));
        return parsed;
    }
    options.latencyMs = parser.value(latency).toInt(&ok);
    if (!ok || options.latencyMs < 0) {
        parsed.error =
            QStringLiteral("--latency-ms expects a non-negative number, got '%1'").arg(parser.value(latency));
        return parsed;
    }
    options.rateLimit = parser.value(rateLimit).toInt(&ok);
    if (!ok || options.rateLimit < 1) {
        parsed.error =
            QStringLiteral("--rate-limit expects a positive number, got '%1'").arg(parser.value(rateLimit));
        return parsed;
    }
    options.exitWithStdin = parser.isSet(exitWithStdin);
    options.partSize = parser.value(partSize).toLongLong(&ok);
    if (!ok || options.partSize < 1) {
        parsed.error = QStringLiteral("--part-size expects a positive number of bytes, got '%1'")
                           .arg(parser.value(partSize));
        return parsed;
    }
    options.processingSeconds = parser.value(processingSeconds).toInt(&ok);
    if (!ok || options.processingSeconds < 0) {
        parsed.error = QStringLiteral("--processing-seconds expects a non-negative number, got '%1'")
                           .arg(parser.value(processingSeconds));
        return parsed;
    }
    options.partFaultRate = parser.value(partFaultRate).toDouble(&ok);
    if (!ok || options.partFaultRate < 0.0 || options.partFaultRate > 1.0) {
        parsed.error = QStringLiteral("--part-fault-rate expects a fraction from 0 to 1, got '%1'")
                           .arg(parser.value(partFaultRate));
        return parsed;
    }
    QString kindsError;
    const auto kinds = parseFaultKinds(parser.value(partFaultKinds), &kindsError);
    if (!kinds) {
        parsed.error = QStringLiteral("--part-fault-kinds: %1").arg(kindsError);
        return parsed;
    }
    options.partFaultKinds = *kinds;
    options.partBandwidth = parser.value(partBandwidth).toLongLong(&ok);
    if (!ok || options.partBandwidth < 0) {
        parsed.error = QStringLiteral("--part-bandwidth expects a non-negative number, got '%1'")
                           .arg(parser.value(partBandwidth));
        return parsed;
    }
    options.partLatencyMs = parser.value(partLatency).toInt(&ok);
    if (!ok || options.partLatencyMs < 0) {
        parsed.error = QStringLiteral("--part-latency-ms expects a non-negative number, got '%1'")
                           .arg(parser.value(partLatency));
        return parsed;
    }
    options.operationTtlSeconds = parser.value(operationTtl).toInt(&ok);
    if (!ok || options.operationTtlSeconds < 1) {
        parsed.error = QStringLiteral("--operation-ttl-seconds expects a positive number, got '%1'")
                           .arg(parser.value(operationTtl));
        return parsed;
    }
    options.reviewSeconds = parser.value(reviewSeconds).toInt(&ok);
    if (!ok || options.reviewSeconds < 0) {
        parsed.error = QStringLiteral("--review-seconds expects a non-negative number, got '%1'")
                           .arg(parser.value(reviewSeconds));
        return parsed;
    }
    options.reviewRejectRate = parser.value(reviewRejectRate).toDouble(&ok);
    if (!ok || options.reviewRejectRate < 0.0 || options.reviewRejectRate > 1.0) {
        parsed.error = QStringLiteral("--review-reject-rate expects a fraction from 0 to 1, got '%1'")
                           .arg(parser.value(reviewRejectRate));
        return parsed;
    }
    // Counts: absent = -1 (the seed's default).
    const auto count = [&](const QCommandLineOption &option, int *out) {
        if (!parser.isSet(option))
            return true;
        bool valid = false;
        *out = parser.value(option).toInt(&valid);
        if (!valid || *out < 0 || *out > 1000000) {
            parsed.error = QStringLiteral("--%1 expects a number from 0 to 1000000, got '%2'")
                               .arg(option.names().first(), parser.value(option));
            return false;
        }
        return true;
    };
    if (!count(feedbackScreenshots, &options.feedbackScreenshots) ||
        !count(feedbackCrashes, &options.feedbackCrashes) || !count(feedbackCount, &options.feedbackCount))
        return parsed;
    options.feedbackEverySeconds = parser.value(feedbackEvery).toInt(&ok);
    if (!ok || options.feedbackEverySeconds < 0) {
        parsed.error = QStringLiteral("--feedback-every expects a non-negative number of seconds, got '%1'")
                           .arg(parser.value(feedbackEvery));
        return parsed;
    }
    options.screenshotUrlTtlSeconds = parser.value(screenshotUrlTtl).toInt(&ok);
    if (!ok || options.screenshotUrlTtlSeconds < 1) {
        parsed.error = QStringLiteral("--screenshot-url-ttl-seconds expects a positive number, got '%1'")
                           .arg(parser.value(screenshotUrlTtl));
        return parsed;
    }
    return parsed;
}

} // namespace ascend::sim

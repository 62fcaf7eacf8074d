#include "sim/simoptions.h"

#include <QCommandLineParser>

namespace ascend::sim {

ParsedOptions parseSimOptions(const QStringList &arguments) {
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
    parser.addOptions({help, version, host, port, dataDir, seed, buildsCount, generateKey, apiKey,
                       individualKey, record, faultRate, latency, rateLimit, exitWithStdin});
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
    return parsed;
}

} // namespace ascend::sim

#pragma once
// A loopback HTTP server for the feedback tests that plays both App Store Connect and the image host:
//   GET /v1/betaFeedbackScreenshotSubmissions/{id} and /v1/betaFeedbackCrashSubmissions/{id}: the submission,
//       its screenshot links signed anew each time ("gen"), with an expirationDate ttlSeconds ahead;
//   GET /v1/betaFeedbackCrashSubmissions/{id}/crashLog: the crash log (betaCrashLogs);
//   GET /img/{id}/{n}.png|jpg?gen=…: the image, or 403 with S3's XML error when the link is outdated.
// Requests are counted, and concurrent image requests measured.

#include "core/api/betafeedback.h"
#include "core/auth/tokensource.h"
#include "core/http/httpserver.h"
#include "core/jsonapi/datetime.h"

#include <QBuffer>
#include <QHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QTimer>

namespace ascend::testing {

class StaticToken : public auth::TokenSource {
public:
    QByteArray bearerToken() override { return "test-token"; }
    void invalidate() override {}
    QString errorString() const override { return {}; }
};

inline QByteArray encodedImage(const char *format, QColor color)
{
    QImage image(60, 120, QImage::Format_RGB32);
    image.fill(color);
    QPainter painter(&image);
    painter.drawText(image.rect(), Qt::AlignCenter, QStringLiteral("Hi"));
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

// A text crash report in Apple's layout, trimmed.
inline QString sampleCrashText()
{
    return QStringLiteral(
        "Incident Identifier: 6C2B5F0E-1D44-4A8A-9C1B-2F0E5D7A9B31\n"
        "Hardware Model:      iPhone15,2\n"
        "Process:             LumenNotes [4121]\n"
        "Identifier:          com.example.lumen\n"
        "Version:             4.2 (318)\n"
        "Code Type:           ARM-64 (Native)\n"
        "OS Version:          iPhone OS 17.4.1 (21E236)\n"
        "\n"
        "Exception Type:  EXC_BAD_ACCESS (SIGSEGV)\n"
        "Exception Subtype: KERN_INVALID_ADDRESS at 0x0000000000000010\n"
        "Exception Codes: 0x0000000000000001, 0x0000000000000010\n"
        "Triggered by Thread:  0\n"
        "\n"
        "Thread 0 name:  Dispatch queue: com.apple.main-thread\n"
        "Thread 0 Crashed:\n"
        "0   LumenNotes                    0x0000000102a4c1f4 NoteExporter.export(_:) + 212\n"
        "1   LumenNotes                    0x0000000102a4b9a0 ExportButton.tapped() + 64\n"
        "2   UIKitCore                     0x00000001a1c2d3e4 -[UIApplication sendAction:to:from:forEvent:] "
        "+ 100\n"
        "\n"
        "Thread 1:\n"
        "0   libsystem_kernel.dylib        0x00000001f0a1b2c4 __workq_kernreturn + 8\n"
        "\n"
        "Binary Images:\n"
        "       0x102a00000 -        0x102bfffff LumenNotes arm64  <5f0e1d444a8a9c1b2f0e5d7a9b316c2b>\n");
}

// A JSON (.ips) report: a one-line header, then the body.
inline QString sampleCrashIps()
{
    return QStringLiteral(
        "{\"app_name\":\"LumenNotes\",\"bug_type\":\"309\",\"os_version\":\"iPhone OS 17.4.1 (21E236)\"}\n"
        "{\n"
        "  \"exception\" : {\"type\" : \"EXC_CRASH\", \"signal\" : \"SIGABRT\"},\n"
        "  \"faultingThread\" : 0,\n"
        "  \"threads\" : [\n"
        "    {\"triggered\" : true, \"id\" : 1, \"frames\" : [{\"imageOffset\" : 1234, \"imageIndex\" : "
        "0}]}\n"
        "  ],\n"
        "  \"usedImages\" : [{\"name\" : \"LumenNotes\", \"base\" : 4339007488}]\n"
        "}\n");
}

class FeedbackServer : public http::RequestHandler {
public:
    struct Submission {
        api::FeedbackKind kind = api::FeedbackKind::Screenshot;
        int images = 2;
        int generation = 1;
        int ttlSeconds = 900;     // expirationDate handed out with each link
        bool deleted = false;     // GET → 404
        bool forbidden = false;   // every image request → 403, whatever the link
        bool html = false;        // images answer 200 with an HTML page
        bool mislabelled = false; // JPEG bytes labelled image/png
        QString crashLog;         // crash submissions; empty: the crash log answers 404
        QString comment = QStringLiteral("look at this");
        QString created = QStringLiteral("2025-03-14T09:26:53Z");
    };

    QHash<QString, Submission> submissions;
    int imageDelayMs = 0;
    int imageRequests = 0;
    int submissionRequests = 0;
    int crashLogRequests = 0;
    int inFlight = 0;
    int maxInFlight = 0;
    QByteArray png = encodedImage("PNG", Qt::darkCyan);
    QByteArray jpeg = encodedImage("JPEG", Qt::darkMagenta);
    quint16 port = 0;

    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(port); }

    QJsonObject resource(const QString &id) const
    {
        const Submission &s = submissions.value(id);
        QJsonObject attributes{{QStringLiteral("createdDate"), s.created},
                               {QStringLiteral("comment"), s.comment},
                               {QStringLiteral("deviceModel"), QStringLiteral("iPhone15_2")},
                               {QStringLiteral("osVersion"), QStringLiteral("17.4.1")},
                               {QStringLiteral("batteryPercentage"), 64},
                               {QStringLiteral("connectionType"), QStringLiteral("WIFI")},
                               {QStringLiteral("deviceFamily"), QStringLiteral("IPHONE")},
                               {QStringLiteral("devicePlatform"), QStringLiteral("IOS")}};
        QJsonObject relationships{
            {QStringLiteral("build"),
             QJsonObject{
                 {QStringLiteral("data"), QJsonObject{{QStringLiteral("type"), QStringLiteral("builds")},
                                                      {QStringLiteral("id"), QStringLiteral("b1")}}}}}};
        if (s.kind == api::FeedbackKind::Screenshot) {
            QJsonArray screenshots;
            for (int i = 0; i < s.images; ++i) {
                const QString ext = i % 2 == 0 ? QStringLiteral("png") : QStringLiteral("jpg");
                screenshots.append(QJsonObject{
                    {QStringLiteral("url"), QStringLiteral("%1/img/%2/%3.%4?gen=%5&signature=ab%2Fcd")
                                                .arg(base(), id)
                                                .arg(i)
                                                .arg(ext)
                                                .arg(s.generation)},
                    {QStringLiteral("width"), 60},
                    {QStringLiteral("height"), 120},
                    {QStringLiteral("expirationDate"),
                     jsonapi::formatDateTime(QDateTime::currentDateTimeUtc().addSecs(s.ttlSeconds))}});
            }
            attributes.insert(QStringLiteral("screenshots"), screenshots);
        } else {
            relationships.insert(
                QStringLiteral("crashLog"),
                QJsonObject{{QStringLiteral("links"),
                             QJsonObject{{QStringLiteral("related"),
                                          QStringLiteral("%1/v1/betaFeedbackCrashSubmissions/%2/crashLog")
                                              .arg(base(), id)}}}});
        }
        return QJsonObject{{QStringLiteral("type"), api::feedbackResourceType(s.kind)},
                           {QStringLiteral("id"), id},
                           {QStringLiteral("attributes"), attributes},
                           {QStringLiteral("relationships"), relationships}};
    }

    // The submission as a client last saw it: links of the current generation, expiring in expiresIn seconds.
    api::FeedbackSubmission item(const QString &id, int expiresInSeconds = 900)
    {
        Submission &s = submissions[id];
        const int ttl = std::exchange(s.ttlSeconds, expiresInSeconds);
        const auto parsed = jsonapi::Resource::fromJson(resource(id));
        s.ttlSeconds = ttl;
        auto submission = api::FeedbackSubmission::fromResource(*parsed);
        submission->buildVersion = QStringLiteral("42");
        submission->testerName = QStringLiteral("Ana Lima");
        return *submission;
    }

    static http::HttpResponse notFound()
    {
        return http::HttpResponse::json(
            404, "{\"errors\":[{\"status\":\"404\",\"code\":\"NOT_FOUND\",\"title\":\"The specified resource "
                 "does not exist\",\"detail\":\"There is no resource with this id.\"}]}");
    }

    void handle(const http::HttpRequest &request, http::Responder respond) override
    {
        const QStringList parts = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (parts.size() >= 3 && parts.at(0) == QLatin1String("v1")) {
            if (request.header("Authorization") != "Bearer test-token") {
                respond(http::HttpResponse::json(401, "{\"errors\":[{\"status\":\"401\",\"code\":\"NOT_"
                                                      "AUTHORIZED\",\"title\":\"no\",\"detail\":\"no\"}]}"));
                return;
            }
            Submission *s = submissions.contains(parts.at(2)) ? &submissions[parts.at(2)] : nullptr;
            if (parts.size() == 4 && parts.at(3) == QLatin1String("crashLog")) {
                ++crashLogRequests;
                if (!s || s->deleted || s->crashLog.isEmpty()) {
                    respond(notFound());
                    return;
                }
                const QJsonObject log{
                    {QStringLiteral("type"), QStringLiteral("betaCrashLogs")},
                    {QStringLiteral("id"), parts.at(2) + QStringLiteral("-log")},
                    {QStringLiteral("attributes"), QJsonObject{{QStringLiteral("logText"), s->crashLog}}}};
                respond(http::HttpResponse::json(
                    200, QJsonDocument(QJsonObject{{QStringLiteral("data"), log},
                                                   {QStringLiteral("links"),
                                                    QJsonObject{{QStringLiteral("self"), base()}}}})
                             .toJson(QJsonDocument::Compact)));
                return;
            }
            ++submissionRequests;
            if (!s || s->deleted || parts.size() != 3) {
                respond(notFound());
                return;
            }
            ++s->generation;
            const QJsonObject document{
                {QStringLiteral("data"), resource(parts.at(2))},
                {QStringLiteral("links"), QJsonObject{{QStringLiteral("self"), base()}}}};
            respond(http::HttpResponse::json(200, QJsonDocument(document).toJson(QJsonDocument::Compact)));
            return;
        }
        if (parts.size() == 3 && parts.at(0) == QLatin1String("img")) {
            ++imageRequests;
            if (!request.header("Authorization").isEmpty()) {
                respond(http::HttpResponse::text(400, "credentials sent to the image host"));
                return;
            }
            ++inFlight;
            maxInFlight = std::max(maxInFlight, inFlight);
            const QString id = parts.at(1);
            const int generation = request.query.queryItemValue(QStringLiteral("gen")).toInt();
            const bool isPng = parts.at(2).endsWith(QLatin1String(".png"));
            auto answer = [this, id, generation, isPng, respond] {
                --inFlight;
                const Submission s = submissions.value(id);
                http::HttpResponse response;
                if (s.forbidden || s.deleted || generation != s.generation) {
                    response.status = 403;
                    response.setHeader("Content-Type", "application/xml");
                    response.body =
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code>"
                        "<Message>Request has expired</Message></Error>";
                } else if (s.html) {
                    response.setHeader("Content-Type", "text/html");
                    response.body = "<html><body>Sign in to continue</body></html>";
                } else if (s.mislabelled) {
                    response.setHeader("Content-Type", "image/png");
                    response.body = jpeg;
                } else {
                    response.setHeader("Content-Type", isPng ? "image/png" : "image/jpeg");
                    response.body = isPng ? png : jpeg;
                }
                respond(response);
            };
            if (imageDelayMs > 0)
                QTimer::singleShot(imageDelayMs, answer);
            else
                answer();
            return;
        }
        respond(http::HttpResponse::text(404, "not here"));
    }
};

} // namespace ascend::testing

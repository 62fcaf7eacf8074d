#pragma once
// A RequestHandler whose behaviour each test sets with lambdas; it keeps a copy of every request it saw.

#include "core/http/httpmessage.h"

#include <functional>

class TestHandler : public ascend::http::RequestHandler {
public:
    std::function<ascend::http::HeadDecision(const ascend::http::HttpRequest &)> onHead;
    std::function<void(const ascend::http::HttpRequest &, ascend::http::Responder)> onRequest;
    QList<ascend::http::HttpRequest> heads;
    QList<ascend::http::HttpRequest> requests;

    ascend::http::HeadDecision inspectHead(const ascend::http::HttpRequest &head) override
    {
        heads.append(head);
        return onHead ? onHead(head) : ascend::http::HeadDecision{};
    }

    void handle(const ascend::http::HttpRequest &request, ascend::http::Responder respond) override
    {
        requests.append(request);
        if (onRequest) {
            onRequest(request, std::move(respond));
            return;
        }
        respond(ascend::http::HttpResponse::text(200, request.method + ' ' + request.path.toUtf8() + ' ' +
                                                          QByteArray::number(request.bodyLength)));
    }
};

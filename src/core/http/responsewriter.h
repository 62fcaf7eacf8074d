#pragma once
// Turns an HttpResponse into the bytes sent on the wire.

#include "core/http/httpmessage.h"

#include <QByteArray>

namespace ascend::http {

struct ResponseFraming {
    bool headRequest = false; // HEAD: headers (with the would-be Content-Length) but no body
    bool closeConnection = false;
    bool http10KeepAlive = false; // an HTTP/1.0 client asked for keep-alive and gets it
};

// Standard reason phrase for a status ("Payload Too Large" for 413); a generic one for unknown codes.
QByteArray reasonPhrase(int status);

// The IMF-fixdate form required for the Date header: "Sun, 06 Nov 1994 08:49:37 GMT".
QByteArray httpDate();

// Status line, the handler's headers (minus the ones the server owns: Content-Length, Date, Connection,
// Transfer-Encoding; headers with CR/LF in them are dropped), then the server's headers and the body.
QByteArray serializeResponse(const HttpResponse &response, const ResponseFraming &framing);

// True when the handler's headers ask for the connection to be closed after this response.
bool responseRequestsClose(const HttpResponse &response);

} // namespace ascend::http

#pragma once
// The body of a non-idempotent request (POST, PATCH). Qt's HTTP layer silently resends a request
// whose connection closed before any response if it can rewind the body; this device can only be
// rewound while nothing has been read from it, so a body that may have reached the server is never
// sent twice behind the retry policy's back (Qt then reports ContentReSendError instead).

#include <QByteArray>
#include <QIODevice>

namespace ascend::api {

class SingleUseBody : public QIODevice {
    Q_OBJECT

public:
    explicit SingleUseBody(const QByteArray &data, QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    bool atEnd() const override;
    bool reset() override;

    // Whether any byte was handed to the network layer.
    bool wasRead() const { return m_offset > 0; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_offset = 0;
};

} // namespace ascend::api

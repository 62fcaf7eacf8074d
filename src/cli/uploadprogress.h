#pragma once
// Upload progress on stderr: a redrawn bar on a terminal, one plain line per event otherwise (logs, CI).

#include <QElapsedTimer>
#include <QString>
#include <QTextStream>

namespace ascend::upload {
class BuildUploadJob;
}

namespace ascend::cli {

class UploadProgress {
public:
    UploadProgress(QTextStream &err, bool terminal);
    void attach(upload::BuildUploadJob *job);

    static QString formatBytes(double bytes);
    static QString formatEta(qint64 seconds);

private:
    void line(const QString &text);
    void drawBar(bool force);

    QTextStream &m_err;
    bool m_terminal;
    upload::BuildUploadJob *m_job = nullptr;
    QElapsedTimer m_lastDraw;
    int m_partsDone = 0;
    int m_partCount = 0;
    bool m_barShown = false;
    QString m_lastServerState;
};

} // namespace ascend::cli

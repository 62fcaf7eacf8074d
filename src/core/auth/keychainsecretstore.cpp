#include "core/auth/keychainsecretstore.h"

#include <QEventLoop>
#include <QLocale>
#include <QTimer>
#include <functional>
#include <qt6keychain/keychain.h>

namespace ascend::auth {

namespace {

struct JobOutcome {
    QKeychain::Error error = QKeychain::OtherError;
    QString message;
};

// Runs a qtkeychain job to completion (or timeout) and reports its outcome; onFinished sees the finished
// job before it is released. Takes ownership of job.
JobOutcome runJob(QKeychain::Job *job, int timeoutMs,
                  const std::function<void(QKeychain::Job *)> &onFinished = {})
{
    if (!QCoreApplication::instance()) {
        delete job;
        return {QKeychain::OtherError,
                QStringLiteral("no Qt application object, so no event loop to wait in")};
    }
    job->setAutoDelete(false);
    bool done = false;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&done, &loop] {
        done = true;
        loop.quit();
    });
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    job->start();
    if (!done) { // some backends finish inside start()
        timer.start(timeoutMs);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    if (!done) {
        // The job may still answer later; let it clean up after itself then.
        QObject::disconnect(job, nullptr, &loop, nullptr);
        job->setAutoDelete(true);
        return {QKeychain::OtherError,
                KeychainSecretStore::tr("no answer within %1 s").arg(QLocale().toString(timeoutMs / 1000.0))};
    }
    JobOutcome outcome{job->error(), job->errorString()};
    if (onFinished)
        onFinished(job);
    job->deleteLater();
    return outcome;
}

QString unavailable(const JobOutcome &outcome)
{
    return KeychainSecretStore::tr("The system keychain is not available: %1 (qtkeychain error %2).")
        .arg(outcome.message.isEmpty() ? KeychainSecretStore::tr("no details") : outcome.message)
        .arg(int(outcome.error));
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, int timeoutMs)
    : m_service(std::move(service))
    , m_timeoutMs(timeoutMs)
{}

bool KeychainSecretStore::write(const QString &key, const QByteArray &secret, QString *error)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setBinaryData(secret);
    const JobOutcome outcome = runJob(job, m_timeoutMs);
    if (outcome.error != QKeychain::NoError) {
        if (error)
            *error = unavailable(outcome);
        return false;
    }
    return true;
}

std::optional<QByteArray> KeychainSecretStore::read(const QString &key, QString *error)
{
    if (error)
        error->clear();
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    QByteArray data;
    const JobOutcome outcome = runJob(job, m_timeoutMs, [&data](QKeychain::Job *finished) {
        data = static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData();
    });
    if (outcome.error == QKeychain::NoError)
        return data;
    if (outcome.error != QKeychain::EntryNotFound && error)
        *error = unavailable(outcome);
    return std::nullopt;
}

bool KeychainSecretStore::remove(const QString &key, QString *error)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    const JobOutcome outcome = runJob(job, m_timeoutMs);
    if (outcome.error != QKeychain::NoError && outcome.error != QKeychain::EntryNotFound) {
        if (error)
            *error = unavailable(outcome);
        return false;
    }
    return true;
}

QString KeychainSecretStore::backendDescription() const
{
    return tr("the system keychain (service “%1”)").arg(m_service);
}

} // namespace ascend::auth

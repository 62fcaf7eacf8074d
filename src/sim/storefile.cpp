#include "sim/storefile.h"

#include "sim/store.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace ascend::sim {

StoreFile::StoreFile(QString directory)
    : m_directory(std::move(directory))
{}

QString StoreFile::path() const
{
    return QDir(m_directory).filePath(QStringLiteral("store.json"));
}

bool StoreFile::exists() const
{
    return QFile::exists(path());
}

bool StoreFile::load(Store &store, QString *error) const
{
    QFile file(path());
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path(), file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = QStringLiteral("%1 is not valid JSON: %2").arg(path(), parseError.errorString());
        return false;
    }
    QString loadError;
    if (!store.loadJson(document.object(), &loadError)) {
        *error = QStringLiteral("%1: %2").arg(path(), loadError);
        return false;
    }
    return true;
}

bool StoreFile::save(const Store &store, QString *error) const
{
    if (!QDir().mkpath(m_directory)) {
        *error = QStringLiteral("cannot create the data folder %1").arg(m_directory);
        return false;
    }
    QSaveFile file(path());
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path(), file.errorString());
        return false;
    }
    file.write(QJsonDocument(store.toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path(), file.errorString());
        return false;
    }
    return true;
}

} // namespace ascend::sim

#pragma once
// Persists a Store as one JSON document (written atomically) in the --data-dir folder.

#include <QString>

namespace ascend::sim {

class Store;

class StoreFile {
public:
    explicit StoreFile(QString directory);

    QString path() const;
    bool exists() const;
    bool load(Store &store, QString *error) const;
    bool save(const Store &store, QString *error) const;

private:
    QString m_directory;
};

} // namespace ascend::sim

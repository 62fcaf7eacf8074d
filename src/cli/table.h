#pragma once
// Plain-text tables for terminal output: columns padded to their widest cell.

#include <QStringList>
#include <QTextStream>

namespace ascend::cli {

class Table {
public:
    explicit Table(QStringList headers);
    void addRow(QStringList cells);
    void print(QTextStream &out) const;
    bool isEmpty() const { return m_rows.isEmpty(); }

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};

} // namespace ascend::cli

#include "table.h"

#include <algorithm>

namespace ascend::cli {

Table::Table(QStringList headers)
    : m_headers(std::move(headers))
{}

void Table::addRow(QStringList cells)
{
    while (cells.size() < m_headers.size())
        cells << QString();
    m_rows << cells;
}

void Table::print(QTextStream &out) const
{
    QList<qsizetype> widths;
    for (const QString &header : m_headers)
        widths << header.size();
    for (const QStringList &row : m_rows) {
        for (qsizetype column = 0; column < widths.size(); ++column)
            widths[column] = std::max(widths[column], row.value(column).size());
    }
    const auto printRow = [&](const QStringList &cells) {
        QString line;
        for (qsizetype column = 0; column < widths.size(); ++column) {
            const QString cell = cells.value(column);
            line += column + 1 < widths.size() ? cell.leftJustified(widths[column] + 2) : cell;
        }
        out << line.trimmed() << '\n';
    };
    printRow(m_headers);
    for (const QStringList &row : m_rows)
        printRow(row);
    out.flush();
}

} // namespace ascend::cli

#pragma once
// Tester lists as CSV (RFC 4180: quoted fields, "" inside quotes, CRLF or LF, a UTF-8 BOM tolerated).
// Columns: email, first name, last name, optional groups (separated by ';' inside the field). A header row
// naming "email" is recognised and may order the columns differently. Every row is checked on its own:
// a bad row carries its error and is never half-applied by importers.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ascend::api {

struct TesterCsvRow {
    int line = 0; // 1-based line in the file where the row starts
    QString email;
    QString firstName;
    QString lastName;
    QStringList groups; // group names or ids
    QString error;      // empty when the row is usable

    bool ok() const { return error.isEmpty(); }
};

struct TesterCsv {
    QList<TesterCsvRow> rows;
    bool hadHeader = false;
    QString error; // the whole file is unusable (e.g. an unterminated quote)

    int validCount() const;
};

TesterCsv parseTesterCsv(const QByteArray &bytes);
// Splits CSV text into records of fields; *lines gets each record's starting line. False on an
// unterminated quoted field.
bool splitCsv(const QString &text, QList<QStringList> *records, QList<int> *lines, QString *error);
// email,first name,last name,groups with a header row; fields quoted when needed.
QByteArray writeTesterCsv(const QList<TesterCsvRow> &rows);

} // namespace ascend::api

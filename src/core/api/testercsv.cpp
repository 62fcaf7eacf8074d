#include "core/api/testercsv.h"

#include "core/api/betatesters.h"

#include <QCoreApplication>
#include <QSet>

namespace ascend::api {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ascend::api::TesterCsv)
};

QString quoted(const QString &field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) &&
        !field.contains(QLatin1Char('\n')) && !field.contains(QLatin1Char('\r')) && field.trimmed() == field)
        return field;
    QString escaped = field;
    escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

int columnOf(const QStringList &header, const QStringList &names)
{
    for (int i = 0; i < header.size(); ++i) {
        QString key = header.at(i).trimmed().toLower();
        key.remove(QLatin1Char(' ')).remove(QLatin1Char('_')).remove(QLatin1Char('-'));
        if (names.contains(key))
            return i;
    }
    return -1;
}

} // namespace

int TesterCsv::validCount() const
{
    int n = 0;
    for (const TesterCsvRow &row : rows)
        n += row.ok() ? 1 : 0;
    return n;
}

bool splitCsv(const QString &text, QList<QStringList> *records, QList<int> *lines, QString *error)
{
    QStringList fields;
    QString field;
    bool inQuotes = false;
    bool fieldWasQuoted = false;
    int line = 1;
    int recordLine = 1;
    const auto endRecord = [&] {
        fields.append(field);
        const bool blank = fields.size() == 1 && fields.first().trimmed().isEmpty() && !fieldWasQuoted;
        if (!blank) {
            records->append(fields);
            lines->append(recordLine);
        }
        fields.clear();
        field.clear();
        fieldWasQuoted = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field.append(c);
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field.append(c);
            }
            continue;
        }
        if (c == QLatin1Char('"') && field.trimmed().isEmpty()) {
            inQuotes = true;
            fieldWasQuoted = true;
            field.clear();
        } else if (c == QLatin1Char(',')) {
            fields.append(field);
            field.clear();
        } else if (c == QLatin1Char('\r')) {
            // CRLF or a lone CR ends the record
            endRecord();
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            recordLine = ++line;
        } else if (c == QLatin1Char('\n')) {
            endRecord();
            recordLine = ++line;
        } else {
            field.append(c);
        }
    }
    if (inQuotes) {
        *error = Text::tr("Line %1: a quoted field is never closed.").arg(recordLine);
        return false;
    }
    if (!field.isEmpty() || !fields.isEmpty())
        endRecord();
    return true;
}

TesterCsv parseTesterCsv(const QByteArray &bytes)
{
    TesterCsv result;
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    QList<QStringList> records;
    QList<int> lines;
    if (!splitCsv(text, &records, &lines, &result.error))
        return result;
    int emailColumn = 0, firstColumn = 1, lastColumn = 2, groupsColumn = 3;
    qsizetype start = 0;
    if (!records.isEmpty()) {
        const QStringList &header = records.first();
        const int email = columnOf(header, {QStringLiteral("email"), QStringLiteral("emailaddress")});
        if (email >= 0) {
            result.hadHeader = true;
            start = 1;
            emailColumn = email;
            firstColumn = columnOf(
                header, {QStringLiteral("firstname"), QStringLiteral("first"), QStringLiteral("givenname")});
            lastColumn = columnOf(header, {QStringLiteral("lastname"), QStringLiteral("last"),
                                           QStringLiteral("familyname"), QStringLiteral("surname")});
            groupsColumn = columnOf(header, {QStringLiteral("groups"), QStringLiteral("group")});
        }
    }
    QSet<QString> seen;
    for (qsizetype r = start; r < records.size(); ++r) {
        const QStringList &fields = records.at(r);
        TesterCsvRow row;
        row.line = lines.at(r);
        const auto field = [&fields](int column) {
            return column >= 0 && column < fields.size() ? fields.at(column).trimmed() : QString();
        };
        row.email = field(emailColumn);
        row.firstName = field(firstColumn);
        row.lastName = field(lastColumn);
        for (const QString &group : field(groupsColumn).split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            if (!group.trimmed().isEmpty())
                row.groups.append(group.trimmed());
        }
        const int expected = result.hadHeader ? int(records.first().size()) : 4;
        if (row.email.isEmpty())
            row.error = Text::tr("The email address is missing.");
        else if (!isPlausibleEmail(row.email))
            row.error = Text::tr("\"%1\" is not a valid email address.").arg(row.email);
        else if (fields.size() > expected)
            row.error =
                Text::tr("The row has %1 fields; at most %2 are expected (quote fields that contain commas).")
                    .arg(fields.size())
                    .arg(expected);
        else if (seen.contains(row.email.toLower()))
            row.error = Text::tr("%1 appears more than once in the file.").arg(row.email);
        if (row.ok())
            seen.insert(row.email.toLower());
        result.rows.append(row);
    }
    return result;
}

QByteArray writeTesterCsv(const QList<TesterCsvRow> &rows)
{
    QString out = QStringLiteral("email,first name,last name,groups\r\n");
    for (const TesterCsvRow &row : rows) {
        out += QStringList{quoted(row.email), quoted(row.firstName), quoted(row.lastName),
                           quoted(row.groups.join(QLatin1Char(';')))}
                   .join(QLatin1Char(','));
        out += QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

} // namespace ascend::api

// Tester CSV: header detection and column order, quoting (commas, doubled quotes, line breaks inside
// quotes), CRLF and BOM, blank lines, and rows that are reported instead of half-applied: missing or
// malformed email, too many fields, duplicates, an unterminated quote. Then a write/parse round trip,
// and the Beta App Review pre-checks on assembled builds.

#include "core/api/testercsv.h"
#include "core/api/testflightviews.h"

#include <QtTest>

using namespace ascend::api;

class TestTesterCsv : public QObject {
    Q_OBJECT

private slots:
    void headerlessRows()
    {
        const TesterCsv csv =
            parseTesterCsv("ava@example.com,Ava,Okafor,Public Beta;Core Team\nnoah@example.com,Noah\n");
        QVERIFY(csv.error.isEmpty());
        QVERIFY(!csv.hadHeader);
        QCOMPARE(csv.rows.size(), 2);
        QCOMPARE(csv.rows[0].email, QStringLiteral("ava@example.com"));
        QCOMPARE(csv.rows[0].lastName, QStringLiteral("Okafor"));
        QCOMPARE(csv.rows[0].groups,
                 (QStringList{QStringLiteral("Public Beta"), QStringLiteral("Core Team")}));
        QCOMPARE(csv.rows[1].firstName, QStringLiteral("Noah"));
        QVERIFY(csv.rows[1].lastName.isEmpty());
        QCOMPARE(csv.rows[1].line, 2);
        QCOMPARE(csv.validCount(), 2);
    }

    void headerReordersColumnsAndBomAndCrlf()
    {
        const QByteArray bytes = "\xEF\xBB\xBF"
                                 "Last Name,First Name,Email\r\nOkafor,Ava,ava@example.com\r\n\r\n"
                                 "Tanaka,Kenji,kenji@example.com\r\n";
        const TesterCsv csv = parseTesterCsv(bytes);
        QVERIFY(csv.hadHeader);
        QCOMPARE(csv.rows.size(), 2);
        QCOMPARE(csv.rows[0].email, QStringLiteral("ava@example.com"));
        QCOMPARE(csv.rows[0].firstName, QStringLiteral("Ava"));
        QCOMPARE(csv.rows[0].lastName, QStringLiteral("Okafor"));
        QCOMPARE(csv.rows[1].line, 4); // the blank line is skipped but counted
    }

    void quotedFields()
    {
        const TesterCsv csv = parseTesterCsv("email,first name,last name\n"
                                             "\"ava@example.com\",\"Ava, Jr.\",\"O\"\"Okafor\"\n"
                                             "mia@example.com,\"Mia\nMarie\",Silva\n"
                                             "leo@example.com,Leo,Rossi\n");
        QVERIFY(csv.error.isEmpty());
        QCOMPARE(csv.rows.size(), 3);
        QCOMPARE(csv.rows[0].firstName, QStringLiteral("Ava, Jr."));
        QCOMPARE(csv.rows[0].lastName, QStringLiteral("O\"Okafor"));
        QCOMPARE(csv.rows[1].firstName, QStringLiteral("Mia\nMarie"));
        QCOMPARE(csv.rows[2].line, 5);
        QCOMPARE(csv.validCount(), 3);
    }

    void badRowsAreReportedNotDropped()
    {
        const TesterCsv csv = parseTesterCsv("email,first name,last name,groups\n"
                                             ",No,Email\n"
                                             "not-an-email,Bad,Address\n"
                                             "ava@example.com,Ava,Okafor,Public Beta\n"
                                             "AVA@example.com,Ava,Again\n"
                                             "lena@example.com,Lena,Novak,Beta,extra\n"
                                             "spaces in@example.com,S,P\n"
                                             "ok@example.org,,\n");
        QVERIFY(csv.error.isEmpty());
        QCOMPARE(csv.rows.size(), 7);
        QVERIFY(csv.rows[0].error.contains(QStringLiteral("missing")));
        QVERIFY(csv.rows[1].error.contains(QStringLiteral("not-an-email")));
        QVERIFY(csv.rows[2].ok());
        QVERIFY(csv.rows[3].error.contains(QStringLiteral("more than once")));
        QVERIFY(csv.rows[4].error.contains(QStringLiteral("fields")));
        QVERIFY(!csv.rows[5].ok());
        QVERIFY(csv.rows[6].ok());
        QCOMPARE(csv.validCount(), 2);
        QCOMPARE(csv.rows[4].line, 6);
    }

    void unterminatedQuoteFailsTheFile()
    {
        const TesterCsv csv = parseTesterCsv("ava@example.com,\"Ava,Okafor\n");
        QVERIFY(!csv.error.isEmpty());
        QVERIFY(csv.rows.isEmpty());
    }

    void emptyFileHasNoRows()
    {
        QCOMPARE(parseTesterCsv("").rows.size(), 0);
        QCOMPARE(parseTesterCsv("\n\n").rows.size(), 0);
    }

    void writeThenParseRoundTrips()
    {
        QList<TesterCsvRow> rows;
        TesterCsvRow a;
        a.email = QStringLiteral("ava@example.com");
        a.firstName = QStringLiteral("Ava, \"AJ\"");
        a.lastName = QStringLiteral("Okafor");
        a.groups = {QStringLiteral("Public Beta"), QStringLiteral("Core Team")};
        TesterCsvRow b;
        b.email = QStringLiteral("kenji@example.com");
        rows << a << b;
        const QByteArray written = writeTesterCsv(rows);
        QVERIFY(written.startsWith("email,first name,last name,groups\r\n"));
        const TesterCsv parsed = parseTesterCsv(written);
        QCOMPARE(parsed.rows.size(), 2);
        QCOMPARE(parsed.rows[0].firstName, a.firstName);
        QCOMPARE(parsed.rows[0].groups, a.groups);
        QCOMPARE(parsed.rows[1].email, b.email);
        QVERIFY(parsed.rows[1].groups.isEmpty());
    }

    void betaReviewPreChecks()
    {
        TestFlightBuild row;
        row.build.processingState = ascend::asc::BuildProcessingState::VALID;
        row.build.buildAudienceType = ascend::asc::BuildAudienceType::APP_STORE_ELIGIBLE;
        BetaBuildLocalization notes;
        notes.locale = QStringLiteral("en-US");
        notes.whatsNew = QStringLiteral("Try it");
        row.localizations << notes;
        QVERIFY(betaReviewBlockers(row).isEmpty());

        TestFlightBuild processing = row;
        processing.build.processingState = ascend::asc::BuildProcessingState::PROCESSING;
        QVERIFY(betaReviewBlockers(processing).join(QLatin1Char(' ')).contains(QStringLiteral("VALID")));

        TestFlightBuild noNotes = row;
        noNotes.localizations.first().whatsNew = QStringLiteral("   ");
        QVERIFY(betaReviewBlockers(noNotes).join(QLatin1Char(' ')).contains(QStringLiteral("What to Test")));

        TestFlightBuild submitted = row;
        BetaAppReviewSubmission review;
        review.betaReviewState = ascend::asc::BetaReviewState::IN_REVIEW;
        submitted.review = review;
        QVERIFY(betaReviewBlockers(submitted)
                    .join(QLatin1Char(' '))
                    .contains(QStringLiteral("already submitted")));
        submitted.review->betaReviewState = ascend::asc::BetaReviewState::REJECTED;
        QVERIFY(betaReviewBlockers(submitted).isEmpty());

        TestFlightBuild expired = row;
        expired.build.expired = true;
        QCOMPARE(betaReviewBlockers(expired).size(), 1);
        TestFlightBuild internalOnly = row;
        internalOnly.build.buildAudienceType = ascend::asc::BuildAudienceType::INTERNAL_ONLY;
        QCOMPARE(betaReviewBlockers(internalOnly).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTesterCsv)
#include "tst_testercsv.moc"

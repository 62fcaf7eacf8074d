// Lenient parsing of the X-Rate-Limit header.

#include "core/api/ratelimitstate.h"

#include <QLocale>
#include <QTest>

using ascend::api::RateLimitState;

class TestRateLimitState : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("remaining");
        QTest::addColumn<bool>("valid");

        QTest::newRow("documented") << QByteArray("user-hour-lim:3500;user-hour-rem:500;") << 3500 << 500
                                    << true;
        QTest::newRow("no trailing semicolon")
            << QByteArray("user-hour-lim:3600;user-hour-rem:3599") << 3600 << 3599 << true;
        QTest::newRow("reversed order")
            << QByteArray("user-hour-rem:12;user-hour-lim:3600;") << 3600 << 12 << true;
        QTest::newRow("spaces") << QByteArray("  user-hour-lim : 3600 ;  user-hour-rem:  0 ; ") << 3600 << 0
                                << true;
        QTest::newRow("extra keys")
            << QByteArray("user-minute-lim:100;user-hour-lim:3600;foo;user-hour-rem:42;bar:baz;") << 3600
            << 42 << true;
        QTest::newRow("upper case keys")
            << QByteArray("USER-HOUR-LIM:10;User-Hour-Rem:9;") << 10 << 9 << true;
        QTest::newRow("missing remaining") << QByteArray("user-hour-lim:3600;") << 3600 << -1 << false;
        QTest::newRow("missing limit") << QByteArray("user-hour-rem:7") << -1 << 7 << false;
        QTest::newRow("bad number") << QByteArray("user-hour-lim:lots;user-hour-rem:5;") << -1 << 5 << false;
        QTest::newRow("negative") << QByteArray("user-hour-lim:3600;user-hour-rem:-1;") << 3600 << -1
                                  << false;
        QTest::newRow("empty value") << QByteArray("user-hour-lim:;user-hour-rem:;") << -1 << -1 << false;
        QTest::newRow("empty") << QByteArray() << -1 << -1 << false;
        QTest::newRow("garbage") << QByteArray(";;::;") << -1 << -1 << false;
    }

    void parse()
    {
        QFETCH(QByteArray, header);
        QFETCH(int, limit);
        QFETCH(int, remaining);
        QFETCH(bool, valid);
        const RateLimitState state = RateLimitState::parse(header);
        QCOMPARE(state.limit, limit);
        QCOMPARE(state.remaining, remaining);
        QCOMPARE(state.valid, valid);
        QCOMPARE(state.hasAnyValue(), limit >= 0 || remaining >= 0);
    }

    void display()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(RateLimitState::parse("user-hour-lim:3600;user-hour-rem:3412;").toDisplayString(),
                 QStringLiteral("3,412 of 3,600 requests left this hour"));
        QCOMPARE(RateLimitState::parse("user-hour-rem:12").toDisplayString(),
                 QStringLiteral("12 requests left this hour"));
        QCOMPARE(RateLimitState().toDisplayString(), QStringLiteral("API budget unknown"));
    }
};

QTEST_GUILESS_MAIN(TestRateLimitState)
#include "tst_ratelimitstate.moc"

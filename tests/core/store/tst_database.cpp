#include "core/store/database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using ascend::store::Database;
using ascend::store::Durability;

class TestDatabase : public QObject {
    Q_OBJECT

private slots:
    void migratesOnceAndKeepsData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/ascend.sqlite"));
        const QStringList migrations = {
            QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"),
            QStringLiteral("ALTER TABLE items ADD COLUMN note TEXT; CREATE INDEX items_name ON items(name)"),
        };
        QString error;
        {
            Database db;
            QVERIFY2(db.open(path, Durability::Full, &error), qPrintable(error));
            QVERIFY2(db.migrate(migrations, &error), qPrintable(error));
            QVERIFY(db.exec(QStringLiteral("INSERT INTO items (name, note) VALUES ('a', 'b')"), &error));
        }
        Database again;
        QVERIFY2(again.open(path, Durability::Normal, &error), qPrintable(error));
        QVERIFY2(again.migrate(migrations, &error), qPrintable(error)); // nothing left to apply
        QSqlQuery query(again.connection());
        QVERIFY(query.exec(QStringLiteral("SELECT name, note FROM items")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("a"));
        QCOMPARE(query.value(1).toString(), QStringLiteral("b"));
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
    }

    void refusesANewerSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("db.sqlite"));
        QString error;
        {
            Database db;
            QVERIFY(db.open(path, Durability::Normal, &error));
            QVERIFY(db.migrate({QStringLiteral("CREATE TABLE a (x)"), QStringLiteral("CREATE TABLE b (x)")},
                               &error));
        }
        Database older;
        QVERIFY(older.open(path, Durability::Normal, &error));
        QVERIFY(!older.migrate({QStringLiteral("CREATE TABLE a (x)")}, &error));
        QVERIFY(error.contains(QStringLiteral("newer version")));
    }

    void failedMigrationRollsBack()
    {
        Database db;
        QString error;
        QVERIFY(db.open(QStringLiteral(":memory:"), Durability::Normal, &error));
        QVERIFY(!db.migrate({QStringLiteral("CREATE TABLE t (x); THIS IS NOT SQL")}, &error));
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"

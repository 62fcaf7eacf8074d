// The feedback triage store: read and triaged flags per (scope, submission id), kept apart per scope,
// surviving a close and reopen of the file (a restart), forgetting deleted submissions, and refusing writes
// when it is not open.

#include "core/store/feedbacktriage.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using ascend::store::FeedbackState;
using ascend::store::FeedbackTriage;

class TestFeedbackTriage : public QObject {
    Q_OBJECT

private:
    const QString m_scope = FeedbackTriage::scopeFor(QStringLiteral("https://api.appstoreconnect.apple.com/"),
                                                     QStringLiteral("issuer-1"), QStringLiteral("app-1"));
    const QString m_otherScope =
        FeedbackTriage::scopeFor(QStringLiteral("https://api.appstoreconnect.apple.com"),
                                 QStringLiteral("issuer-2"), QStringLiteral("app-1"));

private slots:
    void scopesAreStableAndDistinct()
    {
        QCOMPARE(m_scope, QStringLiteral("https://api.appstoreconnect.apple.com|issuer-1|app-1"));
        QVERIFY(m_scope != m_otherScope);
    }

    void defaultPathHonoursTheConfigDir()
    {
        QTemporaryDir dir;
        qputenv("ASCEND_CONFIG_DIR", dir.path().toUtf8());
        QCOMPARE(FeedbackTriage::defaultPath(), dir.filePath(QStringLiteral("feedback.sqlite")));
        qunsetenv("ASCEND_CONFIG_DIR");
    }

    void unknownSubmissionsAreUnreadAndUntriaged()
    {
        FeedbackTriage triage;
        QString error;
        QVERIFY2(triage.open(QStringLiteral(":memory:"), &error), qPrintable(error));
        QCOMPARE(triage.state(m_scope, QStringLiteral("nope")), FeedbackState());
        QVERIFY(triage.states(m_scope).isEmpty());
    }

    void stateSurvivesARestart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config/feedback.sqlite"));
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        QString error;
        {
            FeedbackTriage triage;
            QVERIFY2(triage.open(path, &error), qPrintable(error));
            QVERIFY(triage.setRead(m_scope, {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")},
                                   true));
            QVERIFY(triage.setTriaged(m_scope, {QStringLiteral("b")}, true));
            QVERIFY(triage.setRead(m_scope, {QStringLiteral("c")}, false)); // marked unread again
            QVERIFY(triage.setTriaged(m_otherScope, {QStringLiteral("a")}, true));
        }
        QVERIFY(QFileInfo::exists(path));
        FeedbackTriage reopened;
        QVERIFY2(reopened.open(path, &error), qPrintable(error));
        const auto states = reopened.states(m_scope);
        QCOMPARE(states.size(), 3);
        QVERIFY(states.value(QStringLiteral("a")).read);
        QVERIFY(!states.value(QStringLiteral("a")).triaged);
        QVERIFY(states.value(QStringLiteral("a")).readAt >= before);
        QVERIFY(states.value(QStringLiteral("a")).readAt <= QDateTime::currentDateTimeUtc());
        QVERIFY(states.value(QStringLiteral("b")).read);
        QVERIFY(states.value(QStringLiteral("b")).triaged);
        QVERIFY(states.value(QStringLiteral("b")).triagedAt.isValid());
        QVERIFY(!states.value(QStringLiteral("c")).read);
        QVERIFY(!states.value(QStringLiteral("c")).readAt.isValid());
        // The other account's state is its own: "a" is triaged but unread there.
        const FeedbackState other = reopened.state(m_otherScope, QStringLiteral("a"));
        QVERIFY(other.triaged);
        QVERIFY(!other.read);
        QCOMPARE(reopened.states(m_otherScope).size(), 1);
        // Turning triaged off keeps read.
        QVERIFY(reopened.setTriaged(m_scope, {QStringLiteral("b")}, false));
        QCOMPARE(reopened.state(m_scope, QStringLiteral("b")).read, true);
        QCOMPARE(reopened.state(m_scope, QStringLiteral("b")).triaged, false);
    }

    void forgetDropsDeletedSubmissions()
    {
        FeedbackTriage triage;
        QString error;
        QVERIFY(triage.open(QStringLiteral(":memory:"), &error));
        QVERIFY(triage.setRead(m_scope, {QStringLiteral("a"), QStringLiteral("b")}, true));
        QVERIFY(triage.setRead(m_otherScope, {QStringLiteral("a")}, true));
        QVERIFY(triage.forget(m_scope, {QStringLiteral("a")}));
        QCOMPARE(triage.states(m_scope).keys(), QStringList{QStringLiteral("b")});
        QVERIFY(triage.state(m_otherScope, QStringLiteral("a")).read);
    }

    void manyIdsInOneTransaction()
    {
        QTemporaryDir dir;
        FeedbackTriage triage;
        QString error;
        QVERIFY(triage.open(dir.filePath(QStringLiteral("f.sqlite")), &error));
        QStringList ids;
        for (int i = 0; i < 5000; ++i)
            ids << QStringLiteral("sub-%1").arg(i);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(triage.setRead(m_scope, ids, true));
        QCOMPARE(triage.states(m_scope).size(), 5000);
        qInfo("5,000 marked read and read back in %lld ms", timer.elapsed());
    }

    void writesFailWhenClosed()
    {
        FeedbackTriage triage;
        QVERIFY(!triage.setRead(m_scope, {QStringLiteral("a")}, true));
        QVERIFY(!triage.lastError().isEmpty());
        QVERIFY(triage.states(m_scope).isEmpty());
    }

    void refusesAFileThatIsNotADatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        FeedbackTriage triage;
        QString error;
        QVERIFY(!triage.open(path, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!triage.isOpen());
    }
};

QTEST_GUILESS_MAIN(TestFeedbackTriage)
#include "tst_feedbacktriage.moc"

#include "core/auth/accountstore.h"
#include "core/auth/apikey.h"
#include "core/auth/filesecretstore.h"
#include "core/session/simulatorprocess.h"
#include "ui/accountdialog.h"
#include "ui/theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <memory>

using ascend::auth::AccountStore;
using ascend::auth::ApiKey;
using ascend::auth::FileSecretStore;
using ascend::ui::AccountDialog;

namespace {

const QString kIssuerId = QStringLiteral("57246542-96fe-1a63-e053-0824d011072a");

QByteArray writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        qFatal("cannot write %s", qPrintable(path));
    return contents;
}

template <typename T> T *child(const QWidget &parent, const char *name)
{
    T *widget = parent.findChild<T *>(QLatin1String(name));
    if (!widget)
        qFatal("no child %s", name);
    return widget;
}

// With ASCEND_SCREENSHOT_DIR set (scripts/take-screenshots.sh), the dialog is saved as it looks in a test.
void saveScreenshot(QWidget &widget, const QString &fileName)
{
    const QString dir = qEnvironmentVariable("ASCEND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(widget.grab().save(QDir(dir).filePath(fileName)));
}

} // namespace

class TestAccountDialog : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FileSecretStore> m_secrets;
    std::unique_ptr<AccountStore> m_store;
    QString m_validKeyPath;
    QByteArray m_validKeyPem;
    QString m_garbageKeyPath;

    void typeInto(AccountDialog &dialog, const char *field, const QString &text)
    {
        auto *edit = child<QLineEdit>(dialog, field);
        edit->setFocus();
        edit->selectAll();
        if (!edit->text().isEmpty())
            QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }

    QLabel *message(AccountDialog &dialog, const char *name) { return child<QLabel>(dialog, name); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ascend::ui::theme::apply(*qApp);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_secrets = std::make_unique<FileSecretStore>(m_dir->filePath(QStringLiteral("secrets")));
        m_store = std::make_unique<AccountStore>(m_secrets.get(), m_dir->filePath(QStringLiteral("config")));

        QString error;
        const ApiKey key = ApiKey::generate(&error);
        QVERIFY2(key.isValid(), qPrintable(error));
        m_validKeyPath = m_dir->filePath(QStringLiteral("AuthKey_ABCDE12345.p8"));
        m_validKeyPem = writeFile(m_validKeyPath, key.privateKeyPem());
        m_garbageKeyPath = m_dir->filePath(QStringLiteral("notes.p8"));
        writeFile(m_garbageKeyPath, "this is not a key\n");
    }

    void cleanup()
    {
        m_store.reset();
        m_secrets.reset();
        m_dir.reset();
    }

    void freshDialogIsQuietAndCannotSave()
    {
        AccountDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!dialog.saveButton()->isEnabled());
        QVERIFY(!dialog.testButton()->isEnabled());
        // Nothing was typed yet: no red text anywhere.
        for (const char *name : {"nameMessage", "issuerIdMessage", "keyIdMessage", "keyFileMessage"})
            QVERIFY2(!message(dialog, name)->isVisible(), name);
        // The secret store here is the 0600 file store: the dialog says so.
        QTRY_VERIFY(dialog.storageMessage().contains(QStringLiteral("0600")));
        QVERIFY(dialog.storageMessage().contains(QStringLiteral("not in a keychain")));
    }

    void invalidIssuerIdShowsErrorAndDisablesSave()
    {
        AccountDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        typeInto(dialog, "nameEdit", QStringLiteral("Acme"));
        typeInto(dialog, "keyFileEdit", m_validKeyPath);
        typeInto(dialog, "issuerIdEdit", QStringLiteral("57246542-not-a-uuid"));

        QLabel *issuerMessage = message(dialog, "issuerIdMessage");
        QVERIFY(issuerMessage->isVisible());
        QVERIFY(issuerMessage->text().contains(QStringLiteral("UUID")));
        QVERIFY(!dialog.saveButton()->isEnabled());
        QVERIFY(!dialog.isInputValid());

        typeInto(dialog, "issuerIdEdit", kIssuerId);
        QVERIFY(!issuerMessage->isVisible());
        QVERIFY(dialog.saveButton()->isEnabled());
    }

    void invalidKeyIdShowsError()
    {
        AccountDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        typeInto(dialog, "nameEdit", QStringLiteral("Acme"));
        typeInto(dialog, "issuerIdEdit", kIssuerId);
        typeInto(dialog, "keyIdEdit", QStringLiteral("ABC-12"));
        typeInto(dialog, "keyFileEdit", m_validKeyPath);
        // The key id was typed before the file was chosen: the file name does not overwrite it.
        QCOMPARE(child<QLineEdit>(dialog, "keyIdEdit")->text(), QStringLiteral("ABC-12"));
        QVERIFY(message(dialog, "keyIdMessage")->isVisible());
        QVERIFY(message(dialog, "keyIdMessage")->text().contains(QStringLiteral("10 letters and digits")));
        QVERIFY(!dialog.saveButton()->isEnabled());
        QVERIFY(!dialog.testButton()->isEnabled());

        typeInto(dialog, "keyIdEdit", QStringLiteral("2X9R4HXF34"));
        QVERIFY(!message(dialog, "keyIdMessage")->isVisible());
        QVERIFY(dialog.saveButton()->isEnabled());
        QVERIFY(dialog.testButton()->isEnabled());
    }

    void badKeyFileShowsTheKeyError()
    {
        AccountDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        typeInto(dialog, "nameEdit", QStringLiteral("Acme"));
        typeInto(dialog, "issuerIdEdit", kIssuerId);
        typeInto(dialog, "keyIdEdit", QStringLiteral("2X9R4HXF34"));
        typeInto(dialog, "keyFileEdit", m_garbageKeyPath);

        QLabel *keyMessage = message(dialog, "keyFileMessage");
        QVERIFY(keyMessage->isVisible());
        // The message is ApiKey's own explanation, shown as it is.
        QString expected;
        QVERIFY(!ApiKey::fromPemFile(m_garbageKeyPath, &expected).isValid());
        QVERIFY(!expected.isEmpty());
        QCOMPARE(keyMessage->text(), expected);
        QVERIFY(!dialog.saveButton()->isEnabled());

        // A file that does not exist.
        typeInto(dialog, "keyFileEdit", m_dir->filePath(QStringLiteral("AuthKey_MISSING000.p8")));
        QVERIFY(keyMessage->isVisible());
        QVERIFY(keyMessage->text() != expected);
        QVERIFY(!keyMessage->text().isEmpty());
        QVERIFY(!dialog.saveButton()->isEnabled());
    }

    void wrongCurveIsRejected()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("openssl command line not available");
        const QString path = m_dir->filePath(QStringLiteral("AuthKey_P384KEY000.p8"));
        QProcess process;
        process.start(openssl, {QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                                QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-384"),
                                QStringLiteral("-out"), path});
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitCode(), 0);

        AccountDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        typeInto(dialog, "keyFileEdit", path);
        QLabel *keyMessage = message(dialog, "keyFileMessage");
        QVERIFY(keyMessage->isVisible());
        QVERIFY2(keyMessage->text().contains(QStringLiteral("P-256")), qPrintable(keyMessage->text()));
    }

    void validKeyFileIsAcceptedAndSaved()
    {
        AccountDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        typeInto(dialog, "nameEdit", QStringLiteral("Acme Team"));
        typeInto(dialog, "issuerIdEdit", kIssuerId);
        typeInto(dialog, "keyFileEdit", m_validKeyPath);

        QLabel *keyMessage = message(dialog, "keyFileMessage");
        QVERIFY(keyMessage->isVisible());
        QVERIFY(keyMessage->text().contains(QStringLiteral("Valid")));
        // Apple's file name carries the key id.
        QCOMPARE(child<QLineEdit>(dialog, "keyIdEdit")->text(), QStringLiteral("ABCDE12345"));
        QVERIFY(dialog.isInputValid());
        QVERIFY(dialog.saveButton()->isEnabled());

        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.savedAccountName(), QStringLiteral("Acme Team"));

        const auto saved = m_store->account(QStringLiteral("Acme Team"));
        QVERIFY(saved.has_value());
        QCOMPARE(saved->issuerId, kIssuerId);
        QCOMPARE(saved->keyId, QStringLiteral("ABCDE12345"));
        QVERIFY(!saved->individualKey);
        QVERIFY(saved->baseUrl.isEmpty()); // the production API
        QString error;
        const ApiKey stored = m_store->apiKey(QStringLiteral("Acme Team"), &error);
        QVERIFY2(stored.isValid(), qPrintable(error));
        QString fileError;
        QCOMPARE(stored.publicKeyPem(), ApiKey::fromPemFile(m_validKeyPath, &fileError).publicKeyPem());
    }

    void individualKeyHidesIssuerId()
    {
        AccountDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *issuer = child<QLineEdit>(dialog, "issuerIdEdit");
        QVERIFY(issuer->isVisible());
        typeInto(dialog, "nameEdit", QStringLiteral("Me"));
        typeInto(dialog, "keyFileEdit", m_validKeyPath);
        QVERIFY(!dialog.saveButton()->isEnabled()); // a team key needs the issuer id

        auto *individual = child<QCheckBox>(dialog, "individualKeyCheck");
        QTest::mouseClick(individual, Qt::LeftButton, {}, QPoint(8, individual->height() / 2));
        QVERIFY(individual->isChecked());
        QVERIFY(!issuer->isVisible());
        QVERIFY(dialog.saveButton()->isEnabled());

        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        const auto saved = m_store->account(QStringLiteral("Me"));
        QVERIFY(saved.has_value());
        QVERIFY(saved->individualKey);
        QVERIFY(saved->issuerId.isEmpty());
    }

    void duplicateNameAndServerChecks()
    {
        QString error;
        ascend::auth::Account existing{
            QStringLiteral("Acme"), kIssuerId, QStringLiteral("ABCDE12345"), false, {}};
        QVERIFY2(m_store->save(existing, m_validKeyPem, &error), qPrintable(error));

        AccountDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        typeInto(dialog, "nameEdit", QStringLiteral("Acme"));
        typeInto(dialog, "issuerIdEdit", kIssuerId);
        typeInto(dialog, "keyFileEdit", m_validKeyPath);
        QVERIFY(message(dialog, "nameMessage")->isVisible());
        QVERIFY(!dialog.saveButton()->isEnabled());
        typeInto(dialog, "nameEdit", QStringLiteral("Acme 2"));
        QVERIFY(!message(dialog, "nameMessage")->isVisible());
        QVERIFY(dialog.saveButton()->isEnabled());

        QTest::mouseClick(child<QToolButton>(dialog, "advancedToggle"), Qt::LeftButton);
        QVERIFY(child<QLineEdit>(dialog, "baseUrlEdit")->isVisible());
        typeInto(dialog, "baseUrlEdit", QStringLiteral("http://api.example.com"));
        QVERIFY(message(dialog, "baseUrlMessage")->isVisible());
        QVERIFY(message(dialog, "baseUrlMessage")->text().contains(QStringLiteral("https://")));
        QVERIFY(!dialog.saveButton()->isEnabled());
        typeInto(dialog, "baseUrlEdit", QStringLiteral("http://127.0.0.1:8080"));
        QVERIFY(!message(dialog, "baseUrlMessage")->isVisible());
        QVERIFY(dialog.saveButton()->isEnabled());
        QCOMPARE(dialog.account().baseUrl, QStringLiteral("http://127.0.0.1:8080"));
    }

    void editKeepsTheStoredKey()
    {
        QString error;
        ascend::auth::Account existing{
            QStringLiteral("Acme"), kIssuerId, QStringLiteral("ABCDE12345"), false, {}};
        QVERIFY2(m_store->save(existing, m_validKeyPem, &error), qPrintable(error));

        AccountDialog dialog(m_store.get(), m_secrets.get());
        dialog.setAccount(existing);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.isEditing());
        QVERIFY(!child<QLineEdit>(dialog, "nameEdit")->isEnabled());
        QVERIFY(dialog.saveButton()->isEnabled()); // no new key file needed
        typeInto(dialog, "keyIdEdit", QStringLiteral("ZYXWV98765"));
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(m_store->account(QStringLiteral("Acme"))->keyId, QStringLiteral("ZYXWV98765"));
        QVERIFY(m_store->apiKey(QStringLiteral("Acme"), &error).isValid());
    }

    void testConnectionAgainstSimulator()
    {
        ascend::session::SimulatorProcess simulator;
        if (ascend::session::SimulatorProcess::locateExecutable().isEmpty())
            QSKIP("ascend-sim is not built");
        QString error;
        QVERIFY2(simulator.startAndWait(30000, &error), qPrintable(error));
        const auto &info = simulator.connectionInfo();
        const QString keyPath = m_dir->filePath(QStringLiteral("AuthKey_%1.p8").arg(info.keyId));
        writeFile(keyPath, info.privateKeyPem);

        AccountDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        typeInto(dialog, "nameEdit", QStringLiteral("Simulator"));
        typeInto(dialog, "issuerIdEdit", info.issuerId);
        typeInto(dialog, "keyFileEdit", keyPath);
        QCOMPARE(child<QLineEdit>(dialog, "keyIdEdit")->text(), info.keyId);
        QTest::mouseClick(child<QToolButton>(dialog, "advancedToggle"), Qt::LeftButton);
        typeInto(dialog, "baseUrlEdit", info.baseUrl);
        QVERIFY(dialog.testButton()->isEnabled());

        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.testState() != AccountDialog::TestState::Running, 30000);
        QCOMPARE(dialog.testState(), AccountDialog::TestState::Succeeded);
        const QRegularExpressionMatch match =
            QRegularExpression(QStringLiteral("^Connected: (\\d+) apps?$")).match(dialog.testMessage());
        QVERIFY2(match.hasMatch(), qPrintable(dialog.testMessage()));
        QVERIFY(match.captured(1).toInt() > 0); // the demo seed has apps
        typeInto(dialog, "nameEdit", QStringLiteral("Demo team"));
        saveScreenshot(dialog, QStringLiteral("account-dialog.png"));

        // The same key under another key id: the simulator refuses it and the dialog shows why.
        typeInto(dialog, "keyIdEdit", QStringLiteral("ZZZZZ99999"));
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.testState() != AccountDialog::TestState::Running, 30000);
        QCOMPARE(dialog.testState(), AccountDialog::TestState::Failed);
        // The server's own explanation (ASC's NOT_AUTHORIZED title) reaches the user.
        QVERIFY2(dialog.testMessage().contains(
                     QStringLiteral("Authentication credentials are missing or invalid")),
                 qPrintable(dialog.testMessage()));
        // Testing stores nothing.
        QVERIFY(m_store->accounts().isEmpty());
    }
};

QTEST_MAIN(TestAccountDialog)
#include "tst_accountdialog.moc"

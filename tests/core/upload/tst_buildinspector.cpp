// Inspection of real .ipa files built here (libzip archives with binary and XML Info.plists), a file that
// is not a zip, a zip without Info.plist, a damaged zip, and the .pkg metadata path.

#include "core/upload/buildinspector.h"
#include "core/upload/sampleipa.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace ascend;
using namespace ascend::upload;

namespace {
QString nameOf(const std::optional<asc::Platform> &platform)
{
    return platform ? asc::toString(*platform) : QStringLiteral("none");
}
} // namespace

class TestBuildInspector : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString makeIpa(const QString &name, const SampleIpaSpec &spec)
    {
        QString error;
        const QString file = path(name);
        if (!writeSampleIpa(file, spec, &error))
            qWarning("writeSampleIpa: %s", qPrintable(error));
        return file;
    }

private slots:
    void binaryPlist()
    {
        SampleIpaSpec spec;
        spec.bundleId = QStringLiteral("com.example.binary");
        spec.shortVersion = QStringLiteral("2.3.1");
        spec.bundleVersion = QStringLiteral("231");
        spec.binaryPlist = true;
        const QString file = makeIpa(QStringLiteral("binary.ipa"), spec);
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QVERIFY(raw.readAll().contains("bplist00"));
        const InspectionResult result = BuildInspector::inspect(file);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.info->bundleId, spec.bundleId);
        QCOMPARE(result.info->shortVersion, spec.shortVersion);
        QCOMPARE(result.info->bundleVersion, spec.bundleVersion);
        QCOMPARE(nameOf(result.info->platform), asc::toString(asc::Platform::IOS));
        QCOMPARE(result.info->size, QFileInfo(file).size());
        QCOMPARE(asc::toString(result.info->uti()), QStringLiteral("com.apple.ipa"));
        QVERIFY(result.info->kind == BuildFileInfo::Kind::Ipa);
    }

    void xmlPlistAndSupportedPlatforms_data()
    {
        QTest::addColumn<QString>("platformName");
        QTest::addColumn<QStringList>("supported");
        QTest::addColumn<asc::Platform>("expected");
        QTest::newRow("tvOS by DTPlatformName")
            << QStringLiteral("appletvos") << QStringList() << asc::Platform::TV_OS;
        QTest::newRow("visionOS by supported platforms")
            << QString() << QStringList{QStringLiteral("XROS")} << asc::Platform::VISION_OS;
        QTest::newRow("macOS") << QStringLiteral("macosx") << QStringList{QStringLiteral("MacOSX")}
                               << asc::Platform::MAC_OS;
        QTest::newRow("iOS by supported platforms")
            << QString() << QStringList{QStringLiteral("iPhoneOS")} << asc::Platform::IOS;
    }
    void xmlPlistAndSupportedPlatforms()
    {
        QFETCH(QString, platformName);
        QFETCH(QStringList, supported);
        QFETCH(asc::Platform, expected);
        SampleIpaSpec spec;
        spec.binaryPlist = false;
        spec.platformName = platformName;
        spec.supportedPlatforms = supported;
        const QString file = makeIpa(QStringLiteral("xml-%1.ipa")
                                         .arg(QTest::currentDataTag())
                                         .replace(QLatin1Char(' '), QLatin1Char('_')),
                                     spec);
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QVERIFY(raw.readAll().contains("<?xml")); // the sample stores its plist uncompressed
        const InspectionResult result = BuildInspector::inspect(file);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(nameOf(result.info->platform), asc::toString(expected));
    }

    // An archive made by an independent zip and plist implementation (Python's zipfile and plistlib).
    void independentlyMadeIpa()
    {
        const QString file = path(QStringLiteral("python.ipa"));
        const QString script = QStringLiteral(
            "import zipfile, plistlib, sys\n"
            "info = {'CFBundleIdentifier': 'org.python.made', 'CFBundleShortVersionString': '4.0',"
            " 'CFBundleVersion': '400.1', 'CFBundleSupportedPlatforms': ['AppleTVOS']}\n"
            "with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:\n"
            "    z.writestr('Payload/Made.app/Info.plist', plistlib.dumps(info, fmt=plistlib.FMT_BINARY))\n"
            "    z.writestr('Payload/Made.app/Frameworks/X.framework/Info.plist', b'not this one')\n"
            "    z.writestr('Payload/Made.app/Made', b'\\x00' * 1000)\n");
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), script, file});
        QVERIFY(python.waitForFinished(30000));
        QCOMPARE(python.exitCode(), 0);
        const InspectionResult result = BuildInspector::inspect(file);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.info->bundleId, QStringLiteral("org.python.made"));
        QCOMPARE(result.info->bundleVersion, QStringLiteral("400.1"));
        QCOMPARE(nameOf(result.info->platform), asc::toString(asc::Platform::TV_OS));
    }

    void notAZip()
    {
        const QString file = path(QStringLiteral("text.ipa"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QByteArray(4096, 'x'));
        out.close();
        const InspectionResult result = BuildInspector::inspect(file);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(QLatin1String("not a zip")), qPrintable(result.error));
    }

    void zipWithoutInfoPlist()
    {
        const QString file = path(QStringLiteral("noplist.ipa"));
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral("-c"),
                      QStringLiteral("import zipfile, sys\n"
                                     "with zipfile.ZipFile(sys.argv[1], 'w') as z:\n"
                                     "    z.writestr('Payload/App.app/App', b'binary')\n"
                                     "    z.writestr('Info.plist', b'at the wrong place')\n"),
                      file});
        QVERIFY(python.waitForFinished(30000));
        QCOMPARE(python.exitCode(), 0);
        const InspectionResult result = BuildInspector::inspect(file);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(QLatin1String("no Payload/<App>.app/Info.plist")),
                 qPrintable(result.error));
    }

    void corruptZip()
    {
        SampleIpaSpec spec;
        spec.executableBytes = 64 * 1024;
        const QString good = makeIpa(QStringLiteral("good.ipa"), spec);
        QFile in(good);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        // Cut the archive in half: the central directory is gone.
        const QString truncated = path(QStringLiteral("truncated.ipa"));
        QFile out(truncated);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes.left(bytes.size() / 2));
        out.close();
        InspectionResult result = BuildInspector::inspect(truncated);
        QVERIFY(!result.ok());
        QVERIFY2(!result.error.isEmpty(), "a damaged zip needs a message");

        // Damage the central directory's record of the Info.plist entry.
        const qsizetype central = bytes.indexOf(QByteArray("PK\x01\x02", 4));
        QVERIFY(central > 0);
        bytes[central + 20] = char(0xFF); // compressed size
        bytes[central + 21] = char(0xFF);
        const QString damaged = path(QStringLiteral("damaged.ipa"));
        QFile out2(damaged);
        QVERIFY(out2.open(QIODevice::WriteOnly));
        out2.write(bytes);
        out2.close();
        result = BuildInspector::inspect(damaged);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(QLatin1String("damaged")), qPrintable(result.error));
    }

    void simulatorBuildRefused()
    {
        SampleIpaSpec spec;
        spec.platformName = QStringLiteral("iphonesimulator");
        spec.supportedPlatforms = {QStringLiteral("iPhoneSimulator")};
        const InspectionResult result = BuildInspector::inspect(makeIpa(QStringLiteral("sim.ipa"), spec));
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(QLatin1String("simulator")), qPrintable(result.error));
    }

    void pkgNeedsMetadata()
    {
        const QString file = path(QStringLiteral("App.pkg"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QByteArray("xar!") + QByteArray(1000, '\0'));
        out.close();
        InspectionResult result = BuildInspector::inspect(file);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(QLatin1String("bundle id")), qPrintable(result.error));

        BuildMetadata metadata;
        metadata.bundleId = QStringLiteral("com.example.mac");
        metadata.shortVersion = QStringLiteral("1.2");
        metadata.bundleVersion = QStringLiteral("12");
        result = BuildInspector::inspect(file, metadata);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(result.info->kind == BuildFileInfo::Kind::Pkg);
        QCOMPARE(asc::toString(result.info->uti()), QStringLiteral("com.apple.pkg"));
        QCOMPARE(nameOf(result.info->platform), asc::toString(asc::Platform::MAC_OS));
        QCOMPARE(result.info->size, qint64(1004));
    }

    void missingFile()
    {
        const InspectionResult result = BuildInspector::inspect(path(QStringLiteral("absent.ipa")));
        QVERIFY(!result.ok());
        QVERIFY(result.error.contains(QLatin1String("does not exist")));
    }
};

QTEST_GUILESS_MAIN(TestBuildInspector)
#include "tst_buildinspector.moc"

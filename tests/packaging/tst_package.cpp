// The Debian package, built with CPack into a temporary folder: the files it installs, its dependencies
// (including the plugins the programs load at run time), and what appstreamcli, desktop-file-validate, man
// and lintian say about it.

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

const QString kAppId = QStringLiteral(ASCEND_APP_ID);
const QList<int> kIconSizes = {16, 22, 24, 32, 48, 64, 128, 256, 512};
const QStringList kPrograms = {QStringLiteral("ascend"), QStringLiteral("ascendctl"),
                               QStringLiteral("ascend-sim")};

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &arguments, int timeoutMs = 600000)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    Run result;
    if (!process.waitForStarted()) {
        result.err = program + QStringLiteral(": ") + process.errorString();
        return result;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = program + QStringLiteral(" did not finish in time");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

// The checking tools come with scripts/setup.sh; the tests that need one fail when it is missing.
QString findTool(const char *name)
{
    return QStandardPaths::findExecutable(QString::fromLatin1(name));
}

// The Debian package that holds a file matching the pattern on this system, e.g. "*/libqsvg.so".
QString packageOwning(const QString &pattern)
{
    const Run owner = run(QStringLiteral("dpkg-query"), {QStringLiteral("-S"), pattern});
    if (owner.exitCode != 0)
        return {};
    // "libqt6svg6:amd64: /usr/lib/x86_64-linux-gnu/qt6/plugins/imageformats/libqsvg.so"
    return owner.out.section(QLatin1Char(':'), 0, 0).trimmed();
}

// Package names of a Depends/Recommends field, without versions; alternatives count too.
QStringList packageNames(const QString &field)
{
    QStringList names;
    for (const QString &alternatives : field.split(QLatin1Char(','), Qt::SkipEmptyParts))
        for (const QString &entry : alternatives.split(QLatin1Char('|'), Qt::SkipEmptyParts))
            names << entry.trimmed().section(QLatin1Char(' '), 0, 0).section(QLatin1Char(':'), 0, 0);
    return names;
}

} // namespace

class TestPackage : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_deb;
    QString m_root;                  // the package unpacked with dpkg-deb -x
    QHash<QString, QString> m_modes; // path in the package ("./usr/bin/ascend") -> "-rwxr-xr-x root/root"

    QString unpacked(const QString &path) const { return m_root + path; }

private slots:
    void initTestCase()
    {
        if (findTool("dpkg-deb").isEmpty())
            QSKIP("dpkg-deb is missing: the Debian package is built and checked on Debian only.");
        QVERIFY(m_dir.isValid());
        const QString out = m_dir.filePath(QStringLiteral("packages"));
        const Run cpack = run(QStringLiteral(ASCEND_CPACK),
                              {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
                               QStringLiteral(ASCEND_CPACK_CONFIG), QStringLiteral("-B"), out});
        QVERIFY2(cpack.exitCode == 0, qPrintable(cpack.out + cpack.err));
        const QStringList debs = QDir(out).entryList({QStringLiteral("*.deb")}, QDir::Files);
        QCOMPARE(debs.size(), 1);
        m_deb = QDir(out).filePath(debs.first());
        QVERIFY2(debs.first().startsWith(QStringLiteral("ascend_%1-").arg(QStringLiteral(ASCEND_VERSION))),
                 qPrintable(debs.first()));

        m_root = m_dir.filePath(QStringLiteral("root"));
        const Run extract = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, m_root});
        QVERIFY2(extract.exitCode == 0, qPrintable(extract.err));

        const Run list = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), m_deb});
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        // "-rwxr-xr-x root/root   123456 2026-11-27 12:00 ./usr/bin/ascend"
        static const QRegularExpression line(
            QStringLiteral("^(\\S+)\\s+(\\S+)\\s+\\d+\\s+\\S+\\s+\\S+\\s+(\\S+)"));
        for (const QString &entry : list.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const auto match = line.match(entry);
            QVERIFY2(match.hasMatch(), qPrintable(entry));
            m_modes.insert(match.captured(3), match.captured(1) + QLatin1Char(' ') + match.captured(2));
        }
    }

    void installsTheProgramsAndTheDesktopIntegration()
    {
        QStringList expected;
        for (const QString &program : kPrograms) {
            expected << QStringLiteral("./usr/bin/") + program
                     << QStringLiteral("./usr/share/man/man1/%1.1.gz").arg(program);
        }
        expected << QStringLiteral("./usr/share/applications/%1.desktop").arg(kAppId)
                 << QStringLiteral("./usr/share/metainfo/%1.metainfo.xml").arg(kAppId)
                 << QStringLiteral("./usr/share/icons/hicolor/scalable/apps/%1.svg").arg(kAppId)
                 << QStringLiteral("./usr/share/doc/ascend/copyright")
                 << QStringLiteral("./usr/share/doc/ascend/changelog.Debian.gz");
        for (const int size : kIconSizes)
            expected << QStringLiteral("./usr/share/icons/hicolor/%1x%1/apps/%2.png").arg(size).arg(kAppId);
        for (const QString &path : std::as_const(expected))
            QVERIFY2(m_modes.contains(path), qPrintable(QStringLiteral("missing from the package: ") + path));

        for (auto it = m_modes.cbegin(); it != m_modes.cend(); ++it) {
            QVERIFY2(it.key() == QLatin1String("./") || it.key().startsWith(QLatin1String("./usr/")),
                     qPrintable(it.key()));
            QVERIFY2(it.value().endsWith(QLatin1String(" root/root")),
                     qPrintable(it.key() + ' ' + it.value()));
            // Nothing from the build leaks in: no headers, static libraries or tests.
            QVERIFY2(!it.key().endsWith(QLatin1String(".a")) &&
                         !it.key().startsWith(QLatin1String("./usr/include")),
                     qPrintable(it.key()));
        }
        for (const QString &program : kPrograms)
            QCOMPARE(m_modes.value(QStringLiteral("./usr/bin/") + program),
                     QStringLiteral("-rwxr-xr-x root/root"));
    }

    void packagedProgramsRun()
    {
        for (const QString &program : {QStringLiteral("ascendctl"), QStringLiteral("ascend-sim")}) {
            const Run version =
                run(unpacked(QStringLiteral("/usr/bin/") + program), {QStringLiteral("--version")});
            QVERIFY2(version.exitCode == 0, qPrintable(program + QStringLiteral(": ") + version.err));
            QVERIFY2(version.out.contains(QStringLiteral(ASCEND_VERSION)), qPrintable(version.out));
        }
    }

    void dependsOnWhatTheProgramsLoad()
    {
        const Run depends =
            run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb, QStringLiteral("Depends")});
        QCOMPARE(depends.exitCode, 0);
        const QStringList names = packageNames(depends.out);
        qInfo().noquote() << "Depends:" << depends.out.trimmed();
        // Linked libraries (found by dpkg-shlibdeps) and what is loaded at run time (listed by hand):
        // Qt's SVG image plugin, its SQLite driver and libsecret, which qtkeychain opens with dlopen().
        const QStringList provided = {
            QStringLiteral("*/libQt6Widgets.so.6"),
            QStringLiteral("*/libqt6keychain.so.1"),
            QStringLiteral("*/libcrypto.so.3"),
            QStringLiteral("*/qt6/plugins/imageformats/libqsvg.so"),
            QStringLiteral("*/qt6/plugins/iconengines/libqsvgicon.so"),
            QStringLiteral("*/qt6/plugins/sqldrivers/libqsqlite.so"),
            QStringLiteral("*/libsecret-1.so.0"),
        };
        for (const QString &pattern : provided) {
            const QString package = packageOwning(pattern);
            QVERIFY2(!package.isEmpty(), qPrintable(QStringLiteral("no installed package has ") + pattern));
            QVERIFY2(names.contains(package),
                     qPrintable(QStringLiteral("Depends lacks %1 (for %2)").arg(package, pattern)));
        }
        const Run recommends =
            run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb, QStringLiteral("Recommends")});
        QVERIFY(packageNames(recommends.out).contains(QStringLiteral("gnome-keyring")));
    }

    void iconsHaveTheirSizes()
    {
        QSvgRenderer svg(
            unpacked(QStringLiteral("/usr/share/icons/hicolor/scalable/apps/%1.svg").arg(kAppId)));
        QVERIFY(svg.isValid());
        for (const int size : kIconSizes) {
            const QImage png(
                unpacked(QStringLiteral("/usr/share/icons/hicolor/%1x%1/apps/%2.png").arg(size).arg(kAppId)));
            QVERIFY2(!png.isNull(), qPrintable(QString::number(size)));
            QCOMPARE(png.size(), QSize(size, size));
            QVERIFY(png.hasAlphaChannel());
            // Transparent corners around an opaque middle: the icon was really drawn.
            QCOMPARE(qAlpha(png.pixel(0, 0)), 0);
            QCOMPARE(qAlpha(png.pixel(size / 2, size / 2)), 255);
        }
    }

    void desktopFileIsValid()
    {
        const QString validator = findTool("desktop-file-validate");
        QVERIFY2(!validator.isEmpty(),
                 "desktop-file-validate is missing (desktop-file-utils; run scripts/setup.sh)");
        const QString path = unpacked(QStringLiteral("/usr/share/applications/%1.desktop").arg(kAppId));
        const Run validate = run(validator, {path});
        QVERIFY2(validate.exitCode == 0 && validate.out.trimmed().isEmpty() &&
                     validate.err.trimmed().isEmpty(),
                 qPrintable(validate.out + validate.err));

        QSettings desktop(path, QSettings::IniFormat);
        desktop.beginGroup(QStringLiteral("Desktop Entry"));
        QCOMPARE(desktop.value(QStringLiteral("Icon")).toString(), kAppId);
        QVERIFY(desktop.value(QStringLiteral("Exec")).toString().startsWith(QLatin1String("ascend ")));
        QCOMPARE(desktop.value(QStringLiteral("Type")).toString(), QStringLiteral("Application"));
    }

    void metainfoIsValid()
    {
        const QString appstreamcli = findTool("appstreamcli");
        QVERIFY2(!appstreamcli.isEmpty(), "appstreamcli is missing (appstream; run scripts/setup.sh)");
        const QString path = unpacked(QStringLiteral("/usr/share/metainfo/%1.metainfo.xml").arg(kAppId));
        const Run validate =
            run(appstreamcli, {QStringLiteral("validate"), QStringLiteral("--no-net"), path});
        qInfo().noquote() << "appstreamcli:" << validate.out.trimmed();
        QVERIFY2(validate.exitCode == 0, qPrintable(validate.out + validate.err));

        // The id, the desktop file it launches and the release agree with the package.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QString id, launchable, release;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("id"))
                id = xml.readElementText();
            else if (xml.name() == QLatin1String("launchable"))
                launchable = xml.readElementText();
            else if (xml.name() == QLatin1String("release") && release.isEmpty())
                release = xml.attributes().value(QLatin1String("version")).toString();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(id, kAppId);
        QCOMPARE(launchable, kAppId + QStringLiteral(".desktop"));
        QCOMPARE(release, QStringLiteral(ASCEND_VERSION));
    }

    void manPagesDescribeEveryCommand()
    {
        QHash<QString, QString> pages;
        for (const QString &program : kPrograms) {
            const QString path = unpacked(QStringLiteral("/usr/share/man/man1/%1.1.gz").arg(program));
            const Run text = run(QStringLiteral("gzip"), {QStringLiteral("-dc"), path});
            QVERIFY2(text.exitCode == 0, qPrintable(text.err));
            QVERIFY2(text.out.contains(QStringLiteral(".TH %1 1").arg(program.toUpper())),
                     qPrintable(program));
            QVERIFY2(text.out.contains(QStringLiteral(".SH OPTIONS")), qPrintable(program));
            pages.insert(program, text.out);

            // What lintian checks too: man renders the page without a warning.
            const QString man = findTool("man");
            if (!man.isEmpty()) {
                const Run render =
                    run(man, {QStringLiteral("--warnings"), QStringLiteral("-E"), QStringLiteral("UTF-8"),
                              QStringLiteral("-l"), QStringLiteral("-Tutf8"), QStringLiteral("-Z"), path});
                QVERIFY2(render.exitCode == 0 && render.err.trimmed().isEmpty(), qPrintable(render.err));
            }
        }

        // Every command `ascendctl --help` lists has its own section, with its options.
        const Run help = run(QStringLiteral(ASCENDCTL_BINARY), {QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        const QString commandList =
            help.out.section(QStringLiteral("\nCommands:\n"), 1).section(QStringLiteral("\n\n"), 0, 0);
        const QStringList lines = commandList.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 10);
        const QString &page = pages.value(QStringLiteral("ascendctl"));
        for (const QString &line : lines) {
            const QString words = line.trimmed().section(QStringLiteral("  "), 0, 0);
            QVERIFY2(page.contains(QStringLiteral("\n.SS ") + words + QLatin1Char('\n')), qPrintable(words));
        }
        QVERIFY(page.contains(QStringLiteral("\\fB\\-\\-private\\-key\\-path\\fR")));
        QVERIFY(page.contains(QStringLiteral(".SH ENVIRONMENT")));
        QVERIFY(pages.value(QStringLiteral("ascend-sim")).contains(QStringLiteral("\\-\\-fault\\-rate")));
        QVERIFY(pages.value(QStringLiteral("ascend")).contains(QStringLiteral("\\-\\-demo")));
    }

    // The man page is only as good as the help it is made from: every command says what it needs and
    // what it prints, below its one-line summary.
    void everyCommandHasCompleteHelp()
    {
        const Run help = run(QStringLiteral(ASCENDCTL_BINARY), {QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *section : {"Global options", "Commands:", "Environment:", "Files", "Exit status"})
            QVERIFY2(help.out.contains(QLatin1String(section)), section);
        const QString commandList =
            help.out.section(QStringLiteral("\nCommands:\n"), 1).section(QStringLiteral("\n\n"), 0, 0);
        for (const QString &line : commandList.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QString words = line.trimmed().section(QStringLiteral("  "), 0, 0);
            const Run command = run(QStringLiteral(ASCENDCTL_BINARY), words.split(QLatin1Char(' '))
                                                                          << QStringLiteral("--help"));
            QCOMPARE(command.exitCode, 0);
            const QStringList lines = command.out.split(QLatin1Char('\n'));
            QVERIFY2(lines.size() > 4, qPrintable(words));
            QVERIFY2(lines.at(0).startsWith(QStringLiteral("Usage: ascendctl ") + words),
                     qPrintable(lines.at(0)));
            QVERIFY2(!lines.at(1).isEmpty() && lines.at(2).isEmpty(), qPrintable(words));
            QVERIFY2(!lines.at(3).isEmpty() && lines.at(3) != QLatin1String("Options:"),
                     qPrintable(words + QStringLiteral(": no details below the summary")));
        }
    }

    void lintianFindsNoErrors()
    {
        const QString lintian = findTool("lintian");
        QVERIFY2(!lintian.isEmpty(), "lintian is missing (run scripts/setup.sh)");
        const Run check = run(lintian, {QStringLiteral("--tag-display-limit"), QStringLiteral("0"), m_deb});
        QVERIFY2(check.exitCode >= 0, qPrintable(check.err));
        QStringList errors;
        for (const QString &line : check.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            qInfo().noquote() << "lintian:" << line;
            if (line.startsWith(QLatin1String("E: ")))
                errors << line;
        }
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
    }
};

QTEST_MAIN(TestPackage)
#include "tst_package.moc"

#include "ui/crashlogviewerhighlighter.h"

#include <QRegularExpression>
#include <QTextDocument>

namespace ascend::ui {

namespace {

struct Patterns {
    QRegularExpression heading{QStringLiteral(
        "^(?:Thread \\d+(?: name:| Crashed:| crashed with |:)|Binary Images:|Last Exception Backtrace:|"
        "Application Specific Information:|Kernel Triage:|External Modification Summary:)")};
    // "12  UIKitCore                     \t0x000000019d6f0a84 -[UITableView layoutSubviews] + 148"
    QRegularExpression frame{QStringLiteral("^(\\d+)\\s+(.+?)\\s+(0x[0-9a-fA-F]+)\\s+(.*)$")};
    // "       0x102c78000 -        0x102f1bfff Nimbus arm64  <uuid> /path"
    QRegularExpression image{QStringLiteral("^\\s*(0x[0-9a-fA-F]+)\\s+-\\s+(0x[0-9a-fA-F]+)\\s+(\\S+)")};
    QRegularExpression headerKey{QStringLiteral("^([A-Z][A-Za-z0-9 /()_.-]*):(?=\\s|$)")};
    QRegularExpression registerName{QStringLiteral("\\b([a-z]{1,4}\\d{0,2}):(?= 0x)")};
    QRegularExpression jsonKey{QStringLiteral("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:")};
};

const Patterns &patterns()
{
    static const Patterns p;
    return p;
}

} // namespace

CrashLogHighlighter::CrashLogHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{}

void CrashLogHighlighter::setColors(const CrashLogColors &colors)
{
    m_colors = colors;
    rehighlight();
}

void CrashLogHighlighter::setReport(int exceptionLine, const QString &appBinary, bool json)
{
    m_exceptionLine = exceptionLine;
    m_appBinary = appBinary;
    m_json = json;
    rehighlight();
}

QTextCharFormat CrashLogHighlighter::format(const QColor &color, bool bold) const
{
    QTextCharFormat f;
    if (color.isValid())
        f.setForeground(color);
    if (bold)
        f.setFontWeight(QFont::DemiBold);
    return f;
}

void CrashLogHighlighter::highlightBlock(const QString &text)
{
    if (text.isEmpty())
        return;
    if (currentBlock().blockNumber() == m_exceptionLine && !m_json) {
        setFormat(0, int(text.size()), format(m_colors.critical, true));
        return;
    }
    if (m_json) {
        highlightJson(text);
        return;
    }
    const Patterns &p = patterns();
    if (p.heading.match(text).hasMatch()) {
        setFormat(0, int(text.size()), format(m_colors.heading, true));
        return;
    }
    if (const auto m = p.frame.match(text); m.hasMatch()) {
        const bool own = !m_appBinary.isEmpty() && m.captured(2) == m_appBinary;
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), format(m_colors.muted));
        setFormat(int(m.capturedStart(2)), int(m.capturedLength(2)), format(m_colors.library, own));
        setFormat(int(m.capturedStart(3)), int(m.capturedLength(3)), format(m_colors.muted));
        if (own)
            setFormat(int(m.capturedStart(4)), int(m.capturedLength(4)), format(m_colors.heading, true));
        return;
    }
    if (const auto m = p.image.match(text); m.hasMatch()) {
        const bool own = !m_appBinary.isEmpty() && m.captured(3) == m_appBinary;
        setFormat(int(m.capturedStart(1)), int(m.capturedEnd(2) - m.capturedStart(1)),
                  format(m_colors.muted));
        setFormat(int(m.capturedStart(3)), int(m.capturedLength(3)), format(m_colors.library, own));
        return;
    }
    if (text.front().isSpace()) {
        // Register state: "x0: 0x…   x1: 0x…".
        auto it = p.registerName.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)) + 1, format(m_colors.muted));
        }
        return;
    }
    if (const auto m = p.headerKey.match(text); m.hasMatch())
        setFormat(0, int(m.capturedLength(0)), format(m_colors.muted));
}

void CrashLogHighlighter::highlightJson(const QString &text)
{
    const bool exceptionLine = currentBlock().blockNumber() == m_exceptionLine;
    if (exceptionLine)
        setFormat(0, int(text.size()), format(m_colors.critical));
    auto it = patterns().jsonKey.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        setFormat(int(m.capturedStart(0)), int(m.capturedLength(1)) + 2,
                  format(exceptionLine ? m_colors.critical : m_colors.library, exceptionLine));
    }
}

} // namespace ascend::ui

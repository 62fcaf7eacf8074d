#pragma once
// Colours the parts of a crash report that the eye looks for: headings, the exception line, and in each
// frame the binary, the address and the symbol (the app's own frames stand out). In a JSON .ips report only
// the member names are coloured.

#include "ui/crashlogviewereditor.h"

#include <QSyntaxHighlighter>

namespace ascend::ui {

class CrashLogHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit CrashLogHighlighter(QTextDocument *document);

    void setColors(const CrashLogColors &colors);
    // What to single out; rehighlights the document.
    void setReport(int exceptionLine, const QString &appBinary, bool json);

protected:
    void highlightBlock(const QString &text) override;

private:
    void highlightJson(const QString &text);
    QTextCharFormat format(const QColor &color, bool bold = false) const;

    CrashLogColors m_colors;
    int m_exceptionLine = -1;
    QString m_appBinary;
    bool m_json = false;
};

} // namespace ascend::ui

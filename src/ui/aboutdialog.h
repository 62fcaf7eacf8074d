#pragma once
// Help ▸ About Ascend: version, the Qt it runs on, the system, licences of what it is built on, and links.
// "Copy Version Info" puts the facts on the clipboard for a bug report.

#include <QDialog>

class QLabel;
class QPushButton;

namespace ascend::ui {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    // secretsBackend: where API keys are kept ("the system keychain", …); empty to leave the line out.
    explicit AboutDialog(const QString &secretsBackend = QString(), QWidget *parent = nullptr);

    // "Ascend 0.1.0", "Qt 6.4.2 (built with 6.4.2)", the system and so on, one per line.
    QString versionInfo() const;
    QPushButton *copyButton() const { return m_copy; }

private:
    QString m_secretsBackend;
    QPushButton *m_copy;
};

} // namespace ascend::ui

#pragma once
// The selected build under the builds tree: its states, What to Test per locale (with a locale picker),
// and the distribution actions — add to / remove from a group, Submit for Beta App Review (with the
// pre-checks listed in place), auto-notify, Notify testers, Expire. It only asks; the pane does the calls.

#include "core/api/testflightviews.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace ascend::ui {

class TestFlightBuildPanel : public QWidget {
    Q_OBJECT
public:
    explicit TestFlightBuildPanel(QWidget *parent = nullptr);

    // nullopt: nothing selected.
    void setBuild(const std::optional<api::TestFlightBuild> &build,
                  const QHash<QString, QString> &groupNames);
    void setBusy(bool busy);

    QString currentLocale() const;
    QString whatToTest() const;
    QPushButton *submitButton() const { return m_submit; }
    QPushButton *saveNotesButton() const { return m_saveNotes; }
    QPushButton *addToGroupButton() const { return m_addToGroup; }
    QPushButton *notifyButton() const { return m_notify; }
    QPushButton *expireButton() const { return m_expire; }
    QCheckBox *autoNotifyBox() const { return m_autoNotify; }
    QComboBox *localePicker() const { return m_locale; }
    QPlainTextEdit *notesEditor() const { return m_notes; }
    QLabel *checksLabel() const { return m_checks; }

signals:
    void saveNotesRequested(const QString &locale, const QString &text);
    void submitRequested();
    void autoNotifyToggled(bool enabled);
    void notifyRequested();
    void expireRequested();
    void addToGroupRequested();
    void removeFromGroupRequested();

private:
    void showLocale();
    void updateChecks();

    std::optional<api::TestFlightBuild> m_build;
    bool m_busy = false;
    QLabel *m_title;
    QLabel *m_states;
    QComboBox *m_locale;
    QPlainTextEdit *m_notes;
    QLabel *m_notesCount;
    QPushButton *m_saveNotes;
    QLabel *m_checks;
    QPushButton *m_submit;
    QCheckBox *m_autoNotify;
    QPushButton *m_notify;
    QPushButton *m_addToGroup;
    QPushButton *m_removeFromGroup;
    QPushButton *m_expire;
};

} // namespace ascend::ui

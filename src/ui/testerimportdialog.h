#pragma once
// CSV import of testers: a preview of every row (bad rows marked with why), then Import sends one request
// per good row in turn — a new tester into its groups, or an existing tester added to them — and writes
// each row's result. A failed row is reported and skipped; Cancel stops after the row in flight.

#include "core/api/testercsv.h"
#include "core/api/testflightviews.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace ascend::api {
class ApiClient;
class ApiReply;
} // namespace ascend::api

namespace ascend::ui {

class TesterImportDialog : public QDialog {
    Q_OBJECT
public:
    // existingTesters: email (lower case) → tester id, for testers the account already has.
    TesterImportDialog(api::ApiClient *client, const api::TesterCsv &csv,
                       const QList<api::TestFlightGroup> &groups, const QString &defaultGroupId,
                       const QHash<QString, QString> &existingTesters, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QPushButton *importButton() const { return m_import; }
    int importedCount() const { return m_imported; }
    int skippedCount() const { return m_skipped; }
    bool isRunning() const { return m_running; }

    enum ResultColumn { Line, Email, FirstName, LastName, Groups, Result, ColumnCount };

public slots:
    void startImport();

signals:
    void importFinished(int imported, int skipped);

private:
    void next();
    void setResult(int row, const QString &text, bool ok);
    QStringList groupIdsFor(const api::TesterCsvRow &row, QString *error) const;

    QPointer<api::ApiClient> m_client;
    api::TesterCsv m_csv;
    QList<api::TestFlightGroup> m_groups;
    QString m_defaultGroupId;
    QHash<QString, QString> m_existing;
    QTableWidget *m_table;
    QLabel *m_summary;
    QProgressBar *m_progress;
    QPushButton *m_import;
    QPushButton *m_close;
    int m_current = -1;
    int m_imported = 0;
    int m_skipped = 0;
    bool m_running = false;
    bool m_cancelled = false;
    QPointer<api::ApiReply> m_reply;
};

} // namespace ascend::ui

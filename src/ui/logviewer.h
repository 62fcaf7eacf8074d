#pragma once
// Help ▸ Show Log: the messages in LogBuffer as a table (time, level, category, message) with a level and a
// category filter, text search, copy and save. Messages arrive live; everything shown is already redacted.

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace ascend::ui {

class LogBuffer;
class LogFilterModel;
class LogTableModel;

class LogViewer : public QDialog {
    Q_OBJECT
public:
    // Levels offered by the filter, lowest first.
    enum Level { AllLevels, InfoAndAbove, WarningsAndAbove, ErrorsOnly };
    Q_ENUM(Level)

    explicit LogViewer(LogBuffer *buffer, QWidget *parent = nullptr);
    ~LogViewer() override;

    QLineEdit *searchField() const { return m_search; }
    QComboBox *levelFilter() const { return m_level; }
    QComboBox *categoryFilter() const { return m_category; }
    QCheckBox *debugSwitch() const { return m_debug; }
    QTableView *table() const { return m_table; }

    void setLevel(Level level);
    void setCategory(const QString &category); // empty: all
    // The rows the filters let through, formatted like saved lines.
    int visibleCount() const;
    QStringList visibleLines() const;

public slots:
    void copyToClipboard();
    bool saveTo(const QString &path, QString *error = nullptr);
    void saveAs();
    void clearLog();

private:
    void updateCategories();
    void updateCount();

    LogBuffer *m_buffer;
    LogTableModel *m_model;
    LogFilterModel *m_filter;
    QLineEdit *m_search;
    QComboBox *m_level;
    QComboBox *m_category;
    QCheckBox *m_debug;
    QTableView *m_table;
    QLabel *m_count;
    QPushButton *m_copy;
    QPushButton *m_save;
    QPushButton *m_clear;
};

} // namespace ascend::ui

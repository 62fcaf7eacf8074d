#include "ui/logviewer.h"

#include "ui/logbuffer.h"
#include "ui/theme.h"

#include <QAbstractTableModel>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace ascend::ui {

namespace {

enum Column { TimeColumn, LevelColumn, CategoryColumn, MessageColumn, ColumnCount };

// debug < info < warning < critical < fatal (QtMsgType's own numbers are not in that order).
int severity(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 0;
    case QtInfoMsg:
        return 1;
    case QtWarningMsg:
        return 2;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 4;
    }
    return 0;
}

QString levelTitle(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return LogViewer::tr("Debug");
    case QtInfoMsg:
        return LogViewer::tr("Info");
    case QtWarningMsg:
        return LogViewer::tr("Warning");
    case QtCriticalMsg:
        return LogViewer::tr("Error");
    case QtFatalMsg:
        return LogViewer::tr("Fatal");
    }
    return QString();
}

constexpr int EntryRole = Qt::UserRole + 1;

} // namespace

// The entries of a LogBuffer as rows, following it as messages arrive.
class LogTableModel : public QAbstractTableModel {
public:
    LogTableModel(LogBuffer *buffer, QObject *parent)
        : QAbstractTableModel(parent)
        , m_buffer(buffer)
    {
        m_entries = buffer->entries();
        m_last = m_entries.isEmpty() ? 0 : m_entries.constLast().sequence;
        connect(buffer, &LogBuffer::entriesAdded, this, &LogTableModel::fetchNew);
        connect(buffer, &LogBuffer::cleared, this, [this] {
            beginResetModel();
            m_entries.clear();
            endResetModel();
        });
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_entries.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : ColumnCount;
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || index.row() >= m_entries.size())
            return {};
        const LogEntry &entry = m_entries.at(index.row());
        if (role == EntryRole)
            return QVariant::fromValue(index.row());
        if (role == Qt::DisplayRole) {
            switch (index.column()) {
            case TimeColumn:
                return entry.time.toString(QStringLiteral("HH:mm:ss.zzz"));
            case LevelColumn:
                return levelTitle(entry.type);
            case CategoryColumn:
                return entry.category;
            case MessageColumn: {
                const qsizetype newline = entry.message.indexOf(QLatin1Char('\n'));
                return newline < 0 ? entry.message : entry.message.left(newline) + QStringLiteral(" …");
            }
            }
        }
        if (role == Qt::ToolTipRole && index.column() == MessageColumn)
            return entry.message;
        if (role == Qt::ToolTipRole && index.column() == TimeColumn)
            return entry.time.toString(Qt::ISODateWithMs);
        if (role == Qt::ForegroundRole && index.column() == LevelColumn) {
            if (severity(entry.type) >= severity(QtCriticalMsg))
                return theme::critical();
            if (entry.type == QtWarningMsg)
                return theme::warning();
            return theme::textSecondary();
        }
        return {};
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        switch (section) {
        case TimeColumn:
            return LogViewer::tr("Time");
        case LevelColumn:
            return LogViewer::tr("Level");
        case CategoryColumn:
            return LogViewer::tr("Category");
        case MessageColumn:
            return LogViewer::tr("Message");
        }
        return {};
    }

    const LogEntry &entry(int row) const { return m_entries.at(row); }

    QStringList categories() const
    {
        QStringList names;
        for (const LogEntry &entry : m_entries) {
            if (!names.contains(entry.category))
                names.append(entry.category);
        }
        names.sort(Qt::CaseInsensitive);
        return names;
    }

private:
    void fetchNew()
    {
        const QList<LogEntry> fresh = m_buffer->entries(m_last);
        if (fresh.isEmpty())
            return;
        m_last = fresh.constLast().sequence;
        // Keep no more rows than the buffer holds.
        const qsizetype overflow = m_entries.size() + fresh.size() - m_buffer->capacity();
        if (overflow > 0) {
            const int drop = int(std::min(overflow, m_entries.size()));
            if (drop > 0) {
                beginRemoveRows({}, 0, drop - 1);
                m_entries.remove(0, drop);
                endRemoveRows();
            }
        }
        const qsizetype skip = std::max<qsizetype>(0, fresh.size() - m_buffer->capacity());
        const int first = int(m_entries.size());
        beginInsertRows({}, first, first + int(fresh.size() - skip) - 1);
        m_entries.append(fresh.mid(skip));
        endInsertRows();
    }

    LogBuffer *m_buffer;
    QList<LogEntry> m_entries;
    quint64 m_last = 0;
};

// Rows at or above a level, of one category, containing a text.
class LogFilterModel : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setMinimumSeverity(int severity)
    {
        m_minimum = severity;
        invalidateFilter();
    }
    void setCategory(const QString &category)
    {
        m_category = category;
        invalidateFilter();
    }
    void setText(const QString &text)
    {
        m_text = text.trimmed();
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &) const override
    {
        const auto *model = static_cast<const LogTableModel *>(sourceModel());
        const LogEntry &entry = model->entry(row);
        if (severity(entry.type) < m_minimum)
            return false;
        if (!m_category.isNull() && entry.category != m_category)
            return false;
        return m_text.isEmpty() || entry.message.contains(m_text, Qt::CaseInsensitive) ||
               entry.category.contains(m_text, Qt::CaseInsensitive);
    }

private:
    int m_minimum = 0;
    QString m_category; // null: every category
    QString m_text;
};

LogViewer::LogViewer(LogBuffer *buffer, QWidget *parent)
    : QDialog(parent)
    , m_buffer(buffer)
    , m_model(new LogTableModel(buffer, this))
    , m_filter(new LogFilterModel(this))
    , m_search(new QLineEdit(this))
    , m_level(new QComboBox(this))
    , m_category(new QComboBox(this))
    , m_debug(new QCheckBox(tr("Record &debug messages"), this))
    , m_table(new QTableView(this))
    , m_count(new QLabel(this))
    , m_copy(new QPushButton(tr("&Copy"), this))
    , m_save(new QPushButton(tr("&Save As…"), this))
    , m_clear(new QPushButton(tr("C&lear"), this))
{
    setObjectName(QStringLiteral("logViewer"));
    setWindowTitle(tr("Ascend Log"));
    resize(920, 560);

    m_search->setObjectName(QStringLiteral("logSearch"));
    m_search->setPlaceholderText(tr("Search messages"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the log"));
    m_level->setObjectName(QStringLiteral("logLevel"));
    m_level->addItems({tr("All levels"), tr("Info and above"), tr("Warnings and errors"), tr("Errors only")});
    m_level->setAccessibleName(tr("Minimum level"));
    m_category->setObjectName(QStringLiteral("logCategory"));
    m_category->setAccessibleName(tr("Category"));
    m_category->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_debug->setObjectName(QStringLiteral("logDebug"));
    m_debug->setToolTip(
        tr("Also record the detailed messages of every part of Ascend from now on. Secrets are "
           "removed from them like from every other message."));

    auto *searchLabel = new QLabel(tr("&Find:"), this);
    searchLabel->setBuddy(m_search);
    auto *levelLabel = new QLabel(tr("Le&vel:"), this);
    levelLabel->setBuddy(m_level);
    auto *categoryLabel = new QLabel(tr("C&ategory:"), this);
    categoryLabel->setBuddy(m_category);

    m_filter->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("logTable"));
    m_table->setModel(m_filter);
    m_table->setAccessibleName(tr("Log messages"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    const QFontMetrics metrics = m_table->fontMetrics();
    m_table->setColumnWidth(TimeColumn, metrics.horizontalAdvance(QStringLiteral("00:00:00.000")) + 24);
    m_table->setColumnWidth(LevelColumn, metrics.horizontalAdvance(tr("Warning")) + 28);
    m_table->setColumnWidth(CategoryColumn,
                            metrics.horizontalAdvance(QStringLiteral("ascend.webhooks")) + 28);

    m_count->setObjectName(QStringLiteral("logCount"));
    theme::bindColor(m_count, QPalette::WindowText, theme::textSecondary);
    m_copy->setAccessibleDescription(tr("Copies the selected messages, or every shown message when none is "
                                        "selected"));
    m_save->setAccessibleDescription(tr("Saves the shown messages to a text file"));
    m_clear->setAccessibleDescription(tr("Removes every message recorded so far"));
    for (QPushButton *button : {m_copy, m_save, m_clear})
        button->setAutoDefault(false);

    auto *filters = new QHBoxLayout;
    filters->addWidget(searchLabel);
    filters->addWidget(m_search, 1);
    filters->addSpacing(8);
    filters->addWidget(levelLabel);
    filters->addWidget(m_level);
    filters->addSpacing(8);
    filters->addWidget(categoryLabel);
    filters->addWidget(m_category);
    filters->addSpacing(8);
    filters->addWidget(m_debug);

    auto *closeBox = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(closeBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_count, 1);
    actions->addWidget(m_copy);
    actions->addWidget(m_save);
    actions->addWidget(m_clear);
    actions->addSpacing(12);
    actions->addWidget(closeBox);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);

    setTabOrder(m_search, m_level);
    setTabOrder(m_level, m_category);
    setTabOrder(m_category, m_debug);
    setTabOrder(m_debug, m_table);
    setTabOrder(m_table, m_copy);
    setTabOrder(m_copy, m_save);
    setTabOrder(m_save, m_clear);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setText(text);
        updateCount();
    });
    connect(m_level, &QComboBox::currentIndexChanged, this, [this](int index) {
        static constexpr int minimum[] = {0, 1, 2, 3};
        m_filter->setMinimumSeverity(minimum[std::clamp(index, 0, 3)]);
        updateCount();
    });
    connect(m_category, &QComboBox::currentIndexChanged, this, [this](int) {
        m_filter->setCategory(m_category->currentData().isNull() ? QString()
                                                                 : m_category->currentData().toString());
        updateCount();
    });
    connect(m_debug, &QCheckBox::toggled, this, [](bool on) {
        QLoggingCategory::setFilterRules(on ? QStringLiteral("ascend.*.debug=true") : QString());
    });
    connect(m_copy, &QPushButton::clicked, this, &LogViewer::copyToClipboard);
    connect(m_save, &QPushButton::clicked, this, &LogViewer::saveAs);
    connect(m_clear, &QPushButton::clicked, this, &LogViewer::clearLog);
    auto *copyShortcut = new QShortcut(QKeySequence::Copy, m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(copyShortcut, &QShortcut::activated, this, &LogViewer::copyToClipboard);
    auto *findShortcut = new QShortcut(QKeySequence::Find, this);
    connect(findShortcut, &QShortcut::activated, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    // Follow new messages while the view is scrolled to the end.
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        QScrollBar *bar = m_table->verticalScrollBar();
        m_table->setProperty("atEnd", bar->value() >= bar->maximum() - 2);
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_table->property("atEnd").toBool())
            m_table->scrollToBottom();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        updateCategories();
        updateCount();
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &LogViewer::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateCategories();
        updateCount();
    });

    updateCategories();
    updateCount();
    m_table->scrollToBottom();
    m_search->setFocus();
}

LogViewer::~LogViewer() = default;

void LogViewer::setLevel(Level level)
{
    m_level->setCurrentIndex(int(level));
}

void LogViewer::setCategory(const QString &category)
{
    const int index = category.isEmpty() ? 0 : m_category->findData(category);
    if (index >= 0)
        m_category->setCurrentIndex(index);
}

void LogViewer::updateCategories()
{
    const QStringList categories = m_model->categories();
    if (m_category->count() == categories.size() + 1)
        return;
    const QVariant current = m_category->currentData();
    const QSignalBlocker blocker(m_category);
    m_category->clear();
    m_category->addItem(tr("All categories"));
    for (const QString &category : categories)
        m_category->addItem(category.isEmpty() ? tr("(none)") : category, category);
    const int index = current.isNull() ? 0 : m_category->findData(current);
    m_category->setCurrentIndex(std::max(0, index));
}

void LogViewer::updateCount()
{
    const int shown = m_filter->rowCount();
    const int total = m_model->rowCount();
    m_count->setText(shown == total ? tr("%n message(s)", nullptr, total)
                                    : tr("%1 of %n message(s) shown", nullptr, total).arg(shown));
    m_copy->setEnabled(shown > 0);
    m_save->setEnabled(shown > 0);
    m_clear->setEnabled(total > 0);
}

int LogViewer::visibleCount() const
{
    return m_filter->rowCount();
}

QStringList LogViewer::visibleLines() const
{
    QStringList lines;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        lines << LogBuffer::format(m_model->entry(m_filter->mapToSource(m_filter->index(row, 0)).row()));
    return lines;
}

void LogViewer::copyToClipboard()
{
    QStringList lines;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        lines = visibleLines();
    } else {
        QList<int> sourceRows;
        for (const QModelIndex &index : rows)
            sourceRows << m_filter->mapToSource(index).row();
        std::sort(sourceRows.begin(), sourceRows.end());
        for (int row : std::as_const(sourceRows))
            lines << LogBuffer::format(m_model->entry(row));
    }
    QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

bool LogViewer::saveTo(const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.write((visibleLines().join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void LogViewer::saveAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Log"), QStringLiteral("ascend.log"),
                                                      tr("Log files (*.log *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveTo(path, &error))
        QMessageBox::warning(this, tr("Save Log"),
                             tr("The log could not be saved to %1: %2").arg(path, error));
}

void LogViewer::clearLog()
{
    m_buffer->clear();
}

} // namespace ascend::ui

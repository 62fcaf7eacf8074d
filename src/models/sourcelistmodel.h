#pragma once
// The workspace entries of the left source list (Uploads, Webhooks, TestFlight, Feedback) with their icons
// and live badges. Panes set badges here; the delegate paints them.

#include <QAbstractListModel>
#include <QList>

namespace ascend::models {

class SourceListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Pane { Uploads, Webhooks, TestFlight, Feedback, PaneCount };
    Q_ENUM(Pane)

    enum class BadgeTone { Neutral, Accent, Positive, Warning, Critical };
    Q_ENUM(BadgeTone)

    enum Role {
        PaneRole = Qt::UserRole + 1, // Pane
        IconPathRole,                // QString, a resource path
        BadgeRole,                   // QString, empty when there is no badge
        BadgeToneRole,               // BadgeTone as int
        ShortcutRole,                // QString, e.g. "Ctrl+1"
        DescriptionRole,             // QString, one sentence about the pane
    };
    Q_ENUM(Role)

    explicit SourceListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setBadge(Pane pane, const QString &text, BadgeTone tone = BadgeTone::Accent);
    void clearBadge(Pane pane);
    QString badge(Pane pane) const;

    QModelIndex indexOf(Pane pane) const;

    static QString title(Pane pane);
    static QString description(Pane pane);
    static QString iconPath(Pane pane);

private:
    struct Badge {
        QString text;
        BadgeTone tone = BadgeTone::Accent;
    };
    QList<Badge> m_badges;
};

} // namespace ascend::models

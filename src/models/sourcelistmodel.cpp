#include "models/sourcelistmodel.h"

#include <QKeySequence>

namespace ascend::models {

SourceListModel::SourceListModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_badges(PaneCount)
{}

int SourceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : PaneCount;
}

QVariant SourceListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= PaneCount || index.column() != 0)
        return {};
    const auto pane = static_cast<Pane>(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return title(pane);
    case Qt::ToolTipRole: {
        const QString shortcut = data(index, ShortcutRole).toString();
        return tr("%1 (%2)").arg(description(pane), shortcut);
    }
    case Qt::AccessibleDescriptionRole:
    case DescriptionRole:
        return description(pane);
    case PaneRole:
        return pane;
    case IconPathRole:
        return iconPath(pane);
    case BadgeRole:
        return m_badges.at(pane).text;
    case BadgeToneRole:
        return static_cast<int>(m_badges.at(pane).tone);
    case ShortcutRole:
        return QKeySequence(Qt::CTRL | Qt::Key(int(Qt::Key_1) + int(pane)))
            .toString(QKeySequence::NativeText);
    default:
        return {};
    }
}

QHash<int, QByteArray> SourceListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(PaneRole, "pane");
    names.insert(IconPathRole, "iconPath");
    names.insert(BadgeRole, "badge");
    names.insert(BadgeToneRole, "badgeTone");
    names.insert(ShortcutRole, "shortcut");
    names.insert(DescriptionRole, "description");
    return names;
}

void SourceListModel::setBadge(Pane pane, const QString &text, BadgeTone tone)
{
    if (pane < 0 || pane >= PaneCount)
        return;
    Badge &badge = m_badges[pane];
    if (badge.text == text && badge.tone == tone)
        return;
    badge.text = text;
    badge.tone = tone;
    const QModelIndex idx = indexOf(pane);
    emit dataChanged(idx, idx, {BadgeRole, BadgeToneRole});
}

void SourceListModel::clearBadge(Pane pane)
{
    setBadge(pane, QString(), BadgeTone::Accent);
}

QString SourceListModel::badge(Pane pane) const
{
    return (pane >= 0 && pane < PaneCount) ? m_badges.at(pane).text : QString();
}

QModelIndex SourceListModel::indexOf(Pane pane) const
{
    return (pane >= 0 && pane < PaneCount) ? index(pane, 0) : QModelIndex();
}

QString SourceListModel::title(Pane pane)
{
    switch (pane) {
    case Uploads:
        return tr("Uploads");
    case Webhooks:
        return tr("Webhooks");
    case TestFlight:
        return tr("TestFlight");
    case Feedback:
        return tr("Feedback");
    case PaneCount:
        break;
    }
    return {};
}

QString SourceListModel::description(Pane pane)
{
    switch (pane) {
    case Uploads:
        return tr("Upload builds and follow every part of the transfer");
    case Webhooks:
        return tr("Configure webhooks and watch their events arrive");
    case TestFlight:
        return tr("Hand builds to beta groups and testers");
    case Feedback:
        return tr("Browse tester screenshots and crash reports");
    case PaneCount:
        break;
    }
    return {};
}

QString SourceListModel::iconPath(Pane pane)
{
    switch (pane) {
    case Uploads:
        return QStringLiteral(":/icons/uploads.svg");
    case Webhooks:
        return QStringLiteral(":/icons/webhooks.svg");
    case TestFlight:
        return QStringLiteral(":/icons/testflight.svg");
    case Feedback:
        return QStringLiteral(":/icons/feedback.svg");
    case PaneCount:
        break;
    }
    return {};
}

} // namespace ascend::models

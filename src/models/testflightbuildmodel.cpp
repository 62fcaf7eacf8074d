#include "models/testflightbuildmodel.h"

#include "models/statelabel.h"

#include <QGuiApplication>
#include <QLocale>
#include <QMimeData>
#include <QPalette>

namespace ascend::models {

namespace {

QString stateText(const auto &value)
{
    return value ? asc::toString(*value) : QString();
}

// "READY_FOR_BETA_SUBMISSION" → "Ready for beta submission", translated
QString humanize(const QString &state)
{
    return state.isEmpty() ? QStringLiteral("—") : stateLabel(state);
}

QString shortDate(const QDateTime &dateTime)
{
    return dateTime.isValid() ? QLocale().toString(dateTime.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"))
                              : QString();
}

QString platformName(const QString &platform)
{
    if (platform == QLatin1String("IOS"))
        return QStringLiteral("iOS");
    if (platform == QLatin1String("MAC_OS"))
        return QStringLiteral("macOS");
    if (platform == QLatin1String("TV_OS"))
        return QStringLiteral("tvOS");
    if (platform == QLatin1String("VISION_OS"))
        return QStringLiteral("visionOS");
    return platform;
}

// "2.10" after "2.9": dot-separated parts compare as numbers where they are numbers.
int compareVersions(const QString &a, const QString &b)
{
    const QStringList left = a.split(QLatin1Char('.'));
    const QStringList right = b.split(QLatin1Char('.'));
    for (qsizetype i = 0; i < std::max(left.size(), right.size()); ++i) {
        const QString l = left.value(i), r = right.value(i);
        bool lok = false, rok = false;
        const qlonglong ln = l.toLongLong(&lok), rn = r.toLongLong(&rok);
        const int c = lok && rok ? (ln < rn ? -1 : (ln > rn ? 1 : 0)) : l.compare(r);
        if (c != 0)
            return c;
    }
    return 0;
}

} // namespace

TestFlightBuildModel::TestFlightBuildModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

QModelIndex TestFlightBuildModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_versions.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= m_versions.size())
        return {};
    if (row >= m_versions.at(parent.row()).builds.size())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex TestFlightBuildModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int TestFlightBuildModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_versions.size());
    if (parent.column() != 0 || parent.internalId() != 0)
        return 0;
    return int(m_versions.at(parent.row()).builds.size());
}

int TestFlightBuildModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString TestFlightBuildModel::groupText(const api::TestFlightBuild &build) const
{
    QStringList names;
    for (const QString &id : build.groupIds)
        names << m_groupNames.value(id, id);
    return names.join(QStringLiteral(", "));
}

QVariant TestFlightBuildModel::buildData(const api::TestFlightBuild &build, int column, int role) const
{
    const QString internal = build.detail ? stateText(build.detail->internalBuildState) : QString();
    const QString external = build.detail ? stateText(build.detail->externalBuildState) : QString();
    const QString review = build.review ? stateText(build.review->betaReviewState) : QString();
    if (role == RawDataRole) {
        switch (column) {
        case Build:
            return build.build.version.toLongLong();
        case Uploaded:
            return build.build.uploadedDate;
        case Processing:
            return stateText(build.build.processingState);
        case Internal:
            return internal;
        case External:
            return external;
        case Review:
            return review;
        case Expires:
            return build.build.expired ? QDateTime() : build.build.expirationDate;
        case Groups:
            return build.groupIds;
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (column) {
        case Build:
            return build.build.version;
        case Uploaded:
            return shortDate(build.build.uploadedDate);
        case Processing:
            return humanize(stateText(build.build.processingState));
        case Internal:
            return humanize(internal);
        case External:
            return humanize(external);
        case Review:
            return review.isEmpty() ? QStringLiteral("—") : humanize(review);
        case Expires:
            return build.build.expired ? tr("Expired") : shortDate(build.build.expirationDate);
        case Groups:
            return groupText(build);
        }
        return {};
    }
    if (role == Qt::ToolTipRole && column == Groups)
        return groupText(build);
    if (role == Qt::ForegroundRole &&
        (build.build.expired || build.build.processingState != asc::BuildProcessingState::VALID))
        return QGuiApplication::palette().color(QPalette::PlaceholderText);
    return {};
}

QVariant TestFlightBuildModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == 0) {
        const Version &version = m_versions.at(index.row());
        if (role == IsVersionRole)
            return true;
        if (index.column() != Build)
            return role == RawDataRole && index.column() == Uploaded && !version.builds.isEmpty()
                       ? QVariant(version.builds.first().build.uploadedDate)
                       : QVariant();
        if (role == Qt::DisplayRole)
            return tr("%1 · %2 — %n build(s)", nullptr, int(version.builds.size()))
                .arg(version.version, platformName(version.platform));
        if (role == RawDataRole)
            return version.version;
        return {};
    }
    const Version &version = m_versions.at(int(index.internalId() - 1));
    const api::TestFlightBuild &build = version.builds.at(index.row());
    if (role == BuildIdRole)
        return build.build.id;
    if (role == IsVersionRole)
        return false;
    return buildData(build, index.column(), role);
}

QVariant TestFlightBuildModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Build:
        return tr("Build");
    case Uploaded:
        return tr("Uploaded");
    case Processing:
        return tr("Processing");
    case Internal:
        return tr("Internal testing");
    case External:
        return tr("External testing");
    case Review:
        return tr("Beta review");
    case Expires:
        return tr("Expires");
    case Groups:
        return tr("Groups");
    }
    return {};
}

Qt::ItemFlags TestFlightBuildModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalId() != 0)
        flags |= Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
    return flags;
}

QStringList TestFlightBuildModel::mimeTypes() const
{
    return {QString::fromLatin1(MimeType)};
}

QMimeData *TestFlightBuildModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList ids;
    for (const QModelIndex &index : indexes) {
        const QString id = index.data(BuildIdRole).toString();
        if (!id.isEmpty() && !ids.contains(id))
            ids << id;
    }
    if (ids.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(QString::fromLatin1(MimeType), ids.join(QLatin1Char('\n')).toUtf8());
    return mime;
}

QStringList TestFlightBuildModel::buildIdsFromMime(const QMimeData *mime)
{
    if (!mime || !mime->hasFormat(QString::fromLatin1(MimeType)))
        return {};
    return QString::fromUtf8(mime->data(QString::fromLatin1(MimeType)))
        .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

void TestFlightBuildModel::setBuilds(const QList<api::TestFlightBuild> &builds)
{
    beginResetModel();
    m_versions.clear();
    QHash<QString, int> byKey;
    for (const api::TestFlightBuild &build : builds) {
        const QString platform = stateText(build.platform);
        const QString key = platform + QLatin1Char('/') + build.preReleaseVersion;
        auto it = byKey.constFind(key);
        if (it == byKey.constEnd()) {
            it = byKey.insert(key, int(m_versions.size()));
            m_versions.append({build.preReleaseVersion + QStringLiteral(" (") + platform + QLatin1Char(')'),
                               build.preReleaseVersion,
                               platform,
                               {}});
        }
        m_versions[*it].builds.append(build);
    }
    for (Version &version : m_versions) {
        std::stable_sort(version.builds.begin(), version.builds.end(), [](const auto &a, const auto &b) {
            return a.build.uploadedDate > b.build.uploadedDate;
        });
    }
    std::stable_sort(m_versions.begin(), m_versions.end(), [](const Version &a, const Version &b) {
        const int byVersion = compareVersions(a.version, b.version);
        return byVersion != 0 ? byVersion > 0 : a.platform < b.platform;
    });
    endResetModel();
}

void TestFlightBuildModel::setGroupNames(const QHash<QString, QString> &names)
{
    m_groupNames = names;
    for (int v = 0; v < m_versions.size(); ++v) {
        if (!m_versions.at(v).builds.isEmpty()) {
            const QModelIndex parent = index(v, 0);
            emit dataChanged(index(0, Groups, parent),
                             index(int(m_versions.at(v).builds.size()) - 1, Groups, parent));
        }
    }
}

bool TestFlightBuildModel::updateBuild(const api::TestFlightBuild &build)
{
    for (int v = 0; v < m_versions.size(); ++v) {
        auto &builds = m_versions[v].builds;
        for (int b = 0; b < builds.size(); ++b) {
            if (builds.at(b).build.id == build.build.id) {
                builds[b] = build;
                const QModelIndex parent = index(v, 0);
                emit dataChanged(index(b, 0, parent), index(b, ColumnCount - 1, parent));
                return true;
            }
        }
    }
    return false;
}

void TestFlightBuildModel::clear()
{
    beginResetModel();
    m_versions.clear();
    endResetModel();
}

int TestFlightBuildModel::buildCount() const
{
    int n = 0;
    for (const Version &version : m_versions)
        n += int(version.builds.size());
    return n;
}

const api::TestFlightBuild *TestFlightBuildModel::build(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == 0)
        return nullptr;
    return &m_versions.at(int(index.internalId() - 1)).builds.at(index.row());
}

const api::TestFlightBuild *TestFlightBuildModel::buildById(const QString &id) const
{
    for (const Version &version : m_versions)
        for (const auto &build : version.builds)
            if (build.build.id == id)
                return &build;
    return nullptr;
}

QModelIndex TestFlightBuildModel::indexOfBuild(const QString &id, int column) const
{
    for (int v = 0; v < m_versions.size(); ++v)
        for (int b = 0; b < m_versions.at(v).builds.size(); ++b)
            if (m_versions.at(v).builds.at(b).build.id == id)
                return index(b, column, index(v, 0));
    return {};
}

} // namespace ascend::models

#include "core/api/query.h"

#include <QCoreApplication>
#include <QUrl>

namespace ascend::api {
namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ascend::api::Query)
};
} // namespace

Query &Query::set(const QString &name, const QStringList &values)
{
    if (name.isEmpty()) {
        fail(Text::tr("a query parameter has an empty name"));
        return *this;
    }
    for (auto &item : m_items) {
        if (item.name == name) {
            item.values = values;
            return *this;
        }
    }
    m_items.append(Item{name, values});
    return *this;
}

void Query::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
}

Query &Query::filter(const QString &name, const QStringList &values)
{
    if (name.isEmpty()) {
        fail(Text::tr("a filter has an empty name"));
        return *this;
    }
    return set(QStringLiteral("filter[%1]").arg(name), values);
}

Query &Query::fields(const QString &type, const QStringList &fieldNames)
{
    if (type.isEmpty()) {
        fail(Text::tr("a sparse fieldset has an empty resource type"));
        return *this;
    }
    return set(QStringLiteral("fields[%1]").arg(type), fieldNames);
}

Query &Query::include(const QStringList &relationships)
{
    return set(QStringLiteral("include"), relationships);
}

Query &Query::sort(const QStringList &keys)
{
    return set(QStringLiteral("sort"), keys);
}

Query &Query::limit(int n, int max)
{
    if (n < 1 || n > max)
        fail(Text::tr("limit %1 is out of range: it must be between 1 and %2").arg(n).arg(max));
    return set(QStringLiteral("limit"), {QString::number(n)});
}

Query &Query::limit(const QString &relationship, int n, int max)
{
    if (n < 1 || n > max)
        fail(Text::tr("limit[%1] %2 is out of range: it must be between 1 and %3")
                 .arg(relationship)
                 .arg(n)
                 .arg(max));
    return set(QStringLiteral("limit[%1]").arg(relationship), {QString::number(n)});
}

Query &Query::exists(const QString &name, bool value)
{
    return set(QStringLiteral("exists[%1]").arg(name),
               {value ? QStringLiteral("true") : QStringLiteral("false")});
}

Query &Query::param(const QString &name, const QStringList &values)
{
    return set(name, values);
}

Query &Query::remove(const QString &name)
{
    m_items.removeIf([&name](const Item &item) { return item.name == name; });
    return *this;
}

bool Query::contains(const QString &name) const
{
    for (const auto &item : m_items) {
        if (item.name == name)
            return true;
    }
    return false;
}

QString Query::value(const QString &name) const
{
    for (const auto &item : m_items) {
        if (item.name == name)
            return item.values.join(QLatin1Char(','));
    }
    return {};
}

QStringList Query::values(const QString &name) const
{
    for (const auto &item : m_items) {
        if (item.name == name)
            return item.values;
    }
    return {};
}

QList<std::pair<QString, QString>> Query::items() const
{
    QList<std::pair<QString, QString>> out;
    for (const auto &item : m_items)
        out.append({item.name, item.values.join(QLatin1Char(','))});
    return out;
}

QByteArray Query::toEncoded(BracketStyle brackets) const
{
    const QByteArray nameExclude = brackets == BracketStyle::Literal ? QByteArrayLiteral("[]") : QByteArray();
    QByteArray out;
    for (const auto &item : m_items) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(item.name, nameExclude);
        out += '=';
        for (qsizetype i = 0; i < item.values.size(); ++i) {
            if (i > 0)
                out += ',';
            out += QUrl::toPercentEncoding(item.values.at(i));
        }
    }
    return out;
}

Query Query::fromEncoded(const QByteArray &encoded)
{
    Query query;
    for (const QByteArray &pair : encoded.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const QByteArray rawName = equals < 0 ? pair : pair.left(equals);
        const QByteArray rawValue = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        const QString name = QString::fromUtf8(QByteArray::fromPercentEncoding(rawName));
        QStringList values;
        if (!rawValue.isEmpty()) {
            for (const QByteArray &part : rawValue.split(','))
                values << QString::fromUtf8(QByteArray::fromPercentEncoding(part));
        }
        query.set(name, values);
    }
    return query;
}

} // namespace ascend::api

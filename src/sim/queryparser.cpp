#include "sim/queryparser.h"

#include "sim/cursor.h"
#include "sim/speccatalog.h"

#include <QSet>

namespace ascend::sim {
namespace {

// "fields[builds]" with prefix "fields" → "builds"; empty when the name has another shape.
QString bracketArgument(const QString &name, QLatin1StringView prefix)
{
    if (!name.startsWith(prefix) || name.size() < prefix.size() + 3 ||
        name.at(prefix.size()) != QLatin1Char('[') || !name.endsWith(QLatin1Char(']'))) {
        return {};
    }
    return name.mid(prefix.size() + 1, name.size() - prefix.size() - 2);
}

QString quotedList(const QStringList &values)
{
    return values.join(QLatin1String(", "));
}

} // namespace

QueryParser::QueryParser(const OperationSpec &operation, const ResourceSpec *resource)
    : m_operation(operation)
    , m_resource(resource)
{}

bool QueryParser::parseInteger(const QString &name, const QString &value, int maximum, int *out,
                               QList<ApiError> *errors) const
{
    bool ok = false;
    const int number = value.toInt(&ok);
    if (!ok || number < 1) {
        errors->append(errors::parameterInvalid(
            name, QStringLiteral("'%1' is not a valid value for '%2'. It must be a positive integer")
                      .arg(value, name)));
        return false;
    }
    if (maximum > 0 && number > maximum) {
        errors->append(errors::parameterInvalid(
            name, QStringLiteral("'%1' is not a valid value for '%2'. It must be less than or equal to %3")
                      .arg(value, name)
                      .arg(maximum)));
        return false;
    }
    *out = number;
    return true;
}

bool QueryParser::splitList(const QString &name, const QString &value, const QStringList &allowed,
                            QStringList *out, QList<ApiError> *errors) const
{
    const QStringList items = value.split(QLatin1Char(','));
    bool ok = true;
    for (const QString &item : items) {
        if (item.isEmpty()) {
            errors->append(errors::parameterInvalid(
                name, QStringLiteral("The parameter '%1' has an empty value").arg(name)));
            ok = false;
        } else if (!allowed.isEmpty() && !allowed.contains(item)) {
            errors->append(errors::parameterInvalid(
                name, QStringLiteral("'%1' is not a valid value for '%2'. Allowed values: %3")
                          .arg(item, name, quotedList(allowed))));
            ok = false;
        }
    }
    if (ok)
        *out = items;
    return ok;
}

FilterTerm QueryParser::classifyFilter(const QString &parameter, const QString &target) const
{
    FilterTerm term;
    term.parameter = parameter;
    const qsizetype dot = target.indexOf(QLatin1Char('.'));
    if (target == QLatin1String("id")) {
        term.kind = FilterTerm::Kind::Id;
    } else if (dot > 0) {
        term.kind = FilterTerm::Kind::RelatedAttribute;
        term.relationship = target.left(dot);
        term.attribute = target.mid(dot + 1);
    } else if (m_resource && m_resource->relationship(target) && !m_resource->attribute(target)) {
        term.kind = FilterTerm::Kind::Relationship;
        term.relationship = target;
    } else {
        term.kind = FilterTerm::Kind::Attribute;
        term.attribute = target;
    }
    return term;
}

bool QueryParser::parse(const QUrlQuery &query, ResourceQuery *out, QList<ApiError> *errors) const
{
    ResourceQuery result;
    const qsizetype errorsBefore = errors->size();
    QSet<QString> seen;
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items) {
        if (seen.contains(name)) {
            errors->append(errors::parameterInvalid(
                name,
                QStringLiteral("The parameter '%1' was given more than once; list values separated by commas")
                    .arg(name)));
            continue;
        }
        seen.insert(name);

        if (name == QLatin1String("cursor") && m_operation.isList()) {
            const auto offset = decodeCursor(value);
            if (!offset) {
                errors->append(errors::parameterInvalid(
                    name,
                    QStringLiteral("'%1' is not a valid cursor; use the links.next URL of a previous page")
                        .arg(value)));
            } else {
                result.offset = *offset;
            }
            continue;
        }

        const ParameterSpec *spec = m_operation.parameter(name);
        if (!spec) {
            errors->append(errors::parameterNotAllowed(name));
            continue;
        }

        if (name == QLatin1String("limit")) {
            parseInteger(name, value, spec->maximum, &result.limit, errors);
        } else if (const QString relationship = bracketArgument(name, QLatin1StringView("limit"));
                   !relationship.isEmpty()) {
            int limit = 0;
            if (parseInteger(name, value, spec->maximum, &limit, errors))
                result.includeLimits.insert(relationship, limit);
        } else if (name == QLatin1String("include")) {
            splitList(name, value, spec->allowed, &result.include, errors);
        } else if (name == QLatin1String("sort")) {
            QStringList keys;
            if (splitList(name, value, spec->allowed, &keys, errors)) {
                for (const QString &key : keys) {
                    const bool descending = key.startsWith(QLatin1Char('-'));
                    result.sort.append({descending ? key.mid(1) : key, descending});
                }
            }
        } else if (const QString type = bracketArgument(name, QLatin1StringView("fields")); !type.isEmpty()) {
            QStringList fields;
            if (splitList(name, value, spec->allowed, &fields, errors))
                result.fields.insert(type, fields);
        } else if (const QString target = bracketArgument(name, QLatin1StringView("filter"));
                   !target.isEmpty()) {
            FilterTerm term = classifyFilter(name, target);
            if (splitList(name, value, spec->allowed, &term.values, errors))
                result.filters.append(term);
        } else if (const QString target = bracketArgument(name, QLatin1StringView("exists"));
                   !target.isEmpty()) {
            if (value != QLatin1String("true") && value != QLatin1String("false")) {
                errors->append(errors::parameterInvalid(
                    name, QStringLiteral("'%1' is not a valid value for '%2'. Use true or false")
                              .arg(value, name)));
                continue;
            }
            FilterTerm term;
            term.parameter = name;
            term.kind = FilterTerm::Kind::Exists;
            term.attribute = target;
            term.exists = value == QLatin1String("true");
            result.filters.append(term);
        } else if (!spec->allowed.isEmpty() && !spec->allowed.contains(value)) {
            errors->append(errors::parameterInvalid(
                name, QStringLiteral("'%1' is not a valid value for '%2'. Allowed values: %3")
                          .arg(value, name, quotedList(spec->allowed))));
        }
    }
    for (const ParameterSpec &spec : m_operation.parameters) {
        if (spec.required && !seen.contains(spec.name))
            errors->append(errors::parameterRequired(spec.name));
    }
    if (errors->size() != errorsBefore)
        return false;
    *out = result;
    return true;
}

} // namespace ascend::sim

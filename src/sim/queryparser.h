#pragma once
// Validates a request's query string against the operation's parameters in the spec and turns it into a
// ResourceQuery. Unknown parameters, values outside the spec's enums, limits above the spec's maximum and
// broken cursors become PARAMETER_ERROR errors, as App Store Connect answers them.

#include "sim/apierror.h"
#include "sim/resourcequery.h"

#include <QList>
#include <QUrlQuery>

namespace ascend::sim {

struct OperationSpec;
struct ResourceSpec;

class QueryParser {
public:
    static constexpr int DefaultPageLimit = 50;

    // resource is the operation's primary type (may be null for operations without resources).
    QueryParser(const OperationSpec &operation, const ResourceSpec *resource);

    // Returns false and fills errors when the query is not acceptable.
    bool parse(const QUrlQuery &query, ResourceQuery *out, QList<ApiError> *errors) const;

private:
    bool parseInteger(const QString &name, const QString &value, int maximum, int *out,
                      QList<ApiError> *errors) const;
    bool splitList(const QString &name, const QString &value, const QStringList &allowed, QStringList *out,
                   QList<ApiError> *errors) const;
    FilterTerm classifyFilter(const QString &parameter, const QString &target) const;

    const OperationSpec &m_operation;
    const ResourceSpec *m_resource;
};

} // namespace ascend::sim

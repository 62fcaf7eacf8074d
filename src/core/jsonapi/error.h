#pragma once
// One entry of a JSON:API "errors" array, as ASC sends it (components.schemas.ErrorResponse).

#include <QJsonObject>
#include <QList>
#include <QString>

namespace ascend::jsonapi {

struct Error {
    QString id;
    QString status; // the HTTP status as a string, e.g. "404"
    QString code;   // hierarchical, e.g. "ENTITY_ERROR.ATTRIBUTE.INVALID"; the only field meant for programs
    QString title;
    QString detail;
    QString sourcePointer;   // source.pointer, e.g. "/data/attributes/name"
    QString sourceParameter; // source.parameter, e.g. "filter[platform]"
    QJsonObject links;       // about / associated, kept as sent
    QJsonObject meta;

    static Error make(int httpStatus, const QString &code, const QString &title, const QString &detail);

    int httpStatus() const { return status.toInt(); }
    // True when code equals prefix or starts with prefix + ".".
    bool codeIs(const QString &prefix) const;
    // "title: detail", or just one of them when the other is empty or repeats it.
    QString summary() const;

    // Tolerant: a numeric status is accepted, anything unrecognised is ignored.
    static Error fromJson(const QJsonValue &value);
    static QList<Error> listFromJson(const QJsonValue &errorsArray);
    QJsonObject toJson() const;

    friend bool operator==(const Error &, const Error &) = default;
};

} // namespace ascend::jsonapi

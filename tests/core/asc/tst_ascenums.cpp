// Every enum in core/asc must match the vendored OpenAPI spec exactly: same values, same order.

#include "core/asc/ascenums.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ascend::asc;

namespace {
// RFC 6901 JSON pointer; a "$ref" met on the way (or at the end) is followed within the document.
QJsonValue resolvePointer(const QJsonObject &root, const QString &pointer, QString *error, int depth = 0)
{
    if (depth > 16) {
        *error = QStringLiteral("$ref chain too long at %1").arg(pointer);
        return {};
    }
    if (!pointer.startsWith(QLatin1Char('/'))) {
        *error = QStringLiteral("not a JSON pointer: %1").arg(pointer);
        return {};
    }
    QJsonValue node = root;
    const QStringList tokens = pointer.mid(1).split(QLatin1Char('/'));
    for (QString token : tokens) {
        token.replace(QStringLiteral("~1"), QStringLiteral("/"))
            .replace(QStringLiteral("~0"), QStringLiteral("~"));
        if (node.isObject() && node.toObject().contains(QStringLiteral("$ref")) &&
            !node.toObject().contains(token)) {
            const QString ref = node.toObject().value(QStringLiteral("$ref")).toString();
            node = resolvePointer(root, ref.mid(1), error, depth + 1);
        }
        if (node.isObject()) {
            const QJsonObject object = node.toObject();
            if (!object.contains(token)) {
                *error = QStringLiteral("%1: no member \"%2\"").arg(pointer, token);
                return {};
            }
            node = object.value(token);
        } else if (node.isArray()) {
            bool ok = false;
            const int index = token.toInt(&ok);
            if (!ok || index < 0 || index >= node.toArray().size()) {
                *error = QStringLiteral("%1: bad index \"%2\"").arg(pointer, token);
                return {};
            }
            node = node.toArray().at(index);
        } else {
            *error = QStringLiteral("%1: cannot descend into a scalar at \"%2\"").arg(pointer, token);
            return {};
        }
    }
    if (node.isObject() && node.toObject().contains(QStringLiteral("$ref")))
        return resolvePointer(root, node.toObject().value(QStringLiteral("$ref")).toString().mid(1), error,
                              depth + 1);
    return node;
}

QStringList enumValues(const QJsonObject &root, const QJsonValue &schema)
{
    QJsonObject object = schema.toObject();
    // An array-of-enum schema lists its values under "items", possibly through a $ref.
    if (!object.contains(QStringLiteral("enum")) && object.value(QStringLiteral("items")).isObject()) {
        object = object.value(QStringLiteral("items")).toObject();
        const QString ref = object.value(QStringLiteral("$ref")).toString();
        QString error;
        if (ref.startsWith(QLatin1Char('#')))
            object = resolvePointer(root, ref.mid(1), &error).toObject();
    }
    QStringList values;
    for (const QJsonValue &value : object.value(QStringLiteral("enum")).toArray())
        values << value.toString();
    return values;
}
} // namespace

class TestAscEnums : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QFile file(QStringLiteral(ASCEND_SPEC_FILE));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
        m_spec = document.object();
        QCOMPARE(m_spec.value(QStringLiteral("info")).toObject().value(QStringLiteral("version")).toString(),
                 QStringLiteral("4.4.1"));
    }

    void matchesSpec_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QStringList>("values");
        const auto descriptions = allEnumDescriptions();
        QVERIFY(!descriptions.isEmpty());
        for (const auto &description : descriptions)
            QTest::newRow(qPrintable(description.name)) << description.specPointer << description.values;
    }

    void matchesSpec()
    {
        QFETCH(QString, pointer);
        QFETCH(QStringList, values);
        QString error;
        const QJsonValue schema = resolvePointer(m_spec, pointer, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QStringList specValues = enumValues(m_spec, schema);
        QVERIFY2(!specValues.isEmpty(), qPrintable(pointer + QStringLiteral(" has no enum")));
        QCOMPARE(values, specValues);
    }

    void everyEnumIsDescribed()
    {
        QSet<QString> names;
        for (const auto &description : allEnumDescriptions()) {
            QVERIFY2(!names.contains(description.name), qPrintable(description.name));
            names.insert(description.name);
        }
        QCOMPARE(names.size(), allEnumDescriptions().size());
    }

    void webhookEventTypesHaveTwelveValues()
    {
        QCOMPARE(allNames<WebhookEventType>().size(), 12);
        QCOMPARE(int(EnumTraits<WebhookEventType>::names.size()), 12);
        QString error;
        const QJsonValue schema =
            resolvePointer(m_spec, QStringLiteral("/components/schemas/WebhookEventType"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(enumValues(m_spec, schema).size(), 12);
        // Every place in the spec that lists webhook event types (webhook create/update requests and
        // resource attributes) refers to the same 12 values.
        int places = 0;
        for (const QString pointer :
             {QStringLiteral("/components/schemas/WebhookCreateRequest/properties/data/properties/attributes/"
                             "properties/eventTypes"),
              QStringLiteral("/components/schemas/WebhookUpdateRequest/properties/data/properties/attributes/"
                             "properties/eventTypes"),
              QStringLiteral("/components/schemas/Webhook/properties/attributes/properties/eventTypes")}) {
            const QJsonValue eventTypes = resolvePointer(m_spec, pointer, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(enumValues(m_spec, eventTypes), allNames<WebhookEventType>());
            ++places;
        }
        QCOMPARE(places, 3);
    }

    void roundTripStrings()
    {
        for (const auto name : allNames<WebhookEventType>())
            QCOMPARE(toString(*fromString<WebhookEventType>(name)), name);
        QCOMPARE(toString(BuildUploadFileUti::Ipa), QStringLiteral("com.apple.ipa"));
        QVERIFY(!fromString<BuildProcessingState>(u"BUILD_UPLOAD_STATE_CHANGED"));
        QVERIFY(!fromString<Platform>(u"ios"));
    }

private:
    QJsonObject m_spec;
};

QTEST_GUILESS_MAIN(TestAscEnums)
#include "tst_ascenums.moc"

#include "models/statelabel.h"

#include <QCoreApplication>
#include <QHash>

namespace ascend::models {

namespace {

constexpr char kContext[] = "ascend::models::StateLabel";

// The English text is the name spelled out, so untranslated it reads as before.
const QHash<QString, const char *> &labels()
{
    static const QHash<QString, const char *> table = {
        // Build processing (BuildProcessingState)
        {QStringLiteral("PROCESSING"), QT_TRANSLATE_NOOP("ascend::models::StateLabel", "Processing")},
        {QStringLiteral("FAILED"), QT_TRANSLATE_NOOP("ascend::models::StateLabel", "Failed")},
        {QStringLiteral("INVALID"), QT_TRANSLATE_NOOP("ascend::models::StateLabel", "Invalid")},
        {QStringLiteral("VALID"), QT_TRANSLATE_NOOP("ascend::models::StateLabel", "Valid")},
        // Internal and external beta (InternalBetaState, ExternalBetaState)
        {QStringLiteral("PROCESSING_EXCEPTION"),
         QT_TRANSLATE_NOOP("ascend::models::StateLabel", "Processing exception")},
        {QStringLiteral("MISSING_EXPORT_COMPLIANCE"),
         QT_TRANSLATE_NOOP("ascend::models::StateLabel", "Missing export compliance")},
        {QStringLiteral("READY_FOR_BETA_TESTING"),
         QT_TRANSLATE_NOOP("ascend::models::StateLabel", "Ready for beta testing")},
        {QStringLiteral("IN_BETA_TESTING"),
         QT_TRANSLATE_NOOP("ascend::models::StateLabel", "In beta testing")},
        {QStringLiteral("EXPIRED"), QT_TRANSLATE_NOOP("ascend::models::StateLabel", "Expired")},
        {QStringLiteral("READY_FOR_BETA_SUBMISSION"),
         QT_TRANSLATE_NOOP("ascend::models::StateLabel", "Ready for beta submission")},
        {QStringLiteral("IN_EXPORT_COMPLIANCE_REVIEW"),
         QT_TRANSLATE_NOOP("ascend::models::StateLabel", "In export compliance review")},
        {QStringLiteral("WAITING_FOR_BETA_REVIEW"),
         QT_TRANSLATE_NOOP("ascend::models::StateLabel", "Waiting for beta review")},
        {QStringLiteral("IN_BETA_REVIEW"), QT_TRANSLATE_NOOP("ascend::models::StateLabel", "In beta review")},
        {QStringLiteral("BETA_REJECTED"), QT_TRANSLATE_NOOP("ascend::models::StateLabel", "Beta rejected")},
        {QStringLiteral("BETA_APPROVED"), QT_TRANSLATE_NOOP("ascend::models::StateLabel", "Beta approved")},
        {QStringLiteral("NOT_APPLICABLE"), QT_TRANSLATE_NOOP("ascend::models::StateLabel", "Not applicable")},
        // Beta App Review (BetaReviewState)
        {QStringLiteral("WAITING_FOR_REVIEW"),
         QT_TRANSLATE_NOOP("ascend::models::StateLabel", "Waiting for review")},
        {QStringLiteral("IN_REVIEW"), QT_TRANSLATE_NOOP("ascend::models::StateLabel", "In review")},
        {QStringLiteral("REJECTED"), QT_TRANSLATE_NOOP("ascend::models::StateLabel", "Rejected")},
        {QStringLiteral("APPROVED"), QT_TRANSLATE_NOOP("ascend::models::StateLabel", "Approved")},
        // Testers (BetaTesterState)
        {QStringLiteral("NOT_INVITED"), QT_TRANSLATE_NOOP("ascend::models::StateLabel", "Not invited")},
        {QStringLiteral("INVITED"), QT_TRANSLATE_NOOP("ascend::models::StateLabel", "Invited")},
        {QStringLiteral("ACCEPTED"), QT_TRANSLATE_NOOP("ascend::models::StateLabel", "Accepted")},
        {QStringLiteral("INSTALLED"), QT_TRANSLATE_NOOP("ascend::models::StateLabel", "Installed")},
        {QStringLiteral("REVOKED"), QT_TRANSLATE_NOOP("ascend::models::StateLabel", "Revoked")},
    };
    return table;
}

} // namespace

QString stateLabel(const QString &apiValue)
{
    if (apiValue.isEmpty())
        return {};
    if (const char *text = labels().value(apiValue))
        return QCoreApplication::translate(kContext, text);
    QString text = apiValue.toLower().replace(QLatin1Char('_'), QLatin1Char(' '));
    text[0] = text[0].toUpper();
    return text;
}

} // namespace ascend::models

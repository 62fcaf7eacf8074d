#pragma once
// Enumerations of the App Store Connect API (OpenAPI 4.4.1) that Ascend uses.
// The string forms are exactly the spec's; tests/core/asc checks every table against the vendored spec.

#include <QList>
#include <QString>
#include <QStringList>
#include <array>
#include <optional>
#include <string_view>

namespace ascend::asc {

enum class Platform { IOS, MAC_OS, TV_OS, VISION_OS };
enum class BuildUploadState { AWAITING_UPLOAD, PROCESSING, FAILED, COMPLETE };
enum class AssetDeliveryState { AWAITING_UPLOAD, UPLOAD_COMPLETE, COMPLETE, FAILED };
enum class ChecksumAlgorithm { MD5, SHA_256 };
enum class BetaReviewState { WAITING_FOR_REVIEW, IN_REVIEW, REJECTED, APPROVED };
enum class ExternalBetaState {
    PROCESSING,
    PROCESSING_EXCEPTION,
    MISSING_EXPORT_COMPLIANCE,
    READY_FOR_BETA_TESTING,
    IN_BETA_TESTING,
    EXPIRED,
    READY_FOR_BETA_SUBMISSION,
    IN_EXPORT_COMPLIANCE_REVIEW,
    WAITING_FOR_BETA_REVIEW,
    IN_BETA_REVIEW,
    BETA_REJECTED,
    BETA_APPROVED,
    NOT_APPLICABLE
};
enum class InternalBetaState {
    PROCESSING,
    PROCESSING_EXCEPTION,
    MISSING_EXPORT_COMPLIANCE,
    READY_FOR_BETA_TESTING,
    IN_BETA_TESTING,
    EXPIRED,
    IN_EXPORT_COMPLIANCE_REVIEW
};
enum class BuildProcessingState { PROCESSING, FAILED, INVALID, VALID };
enum class BuildAudienceType { INTERNAL_ONLY, APP_STORE_ELIGIBLE };
enum class BetaInviteType { EMAIL, PUBLIC_LINK };
enum class BetaTesterState { NOT_INVITED, INVITED, ACCEPTED, INSTALLED, REVOKED };
enum class WebhookDeliveryState { SUCCEEDED, FAILED, PENDING };
enum class DeviceConnectionType { WIFI, MOBILE_DATA, WIRE, UNKNOWN, NONE };
enum class DeviceFamily { IPHONE, IPAD, APPLE_TV, APPLE_WATCH, MAC, VISION };
enum class BuildUploadFileAssetType { ASSET, ASSET_DESCRIPTION, ASSET_SPI };
enum class BuildUploadFileUti { BinaryPropertyList, Ipa, Pkg, XmlPropertyList, ZipArchive };
enum class WebhookEventType {
    ALTERNATIVE_DISTRIBUTION_PACKAGE_AVAILABLE_UPDATED,
    ALTERNATIVE_DISTRIBUTION_PACKAGE_VERSION_CREATED,
    ALTERNATIVE_DISTRIBUTION_TERRITORY_AVAILABILITY_UPDATED,
    APP_STORE_VERSION_APP_VERSION_STATE_UPDATED,
    BACKGROUND_ASSET_VERSION_APP_STORE_RELEASE_STATE_UPDATED,
    BACKGROUND_ASSET_VERSION_EXTERNAL_BETA_RELEASE_STATE_UPDATED,
    BACKGROUND_ASSET_VERSION_INTERNAL_BETA_RELEASE_CREATED,
    BACKGROUND_ASSET_VERSION_STATE_UPDATED,
    BETA_FEEDBACK_CRASH_SUBMISSION_CREATED,
    BETA_FEEDBACK_SCREENSHOT_SUBMISSION_CREATED,
    BUILD_BETA_DETAIL_EXTERNAL_BUILD_STATE_UPDATED,
    BUILD_UPLOAD_STATE_UPDATED
};

// EnumTraits<E>::names lists the spec strings in the order of the enumerators;
// specPointer is the JSON pointer of the enum's definition in openapi.json.
template <typename E> struct EnumTraits;

#define ASCEND_ENUM_TRAITS(Type, Pointer, ...)                                                               \
    template <> struct EnumTraits<Type> {                                                                    \
        static constexpr std::string_view specPointer = Pointer;                                             \
        static constexpr auto names = std::to_array<std::string_view>({__VA_ARGS__});                        \
    };

ASCEND_ENUM_TRAITS(Platform, "/components/schemas/Platform", "IOS", "MAC_OS", "TV_OS", "VISION_OS")
ASCEND_ENUM_TRAITS(BuildUploadState, "/components/schemas/BuildUploadState", "AWAITING_UPLOAD", "PROCESSING",
                   "FAILED", "COMPLETE")
ASCEND_ENUM_TRAITS(AssetDeliveryState, "/components/schemas/AppMediaAssetState/properties/state",
                   "AWAITING_UPLOAD", "UPLOAD_COMPLETE", "COMPLETE", "FAILED")
ASCEND_ENUM_TRAITS(ChecksumAlgorithm, "/components/schemas/ChecksumAlgorithm", "MD5", "SHA_256")
ASCEND_ENUM_TRAITS(BetaReviewState, "/components/schemas/BetaReviewState", "WAITING_FOR_REVIEW", "IN_REVIEW",
                   "REJECTED", "APPROVED")
ASCEND_ENUM_TRAITS(ExternalBetaState, "/components/schemas/ExternalBetaState", "PROCESSING",
                   "PROCESSING_EXCEPTION", "MISSING_EXPORT_COMPLIANCE", "READY_FOR_BETA_TESTING",
                   "IN_BETA_TESTING", "EXPIRED", "READY_FOR_BETA_SUBMISSION", "IN_EXPORT_COMPLIANCE_REVIEW",
                   "WAITING_FOR_BETA_REVIEW", "IN_BETA_REVIEW", "BETA_REJECTED", "BETA_APPROVED",
                   "NOT_APPLICABLE")
ASCEND_ENUM_TRAITS(InternalBetaState, "/components/schemas/InternalBetaState", "PROCESSING",
                   "PROCESSING_EXCEPTION", "MISSING_EXPORT_COMPLIANCE", "READY_FOR_BETA_TESTING",
                   "IN_BETA_TESTING", "EXPIRED", "IN_EXPORT_COMPLIANCE_REVIEW")
ASCEND_ENUM_TRAITS(BuildProcessingState,
                   "/components/schemas/Build/properties/attributes/properties/processingState", "PROCESSING",
                   "FAILED", "INVALID", "VALID")
ASCEND_ENUM_TRAITS(BuildAudienceType, "/components/schemas/BuildAudienceType", "INTERNAL_ONLY",
                   "APP_STORE_ELIGIBLE")
ASCEND_ENUM_TRAITS(BetaInviteType, "/components/schemas/BetaInviteType", "EMAIL", "PUBLIC_LINK")
ASCEND_ENUM_TRAITS(BetaTesterState, "/components/schemas/BetaTesterState", "NOT_INVITED", "INVITED",
                   "ACCEPTED", "INSTALLED", "REVOKED")
ASCEND_ENUM_TRAITS(WebhookDeliveryState,
                   "/components/schemas/WebhookDelivery/properties/attributes/properties/deliveryState",
                   "SUCCEEDED", "FAILED", "PENDING")
ASCEND_ENUM_TRAITS(DeviceConnectionType, "/components/schemas/DeviceConnectionType", "WIFI", "MOBILE_DATA",
                   "WIRE", "UNKNOWN", "NONE")
ASCEND_ENUM_TRAITS(DeviceFamily, "/components/schemas/DeviceFamily", "IPHONE", "IPAD", "APPLE_TV",
                   "APPLE_WATCH", "MAC", "VISION")
ASCEND_ENUM_TRAITS(BuildUploadFileAssetType,
                   "/components/schemas/BuildUploadFileCreateRequest/properties/data/properties/attributes/"
                   "properties/assetType",
                   "ASSET", "ASSET_DESCRIPTION", "ASSET_SPI")
ASCEND_ENUM_TRAITS(BuildUploadFileUti,
                   "/components/schemas/BuildUploadFileCreateRequest/properties/data/properties/attributes/"
                   "properties/uti",
                   "com.apple.binary-property-list", "com.apple.ipa", "com.apple.pkg",
                   "com.apple.xml-property-list", "com.pkware.zip-archive")
ASCEND_ENUM_TRAITS(WebhookEventType, "/components/schemas/WebhookEventType",
                   "ALTERNATIVE_DISTRIBUTION_PACKAGE_AVAILABLE_UPDATED",
                   "ALTERNATIVE_DISTRIBUTION_PACKAGE_VERSION_CREATED",
                   "ALTERNATIVE_DISTRIBUTION_TERRITORY_AVAILABILITY_UPDATED",
                   "APP_STORE_VERSION_APP_VERSION_STATE_UPDATED",
                   "BACKGROUND_ASSET_VERSION_APP_STORE_RELEASE_STATE_UPDATED",
                   "BACKGROUND_ASSET_VERSION_EXTERNAL_BETA_RELEASE_STATE_UPDATED",
                   "BACKGROUND_ASSET_VERSION_INTERNAL_BETA_RELEASE_CREATED",
                   "BACKGROUND_ASSET_VERSION_STATE_UPDATED", "BETA_FEEDBACK_CRASH_SUBMISSION_CREATED",
                   "BETA_FEEDBACK_SCREENSHOT_SUBMISSION_CREATED",
                   "BUILD_BETA_DETAIL_EXTERNAL_BUILD_STATE_UPDATED", "BUILD_UPLOAD_STATE_UPDATED")

#undef ASCEND_ENUM_TRAITS

template <typename E>
requires requires
{
    EnumTraits<E>::names;
}
QString toString(E value)
{
    const auto index = static_cast<std::size_t>(value);
    const auto &names = EnumTraits<E>::names;
    if (index >= names.size())
        return {};
    return QString::fromLatin1(names[index].data(), qsizetype(names[index].size()));
}

template <typename E>
requires requires
{
    EnumTraits<E>::names;
}
std::optional<E> fromString(QStringView text)
{
    const auto &names = EnumTraits<E>::names;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (text == QLatin1StringView(names[i].data(), qsizetype(names[i].size())))
            return static_cast<E>(i);
    }
    return std::nullopt;
}

template <typename E> QStringList allNames()
{
    QStringList out;
    for (const auto name : EnumTraits<E>::names)
        out << QString::fromLatin1(name.data(), qsizetype(name.size()));
    return out;
}

// Every enum above with where it lives in the spec; used by the spec-conformance test and the simulator.
struct EnumDescription {
    QString name;
    QString specPointer;
    QStringList values;
};
QList<EnumDescription> allEnumDescriptions();

} // namespace ascend::asc

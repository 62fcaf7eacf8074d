#include "core/asc/ascenums.h"

namespace ascend::asc {
namespace {
template <typename E> EnumDescription describe(const char *name)
{
    const auto pointer = EnumTraits<E>::specPointer;
    return {QString::fromLatin1(name), QString::fromLatin1(pointer.data(), qsizetype(pointer.size())),
            allNames<E>()};
}
} // namespace

QList<EnumDescription> allEnumDescriptions()
{
    return {
        describe<Platform>("Platform"),
        describe<BuildUploadState>("BuildUploadState"),
        describe<AssetDeliveryState>("AssetDeliveryState"),
        describe<ChecksumAlgorithm>("ChecksumAlgorithm"),
        describe<BetaReviewState>("BetaReviewState"),
        describe<ExternalBetaState>("ExternalBetaState"),
        describe<InternalBetaState>("InternalBetaState"),
        describe<BuildProcessingState>("BuildProcessingState"),
        describe<BuildAudienceType>("BuildAudienceType"),
        describe<BetaInviteType>("BetaInviteType"),
        describe<BetaTesterState>("BetaTesterState"),
        describe<WebhookDeliveryState>("WebhookDeliveryState"),
        describe<DeviceConnectionType>("DeviceConnectionType"),
        describe<DeviceFamily>("DeviceFamily"),
        describe<BuildUploadFileAssetType>("BuildUploadFileAssetType"),
        describe<BuildUploadFileUti>("BuildUploadFileUti"),
        describe<WebhookEventType>("WebhookEventType"),
    };
}

} // namespace ascend::asc

// Apple's documented notification examples (verbatim from the webhook-events page) plus a background-asset
// one with the identifier directly under "instance".
#include "examples.h"

QList<DocumentedExample> documentedExamples()
{
    using ascend::asc::WebhookEventType;
    return {
        {"appStoreVersion",
         QByteArray(
             R"({"data": {"type": "appStoreVersionAppVersionStateUpdated", "id": "7c813492-9516-4c79-903e-224effdd57ac", "version": 1,
  "attributes": {"newValue": "READY_FOR_REVIEW", "oldValue": "PREPARE_FOR_SUBMISSION", "timestamp": "2025-04-16T05:00:52.745Z"},
  "relationships": {"instance": {"data": {"type": "appStoreVersions", "id": "ad7e6298-2570-4ca6-b3cc-f81788e40bdc"}}}}})"),
         ascend::asc::WebhookEventType::APP_STORE_VERSION_APP_VERSION_STATE_UPDATED,
         "7c813492-9516-4c79-903e-224effdd57ac", "appStoreVersions", "ad7e6298-2570-4ca6-b3cc-f81788e40bdc",
         "READY_FOR_REVIEW", QDateTime(QDate(2025, 4, 16), QTime(5, 0, 52, 745), Qt::UTC)},
        {"externalBuildState",
         QByteArray(
             R"({"data": {"type": "buildBetaDetailExternalBuildStateUpdated", "id": "4a9eacca-e53f-4006-85db-aa18c515663a", "version": 1,
  "attributes": {"newExternalBuildState": "BETA_APPROVED", "oldExternalBuildState": "IN_BETA_REVIEW", "timestamp": "2025-04-16T05:00:52.745Z"},
  "relationships": {"instance": {"data": {"type": "buildBetaDetails", "id": "ad7e6298-2570-4ca6-b3cc-f81788e40bdc"}}}}})"),
         ascend::asc::WebhookEventType::BUILD_BETA_DETAIL_EXTERNAL_BUILD_STATE_UPDATED,
         "4a9eacca-e53f-4006-85db-aa18c515663a", "buildBetaDetails", "ad7e6298-2570-4ca6-b3cc-f81788e40bdc",
         "BETA_APPROVED", QDateTime(QDate(2025, 4, 16), QTime(5, 0, 52, 745), Qt::UTC)},
        {"screenshot",
         QByteArray(
             R"({"data": {"type": "betaFeedbackScreenshotSubmissionCreated", "id": "4a9eacca-e53f-4006-85db-aa18c515663a", "version": 1,
  "attributes": {"timestamp": "2025-05-08T01:29:36.16Z"},
  "relationships": {"instance": {"data": {"type": "betaFeedbackScreenshotSubmissions", "id": "AD8JvKbr0BK0Cj9OnM6WO6I"},
    "links": {"self": "https://api.appstoreconnect.apple.com/v1/betaFeedbackScreenshotSubmissions/AD8JvKbr0BK0Cj9OnM6WO6I"}}}}})"),
         ascend::asc::WebhookEventType::BETA_FEEDBACK_SCREENSHOT_SUBMISSION_CREATED,
         "4a9eacca-e53f-4006-85db-aa18c515663a", "betaFeedbackScreenshotSubmissions",
         "AD8JvKbr0BK0Cj9OnM6WO6I", "", QDateTime(QDate(2025, 5, 8), QTime(1, 29, 36, 160), Qt::UTC)},
        {"crash",
         QByteArray(
             R"({"data": {"type": "betaFeedbackCrashSubmissionCreated", "id": "a4319bc8-ed16-460b-8de6-ba9734b55631", "version": 1,
  "attributes": {"timestamp": "2025-05-16T20:53:20.729Z"},
  "relationships": {"instance": {"data": {"type": "betaFeedbackCrashSubmissions", "id": "AK7UjG-qL5QxXf3gIOGjbpQ"},
    "links": {"self": "https://api.appstoreconnect.apple.com/v1/betaFeedbackCrashSubmissions/AK7UjG-qL5QxXf3gIOGjbpQ"}}}}})"),
         ascend::asc::WebhookEventType::BETA_FEEDBACK_CRASH_SUBMISSION_CREATED,
         "a4319bc8-ed16-460b-8de6-ba9734b55631", "betaFeedbackCrashSubmissions", "AK7UjG-qL5QxXf3gIOGjbpQ",
         "", QDateTime(QDate(2025, 5, 16), QTime(20, 53, 20, 729), Qt::UTC)},
        {"buildUpload",
         QByteArray(
             R"({"data": {"type": "buildUploadStateUpdated", "id": "7c813492-9516-4c79-903e-224effdd57ac", "version": 1,
  "attributes": {"newState": "COMPLETE"},
  "relationships": {"instance": {"data": {"type": "buildUploads", "id": "ad7e6298-2570-4ca6-b3cc-f81788e40bdc"}}}}})"),
         ascend::asc::WebhookEventType::BUILD_UPLOAD_STATE_UPDATED, "7c813492-9516-4c79-903e-224effdd57ac",
         "buildUploads", "ad7e6298-2570-4ca6-b3cc-f81788e40bdc", "COMPLETE", QDateTime()},
        {"backgroundAsset (instance without data)",
         QByteArray(R"({"data": {"type": "backgroundAssetVersionStateUpdated", "id": "e1", "version": 1,
  "attributes": {"timestamp": "2025-06-01T10:11:02.541411Z", "newState": "COMPLETE", "oldState": "PROCESSING"},
  "relationships": {"instance": {"type": "backgroundAssetVersions", "id": "bav1"}}}})"),
         ascend::asc::WebhookEventType::BACKGROUND_ASSET_VERSION_STATE_UPDATED, "e1",
         "backgroundAssetVersions", "bav1", "COMPLETE",
         QDateTime(QDate(2025, 6, 1), QTime(10, 11, 2, 541), Qt::UTC)},
    };
}

#!/usr/bin/env python3
"""Extracts from Apple's OpenAPI document the part the simulator serves: for each operation its method, path,
query parameters (allowed values, maximums) and response schemas; for each resource type its attributes and
relationships. The simulator embeds the result (simspec.json) and interprets it at run time, so its accepted
parameters are exactly the spec's.

    extract_spec.py --spec openapi.json --output simspec.json   # regenerate after adding an operation
    extract_spec.py --spec openapi.json --check simspec.json    # exit 1 if the file is out of date
"""
import argparse
import json
import sys

# Operations the simulator implements. Add the operationId here when adding an endpoint.
OPERATIONS = [
    "apps_getCollection",
    "apps_getInstance",
    "apps_builds_getToManyRelated",
    "apps_preReleaseVersions_getToManyRelated",
    "builds_getCollection",
    "builds_getInstance",
    "preReleaseVersions_getCollection",
    "preReleaseVersions_getInstance",
    # Build uploads
    "apps_buildUploads_getToManyRelated",
    "buildUploads_createInstance",
    "buildUploads_getInstance",
    "buildUploads_deleteInstance",
    "buildUploads_buildUploadFiles_getToManyRelated",
    "buildUploadFiles_createInstance",
    "buildUploadFiles_getInstance",
    "buildUploadFiles_updateInstance",
    # Webhooks
    "apps_webhooks_getToManyRelated",
    "webhooks_createInstance",
    "webhooks_getInstance",
    "webhooks_updateInstance",
    "webhooks_deleteInstance",
    "webhooks_deliveries_getToManyRelated",
    "webhookDeliveries_createInstance",
    "webhookPings_createInstance",
    # TestFlight distribution
    "betaGroups_getCollection",
    "betaGroups_createInstance",
    "betaGroups_getInstance",
    "betaGroups_updateInstance",
    "betaGroups_deleteInstance",
    "apps_betaGroups_getToManyRelated",
    "betaGroups_builds_createToManyRelationship",
    "betaGroups_builds_deleteToManyRelationship",
    "betaGroups_betaTesters_createToManyRelationship",
    "betaGroups_betaTesters_deleteToManyRelationship",
    "betaGroups_builds_getToManyRelated",
    "betaGroups_betaTesters_getToManyRelated",
    "betaTesters_getCollection",
    "betaTesters_createInstance",
    "betaTesters_getInstance",
    "betaTesters_deleteInstance",
    "betaTesters_betaGroups_createToManyRelationship",
    "betaTesters_betaGroups_deleteToManyRelationship",
    "betaTesterInvitations_createInstance",
    "betaBuildLocalizations_getCollection",
    "betaBuildLocalizations_createInstance",
    "betaBuildLocalizations_getInstance",
    "betaBuildLocalizations_updateInstance",
    "betaBuildLocalizations_deleteInstance",
    "builds_betaBuildLocalizations_getToManyRelated",
    "buildBetaDetails_getCollection",
    "buildBetaDetails_getInstance",
    "buildBetaDetails_updateInstance",
    "builds_buildBetaDetail_getToOneRelated",
    "betaAppReviewSubmissions_getCollection",
    "betaAppReviewSubmissions_createInstance",
    "betaAppReviewSubmissions_getInstance",
    "builds_betaAppReviewSubmission_getToOneRelated",
    "buildBetaNotifications_createInstance",
    "builds_updateInstance",
    "builds_betaGroups_createToManyRelationship",
    "builds_betaGroups_deleteToManyRelationship",
    # Feedback
    "apps_betaFeedbackScreenshotSubmissions_getToManyRelated",
    "betaFeedbackScreenshotSubmissions_getInstance",
    "betaFeedbackScreenshotSubmissions_deleteInstance",
    "apps_betaFeedbackCrashSubmissions_getToManyRelated",
    "betaFeedbackCrashSubmissions_getInstance",
    "betaFeedbackCrashSubmissions_deleteInstance",
    "betaFeedbackCrashSubmissions_crashLog_getToOneRelated",
    "betaCrashLogs_getInstance",
]

# Resource types the simulator stores, with the schema describing them.
RESOURCES = {
    "apps": "App",
    "builds": "Build",
    "preReleaseVersions": "PrereleaseVersion",
    "buildUploads": "BuildUpload",
    "buildUploadFiles": "BuildUploadFile",
    "webhooks": "Webhook",
    "webhookDeliveries": "WebhookDelivery",
    "webhookEvents": "WebhookEvent",
    "webhookPings": "WebhookPing",
    "betaGroups": "BetaGroup",
    "betaTesters": "BetaTester",
    "betaTesterInvitations": "BetaTesterInvitation",
    "betaBuildLocalizations": "BetaBuildLocalization",
    "buildBetaDetails": "BuildBetaDetail",
    "betaAppReviewSubmissions": "BetaAppReviewSubmission",
    "buildBetaNotifications": "BuildBetaNotification",
    "betaFeedbackScreenshotSubmissions": "BetaFeedbackScreenshotSubmission",
    "betaFeedbackCrashSubmissions": "BetaFeedbackCrashSubmission",
    "betaCrashLogs": "BetaCrashLog",
}

HTTP_METHODS = ("get", "post", "patch", "put", "delete")


def resolve(spec, node):
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/"), ref
        target = spec
        for part in ref[2:].split("/"):
            target = target[part]
        node = target
    return node


def schema_name(ref_holder):
    ref = ref_holder.get("$ref", "")
    return ref.rsplit("/", 1)[-1] if ref else ""


def extract_parameter(spec, parameter):
    parameter = resolve(spec, parameter)
    schema = resolve(spec, parameter.get("schema", {}))
    out = {"name": parameter["name"], "in": parameter["in"], "type": schema.get("type", "string")}
    items = resolve(spec, schema.get("items", {}))
    enum = items.get("enum") or schema.get("enum")
    if enum:
        out["enum"] = enum
    if "maximum" in schema:
        out["maximum"] = schema["maximum"]
    if parameter.get("required"):
        out["required"] = True
    return out


def find_operations(spec):
    found = {}
    for path, item in spec["paths"].items():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if operation and operation.get("operationId") in OPERATIONS:
                found[operation["operationId"]] = (path, method, item, operation)
    missing = [op for op in OPERATIONS if op not in found]
    if missing:
        sys.exit("operations not in the spec: " + ", ".join(missing))
    return found


def extract_operation(spec, path, method, item, operation):
    parameters = [extract_parameter(spec, p) for p in item.get("parameters", []) + operation.get("parameters", [])]
    responses = {}
    for status, response in operation.get("responses", {}).items():
        response = resolve(spec, response)
        content = response.get("content", {}).get("application/json", {})
        responses[status] = schema_name(content.get("schema", {}))
    return {
        "method": method.upper(),
        "path": path,
        "parameters": [p for p in parameters if p["in"] == "query"],
        "responses": dict(sorted(responses.items())),
    }


def extract_attribute(spec, name, schema):
    schema = resolve(spec, schema)
    out = {"name": name, "type": schema.get("type", "object")}
    if "enum" in schema:
        out["enum"] = schema["enum"]
    if "format" in schema:
        out["format"] = schema["format"]
    if schema.get("nullable"):
        out["nullable"] = True
    return out


def extract_relationship(name, schema):
    properties = schema.get("properties", {})
    data = properties.get("data")
    out = {"name": name, "links": "links" in properties, "meta": "meta" in properties, "data": data is not None}
    if data is not None:
        item = data.get("items", data)
        out["toMany"] = data.get("type") == "array"
        out["type"] = item["properties"]["type"]["enum"][0]
    else:
        out["toMany"] = None
        out["type"] = None
    return out


def extract_resource(spec, type_name, schema_name_):
    schema = spec["components"]["schemas"][schema_name_]
    properties = schema["properties"]
    assert properties["type"]["enum"] == [type_name], (type_name, properties["type"])
    attributes = resolve(spec, properties.get("attributes", {})).get("properties", {})
    relationships = resolve(spec, properties.get("relationships", {})).get("properties", {})
    return {
        "schema": schema_name_,
        "attributes": [extract_attribute(spec, n, s) for n, s in attributes.items()],
        "relationships": [extract_relationship(n, s) for n, s in relationships.items()],
    }


def extract(spec):
    operations = find_operations(spec)
    return {
        "specVersion": spec["info"]["version"],
        "operations": {op: extract_operation(spec, *operations[op]) for op in OPERATIONS},
        "resources": {t: extract_resource(spec, t, s) for t, s in RESOURCES.items()},
    }


def render(document):
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--spec", required=True)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--output")
    group.add_argument("--check")
    args = parser.parse_args()
    with open(args.spec, encoding="utf-8") as f:
        text = render(extract(json.load(f)))
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
        return 0
    with open(args.check, encoding="utf-8") as f:
        current = f.read()
    if current != text:
        print(f"{args.check} does not match the spec; regenerate it with --output", file=sys.stderr)
        return 1
    print(f"{args.check} matches {args.spec}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

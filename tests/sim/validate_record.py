#!/usr/bin/env python3
"""Checks every exchange in an ascend-sim --record file against Apple's OpenAPI document.

For each line: find the spec's path template for the request path and its operation for the method, take
responses[status] → application/json schema, and validate the recorded response body with jsonschema (the
spec's OpenAPI 3.0 schemas converted to JSON Schema: `nullable: true` becomes a union with null). Objects
are closed (no properties beyond the spec's) unless --lenient is given, so invented fields are caught too.

Statuses the spec does not list are accepted only where the simulator may add them (404 for a path the spec
does not have, 405 for a method it does not have, 500/503 from fault injection), and then the body must be
an ErrorResponse. Every response must carry X-Rate-Limit and, with a body, Content-Type
application/json. Exit status 0 when every line validates; otherwise each failure is printed.
"""
import argparse
import copy
import json
import re
import sys
from urllib.parse import urlsplit

import jsonschema
import jsonschema.exceptions

FAULT_STATUSES = {500, 503}  # --fault-rate answers; the spec lists no 5xx
# Authentication, rate limiting and faults come before routing; then 404 (no such path) or 405 (no such method).
UNKNOWN_PATH_STATUSES = {401, 404, 429} | FAULT_STATUSES
UNKNOWN_METHOD_STATUSES = {401, 405, 429} | FAULT_STATUSES
RATE_LIMIT = re.compile(r"^user-hour-lim:\d+;user-hour-rem:\d+;$")


def convert(node, strict):
    """OpenAPI 3.0 schema objects → JSON Schema (draft 7)."""
    if isinstance(node, list):
        return [convert(item, strict) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: convert(value, strict) for key, value in node.items()}
    out.pop("discriminator", None)
    out.pop("example", None)
    if out.pop("nullable", False):
        if "type" in out:
            out["type"] = [out["type"], "null"] if isinstance(out["type"], str) else out["type"] + ["null"]
        if "enum" in out and None not in out["enum"]:
            out["enum"] = out["enum"] + [None]
        if "$ref" in out:
            out = {"anyOf": [{"$ref": out.pop("$ref")}, {"type": "null"}], **out}
    if strict and "properties" in out and "additionalProperties" not in out:
        out["additionalProperties"] = False
    return out


class SpecIndex:
    def __init__(self, spec, strict):
        self.spec = spec
        self.root = {"components": {"schemas": convert(spec["components"]["schemas"], strict)}}
        self.templates = []
        for template in spec["paths"]:
            segments = template.strip("/").split("/")
            pattern = "^/" + "/".join("[^/]+" if s.startswith("{") else re.escape(s) for s in segments) + "$"
            literals = sum(1 for s in segments if not s.startswith("{"))
            self.templates.append((re.compile(pattern), literals, template))
        self.format_checker = jsonschema.FormatChecker()

        @self.format_checker.checks("uri")
        def is_uri(value):
            if not isinstance(value, str):
                return True
            parts = urlsplit(value)
            return bool(parts.scheme and parts.netloc)

        @self.format_checker.checks("uri-reference")
        def is_uri_reference(value):
            if not isinstance(value, str):
                return True
            return " " not in value and urlsplit(value) is not None

    def template_for(self, path):
        best = None
        for pattern, literals, template in self.templates:
            if pattern.match(path) and (best is None or literals > best[0]):
                best = (literals, template)
        return best[1] if best else None

    def validator(self, schema_name):
        schema = {"$ref": f"#/components/schemas/{schema_name}", "components": self.root["components"]}
        return jsonschema.Draft7Validator(schema, format_checker=self.format_checker)


def closest_branch_error(error):
    """The first error of the oneOf branch meant for this resource: the one whose `type` matched."""
    branches = {}
    for sub in error.context:
        branches.setdefault(sub.schema_path[0], []).append(sub)
    for errors in branches.values():
        if not any(list(e.relative_path) == ["type"] for e in errors):
            return max(errors, key=lambda e: len(e.relative_path))
    return jsonschema.exceptions.best_match(error.context)


def response_schema(operation, status, index):
    response = operation.get("responses", {}).get(str(status))
    if response is None:
        return None
    while "$ref" in response:
        response = index.spec["components"]["responses"][response["$ref"].rsplit("/", 1)[-1]]
    schema = response.get("content", {}).get("application/json", {}).get("schema")
    if schema is None:
        return ""  # no body expected
    return schema["$ref"].rsplit("/", 1)[-1]


def check_line(number, line, index, validators):
    problems = []
    method = line.get("method", "")
    path = line.get("path", "")
    status = line.get("status")
    where = f"line {number}: {method} {path} → {status}"

    headers = {k.lower(): v for k, v in line.get("responseHeaders", {}).items()}
    if not RATE_LIMIT.match(headers.get("x-rate-limit", "")):
        problems.append(f"{where}: missing or malformed X-Rate-Limit ({headers.get('x-rate-limit')!r})")
    has_body = "responseBody" in line or line.get("responseBodyBytes", 0) > 0
    if has_body and not headers.get("content-type", "").startswith("application/json"):
        problems.append(f"{where}: Content-Type is {headers.get('content-type')!r}, not application/json")
    for name, value in line.get("requestHeaders", {}).items():
        if name.lower() == "authorization" and value != "[redacted]":
            problems.append(f"{where}: the Authorization header was recorded")

    template = index.template_for(path)
    operation = index.spec["paths"].get(template, {}).get(method.lower()) if template else None
    if operation is None:
        # Not an operation of the spec: only errors fit, and only these.
        allowed = (UNKNOWN_PATH_STATUSES if template is None else UNKNOWN_METHOD_STATUSES)
        if status not in allowed:
            what = "no such path" if template is None else f"{template} has no {method}"
            problems.append(f"{where}: {what} in the spec, so only {sorted(allowed)} may answer")
            return problems, None
        schema_name = "ErrorResponse"
    else:
        schema_name = response_schema(operation, status, index)
        if schema_name is None:
            if status not in FAULT_STATUSES:
                problems.append(f"{where}: status {status} is not in the spec for {method} {template} "
                                f"(it lists {sorted(operation.get('responses', {}))})")
                return problems, None
            schema_name = "ErrorResponse"
    if schema_name == "":
        if "responseBody" in line:
            problems.append(f"{where}: the spec defines no body, but one was sent")
        return problems, None
    if "responseBody" not in line:
        problems.append(f"{where}: expected a JSON body ({schema_name}), recorded "
                        f"{line.get('responseBodyBytes')} bytes that are not JSON")
        return problems, schema_name
    validator = validators.setdefault(schema_name, index.validator(schema_name))
    for error in sorted(validator.iter_errors(line["responseBody"]), key=lambda e: list(e.path))[:10]:
        # For oneOf (included resources) name the failure inside the branch that fits best.
        if error.validator in ("oneOf", "anyOf") and error.context:
            error = closest_branch_error(error)
        location = "/".join(str(p) for p in error.absolute_path) or "(document)"
        problems.append(f"{where}: {schema_name} at {location}: {error.message[:300]}")
    return problems, schema_name


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--spec", required=True, help="openapi.json")
    parser.add_argument("--record", required=True, action="append", help="a --record file (repeatable)")
    parser.add_argument("--lenient", action="store_true", help="allow properties the spec does not declare")
    parser.add_argument("--min-lines", type=int, default=1, help="fail when fewer exchanges were recorded")
    args = parser.parse_args()

    with open(args.spec, encoding="utf-8") as f:
        index = SpecIndex(json.load(f), strict=not args.lenient)
    validators = {}
    problems = []
    count = 0
    by_schema = {}
    for record in args.record:
        with open(record, encoding="utf-8") as f:
            for number, text in enumerate(f, start=1):
                if not text.strip():
                    continue
                count += 1
                try:
                    line = json.loads(text)
                except json.JSONDecodeError as error:
                    problems.append(f"{record}:{number}: not JSON: {error}")
                    continue
                line_problems, schema = check_line(number, line, index, validators)
                problems.extend(f"{record}: {p}" for p in line_problems)
                if schema:
                    by_schema[schema] = by_schema.get(schema, 0) + 1
    if count < args.min_lines:
        problems.append(f"only {count} exchanges recorded, expected at least {args.min_lines}")
    for problem in problems:
        print(problem)
    summary = ", ".join(f"{name} {n}" for name, n in sorted(by_schema.items()))
    print(f"validated {count} exchanges against the spec ({summary}): "
          f"{'OK' if not problems else f'{len(problems)} problem(s)'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

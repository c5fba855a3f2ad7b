"""The API schema says what the API really does: how to authenticate, which errors each
operation can answer, and that text must be free of control characters.

``complete_schema`` adds these to the schema django-ninja generates, for every operation
alike, so no router has to repeat them (and none can forget them).
"""

from __future__ import annotations

from heartbeat.core.text import UNSTORABLE_FREE_PATTERN

ERROR_REF = {"$ref": "#/components/schemas/Error"}
ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "description": "Every error: a stable `code` to act on and a `message` for a person.",
    "required": ["code", "message"],
    "properties": {
        "code": {"type": "string", "title": "Code"},
        "message": {"type": "string", "title": "Message"},
        "field": {"anyOf": [{"type": "string"}, {"type": "null"}], "title": "Field"},
    },
}
BEARER = {
    "type": "http",
    "scheme": "bearer",
    "bearerFormat": "hbt_...",
    "description": "A personal access token made on your profile page, sent as "
    "`Authorization: Bearer hbt_...`. The browser's signed-in session works too.",
}
ERRORS = {
    400: "The request body is not valid JSON.",
    401: "Not signed in, or the access token is not recognised or has been revoked.",
    403: "The caller may not do this (or sent a session without its CSRF token).",
    404: "No such record, or the caller cannot see it.",
    409: "Someone changed the record since the caller read it (send the new `version`), "
    "or the change conflicts with a rule.",
    422: "A parameter or field is missing, malformed, out of range, or holds a control character.",
}
WRITES = {"post", "put", "patch", "delete"}


def complete_schema(schema: dict, *, auth: dict[str, str]) -> dict:
    """Add security, error responses and text patterns to ``schema`` (in place).

    ``auth`` maps each operationId to "required", "optional" (anonymous callers read
    public records) or "none".
    """
    components = schema.setdefault("components", {})
    components.setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    components.setdefault("securitySchemes", {})["bearerAuth"] = BEARER
    input_refs: set[str] = set()
    for item in schema.get("paths", {}).values():
        for method, operation in item.items():
            if method not in {"get", "put", "post", "patch", "delete", "head", "options"}:
                continue
            mode = auth.get(operation.get("operationId", ""), "optional")
            if mode == "required":
                operation["security"] = [{"bearerAuth": []}]
            elif mode == "optional":
                operation["security"] = [{"bearerAuth": []}, {}]
            else:
                operation.pop("security", None)
            parameters = operation.get("parameters", [])
            body = operation.get("requestBody")
            statuses = set()
            if mode != "none":
                statuses.add(401)
            if any(p.get("in") == "path" for p in parameters):
                statuses.add(404)
            if parameters or body:
                statuses.add(422)
            if body:
                statuses.add(400)
            if method in WRITES:
                statuses.add(403)
            if method in {"put", "patch"}:
                statuses.add(409)
            responses = operation.setdefault("responses", {})
            for status in sorted(statuses):
                existing = responses.get(str(status)) or responses.get(status)
                if existing is None:
                    responses[str(status)] = {
                        "description": ERRORS[status],
                        "content": {"application/json": {"schema": ERROR_REF}},
                    }
            for parameter in parameters:
                if "schema" in parameter:
                    _forbid_control_characters(parameter["schema"], components, input_refs)
            if body:
                for content in body.get("content", {}).values():
                    _forbid_control_characters(content.get("schema", {}), components, input_refs)
    return schema


def _forbid_control_characters(node, components: dict, seen: set[str]) -> None:
    """Give every free-text string of an input schema the pattern that refuses control
    characters, following references into the components."""
    if isinstance(node, list):
        for child in node:
            _forbid_control_characters(child, components, seen)
        return
    if not isinstance(node, dict):
        return
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
        name = ref.rsplit("/", 1)[-1]
        if name not in seen:
            seen.add(name)
            _forbid_control_characters(components["schemas"].get(name, {}), components, seen)
        return
    if node.get("type") == "string" and not ({"format", "enum", "const", "pattern"} & set(node)):
        node["pattern"] = UNSTORABLE_FREE_PATTERN
    for key, child in node.items():
        if key in {"properties", "$defs"} and isinstance(child, dict):
            for grandchild in child.values():
                _forbid_control_characters(grandchild, components, seen)
        elif key in {"items", "anyOf", "oneOf", "allOf", "additionalProperties", "prefixItems"}:
            _forbid_control_characters(child, components, seen)

"""The OpenAPI schema says how to authenticate and which errors each operation answers."""

import re

import pytest

from heartbeat.core.text import UNSTORABLE_FREE_PATTERN

pytestmark = pytest.mark.django_db

METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.fixture
def schema(client):
    return client.get("/api/v1/openapi.json").json()


def _operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def _resolve(schema, node):
    ref = node.get("$ref")
    if ref:
        return schema["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    return node


def test_the_bearer_token_scheme_is_declared(schema):
    scheme = schema["components"]["securitySchemes"]["bearerAuth"]
    assert scheme["type"] == "http"
    assert scheme["scheme"] == "bearer"


def test_each_operation_says_whether_a_token_is_needed(schema):
    me = schema["paths"]["/api/v1/me"]["get"]
    assert me["security"] == [{"bearerAuth": []}]
    projects = schema["paths"]["/api/v1/projects"]
    # Anyone may read the public register; proposing a project needs a token.
    assert projects["get"]["security"] == [{"bearerAuth": []}, {}]
    assert projects["post"]["security"] == [{"bearerAuth": []}]
    for path, method, operation in _operations(schema):
        assert operation.get("security"), f"{method.upper()} {path} says nothing of tokens"


def test_each_operation_declares_the_errors_it_can_answer(schema):
    for path, method, operation in _operations(schema):
        where = f"{method.upper()} {path}"
        statuses = set(operation["responses"])
        assert "401" in statuses, where
        if "{" in path:
            assert "404" in statuses, where
        if operation.get("parameters") or operation.get("requestBody"):
            assert "422" in statuses, where
        if operation.get("requestBody"):
            assert "400" in statuses, where
        if method in ("put", "patch"):
            assert "409" in statuses, where
        for status, response in operation["responses"].items():
            if int(status) >= 400:
                body = _resolve(schema, response["content"]["application/json"]["schema"])
                assert {"code", "message"} <= set(body["properties"]), f"{where} {status}"


def test_input_text_refuses_control_characters_in_the_schema_too(schema):
    pattern = re.compile(UNSTORABLE_FREE_PATTERN.encode().decode("unicode_escape"))
    assert pattern.match("Housing repairs online\n")
    assert not pattern.match("Housing\x00 repairs")
    body = schema["paths"]["/api/v1/projects"]["post"]["requestBody"]["content"]
    project_in = _resolve(schema, body["application/json"]["schema"])
    assert project_in["properties"]["title"]["pattern"] == UNSTORABLE_FREE_PATTERN
    search = next(
        p for p in schema["paths"]["/api/v1/projects"]["get"]["parameters"] if p["name"] == "q"
    )
    text = search["schema"]
    options = text.get("anyOf", [text])
    assert any(o.get("pattern") == UNSTORABLE_FREE_PATTERN for o in options)

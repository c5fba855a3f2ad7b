"""The API as a whole: its schema, its docs and the shape of its errors."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_schema_lists_every_app_s_endpoints(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "Heartbeat API"
    paths = set(schema["paths"])
    for path in (
        "/api/v1/organisations",
        "/api/v1/terms",
        "/api/v1/me",
        "/api/v1/invitations",
        "/api/v1/projects",
        "/api/v1/projects/{slug}",
        "/api/v1/projects/{slug}/transitions",
        "/api/v1/themes",
        "/api/v1/skills",
    ):
        assert path in paths, path
    assert any(p.startswith("/api/v1/pledges") for p in paths)
    assert any("needs" in p for p in paths)


def test_the_interactive_docs_are_served_from_our_own_static_files(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()


@pytest.mark.parametrize(
    ("header", "message_part"),
    [
        ("Token abc", "Bearer"),
        ("Bearer ", "Bearer"),
        ("Bearer hbt_not-a-real-token", "not recognised"),
    ],
)
def test_bad_credentials_get_a_json_error_with_a_stable_code(client, header, message_part):
    response = client.get("/api/v1/me", headers={"Authorization": header})
    assert response.status_code == 401
    body = response.json()
    assert body["code"] == "not_authenticated"
    assert message_part in body["message"]


def test_a_body_that_is_not_json_gets_a_json_400(client_for, programme_office):
    response = client_for(programme_office).post(
        "/api/v1/projects", data="{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json() == {
        "code": "bad_request",
        "message": "The request body is not valid JSON.",
    }


def test_an_unknown_record_is_a_json_404(client):
    response = client.get("/api/v1/projects/no-such-project")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"

"""Every API error is JSON {code, message}: Django's own answers and unexpected errors too."""

import json
import logging

import pytest
from ninja import NinjaAPI
from ninja.testing import TestClient

from heartbeat.accounts import services as account_services
from heartbeat.core.api.errors import install_error_handlers
from heartbeat.core.api.paging import MAX_OFFSET, page_of
from heartbeat.core.exceptions import InvalidInput
from heartbeat.portfolio.models import Theme
from tests.portfolio.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def _is_error(response, status: int, code: str) -> dict:
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["code"] == code
    assert body["message"]
    return body


def test_an_address_under_the_api_that_matches_nothing_is_a_json_404(client):
    _is_error(client.get("/api/v1/no-such-thing"), 404, "not_found")
    _is_error(client.get("/api/v2/projects"), 404, "not_found")


def test_a_method_an_endpoint_does_not_have_is_a_json_405_that_says_what_it_has(client):
    response = client.delete("/api/v1/themes")
    _is_error(response, 405, "method_not_allowed")
    assert "GET" in response["Allow"]


def test_an_unknown_record_is_a_json_404(client):
    _is_error(client.get("/api/v1/projects/no-such-project"), 404, "not_found")


def test_an_unexpected_error_is_logged_and_answered_as_json(caplog):
    # A router with the site's error handlers and an endpoint with a bug in it.
    api = NinjaAPI(urls_namespace="errors-test")
    install_error_handlers(api)

    @api.get("/broken")
    def broken(request):
        raise ZeroDivisionError("a bug")

    with caplog.at_level(logging.ERROR, logger="heartbeat.api"):
        response = TestClient(api).get("/broken")
    assert response.status_code == 500
    assert response.json() == {
        "code": "server_error",
        "message": "Something went wrong on our side. It has been logged; try again later.",
    }
    assert "a bug" not in response.content.decode()
    assert any(record.exc_info and "a bug" in str(record.exc_info[1]) for record in caplog.records)


def test_pages_keep_their_html_error_pages(client):
    response = client.get("/projects/no-such-project/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_a_nul_byte_in_an_api_filter_is_a_json_422(client):
    body = _is_error(client.get("/api/v1/projects", {"q": "repairs\x00"}), 422, "invalid_input")
    assert "U+0000" in body["message"]
    assert body["field"] == "q"


def test_control_characters_in_an_api_body_are_a_json_422_naming_the_field(
    client_for, programme_office
):
    theme = ProjectFactory().theme
    client = client_for(programme_office)
    project = {"title": "Housing repairs", "theme": theme.slug, "summary": "Repairs online"}
    response = client.post(
        "/api/v1/projects",
        data={**project, "title": "Housing\x1b repairs"},
        content_type="application/json",
    )
    body = _is_error(response, 422, "invalid_input")
    assert body["field"] == "title"
    assert "U+001B (an escape character)" in body["message"]

    response = client.post(
        "/api/v1/projects",
        data={**project, "scope_in": [{"text": "ok"}, {"text": "b\x00d"}]},
        content_type="application/json",
    )
    assert _is_error(response, 422, "invalid_input")["field"] == "scope_in[1].text"
    # A field the API does not know is ignored, whatever it holds; the project is made.
    response = client.post(
        "/api/v1/projects", data={**project, "colour\x00": "\x00"}, content_type="application/json"
    )
    assert response.status_code == 201


HUGE = 12630841984682222600323072  # beyond a 64-bit integer, as a fuzzer sends


@pytest.mark.parametrize(
    "url", ["/api/v1/invitations", "/api/v1/articles", "/api/v1/projects", "/api/v1/work-requests"]
)
@pytest.mark.parametrize("offset", [HUGE, MAX_OFFSET + 1, -1])
def test_a_page_beyond_the_bounds_is_a_json_422_not_a_database_error(
    client_for, programme_office, url, offset
):
    response = client_for(programme_office).get(url, {"offset": offset})
    _is_error(response, 422, "invalid_input")


def test_the_last_page_there_can_be_is_empty(client_for, programme_office):
    ProjectFactory()
    client = client_for(programme_office)
    for url in ("/api/v1/invitations", "/api/v1/projects"):
        response = client.get(url, {"offset": MAX_OFFSET, "limit": 200})
        assert response.status_code == 200
        assert response.json()["items"] == []


@pytest.mark.parametrize("offset", [MAX_OFFSET + 1, -1])
def test_the_paging_helper_refuses_a_page_the_schema_would_refuse(offset):
    with pytest.raises(InvalidInput) as caught:
        page_of(Theme.objects.all(), limit=10, offset=offset, item=str)
    assert caught.value.field == "offset"


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"discount_rate": "1e30"}, "discount_rate", "out_of_range"),
        ({"discount_rate": 1e30}, "discount_rate", "out_of_range"),
        ({"day_rates": [{"level": "expert", "rate": "9e99"}]}, "rate_expert", "out_of_range"),
        ({"base_year": 10**30}, "base_year", "invalid_input"),
        ({"years_after_end": -1}, "years_after_end", "invalid_input"),
    ],
)
def test_appraisal_settings_far_out_of_range_are_a_json_422_and_nothing_changes(
    client_for, programme_office, change, field, code
):
    client = client_for(programme_office)
    before = client.get("/api/v1/appraisal-settings").json()
    day_rates = {row["level"]: row for row in before["day_rates"]}
    for row in change.get("day_rates", []):
        day_rates[row["level"]] = row
    body = {**before, **change, "day_rates": list(day_rates.values())}
    response = client.put("/api/v1/appraisal-settings", body, content_type="application/json")
    error = _is_error(response, 422, code)
    assert field in json.dumps(error)
    assert client.get("/api/v1/appraisal-settings").json() == before


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/agenda-items/0/paper",
        "/api/v1/meetings/0/agenda-items",
        "/api/v1/work-requests/0/attachments",
    ],
)
def test_multipart_form_data_without_a_boundary_is_a_json_400(client, programme_office, url):
    _token, raw = account_services.api_token_create(actor=programme_office, name="Scripts")
    response = client.generic(
        "POST",
        url,
        b"version=1",
        content_type="multipart/form-data",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    body = _is_error(response, 400, "bad_request")
    assert "boundary" in body["message"]


@pytest.mark.parametrize("since", ["0", "1970-01-01", "2101-01-01"])
def test_a_day_outside_the_years_the_partnership_can_mean_is_a_json_422(client, since):
    # "0" would otherwise be read as a Unix timestamp: 1 January 1970.
    response = client.get("/api/v1/roadmap/changes", {"since": since})
    body = _is_error(response, 422, "invalid_input")
    assert "since" in body["message"]

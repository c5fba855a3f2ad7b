"""The people-administration API: the same services, permissions and bounds as the pages."""

import pytest

from heartbeat.accounts import services
from heartbeat.accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

API = "/api/v1"
ROLES = ["anonymous", "member", "organisation_lead", "project_lead", "board_member"]


@pytest.fixture
def colleague(council):
    return UserFactory(
        organisation=council, full_name="Morag Reid", email="morag.reid@aberdeencity.gov.uk"
    )


def _send(client, method, path, body):
    return getattr(client, method)(path, body, content_type="application/json")


def test_the_office_lists_people_with_filters(
    client_for, programme_office, colleague, board_member
):
    client = client_for(programme_office)
    body = client.get(f"{API}/people", {"organisation": "aberdeen-city"}).json()
    assert [p["full_name"] for p in body["items"]] == ["Morag Reid"]
    assert body["items"][0]["email"] == "morag.reid@aberdeencity.gov.uk"
    assert body["items"][0]["roles"] == ["member"]
    body = client.get(f"{API}/people", {"role": "board_member"}).json()
    assert [p["id"] for p in body["items"]] == [board_member.pk]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"role": "wizard"}, "role"),
        ({"active": "maybe"}, "active"),
        ({"organisation": "atlantis"}, "organisation"),
        ({"q": "nul\x00"}, "q"),
    ],
)
def test_bad_filters_are_422_with_a_code(client_for, programme_office, params, field):
    response = client_for(programme_office).get(f"{API}/people", params)
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"


def test_a_long_search_is_refused_by_the_schema(client_for, programme_office):
    response = client_for(programme_office).get(f"{API}/people", {"q": "x" * 101})
    assert response.status_code == 422


@pytest.mark.parametrize("role", ROLES)
def test_only_the_office_lists_people(client_for, user_for_role, role):
    response = client_for(user_for_role(role)).get(f"{API}/people")
    assert response.status_code == (401 if role == "anonymous" else 403)


def test_a_person_as_others_see_them(client_for, colleague, board_member, member):
    mine = client_for(member).get(f"{API}/people/{colleague.pk}").json()
    assert mine["email"] == "morag.reid@aberdeencity.gov.uk"
    theirs = client_for(board_member).get(f"{API}/people/{colleague.pk}").json()
    assert theirs["email"] is None
    assert theirs["organisation"] == {"slug": "aberdeen-city", "name": "Aberdeen City"}


def test_changes_through_the_api_keep_who_and_why(client_for, programme_office, colleague):
    client = client_for(programme_office)
    response = _send(
        client,
        "put",
        f"{API}/people/{colleague.pk}/roles",
        {"roles": ["project_lead"], "reason": "Leads telecare", "version": 1},
    )
    assert response.status_code == 200
    assert response.json()["roles"] == ["member", "project_lead"]
    assert response.json()["version"] == 2
    response = _send(
        client,
        "post",
        f"{API}/people/{colleague.pk}/move",
        {"organisation": "digital-office", "reason": "Seconded", "version": 2},
    )
    assert response.status_code == 200
    response = _send(
        client,
        "post",
        f"{API}/people/{colleague.pk}/deactivate",
        {"reason": "Left in November", "version": 3},
    )
    assert response.json()["is_active"] is False
    response = _send(
        client,
        "post",
        f"{API}/people/{colleague.pk}/reactivate",
        {"reason": "Came back", "version": 4},
    )
    assert response.json()["is_active"] is True
    history = client.get(f"{API}/people/{colleague.pk}/history").json()
    assert [entry["what"] for entry in history[:4]] == [
        "Reactivated",
        "Deactivated",
        "Moved organisation",
        "Roles changed",
    ]
    assert [entry["reason"] for entry in history[:4]] == [
        "Came back",
        "Left in November",
        "Seconded",
        "Leads telecare",
    ]
    assert {entry["who"] for entry in history[:4]} == {programme_office.display_name}


def test_a_stale_version_is_409_and_changes_nothing(client_for, programme_office, colleague):
    services.user_set_roles(
        actor=programme_office, user=colleague, roles=["board_member"], reason="Board"
    )
    response = _send(
        client_for(programme_office),
        "post",
        f"{API}/people/{colleague.pk}/deactivate",
        {"reason": "Left", "version": 1},
    )
    assert response.status_code == 409
    assert response.json()["code"] == "edit_conflict"
    assert response.json()["version"] == 2
    colleague.refresh_from_db()
    assert colleague.is_active


@pytest.mark.parametrize(
    "body",
    [
        {"reason": "", "version": 1},
        {"reason": "   ", "version": 1},
        {"reason": "x" * 501, "version": 1},
        {"reason": "Left\x00", "version": 1},
        {"reason": "Left", "version": 0},
        {"reason": "Left"},
    ],
)
def test_bad_input_is_422(client_for, programme_office, colleague, body):
    response = _send(
        client_for(programme_office), "post", f"{API}/people/{colleague.pk}/deactivate", body
    )
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"
    colleague.refresh_from_db()
    assert colleague.is_active


def test_moving_to_an_unknown_organisation_is_422(client_for, programme_office, colleague):
    response = _send(
        client_for(programme_office),
        "post",
        f"{API}/people/{colleague.pk}/move",
        {"organisation": "atlantis", "reason": "x", "version": 1},
    )
    assert response.status_code == 422
    assert response.json()["field"] == "organisation"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("method", "action", "body"),
    [
        ("put", "roles", {"roles": ["programme_office"], "reason": "x", "version": 1}),
        ("post", "move", {"organisation": "angus", "reason": "x", "version": 1}),
        ("post", "deactivate", {"reason": "x", "version": 1}),
        ("post", "reactivate", {"reason": "x", "version": 1}),
    ],
)
def test_only_the_office_changes_people(
    client_for, user_for_role, role, colleague, other_council, method, action, body
):
    response = _send(
        client_for(user_for_role(role)), method, f"{API}/people/{colleague.pk}/{action}", body
    )
    assert response.status_code == (401 if role == "anonymous" else 403)
    colleague.refresh_from_db()
    assert colleague.is_active and not colleague.is_programme_office
    assert colleague.organisation_id != other_council.pk


@pytest.mark.parametrize("role", ROLES)
def test_who_reads_a_persons_history(client_for, user_for_role, role, colleague):
    response = client_for(user_for_role(role)).get(f"{API}/people/{colleague.pk}/history")
    assert response.status_code == (401 if role == "anonymous" else 403)
    assert client_for(colleague).get(f"{API}/people/{colleague.pk}/history").status_code == 200


def test_tokens_work_for_the_office(client, programme_office, colleague):
    _token, raw = services.api_token_create(actor=programme_office, name="People script")
    response = client.get(f"{API}/people", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
    assert User.objects.count() == response.json()["count"]

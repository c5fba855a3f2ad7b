"""The governance API: boards, meetings, agenda items and papers, actions, decisions and
gates, with the same rules as the pages and errors with stable codes."""

import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from heartbeat.accounts.services import api_token_create
from heartbeat.governance.models import AgendaItem, Decision, StageGate
from heartbeat.portfolio.models import Project, Stage, Visibility
from tests.governance.factories import (
    ActionFactory,
    BoardFactory,
    DecisionFactory,
    MeetingFactory,
    SeatFactory,
    approval_gate,
)
from tests.portfolio.factories import ProjectFactory, complete_definition

pytestmark = pytest.mark.django_db

API = "/api/v1"
PDF = b"%PDF-1.7\n%%EOF\n"
_TOKENS: dict[int, str] = {}


def _auth(user):
    raw = _TOKENS.get(user.pk)
    if raw is None or not user.api_tokens.exists():
        _, raw = api_token_create(actor=user, name=f"Script {len(_TOKENS)}")
        _TOKENS[user.pk] = raw
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _send(client, method, url, body, user):
    return getattr(client, method)(
        url, data=json.dumps(body), content_type="application/json", **_auth(user)
    )


@pytest.fixture
def board(board_member):
    board = BoardFactory(name="Programme Board")
    SeatFactory(board=board, person=board_member, role="secretary")
    approval_gate(board)
    return board


def test_boards_are_public_and_their_members_are_not(client, member, board):
    body = client.get(f"{API}/boards/{board.slug}").json()
    assert body["gates"] == ["approved"]
    assert body["members"] is None
    body = client.get(f"{API}/boards/{board.slug}", **_auth(member)).json()
    assert [m["role"] for m in body["members"]] == ["secretary"]


def test_the_office_manages_boards_and_seats(client, programme_office, member, board):
    response = _send(
        client,
        "post",
        f"{API}/boards",
        {"name": "Partnership Board", "remit": "Direction and budget", "cadence": "quarterly"},
        programme_office,
    )
    assert response.status_code == 201
    response = _send(
        client,
        "post",
        f"{API}/boards/partnership-board/members",
        {"person": member.pk, "role": "chair", "started_on": "2026-11-02"},
        programme_office,
    )
    assert response.status_code == 201
    seat = response.json()["id"]
    response = _send(
        client,
        "patch",
        f"{API}/board-members/{seat}",
        {"ended_on": "2026-11-30"},
        programme_office,
    )
    assert response.json()["ended_on"] == "2026-11-30"
    refused = _send(
        client,
        "post",
        f"{API}/boards",
        {"name": "Shadow Board", "remit": "x", "cadence": "monthly"},
        member,
    )
    assert refused.status_code == 403
    stale = _send(
        client,
        "put",
        f"{API}/boards/{board.slug}",
        {"name": "Programme Board", "remit": "New remit", "cadence": "monthly", "version": 0},
        programme_office,
    )
    assert stale.status_code == 409


def test_a_secretary_records_a_meeting_with_a_paper_and_a_decision_moving_a_project(
    client, board_member, board, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    project = complete_definition(ProjectFactory(stage=Stage.DEFINED))
    starts = (timezone.now() - datetime.timedelta(hours=2)).isoformat()
    response = _send(
        client,
        "post",
        f"{API}/boards/{board.slug}/meetings",
        {"starts_at": starts, "place": "Verity House"},
        board_member,
    )
    assert response.status_code == 201, response.json()
    meeting = response.json()["id"]
    response = client.post(
        f"{API}/meetings/{meeting}/agenda-items",
        {"title": "Approval of the project", "paper": SimpleUploadedFile("case.pdf", PDF)},
        **_auth(board_member),
    )
    assert response.status_code == 201, response.json()
    item = response.json()
    assert (item["paper_name"], item["paper"]) == (
        "case.pdf",
        f"/api/v1/agenda-items/{item['id']}/paper",
    )
    download = client.get(item["paper"], **_auth(board_member))
    assert b"".join(download.streaming_content) == PDF
    response = _send(
        client,
        "post",
        f"{API}/decisions",
        {
            "meeting": meeting,
            "title": "Approve the project",
            "outcome": "approved",
            "project": project.slug,
            "gate_stage": "approved",
            "conditions": "Quarterly reports",
        },
        board_member,
    )
    assert response.status_code == 201, response.json()
    assert response.json()["moved_on"] is not None
    assert Project.objects.get(pk=project.pk).stage == Stage.APPROVED
    detail = client.get(f"{API}/meetings/{meeting}", **_auth(board_member)).json()
    assert [d["title"] for d in detail["decisions"]] == ["Approve the project"]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"title": "No meeting", "outcome": "approved"}, 422, "decision_needs_meeting"),
        ({"meeting": 0, "title": "x", "outcome": "approved"}, 422, "invalid_input"),
        ({"meeting": "M", "title": "x", "outcome": "noted"}, 422, "invalid_input"),
        ({"meeting": "M", "title": "x" * 301, "outcome": "approved"}, 422, "invalid_input"),
        ({"meeting": "M", "title": "a\u0000b", "outcome": "approved"}, 422, "invalid_input"),
        (
            {"meeting": "M", "title": "x", "outcome": "approved", "project": "nope"},
            422,
            "invalid_input",
        ),
        (
            {
                "meeting": "M",
                "title": "x",
                "outcome": "approved",
                "project": "P",
                "gate_stage": "approved",
            },
            409,
            "gate_wrong_board",
        ),
    ],
)
def test_bad_decisions_get_stable_codes(client, programme_office, board, body, status, code):
    project = complete_definition(ProjectFactory(stage=Stage.DEFINED, slug="telecare"))
    other = MeetingFactory(board=BoardFactory(name="Partnership Board"))
    if body.get("meeting") == "M":
        body["meeting"] = other.pk
    if body.get("project") == "P":
        body["project"] = project.slug
    response = _send(client, "post", f"{API}/decisions", body, programme_office)
    assert response.status_code == status, response.json()
    assert response.json()["code"] == code
    assert not Decision.objects.exists()
    assert Project.objects.get(pk=project.pk).stage == Stage.DEFINED


def test_the_decision_log_is_public_where_its_subject_is(client, board):
    meeting = MeetingFactory(board=board)
    DecisionFactory(meeting=meeting, project=ProjectFactory(visibility=Visibility.PUBLIC))
    DecisionFactory(meeting=meeting, project=ProjectFactory(visibility=Visibility.PARTNERSHIP))
    private = DecisionFactory(meeting=meeting)
    assert client.get(f"{API}/decisions").json()["count"] == 1
    assert client.get(f"{API}/decisions/{private.pk}").status_code == 404
    assert client.get(f"{API}/decisions", {"outcome": "noted"}).status_code == 422


def test_meetings_and_actions_are_for_signed_in_callers(client, member, board):
    meeting = MeetingFactory(board=board)
    action = ActionFactory(meeting=meeting, owner=member)
    assert client.get(f"{API}/meetings").status_code == 401
    assert client.get(f"{API}/meetings/{meeting.pk}").status_code == 401
    body = client.get(f"{API}/actions", {"owner": "me"}, **_auth(member)).json()
    assert [a["id"] for a in body["items"]] == [action.pk]
    done = _send(
        client,
        "put",
        f"{API}/actions/{action.pk}",
        {"status": "done", "update": "Sent", "version": 1},
        member,
    )
    assert done.status_code == 200 and done.json()["done_on"] == timezone.localdate().isoformat()
    stale = _send(
        client, "put", f"{API}/actions/{action.pk}", {"status": "open", "version": 1}, member
    )
    assert stale.status_code == 409


def test_papers_are_checked_and_reserved_ones_refused(
    client, member, board_member, board, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    meeting = MeetingFactory(board=board)
    bad = client.post(
        f"{API}/meetings/{meeting.pk}/agenda-items",
        {"title": "Item", "paper": SimpleUploadedFile("x.exe", b"MZ")},
        **_auth(board_member),
    )
    assert bad.status_code == 422 and bad.json()["field"] == "paper"
    assert not AgendaItem.objects.exists()
    ok = client.post(
        f"{API}/meetings/{meeting.pk}/agenda-items",
        {"title": "Staffing", "reserved": "true", "paper": SimpleUploadedFile("s.pdf", PDF)},
        **_auth(board_member),
    )
    item = ok.json()["id"]
    as_member = client.get(f"{API}/meetings/{meeting.pk}/agenda-items", **_auth(member)).json()
    assert as_member[0]["summary"] is None and as_member[0]["paper"] is None
    assert client.get(f"{API}/agenda-items/{item}/paper", **_auth(member)).status_code == 403


def test_attendance_and_meeting_changes_through_the_api(client, board_member, board):
    meeting = MeetingFactory(board=board)
    response = _send(
        client,
        "put",
        f"{API}/meetings/{meeting.pk}/attendance",
        {
            "attendance": [{"person": board_member.pk, "status": "present"}],
            "others_attending": "Finance",
            "version": 1,
        },
        board_member,
    )
    assert response.status_code == 200
    assert response.json()["attendance"][0]["status"] == "present"
    response = _send(
        client,
        "put",
        f"{API}/meetings/{meeting.pk}",
        {
            "starts_at": meeting.starts_at.isoformat(),
            "status": "held",
            "minutes": "Agreed.",
            "version": 2,
        },
        board_member,
    )
    assert response.status_code == 200 and response.json()["minutes"] == "Agreed."


def test_gates_through_the_api(client, programme_office, board_member, board):
    assert {g["stage"]: g["board"] for g in client.get(f"{API}/gates").json()}["approved"][
        "slug"
    ] == board.slug
    response = _send(client, "put", f"{API}/gates/closed", {"board": board.slug}, programme_office)
    assert response.status_code == 200
    refused = _send(client, "put", f"{API}/gates/closed", {"board": board.slug}, board_member)
    assert refused.status_code == 403
    gone = client.delete(f"{API}/gates/closed", **_auth(programme_office))
    assert gone.status_code == 204
    assert list(StageGate.objects.values_list("stage", flat=True)) == ["approved"]

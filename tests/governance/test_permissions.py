"""Who may do what in governance, every action against every role, through the pages.

``board_member`` sits on the Programme Board used here; a member of another board is
checked separately: board members act for their own boards only.
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from heartbeat.governance import permissions
from heartbeat.governance.models import (
    Action,
    AgendaItem,
    Board,
    BoardMembership,
    Decision,
    Meeting,
    StageGate,
)
from heartbeat.portfolio.models import Visibility
from tests.conftest import ROLE_FIXTURES
from tests.factories import UserFactory
from tests.governance.factories import (
    ActionFactory,
    AgendaItemFactory,
    BoardFactory,
    DecisionFactory,
    SeatFactory,
)
from tests.portfolio.factories import ProjectFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%%EOF\n"

BOARD = {  # record the board's meetings, papers, attendance, actions and decisions
    "anonymous": False,
    "member": False,
    "organisation_lead": False,
    "project_lead": False,
    "board_member": True,
    "programme_office": True,
}
OFFICE = {role: role == "programme_office" for role in ROLE_FIXTURES}
SIGNED_IN = {role: role != "anonymous" for role in ROLE_FIXTURES}


def _expected(allowed: bool, role: str, success: int) -> int:
    if allowed:
        return success
    return 302 if role == "anonymous" else 403


# The predicates ----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_predicates(user_for_role, role, board, meeting):
    user = user_for_role(role)
    item = AgendaItemFactory(meeting=meeting)
    reserved = AgendaItemFactory(meeting=meeting, reserved=True)
    action = ActionFactory(meeting=meeting)
    assert permissions.can_act_for_board(user, board) is BOARD[role]
    assert permissions.can_manage_boards(user) is OFFICE[role]
    assert permissions.can_manage_gates(user) is OFFICE[role]
    assert permissions.can_view_meetings(user) is SIGNED_IN[role]
    assert permissions.can_view_members(user) is SIGNED_IN[role]
    assert permissions.can_read_item(user, item, board) is SIGNED_IN[role]
    assert permissions.can_read_item(user, reserved, board) is BOARD[role]
    assert permissions.can_update_action(user, action, board) is BOARD[role]


def test_a_member_of_another_board_acts_only_for_their_own(board, meeting):
    other = SeatFactory(board=BoardFactory(name="Partnership Board")).person
    assert not permissions.can_act_for_board(other, board)
    assert not permissions.can_read_item(
        other, AgendaItemFactory(meeting=meeting, reserved=True), board
    )
    assert permissions.can_act_for_any_board(other)


def test_the_owner_of_an_action_updates_it(member, board, meeting):
    action = ActionFactory(meeting=meeting, owner=member)
    assert permissions.can_update_action(member, action, board)


def test_a_former_member_acts_no_more(board):
    seat = SeatFactory(board=board, ended_on=timezone.localdate())
    assert not permissions.can_act_for_board(seat.person, board)


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_decisions_are_public_where_their_subject_is(user_for_role, role, meeting):
    user = user_for_role(role)
    public = DecisionFactory(meeting=meeting, project=ProjectFactory(visibility=Visibility.PUBLIC))
    private = DecisionFactory(
        meeting=meeting, project=ProjectFactory(visibility=Visibility.PARTNERSHIP)
    )
    general = DecisionFactory(meeting=meeting)
    assert permissions.can_view_decision(user, public)
    assert permissions.can_view_decision(user, private) is SIGNED_IN[role]
    assert permissions.can_view_decision(user, general) is SIGNED_IN[role]


# Through the pages -------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_reading(client_for, user_for_role, role, board, meeting):
    client = client_for(user_for_role(role))
    public_decision = DecisionFactory(
        meeting=meeting, project=ProjectFactory(visibility=Visibility.PUBLIC)
    )
    private_decision = DecisionFactory(meeting=meeting)
    for name, args in (
        ("governance:index", []),
        ("governance:board_detail", [board.slug]),
        ("governance:decisions", []),
        ("governance:gates", []),
        ("governance:calendar", []),
        ("governance:decision_detail", [public_decision.pk]),
    ):
        assert client.get(reverse(name, args=args)).status_code == 200, name
    signed_in = SIGNED_IN[role]
    for name, args in (
        ("governance:meetings", []),
        ("governance:meeting_detail", [meeting.pk]),
        ("governance:meeting_pdf", [meeting.pk]),
        ("governance:actions", []),
        ("governance:awaiting", []),
    ):
        status = client.get(reverse(name, args=args)).status_code
        assert status == (200 if signed_in else 302), name
    status = client.get(reverse("governance:decision_detail", args=[private_decision.pk]))
    assert status.status_code == (200 if signed_in else 404)


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_managing_boards_and_gates(client_for, user_for_role, role, board):
    client = client_for(user_for_role(role))
    seat = BoardMembership.objects.get(board=board)
    person = UserFactory(email="new.member@fife.gov.uk")
    allowed = OFFICE[role]
    checks = [
        ("get", reverse("governance:board_create"), {}, 200),
        (
            "post",
            reverse("governance:board_create"),
            {"name": "Audit Board", "remit": "Checks the books.", "cadence": "quarterly"},
            302,
        ),
        ("get", reverse("governance:board_edit", args=[board.slug]), {}, 200),
        (
            "post",
            reverse("governance:seat_add", args=[board.slug]),
            {"person": person.email, "role": "member", "started_on": "2026-11-02"},
            302,
        ),
        ("post", reverse("governance:seat_change", args=[seat.pk]), {"role": "chair"}, 302),
        (
            "post",
            reverse("governance:gate_set", args=["approved"]),
            {"approved-board": board.pk, "approved-note": ""},
            302,
        ),
        ("post", reverse("governance:gate_remove", args=["approved"]), {}, 302),
    ]
    for method, url, data, success in checks:
        response = getattr(client, method)(url, data)
        assert response.status_code == _expected(allowed, role, success), url
    assert Board.objects.filter(slug="audit-board").exists() is allowed
    assert BoardMembership.objects.filter(person=person).exists() is allowed
    assert BoardMembership.objects.get(pk=seat.pk).role == ("chair" if allowed else "secretary")


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_recording_for_a_board(
    client_for, user_for_role, role, board, meeting, member, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client = client_for(user_for_role(role))
    allowed = BOARD[role]
    item = AgendaItemFactory(meeting=meeting)
    project = ProjectFactory()
    start = timezone.localtime(timezone.now() + datetime.timedelta(days=20))
    checks = [
        (
            "post",
            reverse("governance:meeting_create", args=[board.slug]),
            {"date": start.date().isoformat(), "start_time": "10:00"},
            302,
        ),
        (
            "post",
            reverse("governance:meeting_edit", args=[meeting.pk]),
            {
                "date": timezone.localdate(meeting.starts_at).isoformat(),
                "start_time": "10:00",
                "status": "held",
                "minutes": "Agreed the plan.",
                "version": 1,
            },
            302,
        ),
        (
            "post",
            reverse("governance:agenda_item_add", args=[meeting.pk]),
            {
                "title": "Budget",
                "paper": SimpleUploadedFile("budget.pdf", PDF, content_type="application/pdf"),
            },
            302,
        ),
        (
            "post",
            reverse("governance:agenda_item_edit", args=[item.pk]),
            {"title": "Renamed", "version": 1},
            302,
        ),
        ("post", reverse("governance:attendance", args=[meeting.pk]), {"version": 2}, 302),
        (
            "post",
            reverse("governance:action_add", args=[meeting.pk]),
            {
                "description": "Write to councils",
                "owner": member.email,
                "due_on": (timezone.localdate() + datetime.timedelta(days=5)).isoformat(),
            },
            302,
        ),
        (
            "post",
            reverse("governance:decision_add", args=[meeting.pk]),
            {"title": "Note the report", "outcome": "approved", "project": project.pk},
            302,
        ),
        ("post", reverse("governance:agenda_item_remove", args=[item.pk]), {}, 302),
    ]
    for method, url, data, success in checks:
        response = getattr(client, method)(url, data)
        assert response.status_code == _expected(allowed, role, success), (
            url,
            response.content[:300],
        )
    assert Meeting.objects.filter(board=board).count() == (2 if allowed else 1)
    assert AgendaItem.objects.filter(title="Budget").exists() is allowed
    assert Action.objects.filter(description="Write to councils").exists() is allowed
    assert Decision.objects.filter(title="Note the report").exists() is allowed
    assert AgendaItem.objects.filter(pk=item.pk).exists() is not allowed


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_correcting_a_decision_and_updating_an_action(client_for, user_for_role, role, meeting):
    client = client_for(user_for_role(role))
    allowed = BOARD[role]
    decision = DecisionFactory(meeting=meeting, title="Original")
    action = ActionFactory(meeting=meeting)
    response = client.post(
        reverse("governance:decision_edit", args=[decision.pk]),
        {"title": "Corrected", "outcome": "approved", "version": 1},
    )
    assert response.status_code == _expected(allowed, role, 302)
    response = client.post(
        reverse("governance:action_edit", args=[action.pk]),
        {"status": "done", "due_on": action.due_on.isoformat(), "version": 1},
    )
    if role == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == (302 if allowed else 403)
    assert Decision.objects.get(pk=decision.pk).title == ("Corrected" if allowed else "Original")
    assert Action.objects.get(pk=action.pk).status == ("done" if allowed else "open")


def test_a_member_of_another_board_is_refused_everywhere(client_for, board, meeting):
    other = SeatFactory(board=BoardFactory(name="Partnership Board")).person
    client = client_for(other)
    decision = DecisionFactory(meeting=meeting)
    for url in (
        reverse("governance:meeting_create", args=[board.slug]),
        reverse("governance:meeting_edit", args=[meeting.pk]),
        reverse("governance:agenda_item_add", args=[meeting.pk]),
        reverse("governance:attendance", args=[meeting.pk]),
        reverse("governance:action_add", args=[meeting.pk]),
        reverse("governance:decision_add", args=[meeting.pk]),
        reverse("governance:decision_edit", args=[decision.pk]),
    ):
        assert client.get(url).status_code == 403, url
    # Their own meetings list in the general decision form does not offer this board's.
    page = client.get(reverse("governance:decision_new")).content.decode()
    assert "Programme Board," not in page


def test_reserved_papers_are_for_the_board(
    client_for, board, meeting, member, board_member, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    from heartbeat.governance import services
    from heartbeat.governance.inputs import AgendaItemInput

    item = services.agenda_item_add(
        actor=board_member,
        meeting=meeting,
        data=AgendaItemInput(title="Staffing", reserved=True),
        paper=SimpleUploadedFile("staffing.pdf", PDF),
    )
    url = reverse("governance:paper", args=[item.pk])
    response = client_for(board_member).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith('attachment; filename="staffing.pdf"')
    assert client_for(member).get(url).status_code == 403
    assert client_for(None).get(url).status_code == 302
    page = client_for(member).get(meeting.get_absolute_url()).content.decode()
    assert "staffing.pdf" not in page
    assert "Reserved business" in page


def test_buttons_show_only_to_those_who_may_press_them(client_for, member, board_member, meeting):
    page = client_for(member).get(meeting.get_absolute_url()).content.decode()
    for label in (
        "Edit the meeting",
        "Add an agenda item",
        "Record a decision",
        "Record an action",
    ):
        assert label not in page
    page = client_for(board_member).get(meeting.get_absolute_url()).content.decode()
    for label in (
        "Edit the meeting",
        "Add an agenda item",
        "Record a decision",
        "Record an action",
    ):
        assert label in page
    assert StageGate.objects.count() == 0

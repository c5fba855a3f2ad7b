"""Governance's pages as people meet them: bad input on every form, conflicts, exports,
the feed, the minutes as PDF, the project's gate history and the home page's blocks."""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from openpyxl import load_workbook

from heartbeat.governance.models import AgendaItem, Decision, Meeting
from heartbeat.portfolio.models import Stage, Visibility
from tests.factories import UserFactory
from tests.governance.factories import (
    ActionFactory,
    AgendaItemFactory,
    BoardFactory,
    DecisionFactory,
    MeetingFactory,
    SeatFactory,
    approval_gate,
    upcoming,
)
from tests.portfolio.factories import ProjectFactory, complete_definition

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _text(response) -> str:
    return response.content.decode()


def test_adding_a_meeting_with_bad_input(client, board_member, board):
    client.force_login(board_member)
    url = reverse("governance:meeting_create", args=[board.slug])
    response = client.post(
        url, {"date": "31/02/2027", "start_time": "25:00", "place": "Verity House"}
    )
    assert response.status_code == 422
    page = _text(response)
    assert "Enter the date as a date" in page
    assert "Enter the start time like 10:00" in page
    assert 'value="Verity House"' in page
    response = client.post(url, {"date": "2027-01-13", "start_time": "10:00", "end_time": "09:00"})
    assert "The meeting must end after it starts" in _text(response)
    response = client.post(
        url, {"date": "2027-01-13", "start_time": "10:00", "link": "teams meeting"}
    )
    assert "Enter the online meeting link, starting https://" in _text(response)
    assert not Meeting.objects.exists()
    response = client.post(url, {"date": "2027-01-13", "start_time": "10:00", "end_time": "12:30"})
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert timezone.localtime(meeting.starts_at).hour == 10


def test_two_secretaries_editing_the_minutes_do_not_overwrite_each_other(
    client, board_member, board, programme_office
):
    meeting = MeetingFactory(board=board)
    day = timezone.localdate(meeting.starts_at).isoformat()
    data = {"date": day, "start_time": "10:00", "status": "held", "version": 1}
    client.force_login(programme_office)
    response = client.post(
        reverse("governance:meeting_edit", args=[meeting.pk]), {**data, "minutes": "First."}
    )
    assert response.status_code == 302
    client.force_login(board_member)
    response = client.post(
        reverse("governance:meeting_edit", args=[meeting.pk]), {**data, "minutes": "Second."}
    )
    assert response.status_code == 409
    page = _text(response)
    assert "after you opened it" in page
    assert "Second." in page
    assert 'name="version" value="2"' in page
    assert Meeting.objects.get().minutes == "First."


def test_a_paper_of_the_wrong_kind_is_explained_and_the_item_kept(client, board_member, board):
    meeting = upcoming(board=board)
    client.force_login(board_member)
    response = client.post(
        reverse("governance:agenda_item_add", args=[meeting.pk]),
        {
            "title": "Budget 2027-28",
            "summary": "For decision.",
            "paper": SimpleUploadedFile("budget.exe", b"MZ"),
        },
    )
    assert response.status_code == 422
    page = _text(response)
    assert "The paper must be one of these kinds of file" in page
    assert 'value="Budget 2027-28"' in page and "For decision." in page
    assert not AgendaItem.objects.exists()


def test_a_decision_without_a_meeting_is_refused_on_the_form(client, board_member, board):
    project = ProjectFactory()
    MeetingFactory(board=board)
    client.force_login(board_member)
    response = client.post(
        reverse("governance:decision_new"),
        {"title": "Approve it", "outcome": "approved", "project": project.pk},
    )
    assert response.status_code == 422
    page = _text(response)
    assert "Choose the meeting at which the board decided" in page
    assert 'href="#id_meeting"' in page
    assert "Approve it" in page
    assert not Decision.objects.exists()


def test_a_decision_by_the_wrong_board_is_explained_and_nothing_moves(
    client, programme_office, board
):
    approval_gate(board)
    project = complete_definition(ProjectFactory(stage=Stage.DEFINED))
    partnership = BoardFactory(name="Partnership Board")
    meeting = MeetingFactory(board=partnership)
    client.force_login(programme_office)
    response = client.post(
        reverse("governance:decision_add", args=[meeting.pk]),
        {
            "title": "Approve it",
            "outcome": "approved",
            "project": project.pk,
            "gate_stage": "approved",
        },
    )
    # The Partnership Board owns no gate, so its form does not offer one.
    assert response.status_code == 422
    assert "Select a valid choice" in _text(response)
    response = client.post(
        reverse("governance:decision_new"),
        {
            "meeting": meeting.pk,
            "title": "Approve it",
            "outcome": "approved",
            "project": project.pk,
            "gate_stage": "approved",
        },
    )
    assert response.status_code == 409
    assert "The Programme Board owns the approval gate" in _text(response)
    project.refresh_from_db()
    assert project.stage == Stage.DEFINED
    assert not Decision.objects.exists()


def test_the_decision_log_filters_exports_and_hides_private_subjects(client, member, board):
    meeting = MeetingFactory(board=board)
    public = DecisionFactory(
        meeting=meeting,
        title="Approve school admissions",
        project=ProjectFactory(visibility=Visibility.PUBLIC),
    )
    DecisionFactory(
        meeting=meeting,
        title="Approve the security centre",
        outcome="deferred",
        project=ProjectFactory(visibility=Visibility.PARTNERSHIP),
    )
    page = _text(client.get(reverse("governance:decisions")))
    assert public.title in page and "security centre" not in page
    client.force_login(member)
    page = _text(client.get(reverse("governance:decisions"), {"outcome": "deferred"}))
    assert "security centre" in page and public.title not in page
    response = client.get(reverse("governance:decisions"), {"format": "csv", "q": "admissions"})
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[0][:4] == ["Date", "Board", "Decision", "Outcome"]
    assert [r[2] for r in rows[1:]] == ["Approve school admissions"]
    response = client.get(reverse("governance:decisions"), {"format": "xlsx"})
    assert load_workbook(io.BytesIO(response.getvalue())).active.max_row == 3
    page = _text(client.get(reverse("governance:decisions"), {"outcome": "noted", "board": "x"}))
    assert "Some filters were not used" in page


def test_meetings_and_actions_export(client, member, board):
    meeting = MeetingFactory(board=board)
    ActionFactory(meeting=meeting, owner=member, description="Write to every council")
    client.force_login(member)
    response = client.get(reverse("governance:meetings"), {"format": "csv"})
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[1][0] == "Programme Board"
    response = client.get(reverse("governance:actions"), {"format": "xlsx", "owner": "me"})
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    assert sheet["A2"].value == "Write to every council"


def test_the_meetings_calendar_parses_and_keeps_places_for_members(client, member, board):
    meeting = upcoming(board=board, place="Verity House", link="https://teams.example.org/x")
    response = client.get(reverse("governance:calendar"))
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Programme Board meeting"
    assert event.decoded("dtstart") == meeting.starts_at.replace(microsecond=0)
    assert "location" not in event  # visitors see when, not where
    client.force_login(member)
    (event,) = Calendar.from_ical(client.get(reverse("governance:calendar")).content).walk("VEVENT")
    assert str(event["location"]) == "Verity House"
    assert "https://teams.example.org/x" in str(event["description"])


def test_the_minutes_download_as_a_pdf(client, member, board):
    meeting = MeetingFactory(board=board, minutes="The board agreed the plan.")
    client.force_login(member)
    response = client.get(reverse("governance:meeting_pdf", args=[meeting.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_project_page_shows_the_gate_history(client, member, board_member, board):
    approval_gate(board)
    project = complete_definition(ProjectFactory(stage=Stage.DEFINED, title="Digital telecare"))
    page = _text(client.get(project.get_absolute_url()))
    assert "Moving to approved needs a decision of the" in page
    assert "Record the board" not in page  # visitors record nothing
    client.force_login(board_member)
    page = _text(client.get(project.get_absolute_url()))
    assert f"?project={project.slug}&amp;gate=approved" in page
    from heartbeat.governance import services
    from heartbeat.governance.inputs import DecisionInput

    services.decision_record(
        actor=board_member,
        meeting=MeetingFactory(board=board),
        data=DecisionInput(
            title="Approve Digital telecare",
            outcome="approved",
            project_id=project.pk,
            gate_stage="approved",
            conditions="Quarterly benefits reports",
        ),
    )
    client.force_login(member)
    page = _text(client.get(project.get_absolute_url()))
    assert 'id="gate-history"' in page
    assert "Approve Digital telecare" in page
    assert "Conditions: Quarterly benefits reports" in page
    assert "To approved on" in page


def test_a_board_member_sees_what_awaits_their_board_and_their_actions(client, board_member, board):
    approval_gate(board)
    waiting = complete_definition(ProjectFactory(stage=Stage.DEFINED, title="ePlanning"))
    ProjectFactory(stage=Stage.PROPOSED, title="Parking permits")
    ActionFactory(meeting=MeetingFactory(board=board), owner=board_member, description="Chase HR")
    client.force_login(board_member)
    page = _text(client.get("/"))
    assert "Awaiting your board&#39;s decision" in page or "Awaiting your board's decision" in page
    # Other blocks may list new projects; the board's block lists only those awaiting it.
    awaiting_block = page.split('id="awaiting-decision"', 1)[1].split("</section>", 1)[0]
    assert waiting.title in awaiting_block and "Parking permits" not in awaiting_block
    assert "Your open actions" in page and "Chase HR" in page
    awaiting = _text(client.get(reverse("governance:awaiting"), {"board": "mine"}))
    assert waiting.title in awaiting


def test_people_with_no_board_and_no_actions_see_no_governance_blocks(client, member):
    client.force_login(member)
    page = _text(client.get("/"))
    assert "Awaiting your board" not in page
    assert "Your open actions" not in page


def test_seat_forms_explain_bad_input(client, programme_office, board):
    client.force_login(programme_office)
    response = client.post(
        reverse("governance:seat_add", args=[board.slug]),
        {"person": "nobody@example.gov.uk", "role": "member", "started_on": "2026-11-02"},
    )
    assert response.status_code == 422
    assert "There is no one with that email address" in _text(response)
    UserFactory(email="chair@fife.gov.uk")
    SeatFactory(board=board, role="chair")
    response = client.post(
        reverse("governance:seat_add", args=[board.slug]),
        {"person": "chair@fife.gov.uk", "role": "chair", "started_on": "2026-11-02"},
    )
    assert response.status_code == 409
    assert "chairs the Programme Board" in _text(response)


def test_the_meeting_page_lists_everything(client, member, board):
    meeting = MeetingFactory(board=board, minutes="Welcome.\n\nBudget agreed.")
    AgendaItemFactory(meeting=meeting, title="Budget 2027-28", presenter="Head of Finance")
    DecisionFactory(meeting=meeting, title="Agree the budget")
    earlier = MeetingFactory(board=board, starts_at=meeting.starts_at - datetime.timedelta(days=30))
    ActionFactory(meeting=earlier, description="Circulate the framework")
    client.force_login(member)
    page = _text(client.get(meeting.get_absolute_url()))
    assert f'<a class="ds_link" href="{board.get_absolute_url()}">Programme Board</a>' in page
    for text in (
        "Budget 2027-28",
        "Head of Finance",
        "Budget agreed.",
        "Agree the budget",
        "Circulate the framework",
        'id="actions-carried-table"',
    ):
        assert text in page, text


def test_what_awaits_a_decision_exports(client, board_member, board):
    approval_gate(board)
    complete_definition(ProjectFactory(stage=Stage.DEFINED, title="ePlanning"))
    client.force_login(board_member)
    response = client.get(reverse("governance:awaiting"), {"board": "mine", "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[0][:5] == ["Project", "Stage", "In that stage since", "Gate", "Board"]
    assert rows[1][0] == "ePlanning" and rows[1][4] == "Programme Board"

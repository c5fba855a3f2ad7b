"""Meetings and what they hold: agenda items with papers, minutes, attendance, actions."""

import datetime

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from heartbeat.core.exceptions import ApplicationError, Conflict, InvalidInput, PermissionDenied
from heartbeat.governance import selectors, services
from heartbeat.governance.inputs import ActionInput, AgendaItemInput, MeetingInput
from heartbeat.governance.models import (
    PAPER_MAX_BYTES,
    Action,
    AgendaItem,
    Attendance,
    Meeting,
    MeetingStatus,
)
from tests.factories import UserFactory
from tests.governance.factories import (
    ActionFactory,
    BoardFactory,
    DecisionFactory,
    MeetingFactory,
    SeatFactory,
    upcoming,
)

pytestmark = pytest.mark.django_db

NOW = timezone.now()
TODAY = timezone.localdate()
PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def pdf(name="paper.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_a_secretary_schedules_a_meeting_and_writes_its_minutes_after(board_member, board):
    starts = NOW + datetime.timedelta(days=10)
    meeting = services.meeting_create(
        actor=board_member,
        board=board,
        data=MeetingInput(
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            place="Verity House",
            link="https://teams.example.org/meet/123",
        ),
    )
    assert (meeting.status, meeting.created_by) == (MeetingStatus.SCHEDULED, board_member)
    with pytest.raises(InvalidInput) as error:
        services.meeting_update(
            actor=board_member,
            meeting=meeting,
            data=MeetingInput(starts_at=starts, minutes="We met.", status="scheduled"),
            expected_version=1,
        )
    assert error.value.field == "minutes"
    with pytest.raises(InvalidInput) as error:
        services.meeting_update(
            actor=board_member,
            meeting=meeting,
            data=MeetingInput(starts_at=starts, status="held"),
            expected_version=1,
        )
    assert error.value.field == "status"
    past = NOW - datetime.timedelta(hours=3)
    held = services.meeting_update(
        actor=board_member,
        meeting=meeting,
        data=MeetingInput(starts_at=past, status="held", minutes="1. Welcome.\n\n2. Budget."),
        expected_version=1,
    )
    assert (held.status, held.version) == (MeetingStatus.HELD, 2)
    with pytest.raises(Conflict):
        services.meeting_update(
            actor=board_member,
            meeting=meeting,
            data=MeetingInput(starts_at=past, status="held", minutes="Overwrite"),
            expected_version=1,
        )
    assert Meeting.objects.get().minutes == "1. Welcome.\n\n2. Budget."


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"starts_at": None}, "starts_at"),
        ({"ends_at": "before"}, "ends_at"),
        ({"ends_at": "too long"}, "ends_at"),
        ({"link": "not a link"}, "link"),
        ({"place": "x" * 201}, "place"),
        ({"status": "postponed"}, "status"),
        ({"starts_at": datetime.datetime(1999, 1, 1, tzinfo=datetime.UTC)}, "starts_at"),
    ],
)
def test_bad_meeting_input(board_member, board, data, field):
    starts = NOW + datetime.timedelta(days=3)
    values = {"starts_at": starts}
    values.update(data)
    if values.get("ends_at") == "before":
        values["ends_at"] = starts - datetime.timedelta(minutes=1)
    elif values.get("ends_at") == "too long":
        values["ends_at"] = starts + datetime.timedelta(hours=13)
    with pytest.raises(InvalidInput) as error:
        services.meeting_create(actor=board_member, board=board, data=MeetingInput(**values))
    assert error.value.field == field
    assert not Meeting.objects.exists()


def test_a_meeting_with_decisions_was_not_cancelled(board_member, board):
    meeting = MeetingFactory(board=board)
    DecisionFactory(meeting=meeting)
    with pytest.raises(ApplicationError) as error:
        services.meeting_update(
            actor=board_member,
            meeting=meeting,
            data=MeetingInput(starts_at=meeting.starts_at, status="cancelled"),
            expected_version=1,
        )
    assert error.value.code == "meeting_has_decisions"


def test_members_of_another_board_cannot_record_this_boards_meetings(board):
    other = SeatFactory(board=BoardFactory(name="Partnership Board")).person
    with pytest.raises(PermissionDenied) as error:
        services.meeting_create(actor=other, board=board, data=MeetingInput(starts_at=NOW))
    assert error.value.code == "not_your_board"


# Agenda and papers -------------------------------------------------------------------------


def test_papers_are_stored_through_the_storage_api_and_replaced(
    board_member, board, django_capture_on_commit_callbacks
):
    meeting = upcoming(board=board)
    item = services.agenda_item_add(
        actor=board_member,
        meeting=meeting,
        data=AgendaItemInput(title="Budget 2027-28", presenter="Head of Finance"),
        paper=pdf("Budget 2027-28.pdf"),
    )
    assert item.order == 1
    assert (item.paper_name, item.paper_type, item.paper_size) == (
        "Budget 2027-28.pdf",
        "application/pdf",
        len(PDF),
    )
    first = item.paper.name
    assert first.startswith(f"governance/papers/{meeting.pk}/") and first.endswith(".pdf")
    assert "Budget" not in first  # stored under a name of our making
    assert default_storage.exists(first)
    with default_storage.open(first, "rb") as handle:
        assert handle.read() == PDF
    second = services.agenda_item_add(
        actor=board_member, meeting=meeting, data=AgendaItemInput(title="Any other business")
    )
    assert second.order == 2 and not second.paper
    with django_capture_on_commit_callbacks(execute=True):
        replaced = services.agenda_item_update(
            actor=board_member,
            item=item,
            data=AgendaItemInput(title="Budget 2027-28 (revised)"),
            expected_version=1,
            paper=pdf("Revised.pdf"),
        )
    assert replaced.paper_name == "Revised.pdf"
    assert default_storage.exists(replaced.paper.name)
    assert not default_storage.exists(first)  # the old file went when the change committed
    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_item_update(
            actor=board_member,
            item=replaced,
            data=AgendaItemInput(title="Budget 2027-28 (revised)"),
            expected_version=2,
            remove_paper=True,
        )
    assert not default_storage.exists(replaced.paper.name)
    assert not AgendaItem.objects.get(pk=item.pk).paper


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("paper.exe", b"MZ..."), "must be one of these kinds of file"),
        (SimpleUploadedFile("paper.pdf", b""), "empty"),
        (SimpleUploadedFile("paper.pdf", b"<html>not a pdf</html>"), "not a real PDF"),
        (SimpleUploadedFile("paper.docx", b"%PDF-1.4 renamed"), "not a real DOCX"),
        (SimpleUploadedFile("paper.pdf", b"%PDF-" + b"0" * PAPER_MAX_BYTES), "20 MB or smaller"),
    ],
)
def test_bad_papers_are_refused_and_nothing_is_stored(board_member, board, upload, message):
    meeting = upcoming(board=board)
    with pytest.raises(InvalidInput) as error:
        services.agenda_item_add(
            actor=board_member, meeting=meeting, data=AgendaItemInput(title="Item"), paper=upload
        )
    assert error.value.field == "paper"
    assert message in error.value.message
    assert not AgendaItem.objects.exists()
    assert not default_storage.exists(f"governance/papers/{meeting.pk}")


def test_removing_an_item_deletes_its_paper(
    board_member, board, django_capture_on_commit_callbacks
):
    item = services.agenda_item_add(
        actor=board_member,
        meeting=upcoming(board=board),
        data=AgendaItemInput(title="Item"),
        paper=pdf(),
    )
    name = item.paper.name
    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_item_remove(actor=board_member, item=item)
    assert not AgendaItem.objects.exists()
    assert not default_storage.exists(name)


def test_a_cancelled_meeting_takes_no_agenda(board_member, board):
    meeting = upcoming(board=board, status=MeetingStatus.CANCELLED)
    with pytest.raises(ApplicationError) as error:
        services.agenda_item_add(
            actor=board_member, meeting=meeting, data=AgendaItemInput(title="Item")
        )
    assert error.value.code == "meeting_cancelled"


# Attendance --------------------------------------------------------------------------------


def test_attendance_lists_those_who_sat_on_the_board_that_day(board_member, board):
    meeting = MeetingFactory(board=board)
    chair = SeatFactory(board=board, role="chair").person
    later = SeatFactory(board=board, started_on=TODAY).person
    outsider = UserFactory()
    with pytest.raises(InvalidInput):
        services.attendance_record(
            actor=board_member,
            meeting=meeting,
            statuses={outsider.pk: "present"},
            expected_version=1,
        )
    with pytest.raises(InvalidInput):
        services.attendance_record(
            actor=board_member, meeting=meeting, statuses={later.pk: "present"}, expected_version=1
        )
    services.attendance_record(
        actor=board_member,
        meeting=meeting,
        statuses={chair.pk: "present", board_member.pk: "apologies"},
        others_attending="Head of Finance, Fife Council",
        expected_version=1,
    )
    assert dict(Attendance.objects.values_list("person_id", "status")) == {
        chair.pk: "present",
        board_member.pk: "apologies",
    }
    detail = selectors.meeting_detail(board_member, meeting.pk)
    assert [r.person for r in detail.present] == [chair]
    assert [r.person for r in detail.apologies] == [board_member]
    with pytest.raises(Conflict):
        services.attendance_record(
            actor=board_member, meeting=meeting, statuses={}, expected_version=1
        )


def test_attendance_waits_for_the_meeting(board_member, board):
    with pytest.raises(ApplicationError) as error:
        services.attendance_record(
            actor=board_member, meeting=upcoming(board=board), statuses={}, expected_version=1
        )
    assert error.value.code == "meeting_not_yet_held"


# Actions -----------------------------------------------------------------------------------


def test_actions_are_carried_forward_until_done(board_member, board, member):
    january = MeetingFactory(board=board, starts_at=NOW - datetime.timedelta(days=90))
    february = MeetingFactory(board=board, starts_at=NOW - datetime.timedelta(days=60))
    march = MeetingFactory(board=board, starts_at=NOW - datetime.timedelta(days=30))
    action = services.action_create(
        actor=board_member,
        meeting=january,
        data=ActionInput(
            description="Circulate the benefits framework",
            owner_id=member.pk,
            due_on=TODAY - datetime.timedelta(days=70),
        ),
    )
    other_board = MeetingFactory(starts_at=NOW - datetime.timedelta(days=80))
    ActionFactory(meeting=other_board)
    assert [a.pk for a in selectors.meeting_detail(member, february.pk).carried] == [action.pk]
    assert [a.pk for a in selectors.meeting_detail(member, march.pk).carried] == [action.pk]
    # The owner reports it done; it shows at the next meeting as done, then drops off.
    done = services.action_update(
        actor=member,
        action=action,
        status="done",
        update="Sent to all 32 councils",
        expected_version=1,
    )
    assert (done.status, done.done_on) == ("done", TODAY)
    later = MeetingFactory(board=board, starts_at=NOW - datetime.timedelta(hours=1))
    assert [a.pk for a in selectors.meeting_detail(member, later.pk).carried] == [action.pk]
    after = MeetingFactory(board=board, starts_at=NOW + datetime.timedelta(days=30))
    assert selectors.meeting_detail(member, after.pk).carried == []
    assert selectors.meeting_detail(member, january.pk).carried == []


def test_the_owner_updates_but_does_not_hand_over_an_action(board_member, board, member):
    action = ActionFactory(meeting=MeetingFactory(board=board), owner=member)
    with pytest.raises(PermissionDenied):
        services.action_update(
            actor=member,
            action=action,
            status="open",
            owner_id=UserFactory().pk,
            expected_version=1,
        )
    with pytest.raises(PermissionDenied):
        services.action_update(
            actor=UserFactory(), action=action, status="done", expected_version=1
        )
    moved = services.action_update(
        actor=board_member,
        action=action,
        status="open",
        owner_id=board_member.pk,
        expected_version=1,
    )
    assert moved.owner == board_member
    with pytest.raises(Conflict):
        services.action_update(actor=board_member, action=action, status="done", expected_version=1)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"description": ""}, "description"),
        ({"description": "x" * 501}, "description"),
        ({"owner_id": None}, "owner"),
        ({"owner_id": 999999}, "owner"),
        ({"due_on": None}, "due_on"),
        ({"due_on": "before"}, "due_on"),
    ],
)
def test_bad_action_input(board_member, board, member, data, field):
    meeting = MeetingFactory(board=board)
    values = {"description": "Write to councils", "owner_id": member.pk, "due_on": TODAY}
    values.update(data)
    if values["due_on"] == "before":
        values["due_on"] = timezone.localdate(meeting.starts_at) - datetime.timedelta(days=1)
    with pytest.raises(InvalidInput) as error:
        services.action_create(actor=board_member, meeting=meeting, data=ActionInput(**values))
    assert error.value.field == field
    assert not Action.objects.exists()


def test_actions_wait_for_the_meeting(board_member, board, member):
    with pytest.raises(ApplicationError) as error:
        services.action_create(
            actor=board_member,
            meeting=upcoming(board=board),
            data=ActionInput(description="Later", owner_id=member.pk, due_on=TODAY),
        )
    assert error.value.code == "meeting_not_yet_held"


@pytest.mark.parametrize(
    ("model", "field", "length"),
    [
        ("board", "remit", 2001),
        ("meeting", "minutes", 50001),
        ("decision", "conditions", 4001),
    ],
)
def test_the_database_holds_long_text_to_the_same_length(model, field, length):
    from django.db import IntegrityError, transaction

    record = {
        "board": BoardFactory,
        "meeting": MeetingFactory,
        "decision": DecisionFactory,
    }[model]()
    with pytest.raises(IntegrityError), transaction.atomic():
        type(record).objects.filter(pk=record.pk).update(**{field: "x" * length})


def test_the_database_bounds_agenda_item_numbers():
    from django.db import IntegrityError, transaction

    item = AgendaItem.objects.create(meeting=upcoming(), title="Item", order=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        AgendaItem.objects.filter(pk=item.pk).update(order=1000)

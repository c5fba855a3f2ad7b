"""Meetings and what they hold: agenda items with papers, minutes, attendance and actions.

A board's members (and the programme office) record them; an action's owner may also
report progress on it and mark it done.
"""

from __future__ import annotations

import datetime
import os
import secrets

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from heartbeat.accounts.models import User
from heartbeat.core.exceptions import ApplicationError, InvalidInput, NotFound
from heartbeat.core.formatting import uk_date
from heartbeat.governance import permissions
from heartbeat.governance.inputs import ActionInput, AgendaItemInput, MeetingInput
from heartbeat.governance.models import (
    ITEM_NUMBER_MAX,
    LINK_MAX,
    MINUTES_MAX,
    PAPER_MAX_BYTES,
    PAPER_TYPES,
    PLACE_MAX,
    TEXT_MAX,
    TITLE_MAX,
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Board,
    BoardMembership,
    Meeting,
    MeetingStatus,
)
from heartbeat.governance.services.common import (
    check_version,
    delete,
    person,
    require,
    save,
    text,
    web_address,
)

EARLIEST = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
LATEST = datetime.datetime(2100, 1, 1, tzinfo=datetime.UTC)
# What the first bytes of each kind of paper must be: a PDF, or a zip (Office and
# OpenDocument files). Plain text and CSV have no signature.
ZIP_TYPES = (".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp")
SIGNATURES = {".pdf": b"%PDF-", **dict.fromkeys(ZIP_TYPES, b"PK\x03\x04")}


def _require_board(actor, board: Board, what: str) -> None:
    if actor is not None:
        require(
            permissions.can_act_for_board(actor, board),
            f"Only the {board.name}'s members and the programme office can {what}.",
            code="not_your_board",
        )


def _lock_meeting(meeting: Meeting, expected_version: int | None = None) -> Meeting:
    current = Meeting.objects.select_for_update().select_related("board").filter(pk=meeting.pk)
    current = current.first()
    if current is None:
        raise NotFound("That meeting no longer exists.")
    check_version(current, expected_version, f"the meeting of {uk_date(current.starts_at)}")
    return current


def has_started(meeting: Meeting) -> bool:
    return meeting.starts_at <= timezone.now()


def _refuse_before_start(meeting: Meeting, what: str) -> None:
    if not has_started(meeting):
        raise ApplicationError(
            f"The meeting on {uk_date(meeting.starts_at)} has not happened yet: {what} once "
            "it has.",
            code="meeting_not_yet_held",
            status=409,
        )


def _refuse_cancelled(meeting: Meeting, what: str) -> None:
    if meeting.status == MeetingStatus.CANCELLED:
        raise ApplicationError(
            f"The meeting on {uk_date(meeting.starts_at)} was cancelled: it has no {what}.",
            code="meeting_cancelled",
            status=409,
        )


# Meetings ----------------------------------------------------------------------------------


def _clean_meeting(data: MeetingInput, current: Meeting | None) -> dict:
    starts_at = data.starts_at
    if starts_at is None:
        raise InvalidInput("Enter the date and time the meeting starts.", field="starts_at")
    if timezone.is_naive(starts_at):
        starts_at = timezone.make_aware(starts_at)
    if not EARLIEST <= starts_at < LATEST:
        raise InvalidInput("Enter a date between the years 2000 and 2099.", field="starts_at")
    ends_at = data.ends_at
    if ends_at is not None:
        if timezone.is_naive(ends_at):
            ends_at = timezone.make_aware(ends_at)
        if ends_at <= starts_at:
            raise InvalidInput("The meeting must end after it starts.", field="ends_at")
        if ends_at - starts_at > datetime.timedelta(hours=12):
            raise InvalidInput(
                "A meeting lasts 12 hours at most: check the end time.", field="ends_at"
            )
    if data.status not in MeetingStatus.values:
        raise InvalidInput("Choose scheduled, held or cancelled.", field="status")
    minutes = text(data.minutes, field="minutes", label="minutes", max_length=MINUTES_MAX)
    now = timezone.now()
    if data.status == MeetingStatus.HELD and starts_at > now:
        raise InvalidInput(
            "A meeting that has not started yet cannot have been held: keep it scheduled.",
            field="status",
        )
    if minutes and starts_at > now:
        raise InvalidInput(
            "Minutes are for a meeting that has taken place: add them after the meeting.",
            field="minutes",
        )
    if (
        current is not None
        and data.status == MeetingStatus.CANCELLED
        and current.decisions.exists()
    ):
        raise ApplicationError(
            "The board recorded decisions at this meeting, so it was not cancelled.",
            code="meeting_has_decisions",
            status=409,
            field="status",
        )
    if current is not None and starts_at > now and current.decisions.exists():
        raise InvalidInput(
            "The board recorded decisions at this meeting, so it cannot move to the future.",
            field="starts_at",
        )
    return {
        "starts_at": starts_at,
        "ends_at": ends_at,
        "place": text(data.place, field="place", label="place", max_length=PLACE_MAX),
        "link": web_address(
            data.link, field="link", label="online meeting link", max_length=LINK_MAX
        ),
        "status": data.status,
        "minutes": minutes,
        "others_attending": text(
            data.others_attending,
            field="others_attending",
            label="others attending",
            max_length=500,
        ),
    }


@transaction.atomic
def meeting_create(*, actor, board: Board, data: MeetingInput) -> Meeting:
    """Schedule (or record) a meeting of a board."""
    _require_board(actor, board, "record its meetings")
    values = _clean_meeting(data, None)
    meeting = Meeting(board=board, created_by=person(actor), **values)
    save(meeting, actor)
    return meeting


@transaction.atomic
def meeting_update(
    *, actor, meeting: Meeting, data: MeetingInput, expected_version: int
) -> Meeting:
    """Change a meeting's time, place, status, minutes or who else attended."""
    _require_board(actor, meeting.board, "record its meetings")
    current = _lock_meeting(meeting, expected_version)
    values = _clean_meeting(data, current)
    if any(getattr(current, k) != v for k, v in values.items()):
        for name, value in values.items():
            setattr(current, name, value)
        current.version += 1
        save(current, actor)
    return current


# Agenda and papers -------------------------------------------------------------------------


def _check_paper(upload: UploadedFile) -> tuple[str, str, str, int]:
    """The paper's name, extension, content type and size, or a clear refusal."""
    name = os.path.basename((upload.name or "").replace("\\", "/")).strip()
    if not name or "\x00" in name:
        raise InvalidInput("Give the paper a file name.", field="paper")
    if len(name) > 200:
        stem, ext = os.path.splitext(name)
        name = stem[: 200 - len(ext)] + ext
    extension = os.path.splitext(name)[1].lower()
    if extension not in PAPER_TYPES:
        kinds = ", ".join(ext[1:].upper() for ext in PAPER_TYPES)
        raise InvalidInput(f"The paper must be one of these kinds of file: {kinds}.", field="paper")
    size = upload.size or 0
    if size == 0:
        raise InvalidInput("The paper is empty: choose the file again.", field="paper")
    if size > PAPER_MAX_BYTES:
        raise InvalidInput(
            f"The paper must be {PAPER_MAX_BYTES // (1024 * 1024)} MB or smaller.", field="paper"
        )
    signature = SIGNATURES.get(extension)
    if signature:
        upload.seek(0)
        head = upload.read(len(signature))
        upload.seek(0)
        if head != signature:
            raise InvalidInput(
                f"The file is not a real {extension[1:].upper()} file: save it again as "
                f"{extension[1:].upper()} and attach that.",
                field="paper",
            )
    return name, extension, PAPER_TYPES[extension], size


def _attach(item: AgendaItem, upload: UploadedFile) -> str | None:
    """Store the paper through the storage API; return the old file's name to delete."""
    name, extension, content_type, size = _check_paper(upload)
    old = item.paper.name if item.paper else None
    item.paper_token = secrets.token_hex(16)
    item.paper_extension = extension
    item.paper_name = name
    item.paper_type = content_type
    item.paper_size = size
    item.paper.save(name, upload, save=False)
    return old


def _delete_file_later(storage, name: str | None) -> None:
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def _clean_item(data: AgendaItemInput) -> dict:
    return {
        "title": text(
            data.title, field="title", label="item's title", max_length=TITLE_MAX, required=True
        ),
        "presenter": text(data.presenter, field="presenter", label="presenter", max_length=150),
        "summary": text(data.summary, field="summary", label="summary", max_length=TEXT_MAX),
        "reserved": bool(data.reserved),
    }


def _store(item: AgendaItem, actor, upload: UploadedFile | None) -> None:
    """Save the item with its new paper, removing the new file again if the save fails."""
    old = _attach(item, upload) if upload is not None else None
    try:
        with transaction.atomic():
            save(item, actor)
    except Exception:
        if upload is not None and item.paper:
            item.paper.storage.delete(item.paper.name)
        raise
    _delete_file_later(item.paper.storage, old)


@transaction.atomic
def agenda_item_add(
    *, actor, meeting: Meeting, data: AgendaItemInput, paper: UploadedFile | None = None
) -> AgendaItem:
    """Add an item to a meeting's agenda, with its paper if there is one."""
    _require_board(actor, meeting.board, "change its agendas")
    current = _lock_meeting(meeting)
    _refuse_cancelled(current, "agenda")
    values = _clean_item(data)
    order = data.order
    if order is None:
        order = (current.agenda_items.aggregate(last=Max("order"))["last"] or 0) + 1
    if not 0 <= order <= ITEM_NUMBER_MAX:
        raise InvalidInput(f"Give the item a number from 0 to {ITEM_NUMBER_MAX}.", field="order")
    item = AgendaItem(meeting=current, order=order, **values)
    _store(item, actor, paper)
    return item


def _lock_item(item: AgendaItem, expected_version: int | None) -> AgendaItem:
    current = (
        AgendaItem.objects.select_for_update()
        .select_related("meeting__board")
        .filter(pk=item.pk)
        .first()
    )
    if current is None:
        raise NotFound("That agenda item no longer exists.")
    check_version(current, expected_version, f"the item {current.title}")
    return current


@transaction.atomic
def agenda_item_update(
    *,
    actor,
    item: AgendaItem,
    data: AgendaItemInput,
    expected_version: int,
    paper: UploadedFile | None = None,
    remove_paper: bool = False,
) -> AgendaItem:
    """Change an agenda item, replace its paper, or take the paper off."""
    _require_board(actor, item.meeting.board, "change its agendas")
    current = _lock_item(item, expected_version)
    for name, value in _clean_item(data).items():
        setattr(current, name, value)
    if data.order is not None:
        if not 0 <= data.order <= ITEM_NUMBER_MAX:
            raise InvalidInput(
                f"Give the item a number from 0 to {ITEM_NUMBER_MAX}.", field="order"
            )
        current.order = data.order
    removed = None
    if remove_paper and paper is None and current.paper:
        removed = current.paper.name
        current.paper = ""
        current.paper_name = current.paper_type = current.paper_token = ""
        current.paper_extension = ""
        current.paper_size = None
    current.version += 1
    _store(current, actor, paper)
    _delete_file_later(current.paper.storage, removed)
    return current


@transaction.atomic
def agenda_item_remove(*, actor, item: AgendaItem, expected_version: int | None = None) -> None:
    """Take an item off the agenda, with its paper."""
    _require_board(actor, item.meeting.board, "change its agendas")
    current = _lock_item(item, expected_version)
    name = current.paper.name if current.paper else None
    storage = current.paper.storage
    delete(current, actor)
    _delete_file_later(storage, name)


# Attendance --------------------------------------------------------------------------------


@transaction.atomic
def attendance_record(
    *,
    actor,
    meeting: Meeting,
    statuses: dict[int, str],
    others_attending: str = "",
    expected_version: int,
) -> Meeting:
    """Record who of the board was present or sent apologies, and who else attended.

    ``statuses`` maps people's ids to present, apologies or absent. Only people who sat
    on the board on the meeting's day (or are already recorded) can be listed.
    """
    _require_board(actor, meeting.board, "record attendance")
    current = _lock_meeting(meeting, expected_version)
    _refuse_cancelled(current, "attendance")
    _refuse_before_start(current, "record attendance")
    day = timezone.localdate(current.starts_at)
    seated = set(
        BoardMembership.objects.filter(board=current.board, started_on__lte=day)
        .exclude(ended_on__lt=day)
        .values_list("person_id", flat=True)
    )
    existing = {a.person_id: a for a in current.attendance.all()}
    for person_id, status in statuses.items():
        if status not in AttendanceStatus.values:
            raise InvalidInput("Choose present, apologies or absent.", field=f"person-{person_id}")
        if person_id not in seated and person_id not in existing:
            raise InvalidInput(
                f"Only people who sat on the {current.board.name} on {uk_date(day)} can be "
                "recorded as its members at this meeting; list others under others attending.",
                field=f"person-{person_id}",
            )
    for person_id, status in statuses.items():
        row = existing.get(person_id)
        if row is None:
            save(Attendance(meeting=current, person_id=person_id, status=status), actor)
        elif row.status != status:
            row.status = status
            save(row, actor)
    current.others_attending = text(
        others_attending, field="others_attending", label="others attending", max_length=500
    )
    current.version += 1
    save(current, actor)
    return current


# Actions -----------------------------------------------------------------------------------


def _owner(owner_id: int | None, *, keep: int | None = None) -> User:
    if owner_id is None:
        raise InvalidInput("Choose who owns the action.", field="owner")
    owner = User.objects.filter(pk=owner_id).first()
    if owner is None or not (owner.is_active or owner_id == keep):
        raise InvalidInput("Choose an owner from the people who use Heartbeat.", field="owner")
    return owner


@transaction.atomic
def action_create(*, actor, meeting: Meeting, data: ActionInput) -> Action:
    """Record an action the meeting agreed: what, who and by when."""
    _require_board(actor, meeting.board, "record its actions")
    current = _lock_meeting(meeting)
    _refuse_cancelled(current, "actions")
    _refuse_before_start(current, "record its actions")
    description = text(
        data.description, field="description", label="action", max_length=500, required=True
    )
    owner = _owner(data.owner_id)
    if data.due_on is None:
        raise InvalidInput("Enter the date the action is due.", field="due_on")
    day = timezone.localdate(current.starts_at)
    if data.due_on < day:
        raise InvalidInput(
            f"The action is due on or after the meeting, {uk_date(day)}.", field="due_on"
        )
    if data.due_on.year > 2099:
        raise InvalidInput("Enter a due date before the year 2100.", field="due_on")
    action = Action(meeting=current, description=description, owner=owner, due_on=data.due_on)
    save(action, actor)
    return action


@transaction.atomic
def action_update(
    *,
    actor,
    action: Action,
    status: str,
    update: str = "",
    due_on: datetime.date | None = None,
    owner_id: int | None = None,
    expected_version: int,
) -> Action:
    """Report progress on an action, move its due date, or mark it done (or open again).

    The action's owner may do this; changing who owns it is for the board.
    """
    current = (
        Action.objects.select_for_update().select_related("meeting__board").filter(pk=action.pk)
    ).first()
    if current is None:
        raise NotFound("That action no longer exists.")
    board = current.meeting.board
    if actor is not None:
        require(
            permissions.can_update_action(actor, current, board),
            f"Only the action's owner, the {board.name}'s members and the programme office "
            "can update it.",
        )
    check_version(current, expected_version, "this action")
    if status not in ActionStatus.values:
        raise InvalidInput("Choose open or done.", field="status")
    current.update = text(update, field="update", label="progress note", max_length=500)
    if due_on is not None and due_on != current.due_on:
        day = timezone.localdate(current.meeting.starts_at)
        if due_on < day or due_on.year > 2099:
            raise InvalidInput(
                f"The action is due on or after the meeting that agreed it, {uk_date(day)}.",
                field="due_on",
            )
        current.due_on = due_on
    if owner_id is not None and owner_id != current.owner_id:
        if actor is not None:
            require(
                permissions.can_act_for_board(actor, board),
                f"Only the {board.name}'s members and the programme office can give the "
                "action to someone else.",
            )
        current.owner = _owner(owner_id, keep=current.owner_id)
    if status == ActionStatus.DONE and current.status != ActionStatus.DONE:
        current.done_on = timezone.localdate()
    elif status == ActionStatus.OPEN:
        current.done_on = None
    current.status = status
    current.version += 1
    save(current, actor)
    return current

"""Load the demo governance (see ``heartbeat.demo.loader`` and ``demo.data.governance``).

Boards, seats and gates are written through the services. Meetings and what they hold are
written with the ORM, dated as the data says, because they happened in the past (the
services record "now", and refuse minutes and decisions for meetings still to come);
approvals link to the moves the work programme's demo stories already recorded, so each
project's gate history shows the board's decision. The tests check the result against the
services' rules.

Idempotent: boards are keyed on their slugs, seats on board, person and start, meetings on
board and start, and what a meeting holds on its meeting and title; what exists is left
as it is. Papers are made as PDFs with WeasyPrint and stored through the storage API.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from heartbeat.core.exceptions import ApplicationError
from heartbeat.demo.data import governance as demo_data
from heartbeat.demo.portfolio import parse_date
from heartbeat.demo.skills import programme_office_user
from heartbeat.governance import services
from heartbeat.governance.inputs import BoardInput
from heartbeat.governance.models import (
    PAPER_TYPES,
    Action,
    AgendaItem,
    Attendance,
    Board,
    BoardMembership,
    Decision,
    Meeting,
    MeetingStatus,
    StageGate,
    paper_path,
)
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.models import Project, StageTransition
from heartbeat.roadmap.models import Product
from heartbeat.work_requests.models import WorkRequest


def _moment(day: str, time: str) -> datetime.datetime:
    hour, minute = (int(part) for part in time.split(":"))
    return timezone.make_aware(
        datetime.datetime.combine(parse_date(day), datetime.time(hour, minute))
    )


def _save(instance, actor, when: datetime.datetime) -> None:
    instance._history_user = actor
    instance._history_date = min(when, timezone.now())
    instance.save()


def _people(password: str) -> dict:
    """Everyone the boards need, by email; the demo's board people are created if missing."""
    User = get_user_model()
    emails = {seat[1] for seat in demo_data.SEATS}
    for meeting in demo_data.MEETINGS:
        emails |= {action[1] for action in meeting.get("actions", [])}
    hashed = None
    for data in demo_data.PEOPLE:
        if User.objects.filter(email=data["email"]).exists():
            continue
        hashed = hashed or make_password(password)
        User.objects.create(
            email=data["email"],
            full_name=data["full_name"],
            job_title=data["job_title"],
            organisation=Organisation.objects.get(name=data["organisation"]),
            is_board_member=True,
            password=hashed,
        )
    people = {u.email: u for u in User.objects.filter(email__in=emails)}
    missing = sorted(emails - set(people))
    if missing:
        raise ApplicationError(
            "The demo boards need these people, who do not exist yet: "
            f"{', '.join(missing)}. Load the partnership's and the work programme's demo "
            "data first.",
            code="demo_people_missing",
        )
    return people


def _boards(office) -> dict[str, Board]:
    boards = {}
    for data in demo_data.BOARDS:
        board = Board.objects.filter(slug=data["slug"]).first()
        if board is None:
            board = services.board_create(
                actor=office,
                data=BoardInput(name=data["name"], remit=data["remit"], cadence=data["cadence"]),
            )
        boards[board.slug] = board
    return boards


def _seats(boards, people, office) -> None:
    existing = set(
        BoardMembership.objects.values_list("board__slug", "person__email", "started_on")
    )
    for slug, email, role, start, end in demo_data.SEATS:
        if (slug, email, parse_date(start)) in existing:
            continue
        seat = BoardMembership(
            board=boards[slug],
            person=people[email],
            role=role,
            started_on=parse_date(start),
            ended_on=parse_date(end),
        )
        _save(seat, office, _moment(start, "09:00"))


def _gates(boards, office) -> None:
    for data in demo_data.GATES:
        if not StageGate.objects.filter(stage=data["stage"]).exists():
            services.gate_set(
                actor=office, stage=data["stage"], board=boards[data["board"]], note=data["note"]
            )


def _paper_pdf(key: str) -> tuple[str, bytes]:
    # WeasyPrint takes about a second to import: only the demo's papers pay for it.
    import weasyprint
    from weasyprint.urls import URLFetcher

    paper = demo_data.PAPERS[key]
    body = "".join(f"<p>{escape(p)}</p>" for p in paper["paragraphs"])
    html = (
        '<html lang="en-GB"><head><meta charset="utf-8"><style>'
        "body{font-family:'DejaVu Sans',sans-serif;font-size:11pt;line-height:1.5}"
        "h1{font-size:16pt}</style></head><body>"
        f"<h1>{escape(paper['title'])}</h1>{body}</body></html>"
    )
    fetcher = URLFetcher(allowed_protocols=["data"])
    return paper["file"], weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf()


def _agenda(meeting: Meeting, items: list, office, when) -> None:
    existing = set(meeting.agenda_items.values_list("title", flat=True))
    standard = [("Welcome, apologies and the minutes of the last meeting", "", "")]
    closing = [("Any other business", "", "")]
    for order, item in enumerate([*standard, *items, *closing], start=1):
        title, presenter, summary = item[:3]
        if title in existing:
            continue
        agenda_item = AgendaItem(
            meeting=meeting, order=order, title=title, presenter=presenter, summary=summary
        )
        if len(item) > 3:
            name, content = _paper_pdf(item[3])
            agenda_item.paper_token = f"{meeting.pk:04d}{order:02d}demo"
            agenda_item.paper_extension = ".pdf"
            agenda_item.paper_name = name
            agenda_item.paper_type = PAPER_TYPES[".pdf"]
            agenda_item.paper_size = len(content)
            # The demo's papers have names of their own: loading again replaces the file
            # rather than piling up copies beside it.
            path = paper_path(agenda_item, name)
            if agenda_item.paper.storage.exists(path):
                agenda_item.paper.storage.delete(path)
            agenda_item.paper.save(name, ContentFile(content), save=False)
        _save(agenda_item, office, when)


def _attendance(meeting: Meeting, apologies: list[str], people: dict, office) -> None:
    if meeting.attendance.exists():
        return
    day = timezone.localdate(meeting.starts_at)
    seats = BoardMembership.objects.filter(board=meeting.board, started_on__lte=day).exclude(
        ended_on__lt=day
    )
    sent = {people[email].pk for email in apologies if email in people}
    for seat in seats:
        status = "apologies" if seat.person_id in sent else "present"
        _save(
            Attendance(meeting=meeting, person_id=seat.person_id, status=status),
            office,
            meeting.starts_at,
        )


def _subject(data: dict, products: dict) -> dict:
    values = {}
    if data.get("project"):
        values["project"] = Project.objects.get(slug=data["project"])
    if data.get("product"):
        values["product"] = products[data["product"]]
    if data.get("work_request"):
        organisation, title = data["work_request"]
        work_request = WorkRequest.objects.filter(
            organisation__name=organisation, title=title
        ).first()
        if work_request is None:
            raise ApplicationError(
                f"Demo decision '{data['title']}': there is no work request '{title}' from "
                f"{organisation}. Load the work requests' demo data first."
            )
        values["work_request"] = work_request
    return values


def _decisions(meeting: Meeting, decisions: list[dict], products, recorder) -> int:
    existing = set(meeting.decisions.values_list("title", flat=True))
    made = 0
    for data in decisions:
        if data["title"] in existing:
            continue
        decision = Decision(
            meeting=meeting,
            title=data["title"],
            outcome=data["outcome"],
            detail=data.get("detail", ""),
            conditions=data.get("conditions", ""),
            gate_stage=data.get("gate", ""),
            recorded_by=recorder,
            **_subject(data, products),
        )
        if data.get("moved_on"):
            decision.transition = _move_for(decision, data["moved_on"])
        _save(decision, recorder, meeting.ends_at or meeting.starts_at)
        made += 1
    return made


def _move_for(decision: Decision, day: str) -> StageTransition:
    """The move the work programme's demo story recorded for this approval."""
    move = StageTransition.objects.filter(
        project=decision.project, to_stage=decision.gate_stage, at__date=parse_date(day)
    ).first()
    if move is None or decision.outcome != "approved":
        raise ApplicationError(
            f"Demo decision '{decision.title}': {decision.project.slug} has no move to "
            f"{decision.gate_stage} on {day} for it to link to."
        )
    return move


def _actions(meeting: Meeting, actions: list, people, office) -> None:
    existing = set(meeting.actions.values_list("description", flat=True))
    for description, owner, due, done, update in actions:
        if description in existing:
            continue
        action = Action(
            meeting=meeting,
            description=description,
            owner=people[owner],
            due_on=parse_date(due),
            status="done" if done else "open",
            done_on=parse_date(done),
            update=update,
        )
        _save(action, office, meeting.ends_at or meeting.starts_at)


def load(context) -> None:
    with transaction.atomic():
        office = programme_office_user()
        people = _people(context.password)
        # The board people the demo makes share every demo account's password.
        context.people.update(p["email"] for p in demo_data.PEOPLE)
        boards = _boards(office)
        _seats(boards, people, office)
        _gates(boards, office)
        products = {
            (p.project.slug, p.anticipated.name if p.anticipated else p.name): p
            for p in Product.objects.select_related("project", "anticipated")
        }
        secretary = people[demo_data.RACHEL]
        now = timezone.now()
        meetings = decisions = 0
        for data in demo_data.MEETINGS:
            board = boards[data["board"]]
            starts = _moment(data["date"], data["start"])
            meeting = Meeting.objects.filter(board=board, starts_at=starts).first()
            held = starts < now
            if meeting is None:
                meeting = Meeting(
                    board=board,
                    starts_at=starts,
                    ends_at=_moment(data["date"], data["end"]),
                    place="" if data.get("link") else data["place"],
                    link=data.get("link", ""),
                    status=MeetingStatus.HELD if held else MeetingStatus.SCHEDULED,
                    minutes=data.get("minutes", "") if held else "",
                    created_by=secretary,
                )
                _save(meeting, secretary, starts - datetime.timedelta(days=21))
                meetings += 1
            _agenda(meeting, data.get("agenda", []), secretary, starts - datetime.timedelta(days=7))
            if held:
                _attendance(meeting, data.get("apologies", []), people, secretary)
                decisions += _decisions(meeting, data.get("decisions", []), products, secretary)
                _actions(meeting, data.get("actions", []), people, secretary)
    context.summary.append(
        f"Governance: {len(demo_data.BOARDS)} boards, {len(demo_data.MEETINGS)} meetings "
        f"({meetings} created), {decisions} decisions added."
    )

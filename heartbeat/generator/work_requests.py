"""Synthetic work requests for ``heartbeat generate`` (see ``heartbeat.generator.runner``).

About 200 requests per unit of scale (2,000 at scale 10) from the councils, raised by their
people over the last two years, each with up to six other councils supporting it and a few
comments. A fifth are submitted, some under review, a third accepted (most into an open
project, a few with their project to follow), and the rest declined with a reason or marked
as duplicates of an earlier request. Every triage move is recorded. Bulk inserts throughout.
"""

from __future__ import annotations

import datetime
import random
from collections import defaultdict

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from heartbeat.accounts.models import User
from heartbeat.generator.runner import BATCH_SIZE
from heartbeat.partnership.models import Organisation, OrganisationKind
from heartbeat.portfolio.models import OPEN_STAGES, Project, Theme
from heartbeat.work_requests.models import (
    Comment,
    State,
    StateChange,
    Support,
    Urgency,
    WorkRequest,
)

PER_SCALE = 200
SUPPORTERS = (0, 6)
STATES = [
    (State.SUBMITTED, 0.2),
    (State.UNDER_REVIEW, 0.15),
    (State.ACCEPTED, 0.3),
    (State.DECLINED, 0.2),
    (State.DUPLICATE, 0.15),
]
WAITING_SHARE = 0.1  # of accepted requests: their project is still to follow
SERVICES = [
    "bulky uplifts",
    "garden waste permits",
    "school placing requests",
    "council tax direct debits",
    "housing repairs",
    "parking permits",
    "burial bookings",
    "licence renewals",
    "pothole reports",
    "community hall lets",
    "Blue Badge renewals",
    "winter gritting information",
    "school clothing grants",
    "planning enquiries",
    "library memberships",
]
ASKS = [
    "Book {} online",
    "Report and track {}",
    "Pay for {} online",
    "Apply for {} without paper forms",
    "Shared case handling for {}",
]
REASONS = [
    "A national service already does this; the Digital Office will help you link to it.",
    "Outside the programme: it is a single council's system replacement.",
    "Covered by work already planned for next year.",
]
COMMENTS = [
    "We have the same problem and would test an early version.",
    "Could this reuse the shared bookings platform?",
    "The programme office will look at this at the next triage meeting.",
]
CHANGE_REASON = "Generated synthetic data"


def _councils_with_people() -> tuple[list[Organisation], dict[int, list[int]]]:
    people: dict[int, list[int]] = defaultdict(list)
    for pk, organisation_id in User.objects.filter(
        is_active=True, organisation__kind=OrganisationKind.LOCAL_AUTHORITY
    ).values_list("pk", "organisation_id"):
        people[organisation_id].append(pk)
    councils = list(Organisation.objects.local_authorities().order_by("pk"))
    return councils, people


def _pick_state(rng: random.Random) -> str:
    roll, total = rng.random(), 0.0
    for state, share in STATES:
        total += share
        if roll < total:
            return state
    return STATES[-1][0]


def generate(scale: int, rng: random.Random, stdout) -> dict[str, int]:
    """Create about 200 work requests per unit of scale, with supports and comments."""
    councils, people = _councils_with_people()
    themes = list(Theme.objects.order_by("pk").values_list("pk", flat=True))
    office = User.objects.filter(is_programme_office=True).order_by("pk").first()
    projects = list(
        Project.objects.filter(stage__in=OPEN_STAGES).order_by("pk").values_list("pk", flat=True)
    )
    if not councils or not themes:
        return {"work requests": 0, "supports": 0}
    now = timezone.now()
    count = PER_SCALE * scale
    requests: list[WorkRequest] = []
    plans = []
    for n in range(count):
        organisation = rng.choice(councils)
        staff = people.get(organisation.pk, [])
        raised = now - datetime.timedelta(days=730 * (count - n) / count, hours=rng.randint(0, 8))
        state = _pick_state(rng)
        service = rng.choice(SERVICES)
        title = f"{rng.choice(ASKS).format(service)} ({organisation.name} {n + 1})"
        requests.append(
            WorkRequest(
                title=title[:200],
                organisation=organisation,
                raised_by_id=rng.choice(staff) if staff else None,
                problem=f"Residents can only arrange {service} by phone or on paper, and staff "
                "re-key every request into the back-office system.",
                affected=f"Residents who use {service}, and the council staff who handle them.",
                outcome=f"Residents arrange {service} online at any time, and staff see every "
                "request in one place.",
                theme_id=rng.choice(themes),
                urgency=rng.choice(Urgency.values),
                benefit_value=rng.choice([None, 5000, 12000, 25000, 60000, 150000]),
                state=State.SUBMITTED,
                state_changed_at=raised,
                version=1,
                created_at=raised,
                updated_at=raised,
            )
        )
        plans.append(state)
    raised_dates = [work_request.created_at for work_request in requests]
    requests = bulk_create_with_history(
        requests, WorkRequest, batch_size=BATCH_SIZE, default_change_reason=CHANGE_REASON
    )
    # The insert stamps created_at and updated_at with now, on the objects too: put the
    # generated dates back on them, then in the database.
    for work_request, raised in zip(requests, raised_dates, strict=True):
        work_request.created_at = work_request.updated_at = raised
    WorkRequest.objects.bulk_update(requests, ["created_at", "updated_at"], batch_size=BATCH_SIZE)

    supports: list[Support] = []
    comments: list[Comment] = []
    changes: list[StateChange] = []
    decided: list[WorkRequest] = []
    candidates: list[WorkRequest] = []  # open or accepted, for duplicates to point at
    for work_request, state in zip(requests, plans, strict=True):
        others = [
            c
            for c in rng.sample(councils, k=min(len(councils), 8))
            if c.pk != work_request.organisation_id
        ]
        for organisation in others[: rng.randint(*SUPPORTERS)]:
            staff = people.get(organisation.pk, [])
            supports.append(
                Support(
                    work_request=work_request,
                    organisation=organisation,
                    supported_by_id=rng.choice(staff) if staff else None,
                    need=f"{organisation.name} has the same need.",
                    created_at=work_request.created_at
                    + datetime.timedelta(days=rng.randint(1, 20)),
                )
            )
        for i in range(rng.randint(0, 3)):
            staff = people.get(work_request.organisation_id) or [office.pk if office else None]
            comments.append(
                Comment(
                    work_request=work_request,
                    author_id=rng.choice(staff),
                    organisation_id=work_request.organisation_id,
                    body=COMMENTS[i % len(COMMENTS)],
                    created_at=work_request.created_at + datetime.timedelta(days=i + 1),
                )
            )
        if state == State.DUPLICATE and not candidates:
            state = State.UNDER_REVIEW
        if state != State.SUBMITTED:
            reviewed = work_request.created_at + datetime.timedelta(days=rng.randint(3, 20))
            changes.append(
                StateChange(
                    work_request=work_request,
                    from_state=State.SUBMITTED,
                    to_state=State.UNDER_REVIEW,
                    actor=office,
                    at=reviewed,
                )
            )
            work_request.state = State.UNDER_REVIEW
            work_request.state_changed_at = reviewed
        if state in (State.ACCEPTED, State.DECLINED, State.DUPLICATE):
            when = work_request.state_changed_at + datetime.timedelta(days=rng.randint(7, 40))
            note = ""
            if state == State.ACCEPTED:
                if projects and rng.random() > WAITING_SHARE:
                    work_request.project_id = rng.choice(projects)
                note = "Project to follow" if work_request.project_id is None else "Linked"
            elif state == State.DECLINED:
                work_request.decline_reason = rng.choice(REASONS)
                note = work_request.decline_reason
            else:
                original = rng.choice(candidates)
                work_request.duplicate_of_id = original.pk
                note = f"Duplicate of {original.reference}"
            changes.append(
                StateChange(
                    work_request=work_request,
                    from_state=State.UNDER_REVIEW,
                    to_state=state,
                    actor=office,
                    note=note,
                    at=when,
                )
            )
            work_request.state = state
            work_request.state_changed_at = when
            decided.append(work_request)
        if work_request.state in (State.SUBMITTED, State.UNDER_REVIEW, State.ACCEPTED):
            candidates.append(work_request)
    WorkRequest.objects.bulk_update(
        requests,
        ["state", "state_changed_at", "project", "decline_reason", "duplicate_of"],
        batch_size=BATCH_SIZE,
    )
    bulk_create_with_history(
        supports, Support, batch_size=BATCH_SIZE, default_change_reason=CHANGE_REASON
    )
    Comment.objects.bulk_create(comments, batch_size=BATCH_SIZE)
    StateChange.objects.bulk_create(changes, batch_size=BATCH_SIZE)
    return {
        "work requests": len(requests),
        "supports": len(supports),
        "request comments": len(comments),
        "triage moves": len(changes),
    }


def flush(stdout) -> None:
    """Delete every work request with its supports, comments, files and triage moves."""
    for model in (StateChange, Comment, Support):
        model.objects.all()._raw_delete(model.objects.db)
    from heartbeat.work_requests.models import Attachment

    Attachment.objects.all()._raw_delete(Attachment.objects.db)
    # Duplicates point at other requests of the same table: one statement removes them all.
    WorkRequest.objects.all()._raw_delete(WorkRequest.objects.db)
    for model in (WorkRequest, Support):
        model.history.all()._raw_delete(model.history.db)

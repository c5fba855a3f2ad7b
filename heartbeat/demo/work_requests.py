"""Load the demo's work requests (see ``heartbeat.demo.loader`` and its data in
``heartbeat.demo.data.work_requests``).

Requests, supports and comments are written through the services, and every triage move
through the triage service as the programme office, so accepted requests become projects
and their councils interested participants exactly as they would; then the dates are set
back to the story's. Moves are recorded without emails: they happened in the past.

Idempotent: a request is keyed on its organisation and title; one that exists is left as it
is, with its supports, comments and story.
"""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from heartbeat.core.exceptions import ApplicationError
from heartbeat.demo.data.work_requests import WORK_REQUESTS
from heartbeat.demo.portfolio import event_time
from heartbeat.demo.skills import programme_office_user
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.models import Project, Theme
from heartbeat.recruitment.models import Participation
from heartbeat.work_requests import services
from heartbeat.work_requests.inputs import NewProjectInput, WorkRequestInput
from heartbeat.work_requests.models import Comment, StateChange, Support, WorkRequest


def _people_by_organisation() -> dict[int, object]:
    """The first demo person of each organisation (by email), to raise and support for it."""
    people: dict[int, object] = {}
    for person in (
        get_user_model()
        .objects.filter(is_active=True, organisation__isnull=False, is_programme_office=False)
        .order_by("email")
    ):
        people.setdefault(person.organisation_id, person)
    return people


def _need(names: dict, kind: str, name: str):
    if name not in names:
        raise ApplicationError(
            f"The demo's work requests need the {kind} '{name}', which does not exist yet. "
            "Load the partnership and work programme demo data first."
        )
    return names[name]


def _create(data: dict, organisations, themes, people, emails) -> WorkRequest:
    organisation = _need(organisations, "organisation", data["organisation"])
    value = data["benefit_value"]
    work_request = services.work_request_create(
        actor=None,
        organisation=organisation,
        data=WorkRequestInput(
            title=data["title"],
            problem=data["problem"],
            affected=data["affected"],
            outcome=data["outcome"],
            theme_id=_need(themes, "theme", data["theme"]).pk,
            urgency=data["urgency"],
            benefit_value=None if value is None else Decimal(value),
            benefit_notes=data["benefit_notes"],
        ),
    )
    raised = event_time(data["raised_on"])
    WorkRequest.objects.filter(pk=work_request.pk).update(
        raised_by=people.get(organisation.pk),
        created_at=raised,
        updated_at=raised,
        state_changed_at=raised,
    )
    for name, need, on in data["supporters"]:
        supporter = _need(organisations, "organisation", name)
        support = services.support_add(
            actor=None, work_request=work_request, need=need, organisation=supporter
        )
        Support.objects.filter(pk=support.pk).update(
            supported_by=people.get(supporter.pk), created_at=event_time(on)
        )
    for email, body, on in data["comments"]:
        author = _need(emails, "person", email)
        comment = services.comment_add(actor=author, work_request=work_request, body=body)
        Comment.objects.filter(pk=comment.pk).update(created_at=event_time(on))
    return work_request


def _triage(work_request: WorkRequest, story: list, office, by_title) -> None:
    for move in story:
        to_state, on = move[0], move[1]
        extra = move[2] if len(move) > 2 else {}
        kwargs = {}
        if "reason" in extra:
            kwargs["reason"] = extra["reason"]
        if "original" in extra:
            kwargs["duplicate_of"] = _need(by_title, "request", extra["original"])
        if "project" in extra:
            kwargs["project"] = Project.objects.get(slug=extra["project"])
        if "new_project" in extra:
            kwargs["new_project"] = NewProjectInput(title=extra["new_project"])
        current = WorkRequest.objects.get(pk=work_request.pk)
        change = services.work_request_triage(
            actor=office, work_request=current, to_state=to_state, notify=False, **kwargs
        )
        when = event_time(on)
        StateChange.objects.filter(pk=change.pk).update(at=when)
        WorkRequest.objects.filter(pk=work_request.pk).update(state_changed_at=when)
        if to_state == "accepted":
            project = WorkRequest.objects.get(pk=work_request.pk).project
            if project is not None:
                # The councils became interested in the project when the request was accepted.
                Participation.objects.filter(
                    project=project, interested_on=timezone.localdate()
                ).update(interested_on=when.date())
        if "original" in extra:
            Support.objects.filter(moved_from=work_request, supported_by__isnull=True).update(
                created_at=when
            )


def load(context) -> None:
    office = programme_office_user()
    if office is None:
        raise ApplicationError(
            "The demo's work requests are triaged by the programme office: load the "
            "partnership's demo data first."
        )
    organisations = {o.name: o for o in Organisation.objects.all()}
    themes = {t.slug: t for t in Theme.objects.all()}
    people = _people_by_organisation()
    emails = {u.email: u for u in get_user_model().objects.filter(is_active=True)}
    existing = {
        (organisation_id, title): pk
        for pk, organisation_id, title in WorkRequest.objects.values_list(
            "pk", "organisation_id", "title"
        )
    }
    new = []
    for data in sorted(WORK_REQUESTS, key=lambda d: d["raised_on"]):
        organisation = _need(organisations, "organisation", data["organisation"])
        if (organisation.pk, data["title"]) in existing:
            continue
        new.append((data, _create(data, organisations, themes, people, emails)))
    by_title = {wr.title: wr for wr in WorkRequest.objects.all()}
    moves = sorted(
        ((data, wr) for data, wr in new if data["story"]), key=lambda pair: pair[0]["story"][0][1]
    )
    for data, work_request in moves:
        _triage(work_request, data["story"], office, by_title)
    total = WorkRequest.objects.count()
    context.summary.append(
        f"Work requests: {total} ({len(new)} added), "
        f"{Support.objects.count()} supports, {Comment.objects.count()} comments."
    )
